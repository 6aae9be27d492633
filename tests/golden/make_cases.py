#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
"""Writes the hand-written golden workbooks from the case tables below:

  ai_exposure.fods  AI_EXPOSURE: every measure (English and French names), categories of both
                    editions, number/text codes, roll-ups, unscored/unknown codes, bad arguments
  isco_label.fods   ISCO_LABEL
  isco_map.fods     ISCO_MAP (study anchors, fields, alternatives, messy titles, overrides range)

The cases are chosen by hand; expected numbers, ISCO titles and ILO labels are looked up in the
data files (data/ilo, data/isco) when the script runs, so a roll-up such as AI_EXPOSURE("41") is
the unweighted mean of the published 2-decimal means of the scored unit groups 41xx.
The French category labels and ISCO_MAP's study anchors are written here literally: they are
product decisions, not data.

To add a case, add a row to a table here and re-run:
    python3 tests/golden/make_cases.py          # rewrite the three .fods
    python3 tests/golden/make_cases.py --check  # exit 1 if a .fods is out of date
tests/integration/test_golden.py runs the same comparison, then each workbook in Calc.
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fods_writer import AIEXPOSURE, AITASK, ISCOLABEL, ISCOMAP, METIERMAP, Case, Ref, Sheet, call, render, write  # noqa: E402
from make_all_codes import LEVELS, SOURCE_DIR, load_occupations, load_tasks  # noqa: E402

ISCO_CSV = os.path.join(SOURCE_DIR, "data", "isco", "isco08_structure_en_fr.csv")
REFERENTIEL_CSV = os.path.join(SOURCE_DIR, "data", "referentiel", "metiers_territoriaux.csv")
SYNONYMS_CSV = os.path.join(SOURCE_DIR, "data", "referentiel", "synonymes.csv")
TASKS_FR_CSV = os.path.join(SOURCE_DIR, "data", "ilo", "ilo_tasks_fr.csv")
THEMES_CSV = os.path.join(SOURCE_DIR, "data", "ilo", "themes.csv")
BANDS = ["très faible", "faible", "moyenne", "haute"]  # ILO task bands: < 0.25, 0.5, 0.75, above

# French labels of the ILO categories (AI_EXPOSURE(…;"category";…)), by level.
CATEGORY_FR = {
    2025: ["Non exposé", "Exposition minimale", "Exposé – gradient 1", "Exposé – gradient 2",
           "Exposé – gradient 3", "Exposé – gradient 4"],
    2023: ["Non affecté", "Potentiel d'augmentation", "Grande inconnue", "Potentiel d'automatisation"],
}
UNSCORED = ["0110", "0210", "0310", "1439", "3139", "3435", "5249", "7319", "8189"]
NA, E502 = "#N/A", "Err:502"


class Data:
    def __init__(self):
        self.occ = load_occupations()
        self.by_code = {r["isco08"]: r for r in self.occ}
        self.tasks = {}
        for t in load_tasks():
            self.tasks.setdefault(t["isco08"], []).append(t)
        with open(ISCO_CSV, encoding="utf-8", newline="") as f:
            self.isco = {r["isco08_code"]: r for r in csv.DictReader(f)}

    def number(self, code, column):
        return float(self.by_code[code][column])

    def level(self, code, year):
        return LEVELS[year][self.by_code[code][f"category_{year}"]]

    def max_task(self, code, year):
        scores = [float(t[f"score_{year}"]) for t in self.tasks[code] if t[f"score_{year}"] != ""]
        return max(scores)

    def rollup(self, prefix, measure, year):
        """Unweighted mean (in file order, as the add-in sums) or max over scored unit groups."""
        codes = [r["isco08"] for r in self.occ if r["isco08"].startswith(prefix)]
        if measure == "mean":
            total = 0.0
            for c in codes:
                total += self.number(c, f"mean_{year}")
            return total / len(codes)
        return max(self.max_task(c, year) for c in codes)

    def title(self, code, french=True):
        r = self.isco[code]
        return r["title_fr"] if french and r["title_fr"] else r["title_en"]

    def first_code_with_level(self, year, level):
        return next(r["isco08"] for r in self.occ if self.level(r["isco08"], year) == level)


def ai(*args):
    return call(AIEXPOSURE, *args)


def label(*args):
    return call(ISCOLABEL, *args)


def imap(*args):
    return call(ISCOMAP, *args)


def mmap(*args):
    return call(METIERMAP, *args)


def task(*args):
    return call(AITASK, *args)


# -- AI_EXPOSURE ------------------------------------------------------------

def exposure_sheets(d):
    c = "4110"
    measures = []
    for year in (2025, 2023):
        y = str(year)
        measures += [
            Case(f"{c} mean {y}", ai(c, "mean", year), d.number(c, f"mean_{y}")),
            Case(f"{c} sd {y}", ai(c, "sd", year), d.number(c, f"sd_{y}")),
            Case(f"{c} category {y} (French label)", ai(c, "category", year), CATEGORY_FR[year][d.level(c, year)]),
            Case(f"{c} category_en {y} (ILO label)", ai(c, "category_en", year), d.by_code[c][f"category_{y}"]),
            Case(f"{c} level {y}", ai(c, "level", year), d.level(c, year)),
            Case(f"{c} tasks {y} (n_tasks)", ai(c, "tasks", year), int(d.by_code[c]["n_tasks"])),
            Case(f"{c} max {y} (highest task score)", ai(c, "max", year), d.max_task(c, year)),
        ]
    measures += [
        Case("default measure is mean, default edition 2025", ai(c), d.number(c, "mean_2025")),
        Case("max 2025 equals the max_task_2025 column (4225)", ai("4225", "max", 2025),
             d.number("4225", "max_task_2025")),
        Case("max 2025 equals the max_task_2025 column (1120)", ai("1120", "max", 2025),
             d.number("1120", "max_task_2025")),
        Case("max 2023 ignores a task without 2023 score (5246)", ai("5246", "max", 2023), d.max_task("5246", 2023)),
        Case("tasks counts a task without 2023 score (5246)", ai("5246", "tasks", 2023),
             int(d.by_code["5246"]["n_tasks"])),
        Case("French: moyenne", ai(c, "moyenne"), d.number(c, "mean_2025")),
        Case("French: écart-type", ai(c, "écart-type"), d.number(c, "sd_2025")),
        Case("French: Écart type (capital, space)", ai(c, "Écart type", 2023), d.number(c, "sd_2023")),
        Case("French: catégorie", ai(c, "catégorie"), CATEGORY_FR[2025][d.level(c, 2025)]),
        Case("French: catégorie 2023", ai(c, "catégorie", 2023), CATEGORY_FR[2023][d.level(c, 2023)]),
        Case("French: niveau", ai(c, "niveau"), d.level(c, 2025)),
        Case("French: tâches", ai(c, "tâches"), int(d.by_code[c]["n_tasks"])),
        Case("French: maximum", ai(c, "maximum"), d.max_task(c, 2025)),
        Case("alias: category-en", ai(c, "category-en", 2023), d.by_code[c]["category_2023"]),
        Case("alias: catégorie_en", ai(c, "catégorie_en"), d.by_code[c]["category_2025"]),
        Case("case-insensitive: MEAN", ai(c, "MEAN"), d.number(c, "mean_2025")),
        Case("measure with spaces: \" sd \"", ai(c, " sd "), d.number(c, "sd_2025")),
        Case("capitals and hyphen: ÉCART-TYPE", ai(c, "ÉCART-TYPE"), d.number(c, "sd_2025")),
        Case("underscore: nb_tâches", ai(c, "nb_tâches"), int(d.by_code[c]["n_tasks"])),
        Case("capitals: NIVEAU", ai(c, "NIVEAU", 2023), d.level(c, 2023)),
        Case("plural is not a measure: moyennes", ai(c, "moyennes"), E502),
        Case("digits glued: mean2", ai(c, "mean2"), E502),
    ]

    categories = []
    for year in (2025, 2023):
        for level in range(len(CATEGORY_FR[year])):
            code = d.first_code_with_level(year, level)
            categories += [
                Case(f"{year} level {level}: {code} category", ai(code, "category", year), CATEGORY_FR[year][level]),
                Case(f"{year} level {level}: {code} category_en", ai(code, "category_en", year),
                     d.by_code[code][f"category_{year}"]),
                Case(f"{year} level {level}: {code} level", ai(code, "level", year), level),
            ]

    codes = [
        Case("code as number 4110", ai(4110), d.number("4110", "mean_2025")),
        Case("code as text \"4110\"", ai("4110"), d.number("4110", "mean_2025")),
        Case("code with surrounding spaces", ai(" 4110 "), d.number("4110", "mean_2025")),
        Case("code as number, 2023", ai(2511, "mean", 2023), d.number("2511", "mean_2023")),
    ]
    for prefix in ("411", "41", "4"):
        for year in (2025, 2023):
            for m in ("mean", "max"):
                codes.append(Case(f"roll-up \"{prefix}\" {m} {year}", ai(prefix, m, year), d.rollup(prefix, m, year)))
    codes += [
        Case("roll-up as number 41", ai(41), d.rollup("41", "mean", 2025)),
        Case("roll-up as number 4", ai(4, "max"), d.rollup("4", "max", 2025)),
        Case("roll-up \"1\" mean 2023 (1 digit)", ai("1", "mean", 2023), d.rollup("1", "mean", 2023)),
        Case("roll-up has no sd", ai("41", "sd"), NA),
        Case("roll-up has no level", ai("41", "level"), NA),
        Case("roll-up has no category", ai("41", "category"), NA),
        Case("roll-up has no tasks", ai("41", "tasks"), NA),
        Case("roll-up of the armed forces \"0\" (nothing scored)", ai("0"), NA),
        Case("roll-up \"01\" (nothing scored)", ai("01"), NA),
    ]
    for u in UNSCORED:
        codes.append(Case(f"unscored {u}", ai(u), NA))
    codes += [
        Case("unscored 0110 written as number 110", ai(110), NA),
        Case("unscored 1439, max", ai("1439", "max"), NA),
        Case("unscored 3435, category 2023", ai("3435", "category", 2023), NA),
        Case("unknown 4-digit code 9999", ai("9999"), NA),
        Case("unknown 2-digit code 99", ai("99"), NA),
        Case("unknown as number 1000", ai(1000), NA),
        Case("empty code", ai(""), NA),
        Case("5 digits is not an ISCO code", ai("12345"), E502),
        Case("letters in the code", ai("41a"), E502),
    ]

    arguments = [
        Case("unknown measure", ai("4110", "foo"), E502),
        Case("empty measure text means the default", ai("4110", ""), d.number("4110", "mean_2025")),
        Case("number as measure", ai("4110", 1), E502),
        Case("edition 2024", ai("4110", "mean", 2024), E502),
        Case("edition \"abc\"", ai("4110", "mean", "abc"), E502),
        Case("edition \"2024\"", ai("4110", "mean", "2024"), E502),
        Case("edition 2023.5", ai("4110", "mean", 2023.5), E502),
        Case("edition empty text means the default", ai("4110", "mean", ""), d.number("4110", "mean_2025")),
        Case("bad measure wins over unknown code", ai("9999", "foo"), E502),
        Case("bad edition wins over unknown code", ai("9999", "mean", 2024), E502),
        Case("edition as text \"2023\"", ai("4110", "mean", "2023"), d.number("4110", "mean_2023")),
        Case("edition as text \" 2023 \"", ai("4110", "sd", " 2023 "), d.number("4110", "sd_2023")),
        Case("edition as text \"2025\"", ai("4110", "sd", "2025"), d.number("4110", "sd_2025")),
        Case("edition 2025", ai("4110", "mean", 2025), d.number("4110", "mean_2025")),
        Case("measure omitted, edition 2023", ai("4110", None, 2023), d.number("4110", "mean_2023")),
    ]
    return [Sheet("Measures", measures), Sheet("Categories", categories), Sheet("Codes", codes),
            Sheet("Arguments", arguments)]


# -- ISCO_LABEL ---------------------------------------------------------------

def label_sheets(d):
    cases = []
    for code in ("4", "41", "411", "4110", "0", "01", "011", "0110", "2511", "1439"):
        cases.append(Case(f"{len(code)}-digit {code}, French by default", label(code), d.title(code)))
        cases.append(Case(f"{len(code)}-digit {code}, \"en\"", label(code, "en"), d.title(code, False)))
    cases += [
        Case("\"fr\"", label("5412", "fr"), d.title("5412")),
        Case("\"FR\"", label("5412", "FR"), d.title("5412")),
        Case("\"EN\"", label("5412", "EN"), d.title("5412", False)),
        Case("\"français\"", label("5412", "français"), d.title("5412")),
        Case("\"anglais\"", label("5412", "anglais"), d.title("5412", False)),
        Case("\"en-GB\"", label("5412", "en-GB"), d.title("5412", False)),
        Case("code as number 4110", label(4110), d.title("4110")),
        Case("code as number 110 gets its leading zero back (0110)", label(110, "en"), d.title("0110", False)),
        Case("code as number 41", label(41), d.title("41")),
        Case("code with spaces", label(" 4225 "), d.title("4225")),
        Case("unknown 9999", label("9999"), NA),
        Case("unknown 99", label("99", "en"), NA),
        Case("empty code", label(""), NA),
        Case("5 digits", label("12345"), E502),
        Case("letters", label("4x10"), E502),
        Case("bad lang \"de\"", label("4110", "de"), E502),
        Case("empty lang means the default", label("4110", ""), d.title("4110")),
        Case("number as lang", label("4110", 1), E502),
        Case("bad lang wins over unknown code", label("9999", "de"), E502),
    ]
    return [Sheet("ISCO_LABEL", cases)]


# -- ISCO_MAP -----------------------------------------------------------------

# The four codes fixed by the INET study (data/referentiel/README.md) and the referentiel label
# each title matches.
ANCHORS = [
    ("Policier municipal", "5412", "Policier ou policière municipal(e)"),
    ("Assistant de gestion RH", "4110", "Assistant ou assistante de gestion ressources humaines"),
    ("Chargé d'accueil", "4225", "Chargé ou chargée d'accueil"),
    ("Directeur général des services", "1120", "Directeur ou directrice général(e) des services"),
]
OVERRIDES = Ref("[.H2:.I4]")
OVERRIDES_WITH_BAD_ROWS = Ref("[.H2:.I8]")


def map_sheets(d):
    cases = []
    for title, code, ref_label in ANCHORS:
        cases += [
            Case(f"anchor {title}: code", imap(title), code),
            Case(f"anchor {title}: label", imap(title, "label"), ref_label),
            Case(f"anchor {title}: source", imap(title, "source"), "référentiel"),
            Case(f"anchor {title}: confidence in [0, 1]", imap(title, "confidence"), (0.0, 1.0)),
            Case(f"anchor {title}: precision (reliable digits)", imap(title, "precision"), 4),
            Case(f"anchor {title}: title", imap(title, "title"), d.title(code)),
        ]
    t = ANCHORS[0][0]
    cases += [
        Case("field \"code\" explicit", imap(t, "code"), "5412"),
        Case("French field: libellé", imap(t, "libellé"), ANCHORS[0][2]),
        Case("French field: confiance", imap(t, "confiance"), (0.0, 1.0)),
        Case("French field: précision", imap(t, "précision"), 4),
        Case("French field: titre", imap(t, "titre"), d.title("5412")),
        Case("field in capitals: CODE", imap(t, "CODE"), "5412"),
        Case("feminine, capitals, accents: POLICIÈRE MUNICIPALE", imap("POLICIÈRE MUNICIPALE"), "5412"),
        Case("H/F suffix and feminine: Assistante de gestion RH H/F", imap("Assistante de gestion RH H/F"), "4110"),
        Case("Chargée d'accueil F/H", imap("Chargée d'accueil F/H"), "4225"),
        Case("sigle DGS", imap("DGS"), "1120"),
        Case("sigle with two letters swapped: ATSME", imap("ATSME"), "5312"),
        Case("a grade alone says the status, not the job: Adjoint technique", imap("Adjoint technique"), NA),
        Case("grade alone with noise: ADJOINT ADMINISTRATIF PRINCIPAL DE 2E CLASSE",
             imap("ADJOINT ADMINISTRATIF PRINCIPAL DE 2E CLASSE"), NA),
        Case("Directrice générale des services", imap("Directrice générale des services"), "1120"),
        Case("nonsense title", imap("zzqxj wklm"), NA),
        Case("nonsense title, field confidence", imap("zzqxj wklm", "confidence"), NA),
        Case("empty title", imap(""), NA),
        Case("override wins over the study anchor: code", imap(t, "code", OVERRIDES), "3355"),
        Case("override: source", imap(t, "source", OVERRIDES), "utilisateur"),
        Case("override: confidence is 1", imap(t, "confidence", OVERRIDES), 1),
        Case("override: label is the override title", imap(t, "label", OVERRIDES), "Policier municipal"),
        Case("override: precision = digits of the override code", imap(t, "precision", OVERRIDES), 4),
        Case("override: title of the override code", imap(t, "title", OVERRIDES), d.title("3355")),
        Case("override matched case/accent/gender-insensitively", imap("POLICIÈRE  municipale", "code", OVERRIDES),
             "3355"),
        Case("override for a nonsense title (code typed as a number)", imap("zzqxj wklm", "code", OVERRIDES), "2511"),
        Case("override with a 3-digit code: precision 3", imap("Agent polyvalent des services", "precision", OVERRIDES),
             3),
        Case("title not in the overrides: usual match", imap("Chargé d'accueil", "code", OVERRIDES), "4225"),
        Case("without the overrides argument the anchor is back", imap(t), "5412"),
        Case("unknown field", imap(t, "foo"), E502),
        Case("empty field text means the default", imap(t, ""), "5412"),
        Case("unknown field wins over no match", imap("zzqxj wklm", "foo"), E502),
        Case("overrides range of 3 columns", imap(t, "code", Ref("[.H2:.J4]")), E502),
        Case("overrides as a text", imap(t, "code", "abc"), E502),
        Case("no malformed override row", imap("", "corrections_invalides", OVERRIDES), 0),
        Case("malformed rows counted: code 99999, code abc, code without title",
             imap("", "overrides_errors", OVERRIDES_WITH_BAD_ROWS), 3),
        Case("malformed rows skipped, the good ones still win", imap(t, "code", OVERRIDES_WITH_BAD_ROWS), "3355"),
        Case("a title without code yet is not an error", imap("Jardinier", "code", OVERRIDES_WITH_BAD_ROWS), "6113"),
    ]
    cases += alternative_cases(d, t) + messy_title_cases()
    side = [("Policier municipal", "3355"), ("Zzqxj wklm", 2511), ("Agent polyvalent des services", "411"),
            ("Agent mal codé", "99999"), ("Agent au code en lettres", "abc"), ("", "4110"), ("Jardinier", "")]
    return [Sheet("ISCO_MAP", cases, side_header=("Overrides: title", "ISCO code"), side_rows=side)]


def referentiel_rows():
    with open(REFERENTIEL_CSV, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def referentiel_row(text):
    """The référentiel row whose name or one of whose appellations is `text`."""
    for r in referentiel_rows():
        if text in [r["metier"]] + [a.strip() for a in r["appellations"].split("|")]:
            return r
    raise KeyError(text)


def weighted_codes(isco_field):
    """"2422:0.6 | 3343:0.4" → [("2422", 0.6), ("3343", 0.4)], heaviest first."""
    parts = [p.strip() for p in isco_field.split("|") if p.strip()]
    out = []
    for p in parts:
        code, _, w = p.partition(":")
        out.append((code.strip(), float(w) if w else 1.0 / len(parts)))
    return sorted(out, key=lambda cw: -cw[1])


def alternative_cases(d, t):
    """ISCO_MAP fields "alternatives" / "alternative": a métier of the référentiel with several codes
    gives its other codes first, each with its French ISCO title, separated by " · "."""
    cases = []
    for title in ("Secrétaire de mairie", "ATSEM"):
        row = referentiel_row(title) if title != "ATSEM" else next(
            r for r in referentiel_rows() if "(ATSEM)" in r["metier"])
        second = weighted_codes(row["isco"])[1][0]
        first_text = f"{second} {d.title(second)}"
        cases += [
            Case(f"{title}: alternative = the métier's second code", imap(title, "alternative"), second),
            Case(f"{title}: French field autre_code", imap(title, "autre_code"), second),
            Case(f"{title}: alternatives begin with that code and its French title",
                 f"LEFT({imap(title, 'alternatives')};{len(first_text)})", first_text),
        ]
    cases += [
        Case("alternatives are separated by \" · \" (Secrétaire de mairie has several): position of the first",
             f"FIND(\" · \";{imap('Secrétaire de mairie', 'alternatives')})", (5.0, 200.0)),
        Case("French field autres_codes", f"LEFT({imap('ATSEM', 'autres_codes')};4)",
             weighted_codes(next(r for r in referentiel_rows() if "(ATSEM)" in r["metier"])["isco"])[1][0]),
        Case("no likely other code: alternatives #N/A (Appariteur)", imap("Appariteur", "alternatives"), NA),
        Case("no likely other code: alternative #N/A (Appariteur)", imap("Appariteur", "alternative"), NA),
        Case("override: no alternatives", imap(t, "alternatives", OVERRIDES), NA),
        Case("nonsense title: no alternative", imap("zzqxj wklm", "alternative"), NA),
    ]
    return cases


def messy_title_cases():
    """Messy staff-table titles (our own examples of each family): expected codes are the
    référentiel's main code of the row the job names."""
    def code(text):
        return weighted_codes(referentiel_row(text)["isco"])[0][0]

    atsem = next(r for r in referentiel_rows() if "(ATSEM)" in r["metier"])["metier"]
    cases = [
        # a grade around the job weighs little; a grade alone stays #N/A
        Case("grade beside the job: Adjoint technique principal de 2e classe jardinier",
             imap("Adjoint technique principal de 2e classe jardinier"), code("Jardinier ou jardinière")),
        Case("grade beside the job: Rédacteur principal de 1re classe gestionnaire paie",
             imap("Rédacteur principal de 1re classe gestionnaire paie"), code("Gestionnaire paie")),
        Case("the grade word is not the job: Adjoint d'animation périscolaire",
             imap("Adjoint d'animation périscolaire"), code("Agent périscolaire")),
        Case("a grade alone: Adjoint d'animation principal de 2e classe",
             imap("Adjoint d'animation principal de 2e classe"), NA),
        Case("a grade alone: Agent de maîtrise principal", imap("Agent de maîtrise principal"), NA),
        # two jobs: the known one, the first when both are known
        Case("two jobs, the second unknown: Jardinier / zorglubeur", imap("Jardinier / zorglubeur"),
             code("Jardinier ou jardinière")),
        Case("two jobs, the first unknown: Zorglubeur / jardinier", imap("Zorglubeur / jardinier"),
             code("Jardinier ou jardinière")),
        Case("two known jobs: the first (Plombier / électricien)", imap("Plombier / électricien"), code("Plombier")),
        Case("two known jobs: the first (Électricien / plombier)", imap("Électricien / plombier"),
             code("Électricien ou électricienne")),
        # heads of service
        Case("head of service: Responsable du service espaces verts", imap("Responsable du service espaces verts"),
             code("Responsable du service espaces verts")),
        Case("head of service: Chef du service voirie", imap("Chef du service voirie"), code("Chef du service voirie")),
        Case("head of service gets a manager code: Directrice de la restauration scolaire",
             f"LEFT({imap('Directrice de la restauration scolaire')};1)", "1"),
        # places and names after the job
        Case("a place after the job: ATSEM groupe scolaire Victor Hugo", imap("ATSEM groupe scolaire Victor Hugo"),
             code(atsem)),
        Case("a place in the context: Agent d'accueil - mairie annexe du Bourg",
             imap("Agent d'accueil - mairie annexe du Bourg"), code("Agent d'accueil")),
        # a typo two edits away from another job is not that job
        Case("typo: Plomier is Plombier, not Pompier", imap("Plomier"), code("Plombier")),
    ]
    # Old, familiar or regional wordings (data/referentiel/synonymes.csv) map like the current one.
    with open(SYNONYMS_CSV, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            form, equivalent = r["forme"], r["equivalent"]
            cases.append(Case(f"old wording: {form} maps like {equivalent}",
                              f"IF({imap(form)}={imap(equivalent)};1;0)", 1))
    return cases


# -- METIER_MAP ---------------------------------------------------------------

def main_isco(isco_field):
    """Main code of a référentiel row: "4110:0.6 | 4120:0.4" → 4110."""
    best, best_w = None, -1.0
    parts = [p.strip() for p in isco_field.split("|") if p.strip()]
    for p in parts:
        code, _, w = p.partition(":")
        w = float(w) if w else 1.0 / len(parts)
        if w > best_w:
            best, best_w = code.strip(), w
    return best


def metier_sheets(d):
    with open(REFERENTIEL_CSV, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    by_id = {r["id"]: r for r in rows}
    police = next(r for r in rows if main_isco(r["isco"]) == "5412")
    aux_puer = next(r for r in rows if r["metier"] == "Auxiliaire de puériculture")
    atsem = next(r for r in rows if "(ATSEM)" in r["metier"])
    t = "Policière municipale"
    cases = [
        Case("default field is the métier name", mmap(t), police["metier"]),
        Case("field name", mmap(t, "name"), police["metier"]),
        Case("field nom", mmap(t, "nom"), police["metier"]),
        Case("field id", mmap(t, "id"), police["id"]),
        Case("field famille", mmap(t, "famille"), police["famille"]),
        Case("field filière", mmap(t, "filière"), police["filieres"]),
        Case("field catégorie", mmap(t, "catégorie"), police["categories"]),
        Case("field isco (main code)", mmap(t, "isco"), "5412"),
        Case("field rome", mmap(t, "rome"), police["rome"]),
        Case("field confiance", mmap(t, "confiance"), (0.0, 1.0)),
        Case("nonsense title", mmap("zzqxj wklm"), NA),
        Case("empty title", mmap(""), NA),
        Case("abbreviation of two words: Aux. puér.", mmap("Aux. puér.", "id"), aux_puer["id"]),
        Case("sigle with a letter doubled: ATSEEM", mmap("ATSEEM", "id"), atsem["id"]),
        Case("a grade alone is not a métier: Adjoint technique", mmap("Adjoint technique"), NA),
        Case("unknown field", mmap(t, "foo"), E502),
        Case("number as field", mmap(t, 3), E502),
    ]
    # Every métier name of the référentiel maps back to its own row.
    round_trip = [Case(f"{r['id']} {r['metier']}", mmap(r["metier"], "id"), r["id"]) for r in rows]
    assert len(by_id) == len(rows)
    return [Sheet("METIER_MAP", cases), Sheet("Référentiel", round_trip)]


# -- AI_TASK ----------------------------------------------------------------

def band(score):
    return BANDS[min(3, int(score // 0.25))]


def task_sheets(d):
    with open(TASKS_FR_CSV, encoding="utf-8", newline="") as f:
        fr = {(r["isco08"], r["task_id"]): r for r in csv.DictReader(f)}
    with open(THEMES_CSV, encoding="utf-8", newline="") as f:
        themes = {r["id"]: r["theme"] for r in csv.DictReader(f)}
    c = "4110"
    tasks = d.tasks[c]
    last = len(tasks)
    t1, tl = tasks[0], tasks[-1]
    f1 = fr[(c, t1["task_id"])]
    no2023 = next((code, t) for code, ts in d.tasks.items() for t in ts if t["score_2023"] == "")
    cases = [
        Case("default field: the French text", task(c, 1), f1["task_fr"]),
        Case("field texte", task(c, 1, "texte"), f1["task_fr"]),
        Case("field text_en: the ILO's English", task(c, 1, "text_en"), t1["task_text"]),
        Case("field score (2025)", task(c, 1, "score"), float(t1["score_2025"])),
        Case("field score, edition 2023", task(c, 1, "score", 2023), float(t1["score_2023"])),
        Case("field thème", task(c, 1, "thème"), themes[f1["theme"]]),
        Case("field theme (English name)", task(c, 1, "theme"), themes[f1["theme"]]),
        Case("field bande", task(c, 1, "bande"), band(float(t1["score_2025"]))),
        Case("field band, edition 2023", task(c, 1, "band", 2023), band(float(t1["score_2023"]))),
        Case("last task", task(c, last, "text_en"), tl["task_text"]),
        Case("code as a number", task(4110, last, "score"), float(tl["score_2025"])),
        Case("rank as text", task(c, str(last), "score"), float(tl["score_2025"])),
        Case("code with a lost leading zero: 110 is 0110 (not scored)", task(110, 1), NA),
        Case("beyond the last task", task(c, last + 1), NA),
        Case("rank 0 (an empty cell)", task(c, 0), NA),
        Case("unknown code", task("9999", 1), NA),
        Case("3-digit code: no task list", task("411", 1), NA),
        Case("unscored code", task(UNSCORED[0], 1), NA),
        Case("task without a 2023 score: score 2023", task(no2023[0], int(no2023[1]["task_id"]), "score", 2023), NA),
        Case("negative rank", task(c, -1), E502),
        Case("fractional rank", task(c, 1.5), E502),
        Case("rank as words", task(c, "un"), E502),
        Case("unknown field", task(c, 1, "foo"), E502),
        Case("malformed code", task("41a0", 1), E502),
        Case("edition 2024", task(c, 1, "score", 2024), E502),
    ]
    return [Sheet("AI_TASK", cases)]


FILES = {
    "ai_exposure.fods": exposure_sheets,
    "isco_label.fods": label_sheets,
    "isco_map.fods": map_sheets,
    "metier_map.fods": metier_sheets,
    "ai_task.fods": task_sheets,
}


def build():
    d = Data()
    comment = "Generated by tests/golden/make_cases.py: edit the case tables there and re-run it."
    return {name: render(make(d), comment) for name, make in FILES.items()}


def main(argv):
    stale = []
    for name, text in build().items():
        path = os.path.join(HERE, name)
        if "--check" in argv:
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    stale.append(name)
        else:
            write(path, text)
            print(f"wrote {path}")
    if stale:
        print("out of date (run tests/golden/make_cases.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
