// SPDX-License-Identifier: MPL-2.0
// Build-time generator from registry/functions.json ("components" and the "keywords" of the arguments):
//   cartoia-unogen header functions.json function_table.hxx
//     UNO implementation and service names as constants; per keyword argument, an enum and its table
//     {folded keyword, value}, folded as the add-in folds its arguments (keywordKey).
//   cartoia-unogen component functions.json carto-ia-metiers.component.in carto-ia-metiers.component
//     the template with @IMPLEMENTATIONS@ replaced by the <implementation> elements.
#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::ordered_json;

// A C++ identifier (class, enum and enum value names).
const std::string& identifier(const Json& value, const char* what)
{
    const std::string& s = value.get_ref<const std::string&>();
    bool ok = !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0]));
    for (char c : s)
        ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (!ok)
        throw std::runtime_error(std::string("bad ") + what + " \"" + s + "\"");
    return s;
}

// A UNO implementation or service name: written as is in C++ and XML.
const std::string& unoName(const Json& value)
{
    const std::string& s = value.get_ref<const std::string&>();
    bool ok = !s.empty();
    for (char c : s)
        ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.');
    if (!ok)
        throw std::runtime_error("bad UNO name \"" + s + "\"");
    return s;
}

std::string cppLiteral(const std::string& s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c >= 0x7f) {
            char octal[5];
            std::snprintf(octal, sizeof octal, "\\%03o", c);
            out += octal;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

// The add-in's implementation (what CalcAddIns.xcu names) must be one of the components.
void checkAddIn(const Json& spec)
{
    const std::string& addIn = unoName(spec.at("implementation"));
    for (const auto& c : spec.at("components"))
        if (unoName(c.at("implementation")) == addIn)
            return;
    throw std::runtime_error("\"implementation\" " + addIn + " is not in \"components\"");
}

void writeComponents(std::ostream& o, const Json& spec)
{
    o << "// UNO implementations of the extension and their services.\n";
    for (const auto& c : spec.at("components")) {
        const std::string& name = identifier(c.at("class"), "class");
        o << "constexpr const char* k" << name << "Name = \"" << unoName(c.at("implementation")) << "\";\n"
          << "constexpr const char* k" << name << "Services[] = {";
        if (c.at("services").empty())
            throw std::runtime_error(name + " has no service");
        const char* separator = "";
        for (const auto& s : c.at("services")) {
            o << separator << '"' << unoName(s) << '"';
            separator = ", ";
        }
        o << "};\n";
    }
}

void writeKeywords(std::ostream& o, const std::string& function, const std::string& argument, const Json& keywords)
{
    const std::string& e = identifier(keywords.at("enum"), "enum");
    std::vector<std::string> values; // in order of first use
    for (const auto& [keyword, value] : keywords.at("values").items()) {
        const std::string& v = identifier(value, "enum value");
        if (std::find(values.begin(), values.end(), v) == values.end())
            values.push_back(v);
    }
    const std::string& fallback = identifier(keywords.at("default"), "default");
    if (std::find(values.begin(), values.end(), fallback) == values.end())
        throw std::runtime_error(e + ": the default " + fallback + " has no keyword");

    o << "\n// " << function << ", argument " << argument << ".\nenum class " << e << " {";
    for (std::size_t i = 0; i < values.size(); ++i)
        o << (i ? ", " : " ") << values[i];
    o << " };\nconstexpr " << e << " k" << e << "Default = " << e << "::" << fallback << ";\n"
      << "constexpr Keyword<" << e << "> k" << e << "Keywords[] = {\n";
    std::set<std::string> seen;
    for (const auto& [keyword, value] : keywords.at("values").items()) {
        const std::string folded = cartoia::keywordKey(keyword);
        if (folded.empty() || !seen.insert(folded).second)
            throw std::runtime_error(e + ": keyword \"" + keyword + "\" is empty or folds like another one");
        o << "    {" << cppLiteral(folded) << ", " << e << "::" << value.get<std::string>() << "},\n";
    }
    o << "};\n";
}

std::string header(const Json& spec)
{
    std::ostringstream o;
    o << "// Generated from registry/functions.json by cartoia-unogen: edit that file.\n"
         "#pragma once\n\n#include <string_view>\n\nnamespace cartoia::uno {\n\n";
    writeComponents(o, spec);
    o << "\n// An accepted keyword of a function option, as keywordKey(text) gives it.\n"
         "template <class E>\nstruct Keyword {\n    std::string_view folded;\n    E value;\n};\n";
    for (const auto& f : spec.at("functions"))
        for (const auto& a : f.at("arguments"))
            if (a.contains("keywords"))
                writeKeywords(o, f.at("name").get<std::string>(), a.at("name").get<std::string>(), a.at("keywords"));
    o << "\n} // namespace cartoia::uno\n";
    return o.str();
}

std::string component(const Json& spec, std::string text)
{
    std::string block;
    for (const auto& c : spec.at("components")) {
        block += "    <implementation name=\"" + unoName(c.at("implementation")) + "\">\n";
        for (const auto& s : c.at("services"))
            block += "      <service name=\"" + unoName(s) + "\"/>\n";
        block += "    </implementation>\n";
    }
    block.pop_back(); // the template's line ends after @IMPLEMENTATIONS@
    const std::string token = "@IMPLEMENTATIONS@";
    const std::size_t at = text.find(token);
    if (at == std::string::npos || text.find(token, at + 1) != std::string::npos)
        throw std::runtime_error("the template must contain " + token + " once");
    return text.replace(at, token.size(), block);
}

std::string readText(const char* path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(std::string("cannot read ") + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (!(mode == "header" && argc == 4) && !(mode == "component" && argc == 5)) {
        std::cerr << "usage: cartoia-unogen header functions.json function_table.hxx\n"
                     "       cartoia-unogen component functions.json template.component.in out.component\n";
        return 2;
    }
    try {
        const Json spec = Json::parse(readText(argv[2]));
        checkAddIn(spec);
        const std::string text = mode == "header" ? header(spec) : component(spec, readText(argv[3]));
        std::ofstream out(argv[argc - 1], std::ios::binary);
        out << text;
        if (!out)
            throw std::runtime_error(std::string("cannot write ") + argv[argc - 1]);
    } catch (const std::exception& e) {
        std::cerr << "cartoia-unogen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
