#!/usr/bin/env bash
# Runs every libFuzzer target of a PRIVAUDIT_FUZZ build: first over its checked-in inputs
# (testdata/fuzz/<target>/: seeds and the inputs of fixed crashes, which must all pass), then
# fuzzing for SECONDS from those inputs. New interesting inputs go to BUILD/fuzz-corpus/<target>/,
# a crashing input to BUILD/fuzz-crashes/. Fails when any target fails; prints how to reproduce.
#
#   tests/fuzz/run_fuzzers.sh BUILD SECONDS [PARALLEL]     FUZZ_TARGETS="a b" to run only some
set -euo pipefail
cd "$(dirname "$0")/../.."

build=${1:?build folder}
seconds=${2:?seconds per target}
parallel=${3:-1}
list="$build/fuzz-targets.txt"
[ -f "$list" ] || { echo "run_fuzzers.sh: $list missing: build with -DPRIVAUDIT_FUZZ=ON" >&2; exit 2; }

mkdir -p "$build/fuzz-corpus" "$build/fuzz-crashes" "$build/fuzz-logs"

# One target: name and -max_len. Prints one line; the log is kept in BUILD/fuzz-logs/.
run_target() {
    local name=$1 max_len=$2
    local binary="$build/fuzz/$name" inputs="testdata/fuzz/$name" log="$build/fuzz-logs/$name.log"
    local options=(-max_len="$max_len" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1)
    if [ ! -d "$inputs" ] || [ -z "$(ls -A "$inputs")" ]; then
        echo "FAIL $name: no inputs in $inputs"
        return 1
    fi
    if ! "$binary" "${options[@]}" "$inputs"/* >"$log" 2>&1; then
        echo "FAIL $name: a checked-in input fails (log: $log)"
        grep -m3 -E 'ERROR|runtime error|Running: ' "$log" | tail -3
        return 1
    fi
    mkdir -p "$build/fuzz-corpus/$name"
    if ! "$binary" "${options[@]}" -max_total_time="$seconds" \
        -artifact_prefix="$build/fuzz-crashes/$name-" \
        "$build/fuzz-corpus/$name" "$inputs" >>"$log" 2>&1; then
        echo "FAIL $name: fuzzing found a failure (log: $log)"
        grep -m2 -E 'ERROR|runtime error' "$log"
        grep -m1 -E 'Test unit written to' "$log" || true
        echo "  reproduce: $binary <that file>; once fixed, add it to $inputs/"
        return 1
    fi
    local runs
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$')
    echo "ok   $name: $(ls "$inputs" | wc -l) checked-in inputs pass; $runs runs in ${seconds}s"
}
export -f run_target
export build seconds

selected=${FUZZ_TARGETS:-}
status=0
awk -v only=" $selected " 'only == "  " || index(only, " " $1 " ") { print $1, $2 }' "$list" |
    xargs -P "$parallel" -L 1 bash -c 'run_target "$0" "$1"' || status=1
exit $status
