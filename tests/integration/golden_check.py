# SPDX-License-Identifier: MPL-2.0
"""Checks a golden workbook (tests/golden/*.fods, layout in tests/golden/fods_writer.py) loaded in
a running office: recalculates it, then for every check row looks at the in-sheet Pass cell AND
compares the result with the expected value itself (error codes through XCell.getError()).

Reads each sheet with one getDataArray()/getFormulaArray() and asks Calc for the error cells with
queryFormulaCells(), so only error cells are read one by one (notes, pitfall 10)."""
from dataclasses import dataclass, field

import uno  # noqa: F401  (installs the com.sun.star import hook)
from com.sun.star.sheet.FormulaResult import ERROR as RESULT_ERROR  # noqa: E402

HEADER = ("Description", "Result", "Expected", "Pass", "Check", "Upper bound")
SUMMARY_SHEET = "Summary"
KINDS = ("number", "text", "error", "between")
TOLERANCE = 1e-9  # same as the Pass cells: ABS(B-C)<1E-9

# token shown by Calc -> XCell.getError()
ERROR_CODES = {"#N/A": 32767, "Err:502": 502, "#VALUE!": 519, "#NAME?": 525, "#DIV/0!": 532}
ERROR_NAMES = {v: k for k, v in ERROR_CODES.items()}


def error_name(code):
    return ERROR_NAMES.get(code, f"Err:{code}")


@dataclass
class RowResult:
    sheet: str
    row: int  # 1-based, as Calc shows it
    description: str
    formula: str
    kind: str
    expected: object
    actual: object  # number, text, None (empty) or "error <token> (<code>)"
    actual_error: int  # XCell.getError() of the result cell, 0 when no error
    sheet_pass: object  # value of the Pass cell: True, False, or a description of what is there
    own_pass: bool
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        return self.sheet_pass is True and self.own_pass and not self.problems

    def __str__(self):
        exp = f"{self.expected[0]} <= x <= {self.expected[1]}" if self.kind == "between" else repr(self.expected)
        extra = ("; " + "; ".join(self.problems)) if self.problems else ""
        return (f"[{self.sheet}] row {self.row}: {self.description}\n"
                f"    formula  {self.formula}\n"
                f"    expected {self.kind} {exp}\n"
                f"    actual   {self.actual!r}\n"
                f"    in-sheet Pass cell: {self.sheet_pass}; independent check: "
                f"{'pass' if self.own_pass else 'FAIL'}{extra}")


@dataclass
class Report:
    name: str
    rows: list = field(default_factory=list)
    checks_per_sheet: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)  # problems with the workbook itself
    summary_all_passed: object = None  # value of the Summary sheet's total "All passed" cell

    @property
    def failures(self):
        return [r for r in self.rows if not r.ok]

    def describe_failures(self, limit=None):
        """Every failing row (or the first `limit`), with sheet, row, formula, expected, actual."""
        lines = [f"{self.name}: {len(self.failures)} of {len(self.rows)} checks failed"]
        lines += [f"  workbook problem: {p}" for p in self.problems]
        lines += [str(r) for r in self.failures[:limit]]
        if limit is not None and len(self.failures) > limit:
            lines.append(f"  … and {len(self.failures) - limit} more")
        return "\n".join(lines)


def _used_rows(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.getRangeAddress().EndRow + 1


def _error_cells(sheet, col, first_row, last_row):
    """{0-based row: error code} of the formula cells of one column whose result is an error."""
    errors = {}
    rng = sheet.getCellRangeByPosition(col, first_row, col, last_row)
    found = rng.queryFormulaCells(RESULT_ERROR)
    for a in found.getRangeAddresses():
        for r in range(a.StartRow, a.EndRow + 1):
            errors[r] = sheet.getCellByPosition(col, r).getError()
    return errors


def _pass_formula_fits(kind, expected, formula):
    """The Pass cell tests what column C and E say (catches an expected value edited without its
    Pass formula, e.g. C changed from #N/A to Err:502 while D still says ISNA)."""
    f = formula.upper()
    if kind == "error":
        if expected == "#N/A":
            return "ISNA(" in f
        return "ERRORTYPE(" in f and f"={ERROR_CODES[expected]}" in f.replace(" ", "")
    return {"number": "ABS(", "text": "EXACT(", "between": "AND("}[kind] in f


def _own_check(kind, expected, upper, value, err):
    """(passes, shown actual value) of one result, compared without the Pass cell."""
    if err:
        actual = f"error {error_name(err)} ({err})"
        return kind == "error" and ERROR_CODES.get(expected) == err, actual
    if kind == "number":
        ok = isinstance(value, float) and isinstance(expected, float) and abs(value - expected) < TOLERANCE
        return ok, value
    if kind == "text":
        return isinstance(value, str) and value == expected, value
    if kind == "between":
        ok = all(isinstance(x, float) for x in (value, expected, upper)) and expected <= value <= upper
        return ok, value
    return False, value  # an error was expected, the cell shows a value


def check_sheet(sheet, report):
    name = sheet.getName()
    n = _used_rows(sheet)
    if n < 1:
        report.problems.append(f"sheet {name} is empty")
        report.checks_per_sheet[name] = 0
        return
    data = sheet.getCellRangeByPosition(0, 0, 5, n - 1).getDataArray()
    formulas = sheet.getCellRangeByPosition(1, 0, 3, n - 1).getFormulaArray()  # B..D
    header = tuple(data[0][:len(HEADER)])
    if header != HEADER:
        report.problems.append(f"sheet {name}: header {header} is not {HEADER}")
        report.checks_per_sheet[name] = 0
        return
    errors_b = _error_cells(sheet, 1, 1, n - 1) if n > 1 else {}
    errors_d = _error_cells(sheet, 3, 1, n - 1) if n > 1 else {}
    count = 0
    for i in range(1, n):
        desc, value, expected, passed, kind, upper = data[i][:6]
        if kind == "" and desc == "" and formulas[i][0] == "":
            continue  # blank row
        count += 1
        problems = []
        formula, pass_formula = formulas[i][0], formulas[i][2]
        if kind not in KINDS:
            problems.append(f"unknown check kind {kind!r}")
        if not formula.startswith("="):
            problems.append("the Result cell holds no formula")
        if not pass_formula.startswith("="):
            problems.append("the Pass cell holds no formula")
        if kind == "error" and expected not in ERROR_CODES:
            problems.append(f"unknown error token {expected!r}")
        elif kind in KINDS and not _pass_formula_fits(kind, expected, pass_formula):
            problems.append(f"the Pass formula {pass_formula} does not test the expected {kind} {expected!r}")
        if kind in ("number", "between") and not isinstance(expected, float):
            problems.append("expected value is not a number")
        if kind == "between" and not isinstance(upper, float):
            problems.append("upper bound is not a number")
        err = errors_b.get(i, 0)
        own, actual = _own_check(kind, expected, upper, value, err) if kind in KINDS else (False, value)
        if problems:
            own = False
        if i in errors_d:
            sheet_pass = f"error {error_name(errors_d[i])}"
        elif passed == 1.0:
            sheet_pass = True
        elif passed == 0.0:
            sheet_pass = False
        else:
            sheet_pass = f"not a boolean: {passed!r}"
        report.rows.append(RowResult(name, i + 1, desc, formula, kind,
                                     (expected, upper) if kind == "between" else expected,
                                     actual, err, sheet_pass, own, problems))
    report.checks_per_sheet[name] = count
    if count == 0:
        report.problems.append(f"sheet {name} has no check rows")


def check_document(doc, name="workbook"):
    """Recalculates `doc` and checks every test sheet. Returns a Report."""
    doc.calculateAll()
    report = Report(name)
    sheets = doc.getSheets()
    names = list(sheets.getElementNames())
    if SUMMARY_SHEET not in names:
        report.problems.append("no Summary sheet")
    for sheet_name in names:
        if sheet_name != SUMMARY_SHEET:
            check_sheet(sheets.getByName(sheet_name), report)
    if not report.checks_per_sheet:
        report.problems.append("no test sheet")
    if SUMMARY_SHEET in names:
        s = sheets.getByName(SUMMARY_SHEET)
        n = _used_rows(s)
        total = s.getCellRangeByPosition(0, n - 1, 3, n - 1).getDataArray()[0]
        if total[0] != "Total":
            report.problems.append("the Summary sheet has no Total row")
        else:
            report.summary_all_passed = {1.0: True, 0.0: False}.get(total[3], total[3])
            if total[1] != float(len(report.rows)):
                report.problems.append(f"the Summary counts {total[1]} checks, the checker {len(report.rows)}")
    return report
