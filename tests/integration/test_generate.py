#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""carto-ia generate, for real: staff tables (the sample commune and small awkward ones) → the
cartography workbook. Checks row counts, that DataPilot totals equal the number of posts and the
sum of ETP, that each chart exists and points at its pivot, that the input file is byte-identical
afterwards, and that the PDF export has the expected pages."""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lo_harness import CLI, Office, OXT, SAMPLE, SOURCE_DIR, pdf_pages  # noqa: E402

PIVOT_SHEETS = {"Par catégorie": "PIVOT_CATEGORIE", "Par filière": "PIVOT_FILIERE", "Par direction": "PIVOT_DIRECTION"}

# Awkward tables as French offices export them: (name, bytes, expected posts, expected ETP sum)
EDGE = [
    ("accents_order_missing_etp.csv",
     "Métier;FILIÈRE;Intitulé du Poste;Catégorie;Direction\n"
     "Policier ou policière municipal(e);police municipale;POLICIERE MUNICIPALE;C;Tranquillité publique\n"
     "\n"
     "Chargé ou chargée d'accueil;administrative;Chargée d'accueil;C;Citoyenneté\n"
     ";;;;\n"
     "Jardinier ou jardinière;technique;Jardinier H/F;C;Services techniques\n".encode("utf-8"), 3, 3.0),
    ("windows1252_title_row.csv",
     ("Tableau des effectifs au 01/01/2025\n\n"
      "Matricule;Intitulé du poste;Catégorie;Filière;Direction;Quotité\n"
      "A1;Assistante de gestion RH;C;administrative;Ressources humaines;0,8\n"
      "A2;Agent d'entretien des locaux;C;technique;Éducation;1\n"
      "A3;Directeur général des services;A;administrative;Direction générale;100 %\n").encode("cp1252"), 3, 2.8),
    ("duplicate_headers_commas.csv",
     ('Intitulé,Métier,Métier,Catégorie,Filière,Direction,ETP\n'
      '"Bibliothécaire","Bibliothécaire","x",B,culturelle,Culture,"0,5"\n'
      'Agent de restauration,,y,C,technique,Éducation,1\n').encode("utf-8"), 2, 1.5),
]


def EDGE_FILE_FOR_REFERENTIEL(folder):
    name, data, _, _ = EDGE[0]
    path = os.path.join(folder, "ref-" + name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class GenerateTest(unittest.TestCase):
    tmp = None
    office = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cartoia-gen-")
        cls.profile = os.path.join(cls.tmp, "cli-profile")
        cls.office = Office(oxt=OXT)
        cls.office.__enter__()

    @classmethod
    def tearDownClass(cls):
        if cls.office:
            cls.office.__exit__(None, None, None)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def generate(self, src, *extra):
        out = os.path.join(self.tmp, os.path.basename(src) + ".ods")
        pdf = os.path.join(self.tmp, os.path.basename(src) + ".pdf")
        before = sha256(src)
        t0 = time.time()
        proc = subprocess.run([CLI, "generate", src, "-o", out, "--pdf", pdf, "--profile", self.profile, "--oxt", OXT,
                               "--force", *extra], capture_output=True, text=True, timeout=600)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertEqual(sha256(src), before, "the staff table must not be modified")
        print(f"  {os.path.basename(src)}: {time.time() - t0:.1f} s", file=sys.stderr)
        return out, pdf, proc.stdout

    def check_workbook(self, out, posts, etp_sum):
        doc = self.office.load(out)
        try:
            sheets = doc.getSheets()
            postes = sheets.getByName("Postes")
            ids = postes.getCellRangeByPosition(0, 1, 0, posts + 5).getDataArray()
            self.assertEqual(sum(1 for (v,) in ids if v != ""), posts, "one row per post")
            etp = postes.getCellRangeByPosition(7, 1, 7, posts).getDataArray()
            self.assertAlmostEqual(sum(v for (v,) in etp), etp_sum, places=6)
            for sheet_name, pivot_name in PIVOT_SHEETS.items():
                sheet = sheets.getByName(sheet_name)
                tables = sheet.getDataPilotTables()
                self.assertTrue(tables.hasByName(pivot_name), f"{sheet_name}: pivot {pivot_name}")
                out_range = tables.getByName(pivot_name).getOutputRange()
                grid = sheet.getCellRangeByPosition(out_range.StartColumn, out_range.StartRow,
                                                    out_range.EndColumn, out_range.EndRow).getDataArray()
                self.assertEqual(grid[-1][-1], posts, f"{sheet_name}: grand total = number of posts")
                etp_table = tables.getByName(pivot_name + "_ETP").getOutputRange()
                g2 = sheet.getCellRangeByPosition(etp_table.StartColumn, etp_table.StartRow,
                                                  etp_table.EndColumn, etp_table.EndRow).getDataArray()
                self.assertAlmostEqual(g2[-1][-1], etp_sum, places=6, msg=f"{sheet_name}: ETP total")
                charts = sheet.getCharts()
                self.assertEqual(charts.getCount(), 1, f"{sheet_name}: one chart")
                ranges = charts.getByIndex(0).getRanges()
                self.assertEqual(len(ranges), 1)
                r = ranges[0]
                self.assertEqual(r.Sheet, out_range.Sheet)
                self.assertTrue(out_range.StartRow <= r.StartRow and r.EndRow <= out_range.EndRow and
                                out_range.StartColumn <= r.StartColumn and r.EndColumn <= out_range.EndColumn,
                                f"{sheet_name}: the chart reads its pivot")
            return doc
        except BaseException:
            doc.close(True)
            raise

    def test_sample_commune(self):
        out, pdf, stdout = self.generate(SAMPLE)
        self.assertIn("1000 postes", stdout)
        doc = self.check_workbook(out, 1000, 967.6)
        try:
            metiers = doc.getSheets().getByName("Métiers")
            cell = metiers.getCellRangeByName("A1")
            self.assertTrue(cell is not None)
        finally:
            doc.close(True)
        self.assertGreaterEqual(pdf_pages(pdf), 8, "at least one page per sheet")

    def test_referentiel_reports_rows_it_ignores(self):
        out, _, _ = self.generate(EDGE_FILE_FOR_REFERENTIEL(self.tmp))
        doc = self.office.load(out)
        try:
            ref = doc.getSheets().getByName("Référentiel")
            status = ref.getCellByPosition(2, 0)
            doc.calculateAll()
            self.assertEqual(status.getString(), "Toutes les lignes sont lues.")
            first = doc.NamedRanges.getByName("REFERENTIEL_OVERRIDES").getReferredCells().getRangeAddress().StartRow
            ref.getCellByPosition(0, first).setString("Jardinier H/F")
            ref.getCellByPosition(1, first).setString("61130")  # five digits: not an ISCO code
            # The text the posts are mapped by (the métier here), as « À vérifier » lists it.
            ref.getCellByPosition(0, first + 1).setString("CHARGÉ OU CHARGÉE D'ACCUEIL")
            ref.getCellByPosition(1, first + 1).setString("4226")
            doc.calculateAll()
            self.assertTrue(status.getString().startswith("1 ligne(s) ignorée(s)"), status.getString())
            postes = doc.getSheets().getByName("Postes")
            with open(os.path.join(SOURCE_DIR, "templates", "workbook.json"), encoding="utf-8") as f:
                code = [c["key"] for c in json.load(f)["postes"]["columns"]].index("code_isco")
            codes = [postes.getCellByPosition(code, r).getString() for r in (1, 2, 3)]
            self.assertIn("4226", codes)  # the good row still applies
            ref.getCellByPosition(1, first + 3).setString("4110")  # a code without a text
            doc.calculateAll()
            self.assertTrue(status.getString().startswith("2 ligne(s) ignorée(s)"), status.getString())
            ref.getCellByPosition(1, first + 2).setFormula("=1/0")
            ref.getCellByPosition(0, first + 2).setString("Agent")
            doc.calculateAll()
            self.assertIn("en erreur", status.getString())
        finally:
            doc.close(True)

    def test_edge_tables(self):
        for name, data, posts, etp in EDGE:
            with self.subTest(name):
                src = os.path.join(self.tmp, name)
                with open(src, "wb") as f:
                    f.write(data)
                out, pdf, _ = self.generate(src)
                self.check_workbook(out, posts, etp).close(True)

    def test_spreadsheet_inputs(self):
        """.xlsx (Excel) and .ods staff tables are read from their first sheet, never modified."""
        for fmt, filt in (("xlsx", "Calc MS Excel 2007 XML"), ("ods", "calc8")):
            with self.subTest(fmt):
                conv = os.path.join(self.tmp, "conv-" + fmt)
                subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{conv}", "--convert-to",
                                f"{fmt}:{filt}", "--infilter=CSV:59,34,76,1", "--outdir", conv, SAMPLE],
                               check=True, capture_output=True, timeout=180)
                src = os.path.join(conv, "tableau-des-effectifs." + fmt)
                out, _, _ = self.generate(src)
                self.check_workbook(out, 1000, 967.6).close(True)

    def test_fifty_thousand_posts(self):
        src = os.path.join(self.tmp, "staff50k.csv")
        with open(SAMPLE, encoding="utf-8") as f:
            lines = f.read().splitlines()
        header, rows = lines[0], lines[1:]
        etp = 0.0
        with open(src, "w", encoding="utf-8") as f:
            f.write(header + "\n")
            for i in range(50000):
                cells = rows[i % len(rows)].split(";")
                cells[0] = f"P{i + 1:05d}"
                etp += float(cells[7].replace(",", "."))
                f.write(";".join(cells) + "\n")
        out = os.path.join(self.tmp, "big.ods")
        before = sha256(src)
        proc = subprocess.run([CLI, "generate", src, "-o", out, "--profile", self.profile, "--oxt", OXT, "--force"],
                              capture_output=True, text=True, timeout=900)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertEqual(sha256(src), before)
        self.check_workbook(out, 50000, etp).close(True)

    def test_edition_2023(self):
        src = os.path.join(self.tmp, "small.csv")
        with open(src, "wb") as f:
            f.write(EDGE[0][1])
        out, _, _ = self.generate(src, "--edition", "2023")
        doc = self.office.load(out)
        try:
            named = doc.NamedRanges.getByName("EDITION").getReferredCells()
            self.assertEqual(named.getCellByPosition(0, 0).getValue(), 2023)
        finally:
            doc.close(True)

    def test_refuses_to_overwrite_without_force(self):
        src = os.path.join(self.tmp, "keep.csv")
        with open(src, "wb") as f:
            f.write(EDGE[0][1])
        existing = os.path.join(self.tmp, "existing.ods")
        with open(existing, "wb") as f:
            f.write(b"mine")
        proc = subprocess.run([CLI, "generate", src, "-o", existing, "--profile", self.profile, "--oxt", OXT],
                              capture_output=True, text=True, timeout=120)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("existe déjà", proc.stderr)
        with open(existing, "rb") as f:
            self.assertEqual(f.read(), b"mine")

    def test_bad_input_gives_a_clear_error(self):
        src = os.path.join(self.tmp, "nothing.csv")
        with open(src, "wb") as f:
            f.write(b"foo\nbar\n")
        proc = subprocess.run([CLI, "generate", src, "-o", os.path.join(self.tmp, "x.ods"), "--profile", self.profile,
                               "--oxt", OXT], capture_output=True, text=True, timeout=300)
        self.assertNotEqual(proc.returncode, 0)
        self.assertTrue(proc.stderr.startswith("carto-ia : "), proc.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
