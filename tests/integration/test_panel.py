#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""The sidebar panel's C++ code, headless: created through the UI element factory on a staff table
document (as the sidebar does), its buttons pressed through their accessible action. Checks the
detected columns, the generated document, the untouched source, and « Figer les valeurs ».
(The real deck, clicked under Xvfb, is tests/integration/test_gui_panel.py.)"""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from lo_harness import Office, prop, OXT, SAMPLE  # noqa: E402

PANEL_URL = "private:resource/toolpanel/CartoIAPanelFactory/CartoIAPanel"
FORMULA = 16  # com.sun.star.sheet.CellFlags.FORMULA


class PanelTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="cartoia-panel-")
        # The staff table as a user has it: an .ods with a title row above the header.
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{cls.tmp}/conv",
                        "--convert-to", "ods", "--infilter=CSV:59,34,76,1", "--outdir", cls.tmp, SAMPLE],
                       check=True, capture_output=True, timeout=120)
        cls.staff = os.path.join(cls.tmp, "tableau-des-effectifs.ods")
        cls.office = Office(oxt=OXT)
        cls.office.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.office.__exit__(None, None, None)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def open_panel(self, doc, cell="C10"):
        ctrl = doc.getCurrentController()
        ctrl.select(doc.Sheets.getByIndex(0).getCellRangeByName(cell))
        frame = ctrl.getFrame()
        mgr = self.office.ctx.getValueByName("/singletons/com.sun.star.ui.theUIElementFactoryManager")
        element = mgr.getFactory(PANEL_URL, "").createUIElement(
            PANEL_URL, (prop("Frame", frame), prop("ParentWindow", frame.getContainerWindow())))
        return element.getRealInterface().Window

    def press(self, window, button, wait_for_change_of="lblResult", timeout=60):
        before = window.getControl(wait_for_change_of).getText()
        window.getControl(button).getPeer().getAccessibleContext().doAccessibleAction(0)
        deadline = time.time() + timeout
        while time.time() < deadline:
            text = window.getControl(wait_for_change_of).getText()
            if text != before and text != "Génération en cours…":
                return text
            time.sleep(0.2)
        self.fail(f"{button}: no answer within {timeout} s")

    def documents(self):
        docs, e = [], self.office.desktop.getComponents().createEnumeration()
        while e.hasMoreElements():
            docs.append(e.nextElement())
        return docs

    def test_detects_generates_and_freezes(self):
        doc = self.office.load(self.staff, hidden=False)
        source_before = doc.Sheets.getByIndex(0).getCellRangeByName("A1:I1001").getDataArray()
        win = self.open_panel(doc)
        self.assertIn("1000 postes", win.getControl("lblTable").getText())
        expected = {"lbIntitule": "Intitulé du poste", "lbMetier": "Métier", "lbCategorie": "Catégorie",
                    "lbFiliere": "Filière", "lbDirection": "Direction", "lbService": "Service", "lbEtp": "ETP",
                    "lbIdentifiant": "Matricule", "lbCout": "Coût annuel chargé"}
        for name, header in expected.items():
            self.assertEqual(win.getControl(name).getSelectedItem(), header, name)

        # The user changes the edition, then presses « Générer la cartographie ».
        win.getControl("lbEdition").selectItemPos(1, True)
        result = self.press(win, "btnGenerate")
        self.assertIn("Cartographie créée : 1000 postes (édition 2023)", result)
        generated = [d for d in self.documents() if d.getURL() == "" and d.Sheets.hasByName("Postes")]
        self.assertEqual(len(generated), 1)
        gen = generated[0]
        self.assertEqual(gen.NamedRanges.getByName("EDITION").getReferredCells().getCellByPosition(0, 0).getValue(), 2023)
        postes = gen.Sheets.getByName("Postes")
        self.assertEqual(postes.getCellRangeByName("B1001").getString() != "", True)
        self.assertEqual(postes.getCellRangeByName("B1002").getString(), "")
        # The source document is untouched.
        self.assertFalse(doc.isModified())
        self.assertEqual(doc.Sheets.getByIndex(0).getCellRangeByName("A1:I1001").getDataArray(), source_before)

        # « Figer les valeurs » on the generated workbook: no formula left but =NA() for unmapped codes.
        gen_win = self.open_panel(gen, "B2")
        text = self.press(gen_win, "btnFreeze")
        self.assertIn("Valeurs figées", text)
        for sheet in gen.Sheets:
            formulas = sheet.queryContentCells(FORMULA)
            for r in formulas.getRangeAddresses():
                cells = sheet.getCellRangeByPosition(r.StartColumn, r.StartRow, r.EndColumn, r.EndRow).getFormulaArray()
                for row in cells:
                    for f in row:
                        self.assertEqual(f, "=NA()", f"{sheet.Name}: a formula remains: {f}")
        self.assertEqual(postes.getCellRangeByName("L2").getFormula() != "", True)
        gen.setModified(False)
        gen.close(True)
        doc.close(True)

    def test_freeze_refuses_a_user_document(self):
        doc = self.office.load(self.staff, hidden=False)
        win = self.open_panel(doc)
        text = self.press(win, "btnFreeze")
        self.assertIn("s'applique à un classeur de cartographie généré", text)
        self.assertFalse(doc.isModified())
        doc.close(True)

    def test_no_table_around_the_cursor(self):
        doc = self.office.new_calc(hidden=False)
        win = self.open_panel(doc, "E5")
        self.assertIn("Aucun tableau", win.getControl("lblTable").getText())
        text = self.press(win, "btnGenerate")
        self.assertIn("Cliquez d'abord dans le tableau", text)
        doc.setModified(False)
        doc.close(True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
