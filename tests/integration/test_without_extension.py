#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""A generated workbook opened where the extension is not installed.

No figure of the live workbook calls the add-in: opened without the extension, it must show the
French warning (what is missing: mapping new titles, the functions, the sidebar) and exactly the
figures it shows with the extension. The frozen ones (`carto-ia --figer`, .ods and .xlsx) must show
those figures too, and their DataPilot tables must still refresh on the frozen data."""
import os
import re
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lo_harness import OXT, SAMPLE, Office, generate_workbook  # noqa: E402


def named_address(doc, name):
    return doc.NamedRanges.getByName(name).getReferredCells().getRangeAddress()


def block(doc, address):
    """Values of a range: numbers, texts, or ('error', code) for error cells."""
    sheet = doc.Sheets.getByIndex(address.Sheet)
    out = []
    for r in range(address.StartRow, address.EndRow + 1):
        row = []
        for c in range(address.StartColumn, address.EndColumn + 1):
            cell = sheet.getCellByPosition(c, r)
            if cell.getError():
                row.append(("error", cell.getError()))
            elif cell.getType().value == "TEXT" or (cell.getType().value == "FORMULA" and cell.FormulaResultType2 == 2):
                row.append(cell.getString())
            else:
                row.append(round(cell.getValue(), 9))
        out.append(row)
    return out


class WithoutExtension(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cartoia-noext-")
        profile = os.path.join(cls.tmp, "profile")
        cls.live = os.path.join(cls.tmp, "vivant.ods")
        cls.frozen_ods = os.path.join(cls.tmp, "fige.ods")
        cls.frozen_xlsx = os.path.join(cls.tmp, "fige.xlsx")
        for out, extra in ((cls.live, []), (cls.frozen_ods, ["--figer"]), (cls.frozen_xlsx, [])):
            printed = generate_workbook(SAMPLE, out, profile, *extra)
            if out != cls.live:
                assert "figé" in printed, printed
        # The live figures, read where the extension is installed.
        with Office(oxt=OXT) as office:
            doc = office.load(cls.live)
            doc.calculateAll()
            cls.classes = block(doc, named_address(doc, "SYNTHESE_CLASSES"))
            cls.headline = block(doc, named_address(doc, "SYNTHESE_PART_POSTES"))[0][0]
            cls.addresses = {n: named_address(doc, n) for n in
                             ("SYNTHESE_CLASSES", "SYNTHESE_PART_POSTES", "SYNTHESE_PART_ETP", "AVERTISSEMENT_EXTENSION",
                              "ETAT_CLASSEUR")}
            cls.live_warning = block(doc, cls.addresses["AVERTISSEMENT_EXTENSION"])[0][0]
            doc.close(True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_live_figures_are_plausible_with_the_extension(self):
        self.assertEqual(self.live_warning, "")
        self.assertIsInstance(self.headline, float)
        self.assertTrue(0.2 < self.headline < 0.6, self.headline)
        self.assertEqual(self.classes[-1][1], 1000)  # total posts

    def test_live_workbook_without_extension_warns_and_keeps_its_figures(self):
        with Office() as office:
            doc = office.load(self.live)
            doc.calculateAll()
            warning = block(doc, self.addresses["AVERTISSEMENT_EXTENSION"])[0][0]
            headline = block(doc, self.addresses["SYNTHESE_PART_POSTES"])[0][0]
            classes = block(doc, self.addresses["SYNTHESE_CLASSES"])
            # Every summary sheet names the problem where its figures are read.
            pivot_hints = []
            for name in ("Par catégorie", "Par filière", "Par direction"):
                pivot_hints.append(doc.Sheets.getByName(name).getCellByPosition(0, 2).getString())
            readme = doc.Sheets.getByName("Lisez-moi")
            readme_text = " ".join(readme.getCellByPosition(1, r).getString() for r in range(12))
            # No cell of the workbook calls the add-in but the warning itself.
            addin = re.compile(r"AI_?EXPOSURE|ISCO_?MAP", re.I)  # as the API shows it, with or without the add-in
            addin_cells = []
            for sheet in doc.Sheets:
                cursor = sheet.createCursor()
                cursor.gotoEndOfUsedArea(False)
                end = cursor.getRangeAddress()
                used = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
                for row in used.getFormulaArray():
                    addin_cells += [(sheet.Name, f) for f in row if f.startswith("=") and addin.search(re.sub(r"\"[^\"]*\"", "", f))]
            doc.close(True)
        self.assertIn("l'extension Carto IA Métiers n'est pas installée", warning)
        self.assertIn("restent justes", warning)
        self.assertEqual(headline, self.headline)
        self.assertEqual(classes, self.classes)
        for hint in pivot_hints:
            self.assertIn("n'est pas installée", hint)
        self.assertIn("n'est pas installée", readme_text)
        self.assertEqual(len(addin_cells), 1, addin_cells)
        self.assertEqual(addin_cells[0][0], "Synthèse", addin_cells)

    def test_frozen_workbooks_give_the_live_figures_without_extension(self):
        for path in (self.frozen_ods, self.frozen_xlsx):
            with self.subTest(path=os.path.basename(path)):
                with Office() as office:
                    doc = office.load(path)
                    doc.calculateAll()
                    classes = block(doc, self.addresses["SYNTHESE_CLASSES"])
                    headline = block(doc, self.addresses["SYNTHESE_PART_POSTES"])[0][0]
                    warning = doc.Sheets.getByIndex(self.addresses["AVERTISSEMENT_EXTENSION"].Sheet).getCellByPosition(
                        self.addresses["AVERTISSEMENT_EXTENSION"].StartColumn,
                        self.addresses["AVERTISSEMENT_EXTENSION"].StartRow).getString()
                    state = doc.Sheets.getByIndex(self.addresses["ETAT_CLASSEUR"].Sheet).getCellByPosition(
                        self.addresses["ETAT_CLASSEUR"].StartColumn, self.addresses["ETAT_CLASSEUR"].StartRow).getString()
                    # The DataPilot tables still work on the frozen Postes sheet.
                    pivots = doc.Sheets.getByName("Par catégorie").getDataPilotTables()
                    self.assertGreater(pivots.getCount(), 0)
                    # (numbers only: a refresh writes the data field captions in the office's UI language)
                    def numbers():
                        return [[v for row in block(doc, pivots.getByIndex(i).getOutputRange()) for v in row
                                 if isinstance(v, float)] for i in range(pivots.getCount())]
                    before = numbers()
                    for i in range(pivots.getCount()):
                        pivots.getByIndex(i).refresh()
                    after = numbers()
                    doc.close(True)
                self.assertEqual(classes, self.classes)
                self.assertEqual(headline, self.headline)
                self.assertEqual(warning, "")
                self.assertIn("Classeur figé le", state)
                self.assertIn("édition OIT 2025", state)
                self.assertEqual(after, before)
                self.assertIn(1000.0, before[0])  # the grand total of posts


if __name__ == "__main__":
    unittest.main(verbosity=2)
