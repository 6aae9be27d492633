# SPDX-License-Identifier: MPL-2.0
"""The workbook's contract and the class each ISCO code should get, computed independently of the
workbook: from the ILO's published categories (data/ilo) and the contract's class rules."""
import csv
import functools
import json
import os

from lo_harness import SOURCE_DIR

with open(os.path.join(SOURCE_DIR, "templates", "workbook.json"), encoding="utf-8") as _f:
    CONTRACT = json.load(_f)
CLASSES = CONTRACT["classes"]["labels"]
UNCLASSED = CONTRACT["classes"]["unclassed"]
RULES = CONTRACT["classes"]["rules"]
LEVEL_2023 = {"Not affected": 0, "Augmentation Potential": 1, "The Big Unknown": 2, "Automation Potential": 3}
LEVEL_2025 = {"Not Exposed": 0, "Minimal Exposure": 1, "Exposed: Gradient 1": 2, "Exposed: Gradient 2": 3,
              "Exposed: Gradient 3": 4, "Exposed: Gradient 4": 5}


@functools.lru_cache(maxsize=None)
def ilo_levels():
    """ISCO code → {"2023": level, "2025": level}, from the ILO occupation scores."""
    with open(os.path.join(SOURCE_DIR, "data", "ilo", "ilo_genai_occupation_scores.csv"), encoding="utf-8") as f:
        return {r["isco08"]: {"2023": LEVEL_2023[r["category_2023"]], "2025": LEVEL_2025[r["category_2025"]]}
                for r in csv.DictReader(f)}


def expected_class(code, edition, rule=None):
    """The study class of a code under an edition's rule (the contract's, unless one is given)."""
    levels = ilo_levels().get(code)
    return CLASSES[(rule or RULES[edition])[levels[edition]]] if levels else UNCLASSED
