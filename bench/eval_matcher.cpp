// SPDX-License-Identifier: MPL-2.0
// Accuracy and calibration of the title matcher (not part of the pass/fail suite).
//
// 1. Held-out ROME appellations: one fifth of the appellations (chosen by a hash of their OGR code)
//    is removed from the index, then mapped; the expected code is the appellation's ISCO code.
// 2. Hand-written staff-table titles (tests/eval/staff_titles.csv), with the full index.
// 3. Hand-written messy staff-table titles (tests/eval/messy_titles.csv), per family of messiness.
// Besides exact accuracy: the share answered with the expected code's ILO 2025 level, and the mean
// absolute error of the 2025 mean score. An unanswered title (#N/A) has no score in the product: it
// counts as a wrong level and as an error equal to the expected code's score (as if scored 0).
// A naive baseline (token TF-IDF nearest label: no stemming, no abbreviations, no typos, no
// référentiel) runs on the same split for comparison.
#include "cartoia/csv.hpp"
#include "cartoia/reference_build.hpp"
#include "cartoia/text_util.hpp"
#include "cartoia/text_fold.hpp"
#include "cartoia/title_matcher.hpp"

#include <algorithm>
#include <array>
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
    std::string family;               // kind of messiness (messy set only)
};

struct Answer {
    bool found;
    std::string code;
    double confidence;
    std::string best; // best 4-digit candidate, even below the confidence floor
    std::set<std::string> alternatives = {};
};

struct Stats {
    int n = 0, na = 0, found = 0, best4 = 0, top4 = 0, top3 = 0, lenient = 0, level = 0, naRejected = 0;
    int shortCodes = 0;                      // answers of fewer than 4 digits (near ties that disagree)
    int levelBest = 0;                       // level right with the best 4-digit candidate, answered or not
    double scoreErrorBest = 0;               // score error with the best 4-digit candidate (none: expected score)
    double scoreError = 0;                   // sum of |score of the answer − score of the expected code|
    std::map<int, std::pair<int, int>> bins; // confidence decile → (answers, right)
    int hiAnswers = 0, hiRight = 0;          // confidence ≥ 0.8
    int hiLenient = 0;                       // ... right or acceptable
    int withAlternatives = 0;                // expected code answered or among the alternatives
    std::map<std::string, std::array<int, 3>>
        families; // family → (rows, strict, acceptable); NA rows right when rejected
};

int level2025(const ExposureDb& db, const std::string& code)
{
    const Occupation* o = db.occupation(code);
    return o ? o->level[1] : -1;
}

// Mean 2025 score as AI_EXPOSURE gives it (a shorter code: mean of the unit groups below); -1 if none.
double score2025(const ExposureDb& db, const std::string& code)
{
    Value v = db.exposure(code, Measure::Mean, Edition::Y2025);
    return v.kind == Value::Kind::Number ? v.number : -1.0;
}

Stats evaluate(const std::vector<Case>& cases, const std::function<Answer(const std::string&)>& map,
               const ExposureDb& db)
{
    Stats s;
    for (const Case& c : cases) {
        Answer a = map(c.title);
        std::array<int, 3>& fam = s.families[c.family];
        ++fam[0];
        if (c.expected == "NA") {
            ++s.na;
            if (!a.found) {
                ++s.naRejected;
                ++fam[1];
                ++fam[2];
            }
            continue;
        }
        ++s.n;
        s.best4 += a.best == c.expected;
        const double expectedScore = score2025(db, c.expected);
        const double bestScore = a.best.empty() ? -1.0 : score2025(db, a.best);
        s.scoreErrorBest += bestScore < 0 ? expectedScore : std::fabs(bestScore - expectedScore);
        s.levelBest += !a.best.empty() && level2025(db, a.best) == level2025(db, c.expected);
        if (!a.found) {
            s.scoreError += expectedScore;
            continue;
        }
        ++s.found;
        s.shortCodes += a.code.size() < 4;
        bool right4 = a.code == c.expected;
        bool right3 = a.code.size() >= 3 && a.code.compare(0, 3, c.expected, 0, 3) == 0;
        bool lenient = right4 || c.acceptable.count(a.code);
        s.top4 += right4;
        s.withAlternatives += right4 || a.alternatives.count(c.expected);
        s.top3 += right3;
        s.lenient += lenient;
        fam[1] += right4;
        fam[2] += lenient;
        int lv = level2025(db, a.code);
        s.level += lv >= 0 && lv == level2025(db, c.expected);
        const double got = score2025(db, a.code);
        s.scoreError += got < 0 ? expectedScore : std::fabs(got - expectedScore);
        int bin = std::min(9, static_cast<int>(a.confidence * 10));
        s.bins[bin].first++;
        s.bins[bin].second += right4;
        if (a.confidence >= 0.8) {
            ++s.hiAnswers;
            s.hiRight += right4;
            s.hiLenient += lenient;
        }
    }
    return s;
}

double pct(int a, int b) { return b ? 100.0 * a / b : 0.0; }

void printRow(const char* name, const Stats& s)
{
    std::printf("| %-34s | %5d | %6.1f | %6.1f | %6.1f | %6.1f | %7.1f | %5.1f | %5.3f | %5d/%-5d %5.1f | %s |\n", name,
                s.n, pct(s.found, s.n), pct(s.best4, s.n), pct(s.top4, s.n), pct(s.top3, s.n), pct(s.lenient, s.n),
                pct(s.level, s.n), s.n ? s.scoreError / s.n : 0.0, s.hiRight, s.hiAnswers, pct(s.hiRight, s.hiAnswers),
                s.na ? (std::to_string(s.naRejected) + "/" + std::to_string(s.na)).c_str() : "-");
}

// Strict (expected code) and acceptable (expected or acceptable) accuracy per family, NA rows
// counted right when rejected; then all rows together.
void printFamilies(const char* name, const Stats& ours, const Stats& naive)
{
    std::printf("\n%s, per family (NA rows right when rejected): rows | ISCO_MAP strict, acceptable | naive strict, "
                "acceptable\n",
                name);
    std::array<int, 3> all{}, allNaive{};
    for (const auto& [family, v] : ours.families) {
        const std::array<int, 3>& w = naive.families.at(family);
        std::printf("  %-12s %4d | %5.1f %%  %5.1f %% | %5.1f %%  %5.1f %%\n", family.c_str(), v[0], pct(v[1], v[0]),
                    pct(v[2], v[0]), pct(w[1], w[0]), pct(w[2], w[0]));
        for (int k = 0; k < 3; ++k) {
            all[k] += v[k];
            allNaive[k] += w[k];
        }
    }
    std::printf("  %-12s %4d | %5.1f %%  %5.1f %% | %5.1f %%  %5.1f %%\n", "all", all[0], pct(all[1], all[0]),
                pct(all[2], all[0]), pct(allNaive[1], allNaive[0]), pct(allNaive[2], allNaive[0]));
    std::printf("  confidence >= 0.8: %d answers, %.1f %% strict, %.1f %% acceptable\n", ours.hiAnswers,
                pct(ours.hiRight, ours.hiAnswers), pct(ours.hiLenient, ours.hiAnswers));
    std::printf("  expected code answered or among the \"alternatives\": %.1f %% of mappable rows\n",
                pct(ours.withAlternatives, ours.n));
}

void printCalibration(const char* name, const Stats& s)
{
    std::printf("\nCalibration (%s): confidence bin → answers, share right at 4 digits (%d answers of fewer than 4 "
                "digits; with the best candidate even when #N/A: level %.1f %%, score MAE %.3f)\n",
                name, s.shortCodes, pct(s.levelBest, s.n), s.n ? s.scoreErrorBest / s.n : 0.0);
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

double gRefConf = 0;
int gFold = 0; // which fifth is held out (0 for reporting; others for tuning)
bool heldOut(const std::string& ogr) { return static_cast<int>(std::hash<std::string>{}("fold:" + ogr) % 5) == gFold; }

} // namespace

int main(int argc, char** argv)
{
    std::string root = argc > 1 ? argv[1] : ".";
    for (int i = 2; i < argc; ++i) {
        if (startsWith(argv[i], "refconf="))
            gRefConf = std::stod(argv[i] + 8);
        if (startsWith(argv[i], "fold="))
            gFold = std::stoi(argv[i] + 5);
    }
    ReferencePaths p;
    p.iloOccupations = root + "/data/ilo/ilo_genai_occupation_scores.csv";
    p.iloTasks = root + "/data/ilo/ilo_genai_task_scores.csv";
    p.iscoStructure = root + "/data/isco/isco08_structure_en_fr.csv";
    p.romeAppellations = root + "/data/rome/rome4_appellation_esco_isco.csv";
    p.escoOccupations = root + "/data/esco/occupations_fr.csv";
    p.referentiel = root + "/data/referentiel/metiers_territoriaux.csv";
    p.abbreviations = root + "/data/referentiel/sigles.csv";
    p.grades = root + "/data/referentiel/grades.csv";
    p.synonyms = root + "/data/referentiel/synonymes.csv";
    p.roleWords = root + "/data/referentiel/mots.csv";
    for (int i = 2; i < argc; ++i) { // without a data file, to measure what it brings
        if (std::string(argv[i]) == "--no-synonyms")
            p.synonyms.clear();
        if (std::string(argv[i]) == "--no-words")
            p.roleWords.clear();
    }
    ReferenceData full = buildReferenceData(p, "eval");

    // Held-out ROME appellations (expected code: their own ISCO link).
    CsvTable rome = CsvTable::fromFile(p.romeAppellations);
    size_t cOgr = rome.column("code_ogr"), cLabel = rome.column("libelle_appellation_v460"),
           cIsco = rome.column("isco08");
    std::vector<Case> romeCases;
    for (const CsvRow& r : rome.rows()) {
        if (!heldOut(CsvTable::field(r, cOgr)) || CsvTable::field(r, cIsco).size() != 4)
            continue;
        romeCases.push_back({CsvTable::field(r, cLabel), CsvTable::field(r, cIsco), {}, "-"});
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

    // Hand-written staff-table titles, and the messy ones (when the file is there).
    auto readCases = [](const std::string& path) {
        std::vector<Case> cases;
        CsvTable t = CsvTable::fromFile(path);
        size_t cT = t.column("title"), cE = t.column("expected_isco"), cA = t.column("acceptable_isco"),
               cF = t.findColumn("family");
        for (const CsvRow& r : t.rows()) {
            Case c{CsvTable::field(r, cT),
                   trimText(CsvTable::field(r, cE)),
                   {},
                   cF == std::string::npos ? std::string("-") : trimText(CsvTable::field(r, cF))};
            for (const auto& [code, w] : parseWeightedCodes(CsvTable::field(r, cA)))
                if (!code.empty())
                    c.acceptable.insert(code);
            cases.push_back(std::move(c));
        }
        return cases;
    };
    std::vector<Case> staffCases = readCases(root + "/tests/eval/staff_titles.csv");
    const std::string messyPath = root + "/tests/eval/messy_titles.csv";
    std::vector<Case> messyCases;
    if (FILE* f = std::fopen(messyPath.c_str(), "r")) {
        std::fclose(f);
        messyCases = readCases(messyPath);
    }

    // key=value arguments override matcher options (for tuning sweeps).
    MatcherOptions opt;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        size_t eq = a.find('=');
        if (eq == std::string::npos || a.rfind("fold=", 0) == 0 || a.rfind("dump=", 0) == 0 ||
            a.rfind("refconf=", 0) == 0)
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
        else if (k == "roleMismatch")
            opt.roleMismatch = v;
        else if (k == "confidenceFloor")
            opt.confidenceFloor = v;
        else if (k == "notManagerial")
            opt.notManagerial = v;
        else if (k == "nearReferentiel")
            opt.nearReferentiel = v;
        else if (k == "disagreement")
            opt.disagreement = v;
        else if (k == "splitPairs")
            opt.splitPairs = v != 0;

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
            Answer a{r.found, r.code, r.confidence, r.bestCode};
            for (const Alternative& alt : r.alternatives)
                a.alternatives.insert(alt.code);
            return a;
        };
    };
    auto naive = [](const NaiveMatcher& m) { return [&m](const std::string& t) { return m.map(t); }; };

    Stats romeOurs = evaluate(romeCases, ours(trainMatcher), full.exposure);
    Stats romeNaive = evaluate(romeCases, naive(naiveTrain), full.exposure);
    Stats staffOurs = evaluate(staffCases, ours(fullMatcher), full.exposure);
    Stats staffNaive = evaluate(staffCases, naive(naiveFull), full.exposure);
    Stats messyOurs = evaluate(messyCases, ours(fullMatcher), full.exposure);
    Stats messyNaive = evaluate(messyCases, naive(naiveFull), full.exposure);

    std::printf("| set / matcher                      |     n | found%% | best-4 | top1-4 | top1-3 | lenient | level | "
                "score MAE | conf>=0.8 right      | NA rejected |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    printRow("ROME held-out 1/5 — ISCO_MAP", romeOurs);
    printRow("ROME held-out 1/5 — naive TF-IDF", romeNaive);
    printRow("staff titles — ISCO_MAP", staffOurs);
    printRow("staff titles — naive TF-IDF", staffNaive);
    if (!messyCases.empty()) {
        printRow("messy titles — ISCO_MAP", messyOurs);
        printRow("messy titles — naive TF-IDF", messyNaive);
    }
    std::printf("\nn: mappable rows. top1-4 / top1-3: answered with the expected code at 4 / 3 digits; lenient: "
                "expected or acceptable code. level: answered with the expected code's ILO 2025 level; score MAE: "
                "mean |2025 mean score of the answer − of the expected code|. A #N/A answer counts as a wrong level "
                "and as an error equal to the expected code's score.\n");
    printCalibration("ROME held-out, ISCO_MAP", romeOurs);
    printCalibration("staff titles, ISCO_MAP", staffOurs);
    if (!messyCases.empty()) {
        printCalibration("messy titles, ISCO_MAP", messyOurs);
        printFamilies("Messy titles", messyOurs, messyNaive);
    }

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
    for (int i = 2; i < argc; ++i)
        if (startsWith(argv[i], "dump=")) { // every answer, one per line, to compare two runs
            FILE* f = std::fopen(argv[i] + 5, "w");
            auto dump = [&](const char* set, const std::vector<Case>& cases, const TitleMatcher& m) {
                for (const Case& c : cases) {
                    MatchResult r = m.match(c.title);
                    std::fprintf(f, "%s\t%s\t%s\t%s\t%.2f\t%s\n", set, c.title.c_str(), c.expected.c_str(),
                                 r.found ? r.code.c_str() : "#N/A", r.confidence, r.label.c_str());
                }
            };
            dump("rome", romeCases, trainMatcher);
            dump("staff", staffCases, fullMatcher);
            dump("messy", messyCases, fullMatcher);
            std::fclose(f);
        }
    if (flag("--disagreement")) {
        // Answers whose code the référentiel's own métier for the title (METIER_MAP) does not list.
        MatcherOptions refOnly = opt;
        refOnly.referentielOnly = true;
        TitleMatcher trainRef(train, refOnly), fullRef(full, refOnly);
        auto table = [&](const char* set, const std::vector<Case>& cases, const TitleMatcher& m,
                         const TitleMatcher& ref, const ReferenceData& data) {
            int n[2][2] = {}, right[2][2] = {}; // [disagree][confidence >= 0.8]
            for (const Case& c : cases) {
                if (c.expected == "NA")
                    continue;
                MatchResult r = m.match(c.title);
                if (!r.found)
                    continue;
                MatchResult mr = ref.match(c.title);
                const Metier* met = mr.found ? findMetier(data, mr.ref) : nullptr;
                bool disagree =
                    met && mr.confidence >= gRefConf &&
                    std::none_of(met->isco.begin(), met->isco.end(), [&](const auto& w) { return w.first == r.code; });
                int hi = r.confidence >= 0.8;
                ++n[disagree][hi];
                right[disagree][hi] += r.code == c.expected;
            }
            std::printf(
                "%s: agree conf<0.8 %d (%.1f %% right), conf>=0.8 %d (%.1f %%); disagree conf<0.8 %d (%.1f %%), "
                "conf>=0.8 %d (%.1f %%)\n",
                set, n[0][0], pct(right[0][0], n[0][0]), n[0][1], pct(right[0][1], n[0][1]), n[1][0],
                pct(right[1][0], n[1][0]), n[1][1], pct(right[1][1], n[1][1]));
        };
        table("ROME", romeCases, trainMatcher, trainRef, train);
        table("staff", staffCases, fullMatcher, fullRef, full);
        table("messy", messyCases, fullMatcher, fullRef, full);
    }
    if (flag("--rome-unfound")) {
        std::printf("\nHeld-out ROME titles answered #N/A:\n");
        for (const Case& c : romeCases) {
            MatchResult r = trainMatcher.match(c.title);
            if (!r.found)
                std::printf("  %-60s expected %-4s best %-4s (%.2f, precision %d) via %s [%s]\n", c.title.c_str(),
                            c.expected.c_str(), r.bestCode.c_str(), r.confidence, r.precision, r.label.c_str(),
                            r.source.c_str());
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
    if (flag("--messy-errors")) {
        std::printf("\nMessy-title misses (strict):\n");
        for (const Case& c : messyCases) {
            MatchResult r = fullMatcher.match(c.title);
            bool ok = c.expected == "NA" ? !r.found : (r.found && r.code == c.expected);
            if (!ok)
                std::printf("  %-11s %-62s expected %-4s%s got %-4s (%s, %.2f) via %s\n", c.family.c_str(),
                            c.title.c_str(), c.expected.c_str(), c.acceptable.count(r.code) ? " (acceptable)" : "",
                            r.found ? r.code.c_str() : "#N/A", r.bestCode.c_str(), r.confidence, r.label.c_str());
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
