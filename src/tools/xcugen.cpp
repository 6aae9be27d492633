// SPDX-License-Identifier: MPL-2.0
// Build-time generator: registry/functions.json → CalcAddIns.xcu (function wizard texts, fr + en-US).
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace {

std::string xmlEscape(const std::string& s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

void localized(std::ostream& o, const std::string& indent, const char* prop, const nlohmann::json& values)
{
    o << indent << "<prop oor:name=\"" << prop << "\">\n";
    for (const auto& [lang, text] : values.items())
        o << indent << "  <value xml:lang=\"" << lang << "\">" << xmlEscape(text.get<std::string>()) << "</value>\n";
    o << indent << "</prop>\n";
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: cartoia-xcugen functions.json CalcAddIns.xcu\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1]);
        nlohmann::json spec = nlohmann::json::parse(in);
        std::ostringstream o;
        o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<!-- Generated from registry/functions.json by cartoia-xcugen: edit that file. -->\n"
             "<oor:component-data xmlns:oor=\"http://openoffice.org/2001/registry\"\n"
             "    xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" oor:name=\"CalcAddIns\" "
             "oor:package=\"org.openoffice.Office\">\n"
             "  <node oor:name=\"AddInInfo\">\n"
          << "    <node oor:name=\"" << spec.at("implementation").get<std::string>() << "\" oor:op=\"replace\">\n"
          << "      <node oor:name=\"AddInFunctions\">\n";
        for (const auto& f : spec.at("functions")) {
            const std::string name = f.at("name").get<std::string>();
            o << "        <node oor:name=\"" << f.at("method").get<std::string>() << "\" oor:op=\"replace\">\n";
            localized(o, "          ", "DisplayName", {{"fr", name}, {"en-US", name}});
            localized(o, "          ", "Description", f.at("description"));
            o << "          <prop oor:name=\"Category\"><value>" << spec.at("category").get<std::string>()
              << "</value></prop>\n";
            localized(o, "          ", "CompatibilityName", {{"en-US", name}});
            o << "          <node oor:name=\"Parameters\">\n";
            for (const auto& a : f.at("arguments")) {
                o << "            <node oor:name=\"" << a.at("name").get<std::string>() << "\" oor:op=\"replace\">\n";
                localized(o, "              ", "DisplayName", a.at("display"));
                localized(o, "              ", "Description", a.at("description"));
                o << "            </node>\n";
            }
            o << "          </node>\n        </node>\n";
        }
        o << "      </node>\n    </node>\n  </node>\n</oor:component-data>\n";
        std::ofstream out(argv[2]);
        out << o.str();
        if (!out)
            throw std::runtime_error(std::string("cannot write ") + argv[2]);
    } catch (const std::exception& e) {
        std::cerr << "cartoia-xcugen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
