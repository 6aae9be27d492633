#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""The decision sheets, on the sample commune and on a table without a cost column.

Plan d'accompagnement: each direction's row adds up to its posts on Postes (posts and ETP, per
class), its services to no more than it, agents per action follow the class → action rule live,
and the rank follows the ETP concerned. Synthèse: the transition table (class under 2023 × class
under 2025) is a recount of Postes whose total is the post count, and its sides give the headline
of each edition. Note aux élus: its figures are those of the Synthèse and the Plan, and the sheet
prints on exactly one page."""
import csv
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from expected_classes import CONTRACT, UNCLASSED, expected_class  # noqa: E402
from lo_harness import OXT, SAMPLE, Office, generate_workbook, prop, pdf_pages  # noqa: E402
SHEET = CONTRACT["sheets"]
NAMES = CONTRACT["names"]
P = {c["key"]: i for i, c in enumerate(CONTRACT["postes"]["columns"])}
PLAN = CONTRACT["plan"]
L = {c["key"]: i for i, c in enumerate(PLAN["columns"])}
CLASSES = CONTRACT["classes"]["labels"]
ALL_CLASSES = CLASSES + [UNCLASSED]
CLASS_KEYS = ["pas", "peu", "concerne", "tres", "non_classe"]
HEADLINE = CLASSES[CONTRACT["classes"]["headline_from"]:]
ACTIONS = CONTRACT["actions"]


class DecisionSheets(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cartoia-decision-")
        profile = os.path.join(cls.tmp, "profile")
        cls.sample = os.path.join(cls.tmp, "sample.ods")
        cls.sample_report_text = generate_workbook(SAMPLE, cls.sample, profile)
        # A smaller table without the cost column (if the sample has one) nor the service column.
        with open(SAMPLE, encoding="utf-8") as f:
            rows = list(csv.reader(f, delimiter=";"))
        keep = [i for i, h in enumerate(rows[0]) if h in ("Matricule", "Intitulé du poste", "Métier", "Catégorie",
                                                           "Filière", "Direction", "ETP")]
        cls.small_csv = os.path.join(cls.tmp, "sans-cout.csv")
        with open(cls.small_csv, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";")
            for r in rows[:1] + rows[1::7]:
                w.writerow([r[i] for i in keep])
        cls.small = os.path.join(cls.tmp, "sans-cout.ods")
        cls.small_report = generate_workbook(cls.small_csv, cls.small, profile)
        # A few posts whose cost cannot be read: reported, left empty, never counted as 0.
        cost = rows[0].index("Coût annuel chargé")
        cls.bad_csv = os.path.join(cls.tmp, "couts-illisibles.csv")
        with open(cls.bad_csv, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(rows[0])
            for k, r in enumerate(rows[1:31]):
                r = list(r)
                if k in (3, 10, 20):
                    r[cost] = ["n.c.", "à voir", "-1 200"][(k // 10)]
                w.writerow(r)
        cls.bad = os.path.join(cls.tmp, "couts-illisibles.ods")
        cls.bad_report = generate_workbook(cls.bad_csv, cls.bad, profile)
        cls.office = Office(oxt=OXT)
        cls.office.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.office.__exit__(None, None, None)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def open(self, path):
        self.doc = self.office.load(path)
        self.doc.calculateAll()
        self.addCleanup(self.doc.close, True)
        return self.doc

    # -- readers ------------------------------------------------------------------------------
    def posts(self):
        sheet = self.doc.Sheets.getByName(SHEET["postes"])
        block = sheet.getCellRangeByPosition(0, 1, len(P) - 1, 5000).getDataArray()
        return [r for r in block if r[P["identifiant"]] != ""]

    def plan_rows(self):
        sheet = self.doc.Sheets.getByName(SHEET["plan"])
        first = PLAN["first_row"] - 1
        block = sheet.getCellRangeByPosition(0, first, len(L) - 1, first + 500).getDataArray()
        return [r for r in block if r[L["direction"]] != ""]

    def named(self, key):
        return self.doc.NamedRanges.getByName(NAMES[key]).getReferredCells()

    # -- Plan d'accompagnement -----------------------------------------------------------------
    def check_plan_totals(self):
        posts = self.posts()
        rows = self.plan_rows()
        whole = [r for r in rows if r[L["service"]] == PLAN["whole_direction"]]
        directions = {p[P["direction"]] or PLAN["no_direction"] for p in posts}
        self.assertEqual({r[L["direction"]] for r in whole}, directions)
        self.assertEqual(len(whole), len(directions))
        self.assertEqual(sum(r[L["postes"]] for r in whole), len(posts))
        for r in whole:
            mine = [p for p in posts if (p[P["direction"]] or PLAN["no_direction"]) == r[L["direction"]]]
            self.assertEqual(r[L["postes"]], len(mine), r[L["direction"]])
            self.assertAlmostEqual(r[L["etp"]], sum(p[P["etp"]] for p in mine), places=6)
            for k, cls in zip(CLASS_KEYS, ALL_CLASSES):
                self.assertEqual(r[L["postes_" + k]], sum(1 for p in mine if p[P["classe"]] == cls), (r[1], cls))
                self.assertAlmostEqual(r[L["etp_" + k]], sum(p[P["etp"]] for p in mine if p[P["classe"]] == cls),
                                       places=6)
            self.assertAlmostEqual(r[L["etp_concernes"]],
                                   sum(p[P["etp"]] for p in mine if p[P["classe"]] in HEADLINE), places=6)
            by_action = {a: 0 for a in ACTIONS["labels"]}
            for cls, k in zip(CLASSES, ACTIONS["by_class"]):
                by_action[ACTIONS["labels"][k]] += sum(1 for p in mine if p[P["classe"]] == cls)
            for a, n in by_action.items():
                self.assertEqual(r[L["agents_" + a.lower()]], n, (r[L["direction"]], a))
        services = [r for r in rows if r[L["service"]] != PLAN["whole_direction"]]
        for s in services:
            mine = [p for p in posts if p[P["direction"]] == s[L["direction"]] and p[P["service"]] == s[L["service"]]]
            self.assertEqual(s[L["postes"]], len(mine), s[:3])
        # Ranks 1..n over the directions, following the ETP concerned.
        ranked = sorted(whole, key=lambda r: r[L["rang"]])
        self.assertEqual([r[L["rang"]] for r in ranked], list(range(1, len(whole) + 1)))
        etpc = [r[L["etp_concernes"]] for r in ranked]
        self.assertEqual(etpc, sorted(etpc, reverse=True))
        return rows

    def test_plan_adds_up_to_postes_per_direction(self):
        self.open(self.sample)
        rows = self.check_plan_totals()
        self.assertTrue(any(r[L["service"]] != PLAN["whole_direction"] for r in rows), "services listed")
        self.assertTrue(any(r[L["themes"]] for r in rows), "themes written")

    def test_plan_on_a_table_without_service_nor_cost(self):
        self.open(self.small)
        rows = self.check_plan_totals()
        self.assertTrue(all(r[L["service"]] == PLAN["whole_direction"] for r in rows))

    def plan_check(self):
        sheet = self.doc.Sheets.getByName(SHEET["plan"])
        texts = [sheet.getCellByPosition(1, r).getString() for r in range(PLAN["first_row"] - 2)]
        return next(t for t in texts if "Postes" in t or "ATTENTION" in t)

    def test_postes_are_listed_by_direction_and_service_and_the_plan_checks_it(self):
        self.open(self.sample)
        posts = self.posts()
        keys = [(p[P["direction"]], p[P["service"]]) for p in posts]
        self.assertEqual(keys, sorted(keys))
        with open(SAMPLE, encoding="utf-8") as f:
            self.assertEqual(sorted(p[P["identifiant"]] for p in posts),
                             sorted(r[0] for r in list(csv.reader(f, delimiter=";"))[1:]))
        self.assertIn("Tous les postes de la feuille Postes sont comptés", self.plan_check())
        # A post moved to another direction after the generation leaves its row: the check says so.
        sheet = self.doc.Sheets.getByName(SHEET["postes"])
        sheet.getCellByPosition(P["direction"], 1).setString("Direction créée après coup")
        self.doc.calculateAll()
        self.assertTrue(self.plan_check().startswith("ATTENTION : 1 poste(s)"), self.plan_check())

    def test_the_action_rule_drives_the_agents(self):
        self.open(self.sample)
        before = self.plan_rows()
        rule = self.named("plan_actions")
        self.assertEqual([rule.getCellByPosition(0, i).getString() for i in range(len(CLASSES))],
                         [ACTIONS["labels"][k] for k in ACTIONS["by_class"]])
        rule.getCellByPosition(0, 1).setString(ACTIONS["labels"][2])  # peu concerné → Former
        self.doc.calculateAll()
        after = self.plan_rows()
        for b, a in zip(before, after):
            self.assertEqual(a[L["agents_" + ACTIONS["labels"][1].lower()]], 0)
            self.assertEqual(a[L["agents_" + ACTIONS["labels"][2].lower()]],
                             b[L["agents_" + ACTIONS["labels"][2].lower()]] + b[L["postes_peu"]])

    # -- Payroll -----------------------------------------------------------------------------------
    def payroll_rows(self):
        sheet = self.doc.Sheets.getByName(SHEET["synthese"])
        block = sheet.getCellRangeByPosition(0, 0, 5, 60).getDataArray()
        at = next(i for i, r in enumerate(block) if r[0].startswith("Masse salariale des postes"))
        return block[at:at + 4]

    def test_payroll_share_is_a_recount_of_postes(self):
        self.open(self.sample)
        posts = self.posts()
        costs = [p for p in posts if p[P["cout"]] != ""]
        self.assertEqual(len(costs), len(posts), "every sample post has a cost")
        total = sum(p[P["cout"]] for p in costs)
        concerned = sum(p[P["cout"]] for p in costs if p[P["classe"]] in HEADLINE)
        rows = self.payroll_rows()
        self.assertAlmostEqual(rows[0][1], total, places=2)
        self.assertAlmostEqual(rows[1][1], concerned, places=2)
        share = self.named("synthese_part_masse").getCellByPosition(0, 0).getValue()
        self.assertAlmostEqual(share, concerned / total, places=9)
        self.assertEqual(rows[3][3], 0)
        self.assertIn(f"Masse salariale : {round(share * 100)} % dans des postes concernés.", self.sample_report_text)
        # The direction pivots add the payroll per class as shares of each row.
        pivots = self.doc.Sheets.getByName(SHEET["par_direction"]).getDataPilotTables()
        self.assertTrue(pivots.hasByName("PIVOT_DIRECTION_MASSE"))

    def test_without_cost_column_the_payroll_is_not_given(self):
        self.open(self.small)
        self.assertTrue(all(p[P["cout"]] == "" for p in self.posts()))
        for row in self.payroll_rows():
            self.assertEqual(row[1] if row[0].startswith(("Masse", "dont")) else row[3], CONTRACT["not_given"], row[0])
        self.assertEqual(self.named("synthese_part_masse").getCellByPosition(0, 0).getString(), CONTRACT["not_given"])
        self.assertIn("Masse salariale : non fournie", self.small_report)
        self.assertFalse(self.doc.Sheets.getByName(SHEET["par_direction"]).getDataPilotTables()
                         .hasByName("PIVOT_DIRECTION_MASSE"))

    def test_unreadable_costs_are_reported_and_left_out(self):
        self.open(self.bad)
        self.assertRegex(self.bad_report, r"3 valeurs non reconnues \(lignes 5, 12, 22\)")
        posts = self.posts()
        empty = [p[P["identifiant"]] for p in posts if p[P["cout"]] == ""]
        self.assertEqual(len(empty), 3)
        self.assertEqual(self.payroll_rows()[3][3], 3)
        self.assertEqual(self.payroll_rows()[0][3], len(posts) - 3)

    # -- 2023 vs 2025 ---------------------------------------------------------------------------
    def transition(self):
        """The two transition tables of the Synthèse (posts, ETP): {(class 2023, class 2025): value}."""
        sheet = self.doc.Sheets.getByName(SHEET["synthese"])
        block = sheet.getCellRangeByPosition(0, 0, 6, 120).getDataArray()
        tables = []
        for i, row in enumerate(block):
            if row[1] == ALL_CLASSES[0] and row[5] == ALL_CLASSES[4]:  # header row of a table
                cells = {}
                for k, cls in enumerate(ALL_CLASSES):
                    line = block[i + 1 + k]
                    self.assertEqual(line[0], cls)
                    for j, to in enumerate(ALL_CLASSES):
                        cells[(cls, to)] = line[1 + j]
                total = block[i + 1 + len(ALL_CLASSES)]
                tables.append((cells, total[6]))
        self.assertEqual(len(tables), 2)
        return tables

    def test_transition_table_recounts_postes(self):
        self.open(self.sample)
        posts = self.posts()
        (counts, total), (etp, etp_total) = self.transition()
        self.assertEqual(total, len(posts))
        self.assertAlmostEqual(etp_total, sum(p[P["etp"]] for p in posts), places=6)
        expected = {}
        for p in posts:
            key = (expected_class(p[P["code_isco"]], "2023"), expected_class(p[P["code_isco"]], "2025"))
            expected[key] = expected.get(key, 0) + 1
            moved = key[0] != key[1]
            self.assertEqual(p[P["evolution"]], f"{key[0]} → {key[1]}" if moved else CONTRACT["classes"]["unchanged"])
        for key, n in counts.items():
            self.assertEqual(n, expected.get(key, 0), key)
        self.assertGreater(sum(n for (a, b), n in counts.items() if a != b), 0, "some posts move")
        # The side-by-side rows: the headline of each edition, from the same table.
        sheet = self.doc.Sheets.getByName(SHEET["synthese"])
        block = sheet.getCellRangeByPosition(0, 0, 6, 120).getDataArray()
        side = next(r for r in block if r[0].startswith("Postes concernés (peu"))
        self.assertEqual(side[1], sum(n for (a, _), n in counts.items() if a in HEADLINE))
        self.assertEqual(side[3], sum(n for (_, b), n in counts.items() if b in HEADLINE))
        self.assertAlmostEqual(side[4], self.named("synthese_part_postes").getCellByPosition(0, 0).getValue(), places=9)

    def test_switching_the_edition_keeps_the_transition_and_moves_the_classes(self):
        self.open(self.sample)
        (before, total), _ = self.transition()
        edition = self.named("edition").getCellByPosition(0, 0)
        edition.setValue(2023)
        self.doc.calculateAll()
        (after, total_after), _ = self.transition()
        self.assertEqual(before, after)
        self.assertEqual(total, total_after)
        for p in self.posts():
            self.assertEqual(p[P["classe"]], expected_class(p[P["code_isco"]], "2023"), p[P["identifiant"]])
        self.check_plan_totals()

    # -- Note aux élus ---------------------------------------------------------------------------
    def test_note_repeats_synthese_and_plan(self):
        self.open(self.sample)
        sheet = self.doc.Sheets.getByName(SHEET["note"])
        block = sheet.getCellRangeByPosition(0, 0, 4, 60).getDataArray()
        head = next(r for r in block if r[0].startswith("Postes ayant des tâches"))
        self.assertAlmostEqual(head[2], self.named("synthese_part_postes").getCellByPosition(0, 0).getValue(), places=9)
        self.assertAlmostEqual(head[4], self.named("synthese_part_etp").getCellByPosition(0, 0).getValue(), places=9)
        whole = sorted((r for r in self.plan_rows() if r[L["service"]] == PLAN["whole_direction"]),
                       key=lambda r: r[L["rang"]])
        at = next(i for i, r in enumerate(block) if r[0] == "Direction") + 1
        self.assertEqual([block[at + k][0] for k in range(5)], [r[L["direction"]] for r in whole[:5]])
        self.assertEqual([block[at + k][2] for k in range(5)], [r[L["etp_concernes"]] for r in whole[:5]])
        # The three themes that weigh most: ETP × mean score on the Thèmes sheet.
        T = {c["key"]: i for i, c in enumerate(CONTRACT["themes"]["columns"])}
        first = CONTRACT["themes"]["first_row"] - 1
        themes = self.doc.Sheets.getByName(SHEET["themes"]).getCellRangeByPosition(
            0, first, len(T) - 1, first + CONTRACT["themes"]["count"] - 1).getDataArray()
        weights = sorted(((t[T["etp"]] * t[T["score"]], t[T["theme"]]) for t in themes
                          if isinstance(t[T["score"]], float)), key=lambda w: -w[0])
        at = next(i for i, r in enumerate(block) if r[0].startswith("Thème")) + 1
        self.assertEqual([block[at + k][0] for k in range(3)], [w[1] for w in weights[:3]])
        self.assertAlmostEqual(block[at][3], weights[0][0], places=6)
        texts = [r[0] for r in block]
        self.assertTrue(any("MAJORANT" in t for t in texts), "the upper-bound caveat")
        for action in ACTIONS["labels"]:
            self.assertTrue(any(t.startswith(action) for t in texts), action)

    def test_note_prints_on_one_page(self):
        doc = self.open(self.sample)
        for i in range(doc.Sheets.Count):
            s = doc.Sheets.getByIndex(i)
            s.IsVisible = s.Name == SHEET["note"]
        pdf = os.path.join(self.tmp, "note.pdf")
        doc.storeToURL("file://" + pdf, (prop("FilterName", "calc_pdf_Export"),))
        self.assertEqual(pdf_pages(pdf), 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
