#!/bin/bash
# SPDX-License-Identifier: MPL-2.0
# Builds the libFuzzer harnesses (clang++, ASan + UBSan) into build-fuzz and runs each one for a
# bounded time on a temporary copy of its seed corpus (tests/fuzz/corpus is never written).
#
#   scripts/run-fuzz.sh [SECONDS] [HARNESS...]     HARNESS: staff_table csv title_matcher isco_code
#
# Environment: FUZZ_SECONDS (default 20, per harness; the argument wins), FUZZ_BUILD_DIR (build-fuzz),
# CXX_FUZZ (clang++), FUZZ_JOBS (build parallelism), FUZZ_TIMEOUT (seconds for one input, 60),
# FUZZ_KEEP=1 keeps the grown corpora (path printed), FUZZ_ARGS: more libFuzzer flags (they win).
# Crashes, timeouts and OOMs are saved under $FUZZ_BUILD_DIR/artifacts/<harness>/. Exit status: 0 all clean, 1 a harness failed, 2 build failed.
# Needs (Debian 12): clang libclang-rt-14-dev cmake libicu-dev nlohmann-json3-dev; llvm for symbolised stacks.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${FUZZ_SECONDS:-20}
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
all=(staff_table csv title_matcher isco_code)
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${all[@]}")

build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
cxx=${CXX_FUZZ:-clang++}
jobs=${FUZZ_JOBS:-$(nproc)}
timeout_s=${FUZZ_TIMEOUT:-60}

# -max_len per harness (the staff reader must reach large tables; the add-in caps titles and codes
# at 1000 characters).
declare -A max_len=([staff_table]=262144 [csv]=65536 [title_matcher]=4096 [isco_code]=1024)
# The staff reader's seeds are up to 72 KB: start mutations at full length instead of growing slowly.
declare -A extra=([staff_table]="-len_control=0" [csv]="" [title_matcher]="" [isco_code]="")

for h in "${harnesses[@]}"; do
  [ -n "${max_len[$h]+x}" ] || { echo "run-fuzz: unknown harness '$h' (one of: ${all[*]})" >&2; exit 2; }
done
if ! command -v "$cxx" >/dev/null; then
  echo "run-fuzz: $cxx not found — apt-get install clang libclang-rt-14-dev" >&2
  exit 2
fi

# ---- configure and build ----
mkdir -p "$build"
echo "run-fuzz: configuring $build with $cxx"
if ! cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release \
      -DCARTOIA_FUZZ=ON -DCARTOIA_BUILD_EXTENSION=OFF -DCARTOIA_BUILD_TESTS=OFF -DCARTOIA_BUILD_BENCH=OFF \
      >"$build/run-fuzz-configure.log" 2>&1; then
  cat "$build/run-fuzz-configure.log" >&2
  echo "run-fuzz: configure FAILED" >&2
  exit 2
fi
targets=(cartoia-data)
for h in "${harnesses[@]}"; do targets+=("fuzz_$h"); done
echo "run-fuzz: building ${targets[*]}"
if ! cmake --build "$build" -j "$jobs" --target "${targets[@]}" >"$build/run-fuzz-build.log" 2>&1; then
  tail -n 60 "$build/run-fuzz-build.log" >&2
  echo "run-fuzz: build FAILED (full log: $build/run-fuzz-build.log)" >&2
  exit 2
fi

# ---- run ----
export CARTOIA_DATA_FILE=${CARTOIA_DATA_FILE:-$build/data/cartoia-data.json}
for s in llvm-symbolizer llvm-symbolizer-14 /usr/lib/llvm-14/bin/llvm-symbolizer; do
  if command -v "$s" >/dev/null; then
    export ASAN_SYMBOLIZER_PATH=$(command -v "$s")
    break
  fi
done
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

work=$(mktemp -d "${TMPDIR:-/tmp}/cartoia-fuzz.XXXXXX")
if [ "${FUZZ_KEEP:-0}" != 1 ]; then
  trap 'rm -rf "$work"' EXIT
fi

failed=()
summary=()
for h in "${harnesses[@]}"; do
  corpus="$work/$h"
  mkdir -p "$corpus" "$build/artifacts/$h"
  cp -r "$root/tests/fuzz/corpus/$h/." "$corpus/"
  dict=()
  [ -f "$root/tests/fuzz/dict/$h.dict" ] && dict=(-dict="$root/tests/fuzz/dict/$h.dict")
  log="$work/$h.log"
  echo "run-fuzz: $h for ${seconds}s (max_len ${max_len[$h]})"
  # shellcheck disable=SC2086
  "$build/tests/fuzz/fuzz_$h" "$corpus" "${dict[@]}" -max_len="${max_len[$h]}" ${extra[$h]} \
      -rss_limit_mb=2048 -timeout="$timeout_s" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$h/" ${FUZZ_ARGS:-} >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  start_cov=$(grep -m1 -E '#[0-9]+[[:space:]]+INITED' "$log" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
  end_cov=$(grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -n 1 | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
  end_ft=$(grep -E '^#[0-9]+' "$log" | grep 'ft:' | tail -n 1 | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
  files=$(find "$corpus" -type f | wc -l)
  largest=$(find "$corpus" -type f -printf '%s\n' | sort -n | tail -n 1)
  status=ok
  if [ $rc -ne 0 ]; then
    status="FAILED (exit $rc)"
    failed+=("$h")
    echo "---- $h: last lines of the log ----"
    # The error, the first frames of its stack, the summary and where the input was saved.
    awk '/ERROR|FUZZ INVARIANT|runtime error|deadly signal|uncaught exception|terminate called/ { print; err = 1; next }
         err == 1 && /^ +#[0-9]+ / && frames < 12 { print; frames++; next }
         err == 1 && frames > 0 && !/^ +#[0-9]+ / { err = 2 }
         /SUMMARY|Test unit written|^artifact_prefix/ { print }' "$log" | cut -c1-220 | head -n 40
    cp "$log" "$build/artifacts/$h/last-run.log"
    echo "---- full log: $build/artifacts/$h/last-run.log"
  fi
  line=$(printf '%-14s %-16s execs %-10s cov %s -> %s (ft %s)  corpus %s files, largest %s bytes' \
    "$h" "$status" "${execs:-?}" "${start_cov:-?}" "${end_cov:-?}" "${end_ft:-?}" "$files" "${largest:-0}")
  echo "run-fuzz: $line"
  summary+=("$line")
done

echo
echo "run-fuzz summary (${seconds}s per harness):"
printf '  %s\n' "${summary[@]}"
[ "${FUZZ_KEEP:-0}" = 1 ] && echo "  grown corpora kept in $work"
if [ ${#failed[@]} -gt 0 ]; then
  echo "run-fuzz: FAILED: ${failed[*]} — reproducers in $build/artifacts/" >&2
  exit 1
fi
echo "run-fuzz: all harnesses clean"
