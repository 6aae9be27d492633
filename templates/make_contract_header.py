#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
"""Writes the C++ header of the workbook's contract (templates/workbook.json): sheet names, column
indexes and headers, named ranges, class labels and colours, the DataPilot breakdowns.

    python3 templates/make_contract_header.py workbook.json out/cartoia/workbook_contract.hxx"""
import json
import sys


def cstr(s):
    return json.dumps(s, ensure_ascii=False)


def ident(key):
    return key if key.isidentifier() else "_" + key


def enum(name, keys):
    return f"enum {name} : int {{ " + ", ".join(ident(k) for k in keys) + " };"


def main(src, out):
    with open(src, encoding="utf-8") as f:
        c = json.load(f)
    postes = c["postes"]["columns"]
    metiers = c["metiers"]["columns"]
    user = [col for col in postes if "field" in col]
    lines = [
        "// Generated from templates/workbook.json by templates/make_contract_header.py: do not edit.",
        "#pragma once",
        "",
        '#include "cartoia/staff_table.hpp"',
        "",
        "namespace cartoia::contract {",
        "",
        "namespace sheet {",
    ]
    lines += [f"inline constexpr const char* {ident(k)} = {cstr(v)};" for k, v in c["sheets"].items()]
    lines += ["} // namespace sheet", "",
              "// Sheets left out of the PDF unless every sheet is asked for (one row per post or per task).",
              "inline constexpr const char* pdfLeftOut[] = {" +
              ", ".join(f"sheet::{ident(k)}" for k in c["pdf_left_out"]) + "};", "",
              "namespace names {"]
    lines += [f"inline constexpr const char* {ident(k)} = {cstr(v)};" for k, v in c["names"].items()]
    lines += ["} // namespace names", ""]
    cl = c["classes"]
    lines += ["// The study's classes, from \"pas concerné\" to \"très concerné\", and their chart colours.",
              "inline constexpr const char* classLabels[] = {" + ", ".join(cstr(x) for x in cl["labels"]) + "};",
              f"inline constexpr const char* unclassed = {cstr(cl['unclassed'])};",
              "inline constexpr int classColors[] = {" + ", ".join("0x" + x.lstrip("#").upper() for x in cl["colors"])
              + "};",
              f"inline constexpr const char* unchanged = {cstr(cl['unchanged'])};",
              "// The documented rule of each edition: class index (into classLabels) for each ILO level.",
              "inline constexpr int classRule2023[] = {" + ", ".join(str(k) for k in cl["rules"]["2023"]) + "};",
              "inline constexpr int classRule2025[] = {" + ", ".join(str(k) for k in cl["rules"]["2025"]) + "};", ""]
    lines += [f"inline constexpr const char* notGiven = {cstr(c['not_given'])}; // a figure the table does not give", ""]
    a = c["actions"]
    lines += ["// The study's recommendations as actions, and the documented action of each class.",
              "inline constexpr const char* actionLabels[] = {" + ", ".join(cstr(x) for x in a["labels"]) + "};",
              "inline constexpr int actionOfClass[] = {" + ", ".join(str(k) for k in a["by_class"]) + "};", ""]
    lines += ["namespace postes {",
              f"inline constexpr int modelRow = {c['postes']['model_row'] - 1}; // 0-based",
              f"inline constexpr int columnCount = {len(postes)};",
              f"inline constexpr int userColumnCount = {len(user)}; // the staff table's, written by the service",
              f"inline constexpr int frozenColumns = {c['postes']['frozen']['columns']}, "
              f"frozenRows = {c['postes']['frozen']['rows']};",
              enum("Column", [col["key"] for col in postes]),
              "inline constexpr const char* headers[] = {" + ", ".join(cstr(col["header"]) for col in postes) + "};",
              "// Field of each staff-table column, in column order.",
              "inline constexpr StaffField userFields[] = {" +
              ", ".join(f"StaffField::{col['field']}" for col in user) + "};",
              "} // namespace postes", "",
              "namespace metiers {",
              f"inline constexpr int columnCount = {len(metiers)};",
              enum("Column", [col["key"] for col in metiers]),
              "// Headers; \"{edition}\" stands for the edition's year.",
              "inline constexpr const char* headers[] = {" + ", ".join(cstr(col["header"]) for col in metiers) + "};",
              "// The mean × SD chart of the occupations present: its data, right of the list, and title.",
              f"inline constexpr int chartFirstColumn = {c['metiers']['chart']['first_column']};",
              "inline constexpr const char* chartHeaders[] = {" +
              ", ".join(cstr(h) for h in c["metiers"]["chart"]["headers"]) + "};",
              f"inline constexpr const char* chartTitle = {cstr(c['metiers']['chart']['title'])};",
              "} // namespace metiers", "",
              f"inline constexpr int referentielFrozenRows = {c['referentiel']['frozen_rows']};", ""]
    for key in ("taches", "themes", "verifier", "bareme", "plan"):
        t = c[key]
        formulas = [i for i, col in enumerate(t["columns"]) if col.get("formula")]
        runs = []  # contiguous runs of formula columns: (first, last)
        for i in formulas:
            if runs and runs[-1][1] == i - 1:
                runs[-1][1] = i
            else:
                runs.append([i, i])
        lines += [f"namespace {key} {{",
                  f"inline constexpr int firstRow = {t['first_row'] - 1}; // 0-based, the model row",
                  f"inline constexpr int columnCount = {len(t['columns'])};",
                  enum("Column", [col["key"] for col in t["columns"]]),
                  "inline constexpr const char* headers[] = {" + ", ".join(cstr(col["header"]) for col in t["columns"])
                  + "};",
                  "// Runs of columns computed by the model row's formulas (first, last), copied down by the service.",
                  "inline constexpr int formulaRuns[][2] = {" + ", ".join(f"{{{a}, {b}}}" for a, b in runs) + "};"]
        if "rules_first_column" in t:
            lines += ["// The class rules' table, right of the scale (edition, level, ILO category, class).",
                      f"inline constexpr int rulesFirstColumn = {t['rules_first_column']};"]
        if "whole_direction" in t:
            lines += ["// The service cell of a direction's own row, and the name of posts without direction.",
                      f"inline constexpr const char* wholeDirection = {cstr(t['whole_direction'])};",
                      f"inline constexpr const char* noDirection = {cstr(t['no_direction'])};"]
        if "sure_confidence" in t:
            lines += ["// Confidence from which an automatic code counts as sure.",
                      f"inline constexpr double sureConfidence = {t['sure_confidence']};"]
        if len(runs) == 1:
            lines += [f"inline constexpr int firstFormula = {runs[0][0]}, lastFormula = {runs[0][1]};"]
        lines += [f"}} // namespace {key}", ""]
    lines += ["// The codes present, right of the tasks: code, then its posts and ETP (formulas).",
              f"inline constexpr int tachesCodesColumn = {c['taches']['codes']['first_column']};",
              f"inline constexpr int themeCount = {c['themes']['count']};",
              "// Answers of the workshop column « On souhaite que l'IA le fasse » (yes, no, to discuss).",
              "inline constexpr const char* workshopAnswers[] = {" + ", ".join(cstr(a) for a in c["workshop"]["answers"])
              + "};", "",
              "struct Breakdown {",
              "    StaffField field;",
              "    const char* sheet;",
              "    const char* pivot; // named cell: corner of the DataPilot table",
              "    const char* chart; // named cell: corner of its chart",
              "    const char* chartTitle;",
              "};",
              "inline constexpr Breakdown breakdowns[] = {"]
    for b in c["breakdowns"]:
        lines.append(f"    {{StaffField::{b['field']}, sheet::{ident(b['sheet'])}, {cstr(b['pivot'])}, {cstr(b['chart'])}, "
                     f"{cstr(b['chart_title'])}}},")
    lines += ["};", "", "} // namespace cartoia::contract", ""]
    text = "\n".join(lines)
    try:
        with open(out, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
