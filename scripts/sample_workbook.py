#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""Builds the sample commune's workbook with live AI_EXPOSURE / ISCO_MAP formulas in a headless
LibreOffice that has the extension installed, then saves it as .ods and exports a PDF.

Interim driver for the README's main job; the C++ generation service and `carto-ia generate`
command take this role later (see the issues)."""
import argparse
import csv
import datetime
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
from lo_harness import Office, prop  # noqa: E402
import uno  # noqa: E402
from com.sun.star.sheet.FillDirection import TO_BOTTOM  # noqa: E402

CAVEAT = ("Ces résultats sont un MAJORANT : la méthode de l'OIT est techno-optimiste et ignore les freins "
          "matériels et culturels. Ils indiquent des tâches que l'IA générative pourrait en partie réaliser, "
          "pas des emplois supprimés.")

# Computed columns: header, formula for row 2 (A.. = user columns, see below), number format
COMPUTED = [
    ("Code ISCO", '=ISCO_MAP(C2)', None),
    ("Libellé ISCO", '=ISCO_LABEL(I2)', None),
    ("Confiance", '=ISCO_MAP(C2;"confiance")', "0%"),
    ("Score 2025", '=AI_EXPOSURE(I2)', "0.00"),
    ("Écart-type 2025", '=AI_EXPOSURE(I2;"sd")', "0.00"),
    ("Catégorie 2025", '=AI_EXPOSURE(I2;"catégorie")', None),
    ("Score 2023", '=AI_EXPOSURE(I2;"mean";2023)', "0.00"),
    ("Catégorie 2023", '=AI_EXPOSURE(I2;"catégorie";2023)', None),
]


def read_staff(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header, data = rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]
    out = []
    for r in data:
        r = r + [""] * (len(header) - len(r))
        etp = r[7].replace(",", ".").strip()
        r[7] = float(etp) if etp else 1.0
        out.append(r)
    return header, out


def col_name(i):
    return chr(ord("A") + i)


def fill_postes(doc, sheet, header, rows):
    n = len(rows)
    ncols = len(header)
    sheet.getCellRangeByPosition(0, 0, ncols - 1, n).setDataArray(tuple([tuple(header)] + [tuple(r) for r in rows]))
    first = ncols
    for j, (title, formula, fmt) in enumerate(COMPUTED):
        sheet.getCellByPosition(first + j, 0).setString(title)
        sheet.getCellByPosition(first + j, 1).setFormula(formula)
    block = sheet.getCellRangeByPosition(first, 1, first + len(COMPUTED) - 1, n)
    block.fillAuto(TO_BOTTOM, 1)
    formats = doc.getNumberFormats()
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    for j, (_, _, fmt) in enumerate(COMPUTED):
        if fmt:
            key = formats.queryKey(fmt, locale, False)
            if key < 0:
                key = formats.addNew(fmt, locale)
            sheet.getCellRangeByPosition(first + j, 1, first + j, n).NumberFormat = key
    head = sheet.getCellRangeByPosition(0, 0, first + len(COMPUTED) - 1, 0)
    head.CharWeight = 150.0


def fit_columns(sheet, ncols):
    """After calculation, so that computed texts count."""
    first = ncols
    cols = sheet.getColumns()
    for i in range(first + len(COMPUTED)):
        cols.getByIndex(i).OptimalWidth = True
    for i in (1, 2, 5, 6, 9):  # long texts: cap the width
        c = cols.getByIndex(i)
        if c.Width > 6000:
            c.Width = 6000


def fill_readme(sheet, edition_date, n_posts):
    lines = [
        "Carto IA Métiers — commune témoin (données FICTIVES)",
        "",
        "Tableau des effectifs synthétique de %d postes, livré avec l'extension pour la démonstration." % n_posts,
        "Chaque poste → métier → code CITP/ISCO-08 (ISCO_MAP) → score d'exposition de l'OIT (AI_EXPOSURE).",
        "Les colonnes calculées de la feuille Postes sont des formules : corrigez un code ISCO à la main, tout suit.",
        "",
        "AVERTISSEMENT : " + CAVEAT,
        "",
        "Sources : OIT — Gmyrek, Berg, Bescond (2023), WP96 ; Gmyrek et al. (2025), WP140 — CC BY 4.0 ;",
        "CITP/ISCO-08 © OIT ; ESCO © Union européenne ; ROME © France Travail (Licence Ouverte 2.0).",
        "Édition des scores : 2025 (et 2023 pour comparaison). Généré le %s." % edition_date,
    ]
    for i, text in enumerate(lines):
        sheet.getCellByPosition(0, i).setString(text)
    sheet.getCellByPosition(0, 0).CharWeight = 150.0
    sheet.getCellByPosition(0, 0).CharHeight = 14.0
    sheet.getCellByPosition(0, 6).CharWeight = 150.0
    sheet.getColumns().getByIndex(0).Width = 25000


def page_setup(doc):
    styles = doc.getStyleFamilies().getByName("PageStyles")
    for name in styles.getElementNames():
        st = styles.getByName(name)
        st.IsLandscape = True
        st.Width, st.Height = 29700, 21000
        st.ScaleToPagesX = 1
        st.ScaleToPagesY = 0
        st.CenterHorizontally = False
        try:
            footer = st.RightPageFooterContent
            footer.getLeftText().setString("Majorant (méthode OIT) — données fictives")
            st.RightPageFooterContent = footer
        except Exception:
            pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--oxt", required=True)
    ap.add_argument("--staff", required=True)
    ap.add_argument("--ods", required=True)
    ap.add_argument("--pdf")
    args = ap.parse_args()
    header, rows = read_staff(args.staff)
    t0 = time.time()
    with Office(oxt=args.oxt) as office:
        t1 = time.time()
        doc = office.new_calc()
        doc.enableAutomaticCalculation(False)
        sheets = doc.getSheets()
        sheets.getByIndex(0).setName("Lisez-moi")
        sheets.insertNewByName("Postes", 1)
        fill_readme(sheets.getByName("Lisez-moi"), datetime.date.today().isoformat(), len(rows))
        fill_postes(doc, sheets.getByName("Postes"), header, rows)
        page_setup(doc)
        doc.calculateAll()
        doc.enableAutomaticCalculation(True)
        postes = sheets.getByName("Postes")
        fit_columns(postes, len(header))
        data = postes.getCellRangeByPosition(len(header), 1, len(header) + len(COMPUTED) - 1, len(rows)).getDataArray()
        errors = postes.getCellRangeByPosition(len(header), 1, len(header), len(rows)).queryFormulaCells(4)  # ERROR
        unmapped = sum(r.EndRow - r.StartRow + 1 for r in errors.getRangeAddresses())
        mapped = len(rows) - unmapped
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(args.ods)), (prop("FilterName", "calc8"),))
        if args.pdf:
            doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(args.pdf)),
                           (prop("FilterName", "calc_pdf_Export"),))
        doc.setModified(False)
        doc.close(True)
        t2 = time.time()
    print("sample workbook: %d posts, %d mapped to an ISCO code; %s%s (office start %.1f s, generation %.1f s)" % (
        len(rows), mapped, args.ods, (", " + args.pdf) if args.pdf else "", t1 - t0, t2 - t1))


if __name__ == "__main__":
    main()
