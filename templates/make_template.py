#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
"""Writes templates/cartographie-ia.fods, the source of the workbook template
"Cartographie IA des métiers" (flat ODF spreadsheet: reviewable XML, no macros).

    python3 templates/make_template.py            # writes templates/cartographie-ia.fods
    python3 templates/make_template.py -o out.fods

Python 3 standard library only; the output is deterministic (no dates, fixed order), so the .fods
in git changes only when this script does. Edit this script, not the .fods.

The generation service opens the template, writes the staff table into sheet "Postes" from row 2
(row 2 holds the model formulas, POSTES_MODELE, to be filled down), then inserts DataPilot tables and
charts at the PIVOT_* / CHART_* anchors and the profession list at METIERS_DONNEES. The named ranges
are listed in NAMES below and documented in templates/README.md.
"""
import argparse
import json
import math
import os
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))

# -- Add-in functions, as stored in ODF files (see registry/functions.json) ------------------------
AIEXPOSURE = "FR.CARTOIA.METIERS.FUNCTIONS.AIEXPOSURE"
ISCOLABEL = "FR.CARTOIA.METIERS.FUNCTIONS.ISCOLABEL"

MAX_ROW = 1048576  # last row of a Calc sheet (LibreOffice 7.4+, without "jumbo sheets")

TITLE = "Cartographie IA des métiers"
CAVEAT_SHORT = "Majorant (méthode OIT) : des tâches à accompagner, pas des emplois supprimés"
CAVEAT = ("Les chiffres de ce classeur sont un MAJORANT. La méthode de l'OIT est techno-optimiste : elle estime "
          "ce que l'IA générative pourrait faire de chaque tâche, sans tenir compte des freins matériels "
          "(équipements, données, coûts), organisationnels et culturels. Elle signale des tâches à accompagner, "
          "pas des emplois supprimés. Les résultats varient d'une collectivité à l'autre.")

# Shown where figures are read when the add-in does not answer (extension not installed, or its data
# damaged). No figure of the workbook calls the add-in (they are formulas over the sheets, written at
# generation), so they stay right; what is missing is the mapping of new titles and the sidebar.
EXTENSION_MISSING = ("INFORMATION : l'extension Carto IA Métiers n'est pas installée sur cet ordinateur. Les "
                     "chiffres restent justes et suivent les corrections (ce sont des formules du classeur) ; seuls "
                     "manquent les fonctions ISCO_MAP et AI_EXPOSURE, la barre latérale et le rattachement de nouveaux "
                     "intitulés (un nouveau poste reste à #N/A) : installez carto-ia-metiers.oxt (Outils ▸ "
                     "Gestionnaire des extensions).")
# The only add-in call of the workbook: Calc recalculates an add-in cell (and all that depends on it) at
# every opening, so nothing else reads it but the notes that repeat the warning.
EXTENSION_CHECK = f'IF(ISERROR({AIEXPOSURE}("4110"));"{EXTENSION_MISSING}";"")'
LIVE_STATE = ("Classeur vivant : ses chiffres sont des formules qui suivent toute correction (Postes, À vérifier, "
              "Référentiel), même sans l'extension. La version figée (valeurs seules) est plus légère à envoyer.")


# The workbook's contract (sheet names, columns, named ranges, class labels): one file, also read
# by the C++ generation service through a generated header (make_contract_header.py).
with open(os.path.join(HERE, "workbook.json"), encoding="utf-8") as _f:
    CONTRACT = json.load(_f)
SHEET = CONTRACT["sheets"]  # key → sheet name
N = CONTRACT["names"]  # key → named range
BREAKDOWN = {b["key"]: b for b in CONTRACT["breakdowns"]}  # the DataPilot sheets

# The study's four classes, from the ILO 2023 (WP96) category level 0..3, and the label of posts
# that have no 2023 category (no ISCO code, code of fewer than 4 digits, or occupation not scored).
CLASSES = tuple(CONTRACT["classes"]["labels"])
UNCLASSED = CONTRACT["classes"]["unclassed"]
# Classes counted in the headline "share of posts concerned".
HEADLINE_CLASSES = CLASSES[CONTRACT["classes"]["headline_from"]:]

# -- Sheet "Postes": the staff table's columns, then the computed ones (contract) ------------------
POSTES_COLUMNS = CONTRACT["postes"]["columns"]
USER_COLUMNS = [c for c in POSTES_COLUMNS if "field" in c]
COMPUTED_COLUMNS = [c for c in POSTES_COLUMNS if "field" not in c]
R = CONTRACT["postes"]["model_row"]


def model_cells(columns, formulas, computed):
    """The model row of a table: a formula cell in each computed column (one formula per such column),
    nothing elsewhere."""
    keys = [c["key"] for c in columns if computed(c)]
    assert set(formulas) == set(keys), "one formula per computed column of the contract"
    return [Cell(style=c["style"], formula=formulas[c["key"]]) if computed(c) else None for c in columns]


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


COL = {c["key"]: col_letter(i) for i, c in enumerate(POSTES_COLUMNS)}  # column key → letter
FIRST_COMPUTED = len(USER_COLUMNS)
LAST_COL = col_letter(len(POSTES_COLUMNS) - 1)
# The last column computed by a formula (a column marked "written" is filled by the generation service).
LAST_FORMULA_COL = col_letter(max(i for i, c in enumerate(POSTES_COLUMNS) if "field" not in c and not c.get("written")))


def cell(key):
    """The model row's cell of a Postes column, e.g. [.I2]."""
    return f"[.{COL[key]}{R}]"


OVERRIDES = N["referentiel_overrides"]

# The review table (sheet « À vérifier »): one row per distinct text mapped, where ISCO_MAP runs once.
VERIFIER = CONTRACT["verifier"]
VERIFIER_COL = {c["key"]: col_letter(i) for i, c in enumerate(VERIFIER["columns"])}
VERIFIER_RANGE = {c["key"]: c["range"] for c in VERIFIER["columns"] if "range" in c}
# The ILO scale (sheet « Barème OIT »): one row per ISCO group, looked up by code.
BAREME = CONTRACT["bareme"]
BAREME_INDEX = {c["key"]: i + 1 for i, c in enumerate(BAREME["columns"])}  # VLOOKUP column numbers
BAREME_COL = {c["key"]: col_letter(i) for i, c in enumerate(BAREME["columns"])}


def _text_key():
    """The text mapped for a post: its métier when filled in, otherwise its intitulé (the rule by
    which the generation service lists the distinct texts on « À vérifier »)."""
    title, metier = cell("intitule"), cell("metier")
    return f'IF({metier}="";{title};{metier})'


EMPTY_ROW = f'AND({cell("intitule")}="";{cell("metier")}="")'
KEY = _text_key()
CODE = cell("code_isco")
LINE = cell("verifier")


def bareme_lookup(code, key, otherwise='""'):
    """A column of the Barème OIT for an ISCO code (text, or a number typed by the user)."""
    return f'IFERROR(VLOOKUP({code}&"";{N["bareme"]};{BAREME_INDEX[key]};0);{otherwise})'


def isco_label(code):
    """The code's ISCO title; "" for no code or #N/A, « code inconnu » for a code not in the Barème."""
    unknown = f'IF({code}="";"";"code inconnu")'
    return f'IF(ISNA({code});"";{bareme_lookup(code, "libelle", unknown)})'


UNCHANGED = CONTRACT["classes"]["unchanged"]
UNCHANGED_Q = f'"{UNCHANGED}"'


def study_class(code):
    return bareme_lookup(code, "classe", f'"{UNCLASSED}"')


# The model row's formula of each computed column (ODF, without "of:="), by column key. A post reads
# its code from its row of « À vérifier » (the row number is written by the generation service; a
# post added later finds its row by its text). Scores, classes and labels come from the Barème OIT,
# by code, so that a code typed on one post is followed too. No add-in call here: Calc recalculates
# every cell that calls an add-in, and all that depends on it, each time the file is opened.
FORMULAS = {
    "code_isco": f'IF({EMPTY_ROW};"";INDEX({VERIFIER_RANGE["code"]};IF(ISNUMBER({LINE});{LINE};'
                 f'MATCH({KEY};{VERIFIER_RANGE["texte"]};0))))',
    "libelle_isco": isco_label(CODE),
    "score": bareme_lookup(CODE, "score"),
    "classe": f'IFERROR(IF({CODE}="";"";VLOOKUP({CODE}&"";{N["bareme"]};{BAREME_INDEX["classe"]};0));"{UNCLASSED}")',
    # The class under each edition's rule when they differ (Barème OIT): the posts that move, filterable.
    # (an empty row has no code; #N/A or an unknown code is « non classé » in both editions)
    "evolution": f'IFERROR(IF({CODE}="";"";VLOOKUP({CODE}&"";{N["bareme"]};{BAREME_INDEX["evolution"]};0));'
                 f'{UNCHANGED_Q})',
}


def _qs(sheet):
    return "$'" + sheet.replace("'", "''") + "'"


def whole_column(sheet, col):
    return f"{_qs(sheet)}.${col}$2:.${col}${MAX_ROW}"


# Named ranges: name -> (address, description). Column ranges span rows 2..MAX_ROW, so the
# service need not resize them; empty rows give "" in every computed column and are not counted.
REF_FIRST, REF_LAST = CONTRACT["referentiel"]["first_row"], CONTRACT["referentiel"]["last_row"]
NAMES = {}  # filled while the sheets are built, see name()


def name(n, address, what):
    assert n not in NAMES, n
    NAMES[n] = (address, what)
    return n


# -- Workbook model -------------------------------------------------------------------------------
class Cell:
    def __init__(self, text=None, style=None, formula=None, span=1, note=None, value=None):
        self.text, self.style, self.formula, self.span, self.note, self.value = text, style, formula, span, note, value


class Sheet:
    def __init__(self, name, columns, tab_color=None, grid=True):
        self.name = name
        self.columns = columns  # [(width_cm, default_style)]
        self.rows = []  # [(height_cm or None, [Cell|None])]
        self.header_rows = None  # (first, last) 1-based rows repeated on every printed page
        self.freeze = (0, 0)  # (columns, rows) frozen
        self.tab_color = tab_color
        self.grid = grid
        self.page = "Default"  # master page (see PAGE_STYLES)

    def add(self, cells=(), height=None, page_break=False):
        self.rows.append(((height, page_break), list(cells)))
        return len(self.rows)  # 1-based row number

    def ref(self, col, row, absolute=True):
        d = "$" if absolute else ""
        return f"{_qs(self.name)}.{d}{col}{d}{row}"


def text_height(text, width_cm, size_pt=10, bold=False, min_lines=1):
    """Row height (cm) for a wrapped text in a merged cell (Calc does not size rows for merged
    cells). Average glyph width of Liberation Sans ~0.5 em, plus a safety margin."""
    em_cm = size_pt * 0.03528
    per_line = max(1, int((width_cm - 0.2) / (em_cm * (0.56 if bold else 0.52))))
    lines = 0
    for para in text.split("\n"):
        lines += max(1, math.ceil(len(para) / per_line))
    lines = max(lines, min_lines)
    return round(lines * size_pt * 0.0455 + 0.2, 2)


# -- Sheets ---------------------------------------------------------------------------------------
def lisez_moi():
    s = Sheet(SHEET["lisez_moi"], [(6.3, "CartoIA_Etiquette"), (19.6, "CartoIA_Texte")], tab_color="#1f4e79", grid=False)
    s.add([Cell(TITLE, "CartoIA_Titre")], 1.0)
    s.add([Cell("Quelles tâches des métiers de la collectivité l'IA générative pourrait-elle transformer ? "
                "Classeur produit par l'extension Carto IA Métiers pour LibreOffice Calc.", "CartoIA_SousTitre",
                span=2)], 0.6)
    r = s.add([Cell("Édition des scores", "CartoIA_Etiquette"),
               Cell("OIT 2025 (document de travail 140) : scores et classes de l'édition choisie",
                    "CartoIA_Champ")])
    name(N["edition"], s.ref("B", r), "Lisez-moi : édition des scores, écrite par le service de génération")
    r = s.add([Cell("Généré le", "CartoIA_Etiquette"), Cell(None, "CartoIA_ChampDate")])
    name(N["date_generation"], s.ref("B", r), "Lisez-moi : date (et heure) de génération, écrite par le service")
    r = s.add([Cell("État du classeur", "CartoIA_Etiquette"), Cell(LIVE_STATE, "CartoIA_Texte")],
              text_height(LIVE_STATE, 19.6))
    name(N["etat_classeur"], s.ref("B", r), "Lisez-moi : classeur vivant ou figé (réécrit par « Figer les valeurs »)")
    s.add([Cell(None, "CartoIA_Texte"), Cell(formula=N["avertissement_extension"], style="CartoIA_Info")])
    s.add()
    s.add([Cell("À lire avant tout : ces résultats sont un majorant", "CartoIA_AlerteG"),
           Cell(CAVEAT, "CartoIA_AlerteD")])
    s.add()

    def section(title, page_break=False):
        s.add([Cell(title, "CartoIA_Section"), Cell(None, "CartoIA_Section")], 0.62, page_break)

    def para(label, text):
        s.add([Cell(label, "CartoIA_Etiquette") if label else None, Cell(text, "CartoIA_Texte")])

    section("Objet")
    para(None, "Ce classeur rattache chaque poste du tableau des effectifs à une profession de la classification "
               "internationale CITP/ISCO-08, puis lui associe le score d'exposition à l'IA générative publié par "
               "l'Organisation internationale du Travail (OIT). Il reproduit la méthode de l'étude d'élèves de "
               "l'INET pour la Ville de Lyon (avril 2024, présentée aux rencontres de l'AFIGESE en 2024 et 2025) "
               "et en produit les tableaux : par classe d'exposition, par catégorie, par filière, par direction "
               "et par métier.")
    para(None, "Tout est calculé sur l'ordinateur : aucune donnée ne le quitte. Le tableau des effectifs contient "
               "des données personnelles : diffusez plutôt les feuilles de synthèse que la feuille Postes.")
    s.add()

    section("Mode d'emploi")
    para("1. Produire le classeur",
         "Ouvrez le tableau des effectifs (une ligne par poste : identifiant, intitulé, métier, catégorie, filière, "
         "direction, service, ETP) et cliquez sur le bouton « Cartographie IA » du volet latéral ; ou, en ligne "
         "de commande : carto-ia generate. Le classeur est créé à partir de ce modèle.")
    para("2. Ce qui est calculé",
         f"La feuille Postes reçoit le tableau (colonnes A à {col_letter(FIRST_COMPUTED - 1)}). Chaque texte "
         "rattaché (le Métier, sinon l'Intitulé) n'apparaît qu'une fois dans la feuille À vérifier, où son code "
         f"est cherché à la génération (le rattachement d'ISCO_MAP) ; les colonnes {col_letter(FIRST_COMPUTED)} à {LAST_FORMULA_COL} de Postes sont des formules "
         "qui y lisent le code du poste, puis son score et sa classe dans la feuille Barème OIT. Les feuilles "
         "Synthèse, Par catégorie, Par filière, Par direction, Métiers et Tâches en découlent.")
    para("3. Vérifier",
         "La feuille À vérifier liste les textes rattachés par enjeu : d'abord ceux sans code (#N/A), puis ceux "
         "dont la confiance est faible pour beaucoup d'ETP, ou dont le 1er autre code possible changerait la "
         "classe. Une Précision de moins de 4 chiffres (poste « non classé ») mérite aussi un contrôle.")
    para("4. Corriger",
         "Tapez le bon code dans la colonne « Code corrigé » de la feuille À vérifier : il vaut pour tous les "
         "postes de ce texte. Pour un seul poste, tapez le code dans sa cellule Code ISCO (par exemple 4225 à la "
         "place de la formule). Pour réutiliser une correction d'une année sur l'autre, ajoutez une ligne "
         "« intitulé → code ISCO » dans la feuille Référentiel. Scores, classe et Synthèse suivent aussitôt ; les "
         "tableaux croisés se mettent à jour par Données ▸ Tableau croisé dynamique ▸ Actualiser.")
    para("5. Imprimer",
         "Chaque feuille est mise en page en A4 paysage, ajustée à la largeur, avec sa ligne d'en-tête répétée "
         "(Fichier ▸ Exporter au format PDF).")
    s.add()

    section("Méthode", page_break=True)
    para("Poste → métier → CITP",
         "ISCO_MAP cherche le code CITP/ISCO-08 le plus probable à partir du Métier du poste s'il est renseigné, "
         "sinon de son Intitulé : dans le référentiel des métiers territoriaux du projet, puis dans les "
         "appellations du ROME (France Travail) et les professions ESCO (Union européenne). Une ligne de la "
         "feuille Référentiel l'emporte toujours ; un code tapé dans À vérifier l'emporte sur elle.")
    para("CITP → scores de tâches",
         "Pour chaque profession, l'OIT a fait noter par GPT-4 chacune des tâches de la liste ISCO, de 0 (l'IA "
         "générative ne peut pas la faire) à 1 (elle peut la faire entièrement). Le score de la profession est la "
         "moyenne de ses tâches ; l'écart-type mesure leur dispersion.")
    para("Deux éditions",
         "2023 : Gmyrek, Berg, Bescond, document de travail de l'OIT n° 96, celle qu'a utilisée l'étude INET. "
         "2025 : Gmyrek et al., document de travail n° 140, index affiné (niveaux Non exposé, Exposition "
         "minimale, Gradients 1 à 4). L'édition choisie (cellule EDITION, 2025 par défaut) donne le score et la "
         "classe de chaque poste ; changer l'année dans cette cellule recalcule les classes et la Synthèse.")
    s.add()

    section("Catégories de l'OIT (2023) et classes de l'étude")
    para(None, "L'OIT range chaque profession dans une catégorie selon la moyenne (m) et l'écart-type (s) des "
               "scores de ses tâches (seuils reconstitués à partir des valeurs publiées, qui redonnent les catégories "
               "des 427 professions notées). La Classe de ce classeur reprend cette catégorie, une classe par "
               "catégorie :")
    s.add([Cell("Catégorie OIT 2023", "CartoIA_EnteteG"), Cell("Classe de l'étude — sens", "CartoIA_EnteteG")])
    rows = [
        ("Non affecté\n(Not affected)",
         "« pas concerné » : peu de tâches exposées ; l'IA générative change peu le travail.\n"
         "m < 0,40 et m + s ≤ 0,50"),
        ("Potentiel d'augmentation\n(Augmentation potential)",
         "« peu concerné » : quelques tâches exposées ; l'IA peut aider l'agent sans se substituer à lui.\n"
         "m < 0,40 et m + s > 0,50"),
        ("Grande inconnue\n(Big unknown)",
         "« concerné » : exposition moyenne à forte ; effet incertain, entre aide et automatisation.\n"
         "m ≥ 0,40 et m − s ≤ 0,50"),
        ("Potentiel d'automatisation\n(Automation potential)",
         "« très concerné » : la plupart des tâches sont fortement exposées et pourraient être en partie "
         "automatisées.\nm ≥ 0,40 et m − s > 0,50"),
    ]
    for a, b in rows:
        s.add([Cell(a, "CartoIA_Tableau"), Cell(b, "CartoIA_Tableau")])
    para("Règle retenue (2023)",
         "L'étude INET n'a pas publié sa propre règle de classement. Celle-ci (une classe par catégorie de l'OIT "
         "2023) est cohérente avec les parts qu'elle a publiées : environ 55 % de postes pas concernés, 25 % peu "
         "concernés, 15 % concernés et 5 % très concernés. Un poste sans catégorie (aucun code, code de "
         "moins de 4 chiffres ou profession non notée par l'OIT) est « non classé ».")
    para("Règle retenue (2025)",
         "Règle du projet pour l'index affiné, dans l'ordre de l'exposition : Non exposé → pas concerné ; "
         "Exposition minimale → peu concerné (quelques tâches exposées) ; Gradients 1 à 3 → concerné ; Gradient 4 "
         "(l'exposition la plus forte) → très concerné. Sur la commune témoin elle donne 55 % / 19 % / 19 % / 7 %, "
         "proche des parts de l'étude. Les deux règles sont dans un tableau modifiable de la feuille Barème OIT : "
         "le modifier recalcule les classes.")
    para("Classe → action",
         "Règle du projet, tirée des recommandations de l'étude (Associer, Sensibiliser, Former), modifiable en tête "
         "de la feuille Plan d'accompagnement : pas concerné → Associer (informer les agents et leurs représentants, "
         "les associer à la démarche) ; peu concerné → Sensibiliser (quelques tâches touchées : culture de l'IA et "
         "de la donnée) ; concerné et très concerné → Former (une part notable des tâches change : se former aux "
         "outils et anticiper l'évolution du métier avec le CNFPT). Chaque agent relève ainsi d'une seule action ; "
         "les postes non classés attendent la vérification de leur code.")
    para("2023 et 2025",
         "La Synthèse donne le chiffre clé sous les deux règles côte à côte, et le tableau de transition des classes "
         "(classe 2023 en ligne, classe 2025 en colonne, en postes et en ETP). Dans la feuille Postes, la colonne "
         "« Classe 2023 → 2025 » nomme le changement de chaque poste (« inchangée » sinon) : filtrez-la pour "
         "lister les postes qui changent de classe.")
    para("Chiffre clé",
         "Un poste est concerné quand sa classe est peu concerné, concerné ou très concerné : il a des "
         "tâches que l'IA générative pourrait faire en partie ou en totalité. C'est l'indicateur de l'étude "
         "(« un peu moins de 50 % des postes », soit 45 % = 100 % − 55 % de postes pas concernés). Il se "
         "rapporte à tous les postes, non classés compris. La Synthèse donne aussi la part plus étroite des "
         "postes « concernés ou très concernés », celle que l'étude cite par filière (plus de 70 % dans la "
         "filière administrative).")
    para("Tâches en français",
         "Les énoncés de tâches de l'OIT (CITP-08 anglaise) sont traduits par le projet : traduction NON "
         "OFFICIELLE, fidèle, au registre de la CITP-08 française (verbe à l'infinitif), avec un glossaire commun ; "
         "l'anglais d'origine reste affiché à côté.")
    para("Thèmes des tâches",
         "Chaque tâche est rangée dans un des 16 thèmes du projet (les cinq de l'étude INET en tête) : celui de son "
         "activité principale, c'est-à-dire son premier verbe et son objet ; à égalité, le thème cité le premier "
         "l'emporte. Liste et règle : data/ilo/themes.csv.")
    para("« L'IA peut le faire »",
         "Oui quand le score 2025 de la tâche atteint le seuil de la feuille Grille (0,5 par défaut, c'est-à-dire "
         "les bandes « moyenne » et « haute » de l'OIT). Le seuil est modifiable ; la Grille suit.")
    s.add()

    section("Recommandations de l'étude", page_break=True)
    para("Associer", "Associer les organisations syndicales et les agents dès le début de la démarche.")
    para("Sensibiliser", "Jeux sérieux, ateliers de culture de la donnée, e-learning, procès fictif de l'IA.")
    para("Former", "Anticiper avec le CNFPT l'effet sur les métiers ; par exemple apprendre à formuler une "
                   "demande à l'IA (« prompt »).")
    para("Expérimenter",
         "Commencer par des usages voulus et encadrés. Croiser ce que l'IA peut faire et ce que la collectivité "
         "veut lui confier : rédiger un compte rendu de réunion (possible et souhaité) ; un agent conversationnel "
         "à la place des agents d'accueil (possible, non souhaité) ; décider d'un placement en garde à vue (ni "
         "l'un ni l'autre).")
    s.add()

    section("Sources et licences")
    para("Scores OIT 2023",
         "Gmyrek P., Berg J., Bescond D. (2023), Generative AI and Jobs: A global analysis of potential effects "
         "on job quantity and quality, document de travail de l'OIT n° 96. © OIT, licence CC BY 4.0.")
    para("Scores OIT 2025",
         "Gmyrek P. et al. (2025), Generative AI and Jobs: A Refined Global Index of Occupational Exposure, "
         "document de travail de l'OIT n° 140, doi:10.54394/HETP0387. © OIT, licence CC BY 4.0.")
    para("Modifications",
         "Format modifié : fichiers de P. Gmyrek (pgmyrek/2025_GenAI_scores_ISCO08) convertis en CSV puis "
         "compilés dans l'extension, sans changer aucune valeur. Libellés français des catégories et énoncés des "
         "tâches traduits par le projet (traduction non officielle). L'OIT n'approuve pas ce produit.")
    para("CITP/ISCO-08", "Structure, intitulés et tâches de la CITP/ISCO-08 © Organisation internationale du "
                         "Travail.")
    para("ESCO", "Professions ESCO © Union européenne (réutilisation libre avec mention de la source, décision "
                 "2011/833/UE).")
    para("ROME", "ROME 4.0 et table de correspondance ROME–ESCO © France Travail, Licence Ouverte / Etalab 2.0. "
                 "La jointure appellation → ESCO → CITP est faite par le projet (non officielle).")
    para("Étude reproduite",
         "C. Demoures, E. Aliyeva, C. Philis, L. Aubert (INET, promotion 2023-2024), cartographie des métiers "
         "exposés à l'IA générative, Ville de Lyon, avril 2024 ; rencontres AFIGESE 2024 et 2025.")
    para("Extension", "Carto IA Métiers, code sous licence MPL-2.0.")
    s.add()

    section("Feuilles du classeur")
    for a, b in [
        (SHEET["note"], "Une page A4 pour les élus : chiffre clé, classes, directions les plus concernées, thèmes, "
                        "recommandations de l'étude et nombre d'agents concernés par chacune."),
        (SHEET["synthese"], "Chiffres clés : postes et ETP concernés, répartition par classe, qualité du rattachement ; "
                            "éditions 2023 et 2025 côte à côte et transition des classes de l'une à l'autre."),
        (SHEET["plan"], "Par direction puis par service, classés par ETP concernés : postes et ETP de chaque classe, "
                        "agents à associer, sensibiliser et former (règle classe → action modifiable), thèmes et "
                        "métiers qui pèsent le plus."),
        (SHEET["par_categorie"], "Postes par catégorie statutaire (A, B, C) et par classe, avec un graphique."),
        (SHEET["par_filiere"], "Postes par filière et par classe, avec un graphique."),
        (SHEET["par_direction"], "Postes par direction et par classe, avec un graphique."),
        (SHEET["metiers"], "Une ligne par profession CITP trouvée, puis ses tâches selon l'OIT et leurs scores."),
        (SHEET["taches"], "Toutes les tâches des professions présentes, en français, avec thème, scores, postes et ETP, "
                          "et les deux colonnes de l'atelier « l'IA peut / on souhaite »."),
        (SHEET["themes"], "Les tâches regroupées par thème : postes et ETP, score moyen, tâches au plus fort potentiel."),
        (SHEET["grille"], "La grille de l'atelier : tâches et ETP selon « l'IA peut » × « on souhaite », en direct."),
        (SHEET["postes"], "Le tableau des effectifs et les colonnes calculées (une ligne par poste)."),
        (SHEET["verifier"], "Chaque texte rattaché une fois, avec son code, sa confiance, les autres codes possibles "
                            "et une colonne pour le corriger ; trié par enjeu."),
        (SHEET["referentiel"], "Vos corrections « intitulé → code ISCO », prioritaires sur le rattachement "
                        "automatique."),
        (SHEET["bareme"], "Les scores et catégories de l'OIT de chaque code CITP/ISCO-08, et la classe qui en "
                          "découle."),
    ]:
        para(a, b)
    return s


def postes():
    cols = [(c["width"], c["style"]) for c in POSTES_COLUMNS]
    s = Sheet(SHEET["postes"], cols, tab_color="#7f7f7f")
    head = [Cell(c["header"], "CartoIA_EnteteSaisie" if "field" in c else "CartoIA_Entete", note=c["note"])
            for c in POSTES_COLUMNS]
    r = s.add(head, 1.05)
    s.header_rows = (r, r)
    frozen = CONTRACT["postes"]["frozen"]
    s.freeze = (frozen["columns"], frozen["rows"])
    name(N["postes_donnees"], s.ref("A", 1), "Postes : coin de l'en-tête ; données à partir de la ligne 2")
    r = s.add(model_cells(POSTES_COLUMNS, FORMULAS, lambda c: "field" not in c and not c.get("written")))
    assert r == R
    name(N["postes_modele"], f"{s.ref(col_letter(FIRST_COMPUTED), R)}:.${LAST_FORMULA_COL}${R}",
         f"Postes : formules modèles de la ligne 2 (colonnes {col_letter(FIRST_COMPUTED)} à {LAST_FORMULA_COL}), à recopier "
         f"vers le bas")
    for c in POSTES_COLUMNS:
        if "whole_column_name" in c:
            name(c["whole_column_name"], whole_column(SHEET["postes"], COL[c["key"]]),
                 f"Postes : colonne {c['header']} (lignes 2 à {MAX_ROW})")
    return s


def synthese():
    widths = [(8.2, None), (2.6, None), (2.6, None), (2.6, None), (2.6, None), (7.0, None), (2.4, None)]
    full = sum(w for w, _ in widths[:6])
    s = Sheet(SHEET["synthese"], widths, tab_color="#c55a11", grid=False)
    s.page = "CartoIA_DeuxPages"  # key figures, then the two editions
    s.add([Cell("Synthèse : exposition des postes à l'IA générative", "CartoIA_Titre")], 1.0)
    s.add([Cell("Calculée par formules sur la feuille Postes : elle suit toute correction d'un code ISCO (feuille "
                "Postes) ou du Référentiel.", "CartoIA_SousTitre", span=6)], 0.6)
    s.add([Cell("Édition des scores", "CartoIA_Etiquette"),
           Cell(formula='IF(EDITION="";"";EDITION)', style="CartoIA_Champ", span=5)])
    s.add([Cell("Généré le", "CartoIA_Etiquette"),
           Cell(formula='IF(DATE_GENERATION="";"";DATE_GENERATION)', style="CartoIA_ChampDate", span=2)])
    s.add()
    box = ("MAJORANT : ces chiffres sont un majorant. La méthode de l'OIT (tâches notées par GPT-4) est "
           "techno-optimiste et ignore les freins matériels, organisationnels et culturels. Un poste « concerné » "
           "a des tâches que l'IA générative pourrait en partie réaliser : des tâches à accompagner, pas un emploi "
           "supprimé.")
    s.add([Cell(box, "CartoIA_Alerte", span=6)], text_height(box, full, bold=True))
    r = s.add([Cell(formula=EXTENSION_CHECK, style="CartoIA_Info", span=6)],
              text_height(EXTENSION_MISSING, full, bold=True))
    name(N["avertissement_extension"], s.ref("A", r),
         "Synthèse : avertissement affiché quand l'extension ne répond pas (vide sinon)")

    def section(title, page_break=False):
        s.add([Cell(title, "CartoIA_Section")] + [Cell(None, "CartoIA_Section") for _ in range(6)], 0.62, page_break)

    def header(first):
        s.add([Cell(first, "CartoIA_EnteteG"), Cell("Postes", "CartoIA_Entete"),
               Cell("Part des postes", "CartoIA_Entete"), Cell("ETP", "CartoIA_Entete"),
               Cell("Part des ETP", "CartoIA_Entete"), Cell("Repère : étude INET (Lyon)", "CartoIA_EnteteG")],
              0.62)

    section("Chiffres clés")
    header("Indicateur")
    total = len(s.rows) + 1
    s.add([Cell("Postes du tableau (total)", "CartoIA_Tableau"),
           Cell(formula="COUNT(POSTES_ETP)", style="CartoIA_NombreT"),
           Cell(None, "CartoIA_Tableau"),
           Cell(formula="SUM(POSTES_ETP)", style="CartoIA_ETPT"),
           Cell(None, "CartoIA_Tableau"), Cell(None, "CartoIA_Tableau")])

    def shares(r):
        return [Cell(formula=f"IF([.B{total}]>0;[.B{r}]/[.B{total}];\"\")", style="CartoIA_PourcentT"),
                Cell(formula=None), Cell(formula=f"IF([.D{total}]>0;[.D{r}]/[.D{total}];\"\")",
                                         style="CartoIA_PourcentT")]

    r = len(s.rows) + 1
    sh = shares(r)
    s.add([Cell("Postes concernés : peu concernés, concernés ou très concernés (chiffre clé)", "CartoIA_TableauFort"),
           Cell(formula="+".join(f'COUNTIF(POSTES_CLASSE;"{c}")' for c in HEADLINE_CLASSES),
                style="CartoIA_ChiffreCle"),
           Cell(formula=sh[0].formula, style="CartoIA_ChiffreClePct"),
           Cell(formula="+".join(f'SUMIF(POSTES_CLASSE;"{c}";POSTES_ETP)' for c in HEADLINE_CLASSES),
                style="CartoIA_ChiffreCleETP"),
           Cell(formula=sh[2].formula, style="CartoIA_ChiffreClePct"),
           Cell("≈ 45 % (« un peu moins de 50 % »)", "CartoIA_Tableau")], 0.9)
    name(N["synthese_part_postes"], s.ref("C", r), "Synthèse : part des postes concernés (chiffre clé)")
    name(N["synthese_part_etp"], s.ref("E", r), "Synthèse : part des ETP concernés")
    r = len(s.rows) + 1
    sh = shares(r)
    s.add([Cell("dont concernés ou très concernés", "CartoIA_Tableau"),
           Cell(formula=f'COUNTIF(POSTES_CLASSE;"{CLASSES[2]}")+COUNTIF(POSTES_CLASSE;"{CLASSES[3]}")',
                style="CartoIA_NombreT"),
           Cell(formula=sh[0].formula, style="CartoIA_PourcentT"),
           Cell(formula=f'SUMIF(POSTES_CLASSE;"{CLASSES[2]}";POSTES_ETP)+SUMIF(POSTES_CLASSE;"{CLASSES[3]}";'
                        f'POSTES_ETP)', style="CartoIA_ETPT"),
           Cell(formula=sh[2].formula, style="CartoIA_PourcentT"),
           Cell("≈ 20 % (administratif : plus de 70 %)", "CartoIA_Tableau")])
    s.add()

    payroll(s, section)

    section("Répartition par classe (règle de l'édition choisie)")
    header("Classe")
    first = len(s.rows) + 1
    last = first + len(CLASSES)  # UNCLASSED row included
    tot = last + 1
    marks = ["≈ 55 %", "≈ 25 % (35 % selon certaines sources)", "≈ 15 %", "≈ 5 %", ""]
    for i, (cls, mark) in enumerate(zip(CLASSES + (UNCLASSED,), marks)):
        r = first + i
        label = cls if cls != UNCLASSED else f"{UNCLASSED} (sans code ou sans catégorie OIT)"
        crit = f'"{cls}"'
        s.add([Cell(label, "CartoIA_Tableau"),
               Cell(formula=f"COUNTIF(POSTES_CLASSE;{crit})", style="CartoIA_NombreT"),
               Cell(formula=f'IF([.B${tot}]>0;[.B{r}]/[.B${tot}];"")', style="CartoIA_PourcentT"),
               Cell(formula=f"SUMIF(POSTES_CLASSE;{crit};POSTES_ETP)", style="CartoIA_ETPT"),
               Cell(formula=f'IF([.D${tot}]>0;[.D{r}]/[.D${tot}];"")', style="CartoIA_PourcentT"),
               Cell(mark, "CartoIA_Tableau")])
    s.add([Cell("Total", "CartoIA_TableauFort"),
           Cell(formula=f"SUM([.B{first}:.B{last}])", style="CartoIA_NombreTF"),
           Cell(formula=f'IF([.B{tot}]>0;[.B{tot}]/[.B{tot}];"")', style="CartoIA_PourcentTF"),
           Cell(formula=f"SUM([.D{first}:.D{last}])", style="CartoIA_ETPTF"),
           Cell(formula=f'IF([.D{tot}]>0;[.D{tot}]/[.D{tot}];"")', style="CartoIA_PourcentTF"),
           Cell(None, "CartoIA_Tableau")])
    name(N["synthese_classes"], f"{s.ref('A', first)}:.$E${tot}", "Synthèse : tableau des classes (5 lignes + total)")
    s.add()

    section("Qualité du rattachement et scores moyens")
    s.add([Cell("Indicateur", "CartoIA_EnteteG"), Cell("Valeur", "CartoIA_Entete"),
           Cell("Commentaire", "CartoIA_EnteteG", span=4)], 0.62)
    rows = [
        ("Postes sans code ISCO (#N/A)",
         f'SUMPRODUCT(ISERROR({VERIFIER_RANGE["code"]});{VERIFIER_RANGE["postes"]})', "CartoIA_NombreT",
         "À corriger dans la feuille À vérifier (colonne Code corrigé) ou dans le Référentiel"),
        ("Postes rattachés à un code de moins de 4 chiffres",
         f'SUMIF({VERIFIER_RANGE["precision"]};"<"&4;{VERIFIER_RANGE["postes"]})', "CartoIA_NombreT",
         "Candidats divergents : pas de catégorie OIT, donc « non classé »"),
        ("Confiance moyenne du rattachement automatique (par poste)",
         f'IFERROR(SUMPRODUCT({VERIFIER_RANGE["confiance"]};{VERIFIER_RANGE["postes"]})/'
         f'SUM({VERIFIER_RANGE["postes"]});"")', "CartoIA_PourcentT",
         "De 0 à 100 % ; une valeur faible appelle un contrôle"),
        (f"Part des ETP rattachés avec une confiance d'au moins {VERIFIER['sure_confidence']:.0%}".replace("%", " %"),
         f'IFERROR((SUMIF({VERIFIER_RANGE["confiance"]};">="&{VERIFIER["sure_confidence"]};{VERIFIER_RANGE["etp"]})-'
         f'SUMIFS({VERIFIER_RANGE["etp"]};{VERIFIER_RANGE["confiance"]};">="&{VERIFIER["sure_confidence"]};'
         f'{VERIFIER_RANGE["correction"]};"<>"))/SUM(POSTES_ETP);"")', "CartoIA_PourcentT",
         "Rattachement automatique jugé sûr ; le reste mérite un coup d'œil (feuille À vérifier)"),
        ("Part des ETP dont le code a été corrigé à la main",
         f'IFERROR(SUMIF({VERIFIER_RANGE["correction"]};"<>";{VERIFIER_RANGE["etp"]})/SUM(POSTES_ETP);"")',
         "CartoIA_PourcentT", "Colonne Code corrigé de la feuille À vérifier"),
        ("Score d'exposition moyen (postes notés, édition choisie)", 'IFERROR(AVERAGE(POSTES_SCORE);"")',
         "CartoIA_ScoreT", "Moyenne des scores des postes, de 0 à 1"),
    ]
    for label, f, st, note in rows:
        s.add([Cell(label, "CartoIA_Tableau"), Cell(formula=f, style=st), Cell(note, "CartoIA_Tableau", span=4)])
    s.add()
    section("Lecture")
    notes = [
        "Classe : tirée de la catégorie OIT du code ISCO du poste dans l'édition choisie. 2023 : Non affecté → "
        "pas concerné ; Potentiel d'augmentation → peu concerné ; Grande inconnue → concerné ; Potentiel "
        "d'automatisation → très concerné. 2025 : Non exposé → pas concerné ; Exposition minimale → peu concerné ; "
        "Gradients 1 à 3 → concerné ; Gradient 4 → très concerné (règles modifiables : feuille Barème OIT).",
        "Chiffre clé : part des postes ayant des tâches que l'IA générative pourrait faire en partie (classes peu "
        "concerné, concerné et très concerné), rapportée à tous les postes. Les parts d'ETP pondèrent chaque "
        "poste par sa quotité.",
        "Repères : résultats publiés de l'étude INET (Ville de Lyon puis commune témoin, 2024) ; ils ne sont pas "
        "des objectifs et varient d'une collectivité à l'autre.",
    ]
    for t in notes:
        s.add([Cell(t, "CartoIA_Note", span=6)], text_height(t, full, size_pt=9))
    editions(s, section)
    return s


def payroll(s, section):
    """Synthèse: the share of the payroll (the staff table's cost column) in concerned posts; « non fourni »
    when the table has no cost column, never 0."""
    none = CONTRACT["not_given"]
    given = "COUNT(POSTES_COUT)>0"
    section("Masse salariale (colonne de coût du tableau des effectifs)")
    s.add([Cell("Indicateur", "CartoIA_EnteteG"), Cell("Montant", "CartoIA_Entete"),
           Cell("Part", "CartoIA_Entete"), Cell("Postes", "CartoIA_Entete"), Cell(None, "CartoIA_Entete"),
           Cell("Lecture", "CartoIA_EnteteG")], 0.62)
    total = len(s.rows) + 1

    def cost_of(classes):
        return "+".join(f'SUMIF(POSTES_CLASSE;"{c}";POSTES_COUT)' for c in classes)

    def count_of(classes):
        return "+".join(f'COUNTIFS(POSTES_CLASSE;"{c}";POSTES_COUT;">=0")' for c in classes)

    rows = [
        ("Masse salariale des postes dont le coût est renseigné", "SUM(POSTES_COUT)", "COUNT(POSTES_COUT)",
         "Somme de la colonne Coût annuel de la feuille Postes"),
        ("dont postes concernés : peu concernés, concernés ou très concernés", cost_of(HEADLINE_CLASSES),
         count_of(HEADLINE_CLASSES), "Part de la masse salariale portée par des postes concernés (chiffre clé)"),
        ("dont concernés ou très concernés", cost_of(CLASSES[2:]), count_of(CLASSES[2:]),
         "Part portée par les postes les plus concernés"),
    ]
    for i, (label, amount, count, note) in enumerate(rows):
        r = total + i
        s.add([Cell(label, "CartoIA_TableauFort" if i == 1 else "CartoIA_Tableau"),
               Cell(formula=f'IF({given};{amount};"{none}")', style="CartoIA_EuroT"),
               Cell(formula=f'IF({given};IF([.B{total}]>0;[.B{r}]/[.B{total}];"");"{none}")',
                    style="CartoIA_PourcentT"),
               Cell(formula=f'IF({given};{count};"{none}")', style="CartoIA_NombreT"),
               Cell(None, "CartoIA_Tableau"), Cell(note, "CartoIA_Tableau")])
        if i == 1:
            name(N["synthese_part_masse"], s.ref("C", r), "Synthèse : part de la masse salariale des postes concernés")
    s.add([Cell("Postes sans coût lisible", "CartoIA_Tableau"), Cell(None, "CartoIA_Tableau"),
           Cell(None, "CartoIA_Tableau"),
           Cell(formula=f'IF({given};COUNT(POSTES_ETP)-COUNT(POSTES_COUT);"{none}")', style="CartoIA_NombreT"),
           Cell(None, "CartoIA_Tableau"),
           Cell("Coût vide ou illisible (signalé à la génération) : hors du calcul, jamais compté 0", "CartoIA_Tableau")])
    s.add()


def editions(s, section):
    """Synthèse: the headline under each edition's rule, side by side, then the transition table
    (class under 2023 × class under 2025, in posts and in ETP) read from Postes' « Classe 2023 → 2025 »."""
    labels = CLASSES + (UNCLASSED,)
    section("Éditions 2023 et 2025 côte à côte (règles de la feuille Barème OIT)", page_break=True)
    s.add([Cell("Indicateur", "CartoIA_EnteteG"), Cell("Règle 2023", "CartoIA_Entete"),
           Cell("Part 2023", "CartoIA_Entete"), Cell("Règle 2025", "CartoIA_Entete"),
           Cell("Part 2025", "CartoIA_Entete"), Cell("Lecture", "CartoIA_EnteteG")], 0.62)
    side = len(s.rows) + 1  # two rows, filled once the transition tables' rows are known
    s.add()
    s.add()
    s.add()
    tables = []
    for unit, measure in (("postes", None), ("ETP", "POSTES_ETP")):
        section(f"Transition des classes, en {unit} : classe 2023 (lignes) × classe 2025 (colonnes)")
        s.add([Cell("2023 ↓   2025 →", "CartoIA_EnteteG")] + [Cell(l, "CartoIA_Entete") for l in labels] +
              [Cell("Total 2023", "CartoIA_Entete")], 0.95)
        first = len(s.rows) + 1
        number = "CartoIA_NombreT" if measure is None else "CartoIA_ETPT"
        for i, a in enumerate(labels):
            row = [Cell(a, "CartoIA_Tableau")]
            for j, b in enumerate(labels):
                if i == j:
                    crit = f'POSTES_CLASSE;"{a}";POSTES_EVOLUTION;"{UNCHANGED}"'
                else:
                    crit = f'POSTES_EVOLUTION;"{a} → {b}"'
                f = f"COUNTIFS({crit})" if measure is None else f"SUMIFS({measure};{crit})"
                row.append(Cell(formula=f, style=number))
            r = first + i
            row.append(Cell(formula=f"SUM([.B{r}:.F{r}])", style=number + "F"))
            s.add(row)
        last = first + len(labels) - 1
        tot = [Cell("Total 2025", "CartoIA_TableauFort")]
        for col in "BCDEFG":
            tot.append(Cell(formula=f"SUM([.{col}{first}:.{col}{last}])", style=number + "F"))
        s.add(tot)
        tables.append((first, last + 1))
        s.add()
    heads = len(CONTRACT["classes"]["labels"]) - CONTRACT["classes"]["headline_from"]
    h0 = CONTRACT["classes"]["headline_from"]
    for k, ((first, total), unit) in enumerate(zip(tables, ("Postes concernés", "ETP concernés"))):
        r = side + k
        rows_2023 = "+".join(f"[.G{first + i}]" for i in range(h0, h0 + heads))
        cols_2025 = "+".join(f"[.{'BCDEF'[i]}{total}]" for i in range(h0, h0 + heads))
        style = "CartoIA_NombreT" if k == 0 else "CartoIA_ETPT"
        s.rows[r - 1] = (s.rows[r - 1][0], [
            Cell(f"{unit} (peu concernés, concernés ou très concernés)", "CartoIA_Tableau"),
            Cell(formula=rows_2023, style=style),
            Cell(formula=f'IF([.G{total}]>0;[.B{r}]/[.G{total}];"")', style="CartoIA_PourcentT"),
            Cell(formula=cols_2025, style=style),
            Cell(formula=f'IF([.G{total}]>0;[.D{r}]/[.G{total}];"")', style="CartoIA_PourcentT"),
            Cell("Même tableau des effectifs, même code : seule la règle de l'édition change" if k == 0 else
                 "Postes dont la classe change : filtrez la colonne « Classe 2023 → 2025 » de Postes",
                 "CartoIA_Tableau")])


def pivot_sheet(breakdown, title, text, first_width):
    sheet_name = SHEET[breakdown["sheet"]]
    # Column A holds the row labels of the pivot table (catégorie, filière or direction names).
    cols = [(first_width, None)] + [(2.2, None)] * 13
    s = Sheet(sheet_name, cols, tab_color="#548235")
    span = 10  # texts span A:J, about the printable width of an A4 landscape page
    width = sum(w for w, _ in cols[:span])
    s.add([Cell(title, "CartoIA_Titre")], 1.0)
    s.add([Cell(text, "CartoIA_Texte", span=span)], text_height(text, width))
    hint = ("Le tableau croisé dynamique (postes par classe) et son graphique sont ajoutés ici par la génération. "
            "Après une correction : Données ▸ Tableau croisé dynamique ▸ Actualiser. " + CAVEAT_SHORT + ".")
    # The hint gives way to the warning when the add-in does not answer.
    warn = N["avertissement_extension"]
    s.add([Cell(formula=f'IF({warn}="";"{hint}";{warn})', style="CartoIA_Note",
                span=span)], text_height(EXTENSION_MISSING, width, size_pt=9))
    r = s.add()
    assert r == 4
    name(breakdown["pivot"], s.ref("A", r), f"{sheet_name} : coin du tableau croisé dynamique")
    name(breakdown["chart"], s.ref("I", r), f"{sheet_name} : coin du graphique, à droite du tableau croisé")
    return s


# (header, width, default style of the data cells, group) of the contract's Métiers columns; the
# template shows the default edition, the generation service writes the chosen one.
METIERS_HEAD = [(c["header"].format(edition=2025), c["width"], c["style"], c["group"])
                for c in CONTRACT["metiers"]["columns"]]


def metiers():
    s = Sheet(SHEET["metiers"], [(w, st) for _, w, st, _ in METIERS_HEAD], tab_color="#548235")
    width = sum(w for _, w, _, _ in METIERS_HEAD)
    s.add([Cell("Métiers (professions CITP/ISCO-08) et tâches de l'OIT", "CartoIA_Titre")], 1.0)
    text = ("Une ligne par code ISCO trouvé dans Postes (nombre de postes, ETP, score et classe), puis ses tâches "
            "selon l'OIT (traduction non officielle du projet, l'anglais d'origine en dernière colonne) avec leurs scores "
            "2023 et 2025, de 0 à 1. Score × ETP "
            "mesure le poids de la profession dans l'exposition des effectifs. Selon l'étude, agents d'accueil et "
            "assistants de gestion sont les plus concernés. " + CAVEAT_SHORT + ".")
    s.add([Cell(text, "CartoIA_Texte", span=len(METIERS_HEAD))], text_height(text, width))
    n0 = sum(1 for h in METIERS_HEAD if h[3] == 0)
    r1 = s.add([Cell("Profession (une ligne par code ISCO)", "CartoIA_Groupe", span=n0),
                Cell("Tâches de la profession selon l'OIT", "CartoIA_Groupe2", span=len(METIERS_HEAD) - n0)], 0.6)
    r2 = s.add([Cell(h, "CartoIA_Entete" if g == 0 else "CartoIA_Entete2") for h, _, _, g in METIERS_HEAD], 0.95)
    s.header_rows = (r1, r2)
    s.freeze = (0, r2)
    name(N["metiers_donnees"], s.ref("A", r2), "Métiers : coin de l'en-tête ; liste à partir de la ligne suivante")
    return s


TACHES = CONTRACT["taches"]
TACHES_COL = {c["key"]: col_letter(i) for i, c in enumerate(TACHES["columns"])}
THEMES = CONTRACT["themes"]
THEMES_COL = {c["key"]: col_letter(i) for i, c in enumerate(THEMES["columns"])}
ANSWERS = CONTRACT["workshop"]["answers"]  # Oui / Non / À débattre


def table_ranges(sheet_name, table, letters, what):
    """Whole-column named ranges of a table (rows from its first data row down)."""
    first = table["first_row"]
    for c in table["columns"]:
        if "range" in c:
            col = letters[c["key"]]
            name(c["range"], f"{_qs(sheet_name)}.${col}${first}:.${col}${MAX_ROW}",
                 f"{what} : colonne {c['header']} (lignes {first} à {MAX_ROW})")


def taches():
    cols = TACHES["columns"]
    codes = TACHES["codes"]
    gap = codes["first_column"] - len(cols)
    sheet_cols = [(c["width"], c["style"]) for c in cols] + [(0.6, None)] * gap
    sheet_cols += [(c["width"], c["style"]) for c in codes["columns"]]
    s = Sheet(SHEET["taches"], sheet_cols, tab_color="#7030a0")
    width = sum(c["width"] for c in cols[:12])
    s.add([Cell("Tâches des professions présentes, pour l'atelier « l'IA peut / on souhaite »", "CartoIA_Titre")],
          1.0)
    text = ("Une ligne par tâche OIT de chaque code ISCO présent dans Postes, triées par poids (score 2025 × ETP). "
            "Texte français : traduction non officielle du projet (l'anglais d'origine est en dernière colonne). "
            "« L'IA peut le faire » : Oui quand le score 2025 de la tâche atteint le seuil de la feuille Grille. "
            "Remplissez « On souhaite que l'IA le fasse » en atelier avec les agents (Oui, Non, À débattre) : la "
            "Grille se met à jour. « À examiner » signale les tâches où les deux modèles de l'OIT divergent de plus de "
            "0,2 ou dont le score a bougé de plus de 0,2 entre 2023 et 2025. " + CAVEAT_SHORT + ".")
    s.add([Cell(text, "CartoIA_Texte", span=12)], text_height(text, width))
    r = s.add([Cell(c["header"], "CartoIA_EnteteSaisie" if c["key"] == "souhaite" else "CartoIA_Entete") for c in cols]
              + [None] * gap + [Cell(c["header"], "CartoIA_Entete") for c in codes["columns"]], 0.95)
    assert r == TACHES["first_row"] - 1
    s.header_rows = (r, r)
    s.freeze = (3, r)
    name(N["taches_donnees"], s.ref("A", r), "Tâches : coin de l'en-tête ; une ligne par tâche en dessous")
    first = TACHES["first_row"]
    code, score = f"[.{TACHES_COL['code']}{first}]", f"[.{TACHES_COL['score_2025']}{first}]"
    etp = f"[.{TACHES_COL['etp']}{first}]"
    # Posts and ETP of each task's code come from a small table of the codes present (right of the
    # tasks), summed over « À vérifier » (one row per text mapped), not over the posts.
    code_col = col_letter(codes["first_column"])
    codes_range = codes["range"]
    formulas = {
        "postes": f'IF({code}="";"";VLOOKUP({code};{codes_range};2;0))',
        "etp": f'IF({code}="";"";VLOOKUP({code};{codes_range};3;0))',
        "poids": f'IF({code}="";"";{score}*{etp})',
        "ia_peut": f'IF({code}="";"";IF({score}>={N["seuil_ia_peut"]};"{ANSWERS[0]}";"{ANSWERS[1]}"))',
    }
    present = f"[.{code_col}{first}]"
    code_formulas = [None,
                     Cell(style="CartoIA_Entier", formula=f'IF({present}="";"";SUMIF({VERIFIER_RANGE["code"]};{present};'
                                                         f'{VERIFIER_RANGE["postes"]}))'),
                     Cell(style="CartoIA_ETP", formula=f'IF({present}="";"";SUMIF({VERIFIER_RANGE["code"]};{present};'
                                                       f'{VERIFIER_RANGE["etp"]}))')]
    s.add(model_cells(cols, formulas, lambda c: c.get("formula")) + [None] * gap + code_formulas)
    last_code_col = col_letter(codes["first_column"] + len(codes["columns"]) - 1)
    name(codes_range, f"{_qs(SHEET['taches'])}.${code_col}${first}:.${last_code_col}${MAX_ROW}",
         "Tâches : codes présents, avec leurs postes et ETP (comptés une fois par code)")
    table_ranges(SHEET["taches"], TACHES, TACHES_COL, "Tâches")
    return s


def themes():
    cols = THEMES["columns"]
    s = Sheet(SHEET["themes"], [(c["width"], c["style"]) for c in cols], tab_color="#7030a0")
    s.page = "CartoIA_UnePage"
    width = sum(c["width"] for c in cols)
    s.add([Cell("Thèmes des tâches : où l'IA générative pourrait aider", "CartoIA_Titre")], 1.0)
    text = ("Chaque tâche de l'OIT est rangée dans un thème (règle : son activité principale, voir Lisez-moi). Pour "
            "chaque thème : nombre de tâches des professions présentes, postes et ETP qui en portent au moins une, "
            "score moyen pondéré par les ETP, et les tâches au plus fort potentiel avec leur indice (score 2025 en %). "
            "Les cinq premiers thèmes sont ceux de l'étude INET. " + CAVEAT_SHORT + ".")
    s.add([Cell(text, "CartoIA_Texte", span=len(cols))], text_height(text, width))
    warn = N["avertissement_extension"]
    s.add([Cell(formula=warn, style="CartoIA_Note", span=len(cols))], 0.5)
    r = s.add([Cell(c["header"], "CartoIA_Entete") for c in cols], 0.95)
    assert r == THEMES["first_row"] - 1
    s.header_rows = (r, r)
    name(N["themes_donnees"], s.ref("A", r), "Thèmes : coin de l'en-tête ; un thème par ligne en dessous")
    first = THEMES["first_row"]
    t = f"[.A{first}]"
    formulas = {
        "taches": f'IF({t}="";"";COUNTIF(TACHES_THEME;{t}))',
        "postes": f'IF({t}="";"";SUMIFS(TACHES_POSTES;TACHES_THEME;{t};TACHES_PREMIER;1))',
        "etp": f'IF({t}="";"";SUMIFS(TACHES_ETP;TACHES_THEME;{t};TACHES_PREMIER;1))',
        "score": f'IF({t}="";"";IFERROR(SUMIF(TACHES_THEME;{t};TACHES_POIDS)/SUMIF(TACHES_THEME;{t};TACHES_ETP);""))',
    }
    s.add(model_cells(cols, formulas, lambda c: c.get("formula")))
    for _ in range(THEMES["count"] - 1):
        s.add()
    s.add()
    r = s.add()
    name(N["chart_themes"], s.ref("A", r), "Thèmes : coin du graphique, sous le tableau")
    return s


def grille():
    s = Sheet(SHEET["grille"], [(6.2, None), (5.2, None), (5.2, None), (5.2, None)], tab_color="#7030a0", grid=False)
    s.page = "CartoIA_UnePage"
    full = 21.8
    s.add([Cell("Grille de l'atelier : l'IA peut / on souhaite", "CartoIA_Titre")], 1.0)
    text = ("Chaque tâche des professions présentes (feuille Tâches) est placée selon deux questions : l'IA "
            "générative peut-elle la faire (d'après son score OIT 2025 et le seuil ci-dessous) ? souhaitons-nous "
            "qu'elle la fasse (réponse de l'atelier, colonne « On souhaite que l'IA le fasse ») ? Les comptes se "
            "mettent à jour à chaque réponse. ETP : somme, tâche par tâche, des ETP des postes qui la portent.")
    s.add([Cell(text, "CartoIA_Texte", span=4)], text_height(text, full))
    r = s.add([Cell("Seuil « L'IA peut le faire » : score 2025 de la tâche au moins égal à", "CartoIA_Etiquette",
                    span=2), None, Cell(value=CONTRACT["workshop"]["threshold"], style="CartoIA_CodeSaisie")])
    name(N["seuil_ia_peut"], s.ref("D", r), "Grille : seuil de score 2025 à partir duquel l'IA « peut le faire »")
    s.add([Cell(formula=N["avertissement_extension"], style="CartoIA_Note", span=4)], 0.5)

    def grid(title, measure):
        s.add([Cell(title, "CartoIA_EnteteG"), Cell("On souhaite que l'IA le fasse", "CartoIA_Entete"),
               Cell("On ne souhaite pas", "CartoIA_Entete"), Cell("À débattre ou pas encore décidé", "CartoIA_Entete")],
              0.9)
        first = len(s.rows) + 1
        for can, label in ((ANSWERS[0], "L'IA peut le faire"), (ANSWERS[1], "L'IA ne peut pas le faire")):
            cells = [Cell(label, "CartoIA_TableauFort")]
            for wish in (ANSWERS[0], ANSWERS[1]):
                cells.append(Cell(formula=measure(f'TACHES_IA_PEUT;"{can}";TACHES_SOUHAITE;"{wish}"'),
                                  style="CartoIA_NombreT" if "COUNT" in measure("") else "CartoIA_ETPT"))
            all_can = measure(f'TACHES_IA_PEUT;"{can}"')
            yes = measure(f'TACHES_IA_PEUT;"{can}";TACHES_SOUHAITE;"{ANSWERS[0]}"')
            no = measure(f'TACHES_IA_PEUT;"{can}";TACHES_SOUHAITE;"{ANSWERS[1]}"')
            undecided = f"{all_can}-{yes}-{no}"
            cells.append(Cell(formula=undecided, style="CartoIA_NombreT" if "COUNT" in measure("") else "CartoIA_ETPT"))
            s.add(cells, 0.8)
        return first

    first = grid("Nombre de tâches", lambda crit: f"COUNTIFS({crit})")
    name(N["grille_comptes"], f"{s.ref('A', first - 1)}:.$D${first + 1}",
         "Grille : tâches par quadrant (en-têtes compris), source du graphique")
    s.add()
    grid("ETP (somme par tâche)", lambda crit: f"SUMIFS(TACHES_ETP;{crit})")
    s.add()
    s.add([Cell("Exemples de l'étude INET", "CartoIA_Section")] + [Cell(None, "CartoIA_Section") for _ in range(3)], 0.62)
    for ex in ("Rédiger un compte rendu : l'IA peut le faire, on le souhaite.",
               "Un chatbot qui remplacerait les agents d'accueil : l'IA peut le faire, on ne le souhaite pas.",
               "Placer une personne en garde à vue : l'IA ne peut pas le faire, on ne le souhaite pas."):
        s.add([Cell(ex, "CartoIA_Texte", span=4)], 0.55)
    s.add()
    r = s.add()
    name(N["chart_grille"], s.ref("A", r), "Grille : coin du graphique, sous les exemples")
    return s


def verifier():
    cols = VERIFIER["columns"]
    s = Sheet(SHEET["verifier"], [(c["width"], c["style"]) for c in cols], tab_color="#c00000")
    width = sum(c["width"] for c in cols[:11])
    s.add([Cell("À vérifier : le rattachement de chaque intitulé, par enjeu", "CartoIA_Titre")], 1.0)
    text = ("Une ligne par texte rattaché (le Métier du poste, sinon son Intitulé) : le code ISCO y est cherché une "
            "fois pour tous les postes qui le portent. En tête, les textes sans code (#N/A), puis par enjeu : ETP × "
            "(1 − confiance), doublé quand le 1er autre code possible changerait la classe. Pour corriger, tapez le "
            "bon code dans « Code corrigé » (par exemple 4225) : tous les postes de ce texte, la Synthèse et les "
            "classes suivent ; les tableaux croisés se mettent à jour par Données ▸ Tableau croisé dynamique ▸ "
            "Actualiser. " + CAVEAT_SHORT + ".")
    s.add([Cell(text, "CartoIA_Texte", span=11)], text_height(text, width))
    r = s.add([Cell(c["header"], "CartoIA_EnteteSaisie" if c["key"] == "correction" else "CartoIA_Entete",
                    note=c.get("note")) for c in cols], 0.95)
    assert r == VERIFIER["first_row"] - 1
    s.header_rows = (r, r)
    s.freeze = (2, r)
    name(N["verifier_donnees"], s.ref("A", r), "À vérifier : coin de l'en-tête ; un texte rattaché par ligne en dessous")
    first = VERIFIER["first_row"]

    def c(key):
        return f"[.{VERIFIER_COL[key]}{first}]"

    text_, corr = c("texte"), c("correction")

    proposed = c("code_propose")
    in_ref = f'IFERROR(VLOOKUP({text_};{OVERRIDES};2;0)&"";"")'
    formulas = {
        # Correction typed here, else the Référentiel's line for this exact text, else the proposal.
        "code": f'IF({text_}="";"";IF({corr}<>"";{corr}&"";IF({in_ref}<>"";{in_ref};'
                f'IF({proposed}="";NA();{proposed}))))',
        "libelle_isco": isco_label(c("code")),
        "classe": f'IF({text_}="";"";{study_class(c("code"))})',
        "classe_alternative": f'IF(OR({text_}="";{c("autre_code")}="");"";IF(IFERROR({proposed}<>{c("code")};1);"";'
                              f'{study_class(c("autre_code"))}))',
        "enjeu": f'IF({text_}="";"";IF({corr}<>"";0;{c("etp")}*(1-{c("confiance")})*'
                 f'IF(AND({c("classe_alternative")}<>"";{c("classe_alternative")}<>{c("classe")});2;1)))',
    }
    s.add(model_cells(cols, formulas, lambda col: col.get("formula")))
    table_ranges(SHEET["verifier"], VERIFIER, VERIFIER_COL, "À vérifier")
    return s


RULES = CONTRACT["classes"]["rules"]  # edition → class index for each ILO level


def bareme():
    cols = BAREME["columns"]
    rules_col = BAREME["rules_first_column"]  # 0-based: the class rules, right of the scale
    gap = rules_col - len(cols)
    rule_cols = [(1.6, "CartoIA_Entier"), (1.6, "CartoIA_Entier"), (5.0, "CartoIA_Texte"), (3.0, "CartoIA_CodeSaisie")]
    s = Sheet(SHEET["bareme"], [(c["width"], c["style"]) for c in cols] + [(0.5, None)] * gap + rule_cols,
              tab_color="#7f7f7f")
    width = sum(c["width"] for c in cols)
    s.add([Cell("Barème OIT : scores d'exposition de chaque code CITP/ISCO-08", "CartoIA_Titre")], 1.0)
    text = ("Écrit par la génération à partir des données de l'OIT compilées dans l'extension (2023 : document de "
            "travail 96 ; 2025 : document de travail 140 ; © OIT, CC BY 4.0). Les codes de moins de 4 chiffres "
            "portent la moyenne des professions du groupe, sans catégorie. Postes et À vérifier y lisent le score, "
            "la classe et le libellé de leur code, selon l'édition choisie (EDITION). La classe de l'étude vient "
            "de la catégorie OIT de l'édition, par la règle du tableau de droite : modifiez-la, les classes, la "
            "Synthèse et (après actualisation) les tableaux croisés suivent. " + CAVEAT_SHORT + ".")
    s.add([Cell(text, "CartoIA_Texte", span=len(cols))], text_height(text, width))
    rule_head = [Cell("Édition", "CartoIA_Entete"), Cell("Niveau OIT", "CartoIA_Entete"),
                 Cell("Catégorie OIT (écrite à la génération)", "CartoIA_Entete"),
                 Cell("Classe de l'étude (modifiable)", "CartoIA_EnteteSaisie")]
    r = s.add([Cell(c["header"], "CartoIA_Entete") for c in cols] + [None] * gap + rule_head, 0.95)
    assert r == BAREME["first_row"] - 1
    s.header_rows = (r, r)
    s.freeze = (1, r)
    first = BAREME["first_row"]

    def c(key):
        return f"[.{BAREME_COL[key]}{first}]"

    def number(ref):
        return f'IF(ISNUMBER({ref});{ref};"")'

    def by_rule(level, edition):
        return (f'IF({c("code")}="";"";IF(ISNUMBER({level});INDEX({N["regle_" + edition]};{level}+1);'
                f'"{UNCLASSED}"))')

    formulas = {
        "score": f'IF({c("code")}="";"";IF({N["edition"]}=2023;{number(c("score_2023"))};{number(c("score_2025"))}))',
        "classe_2023": by_rule(c("niveau_2023"), "2023"),
        "classe_2025": by_rule(c("niveau_2025"), "2025"),
        "classe": f'IF({c("code")}="";"";IF({N["edition"]}=2023;{c("classe_2023")};{c("classe_2025")}))',
        "evolution": f'IF({c("code")}="";"";IF({c("classe_2023")}={c("classe_2025")};"{UNCHANGED}";'
                     f'{c("classe_2023")}&" → "&{c("classe_2025")}))',
    }
    model = model_cells(cols, formulas, lambda col: col.get("formula")) + [None] * gap
    # The class rules: one row per level of each edition, its class editable.
    rule_rows = [(edition, level, CLASSES[k]) for edition, ks in RULES.items() for level, k in enumerate(ks)]
    rows = [model] + [[None] * (len(cols) + gap) for _ in rule_rows[1:]]
    rule_letter = col_letter(rules_col + 3)
    for i, (edition, level, label) in enumerate(rule_rows):
        rows[i] = rows[i] + [Cell(value=int(edition), style="CartoIA_Entier"), Cell(value=level, style="CartoIA_Entier"),
                             None, Cell(label, "CartoIA_CodeSaisie")]
    for cells in rows:
        s.add(cells)
    for edition, ks in RULES.items():
        start = first + next(i for i, rr in enumerate(rule_rows) if rr[0] == edition)
        name(N["regle_" + edition], f"{_qs(SHEET['bareme'])}.${rule_letter}${start}:.${rule_letter}${start + len(ks) - 1}",
             f"Barème OIT : classe de l'étude pour chaque niveau OIT {edition} (règle modifiable)")
    last = col_letter(len(cols) - 1)
    name(N["bareme"], f"{_qs(SHEET['bareme'])}.$A${first}:.${last}${MAX_ROW}",
         "Barème OIT : un code ISCO par ligne (recherche par VLOOKUP sur la 1re colonne)")
    return s


PLAN = CONTRACT["plan"]
PLAN_COL = {c["key"]: col_letter(i) for i, c in enumerate(PLAN["columns"])}
PLAN_RANGE = {c["key"]: c["range"] for c in PLAN["columns"] if "range" in c}
ACTIONS = CONTRACT["actions"]
CLASS_KEYS = ["pas", "peu", "concerne", "tres", "non_classe"]  # Plan columns, in class order (+ non classé)


def action_text(cell):
    """What an action covers (the study's recommendations), for the action typed in `cell`."""
    f = '""'
    for action, text in reversed(list(zip(ACTIONS["labels"], ACTIONS["texts"]))):
        f = f'IF({cell}="{action}";"{text}";{f})'
    return f


def plan():
    cols = PLAN["columns"]
    s = Sheet(SHEET["plan"], [(c["width"], c["style"]) for c in cols], tab_color="#c55a11")
    first = PLAN["first_row"]
    whole, nodir = PLAN["whole_direction"], PLAN["no_direction"]
    L = PLAN_COL
    width = sum(c["width"] for c in cols)
    s.add([Cell("Plan d'accompagnement : où associer, sensibiliser et former", "CartoIA_Titre")], 1.0)
    text = ("Une ligne par direction (« " + whole + " »), classées par ETP concernés, puis ses services. Postes et "
            "ETP de chaque classe, et le nombre d'agents (postes) relevant de chaque action selon la règle ci-dessous, "
            "tirée des recommandations de l'étude INET : modifiez l'action d'une classe, le plan suit. Les chiffres "
            "suivent les corrections de code (Postes, À vérifier) ; l'ordre des lignes, les thèmes et les métiers sont "
            "ceux de la génération (la colonne Rang, elle, suit). Chaque ligne compte les postes de sa direction et "
            "de son service dans les lignes de Postes indiquées à droite (Postes est trié par direction puis service "
            "à la génération). " + CAVEAT_SHORT + ".")
    s.add([Cell(text, "CartoIA_Texte", span=18)], text_height(text, sum(c["width"] for c in cols[:18])))
    s.add([None, Cell("Classe de l'étude", "CartoIA_EnteteG"), Cell("Action (modifiable)", "CartoIA_EnteteSaisie"),
           Cell("Ce que recouvre l'action (recommandations de l'étude)", "CartoIA_EnteteG", span=15)], 0.62)
    rule_first = len(s.rows) + 1
    for label, k in zip(CLASSES, ACTIONS["by_class"]):
        action = ACTIONS["labels"][k]
        s.add([None, Cell(label, "CartoIA_Tableau"), Cell(action, "CartoIA_CodeSaisie"),
               Cell(formula=action_text(f"[.C{len(s.rows) + 1}]"), style="CartoIA_Tableau", span=15)],
              text_height(max(ACTIONS["texts"], key=len), sum(c["width"] for c in cols[3:18])))
    rule_last = len(s.rows)
    name(N["plan_actions"], f"{s.ref('C', rule_first)}:.$C${rule_last}",
         "Plan d'accompagnement : action de chaque classe (règle modifiable), de pas concerné à très concerné")
    whole_q = f'"{whole}"'
    counted = f'SUMIF({PLAN_RANGE["service"]};{whole_q};{PLAN_RANGE["postes"]})'
    check = (f'IF({counted}=COUNT(POSTES_ETP);"Postes « {UNCLASSED} » : aucune action tant que leur code n\'est pas '
             f'vérifié (feuille À vérifier). Tous les postes de la feuille Postes sont comptés.";"ATTENTION : "&'
             f'COUNT(POSTES_ETP)-{counted}&" poste(s) de la feuille Postes hors du plan (ajoutés, ou direction ou '
             f'service modifiés après la génération) : regénérez le classeur pour les compter.")')
    s.add([None, Cell(formula=check, style="CartoIA_Note", span=17)])
    groups = {g[0]: g for g in PLAN["groups"]}
    head = []
    i = 0
    keys = [c["key"] for c in cols]
    while i < len(cols):
        g = groups.get(keys[i])
        if g:
            span = keys.index(g[1]) - i + 1
            head.append(Cell(g[2], "CartoIA_Groupe", span=span))
            i += span
        else:
            head.append(None)
            i += 1
    s.add(head, 0.62)
    narrow = {"postes_" + k for k in CLASS_KEYS} | {"etp_" + k for k in CLASS_KEYS}
    r = s.add([Cell(c["header"], "CartoIA_EnteteVertical" if c["key"] in narrow else "CartoIA_Entete") for c in cols],
              2.3)
    assert r == first - 1
    s.header_rows = (r - 1, r)
    s.freeze = (3, r)
    name(N["plan_donnees"], s.ref("A", r), "Plan d'accompagnement : coin de l'en-tête ; une direction ou un service par ligne")

    def c(key, absolute_row=False):
        return f"[.{L[key]}{first}]"

    d, sv = c("direction"), c("service")
    is_dir = f'{sv}="{whole}"'
    crit_dir = f'IF({d}="{nodir}";"=";"="&{d})'

    def rows(name):
        """The rows of this direction or service on Postes (sorted by direction and service at generation,
        their first and last rows written beside): a slice of a whole-column range."""
        return f"INDEX({name};{c('premiere')}-1):INDEX({name};{c('derniere')}-1)"

    def agg(fn, measure, extra=""):
        """COUNTIFS/SUMIFS over this row's slice of Postes: its direction, and its service on service rows
        (a post whose direction or service is edited afterwards leaves the row; see the check above)."""
        m = f"{rows(measure)};" if measure else ""
        a = f"{fn}({m}{rows('POSTES_DIRECTION')};{crit_dir}{extra})"
        b = f'{fn}({m}{rows("POSTES_DIRECTION")};{crit_dir};{rows("POSTES_SERVICE")};"="&{sv}{extra})'
        return f'IF({d}="";"";IF({is_dir};{a};{b}))'

    formulas = {
        "postes": agg("COUNTIFS", None, f';{rows("POSTES_ETP")};">=0"'),
        "etp": agg("SUMIFS", "POSTES_ETP"),
    }
    for k in CLASS_KEYS:
        formulas["postes_" + k] = agg("COUNTIFS", None,
                                      f';{rows("POSTES_CLASSE")};"="&[.{L["postes_" + k]}${first - 1}]')
        formulas["etp_" + k] = agg("SUMIFS", "POSTES_ETP",
                                   f';{rows("POSTES_CLASSE")};"="&[.{L["etp_" + k]}${first - 1}]')
    h0 = CONTRACT["classes"]["headline_from"]
    concerned = "+".join(c("etp_" + k) for k in CLASS_KEYS[h0:len(CLASSES)])
    formulas["etp_concernes"] = f'IF({d}="";"";{concerned})'
    formulas["part_concernes"] = f'IF(OR({d}="";{c("etp")}=0);"";{c("etp_concernes")}/{c("etp")})'
    for action in ACTIONS["labels"]:
        key = "agents_" + action.lower()
        terms = "+".join(f'IF(INDEX({N["plan_actions"]};{i + 1})=[.{L[key]}${first - 1}];{c("postes_" + k)};0)'
                         for i, k in enumerate(CLASS_KEYS[:len(CLASSES)]))
        formulas[key] = f'IF({d}="";"";{terms})'
    etpc = c("etp_concernes")
    col_s, col_e = L["service"], L["etp_concernes"]
    formulas["rang"] = (f'IF(AND({d}<>"";{is_dir});COUNTIFS({PLAN_RANGE["service"]};"{whole}";'
                        f'{PLAN_RANGE["etp_concernes"]};">"&{etpc})+COUNTIFS([.${col_s}${first}:.{col_s}{first}];'
                        f'"{whole}";[.${col_e}${first}:.{col_e}{first}];{etpc});"")')
    s.add(model_cells(cols, formulas, lambda col: col.get("formula")))
    table_ranges(SHEET["plan"], PLAN, PLAN_COL, "Plan d'accompagnement")
    return s


def note():
    """One A4 portrait page for elected officials: headline, classes and their chart, the five directions
    most concerned, the themes that weigh most, the study's three recommendations, the caveat."""
    widths = [(7.4, None), (2.6, None), (2.6, None), (2.6, None), (3.0, None)]
    full = sum(w for w, _ in widths)
    s = Sheet(SHEET["note"], widths, tab_color="#c00000", grid=False)
    s.page = "CartoIA_Portrait"
    s.add([Cell("Note aux élus : l'IA générative et les métiers de la collectivité", "CartoIA_Titre")], 1.0)
    sub = ("Une page tirée de la cartographie des postes (méthode de l'OIT, reprise de l'étude INET pour la Ville "
           "de Lyon). Chiffres calculés par le classeur ; détail dans les feuilles Synthèse et Plan d'accompagnement.")
    s.add([Cell(sub, "CartoIA_Texte", span=5)], text_height(sub, full))
    s.add([Cell("Édition des scores OIT", "CartoIA_Etiquette"),
           Cell(formula='IF(EDITION="";"";EDITION)', style="CartoIA_Champ"), None,
           Cell("Généré le", "CartoIA_Etiquette"), Cell(formula='IF(DATE_GENERATION="";"";DATE_GENERATION)',
                                                        style="CartoIA_ChampDate")])
    s.add()
    h0 = CONTRACT["classes"]["headline_from"]
    classes = N["synthese_classes"]

    def headline(col):
        return "+".join(f"INDEX({classes};{i + 1};{col})" for i in range(h0, len(CLASSES)))

    s.add([Cell("Chiffre clé", "CartoIA_EnteteG"), Cell("Postes", "CartoIA_Entete"),
           Cell("Part des postes", "CartoIA_Entete"), Cell("ETP", "CartoIA_Entete"),
           Cell("Part des ETP", "CartoIA_Entete")], 0.62)
    s.add([Cell("Postes ayant des tâches que l'IA générative pourrait en partie réaliser (peu concernés, concernés "
                "ou très concernés)", "CartoIA_TableauFort"),
           Cell(formula=headline(2), style="CartoIA_ChiffreCle"),
           Cell(formula=N["synthese_part_postes"], style="CartoIA_ChiffreClePct"),
           Cell(formula=headline(4), style="CartoIA_ChiffreCleETP"),
           Cell(formula=N["synthese_part_etp"], style="CartoIA_ChiffreClePct")], 1.3)
    box = ("UN MAJORANT : la méthode de l'OIT (tâches notées par GPT-4) est techno-optimiste et ignore les freins "
           "matériels, organisationnels et culturels. Un poste concerné a des tâches à accompagner ; ce n'est pas "
           "un emploi supprimé.")
    s.add([Cell(box, "CartoIA_Alerte", span=5)], text_height(box, full, bold=True))
    s.add()

    def section(title):
        s.add([Cell(title, "CartoIA_Section")] + [Cell(None, "CartoIA_Section") for _ in range(4)], 0.62)

    section("Les postes par classe d'exposition")
    r = s.add([Cell("Classe", "CartoIA_EnteteG"), Cell("Postes", "CartoIA_Entete"),
               Cell("Part des postes", "CartoIA_Entete"), Cell("ETP", "CartoIA_Entete"),
               Cell("Part des ETP", "CartoIA_Entete")], 0.62)
    styles = ["CartoIA_Tableau", "CartoIA_NombreT", "CartoIA_PourcentT", "CartoIA_ETPT", "CartoIA_PourcentT"]
    for i in range(len(CLASSES) + 1):
        s.add([Cell(formula=f"INDEX({classes};{i + 1};{k + 1})", style=st) for k, st in enumerate(styles)])
    name(N["note_classes"], f"{s.ref('A', r)}:.$B${r + len(CLASSES) + 1}",
         "Note aux élus : postes par classe (données du graphique)")
    r = s.add([], 5.2)
    name(N["chart_note"], s.ref("A", r), "Note aux élus : coin du graphique des classes")

    s.add([], 0.3)
    section("Les cinq directions les plus concernées (ETP concernés)")
    s.add([Cell("Direction", "CartoIA_EnteteG"), Cell("ETP", "CartoIA_Entete"), Cell("ETP concernés", "CartoIA_Entete"),
           Cell("Part des ETP concernés", "CartoIA_Entete"), Cell("Agents à former", "CartoIA_Entete")], 0.95)
    for k in range(1, 6):
        m = f'MATCH({k};{PLAN_RANGE["rang"]};0)'

        def at(key, m=m):
            return f'IFERROR(INDEX({PLAN_RANGE[key]};{m});"")'
        former = "agents_" + ACTIONS["labels"][ACTIONS["by_class"][-1]].lower()
        s.add([Cell(formula=at("direction"), style="CartoIA_Tableau"), Cell(formula=at("etp"), style="CartoIA_ETPT"),
               Cell(formula=at("etp_concernes"), style="CartoIA_ETPT"),
               Cell(formula=at("part_concernes"), style="CartoIA_PourcentT"),
               Cell(formula=at(former), style="CartoIA_NombreT")], 0.85)  # two lines for long direction names

    s.add([], 0.3)
    section("Les thèmes de tâches qui pèsent le plus (ETP × score moyen des tâches)")
    s.add([Cell("Thème (feuille Thèmes)", "CartoIA_EnteteG"), Cell("ETP concernés", "CartoIA_Entete"),
           Cell("Score moyen", "CartoIA_Entete"), Cell("Poids (ETP × score)", "CartoIA_Entete"),
           Cell("Postes concernés", "CartoIA_Entete")], 0.62)
    tf, tl = THEMES["first_row"], THEMES["first_row"] + THEMES["count"] - 1
    sheet = _qs(SHEET["themes"])

    def trange(key):
        col = THEMES_COL[key]
        return f"[{sheet}.${col}${tf}:.${col}${tl}]"
    e, sc = trange("etp"), trange("score")
    # The theme's weight, the ETP carrying it times its mean task score (ties: the first theme listed).
    key = f'IF(ISNUMBER({sc});{e}*{sc};-1)-ROW({e})/1E9'
    for k in range(1, 4):
        m = f"SUMPRODUCT(MATCH(LARGE({key};{k});{key};0))"
        r = len(s.rows) + 1
        s.add([Cell(formula=f'IFERROR(INDEX({trange("theme")};{m});"")', style="CartoIA_Tableau"),
               Cell(formula=f'IFERROR(INDEX({e};{m});"")', style="CartoIA_ETPT"),
               Cell(formula=f'IFERROR(INDEX({sc};{m});"")', style="CartoIA_ScoreT"),
               Cell(formula=f'IFERROR([.B{r}]*[.C{r}];"")', style="CartoIA_ETPT"),
               Cell(formula=f'IFERROR(INDEX({trange("postes")};{m});"")', style="CartoIA_NombreT")], 0.85)

    s.add([], 0.3)
    section("Ce que l'étude recommande, et pour combien d'agents (plan d'accompagnement)")
    whole = PLAN["whole_direction"]
    for action, text in zip(ACTIONS["labels"], ACTIONS["texts"]):
        count = f'SUMIF({PLAN_RANGE["service"]};"{whole}";{PLAN_RANGE["agents_" + action.lower()]})'
        s.add([Cell(text, "CartoIA_Tableau", span=4),
               Cell(formula=f'{count}&" agents"', style="CartoIA_TableauFort")], text_height(text, full - 3.0))
    s.add()
    end = ("Lecture : un poste « concerné » a une part de ses tâches que l'IA générative pourrait faire ; la règle "
           "de classement de chaque édition est dans la feuille Barème OIT, la règle classe → action dans le Plan "
           "d'accompagnement. Sources : OIT, documents de travail 96 (2023) et 140 (2025), CC BY 4.0 ; étude INET, "
           "Ville de Lyon, 2024. Les résultats varient d'une collectivité à l'autre.")
    s.add([Cell(end, "CartoIA_Note", span=5)], text_height(end, full, size_pt=9))
    return s


def referentiel():
    s = Sheet(SHEET["referentiel"], [(8.5, "CartoIA_Texte"), (2.6, "CartoIA_CodeSaisie"), (9.0, "CartoIA_Texte")],
              tab_color="#bf9000")
    # Lines the workbook cannot use: a code that is not an ISCO group of the Barème OIT, or a code without
    # text. A formula, not ISCO_MAP, so that it neither needs the extension nor is recalculated at each opening.
    codes, texts = f"INDEX({OVERRIDES};0;2)", f"INDEX({OVERRIDES};0;1)"
    bad = (f'SUMPRODUCT(({codes}<>"")*((({texts}="")+ISNA(MATCH({codes}&"";INDEX({N["bareme"]};0;1);0)))>0))')
    status = (f'IFERROR(IF({bad}=0;"Toutes les lignes sont lues.";{bad}&'
              f'" ligne(s) ignorée(s) : code qui n\'est pas un code ISCO de la feuille Barème OIT, ou code sans '
              f'intitulé.");"Une cellule de la plage est en erreur (#N/A, #DIV/0!…) : corrigez-la (la fonction '
              f'ISCO_MAP refuse une plage en erreur).")')
    s.add([Cell("Référentiel : vos corrections « intitulé → code ISCO »", "CartoIA_Titre"), None,
           Cell(formula=status, style="CartoIA_Note")], 1.0)
    paras = [
        "Chaque ligne l'emporte sur le rattachement automatique pour les postes dont le texte rattaché (le Métier "
        "s'il est renseigné, sinon l'Intitulé du poste) est exactement ce texte, à la casse près : copiez-le de la "
        "colonne « Intitulé ou métier rattaché » de la feuille À vérifier. Un code tapé dans À vérifier l'emporte "
        "sur elle. Gardez ici les corrections à reporter d'une année sur l'autre (la fonction ISCO_MAP les lit aussi, "
        "en ignorant accents, H/F et formes féminines).",
        "Code de 1 à 4 chiffres (4 pour obtenir une classe) ; un code inconnu est ignoré. Exemple : « Chargé "
        "d'accueil mairie annexe » → 4225. Codes fréquents : 4110 employés de bureau, 4225 accueil et information, "
        "5412 police, 1120 direction générale.",
        f"Les lignes {REF_FIRST} à {REF_LAST} sont lues (plage REFERENTIEL_OVERRIDES) ; pour en ajouter, insérez "
        f"des lignes au-dessus de la ligne {REF_LAST}.",
    ]
    width = sum(w for w, _ in s.columns)
    s.add([Cell("\n".join(paras), "CartoIA_Texte", span=3)], sum(text_height(t, width) for t in paras) - 0.2)
    r = s.add([Cell("Intitulé (du poste ou du métier)", "CartoIA_EnteteSaisie"),
               Cell("Code ISCO", "CartoIA_EnteteSaisie"),
               Cell("Commentaire (facultatif, non lu)", "CartoIA_EnteteSaisie")], 0.62)
    assert r == REF_FIRST - 1 == CONTRACT["referentiel"]["frozen_rows"]
    s.header_rows = (r, r)
    s.freeze = (0, r)
    name(N["referentiel_overrides"], f"{s.ref('A', REF_FIRST)}:.$B${REF_LAST}",
         f"Référentiel : corrections intitulé → code ISCO (A{REF_FIRST}:B{REF_LAST}), 3e argument d'ISCO_MAP")
    return s


def build_sheets():
    NAMES.clear()
    sheets = [
        lisez_moi(),
        note(),
        synthese(),
        plan(),
        pivot_sheet(BREAKDOWN["categorie"], "Postes par catégorie statutaire et par classe d'exposition",
                    "Nombre de postes de chaque catégorie (A, B, C) dans chaque classe d'exposition (catégorie OIT "
                    "2023). Dans l'étude INET, les catégories C et B regroupent l'essentiel des postes « très "
                    "concernés ».", 3.2),
        pivot_sheet(BREAKDOWN["filiere"], "Postes par filière et par classe d'exposition",
                    "Nombre de postes de chaque filière dans chaque classe d'exposition. Dans l'étude INET, la "
                    "filière administrative est la plus concernée (plus de 70 % de postes concernés ou très "
                    "concernés), devant la filière culturelle (environ 60 %) ; les filières technique, sociale et "
                    "médico-sociale le sont bien moins.", 4.2),
        pivot_sheet(BREAKDOWN["direction"], "Postes par direction et par classe d'exposition",
                    "Nombre de postes de chaque direction dans chaque classe d'exposition. Dans l'étude INET, les "
                    "directions « ressources » (secrétariat général, DG Ressources, DG Ressources humaines, "
                    "DG Proximité) sont les plus concernées, jusqu'à environ 80 % des tâches.", 6.2),
        metiers(),
        taches(),
        themes(),
        grille(),
        postes(),
        verifier(),
        referentiel(),
        bareme(),
    ]
    return sheets


# -- XML ------------------------------------------------------------------------------------------
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
    "ooo": "http://openoffice.org/2004/office",  # resolves config:name="ooo:view-settings"
    "of": "urn:oasis:names:tc:opendocument:xmlns:of:1.2",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
    "tableooo": "http://openoffice.org/2009/table",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}

BLUE, BLUE_LIGHT, GREEN, GREEN_LIGHT = "#1f4e79", "#dde8f3", "#385723", "#e2efda"
ORANGE, ORANGE_LIGHT, GOLD = "#c55a11", "#fbe5d6", "#7f6000"
GREY = "#595959"
THIN = "0.74pt solid #a6a6a6"
BOX = "1.5pt solid " + ORANGE

NUMBER_STYLES = """\
  <number:number-style style:name="N_Entier"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/></number:number-style>
  <number:number-style style:name="N_Score"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
  <number:number-style style:name="N_ETP"><number:number number:decimal-places="2" number:min-decimal-places="1" number:min-integer-digits="1"/></number:number-style>
  <number:percentage-style style:name="N_Pourcent"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/><number:text>\u00a0%</number:text></number:percentage-style>
  <number:percentage-style style:name="N_Pourcent1"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>\u00a0%</number:text></number:percentage-style>
  <number:number-style style:name="N_Euro"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/><number:text>\u00a0€</number:text></number:number-style>
  <number:date-style style:name="N_Date"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
  <number:text-style style:name="N_Texte"><number:text-content/></number:text-style>
"""

# Named cell styles: (name, description (not written: the API name stays the ASCII name), data style,
#                     cell props, paragraph props, text props)
def _header_style(name_, display, background, align, rotation=0):
    """A column header: white bold text on a coloured band."""
    turned = {"style:rotation-angle": str(rotation), "style:rotation-align": "none"} if rotation else {}
    return (name_, display, None,
            {"fo:background-color": background, "fo:border": "0.74pt solid #ffffff", "fo:wrap-option": "wrap",
             "style:vertical-align": "middle", "style:text-align-source": "fix", "fo:padding": "0.05cm", **turned},
            {"fo:text-align": align}, {"fo:font-size": "9pt", "fo:font-weight": "bold", "fo:color": "#ffffff"})


CELL_STYLES = [
    ("CartoIA_Titre", "Carto IA – Titre", None,
     {}, {}, {"fo:font-size": "16pt", "fo:font-weight": "bold", "fo:color": BLUE}),
    ("CartoIA_SousTitre", "Carto IA – Sous-titre", None,
     {"style:vertical-align": "top"}, {}, {"fo:font-style": "italic", "fo:color": GREY}),
    ("CartoIA_Section", "Carto IA – Section", None,
     {"fo:background-color": BLUE_LIGHT, "fo:border-bottom": "1pt solid " + BLUE, "style:vertical-align": "middle"},
     {}, {"fo:font-size": "12pt", "fo:font-weight": "bold", "fo:color": BLUE}),
    ("CartoIA_Etiquette", "Carto IA – Étiquette", None,
     {"fo:wrap-option": "wrap", "style:vertical-align": "top", "fo:padding": "0.06cm"}, {},
     {"fo:font-weight": "bold", "fo:color": BLUE}),
    ("CartoIA_Texte", "Carto IA – Texte", None,
     {"fo:wrap-option": "wrap", "style:vertical-align": "top", "fo:padding": "0.06cm"}, {}, {}),
    ("CartoIA_Ligne", "Carto IA – Texte sur une ligne", None,
     {"style:vertical-align": "top"}, {}, {}),
    ("CartoIA_Note", "Carto IA – Note", None,
     {"fo:wrap-option": "wrap", "style:vertical-align": "top"}, {},
     {"fo:font-size": "9pt", "fo:font-style": "italic", "fo:color": GREY}),
    ("CartoIA_NoteCadre", "Carto IA – Note encadrée", None,
     {"fo:wrap-option": "wrap", "style:vertical-align": "top", "fo:border": THIN, "fo:padding": "0.08cm",
      "fo:background-color": "#f2f2f2"}, {}, {"fo:font-size": "9pt"}),
    ("CartoIA_Champ", "Carto IA – Champ rempli à la génération", None,
     {"fo:background-color": "#fff2cc", "fo:border": THIN, "style:vertical-align": "top", "fo:padding": "0.06cm"},
     {"fo:text-align": "start"}, {}),
    ("CartoIA_ChampDate", "Carto IA – Date de génération", "N_Date",
     {"fo:background-color": "#fff2cc", "fo:border": THIN, "style:vertical-align": "top", "fo:padding": "0.06cm",
      "style:text-align-source": "fix"},
     {"fo:text-align": "start"}, {}),
    ("CartoIA_Alerte", "Carto IA – Avertissement", None,
     {"fo:background-color": ORANGE_LIGHT, "fo:border": BOX, "fo:wrap-option": "wrap",
      "style:vertical-align": "middle", "fo:padding": "0.15cm"}, {},
     {"fo:font-weight": "bold", "fo:color": "#843c0c"}),
    # Text that appears only when needed (empty otherwise): no box around an empty cell.
    ("CartoIA_Info", "Carto IA – Information (si besoin)", None,
     {"fo:wrap-option": "wrap", "style:vertical-align": "top", "fo:padding": "0.06cm"}, {},
     {"fo:font-weight": "bold", "fo:color": "#843c0c"}),
    ("CartoIA_AlerteG", "Carto IA – Avertissement (gauche)", None,
     {"fo:background-color": ORANGE_LIGHT, "fo:border-left": BOX, "fo:border-top": BOX, "fo:border-bottom": BOX,
      "fo:border-right": "none", "fo:wrap-option": "wrap", "style:vertical-align": "middle", "fo:padding": "0.15cm"},
     {}, {"fo:font-size": "11pt", "fo:font-weight": "bold", "fo:color": "#843c0c"}),
    ("CartoIA_AlerteD", "Carto IA – Avertissement (droite)", None,
     {"fo:background-color": ORANGE_LIGHT, "fo:border-right": BOX, "fo:border-top": BOX, "fo:border-bottom": BOX,
      "fo:border-left": "none", "fo:wrap-option": "wrap", "style:vertical-align": "middle", "fo:padding": "0.15cm"},
     {}, {"fo:color": "#843c0c"}),
    _header_style("CartoIA_Entete", "Carto IA – En-tête (calculé)", BLUE, "center"),
    _header_style("CartoIA_EnteteG", "Carto IA – En-tête aligné à gauche", BLUE, "start"),
    _header_style("CartoIA_EnteteVertical", "Carto IA – En-tête vertical (colonnes étroites)", BLUE, "center",
                  rotation=90),
    _header_style("CartoIA_EnteteSaisie", "Carto IA – En-tête (données saisies)", GOLD, "center"),
    _header_style("CartoIA_Entete2", "Carto IA – En-tête (tâches)", GREEN, "center"),
    ("CartoIA_Groupe", "Carto IA – Groupe de colonnes", None,
     {"fo:background-color": BLUE_LIGHT, "fo:border": THIN, "style:vertical-align": "middle",
      "style:text-align-source": "fix"}, {"fo:text-align": "center"},
     {"fo:font-weight": "bold", "fo:color": BLUE}),
    ("CartoIA_Groupe2", "Carto IA – Groupe de colonnes (tâches)", None,
     {"fo:background-color": GREEN_LIGHT, "fo:border": THIN, "style:vertical-align": "middle",
      "style:text-align-source": "fix"}, {"fo:text-align": "center"},
     {"fo:font-weight": "bold", "fo:color": GREEN}),
    ("CartoIA_Tableau", "Carto IA – Cellule de tableau", None,
     {"fo:border": THIN, "fo:wrap-option": "wrap", "style:vertical-align": "middle", "fo:padding": "0.06cm"}, {}, {}),
    ("CartoIA_TableauFort", "Carto IA – Cellule de tableau (gras)", None,
     {"fo:border": THIN, "fo:wrap-option": "wrap", "style:vertical-align": "middle", "fo:padding": "0.06cm"}, {},
     {"fo:font-weight": "bold"}),
    ("CartoIA_Code", "Carto IA – Code ISCO", None,
     {"style:text-align-source": "fix"}, {"fo:text-align": "center"}, {}),
    ("CartoIA_CodeSaisie", "Carto IA – Code ISCO saisi (texte)", "N_Texte",
     {"style:text-align-source": "fix", "style:vertical-align": "top"}, {"fo:text-align": "center"}, {}),
    ("CartoIA_Entier", "Carto IA – Entier", "N_Entier", {}, {}, {}),
    ("CartoIA_Score", "Carto IA – Score (0,00)", "N_Score", {}, {}, {}),
    ("CartoIA_ETP", "Carto IA – ETP", "N_ETP", {}, {}, {}),
    ("CartoIA_Euro", "Carto IA – Montant en euros", "N_Euro", {}, {}, {}),
    ("CartoIA_EuroT", "Carto IA – Montant en euros (tableau)", "N_Euro",
     {"fo:border": THIN, "style:vertical-align": "middle", "fo:padding": "0.06cm"}, {}, {}),
    ("CartoIA_Pourcent", "Carto IA – Pourcentage", "N_Pourcent", {}, {}, {}),
    ("CartoIA_NombreT", "Carto IA – Nombre (tableau)", "N_Entier",
     {"fo:border": THIN, "style:vertical-align": "middle", "fo:padding": "0.06cm"}, {}, {}),
    ("CartoIA_NombreTF", "Carto IA – Nombre (tableau, gras)", "N_Entier",
     {"fo:border": THIN, "style:vertical-align": "middle", "fo:padding": "0.06cm"}, {}, {"fo:font-weight": "bold"}),
    ("CartoIA_ETPT", "Carto IA – ETP (tableau)", "N_ETP",
     {"fo:border": THIN, "style:vertical-align": "middle", "fo:padding": "0.06cm"}, {}, {}),
    ("CartoIA_ETPTF", "Carto IA – ETP (tableau, gras)", "N_ETP",
     {"fo:border": THIN, "style:vertical-align": "middle", "fo:padding": "0.06cm"}, {}, {"fo:font-weight": "bold"}),
    ("CartoIA_PourcentT", "Carto IA – Pourcentage (tableau)", "N_Pourcent1",
     {"fo:border": THIN, "style:vertical-align": "middle", "fo:padding": "0.06cm"}, {}, {}),
    ("CartoIA_PourcentTF", "Carto IA – Pourcentage (tableau, gras)", "N_Pourcent1",
     {"fo:border": THIN, "style:vertical-align": "middle", "fo:padding": "0.06cm"}, {}, {"fo:font-weight": "bold"}),
    ("CartoIA_ScoreT", "Carto IA – Score (tableau)", "N_Score",
     {"fo:border": THIN, "style:vertical-align": "middle", "fo:padding": "0.06cm"}, {}, {}),
    ("CartoIA_ChiffreCle", "Carto IA – Chiffre clé", "N_Entier",
     {"fo:border": BOX, "fo:background-color": ORANGE_LIGHT, "style:vertical-align": "middle"}, {},
     {"fo:font-size": "13pt", "fo:font-weight": "bold", "fo:color": "#843c0c"}),
    ("CartoIA_ChiffreCleETP", "Carto IA – Chiffre clé (ETP)", "N_ETP",
     {"fo:border": BOX, "fo:background-color": ORANGE_LIGHT, "style:vertical-align": "middle"}, {},
     {"fo:font-size": "13pt", "fo:font-weight": "bold", "fo:color": "#843c0c"}),
    ("CartoIA_ChiffreClePct", "Carto IA – Chiffre clé (part)", "N_Pourcent",
     {"fo:border": BOX, "fo:background-color": ORANGE_LIGHT, "style:vertical-align": "middle"}, {},
     {"fo:font-size": "13pt", "fo:font-weight": "bold", "fo:color": "#843c0c"}),
]


def _attrs(d):
    return "".join(f" {k}={quoteattr(v)}" for k, v in d.items())


def _cell_style_xml(name_, display, data_style, cell, para, text):
    ds = f' style:data-style-name="{data_style}"' if data_style else ""
    # No style:display-name: the API (and the generation service) then sees the same ASCII name.
    out = [f'  <style:style style:name="{name_}" style:family="table-cell"'
           f' style:parent-style-name="Default"{ds}>\n']
    if cell:
        out.append(f"   <style:table-cell-properties{_attrs(cell)}/>\n")
    if para:
        out.append(f"   <style:paragraph-properties{_attrs(para)}/>\n")
    if text:
        t = dict(text)
        for k in ("fo:font-weight", "fo:font-style", "fo:font-size"):  # same for Asian/complex scripts
            if k in text:
                base = k.split(":")[1]
                t[f"style:{base}-asian"] = text[k]
                t[f"style:{base}-complex"] = text[k]
        out.append(f"   <style:text-properties{_attrs(t)}/>\n")
    out.append("  </style:style>\n")
    return "".join(out)


def _styles_xml():
    out = [" <office:styles>\n", NUMBER_STYLES,
           '  <style:default-style style:family="table-cell">\n'
           '   <style:paragraph-properties style:tab-stop-distance="1.25cm"/>\n'
           '   <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:language="fr"'
           ' fo:country="FR" style:font-size-asian="10pt" style:font-size-complex="10pt"/>\n'
           "  </style:default-style>\n",
           '  <style:style style:name="Default" style:family="table-cell"/>\n']
    for st in CELL_STYLES:
        out.append(_cell_style_xml(*st))
    out.append(" </office:styles>\n")
    return "".join(out)


class Auto:
    """Automatic column and row styles, named in order of first use."""

    def __init__(self):
        self.cols, self.rows = {}, {}

    def col(self, w):
        key = f"{w:.2f}"
        if key not in self.cols:
            self.cols[key] = f"co{len(self.cols) + 1}"
        return self.cols[key]

    def row(self, h, page_break=False):
        key = ("auto" if h is None else f"{h:.2f}", page_break)
        if key not in self.rows:
            self.rows[key] = f"ro{len(self.rows) + 1}"
        return self.rows[key]

    def xml(self, sheets):
        out = []
        for key, n in self.cols.items():
            out.append(f'  <style:style style:name="{n}" style:family="table-column"><style:table-column-properties'
                       f' fo:break-before="auto" style:column-width="{key}cm"/></style:style>\n')
        for (key, page_break), n in self.rows.items():
            if key == "auto":
                props = 'style:row-height="0.45cm" style:use-optimal-row-height="true"'
            else:
                props = f'style:row-height="{key}cm" style:use-optimal-row-height="false"'
            brk = "page" if page_break else "auto"
            out.append(f'  <style:style style:name="{n}" style:family="table-row"><style:table-row-properties'
                       f' {props} fo:break-before="{brk}"/></style:style>\n')
        for i, s in enumerate(sheets):
            tab = f' tableooo:tab-color="{s.tab_color}"' if s.tab_color else ""
            out.append(f'  <style:style style:name="ta{i + 1}" style:family="table" style:master-page-name="{s.page}">'
                       f'<style:table-properties table:display="true" style:writing-mode="lr-tb"{tab}/>'
                       f"</style:style>\n")
        return "".join(out)


# Page styles: "Default" (A4 landscape, fit to the page width, as many pages down as needed) for
# every sheet, and "CartoIA_UnePage" (the whole sheet on one page) for Synthèse.
# (master page, layout, pages down, portrait)
PAGE_STYLES = [("Default", "pm1", 0, False), ("CartoIA_UnePage", "pm2", 1, False), ("CartoIA_Portrait", "pm3", 1, True),
               ("CartoIA_DeuxPages", "pm4", 2, False)]


def _page_layouts_xml():
    out = []
    for _, layout, down, portrait in PAGE_STYLES:
        w, h, o = ("21cm", "29.7cm", "portrait") if portrait else ("29.7cm", "21cm", "landscape")
        out.append(
            f'  <style:page-layout style:name="{layout}">\n'
            f'   <style:page-layout-properties fo:page-width="{w}" fo:page-height="{h}" style:num-format="1"'
            f' style:print-orientation="{o}" fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1cm"'
            ' fo:margin-right="1cm" style:print-page-order="ttb" style:first-page-number="continue"'
            f' style:scale-to-X="1" style:scale-to-Y="{down}" style:print="charts drawings objects zero-values"'
            ' style:writing-mode="lr-tb"/>\n'
            '   <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-left="0cm"'
            ' fo:margin-right="0cm" fo:margin-bottom="0.25cm"/></style:header-style>\n'
            '   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-left="0cm"'
            ' fo:margin-right="0cm" fo:margin-top="0.25cm"/></style:footer-style>\n'
            "  </style:page-layout>\n")
    return "".join(out)


NBSP = "\u00a0"


def _master_pages_xml():
    out = [" <office:master-styles>\n"]
    for master, layout, _, _ in PAGE_STYLES:
        out.append(
            f'  <style:master-page style:name="{master}" style:page-layout-name="{layout}">\n'
            "   <style:header>\n"
            f"    <style:region-left><text:p>{escape(TITLE)}</text:p></style:region-left>\n"
            "    <style:region-right><text:p><text:sheet-name>???</text:sheet-name></text:p></style:region-right>\n"
            "   </style:header>\n"
            '   <style:header-left style:display="false"/>\n'
            "   <style:footer>\n"
            f"    <style:region-left><text:p>{escape(CAVEAT_SHORT.replace(' :', NBSP + ':'))}</text:p>"
            "</style:region-left>\n"
            "    <style:region-right><text:p>Page <text:page-number>1</text:page-number> / "
            "<text:page-count>1</text:page-count></text:p></style:region-right>\n"
            "   </style:footer>\n"
            '   <style:footer-left style:display="false"/>\n'
            "  </style:master-page>\n")
    out.append(" </office:master-styles>\n")
    return "".join(out)


def typo(s):
    """French typography: no line break inside « … » nor before : ; ? ! %."""
    for a, b in (("« ", "«\u00a0"), (" »", "\u00a0»"), (" :", "\u00a0:"), (" ;", "\u00a0;"), (" ?", "\u00a0?"),
                 (" !", "\u00a0!"), (" %", "\u00a0%")):
        s = s.replace(a, b)
    return s


def _cell_xml(c):
    if c is None:
        return "<table:table-cell/>"
    a = ""
    if c.style:
        a += f' table:style-name="{c.style}"'
    if c.span > 1:
        a += f' table:number-columns-spanned="{c.span}" table:number-rows-spanned="1"'
    if c.formula:
        a += f" table:formula={quoteattr('of:=' + c.formula)}"
    inner = ""
    if c.note:
        inner += (f'<office:annotation office:display="false"><text:p>{escape(typo(c.note))}</text:p>'
                  f"</office:annotation>")
    if c.value is not None:
        a += f' office:value-type="float" office:value="{c.value}" calcext:value-type="float"'
        inner += f"<text:p>{str(c.value).replace('.', ',')}</text:p>"
    if c.text is not None:
        a += ' office:value-type="string" calcext:value-type="string"'
        inner += "".join(f"<text:p>{escape(typo(p))}</text:p>" for p in c.text.split("\n"))
    xml = f"<table:table-cell{a}>{inner}</table:table-cell>" if inner else f"<table:table-cell{a}/>"
    if c.span > 1:
        xml += "<table:covered-table-cell/>" * (c.span - 1)
    return xml


def _table_xml(index, s, auto):
    out = [f'  <table:table table:name={quoteattr(s.name)} table:style-name="ta{index + 1}">\n']
    for w, st in s.columns:
        d = f' table:default-cell-style-name="{st}"' if st else ""
        out.append(f'   <table:table-column table:style-name="{auto.col(w)}"{d}/>\n')
    for i, ((h, page_break), cells) in enumerate(s.rows):
        r = i + 1
        if s.header_rows and r == s.header_rows[0]:
            out.append("   <table:table-header-rows>\n")
        out.append(f'    <table:table-row table:style-name="{auto.row(h, page_break)}">' + "".join(_cell_xml(c) for c in cells)
                   + "</table:table-row>\n")
        if s.header_rows and r == s.header_rows[1]:
            out.append("   </table:table-header-rows>\n")
    if any(st for _, st in s.columns):
        # Rows not written in the file would not get the columns' default cell styles (number
        # formats of the data the service writes): cover the rest of the sheet with empty rows.
        out.append(f'    <table:table-row table:style-name="{auto.row(None)}"'
                   f' table:number-rows-repeated="{MAX_ROW - len(s.rows)}">'
                   f'<table:table-cell table:number-columns-repeated="{len(s.columns)}"/></table:table-row>\n')
    out.append("  </table:table>\n")
    return "".join(out)


def _settings_xml(sheets):
    def item(n, t, v):
        return f'       <config:config-item config:name="{n}" config:type="{t}">{v}</config:config-item>\n'

    out = [" <office:settings>\n",
           '  <config:config-item-set config:name="ooo:view-settings">\n',
           '   <config:config-item-map-indexed config:name="Views">\n',
           "    <config:config-item-map-entry>\n",
           '     <config:config-item config:name="ViewId" config:type="string">view1</config:config-item>\n',
           '     <config:config-item-map-named config:name="Tables">\n']
    for s in sheets:
        fc, fr = s.freeze
        out.append(f"      <config:config-item-map-entry config:name={quoteattr(s.name)}>\n")
        out.append(item("CursorPositionX", "int", fc))
        out.append(item("CursorPositionY", "int", fr))
        out.append(item("HorizontalSplitMode", "short", 2 if fc else 0))
        out.append(item("VerticalSplitMode", "short", 2 if fr else 0))
        out.append(item("HorizontalSplitPosition", "int", fc))
        out.append(item("VerticalSplitPosition", "int", fr))
        out.append(item("ActiveSplitRange", "short", 3 if (fc and fr) else (2 if fr else (1 if fc else 0))))
        out.append(item("PositionLeft", "int", 0))
        out.append(item("PositionRight", "int", fc))
        out.append(item("PositionTop", "int", 0))
        out.append(item("PositionBottom", "int", fr))
        out.append(item("ShowGrid", "boolean", "true" if s.grid else "false"))
        out.append("      </config:config-item-map-entry>\n")
    out += ["     </config:config-item-map-named>\n",
            '     <config:config-item config:name="ActiveTable" config:type="string">'
            f"{escape(sheets[0].name)}</config:config-item>\n",
            "    </config:config-item-map-entry>\n",
            "   </config:config-item-map-indexed>\n",
            "  </config:config-item-set>\n",
            " </office:settings>\n"]
    return "".join(out)


def render():
    sheets = build_sheets()
    auto = Auto()
    tables = "".join(_table_xml(i, s, auto) for i, s in enumerate(sheets))  # registers automatic styles
    ns = "\n".join(f' xmlns:{k}="{v}"' for k, v in NS.items())
    named = "".join(
        f'   <table:named-range table:name="{n}" table:base-cell-address={quoteattr(addr.split(":")[0])}'
        f" table:cell-range-address={quoteattr(addr)}/>\n" for n, (addr, _) in sorted(NAMES.items()))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<!-- Generated by templates/make_template.py: edit that script and re-run it. -->\n"
        f'<office:document{ns}\n office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
        " <office:meta>\n"
        f"  <dc:title>{escape(TITLE)}</dc:title>\n"
        "  <dc:description>Modèle de classeur de l'extension Carto IA Métiers. " + escape(CAVEAT_SHORT) + ".</dc:description>\n"
        "  <dc:language>fr-FR</dc:language>\n"
        " </office:meta>\n"
        + _settings_xml(sheets)
        + ' <office:font-face-decls>\n  <style:font-face style:name="Liberation Sans" svg:font-family="\'Liberation Sans\'"'
          ' style:font-family-generic="swiss" style:font-pitch="variable"/>\n </office:font-face-decls>\n'
        + _styles_xml()
        + " <office:automatic-styles>\n" + auto.xml(sheets) + _page_layouts_xml() + " </office:automatic-styles>\n"
        + _master_pages_xml()
        + " <office:body>\n  <office:spreadsheet>\n"
        '   <table:calculation-settings table:case-sensitive="false" table:search-criteria-must-apply-to-whole-cell="true"'
        ' table:automatic-find-labels="false" table:use-regular-expressions="false" table:use-wildcards="false"/>\n'
        + tables
        + "   <table:named-expressions>\n" + named + "   </table:named-expressions>\n"
        "  </office:spreadsheet>\n </office:body>\n</office:document>\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default=os.path.join(here, "cartographie-ia.fods"))
    args = ap.parse_args()
    text = render()
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"{args.output}: {len(NAMES)} named ranges")


if __name__ == "__main__":
    main()
