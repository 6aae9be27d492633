// SPDX-License-Identifier: MPL-2.0
// Accuracy and calibration of the title matcher (not part of the pass/fail suite).
//
// 1. Held-out ROME appellations: one fifth of the appellations (chosen by a hash of their OGR code)
//    is removed from the index, then mapped; the expected code is the appellation's ISCO code.
// 2. Hand-written staff-table titles (tests/eval/staff_titles.csv), with the full index.
// A naive baseline (token TF-IDF nearest label: no stemming, no abbreviations, no typos, no
// référentiel) runs on the same split for comparison.
#include "cartoia/csv.hpp"
#include "cartoia/reference_build.hpp"
#include "cartoia/text_util.hpp"
#include "cartoia/text_fold.hpp"
#include "cartoia/title_matcher.hpp"

#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using namespace cartoia;

namespace {

struct Case {
    std::string title;
    std::string expected;             // "NA" when nothing should be found
    std::set<std::string> acceptable; // other codes a careful coder accepts
};

struct Answer {
    bool found;
    std::string code;
    double confidence;
    std::string best; // best 4-digit candidate, even below the confidence floor
};

struct Stats {
    int n = 0, na = 0, found = 0, best4 = 0, top4 = 0, top3 = 0, lenient = 0, level = 0, naRejected = 0;
    std::map<int, std::pair<int, int>> bins; // confidence decile → (answers, right)
    int hiAnswers = 0, hiRight = 0;          // confidence ≥ 0.8
};

int level2025(const ExposureDb& db, const std::string& code)
{
    const Occupation* o = db.occupation(code);
    return o ? o->level[1] : -1;
}

Stats evaluate(const std::vector<Case>& cases, const std::function<Answer(const std::string&)>& map,
               const ExposureDb& db)
{
    Stats s;
    for (const Case& c : cases) {
        Answer a = map(c.title);
        if (c.expected == "NA") {
            ++s.na;
            if (!a.found)
                ++s.naRejected;
            continue;
        }
        ++s.n;
        s.best4 += a.best == c.expected;
        if (!a.found)
            continue;
        ++s.found;
        bool right4 = a.code == c.expected;
        bool right3 = a.code.size() >= 3 && a.code.compare(0, 3, c.expected, 0, 3) == 0;
        s.top4 += right4;
        s.top3 += right3;
        s.lenient += right4 || c.acceptable.count(a.code);
        int lv = level2025(db, a.code);
        s.level += lv >= 0 && lv == level2025(db, c.expected);
        int bin = std::min(9, static_cast<int>(a.confidence * 10));
        s.bins[bin].first++;
        s.bins[bin].second += right4;
        if (a.confidence >= 0.8) {
            ++s.hiAnswers;
            s.hiRight += right4;
        }
    }
    return s;
}

double pct(int a, int b) { return b ? 100.0 * a / b : 0.0; }

void printRow(const char* name, const Stats& s)
{
    std::printf("| %-34s | %5d | %6.1f | %6.1f | %6.1f | %6.1f | %6.1f | %6.1f | %5d/%-5d %5.1f | %s |\n", name, s.n,
                pct(s.found, s.n), pct(s.best4, s.n), pct(s.top4, s.n), pct(s.top3, s.n), pct(s.lenient, s.n),
                pct(s.level, s.n), s.hiRight, s.hiAnswers, pct(s.hiRight, s.hiAnswers),
                s.na ? (std::to_string(s.naRejected) + "/" + std::to_string(s.na)).c_str() : "-");
}

void printCalibration(const char* name, const Stats& s)
{
    std::printf("\nCalibration (%s): confidence bin → answers, share right at 4 digits\n", name);
    for (const auto& [bin, v] : s.bins)
        std::printf("  [%.1f, %.1f): %5d answers, %5.1f %% right\n", bin / 10.0, (bin + 1) / 10.0, v.first,
                    pct(v.second, v.first));
}

// Naive baseline: nearest label by cosine over raw folded tokens (TF-IDF), ROME + ESCO only.
class NaiveMatcher {
public:
    explicit NaiveMatcher(const std::vector<RefLabel>& labels)
    {
        for (const RefLabel& l : labels) {
            if (l.source == LabelSource::Referentiel)
                continue;
            std::vector<std::string> toks = tokens(l.text);
            if (toks.empty())
                continue;
            docs_.push_back({toks, l.isco});
            for (const std::string& t : std::set<std::string>(toks.begin(), toks.end()))
                df_[t]++;
        }
        for (size_t i = 0; i < docs_.size(); ++i)
            for (const std::string& t : docs_[i].first)
                postings_[t].push_back(static_cast<uint32_t>(i));
        norms_.resize(docs_.size());
        for (size_t i = 0; i < docs_.size(); ++i) {
            double s = 0;
            for (const std::string& t : docs_[i].first)
                s += idf(t) * idf(t);
            norms_[i] = std::sqrt(s);
        }
    }
    Answer map(const std::string& title) const
    {
        std::vector<std::string> q = tokens(title);
        std::unordered_map<uint32_t, double> dot;
        double qn = 0;
        for (const std::string& t : q) {
            qn += idf(t) * idf(t);
            auto it = postings_.find(t);
            if (it != postings_.end())
                for (uint32_t d : it->second)
                    dot[d] += idf(t) * idf(t);
        }
        double best = 0;
        std::string code;
        for (const auto& [d, v] : dot) {
            double s = v / (std::sqrt(qn) * norms_[d]);
            if (s > best) {
                best = s;
                code = docs_[d].second;
            }
        }
        return {best > 0, code, best, code};
    }

private:
    static std::vector<std::string> tokens(const std::string& s)
    {
        std::vector<std::string> out;
        std::string cur;
        for (char c : foldText(s) + " ") {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                cur += c;
            else if (!cur.empty()) {
                out.push_back(cur);
                cur.clear();
            }
        }
        std::set<std::string> uniq(out.begin(), out.end());
        return {uniq.begin(), uniq.end()};
    }
    double idf(const std::string& t) const
    {
        auto it = df_.find(t);
        return std::log((docs_.size() + 1.0) / ((it == df_.end() ? 0 : it->second) + 0.5));
    }
    std::vector<std::pair<std::vector<std::string>, std::string>> docs_;
    std::unordered_map<std::string, int> df_;
    std::unordered_map<std::string, std::vector<uint32_t>> postings_;
    std::vector<double> norms_;
};

int gFold = 0; // which fifth is held out (0 for reporting; others for tuning)
bool heldOut(const std::string& ogr) { return static_cast<int>(std::hash<std::string>{}("fold:" + ogr) % 5) == gFold; }

} // namespace

int main(int argc, char** argv)
{
    std::string root = argc > 1 ? argv[1] : ".";
    for (int i = 2; i < argc; ++i)
        if (startsWith(argv[i], "fold="))
            gFold = std::stoi(argv[i] + 5);
    ReferencePaths p;
    p.iloOccupations = root + "/data/ilo/ilo_genai_occupation_scores.csv";
    p.iloTasks = root + "/data/ilo/ilo_genai_task_scores.csv";
    p.iscoStructure = root + "/data/isco/isco08_structure_en_fr.csv";
    p.romeAppellations = root + "/data/rome/rome4_appellation_esco_isco.csv";
    p.escoOccupations = root + "/data/esco/occupations_fr.csv";
    p.referentiel = root + "/data/referentiel/metiers_territoriaux.csv";
    p.abbreviations = root + "/data/referentiel/sigles.csv";
    p.grades = root + "/data/referentiel/grades.csv";
    ReferenceData full = buildReferenceData(p, "eval");

    // Held-out ROME appellations (expected code: their own ISCO link).
    CsvTable rome = CsvTable::fromFile(p.romeAppellations);
    size_t cOgr = rome.column("code_ogr"), cLabel = rome.column("libelle_appellation_v460"),
           cIsco = rome.column("isco08");
    std::vector<Case> romeCases;
    for (const CsvRow& r : rome.rows()) {
        if (!heldOut(CsvTable::field(r, cOgr)) || CsvTable::field(r, cIsco).size() != 4)
            continue;
        romeCases.push_back({CsvTable::field(r, cLabel), CsvTable::field(r, cIsco), {}});
    }
    // The training index is built from a ROME file without the held-out rows, so nothing derived
    // from them (labels, fiche-level codes) leaks into it.
    std::string filtered = "/tmp/cartoia-eval-rome-train.csv";
    {
        std::string text = readFile(p.romeAppellations);
        std::vector<CsvRow> rows = parseCsv(text);
        FILE* f = std::fopen(filtered.c_str(), "w");
        auto quote = [](const std::string& v) {
            std::string q = "\"";
            for (char ch : v)
                q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            return q + "\"";
        };
        for (size_t i = 0; i < rows.size(); ++i) {
            if (i > 0 && heldOut(CsvTable::field(rows[i], cOgr)))
                continue;
            std::string line;
            for (size_t k = 0; k < rows[i].size(); ++k)
                line += (k ? "," : "") + quote(rows[i][k]);
            std::fprintf(f, "%s\n", line.c_str());
        }
        std::fclose(f);
    }
    ReferencePaths trainPaths = p;
    trainPaths.romeAppellations = filtered;
    ReferenceData train = buildReferenceData(trainPaths, "eval");

    // Hand-written staff-table titles.
    std::vector<Case> staffCases;
    CsvTable staff = CsvTable::fromFile(root + "/tests/eval/staff_titles.csv");
    size_t cT = staff.column("title"), cE = staff.column("expected_isco"), cA = staff.column("acceptable_isco");
    for (const CsvRow& r : staff.rows()) {
        Case c{CsvTable::field(r, cT), trimText(CsvTable::field(r, cE)), {}};
        std::string acc = CsvTable::field(r, cA);
        for (const auto& [code, w] : parseWeightedCodes(acc))
            if (!code.empty())
                c.acceptable.insert(code);
        staffCases.push_back(std::move(c));
    }

    // key=value arguments override matcher options (for tuning sweeps).
    MatcherOptions opt;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        size_t eq = a.find('=');
        if (eq == std::string::npos || a.rfind("fold=", 0) == 0)
            continue;
        std::string k = a.substr(0, eq);
        float v = std::stof(a.substr(eq + 1));
        if (k == "headBoost")
            opt.headBoost = v;
        else if (k == "typoFactor")
            opt.typoFactor = v;
        else if (k == "prefixFactor")
            opt.prefixFactor = v;
        else if (k == "minPrefix")
            opt.minPrefix = static_cast<size_t>(v);
        else if (k == "unknownFactor")
            opt.unknownFactor = v;
        else if (k == "supportBonus")
            opt.supportBonus = v;
        else if (k == "useLinkWeights")
            opt.useLinkWeights = v != 0;
        else if (k == "priorReferentiel")
            opt.priorReferentiel = v;
        else if (k == "priorRome")
            opt.priorRome = v;
        else if (k == "priorEsco")
            opt.priorEsco = v;
        else {
            std::fprintf(stderr, "unknown option %s\n", k.c_str());
            return 2;
        }
    }
    TitleMatcher trainMatcher(train, opt), fullMatcher(full, opt);
    NaiveMatcher naiveTrain(train.labels), naiveFull(full.labels);
    auto ours = [](const TitleMatcher& m) {
        return [&m](const std::string& t) {
            MatchResult r = m.match(t);
            return Answer{r.found, r.code, r.confidence, r.bestCode};
        };
    };
    auto naive = [](const NaiveMatcher& m) { return [&m](const std::string& t) { return m.map(t); }; };

    Stats romeOurs = evaluate(romeCases, ours(trainMatcher), full.exposure);
    Stats romeNaive = evaluate(romeCases, naive(naiveTrain), full.exposure);
    Stats staffOurs = evaluate(staffCases, ours(fullMatcher), full.exposure);
    Stats staffNaive = evaluate(staffCases, naive(naiveFull), full.exposure);

    std::printf("| set / matcher                      |     n | found%% | best-4 | top1-4 | top1-3 | lenient | level | "
                "conf>=0.8 right      | NA rejected |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
    printRow("ROME held-out 1/5 — ISCO_MAP", romeOurs);
    printRow("ROME held-out 1/5 — naive TF-IDF", romeNaive);
    printRow("staff titles — ISCO_MAP", staffOurs);
    printRow("staff titles — naive TF-IDF", staffNaive);
    printCalibration("ROME held-out, ISCO_MAP", romeOurs);
    printCalibration("staff titles, ISCO_MAP", staffOurs);

    auto flag = [&](const char* f) {
        for (int i = 2; i < argc; ++i)
            if (std::string(argv[i]) == f)
                return true;
        return false;
    };
    if (flag("--rome-errors")) {
        int shown = 0;
        for (const Case& c : romeCases) {
            MatchResult r = trainMatcher.match(c.title);
            if (r.bestCode != c.expected && shown++ < 60)
                std::printf("  %-60s expected %-4s got %-4s (%.2f) via %s [%s]\n", c.title.c_str(), c.expected.c_str(),
                            r.bestCode.c_str(), r.confidence, r.label.c_str(), r.source.c_str());
        }
    }
    if (flag("--strict-errors")) {
        std::printf("\nStaff titles right only through an acceptable alternative:\n");
        for (const Case& c : staffCases) {
            MatchResult r = fullMatcher.match(c.title);
            if (c.expected != "NA" && r.found && r.code != c.expected && c.acceptable.count(r.code))
                std::printf("  %-60s expected %-4s got %-4s (%.2f) via %s\n", c.title.c_str(), c.expected.c_str(),
                            r.code.c_str(), r.confidence, r.label.c_str());
        }
    }
    if (flag("--errors")) {
        std::printf("\nStaff-title misses:\n");
        for (const Case& c : staffCases) {
            MatchResult r = fullMatcher.match(c.title);
            bool ok = c.expected == "NA" ? !r.found : (r.found && (r.code == c.expected || c.acceptable.count(r.code)));
            if (!ok)
                std::printf("  %-60s expected %-4s got %-4s (%s, %.2f) via %s\n", c.title.c_str(), c.expected.c_str(),
                            r.found ? r.code.c_str() : "#N/A", r.bestCode.c_str(), r.confidence, r.label.c_str());
        }
    }
    return 0;
}
