# SPDX-License-Identifier: MPL-2.0
"""What Calc really shows for AI_EXPOSURE, ISCO_LABEL and ISCO_MAP, compared with
registry/functions.json, under a French and an English UI; plus the formula names that
end up in saved files.

com.sun.star.sheet.FunctionDescriptions lists the names, descriptions and arguments the
Function Wizard and the tooltips use, in the UI language of the profile. The component
does not declare com.sun.star.sheet.AddIn, so Calc takes these texts from the extension's
CalcAddIns.xcu (generated from functions.json) rather than from XAddIn methods.

Run by ctest (env CARTOIA_OXT, CARTOIA_SOURCE_DIR) or by hand with /usr/bin/python3."""
import json
import os
import re
import shutil
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import uno  # noqa: E402
from lo_harness import Office, make_profile, prop, SOURCE_DIR, OXT  # noqa: E402

REGISTRY = os.path.join(SOURCE_DIR, "registry", "functions.json")

ADDIN_SERVICE = "com.sun.star.sheet.AddIn"
ODF_NAME = "FR.CARTOIA.METIERS.FUNCTIONS.AIEXPOSURE"

# UI locale of the profile -> language key in functions.json / xml:lang in CalcAddIns.xcu;
# SUM as Calc names it in that UI (proves the UI language was really applied).
LOCALES = {
    "fr-FR": {"lang": "fr", "sum": "SOMME"},
    "en-US": {"lang": "en-US", "sum": "SUM"},
}

OOR = "{http://openoffice.org/2001/registry}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# -- profile helpers (also used by gui_function_wizard.py) -------------------------------
def set_registry_items(profile, items):
    """Sets (path, name, type, value) items in user/registrymodifications.xcu, replacing
    any existing value of the same property. lo_harness.Office leaves an existing file
    alone, so a copied template keeps the UI locale it was made with unless patched."""
    path = os.path.join(profile, "user", "registrymodifications.xcu")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for node, name, _typ, _val in items:
        text = re.sub(r'<item oor:path="%s"><prop oor:name="%s" oor:op="fuse">.*?</item>\n?'
                      % (re.escape(node), re.escape(name)), "", text)
    new = "".join('<item oor:path="%s"><prop oor:name="%s" oor:op="fuse"><value>%s</value></prop></item>\n'
                  % (node, name, val) for node, name, _typ, val in items)
    text = text.replace("</oor:items>", new + "</oor:items>")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def locale_items(locale):
    """UI language and locale setting (number format, formula separators) of a user of that locale."""
    return [
        ("/org.openoffice.Office.Linguistic/General", "UILocale", "string", locale),
        ("/org.openoffice.Setup/L10N", "ooLocale", "string", locale),
        ("/org.openoffice.Setup/L10N", "ooSetupSystemLocale", "string", locale),
    ]


def localized_copy(template, dest, locale):
    shutil.copytree(template, dest, symlinks=True)
    set_registry_items(dest, locale_items(locale))
    return dest


# -- expectations -------------------------------------------------------------------------
def load_registry():
    with open(REGISTRY, encoding="utf-8") as f:
        return json.load(f)


def expected_for(reg, lang):
    """{NAME: {"description", "arguments": [(display, description, optional)]}} in one language."""
    out = {}
    for fn in reg["functions"]:
        out[fn["name"]] = {
            "description": fn["description"][lang],
            "arguments": [(a["display"][lang], a["description"][lang], i > 0)
                          for i, a in enumerate(fn["arguments"])],
        }
    return out


def packaged_xcu_texts(oxt, impl, lang):
    """Same shape as expected_for(), read from the CalcAddIns.xcu inside the .oxt."""
    with zipfile.ZipFile(oxt) as z:
        root = ET.fromstring(z.read("CalcAddIns.xcu"))

    def node(parent, name):
        for n in parent.findall("node"):
            if n.get(OOR + "name") == name:
                return n
        raise KeyError(name)

    def text(n, prop_name):
        for p in n.findall("prop"):
            if p.get(OOR + "name") == prop_name:
                for v in p.findall("value"):
                    if v.get(XML_LANG) == lang:
                        return v.text or ""
        raise KeyError((prop_name, lang))

    funcs = node(node(node(root, "AddInInfo"), impl), "AddInFunctions")
    out = {}
    for fn in funcs.findall("node"):
        params = node(fn, "Parameters").findall("node")
        out[text(fn, "DisplayName")] = {
            "description": text(fn, "Description"),
            "arguments": [(text(p, "DisplayName"), text(p, "Description"), i > 0) for i, p in enumerate(params)],
        }
    return out


def read_descriptions(office):
    """All functions as Calc lists them: {Name: {"category", "description", "arguments"}}."""
    fd = office.smgr.createInstanceWithContext("com.sun.star.sheet.FunctionDescriptions", office.ctx)
    out = {}
    for i in range(fd.getCount()):
        d = {p.Name: p.Value for p in fd.getByIndex(i)}
        out[d["Name"]] = {
            "category": d["Category"],
            "description": d["Description"],
            "arguments": [(a.Name, a.Description, bool(a.IsOptional)) for a in (d.get("Arguments") or ())],
        }
    return out


# -- module fixture: one template profile, one office per UI locale ------------------------
REG = None
OFFICES = {}
SEEN = {}
TMP = None
TIMES = {}


def setUpModule():
    global REG, TMP
    if not os.path.isfile(OXT):
        raise unittest.SkipTest("no .oxt at %s (build first)" % OXT)
    REG = load_registry()
    TMP = tempfile.mkdtemp(prefix="cartoia-fdesc-")
    unittest.addModuleCleanup(shutil.rmtree, TMP, ignore_errors=True)
    t = time.monotonic()
    template = make_profile(OXT, os.path.join(TMP, "template"))
    TIMES["install"] = time.monotonic() - t
    for locale in LOCALES:
        t = time.monotonic()
        profile = localized_copy(template, os.path.join(TMP, "profile-" + locale), locale)
        office = Office(profile=profile)
        office.__enter__()
        unittest.addModuleCleanup(office.__exit__, None, None, None)
        OFFICES[locale] = office
        SEEN[locale] = read_descriptions(office)
        TIMES["start+read " + locale] = time.monotonic() - t


class _LocaleCase:
    LOCALE = None

    @classmethod
    def setUpClass(cls):
        cls.lang = LOCALES[cls.LOCALE]["lang"]
        cls.office = OFFICES[cls.LOCALE]
        cls.seen = SEEN[cls.LOCALE]
        cls.expected = expected_for(REG, cls.lang)

    def test_ui_language_applied(self):
        """Built-in SUM carries its localized name: the profile's UI language is in effect."""
        self.assertIn(LOCALES[self.LOCALE]["sum"], self.seen)

    def test_functions_listed_under_their_names(self):
        for name in self.expected:
            self.assertIn(name, self.seen, "%s missing from FunctionDescriptions (%s UI)" % (name, self.LOCALE))

    def test_category_is_addin(self):
        addin = uno.getConstantByName("com.sun.star.sheet.FunctionCategory.ADDIN")
        for name in self.expected:
            with self.subTest(name):
                self.assertEqual(self.seen[name]["category"], addin)

    def test_function_descriptions(self):
        for name, exp in self.expected.items():
            with self.subTest(name):
                self.assertEqual(self.seen[name]["description"], exp["description"])

    def test_argument_names_and_descriptions(self):
        for name, exp in self.expected.items():
            got = self.seen[name]["arguments"]
            with self.subTest(name):
                self.assertEqual([a[0] for a in got], [a[0] for a in exp["arguments"]], "display names")
                for (gname, gdesc, _), (ename, edesc, _) in zip(got, exp["arguments"]):
                    self.assertEqual(gdesc, edesc, "description of %s" % ename)

    def test_optional_flags(self):
        """First argument mandatory, the others optional (`any` parameters)."""
        for name, exp in self.expected.items():
            with self.subTest(name):
                self.assertEqual([a[2] for a in self.seen[name]["arguments"]], [a[2] for a in exp["arguments"]])
                self.assertEqual([a[2] for a in exp["arguments"]][0], False)

    def test_texts_come_from_packaged_calcaddins_xcu(self):
        packaged = packaged_xcu_texts(OXT, REG["implementation"], self.lang)
        for name in self.expected:
            with self.subTest(name):
                self.assertEqual(self.seen[name]["description"], packaged[name]["description"])
                self.assertEqual(self.seen[name]["arguments"], packaged[name]["arguments"])

    # -- formula names in memory and in saved files ----------------------------------------
    def _doc_with_formulas(self):
        doc = self.office.new_calc()
        self.addCleanup(doc.close, True)
        sheet = doc.Sheets.getByIndex(0)
        sheet.getCellByPosition(1, 0).setString("4110")                       # B1
        sheet.getCellByPosition(0, 0).setFormula('=AI_EXPOSURE("4110")')      # A1
        sheet.getCellByPosition(0, 1).setFormula('=AI_EXPOSURE(B1)')          # A2
        doc.calculateAll()
        return doc, sheet

    def _reload_and_check_live(self, path):
        """Reloads `path`, checks A1 still is the add-in call giving 0.6 and that A2 is live:
        changing B1 to 2512 recomputes it to what a fresh AI_EXPOSURE("2512") gives."""
        doc = self.office.load(path)
        self.addCleanup(doc.close, True)
        sheet = doc.Sheets.getByIndex(0)
        doc.calculateAll()
        a1 = sheet.getCellByPosition(0, 0)
        self.assertEqual(a1.getFormula(), '=%s("4110")' % ODF_NAME, path)
        self.assertAlmostEqual(a1.getValue(), 0.6, places=9, msg=path)
        sheet.getCellByPosition(2, 0).setFormula('=AI_EXPOSURE("2512")')     # C1: reference value
        sheet.getCellByPosition(1, 0).setString("2512")
        doc.calculateAll()
        ref = sheet.getCellByPosition(2, 0).getValue()
        self.assertNotAlmostEqual(ref, 0.6, places=6)
        self.assertAlmostEqual(sheet.getCellByPosition(0, 1).getValue(), ref, places=9, msg=path)
        return doc

    def test_formula_names(self):
        """API formulas use the programmatic name; the UI shows the localized display name."""
        doc, sheet = self._doc_with_formulas()
        a1 = sheet.getCellByPosition(0, 0)
        self.assertEqual(a1.getFormula(), '=%s("4110")' % ODF_NAME)
        self.assertEqual(a1.FormulaLocal, '=AI_EXPOSURE("4110")')
        self.assertAlmostEqual(a1.getValue(), 0.6, places=9)
        # typing the display name in the cell (the user's way) gives the same call
        c3 = sheet.getCellByPosition(0, 2)
        c3.FormulaLocal = '=AI_EXPOSURE("4110")'
        doc.calculateAll()
        self.assertEqual(c3.getFormula(), '=%s("4110")' % ODF_NAME)
        self.assertAlmostEqual(c3.getValue(), 0.6, places=9)

    def test_fods_round_trip(self):
        doc, _ = self._doc_with_formulas()
        path = os.path.join(TMP, "roundtrip-%s.fods" % self.LOCALE)
        doc.storeToURL(uno.systemPathToFileUrl(path), (prop("FilterName", "OpenDocument Spreadsheet Flat XML"),))
        with open(path, encoding="utf-8") as f:
            content = f.read()
        self.assertIn('table:formula="of:=%s(&quot;4110&quot;)"' % ODF_NAME, content)
        self.assertNotIn("AI_EXPOSURE", content)
        self._reload_and_check_live(path)

    def test_xlsx_round_trip(self):
        """LibreOffice 7.4 writes the programmatic name into .xlsx (not the CompatibilityName
        AI_EXPOSURE) and reads it back; a later LibreOffice may write AI_EXPOSURE."""
        doc, _ = self._doc_with_formulas()
        path = os.path.join(TMP, "roundtrip-%s.xlsx" % self.LOCALE)
        doc.storeToURL(uno.systemPathToFileUrl(path), (prop("FilterName", "Calc Office Open XML"),))
        with zipfile.ZipFile(path) as z:
            sheet_xml = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        stored = re.findall(r"<f[^>]*>([^<(]*)\(", sheet_xml)
        self.assertEqual(len(stored), 2, sheet_xml[:500])
        self.assertIn(stored[0], (ODF_NAME, "AI_EXPOSURE"))
        print("\n  [%s] .xlsx stores %s(...)" % (self.LOCALE, stored[0]), file=sys.stderr, end=" ")
        self._reload_and_check_live(path)

    def test_xls_round_trip_uses_compatibility_name(self):
        """The Excel 97 export writes the en-US CompatibilityName AI_EXPOSURE and maps it back."""
        doc, _ = self._doc_with_formulas()
        path = os.path.join(TMP, "roundtrip-%s.xls" % self.LOCALE)
        doc.storeToURL(uno.systemPathToFileUrl(path), (prop("FilterName", "MS Excel 97"),))
        with open(path, "rb") as f:
            data = f.read()
        self.assertIn(b"AI_EXPOSURE", data)
        self.assertNotIn(ODF_NAME.encode(), data.upper())
        self._reload_and_check_live(path)


class FrenchUI(_LocaleCase, unittest.TestCase):
    LOCALE = "fr-FR"

    def test_french_separators_in_local_formula(self):
        """With the fr-FR locale setting, the user types ';' between arguments."""
        doc, sheet = self._doc_with_formulas()
        c = sheet.getCellByPosition(0, 3)
        c.FormulaLocal = '=AI_EXPOSURE("4110";"catégorie")'
        doc.calculateAll()
        self.assertEqual(c.getFormula(), '=%s("4110";"catégorie")' % ODF_NAME)
        self.assertEqual(c.FormulaLocal, '=AI_EXPOSURE("4110";"catégorie")')
        self.assertNotIn(c.getString(), ("", "#NOM ?", "Err:502", "#VALEUR !"))


class EnglishUI(_LocaleCase, unittest.TestCase):
    LOCALE = "en-US"


class AcrossLocales(unittest.TestCase):
    def test_french_and_english_texts_differ(self):
        """Negative check: each UI gets its own language, not one text for both."""
        fr, en = SEEN["fr-FR"], SEEN["en-US"]
        for fn in REG["functions"]:
            name = fn["name"]
            with self.subTest(name):
                self.assertNotEqual(fr[name]["description"], en[name]["description"])
                for (_, fdesc, _), (_, edesc, _) in zip(fr[name]["arguments"], en[name]["arguments"]):
                    self.assertNotEqual(fdesc, edesc)
                self.assertEqual(fr[name]["description"], fn["description"]["fr"])
                self.assertEqual(en[name]["description"], fn["description"]["en-US"])

    def test_texts_fit_the_wizard(self):
        """The Function Wizard shows about 3 lines of a function description and 2 of an
        argument description (measured on the French wizard, 1280×800): keep texts short
        enough not to be cut with "…"."""
        for fn in REG["functions"]:
            for lang, text in fn["description"].items():
                with self.subTest(fn["name"], lang=lang):
                    self.assertLessEqual(len(text), 200)
            for arg in fn["arguments"]:
                for lang, text in arg["description"].items():
                    with self.subTest(fn["name"], arg=arg["name"], lang=lang):
                        self.assertLessEqual(len(text), 140)

    def test_component_is_not_a_sheet_addin_service(self):
        """Why CalcAddIns.xcu is the source: Calc only asks XAddIn for texts when the
        implementation is registered for com.sun.star.sheet.AddIn. (Not instantiated here:
        the Python bridge does not know the extension's types and would be disposed.)"""
        office = OFFICES["fr-FR"]
        impl = REG["implementation"]
        self.assertIn(impl, office.smgr.getAvailableServiceNames())
        impls = []
        enum = office.smgr.createContentEnumeration(ADDIN_SERVICE)
        while enum.hasMoreElements():
            impls.append(enum.nextElement().getImplementationName())
        self.assertIn("com.sun.star.sheet.addin.AnalysisImpl", impls)   # the enumeration works
        self.assertNotIn(impl, impls)


def tearDownModule():
    if TIMES:
        print("\n  timings: " + ", ".join("%s %.1f s" % kv for kv in TIMES.items()), file=sys.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
