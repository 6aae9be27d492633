#!/bin/bash
# The main job (README): installs what is missing, builds, then generates the sample commune's
# cartography workbook with the command-line tool (headless LibreOffice, private profile with the
# extension installed, formulas evaluated): out/commune-temoin.ods and out/commune-temoin.pdf
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
mkdir -p out
build/src/cli/carto-ia generate samples/commune-temoin/tableau-des-effectifs.csv \
  -o out/commune-temoin.ods --pdf out/commune-temoin.pdf \
  --oxt build/carto-ia-metiers.oxt --profile build/cli-profile --force
