#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""Bad inputs through Calc: each formula is set on a hidden new document, computed and read back.

Every case must give a defined error value, not a text or number posing as a result:
  #N/A     (32767)  no result: empty code/title, or no match (an empty Any from the add-in)
  Err:502  (502)    IllegalArgumentException: malformed code, unknown measure/field/lang,
                    edition other than 2023/2025, text over 1,000 characters, wrong argument type
  #VALUE!  (519)    raised by Calc itself: a multi-cell range given to a scalar text parameter
                    (isco, title) when the formula's row is outside the range (no implicit
                    intersection possible)
Documented exceptions are asserted as such (see NOT_ERRORS): Calc has no boolean type at the
add-in interface, so TRUE() arrives as the number 1 (= ISCO major group "1"); ISCO_MAP treats
control characters in a title as word separators, like spaces; a malformed row of the overrides
range (here a 1 MB title) is skipped and counted, not fatal.
Also checks that no case takes more than a few seconds and soffice survives them all."""
import os
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lo_harness import Office, OXT  # noqa: E402

NA, E502, VALUE = 32767, 502, 519
NAMES = {NA: "#N/A", E502: "Err:502", VALUE: "#VALUE!"}
MAX_SECONDS_PER_CASE = 3.0
FIRST_ROW = 10  # formulas go below A1:A3, so a range argument A1:A3 cannot be intersected

# A1:A3 hold plausible values, so a range given where one value is expected is not "empty".
RANGE_DATA = ["4110", "5412", "Policier municipal"]
BIG_DIGITS = 'REPT("1";1000000)'  # 1 MB of digits
BIG_TEXT = 'REPT("a";1000000)'  # 1 MB of letters

# (case, formula, expected error code). Z1 is an empty cell.
AI_EXPOSURE_CASES = [
    ("empty cell reference", "=AI_EXPOSURE(Z1)", NA),
    ("empty text", '=AI_EXPOSURE("")', NA),
    ("blank text", '=AI_EXPOSURE("   ")', NA),
    ("decimal number 4110.5", "=AI_EXPOSURE(4110.5)", E502),
    ("negative number -4110", "=AI_EXPOSURE(-4110)", E502),
    ("1 MB text", f"=AI_EXPOSURE({BIG_DIGITS})", E502),
    ("CHAR(1) inside", '=AI_EXPOSURE("41"&CHAR(1)&"10")', E502),
    ("CHAR(10) inside", '=AI_EXPOSURE("41"&CHAR(10)&"10")', E502),
    ("range A1:A3", "=AI_EXPOSURE(A1:A3)", VALUE),
    ("huge number 1E300", "=AI_EXPOSURE(1E300)", E502),
    ("error argument NA()", "=AI_EXPOSURE(NA())", NA),
    ("measure: range A1:A3", '=AI_EXPOSURE("4110";A1:A3)', E502),
    ("measure: 1 MB text", f'=AI_EXPOSURE("4110";{BIG_TEXT})', E502),
    ("measure: CHAR(1) inside", '=AI_EXPOSURE("4110";"me"&CHAR(1)&"an")', E502),
    ("measure: number 1E300", '=AI_EXPOSURE("4110";1E300)', E502),
    ("measure: TRUE()", '=AI_EXPOSURE("4110";TRUE())', E502),
    ("edition: range A1:A3", '=AI_EXPOSURE("4110";"mean";A1:A3)', E502),
    ("edition: -2023", '=AI_EXPOSURE("4110";"mean";-2023)', E502),
    ("edition: 1E300", '=AI_EXPOSURE("4110";"mean";1E300)', E502),
    ("edition: TRUE()", '=AI_EXPOSURE("4110";"mean";TRUE())', E502),
    ("edition: 1 MB text", f'=AI_EXPOSURE("4110";"mean";{BIG_DIGITS})', E502),
]

ISCO_LABEL_CASES = [
    ("empty cell reference", "=ISCO_LABEL(Z1)", NA),
    ("empty text", '=ISCO_LABEL("")', NA),
    ("blank text", '=ISCO_LABEL("   ")', NA),
    ("decimal number 4110.5", "=ISCO_LABEL(4110.5)", E502),
    ("negative number -4110", "=ISCO_LABEL(-4110)", E502),
    ("1 MB text", f"=ISCO_LABEL({BIG_DIGITS})", E502),
    ("CHAR(1) inside", '=ISCO_LABEL("41"&CHAR(1)&"10")', E502),
    ("CHAR(10) inside", '=ISCO_LABEL("41"&CHAR(10)&"10")', E502),
    ("range A1:A3", "=ISCO_LABEL(A1:A3)", VALUE),
    ("huge number 1E300", "=ISCO_LABEL(1E300)", E502),
    ("lang: range A1:A3", '=ISCO_LABEL("4110";A1:A3)', E502),
    ("lang: 1 MB text", f'=ISCO_LABEL("4110";{BIG_TEXT})', E502),
    ("lang: CHAR(10) inside", '=ISCO_LABEL("4110";"e"&CHAR(10)&"n")', E502),
    ("lang: TRUE()", '=ISCO_LABEL("4110";TRUE())', E502),
]

ISCO_MAP_CASES = [
    ("empty cell reference", "=ISCO_MAP(Z1)", NA),
    ("empty text", '=ISCO_MAP("")', NA),
    ("blank text", '=ISCO_MAP("   ")', NA),
    ("decimal number 4110.5", "=ISCO_MAP(4110.5)", NA),
    ("negative number -4110", "=ISCO_MAP(-4110)", NA),
    ("1 MB text", f"=ISCO_MAP({BIG_TEXT})", E502),
    ("1,001 characters", '=ISCO_MAP(REPT("a";1001))', E502),
    ("control characters only", "=ISCO_MAP(CHAR(1)&CHAR(10)&CHAR(1))", NA),
    ("CHAR(1) inside nonsense", '=ISCO_MAP("zzqxj"&CHAR(1)&"wklm")', NA),
    ("range A1:A3", "=ISCO_MAP(A1:A3)", VALUE),
    ("huge number 1E300", "=ISCO_MAP(1E300)", NA),
    ("TRUE()", "=ISCO_MAP(TRUE())", NA),
    ("field: range A1:A3", '=ISCO_MAP("Policier municipal";A1:A3)', E502),
    ("field: 1 MB text", f'=ISCO_MAP("Policier municipal";{BIG_TEXT})', E502),
    ("field: CHAR(1) inside", '=ISCO_MAP("Policier municipal";"co"&CHAR(1)&"de")', E502),
    ("field: number 1E300", '=ISCO_MAP("Policier municipal";1E300)', E502),
    ("field: TRUE()", '=ISCO_MAP("Policier municipal";TRUE())', E502),
    ("overrides: single empty cell", '=ISCO_MAP("Policier municipal";"code";Z1)', E502),
    ("overrides: text", '=ISCO_MAP("Policier municipal";"code";"abc")', E502),
    ("overrides: 3 columns", '=ISCO_MAP("Policier municipal";"code";A1:C3)', E502),
]

# Documented non-errors: (case, formula, formula that must give the same value, why)
NOT_ERRORS = [
    ('overrides: a 1 MB title row is skipped', '=ISCO_MAP("Policier municipal";"code";D1:E1)',
     '=ISCO_MAP("Policier municipal";"code")', 'a malformed overrides row is skipped, not fatal'),
    ('overrides: the 1 MB title row is counted', '=ISCO_MAP("Policier municipal";"corrections_invalides";D1:E1)',
     '=1', 'malformed overrides rows are counted'),
    ('measure: empty cell reference', '=AI_EXPOSURE("4110";Z1)', '=AI_EXPOSURE("4110")',
     'a blank settings cell means the default'),
    ('measure: blank text', '=AI_EXPOSURE("4110";"   ")', '=AI_EXPOSURE("4110")',
     'blank means the default'),
    ('edition: empty cell reference', '=AI_EXPOSURE("4110";"mean";Z1)', '=AI_EXPOSURE("4110";"mean";2025)',
     'a blank settings cell means the default'),
    ('lang: empty cell reference', '=ISCO_LABEL("4110";Z1)', '=ISCO_LABEL("4110")',
     'a blank settings cell means the default'),
    ('field: empty cell reference', '=ISCO_MAP("Policier municipal";Z1)', '=ISCO_MAP("Policier municipal")',
     'a blank settings cell means the default'),
    ("AI_EXPOSURE TRUE()", "=AI_EXPOSURE(TRUE())", "=AI_EXPOSURE(1)",
     "Calc passes TRUE() as the number 1: the roll-up of major group 1"),
    ("ISCO_LABEL TRUE()", "=ISCO_LABEL(TRUE())", "=ISCO_LABEL(1)",
     "Calc passes TRUE() as the number 1: the title of major group 1"),
    ("ISCO_MAP CHAR(1) inside a real title", '=ISCO_MAP("Policier"&CHAR(1)&"municipal")',
     '=ISCO_MAP("Policier municipal")', "control characters separate words like spaces"),
    ("ISCO_MAP CHAR(10) inside a real title", '=ISCO_MAP("Policier"&CHAR(10)&"municipal")',
     '=ISCO_MAP("Policier municipal")', "a line break in a cell separates words like a space"),
]

RESULTS = []  # (function, case, formula, outcome, seconds) for the summary


class BadInputTest(unittest.TestCase):
    office = None

    @classmethod
    def setUpClass(cls):
        cls.office = Office(oxt=OXT)
        cls.office.__enter__()
        try:  # tearDownClass does not run when setUpClass fails: never leave soffice behind
            cls.doc = cls.office.new_calc()
            cls.sheet = cls.doc.getSheets().getByIndex(0)
            for i, v in enumerate(RANGE_DATA):
                cls.sheet.getCellByPosition(0, i).setString(v)
            cls.sheet.getCellByPosition(4, 0).setFormula('=REPT("b";1000000)')  # E1: 1 MB override code
            cls.sheet.getCellByPosition(3, 0).setFormula(f"={BIG_TEXT}")  # D1: 1 MB override title
        except BaseException:
            cls.office.__exit__(None, None, None)
            cls.office = None
            raise
        cls.next_row = FIRST_ROW

    @classmethod
    def tearDownClass(cls):
        if cls.office is not None:
            cls.office.__exit__(None, None, None)

    def compute(self, formula):
        """Sets `formula` in the next free row of column B; returns (cell, seconds to compute it)."""
        cell = self.sheet.getCellByPosition(1, type(self).next_row)
        type(self).next_row += 1
        t = time.time()
        cell.setFormula(formula)
        cell.getError()  # reading the result interprets the cell
        return cell, time.time() - t

    def describe(self, cell):
        err = cell.getError()
        if err:
            return NAMES.get(err, f"error {err}")
        kind = cell.FormulaResultType2
        return f"{'number' if kind == 1 else 'text'} {cell.getValue() if kind == 1 else cell.getString()!r}"

    def run_cases(self, function, cases):
        self.assertGreater(len(cases), 0)
        for case, formula, expected in cases:
            with self.subTest(case=case, formula=formula):
                cell, seconds = self.compute(formula)
                outcome = self.describe(cell)
                RESULTS.append((function, case, formula, outcome, seconds))
                self.assertNotEqual(cell.getError(), 0, f"{formula} gave {outcome}, not an error")
                self.assertEqual(cell.getError(), expected,
                                 f"{formula} gave {outcome}, documented: {NAMES[expected]}")
                self.assertLess(seconds, MAX_SECONDS_PER_CASE, f"{formula} took {seconds:.2f} s")
        self.assert_alive()

    def assert_alive(self):
        self.assertIsNone(self.office.proc.poll(), "soffice exited")
        cell, _ = self.compute("=1+1")
        self.assertEqual(cell.getValue(), 2.0)
        cell, _ = self.compute('=AI_EXPOSURE("4110")')
        self.assertEqual(cell.getError(), 0, "the add-in no longer answers")
        self.assertGreater(cell.getValue(), 0.0)

    def test_arguments_really_are_big(self):
        """The 1 MB cases reach the add-in: Calc builds such strings without an error itself."""
        for expr in (BIG_DIGITS, BIG_TEXT):
            cell, _ = self.compute(f"=LEN({expr})")
            self.assertEqual(cell.getError(), 0)
            self.assertEqual(cell.getValue(), 1000000.0)
        self.assertEqual(self.sheet.getCellByPosition(3, 0).getError(), 0)
        self.assertEqual(len(self.sheet.getCellByPosition(3, 0).getString()), 1000000)

    def test_ai_exposure(self):
        self.run_cases("AI_EXPOSURE", AI_EXPOSURE_CASES)

    def test_isco_label(self):
        self.run_cases("ISCO_LABEL", ISCO_LABEL_CASES)

    def test_isco_map(self):
        self.run_cases("ISCO_MAP", ISCO_MAP_CASES)

    def test_documented_non_errors(self):
        for case, formula, same_as, why in NOT_ERRORS:
            with self.subTest(case=case, formula=formula):
                cell, seconds = self.compute(formula)
                ref, _ = self.compute(same_as)
                RESULTS.append(("(not an error)", case, formula, self.describe(cell) + f" = {same_as}", seconds))
                self.assertEqual(ref.getError(), 0, f"{same_as} must give a value")
                self.assertEqual(self.describe(cell), self.describe(ref), f"{formula}: {why}")
        self.assert_alive()

    def test_recalculating_everything_is_stable(self):
        """After all cases, one calculateAll() of the whole sheet gives the same outcomes, fast."""
        for function, cases in (("AI_EXPOSURE", AI_EXPOSURE_CASES), ("ISCO_LABEL", ISCO_LABEL_CASES),
                                ("ISCO_MAP", ISCO_MAP_CASES)):
            cells = [(self.compute(f)[0], expected, f) for _, f, expected in cases]
            t = time.time()
            self.doc.calculateAll()
            seconds = time.time() - t
            self.assertLess(seconds, 10.0, f"calculateAll took {seconds:.1f} s")
            for cell, expected, formula in cells:
                self.assertEqual(cell.getError(), expected, formula)
        self.assert_alive()


if __name__ == "__main__":
    t0 = time.time()
    prog = unittest.main(exit=False, verbosity=2)
    print("\n== bad input outcomes ==")
    for function, case, formula, outcome, seconds in RESULTS:
        print(f"  {function:14} {case:34} {outcome:28} {seconds * 1000:7.1f} ms  {formula[:70]}")
    slowest = max((r[4] for r in RESULTS), default=0.0)
    print(f"  {len(RESULTS)} cases, slowest {slowest:.2f} s; total {time.time() - t0:.1f} s, "
          f"{prog.result.testsRun} tests, {len(prog.result.failures) + len(prog.result.errors)} failed")
    sys.exit(0 if prog.result.wasSuccessful() else 1)
