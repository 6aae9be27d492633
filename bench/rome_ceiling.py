#!/usr/bin/env python3
# SPDX-License-Identifier: MPL-2.0
"""How far can any title matcher go on held-out ROME appellations?

The expected code of an appellation is the ISCO group of the ESCO occupation France Travail linked
it to. Even told the appellation's ROME fiche (which a matcher must guess), choosing the code from
the other appellations of that fiche is right only this often; a matcher that does not know the
fiche cannot do better. Five random fifths, same idea as bench/eval_matcher.cpp (not the same split).

usage: bench/rome_ceiling.py [data/rome/rome4_appellation_esco_isco.csv]
"""
import collections
import csv
import random
import re
import sys
import unicodedata


def words(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return {w for w in re.findall(r"[a-z0-9]+", s) if len(w) > 2}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "data/rome/rome4_appellation_esco_isco.csv"
    rows = [r for r in csv.DictReader(open(path, encoding="utf-8")) if len(r["isco08"]) == 4]
    totals = collections.Counter()
    for fold in range(5):
        rnd = random.Random(fold)
        held = [r for r in rows if rnd.random() < 0.2]
        held_ids = {id(r) for r in held}
        by_fiche = collections.defaultdict(list)
        for r in rows:
            if id(r) not in held_ids:
                by_fiche[r["code_rome_v460"]].append(r)
        for r in held:
            totals["n"] += 1
            same = by_fiche.get(r["code_rome_v460"], [])
            if not same:
                continue
            codes = collections.Counter(t["isco08"] for t in same)
            totals["majority"] += codes.most_common(1)[0][0] == r["isco08"]
            totals["any"] += r["isco08"] in codes
            q = words(r["libelle_appellation_v460"])

            def jaccard(t):
                w = words(t["libelle_appellation_v460"])
                return len(q & w) / (len(q | w) or 1)

            totals["nearest"] += max(same, key=jaccard)["isco08"] == r["isco08"]
    n = totals["n"]
    print(f"held-out appellations (5 folds): {n}")
    print(f"fiche known, its majority code:            {100 * totals['majority'] / n:5.1f} %")
    print(f"fiche known, code of its nearest appellation: {100 * totals['nearest'] / n:5.1f} %")
    print(f"fiche known, code among the fiche's codes:  {100 * totals['any'] / n:5.1f} % (no single answer)")


if __name__ == "__main__":
    main()
