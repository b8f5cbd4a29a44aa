#!/usr/bin/env bash
# Runs every fuzz target in BUILD_DIR/fuzz for SECONDS each, one after the
# other, on its seed corpus (fuzz/corpus/<t>) and saved regressions
# (fuzz/regressions/<t>).  New inputs go to BUILD_DIR/corpus/<t> (never into
# the source tree), crashes to BUILD_DIR/artifacts/<t>/.  Exits non-zero if
# any target crashed or failed an invariant; prints one summary line per
# target (runs, exec/s, coverage).
# With FUZZ_FRESH=1 (make fuzz-smoke) new inputs go to a scratch
# BUILD_DIR/smoke-corpus/<t>, emptied first, so a short run costs the same
# however large the long runs' corpus has grown.
#   usage: fuzz/run_fuzzers.sh BUILD_DIR SECONDS [target...]
set -uo pipefail
build=${1:?build dir}
seconds=${2:?seconds per target}
shift 2
src=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$src"/*_fuzzer.cc; do
    t=$(basename "$f" _fuzzer.cc)
    targets+=("$t")
  done
fi
failed=()
for t in "${targets[@]}"; do
  bin="$build/fuzz/${t}_fuzzer"
  corpus="$build/corpus/$t"
  if [ "${FUZZ_FRESH:-0}" = 1 ]; then
    corpus="$build/smoke-corpus/$t"
    rm -rf "$corpus"
  fi
  artifacts="$build/artifacts/$t/"
  log="$build/logs/$t.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  dirs=("$corpus")
  for d in "$src/corpus/$t" "$src/regressions/$t"; do
    [ -d "$d" ] && dirs+=("$d")
  done
  "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "${dirs[@]}" \
    >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1)
  printf '%-14s %4ss  runs %-9s exec/s %-7s %s %s  rc %d\n' \
    "$t" "$seconds" "${runs:-?}" "${eps:-?}" "$cov" "$ft" "$rc"
  if [ $rc -ne 0 ]; then
    failed+=("$t")
    grep -E 'invariant violated|ERROR: |SUMMARY|Test unit written' "$log" | head -5
  fi
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (logs in $build/logs, inputs in $build/artifacts)"
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran ${seconds}s without a crash"
