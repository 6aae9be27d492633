/* SPDX-License-Identifier: MPL-2.0 */
// The review sheets of a generated workbook: « À vérifier » (each distinct text mapped once, sorted by
// stake, with a column for the user's correction) and « Barème OIT » (the ILO scores of every ISCO
// group, which Postes and À vérifier look up by code).
#pragma once

#include "workbook.hxx"

#include "cartoia/staff_table.hpp"
#include "cartoia/title_matcher.hpp"

#include <string>
#include <vector>

namespace cartoia::uno {

// The distinct texts mapped (the post's métier, else its title; case ignored, as Calc's MATCH and
// COUNTIF do) and the row of each post among them.
struct ReviewRows {
    std::vector<std::string> texts, columns; // text, and the staff column it comes from
    std::vector<int> posts;                  // posts per text
    std::vector<double> etp;                 // ETP per text
    std::vector<int> rowOfPost;              // per post: index into texts, -1 when the post names no job
    std::vector<std::string> codes;          // code retained per text once calculated ("" for #N/A)
    std::vector<MatchResult> matches;        // the automatic mapping of each text
};
ReviewRows reviewRows(const StaffTable& table, const ColumnMapping& mapping);
// Writes the rows on « À vérifier » and copies their formulas down; once calculated, sortReview
// reorders them by stake (texts without a code first) and reads the code of each.
void writeReview(const Workbook& wb, const ReviewRows& rows);
void sortReview(const Workbook& wb, ReviewRows& rows);
// Postes' column « Ligne À vérifier »: the row number of each post's text (empty for none).
void writePostLinks(const Workbook& wb, const ReviewRows& rows);
// Every ISCO group with its ILO scores, categories and levels (both editions).
void writeScale(const Workbook& wb);

// What the user is asked to check, for the reports after generation.
struct ReviewSummary {
    int texts = 0;    // rows of À vérifier
    int unmapped = 0; // rows without a code (#N/A)
    int doubtful = 0; // rows with a code below the contract's sure confidence, not corrected
    double etpUnmapped = 0, etpDoubtful = 0;
};
ReviewSummary summariseReview(const Workbook& wb);

} // namespace cartoia::uno
