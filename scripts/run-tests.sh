#!/bin/bash
# The test command (README, .ci/run): installs what is missing, builds, runs every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/install-deps.sh
bash scripts/build.sh
cd build
ctest --output-on-failure --timeout 900 -j 2
echo "run-tests: done in $(( $(date +%s) - start )) s"
