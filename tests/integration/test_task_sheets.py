#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""The workshop sheets of a generated workbook (Tâches, Thèmes, Grille) on the sample commune.

Tâches has one row per task of the ISCO codes present in Postes (counted from the ILO file), each
with a French text that is not the English one; answering « Oui » / « Non » in the workshop column
moves the Grille counts live; Thèmes counts every task once; Grille and Thèmes print on one page."""
import csv
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lo_harness import OXT, SAMPLE, SOURCE_DIR, Office, generate_workbook, prop, pdf_pages  # noqa: E402

with open(os.path.join(SOURCE_DIR, "templates", "workbook.json"), encoding="utf-8") as f:
    import json
    CONTRACT = json.load(f)
SHEET = CONTRACT["sheets"]
TACHES = {c["key"]: i for i, c in enumerate(CONTRACT["taches"]["columns"])}
THEMES = {c["key"]: i for i, c in enumerate(CONTRACT["themes"]["columns"])}
YES, NO, _ = CONTRACT["workshop"]["answers"]


def ilo_task_counts():
    counts = {}
    with open(os.path.join(SOURCE_DIR, "data", "ilo", "ilo_genai_task_scores.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            counts[r["isco08"]] = counts.get(r["isco08"], 0) + 1
    return counts


class TaskSheets(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cartoia-taches-")
        cls.out = os.path.join(cls.tmp, "sample.ods")
        generate_workbook(SAMPLE, cls.out, os.path.join(cls.tmp, "profile"))
        cls.office = Office(oxt=OXT)
        cls.office.__enter__()
        cls.doc = cls.office.load(cls.out)
        cls.doc.calculateAll()

    @classmethod
    def tearDownClass(cls):
        cls.doc.close(True)
        cls.office.__exit__(None, None, None)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def task_rows(self):
        sheet = self.doc.Sheets.getByName(SHEET["taches"])
        first = CONTRACT["taches"]["first_row"] - 1
        data = sheet.getCellRangeByPosition(0, first, len(TACHES) - 1, first + 5000).getDataArray()
        return sheet, first, [row for row in data if row[TACHES["code"]] != ""]

    def grid(self):
        counts = self.doc.NamedRanges.getByName("GRILLE_COMPTES").getReferredCells().getDataArray()
        return {(counts[1][0], 1): counts[1][1], (counts[1][0], 2): counts[1][2],
                (counts[2][0], 1): counts[2][1], (counts[2][0], 2): counts[2][2]}

    def test_one_row_per_task_of_the_codes_present(self):
        postes = self.doc.Sheets.getByName(SHEET["postes"])
        code_col = next(i for i, c in enumerate(CONTRACT["postes"]["columns"]) if c["key"] == "code_isco")
        codes = {row[0] for row in postes.getCellRangeByPosition(code_col, 1, code_col, 1000).getDataArray()
                 if isinstance(row[0], str) and row[0]}
        ilo = ilo_task_counts()
        expected = sum(ilo.get(c, 0) for c in codes)
        _, _, rows = self.task_rows()
        self.assertGreater(expected, 100)
        self.assertEqual(len(rows), expected)
        self.assertEqual({r[TACHES["code"]] for r in rows}, {c for c in codes if c in ilo})

    def test_every_task_in_french(self):
        _, _, rows = self.task_rows()
        for r in rows:
            fr, en = r[TACHES["tache"]], r[TACHES["tache_en"]]
            self.assertTrue(fr and fr != en, r)
            self.assertTrue(r[TACHES["theme"]], r)
        self.assertTrue(any("Accueillir" in r[TACHES["tache"]] or "Répondre" in r[TACHES["tache"]] for r in rows))

    def test_rows_sorted_by_weight_and_posts_counted(self):
        _, _, rows = self.task_rows()
        weights = [r[TACHES["poids"]] for r in rows]
        self.assertEqual(weights, sorted(weights, reverse=True))
        self.assertTrue(all(r[TACHES["postes"]] >= 1 for r in rows))

    def test_themes_count_every_task_once(self):
        _, _, rows = self.task_rows()
        sheet = self.doc.Sheets.getByName(SHEET["themes"])
        first = CONTRACT["themes"]["first_row"] - 1
        data = sheet.getCellRangeByPosition(0, first, len(THEMES) - 1, first + CONTRACT["themes"]["count"] - 1).getDataArray()
        self.assertEqual(sum(r[THEMES["taches"]] for r in data), len(rows))
        labels = [r[THEMES["theme"]] for r in data]
        self.assertIn("Tâches administratives et de communication", labels)
        self.assertTrue(all(r[THEMES["top"]] for r in data if r[THEMES["taches"]] > 0))

    def test_answers_move_the_grid_live(self):
        sheet, first, rows = self.task_rows()
        before = self.grid()
        can = next(i for i, r in enumerate(rows) if r[TACHES["ia_peut"]] == YES)
        cannot = next(i for i, r in enumerate(rows) if r[TACHES["ia_peut"]] == NO)
        sheet.getCellByPosition(TACHES["souhaite"], first + can).setString(YES)
        sheet.getCellByPosition(TACHES["souhaite"], first + cannot).setString(NO)
        self.doc.calculateAll()
        after = self.grid()
        self.assertEqual(after[("L'IA peut le faire", 1)], before[("L'IA peut le faire", 1)] + 1)
        self.assertEqual(after[("L'IA ne peut pas le faire", 2)], before[("L'IA ne peut pas le faire", 2)] + 1)
        sheet.getCellByPosition(TACHES["souhaite"], first + can).setString("")
        sheet.getCellByPosition(TACHES["souhaite"], first + cannot).setString("")
        self.doc.calculateAll()
        self.assertEqual(self.grid(), before)

    def test_grid_and_themes_print_on_one_page_each(self):
        for key in ("grille", "themes"):
            with self.subTest(sheet=SHEET[key]):
                sheets = self.doc.Sheets
                hidden = []
                for i in range(sheets.getCount()):
                    s = sheets.getByIndex(i)
                    if s.getName() != SHEET[key] and s.IsVisible:
                        s.IsVisible = False
                        hidden.append(s)
                pdf = os.path.join(self.tmp, key + ".pdf")
                self.doc.storeToURL("file://" + pdf, (prop("FilterName", "calc_pdf_Export"),))
                for s in hidden:
                    s.IsVisible = True
                self.assertEqual(pdf_pages(pdf), 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
