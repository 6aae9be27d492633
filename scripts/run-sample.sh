#!/bin/bash
# The main job (README): installs what is missing, builds, installs the extension into a private
# LibreOffice profile and produces the sample commune's workbook, formulas evaluated:
#   out/commune-temoin.ods and out/commune-temoin.pdf
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
mkdir -p out
/usr/bin/python3 scripts/sample_workbook.py \
  --oxt build/carto-ia-metiers.oxt \
  --staff samples/commune-temoin/tableau-des-effectifs.csv \
  --ods out/commune-temoin.ods --pdf out/commune-temoin.pdf
