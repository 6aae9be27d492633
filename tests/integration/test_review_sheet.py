#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""« À vérifier » and the Barème OIT on the sample commune.

One row per distinct text mapped (métier, else intitulé; case ignored), whose posts and ETP add up
to the staff table; texts without a code first, then by stake. A code typed in « Code corrigé »
reaches every post of that text, their classes, the Synthèse and the Tâches counts, and wins over
a Référentiel line for the same text; a code typed on one post of Postes moves that post only; a
post added below the table finds its row by its text. Classes follow the chosen edition's rule
(classes.rules in the contract): changing EDITION to 2023 applies the 2023 rule, and editing the rule
table of the Barème OIT moves the classes and the Synthèse."""
import csv
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from expected_classes import CONTRACT, expected_class  # noqa: E402
from lo_harness import OXT, SAMPLE, SOURCE_DIR, Office, generate_workbook  # noqa: E402

SHEET = CONTRACT["sheets"]
P = {c["key"]: i for i, c in enumerate(CONTRACT["postes"]["columns"])}
V = {c["key"]: i for i, c in enumerate(CONTRACT["verifier"]["columns"])}
V_FIRST = CONTRACT["verifier"]["first_row"] - 1  # 0-based
CLASSES = CONTRACT["classes"]["labels"]
NAMES = CONTRACT["names"]
RULES = CONTRACT["classes"]["rules"]

def staff_rows():
    with open(SAMPLE, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:]]


def synthese_counts(doc):
    """Posts per class from the Synthèse table (label → posts)."""
    block = doc.NamedRanges.getByName(CONTRACT["names"]["synthese_classes"]).getReferredCells().getDataArray()
    return {row[0]: row[1] for row in block}


class ReviewSheet(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cartoia-review-")
        cls.out = os.path.join(cls.tmp, "sample.ods")
        cls.report = generate_workbook(SAMPLE, cls.out, os.path.join(cls.tmp, "profile"))
        cls.office = Office(oxt=OXT)
        cls.office.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.office.__exit__(None, None, None)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.doc = self.office.load(self.out)
        self.doc.calculateAll()
        self.review = self.doc.Sheets.getByName(SHEET["verifier"])
        self.postes = self.doc.Sheets.getByName(SHEET["postes"])

    def tearDown(self):
        self.doc.close(True)

    def scale_class(self, code):
        """The class the Barème OIT gives a code (under the chosen edition's rule)."""
        B = {c["key"]: i for i, c in enumerate(CONTRACT["bareme"]["columns"])}
        sheet = self.doc.Sheets.getByName(SHEET["bareme"])
        r = CONTRACT["bareme"]["first_row"] - 1
        while sheet.getCellByPosition(B["code"], r).getString() not in ("", code):
            r += 1
        self.assertEqual(sheet.getCellByPosition(B["code"], r).getString(), code)
        return sheet.getCellByPosition(B["classe"], r).getString()

    def review_rows(self):
        rows = []
        r = V_FIRST
        while self.review.getCellByPosition(V["texte"], r).getString():
            rows.append(r)
            r += 1
        return rows

    def postes_block(self, n):
        return self.postes.getCellRangeByPosition(0, 1, len(P) - 1, n).getDataArray()

    def test_one_row_per_distinct_text_adding_up_to_the_table(self):
        staff = staff_rows()
        texts = {(s["Métier"] or s["Intitulé du poste"]).casefold() for s in staff}
        rows = self.review_rows()
        self.assertEqual(len(rows), len(texts))
        self.assertEqual({self.review.getCellByPosition(V["texte"], r).getString().casefold() for r in rows}, texts)
        posts = sum(self.review.getCellByPosition(V["postes"], r).getValue() for r in rows)
        etp = sum(self.review.getCellByPosition(V["etp"], r).getValue() for r in rows)
        self.assertEqual(posts, len(staff))
        self.assertAlmostEqual(etp, sum(float(s["ETP"].replace(",", ".")) for s in staff), places=6)
        self.assertIn(f"À vérifier : {len(rows)} intitulé(s) ou métier(s) rattaché(s) ;", self.report)

    def test_rows_sorted_by_stake(self):
        rows = self.review_rows()
        errors = [self.review.getCellByPosition(V["code"], r).getError() != 0 for r in rows]
        self.assertEqual(errors, sorted(errors, reverse=True), "texts without a code first")
        stakes = [self.review.getCellByPosition(V["enjeu"], r).getValue() for r, e in zip(rows, errors) if not e]
        self.assertEqual(stakes, sorted(stakes, reverse=True))
        self.assertGreater(stakes[0], stakes[-1])

    def test_each_post_reads_its_rows_code(self):
        rows = self.review_rows()
        code_of = {self.review.getCellByPosition(V["numero"], r).getValue():
                   self.review.getCellByPosition(V["code"], r).getString() for r in rows}
        block = self.postes_block(1000)
        for post in block:
            self.assertEqual(post[P["code_isco"]], code_of[post[P["verifier"]]], post[P["identifiant"]])

    def test_a_correction_reaches_every_post_of_the_text(self):
        rows = self.review_rows()
        # The text with the most posts among those « pas concerné » (4110 gives another class).
        target, best = None, 0
        for r in rows:
            cls_ = self.review.getCellByPosition(V["classe"], r).getString()
            posts = self.review.getCellByPosition(V["postes"], r).getValue()
            if cls_ == CLASSES[0] and posts > best:
                target, best = r, posts
        self.assertIsNotNone(target)
        number = self.review.getCellByPosition(V["numero"], target).getValue()
        before = synthese_counts(self.doc)
        taches = self.doc.Sheets.getByName(SHEET["taches"])
        self.review.getCellByPosition(V["correction"], target).setValue(4110)
        self.doc.calculateAll()
        self.assertEqual(self.review.getCellByPosition(V["code"], target).getString(), "4110")
        etp = self.review.getCellByPosition(V["etp"], target).getValue()
        block = self.postes_block(1000)
        moved = [p for p in block if p[P["verifier"]] == number]
        self.assertEqual(len(moved), best)
        office_class = self.scale_class("4110")
        self.assertNotEqual(office_class, CLASSES[0])
        for p in moved:
            self.assertEqual(p[P["code_isco"]], "4110")
            self.assertEqual(p[P["classe"]], office_class)
            self.assertEqual(p[P["libelle_isco"]], "Employés de bureau, fonctions générales")
        after = synthese_counts(self.doc)
        self.assertEqual(after[CLASSES[0]], before[CLASSES[0]] - best)
        self.assertEqual(after[office_class], before[office_class] + best)
        total_etp = sum(p[P["etp"]] for p in block)
        self.assertAlmostEqual(self.synthese_value("corrigé à la main"), etp / total_etp, places=6)
        # The Tâches table of codes present counts the posts of 4110 again.
        first = CONTRACT["taches"]["first_row"] - 1
        col = CONTRACT["taches"]["codes"]["first_column"]
        r = first
        while taches.getCellByPosition(col, r).getString() not in ("", "4110"):
            r += 1
        if taches.getCellByPosition(col, r).getString() == "4110":
            self.assertEqual(taches.getCellByPosition(col + 1, r).getValue(),
                             sum(1 for p in block if p[P["code_isco"]] == "4110"))

    def test_a_code_typed_on_one_post_moves_that_post_only(self):
        block = self.postes_block(1000)
        i = next(k for k, p in enumerate(block) if p[P["classe"]] == CLASSES[0])
        number = block[i][P["verifier"]]
        before = synthese_counts(self.doc)
        self.postes.getCellByPosition(P["code_isco"], i + 1).setValue(4110)
        self.doc.calculateAll()
        after_block = self.postes_block(1000)
        self.assertEqual(after_block[i][P["classe"]], self.scale_class("4110"))
        self.assertEqual(after_block[i][P["libelle_isco"]], "Employés de bureau, fonctions générales")
        others = [k for k, p in enumerate(block) if p[P["verifier"]] == number and k != i]
        for k in others:
            self.assertEqual(after_block[k][P["classe"]], CLASSES[0])
        after = synthese_counts(self.doc)
        self.assertEqual(after[CLASSES[0]], before[CLASSES[0]] - 1)

    def synthese_value(self, label_part):
        sheet = self.doc.Sheets.getByName(SHEET["synthese"])
        for r in range(80):
            if label_part in sheet.getCellByPosition(0, r).getString():
                return sheet.getCellByPosition(1, r).getValue()
        self.fail(f"no Synthèse row with « {label_part} »")

    def test_a_post_added_below_finds_its_text(self):
        model = self.postes.getCellRangeByPosition(P["code_isco"], 1, P["classe"], 1)
        known = self.review.getCellByPosition(V["texte"], V_FIRST).getString()
        code = self.review.getCellByPosition(V["code"], V_FIRST).getString()
        for row, metier in ((1001, known.upper()), (1002, "Métier inventé pour le test")):
            self.postes.getCellByPosition(P["metier"], row).setString(metier)
            self.postes.getCellByPosition(P["etp"], row).setValue(1)
            self.postes.copyRange(self.postes.getCellByPosition(P["code_isco"], row).getCellAddress(),
                                  model.getRangeAddress())
        self.doc.calculateAll()
        self.assertEqual(self.postes.getCellByPosition(P["code_isco"], 1001).getString(), code)
        self.assertNotEqual(self.postes.getCellByPosition(P["code_isco"], 1002).getError(), 0, "#N/A")
        self.assertEqual(self.postes.getCellByPosition(P["classe"], 1002).getString(),
                         CONTRACT["classes"]["unclassed"])

    def test_referentiel_line_for_the_exact_text(self):
        rows = self.review_rows()
        target = rows[-1]
        text = self.review.getCellByPosition(V["texte"], target).getString()
        ref = self.doc.Sheets.getByName(SHEET["referentiel"])
        first = CONTRACT["referentiel"]["first_row"] - 1
        ref.getCellByPosition(0, first).setString(text.upper())
        ref.getCellByPosition(1, first).setString("2422")
        self.review.getCellByPosition(V["correction"], rows[0]).setString("4110")
        self.doc.calculateAll()
        self.assertEqual(self.review.getCellByPosition(V["code"], target).getString(), "2422")
        self.assertEqual(self.review.getCellByPosition(V["code"], rows[0]).getString(), "4110")
        ref.getCellByPosition(0, first + 1).setString(self.review.getCellByPosition(V["texte"], rows[0]).getString())
        ref.getCellByPosition(1, first + 1).setString("9999")
        self.doc.calculateAll()
        self.assertEqual(self.review.getCellByPosition(V["code"], rows[0]).getString(), "4110", "a correction wins")

    def test_scale_lists_every_scored_code(self):
        with open(os.path.join(SOURCE_DIR, "data", "ilo", "ilo_genai_occupation_scores.csv"),
                  encoding="utf-8") as f:
            scored = {r["isco08"]: r for r in csv.DictReader(f)}
        B = {c["key"]: i for i, c in enumerate(CONTRACT["bareme"]["columns"])}
        sheet = self.doc.Sheets.getByName(SHEET["bareme"])
        first = CONTRACT["bareme"]["first_row"] - 1
        codes = {}
        r = first
        while sheet.getCellByPosition(B["code"], r).getString():
            codes[sheet.getCellByPosition(B["code"], r).getString()] = r
            r += 1
        self.assertTrue(set(scored) <= set(codes))
        for code in ("4110", "5412", "9613"):
            self.assertAlmostEqual(sheet.getCellByPosition(B["score_2025"], codes[code]).getValue(),
                                   float(scored[code]["mean_2025"]), places=6)


    def posts(self):
        return self.postes.getCellRangeByPosition(0, 1, len(P) - 1, 1000).getDataArray()

    def expected(self, code, edition, rule=None):
        return expected_class(code, edition, rule)

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
