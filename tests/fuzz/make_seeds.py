#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
"""Regenerates the seed corpora under tests/fuzz/corpus/ (deterministic; standard library only).

Staff tables come from samples/commune-temoin/tableau-des-effectifs.csv (fictitious data), in
several sizes, separators and encodings; titles from tests/eval/staff_titles.csv and the sample.
Run from anywhere: python3 tests/fuzz/make_seeds.py
"""
import csv
import io
import os
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")


def write(harness, name, data):
    d = os.path.join(CORPUS, harness)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read_sample():
    with open(os.path.join(ROOT, "samples/commune-temoin/tableau-des-effectifs.csv"), encoding="utf-8") as f:
        return f.read().splitlines()


def staff(lines):
    header, rows = lines[0], lines[1:]

    def table(n, sep=";", eol="\n", start=0):
        out = [header] + rows[start:start + n]
        if sep != ";":
            out = [l.replace(";", sep) for l in out]
        return eol.join(out) + eol

    write("staff_table", "tiny-header-only.csv", header + "\n")
    write("staff_table", "small-5-rows.csv", table(5))
    write("staff_table", "small-bom-crlf.csv", "\ufeff" + table(8, eol="\r\n", start=100))
    write("staff_table", "small-comma.csv", table(10, sep=",", start=200))
    write("staff_table", "small-tab.csv", table(10, sep="\t", start=300))
    write("staff_table", "medium-100-rows.csv", table(100, start=400))
    big = table(470)
    assert len(big.encode("utf-8")) >= 64 * 1024, len(big.encode("utf-8"))
    write("staff_table", "large-470-rows.csv", big)  # >= 64 KB
    write("staff_table", "windows-1252-250-rows.csv", table(250, start=500).encode("cp1252"))
    write("staff_table", "utf16le-bom-120-rows.csv", b"\xff\xfe" + table(120, sep="\t", eol="\r\n", start=750).encode("utf-16-le"))
    write("staff_table", "utf16be-bom-20-rows.csv", b"\xfe\xff" + table(20, start=900).encode("utf-16-be"))
    invalid = bytearray(table(50, start=600).encode("utf-8"))
    for pos, junk in ((300, b"\xc3\x28"), (2000, b"\xff"), (5000, b"\xe2\x82"), (7000, b"\x80\x80")):
        invalid[pos:pos] = junk
    write("staff_table", "invalid-utf8-50-rows.csv", bytes(invalid))

    # Another export: preamble, synonyms for every column, ETP, catégorie and cost in every form,
    # quoted cells with separators and line breaks, a duplicate column, a total line.
    write("staff_table", "variants-preamble-total.csv", "\n".join([
        "Commune de Témoin — tableau des effectifs au 1er janvier 2024;;;;;;;;;",
        ";;;;;;;;;",
        "N° de poste;Libellé du poste;Emploi type;Cat.;Filière;Pôle;Unité;Quotité;Grade;Filière;Coût chargé",
        "12;Agent d'accueil H/F;Agent d'accueil;C;administrative;Population;Accueil;80 %;Adjoint administratif;x;29\u202f600\u00a0€",
        "13;\"Chargée de communication; web\";Chargé de communication;cat. B;administrative;DG;Communication;28/35;Rédacteur;x;\"36 400,50 €\"",
        "14;\"Policier municipal\nbrigade de nuit\";Policier municipal;Catégorie C;police;Sécurité;Police;17h30;Gardien-brigadier;x;19.800",
        "15;ATSEM;Agent spécialisé des écoles maternelles;C1;sociale;Éducation;Écoles;temps complet;ATSEM principal;x;37 250 EUR",
        "16;Adj. tech. espaces verts;Jardinier;hors catégorie;technique;Cadre de vie;Espaces verts;0,5;;x;17,5 k€",
        "17;;;A+;;;;150;;;-1 200",
        "18;Directrice générale des services;DGS;A;administrative;DG;;1.0;Attachée hors classe;x;112.400,00;en trop",
        "19;Agent;Agent;C;technique;DST;Voirie;1;;x;32,500",
        "Total;;;;;;;6,8;;;285 150",
    ]) + "\n")
    write("staff_table", "sep-line-comma.csv",
          "sep=,\r\nIntitulé,Métier,Catégorie,Direction,Service,Temps de travail\r\n"
          "\"Agent d'entretien, écoles\",Agent d'entretien,C,Éducation,Écoles,\"0,8\"\r\n"
          "Éducatrice de jeunes enfants,EJE,A,Petite enfance,Crèche,100\r\n")
    write("staff_table", "no-header.csv", "\n".join(rows[10:40]) + "\n")
    write("staff_table", "unclosed-quote.csv", table(5, start=50) + "P9999;\"Agent non refermé;Métier;C;technique;DST;Voirie;1\n" + "\n".join(rows[60:70]) + "\n")


def csv_seeds(lines):
    write("csv", "semicolon-sample", ";" + "\n".join(lines[:30]) + "\n")
    for name, rel, sep in (("isco", "data/isco/isco08_structure_en_fr.csv", ","),
                           ("ilo", "data/ilo/ilo_genai_occupation_scores.csv", ","),
                           ("sigles", "data/referentiel/sigles.csv", ","),
                           ("grades", "data/referentiel/grades.csv", ",")):
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            head = "".join(f.readline() for _ in range(8))
        write("csv", name, sep + head)
    write("csv", "quotes", ',a,"b,c","d""e",\'f\n"multi\nline",,"",x"y\r\n\r\n"open')
    write("csv", "bom-crlf", ";\ufeffa;b;c\r\n1;2;3\r\n;;\r\n")
    write("csv", "tab", "\ta\tb\n\"c\td\"\te\n")
    write("csv", "pipe", "|a|b\n\"|\"|\"\"\n")
    write("csv", "empty-lines", ",\n\n\n,\n")


def title_seeds():
    titles = []
    with open(os.path.join(ROOT, "tests/eval/staff_titles.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            titles.append(row["title"])
    picked = titles[::10][:30]
    picked += ["Policier municipal", "POLICIERE MUNICIPALE", "Assistant(e) de gestion RH H/F", "Chargée d'accueil",
               "Adjoint administratif - accueil", "Adj. tech. ppal 2e cl.", "ATSEM", "Agt EV", "Resp. service",
               "Éducateur·rice de jeunes enfants", "Directeur/rice", "jardinnier", "xxxx", "H/F", "12345", ""]
    for i, t in enumerate(picked):
        write("title_matcher", "title-%02d" % i, t)
    for i, t in enumerate(["Agent d'accueil\t4226", "Jardinier\t6113", "Chef\t 0110 ", "Adjoint administratif\t41"]):
        write("title_matcher", "override-%02d" % i, t)


def isco_seeds():
    for i, t in enumerate(["4110", " 0110 ", "0110", "110", "41", "4", "0", "", "   ", "9629", "1120", "abc",
                           "12345", "4110.0", "-4110", "4,110", "\u00a04110\u00a0", "1e3", "2023", "2025",
                           "moyenne", "écart-type", "Catégorie EN", "Not Exposed", "The Big Uknown",
                           "Exposed: Gradient 3"]):
        write("isco_code", "code-%02d" % i, t)
    write("isco_code", "double-4110", struct.pack("<d", 4110.0))
    write("isco_code", "double-110", struct.pack("<d", 110.0))
    write("isco_code", "double-41.5", struct.pack("<d", 41.5))


def main():
    for h in ("staff_table", "csv", "title_matcher", "isco_code"):
        shutil.rmtree(os.path.join(CORPUS, h), ignore_errors=True)
    lines = read_sample()
    staff(lines)
    csv_seeds(lines)
    title_seeds()
    isco_seeds()


if __name__ == "__main__":
    main()
