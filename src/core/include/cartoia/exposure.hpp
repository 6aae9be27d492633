// SPDX-License-Identifier: MPL-2.0
// ILO generative-AI exposure scores per ISCO-08 occupation (WP96 2023, WP140 2025).
#pragma once
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cartoia {

// Thrown for malformed arguments (shown as Err:502 in Calc).
struct InvalidArgument : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

enum class Edition { Y2023 = 0, Y2025 = 1 };
enum class Measure { Mean, Sd, Category, CategoryEn, Level, Tasks, Max };

// 2023 or 2025; anything else is nullopt.
std::optional<Edition> editionFromYear(double year);
int editionYear(Edition e);

// ILO category labels by level. 2025: 0 Not exposed, 1 Minimal, 2..5 Gradient 1..4.
// 2023: 0 Not affected, 1 Augmentation, 2 Big unknown, 3 Automation.
const std::string& categoryLabel(Edition e, int level, bool french);
int levelCount(Edition e);
// Level from an ILO label as written in the data files (typos tolerated); -1 if unknown.
int levelFromIloLabel(Edition e, std::string_view label);

struct Task {
    std::string text;                // ISCO-08 task, English
    std::string textFr;              // the project's French translation (unofficial)
    std::string theme;               // theme id (data/ilo/themes.csv)
    std::optional<double> score2023; // missing for 3 tasks
    double score2025 = 0;
    std::optional<double> gpt4o, gemini; // the two models' 2025 predictions
};

// A theme of tasks (data/ilo/themes.csv).
struct Theme {
    std::string id;
    std::string label; // French
};

// The ILO's task exposure bands (WP140 explorer): below 0.25, 0.5, 0.75, and above.
enum class TaskBand { VeryLow, Low, Medium, High };
TaskBand taskBand(double score);
const std::string& taskBandLabel(TaskBand band, bool french);
inline const std::string& taskBandLabel(double score) { return taskBandLabel(taskBand(score), true); }

struct Occupation {
    std::string code;             // 4 digits
    std::array<double, 2> mean{}; // published, 2 decimals, index = Edition
    std::array<double, 2> sd{};
    std::array<int, 2> level{};
    std::vector<Task> tasks;
    double maxTask(Edition e) const; // highest task score, NaN when none
};

struct IscoGroup {
    std::string code; // 1 to 4 digits
    std::string titleEn;
    std::string titleFr;
};

// A Calc-friendly result: nothing (#N/A), a number or a text.
struct Value {
    enum class Kind { None, Number, Text } kind = Kind::None;
    double number = 0;
    std::string text;
    static Value none() { return {}; }
    static Value of(double d)
    {
        Value v;
        v.kind = Kind::Number;
        v.number = d;
        return v;
    }
    static Value of(std::string s)
    {
        Value v;
        v.kind = Kind::Text;
        v.text = std::move(s);
        return v;
    }
    bool isNone() const { return kind == Kind::None; }
};

class ExposureDb {
public:
    void addGroup(IscoGroup g);
    void addOccupation(Occupation o);
    void addTheme(Theme t) { themes_.push_back(std::move(t)); }

    const IscoGroup* group(const std::string& code) const;
    const Occupation* occupation(const std::string& code) const;
    const std::vector<Occupation>& occupations() const { return occupations_; }
    const std::vector<IscoGroup>& groups() const { return groups_; }
    const std::vector<Theme>& themes() const { return themes_; }
    // French label of a theme id; the id itself when unknown.
    const std::string& themeLabel(const std::string& id) const;

    // Turns user input (text: "4110", " 0110 ", "110" for a number that lost its zero) into
    // a known ISCO code. Empty input → nullopt. Not 1–4 digits → InvalidArgument.
    // Well-formed but not an ISCO-08 group → nullopt.
    std::optional<std::string> resolveCode(std::string_view input) const;

    // AI_EXPOSURE: the measure for a code. For 1–3 digit codes only Mean and Max (over the scored
    // unit groups below); other measures, unknown or unscored codes → Value::none().
    Value exposure(std::string_view input, Measure m, Edition e) const;

    // ISCO_LABEL: the ISCO-08 title. Unknown → none.
    Value label(std::string_view input, bool french) const;

private:
    std::vector<IscoGroup> groups_;
    std::vector<Occupation> occupations_;
    std::vector<Theme> themes_;
    std::unordered_map<std::string, size_t> groupIndex_;
    std::unordered_map<std::string, size_t> occIndex_;
};

} // namespace cartoia
