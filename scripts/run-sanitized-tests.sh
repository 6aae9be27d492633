#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# Builds the core and its GoogleTest suite with AddressSanitizer + UndefinedBehaviorSanitizer
# (CMake preset "sanitize", in build-sanitize or $SANITIZE_BUILD_DIR) and runs the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${SANITIZE_BUILD_DIR:-build-sanitize}
cmake --preset sanitize -B "$dir" > /dev/null
cmake --build "$dir" -j "${SANITIZE_JOBS:-$(nproc)}" --target cartoia-core-tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$dir/tests/cartoia-core-tests" --gtest_brief=1
