#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""ISCO_MAP vs VLOOKUP in headless Calc, same sheet, same run (a benchmark, not a test).

N cells of =ISCO_MAP(A) are recalculated and timed against N cells of =VLOOKUP(A; table; 2; 0) into
a 1 000-row table on the same sheet. Two inputs: the sample commune's 1 000 titles repeated (a real
staff table: titles repeat) and N distinct titles (ROME appellations made unique: no cache hit)."""
import csv
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from lo_harness import Office  # noqa: E402
from com.sun.star.sheet.FillDirection import TO_BOTTOM  # noqa: E402

N = int(os.environ.get("N", "100000"))
OXT = os.environ.get("CARTOIA_OXT", os.path.join(ROOT, "build", "carto-ia-metiers.oxt"))


def staff_titles():
    with open(os.path.join(ROOT, "samples", "commune-temoin", "tableau-des-effectifs.csv"), encoding="utf-8") as f:
        return [r[1] for r in list(csv.reader(f, delimiter=";"))[1:]]


def distinct_titles(n):
    with open(os.path.join(ROOT, "data", "rome", "rome4_appellation_esco_isco.csv"), encoding="utf-8") as f:
        base = [r["libelle_appellation_v460"] for r in csv.DictReader(f)]
    return [f"{base[i % len(base)]} - poste {i // len(base) + 1}" for i in range(n)]


def timed_column(doc, sheet, formula, n):
    """Writes `formula` in C1, fills C1:C(n), recalculates; returns seconds of calculateAll."""
    sheet.getCellRangeByPosition(2, 0, 2, n - 1).clearContents(23)
    sheet.getCellByPosition(2, 0).setFormula(formula)
    sheet.getCellRangeByPosition(2, 0, 2, n - 1).fillAuto(TO_BOTTOM, 1)
    t0 = time.perf_counter()
    doc.calculateAll()
    dt = time.perf_counter() - t0
    errors = sheet.getCellRangeByPosition(2, 0, 2, n - 1).queryFormulaCells(4).getRangeAddresses()
    n_err = sum(r.EndRow - r.StartRow + 1 for r in errors)
    return dt, n_err


def run(office, titles, label):
    doc = office.new_calc()
    try:
        doc.enableAutomaticCalculation(False)
        sheet = doc.getSheets().getByIndex(0)
        n = len(titles)
        sheet.getCellRangeByPosition(0, 0, 0, n - 1).setDataArray(tuple((t,) for t in titles))
        # Lookup table: 1 000 titles → a code, in E:F.
        table = staff_titles()
        sheet.getCellRangeByPosition(4, 0, 5, len(table) - 1).setDataArray(
            tuple((t, str(1000 + i)) for i, t in enumerate(table)))
        # Warm-up: loads the data and builds the index once (reported apart).
        sheet.getCellByPosition(7, 0).setFormula('=ISCO_MAP("Jardinier")')
        t0 = time.perf_counter()
        doc.calculateAll()
        warm = time.perf_counter() - t0
        tv, ev = timed_column(doc, sheet, "=VLOOKUP(A1;$E$1:$F$1000;2;0)", n)
        ti, ei = timed_column(doc, sheet, "=ISCO_MAP(A1)", n)
        print(f"{label}: {n} cells — VLOOKUP {tv:.2f} s ({ev} #N/A), ISCO_MAP {ti:.2f} s ({ei} #N/A), "
              f"ratio ISCO_MAP/VLOOKUP {ti / tv:.2f}; first call (data + index) {warm:.2f} s")
    finally:
        doc.setModified(False)
        doc.close(True)


def main():
    with Office(oxt=OXT) as office:
        reps = staff_titles()
        run(office, [reps[i % len(reps)] for i in range(N)], "staff titles (repeats)")
        run(office, distinct_titles(N), "distinct titles")


if __name__ == "__main__":
    main()
