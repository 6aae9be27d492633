#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
"""Regenerates the libFuzzer dictionaries in tests/fuzz/dict/ (non-ASCII bytes written as \\xNN)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def escape(b):
    out = ""
    for c in b:
        if c in (0x22, 0x5C) or c < 0x20 or c >= 0x7F:
            out += "\\x%02X" % c
        else:
            out += chr(c)
    return out


def write(name, comment, entries):
    seen, lines = set(), ["# " + comment]
    for e in entries:
        for b in ([e.encode("utf-8")] + ([e.encode("cp1252")] if any(ord(c) > 127 for c in e) and name == "staff_table" else [])) if isinstance(e, str) else [e]:
            if b and b not in seen:
                seen.add(b)
                lines.append('"%s"' % escape(b))
    with open(os.path.join(HERE, "dict", name + ".dict"), "w") as f:
        f.write("\n".join(lines) + "\n")


HEADER_WORDS = ["Intitulé du poste", "Intitulé", "Libellé du poste", "Libellé", "Poste occupé", "Fonction",
                "Désignation du poste", "Métier", "Métier CNFPT", "Emploi type", "Intitulé du métier", "Catégorie",
                "Cat.", "Catégorie statutaire", "Catégorie hiérarchique", "Filière", "Direction", "Pôle", "DGA",
                "Direction générale adjointe", "Département", "Service", "Unité", "Unité de travail",
                "Service d'affectation", "Affectation", "ETP", "Quotité", "Temps de travail", "Taux d'emploi",
                "Équivalent temps plein", "Taux d'activité", "Quotité de travail", "Matricule", "Identifiant", "Id",
                "N° de poste", "No poste", "Numéro de poste", "Code poste", "Référence du poste", "N° agent",
                "Grade", "Statut", "Date d'entrée dans le service", "Coût annuel chargé", "Coût annuel", "Coût",
                "Masse salariale", "Rémunération annuelle", "Traitement brut annuel", "Salaire annuel",
                "Coût employeur", "Budget du poste", "Montant annuel", "Coût mensuel", "Traitement indiciaire",
                "Salaire"]
VALUES = ["1", "0,8", "0.5", "80 %", "%", "100", "28/35", "/35", "ème", "17h30", "h", "temps complet", "temps plein",
          "TC", "A", "B", "C", "A+", "cat. B", "Catégorie C", "C1", "hors catégorie", "HC", "NC", "sans",
          "Total", "Sous-total", "H/F", "Agent d'accueil", "administrative", "technique", "Adjoint technique",
          "38 250", "32 500,50 €", "32.500,50", "1\u202f234\u202f567".encode("utf-8"), "1\u00a0234", "€", "EUR", "euros", "k€",
          "-", "\u2212".encode("utf-8"), "(500)", "32,500"]
SYNTAX = [";", ",", "\t", "|", "\"", "\"\"", "\n", "\r\n", "\r", "sep=;", "sep=,", "sep=\t", "\xa0", "’", "Œ", "€"]
BOMS = [b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF", b";\x00", b"\t\x00", b"\r\x00\n\x00", b"\x00;", b"\xC3\x28", b"\xFF"]

write("staff_table", "staff table reader: separators, quotes, BOMs, French headers (UTF-8 and Windows-1252), values",
      SYNTAX + BOMS + HEADER_WORDS + VALUES)
write("csv", "CSV reader: separators, quotes, line ends, BOM",
      [",", ";", "\t", "|", "\"", "\"\"", "\",\"", "\";\"", "\n", "\r\n", "\r", "\"\n", b"\xEF\xBB\xBF"])
write("title_matcher", "job titles: gender marks, abbreviations, context, grades, accents",
      ["H/F", "(e)", "·e", "·ère", "/rice", "-ne", " - ", "(", ")", "'", "’", "Adj.", "adj", "tech.", "ppal", "2e cl.",
       "principal", "Resp.", "Agt", "EV", "ATSEM", "DGS", "DGA", "RH", "Agent", "agente", "Chef", "Chargé", "chargée",
       "Directeur", "Directrice", "Responsable", "Assistant", "adjoint administratif", "rédacteur", "attaché",
       "technicien", "policier", "municipal", "jardinier", "accueil", "d'", "de", "des", "du", "é", "è", "ê", "ç",
       "Œ", "œ", "ß", "ﬁ", "\u00a0", "\u0301", "\t", "4110", "0110"])
write("isco_code", "ISCO codes, numbers, measures, editions, ILO labels",
      ["0", "1", "4", "41", "411", "4110", "0110", "110", "9629", " ", "\u00a0", ".", ",", "e", "-", "+", "2023", "2025",
       "mean", "moyenne", "écart-type", "sd", "catégorie", "category en", "niveau", "tâches", "max",
       "Not Exposed", "Minimal Exposure", "Exposed: Gradient ", "Not affected", "Augmentation Potential",
       "The Big Unknown", "The Big Uknown", "Automation Potential"])
