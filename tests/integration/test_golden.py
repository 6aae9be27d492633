#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""Golden spreadsheet tests: loads each tests/golden/*.fods hidden in a headless office with the
built extension, recalculates it and checks every row (in-sheet Pass cell and an independent
comparison, see golden_check.py). Also checks that the .fods files are up to date with their
generators, and a negative control: without the extension the same formulas give #NAME?."""
import os
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lo_harness import Office, SOURCE_DIR, OXT  # noqa: E402

GOLDEN = os.path.join(SOURCE_DIR, "tests", "golden")
sys.path.insert(0, GOLDEN)
from golden_check import check_document  # noqa: E402

# workbook -> exact number of check rows it must run (a check that ran fewer rows fails)
WORKBOOKS = {
    "ai_exposure_all_codes.fods": 427 * 2 * 3,
    "ai_exposure.fods": None,  # counted from make_cases.py
    "isco_label.fods": None,
    "isco_map.fods": None,
    "metier_map.fods": None,
    "ai_task.fods": None,
}
SUMMARY = []


def expected_counts():
    import make_cases
    d = make_cases.Data()
    counts = dict(WORKBOOKS)
    for name, make in make_cases.FILES.items():
        counts[name] = sum(len(s.cases) for s in make(d))
    return counts


class GeneratedFilesTest(unittest.TestCase):
    """The committed .fods are what the generators write from the current data files."""

    def test_all_codes_fods_is_up_to_date_with_csv(self):
        import make_all_codes
        with open(os.path.join(GOLDEN, "ai_exposure_all_codes.fods"), encoding="utf-8") as f:
            committed = f.read()
        self.assertTrue(committed == make_all_codes.build(),
                        "ai_exposure_all_codes.fods differs from data/ilo/ilo_genai_occupation_scores.csv: "
                        "run tests/golden/make_all_codes.py")
        self.assertEqual(len(make_all_codes.load_occupations()), 427)

    def test_hand_written_fods_are_up_to_date(self):
        import make_cases
        for name, text in make_cases.build().items():
            with open(os.path.join(GOLDEN, name), encoding="utf-8") as f:
                self.assertTrue(f.read() == text, f"{name} is out of date: run tests/golden/make_cases.py")


class GoldenWorkbooksTest(unittest.TestCase):
    office = None

    @classmethod
    def setUpClass(cls):
        cls.counts = expected_counts()
        t = time.time()
        cls.office = Office(oxt=OXT)
        cls.office.__enter__()
        SUMMARY.append(f"office with extension ready in {time.time() - t:.1f} s")

    @classmethod
    def tearDownClass(cls):
        if cls.office is not None:
            cls.office.__exit__(None, None, None)

    def check_workbook(self, name):
        t = time.time()
        doc = self.office.load(os.path.join(GOLDEN, name))
        self.assertIsNotNone(doc, f"could not load {name}")
        try:
            report = check_document(doc, name)
        finally:
            doc.close(True)
        failures = report.failures
        SUMMARY.append(f"{name}: {len(report.rows)} checks, {len(failures)} failed, "
                       f"sheets {report.checks_per_sheet}, {time.time() - t:.1f} s")
        if failures or report.problems:
            print("\n" + report.describe_failures(), file=sys.stderr)  # every failing row
        self.assertEqual(report.problems, [], report.describe_failures(limit=30))
        self.assertTrue(report.checks_per_sheet and all(n > 0 for n in report.checks_per_sheet.values()),
                        f"a sheet ran no check: {report.checks_per_sheet}")
        self.assertEqual(len(report.rows), self.counts[name], "number of check rows run")
        self.assertEqual(len(failures), 0, report.describe_failures(limit=30))
        self.assertIs(report.summary_all_passed, True, "the Summary sheet's Total/All passed cell")

    def test_ai_exposure_all_codes(self):
        self.check_workbook("ai_exposure_all_codes.fods")

    def test_ai_exposure(self):
        self.check_workbook("ai_exposure.fods")

    def test_isco_label(self):
        self.check_workbook("isco_label.fods")

    def test_isco_map(self):
        self.check_workbook("isco_map.fods")

    def test_metier_map(self):
        self.check_workbook("metier_map.fods")

    def test_ai_task(self):
        self.check_workbook("ai_task.fods")

    def test_every_golden_workbook_is_checked(self):
        on_disk = {f for f in os.listdir(GOLDEN) if f.endswith(".fods")}
        self.assertEqual(on_disk, set(WORKBOOKS))


class NegativeControlTest(unittest.TestCase):
    """Without the extension, the golden formulas are unknown functions (#NAME?, error 525): every
    check must fail, both in the sheet and in the checker."""

    def test_without_extension_every_check_fails_with_name_error(self):
        t = time.time()
        with Office() as office:  # fresh profile, no extension
            doc = office.load(os.path.join(GOLDEN, "isco_map.fods"))
            try:
                report = check_document(doc, "isco_map.fods (no extension)")
            finally:
                doc.close(True)
        SUMMARY.append(f"negative control: {len(report.rows)} checks, {len(report.failures)} failed, "
                       f"{time.time() - t:.1f} s")
        self.assertGreater(len(report.rows), 0)
        not_name = [r for r in report.rows if r.actual_error != 525]
        self.assertEqual(not_name, [], "without the extension every result must be #NAME? (525)")
        self.assertEqual([r for r in report.rows if r.sheet_pass is not False or r.own_pass], [],
                         "a check passed without the extension")
        self.assertIs(report.summary_all_passed, False)


if __name__ == "__main__":
    t0 = time.time()
    prog = unittest.main(exit=False, verbosity=2)
    print("\n== golden summary ==")
    for line in SUMMARY:
        print("  " + line)
    print(f"  total {time.time() - t0:.1f} s, {prog.result.testsRun} tests, "
          f"{len(prog.result.failures) + len(prog.result.errors)} failed")
    sys.exit(0 if prog.result.wasSuccessful() else 1)
