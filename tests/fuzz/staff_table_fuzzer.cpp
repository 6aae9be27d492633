// SPDX-License-Identifier: MPL-2.0
// Fuzzes readStaffTable (encoding, separator and header detection, column mapping, row checks),
// then detectColumns / describeMapping / parseEtp / parseAmount / normaliseCategorie on what it returns.
//
// A custom mutator keeps large inputs shaped like staff tables: it works on lines and cells
// (duplicate / drop / swap rows and columns, replace or mutate a cell, change the separator,
// the encoding or the line ends, add preamble, total or "sep=" lines), and leaves a quarter of
// the mutations to libFuzzer's byte-level mutator so malformed input is still explored.
#include "cartoia/staff_table.hpp"
#include "cartoia/text_fold.hpp"
#include "fuzz_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace cartoia;

namespace {

// ---------------------------------------------------------------- checks

void checkTable(const StaffTable& t)
{
    FUZZ_CHECK(t.encoding == "UTF-8" || t.encoding == "Windows-1252" || t.encoding == "UTF-16LE" ||
               t.encoding == "UTF-16BE");
    FUZZ_CHECK(t.rows.size() == t.rowLines.size());
    if (t.header.empty()) {
        FUZZ_CHECK(t.rows.empty());
    } else {
        FUZZ_CHECK(!t.header.back().empty()); // trailing unnamed columns removed
        FUZZ_CHECK(t.headerLine >= 1);
    }
    int previous = t.headerLine;
    for (size_t r = 0; r < t.rows.size(); ++r) {
        FUZZ_CHECK(t.rows[r].size() == t.header.size());
        FUZZ_CHECK(t.rowLines[r] > previous);
        previous = t.rowLines[r];
    }
    std::vector<bool> used(t.header.size(), false);
    for (StaffField f : allStaffFields()) {
        const int c = t.mapping.column(f);
        if (c < 0)
            continue;
        FUZZ_CHECK(static_cast<size_t>(c) < t.header.size());
        FUZZ_CHECK(!used[static_cast<size_t>(c)]); // one field per column
        used[static_cast<size_t>(c)] = true;
    }
    FUZZ_CHECK(t.mapping.mappedCount() + t.mapping.unmappedColumns.size() == t.header.size());

    // detectColumns is deterministic: the header gives back the table's mapping.
    const ColumnMapping again = detectColumns(t.header);
    FUZZ_CHECK(again.columns == t.mapping.columns);
    FUZZ_CHECK(!describeMapping(t.mapping, t.header).empty());

    for (size_t r = 0; r < t.rows.size(); ++r) {
        for (StaffField f : allStaffFields())
            (void)t.value(r, f);
        const double etp = t.etp(r);
        FUZZ_CHECK(!std::isnan(etp) && etp >= 0);
        const Amount cost = t.costAmount(r);
        FUZZ_CHECK(cost.ok() ? cost.value >= 0 && std::isfinite(cost.value) : std::isnan(cost.value));
        FUZZ_CHECK(t.mapping.has(StaffField::Cout) || cost.status == AmountStatus::Empty);
        FUZZ_CHECK(std::isnan(t.cost(r)) == !cost.ok());
    }
}

void checkCell(const std::string& cell)
{
    const double etp = parseEtp(cell);
    FUZZ_CHECK(std::isnan(etp) || etp >= 0);
    const std::string cat = normaliseCategorie(cell);
    FUZZ_CHECK(cat.empty() || cat == "A" || cat == "B" || cat == "C");
    // An amount is given and readable (a finite value >= 0), blank, or refused; never a silent 0.
    const Amount amount = parseAmountCell(cell);
    switch (amount.status) {
    case AmountStatus::Ok:
        FUZZ_CHECK(std::isfinite(amount.value) && amount.value >= 0);
        FUZZ_CHECK(cell.find_first_of("0123456789") != std::string::npos);
        break;
    case AmountStatus::Empty:
        FUZZ_CHECK(std::isnan(amount.value));
        FUZZ_CHECK(cell.find_first_of("0123456789") == std::string::npos); // blank
        FUZZ_CHECK(trimText(cell).size() <= cell.size());
        break;
    case AmountStatus::Invalid:
        FUZZ_CHECK(std::isnan(amount.value));
        break;
    }
    FUZZ_CHECK(std::isnan(parseAmount(cell)) == !amount.ok());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The reader promises not to throw on malformed content: an exception escaping is a finding.
    const StaffTable t = readStaffTable(std::string_view(reinterpret_cast<const char*>(data), size));
    checkTable(t);

    // Any row may be taken for a header; values parsed cell by cell (bounded: inputs are large and
    // the reader itself already tries the first 30 rows as a header).
    for (size_t r = 0; r < t.rows.size() && r < 64; ++r) {
        if (r < 4) {
            const ColumnMapping m = detectColumns(t.rows[r]);
            (void)describeMapping(m, t.rows[r]);
        }
        for (const std::string& cell : t.rows[r])
            checkCell(cell);
    }
    for (const std::string& name : t.header)
        checkCell(name);
    return 0;
}

// ---------------------------------------------------------------- structure-aware mutator

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t maxSize);

namespace {

using Rng = std::minstd_rand;

size_t pick(Rng& rng, size_t n) { return n ? static_cast<size_t>(rng()) % n : 0; }

enum class Enc { Utf8, Utf8Bom, Utf16Le, Utf16Be };

// Code points of UTF-8 (invalid bytes come out as U+FFFD).
std::vector<uint32_t> utf8Decode(std::string_view s)
{
    std::vector<uint32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        uint32_t c = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
        bool ok = true;
        for (size_t k = 1; k < n; ++k) {
            const auto cb = static_cast<unsigned char>(s[i + k]);
            ok = ok && (cb >> 6) == 2;
            c = (c << 6) | (cb & 0x3Fu);
        }
        out.push_back(ok ? c : 0xFFFD);
        i += ok ? n : 1;
    }
    return out;
}

void utf8Append(std::string& out, uint32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string toUtf16(std::string_view utf8, bool bigEndian)
{
    std::string out = bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    auto unit = [&](uint32_t u) {
        const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
        out += bigEndian ? hi : lo;
        out += bigEndian ? lo : hi;
    };
    for (uint32_t c : utf8Decode(utf8)) {
        if (c >= 0x10000) {
            c -= 0x10000;
            unit(0xD800 | (c >> 10));
            unit(0xDC00 | (c & 0x3FF));
        } else {
            unit(c);
        }
    }
    return out;
}

std::string fromUtf16(std::string_view bytes, bool bigEndian)
{
    std::string out;
    out.reserve(bytes.size());
    for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        uint32_t u = bigEndian ? (a << 8 | b) : (b << 8 | a);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < bytes.size()) {
            const auto c = static_cast<unsigned char>(bytes[i + 2]), d = static_cast<unsigned char>(bytes[i + 3]);
            const uint32_t low = bigEndian ? (c << 8 | d) : (d << 8 | c);
            if (low >= 0xDC00 && low < 0xE000) {
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        utf8Append(out, u);
    }
    return out;
}

// Windows-1252 for the characters of French staff tables, '?' for the rest.
std::string toWindows1252(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    for (uint32_t c : utf8Decode(utf8)) {
        if (c < 0x80 || (c >= 0xA0 && c < 0x100))
            out += static_cast<char>(c);
        else if (c == 0x20AC)
            out += '\x80'; // €
        else if (c == 0x2019)
            out += '\x92'; // ’
        else if (c == 0x0153)
            out += '\x9C'; // œ
        else if (c == 0x0152)
            out += '\x8C'; // Œ
        else
            out += '?';
    }
    return out;
}

// The text a mutation works on: UTF-16 is turned into UTF-8 and back, everything else is
// ASCII-compatible enough to edit line by line as bytes.
struct Doc {
    Enc enc = Enc::Utf8;
    std::vector<std::string> lines; // without '\n' (a '\r' before it stays in the line)
    bool finalNewline = true;
    char sep = ';';

    static Doc parse(std::string_view bytes)
    {
        Doc d;
        std::string text;
        if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") {
            d.enc = Enc::Utf16Le;
            text = fromUtf16(bytes.substr(2), false);
        } else if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
            d.enc = Enc::Utf16Be;
            text = fromUtf16(bytes.substr(2), true);
        } else if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
            d.enc = Enc::Utf8Bom;
            text = std::string(bytes.substr(3));
        } else {
            text = std::string(bytes);
        }
        d.finalNewline = !text.empty() && text.back() == '\n';
        size_t start = 0;
        while (start < text.size()) {
            size_t eol = text.find('\n', start);
            if (eol == std::string::npos) {
                d.lines.push_back(text.substr(start));
                break;
            }
            d.lines.push_back(text.substr(start, eol - start));
            start = eol + 1;
        }
        // The separator the first line uses most.
        if (!d.lines.empty()) {
            size_t best = 0;
            for (char c : {';', ',', '\t', '|'}) {
                const size_t n = static_cast<size_t>(std::count(d.lines[0].begin(), d.lines[0].end(), c));
                if (n > best) {
                    best = n;
                    d.sep = c;
                }
            }
        }
        return d;
    }

    std::string text() const
    {
        std::string out;
        for (size_t i = 0; i < lines.size(); ++i) {
            out += lines[i];
            if (i + 1 < lines.size() || finalNewline)
                out += '\n';
        }
        return out;
    }

    std::string bytes() const
    {
        switch (enc) {
        case Enc::Utf8:
            return text();
        case Enc::Utf8Bom:
            return "\xEF\xBB\xBF" + text();
        case Enc::Utf16Le:
            return toUtf16(text(), false);
        case Enc::Utf16Be:
            return toUtf16(text(), true);
        }
        return text();
    }

    // Cells of a line split on the separator (quotes ignored: good enough to mutate).
    std::vector<std::string> cells(size_t line) const
    {
        std::string s = lines[line];
        const bool cr = !s.empty() && s.back() == '\r';
        if (cr)
            s.pop_back();
        std::vector<std::string> out;
        size_t start = 0;
        for (;;) {
            size_t p = s.find(sep, start);
            out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
            if (p == std::string::npos)
                break;
            start = p + 1;
        }
        if (cr)
            out.back() += '\r';
        return out;
    }

    void setCells(size_t line, std::vector<std::string> cells)
    {
        std::string cr;
        if (!cells.empty() && !cells.back().empty() && cells.back().back() == '\r') {
            cells.back().pop_back();
            cr = "\r";
        }
        std::string s;
        for (size_t i = 0; i < cells.size(); ++i)
            s += (i ? std::string(1, sep) : std::string()) + cells[i];
        lines[line] = s + cr;
    }
};

// Cell values and lines that staff tables contain, or that the reader treats specially.
const char* const kCellTokens[] = {
    "Intitulé du poste",
    "Libellé du poste",
    "Métier",
    "Métier CNFPT",
    "Emploi type",
    "Catégorie",
    "Cat.",
    "Filière",
    "Direction",
    "Pôle",
    "DGA",
    "Service",
    "Unité",
    "Affectation",
    "ETP",
    "Quotité",
    "Temps de travail",
    "Taux d'emploi",
    "Matricule",
    "N° de poste",
    "Identifiant",
    "Grade",
    "Statut",
    "Date d'entrée dans le service",
    "Coût annuel chargé",
    "Masse salariale",
    "Salaire annuel",
    "Coût mensuel",
    "Traitement indiciaire",
    "38 250",
    "32 500,50 €",
    "32.500,50",
    "32500.5",
    "1\342\200\257234\342\200\257567", // narrow no-break spaces (U+202F, octal escapes)
    "1\302\240234",                    // no-break space (U+00A0)
    "38,5 k€",
    "32 500 EUR",
    "32,500",
    "-1 200",
    "",
    " ",
    "\"\"",
    "\"",
    "\"a;b\"",
    "\"ligne\nsuivante\"",
    "\"dit \"\"x\"\"\"",
    "1",
    "0,8",
    "0.5",
    "80 %",
    "100",
    "50%",
    "28/35",
    "28/35ème",
    "17h30",
    "17h30/35h",
    "temps complet",
    "TC",
    "150",
    "-1",
    "1,5",
    "0/0",
    "1/0",
    "99999999999999999999",
    "A",
    "B",
    "C",
    "A+",
    "cat. B",
    "Catégorie C",
    "C1",
    "hors catégorie",
    "HC",
    "Agent d'accueil",
    "Policier municipal H/F",
    "ATSEM",
    "Adj. tech.",
    "Directrice générale des services",
    "Total",
    "Sous-total",
    "Œuvre",
    "€",
    "\xC3\x28",
    "\xFF",
    "\xE2\x82",
    "\xC2\xA0",
    "\t",
    "=SOMME(A1:A3)",
};

const char* const kLineTokens[] = {
    "sep=;",
    "sep=,",
    "sep=\t",
    "sep=|",
    "Tableau des effectifs au 1er janvier 2024",
    "Commune de Témoin;;;;",
    "",
    ";;;;;;;",
    "Total;;;;;;;1000",
    "Sous-total pôle;;;;;;;12,5",
    "\"non refermé;x;y",
    "Matricule;Intitulé du poste;Métier;Catégorie;Filière;Direction;Service;ETP",
    "Matricule;Intitulé du poste;Métier;Catégorie;Filière;Direction;Service;ETP;Coût annuel chargé",
    "N° de poste,Libellé du poste,Emploi,Cat.,Filière,Pôle,Unité,Quotité",
    "Poste\tMétier\tCatégorie\tDirection\tTemps de travail",
};

size_t mutateDoc(Doc& d, Rng& rng, size_t maxSize, uint8_t* out)
{
    if (d.lines.empty())
        d.lines.emplace_back();
    const size_t n = d.lines.size();
    const size_t line = pick(rng, n);
    switch (pick(rng, 16)) {
    case 0: { // duplicate a block of rows somewhere (inputs grow)
        const size_t len = 1 + pick(rng, std::min<size_t>(n, 64));
        const size_t from = pick(rng, n - std::min(len, n) + 1);
        std::vector<std::string> block(d.lines.begin() + static_cast<long>(from),
                                       d.lines.begin() + static_cast<long>(std::min(n, from + len)));
        d.lines.insert(d.lines.begin() + static_cast<long>(pick(rng, n + 1)), block.begin(), block.end());
        break;
    }
    case 1: { // double the body: large inputs quickly
        if (n > 1) {
            const std::vector<std::string> body(d.lines.begin() + 1, d.lines.end());
            d.lines.insert(d.lines.end(), body.begin(), body.end());
        }
        break;
    }
    case 2: { // drop a block of rows
        const size_t len = 1 + pick(rng, std::min<size_t>(n, 32));
        d.lines.erase(d.lines.begin() + static_cast<long>(line),
                      d.lines.begin() + static_cast<long>(std::min(n, line + len)));
        break;
    }
    case 3: // swap two rows (moves the header)
        std::swap(d.lines[line], d.lines[pick(rng, n)]);
        break;
    case 4: { // replace a cell
        std::vector<std::string> c = d.cells(line);
        c[pick(rng, c.size())] = kCellTokens[pick(rng, std::size(kCellTokens))];
        d.setCells(line, std::move(c));
        break;
    }
    case 5:
    case 6: { // byte-mutate one cell
        std::vector<std::string> c = d.cells(line);
        std::string& cell = c[pick(rng, c.size())];
        std::string buf = cell;
        buf.resize(cell.size() + 64);
        const size_t len = LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(buf.data()), cell.size(), buf.size());
        buf.resize(len);
        cell = buf;
        d.setCells(line, std::move(c));
        break;
    }
    case 7:
    case 8:
    case 9: { // a column: duplicate, drop or swap it on every row (the table stays rectangular)
        const size_t width = d.cells(0).size();
        const size_t col = pick(rng, width), other = pick(rng, width);
        const int op = static_cast<int>(pick(rng, 3));
        for (size_t i = 0; i < d.lines.size(); ++i) {
            std::vector<std::string> c = d.cells(i);
            if (col >= c.size() || other >= c.size())
                continue;
            if (op == 0)
                c.insert(c.begin() + static_cast<long>(other), c[col]);
            else if (op == 1 && c.size() > 1)
                c.erase(c.begin() + static_cast<long>(col));
            else
                std::swap(c[col], c[other]);
            d.setCells(i, std::move(c));
        }
        break;
    }
    case 10: { // another separator everywhere
        const char seps[] = {';', ',', '\t', '|'};
        const char to = seps[pick(rng, 4)];
        for (std::string& l : d.lines)
            std::replace(l.begin(), l.end(), d.sep, to);
        d.sep = to;
        break;
    }
    case 11: // a special line: preamble, "sep=", total, blank, unclosed quote, another header
        d.lines.insert(d.lines.begin() + static_cast<long>(pick(rng, 4) == 0 ? 0 : pick(rng, n + 1)),
                       kLineTokens[pick(rng, std::size(kLineTokens))]);
        break;
    case 12: { // quote a cell, maybe around a separator or a line break
        std::vector<std::string> c = d.cells(line);
        std::string& cell = c[pick(rng, c.size())];
        std::string q = "\"";
        for (char ch : cell)
            q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        const char* extra[] = {"", "\n", "\r\n", ";", ",", "\t"};
        q += extra[pick(rng, 6)];
        cell = q + (pick(rng, 8) ? "\"" : ""); // sometimes left open
        d.setCells(line, std::move(c));
        break;
    }
    case 13: { // encoding
        const size_t e = pick(rng, 5);
        if (e == 4) { // Windows-1252 bytes, no BOM (the reader guesses it from invalid UTF-8)
            std::string bytes = toWindows1252(d.text());
            if (bytes.size() > maxSize)
                return 0;
            std::memcpy(out, bytes.data(), bytes.size());
            return bytes.size();
        }
        d.enc = static_cast<Enc>(e);
        break;
    }
    case 14: { // line ends: all CRLF, all LF, or lone CR
        const size_t mode = pick(rng, 3);
        for (std::string& l : d.lines) {
            if (!l.empty() && l.back() == '\r')
                l.pop_back();
            if (mode == 0)
                l += '\r';
        }
        if (mode == 2) {
            std::string joined;
            for (size_t i = 0; i < d.lines.size(); ++i)
                joined += (i ? "\r" : "") + d.lines[i];
            d.lines = {joined};
        }
        d.finalNewline = pick(rng, 4) != 0;
        break;
    }
    case 15: { // a row with too few or too many cells
        std::vector<std::string> c = d.cells(line);
        if (pick(rng, 2) && c.size() > 1)
            c.resize(pick(rng, c.size()));
        else
            c.resize(c.size() + 1 + pick(rng, 3), kCellTokens[pick(rng, std::size(kCellTokens))]);
        d.setCells(line, std::move(c));
        break;
    }
    }
    const std::string bytes = d.bytes();
    if (bytes.size() > maxSize)
        return 0;
    std::memcpy(out, bytes.data(), bytes.size());
    return bytes.size();
}

} // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t maxSize, unsigned int seed)
{
    Rng rng(seed);
    if (size == 0 || pick(rng, 4) == 0)
        return LLVMFuzzerMutate(data, size, maxSize);
    Doc d = Doc::parse(std::string_view(reinterpret_cast<const char*>(data), size));
    const size_t n = mutateDoc(d, rng, maxSize, data);
    return n ? n : LLVMFuzzerMutate(data, size, maxSize); // too large: bytes instead
}

// Header and first rows of one input, rows of the other.
extern "C" size_t LLVMFuzzerCustomCrossOver(const uint8_t* data1, size_t size1, const uint8_t* data2, size_t size2,
                                            uint8_t* out, size_t maxOutSize, unsigned int seed)
{
    Rng rng(seed);
    Doc a = Doc::parse(std::string_view(reinterpret_cast<const char*>(data1), size1));
    const Doc b = Doc::parse(std::string_view(reinterpret_cast<const char*>(data2), size2));
    a.lines.resize(1 + pick(rng, std::max<size_t>(a.lines.size(), 1)));
    const size_t from = pick(rng, b.lines.size() + 1);
    a.lines.insert(a.lines.end(), b.lines.begin() + static_cast<long>(from), b.lines.end());
    const std::string bytes = a.bytes();
    const size_t n = std::min(bytes.size(), maxOutSize);
    std::memcpy(out, bytes.data(), n);
    return n;
}
