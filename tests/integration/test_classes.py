#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""Study classes per edition on the sample commune: each post's class is its code's ILO category under
the chosen edition's rule (templates/workbook.json, classes.rules); changing EDITION to 2023 applies
the 2023 rule; editing the rule table of the Barème OIT moves the classes and the Synthèse."""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lo_harness import BUILD_DIR, OXT, SAMPLE, SOURCE_DIR, Office  # noqa: E402

CLI = os.path.join(BUILD_DIR, "src", "cli", "carto-ia")
with open(os.path.join(SOURCE_DIR, "templates", "workbook.json"), encoding="utf-8") as f:
    CONTRACT = json.load(f)
SHEET, NAMES = CONTRACT["sheets"], CONTRACT["names"]
P = {c["key"]: i for i, c in enumerate(CONTRACT["postes"]["columns"])}
CLASSES = CONTRACT["classes"]["labels"]
RULES = CONTRACT["classes"]["rules"]
LEVEL_2023 = {"Not affected": 0, "Augmentation Potential": 1, "The Big Unknown": 2, "Automation Potential": 3}
LEVEL_2025 = {"Not Exposed": 0, "Minimal Exposure": 1, "Exposed: Gradient 1": 2, "Exposed: Gradient 2": 3,
              "Exposed: Gradient 3": 4, "Exposed: Gradient 4": 5}


def ilo_levels():
    with open(os.path.join(SOURCE_DIR, "data", "ilo", "ilo_genai_occupation_scores.csv"), encoding="utf-8") as f:
        return {r["isco08"]: {"2023": LEVEL_2023[r["category_2023"]], "2025": LEVEL_2025[r["category_2025"]]}
                for r in csv.DictReader(f)}


class Classes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cartoia-classes-")
        cls.out = os.path.join(cls.tmp, "sample.ods")
        r = subprocess.run([CLI, "generate", SAMPLE, "-o", cls.out, "--oxt", OXT, "--profile",
                            os.path.join(cls.tmp, "profile")], capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            raise RuntimeError(r.stdout + r.stderr)
        cls.levels = ilo_levels()
        cls.office = Office(oxt=OXT)
        cls.office.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.office.__exit__(None, None, None)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.doc = self.office.load(self.out)
        self.doc.calculateAll()
        self.postes = self.doc.Sheets.getByName(SHEET["postes"])

    def tearDown(self):
        self.doc.close(True)

    def posts(self):
        return self.postes.getCellRangeByPosition(0, 1, len(P) - 1, 1000).getDataArray()

    def expected(self, code, edition, rule=None):
        rule = rule or RULES[edition]
        return CLASSES[rule[self.levels[code][edition]]] if code in self.levels else CONTRACT["classes"]["unclassed"]

    def headline(self):
        return self.doc.NamedRanges.getByName(NAMES["synthese_part_postes"]).getReferredCells().getCellByPosition(
            0, 0).getValue()

    def test_classes_follow_the_chosen_edition(self):
        for p in self.posts():
            self.assertEqual(p[P["classe"]], self.expected(p[P["code_isco"]], "2025"), p[P["identifiant"]])
        share_2025 = self.headline()
        edition = self.doc.NamedRanges.getByName(NAMES["edition"]).getReferredCells().getCellByPosition(0, 0)
        self.assertEqual(edition.getValue(), 2025)
        edition.setValue(2023)
        self.doc.calculateAll()
        moved = 0
        for p in self.posts():
            self.assertEqual(p[P["classe"]], self.expected(p[P["code_isco"]], "2023"), p[P["identifiant"]])
            moved += self.expected(p[P["code_isco"]], "2023") != self.expected(p[P["code_isco"]], "2025")
        self.assertGreater(moved, 0)
        concerned = sum(1 for p in self.posts() if p[P["classe"]] in CLASSES[CONTRACT["classes"]["headline_from"]:])
        self.assertAlmostEqual(self.headline(), concerned / 1000, places=9)
        self.assertNotAlmostEqual(self.headline(), share_2025, places=6)

    def test_the_rule_table_drives_the_classes(self):
        rule = self.doc.NamedRanges.getByName(NAMES["regle_2025"]).getReferredCells()
        self.assertEqual([rule.getCellByPosition(0, k).getString() for k in range(len(RULES["2025"]))],
                         [CLASSES[k] for k in RULES["2025"]])
        rule.getCellByPosition(0, 0).setString(CLASSES[1])  # Non exposé → peu concerné
        self.doc.calculateAll()
        edited = [1] + RULES["2025"][1:]
        for p in self.posts():
            self.assertEqual(p[P["classe"]], self.expected(p[P["code_isco"]], "2025", edited), p[P["identifiant"]])


if __name__ == "__main__":
    unittest.main(verbosity=2)
