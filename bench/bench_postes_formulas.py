#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""Benchmark (not a test): what the live per-post formula columns of Postes cost at opening and at a
full recalculation, against the same workbook with fewer or simpler live columns.

One live workbook is generated (N posts, default 50 000), then copies of it are made by rewriting the
Postes formulas in its content.xml (the cells keep their cached values):
- frozen: `carto-ia --figer` (no formula at all);
- code only: Code ISCO live, the other per-post formula columns as values;
- code, score, class live;
- code live, the other columns the trivial formula `=<code cell>`;
- the product as generated.
Each is opened in RUNS fresh offices (median), then fully recalculated (calculateAll).

    N=50000 RUNS=3 bench/bench_postes_formulas.py"""
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "templates"))
from lo_harness import make_profile  # noqa: E402
from make_template import col_letter  # noqa: E402

from bench_generate import OXT, staff_table  # noqa: E402
from bench_workbook import generate, open_recalc_save  # noqa: E402

with open(os.path.join(ROOT, "templates", "workbook.json"), encoding="utf-8") as _f:
    CONTRACT = json.load(_f)
POSTES = CONTRACT["postes"]["columns"]
SHEET = CONTRACT["sheets"]["postes"]
CODE_COLUMN = next(i for i, c in enumerate(POSTES) if c["key"] == "code_isco")
# Per-post formula columns read from the Barème OIT, by their VLOOKUP column number there.
BAREME_INDEX = {c["key"]: i + 1 for i, c in enumerate(CONTRACT["bareme"]["columns"])}
LOOKUPS = {"libelle_isco": BAREME_INDEX["libelle"], "score": BAREME_INDEX["score"],
           "classe": BAREME_INDEX["classe"], "evolution": BAREME_INDEX["evolution"]}


def rewrite(src, dst, keys, trivial=False):
    """Copy of src whose Postes formulas of the given columns are removed (value kept), or replaced
    by `=<code cell>` of their row."""
    zin = zipfile.ZipFile(src)
    x = zin.read("content.xml").decode()
    start = x.find(f'<table:table table:name="{SHEET}"')
    end = x.find("<table:table ", start + 10)
    part = x[start:end]
    code = col_letter(CODE_COLUMN)
    count = 0
    for key in keys:
        pattern = r'table:formula="of:=[^"]*BAREME;' + str(LOOKUPS[key]) + r';0[^"]*"'

        def replace(m):
            row = re.search(r"\[\.[A-Z]+(\d+)\]", m.group(0)).group(1)
            return f'table:formula="of:=[.{code}{row}]"' if trivial else ""
        part, n = re.subn(pattern, replace, part)
        count += n
    assert count, "no formula rewritten: the Postes formulas changed, update this benchmark"
    x = x[:start] + part + x[end:]
    with zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = x.encode() if info.filename == "content.xml" else zin.read(info.filename)
            zout.writestr(info, data,
                          compress_type=zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)


def main():
    n = int(os.environ.get("N", "50000"))
    tmp = tempfile.mkdtemp(prefix="cartoia-bench-postes-")
    try:
        src = os.path.join(tmp, "staff.csv")
        staff_table(src, n)
        cli_profile = os.path.join(tmp, "cli")
        office_profile = make_profile(OXT, os.path.join(tmp, "office"))
        live, frozen = os.path.join(tmp, "live.ods"), os.path.join(tmp, "frozen.ods")
        generate(src, live, cli_profile)
        generate(src, frozen, cli_profile, "--figer")
        variants = [("aucune (figé)", frozen)]
        for label, keys, trivial in (("Code ISCO seul", list(LOOKUPS), False),
                                     ("Code, Score, Classe", ["libelle_isco", "evolution"], False),
                                     ("Code + 4 formules triviales", list(LOOKUPS), True)):
            path = os.path.join(tmp, f"variant{len(variants)}.ods")
            rewrite(live, path, keys, trivial)
            variants.append((label, path))
        variants.append(("les 5 (le produit)", live))
        print(f"| formules vivantes de Postes ({n} postes) | ouverture (s) | / figé | recalcul complet (s) |")
        print("|---|---|---|---|")
        base = None
        for label, path in variants:
            t_open, t_calc, _, _ = open_recalc_save(office_profile, path)
            base = base or t_open
            print(f"| {label} | {t_open:.2f} | {t_open / base:.2f} | {t_calc:.2f} |", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
