#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""ISCO_MAP with a large overrides range, in headless Calc (a benchmark, not a test).

C cells of =ISCO_MAP(title; "code"; overrides) with R override rows, timed against the same C cells
without the overrides argument (the baseline, same sheet, same run). Calc itself still converts the
range for every call; the add-in reads its content once (cache keyed on the content)."""
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from lo_harness import Office, prop  # noqa: E402
from com.sun.star.sheet.FillDirection import TO_BOTTOM  # noqa: E402

ROWS = int(os.environ.get("ROWS", "100000"))
CELLS = int(os.environ.get("CELLS", "200"))
OXT = os.environ.get("CARTOIA_OXT", os.path.join(ROOT, "build", "carto-ia-metiers.oxt"))
F = "FR.CARTOIA.METIERS.FUNCTIONS.ISCOMAP"


def timed(doc, sheet, formula):
    sheet.getCellRangeByPosition(2, 0, 2, CELLS - 1).clearContents(23)
    sheet.getCellByPosition(2, 0).setFormula(formula)
    sheet.getCellRangeByPosition(2, 0, 2, CELLS - 1).fillAuto(TO_BOTTOM, 1)
    t0 = time.perf_counter()
    doc.calculateAll()
    return time.perf_counter() - t0


def main():
    with Office(oxt=OXT) as office:
        doc = office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByIndex(0)
        titles = [("Agent d'accueil",), ("Policier municipal",), ("Jardinier",), ("Chargé de communication",)]
        sheet.getCellRangeByPosition(0, 0, 0, CELLS - 1).setDataArray([titles[i % 4] for i in range(CELLS)])
        sheet.getCellRangeByPosition(4, 0, 5, ROWS - 1).setDataArray(
            [(f"Intitulé maison numéro {i}", "4110") for i in range(ROWS)])
        timed(doc, sheet, f'={F}(A1;"code")')  # warm-up: data and matcher loaded
        base = timed(doc, sheet, f'={F}(A1;"code")')
        with_ov = timed(doc, sheet, f'={F}(A1;"code";$E$1:$F${ROWS})')
        doc.close(True)
    print(f"{CELLS} cells, {ROWS} override rows: without overrides {base:.3f} s, with {with_ov:.3f} s "
          f"({with_ov / CELLS * 1000:.1f} ms per cell; ratio {with_ov / max(base, 1e-9):.1f})")


if __name__ == "__main__":
    main()
