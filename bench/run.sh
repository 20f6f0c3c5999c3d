#!/usr/bin/env bash
# Dataflow benchmark (issue 3): privaudit --jobs 2 against clang -fsyntax-only over the same
# translation units with 2 jobs, in one run, on a generated codebase of 320 TUs.
# Usage: bench/run.sh [PRIVAUDIT_BINARY] [TRANSLATION_UNITS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh "$@"
resource_dir=$(clang++-19 -print-resource-dir)

# Peak resident memory of one job: the largest max RSS of any single clang process.
syntax_only() {
    find "$work/app/src" -name '*.cpp' | sort |
        xargs -P 2 -I{} /usr/bin/time -f '%M' -a -o "$work/clang.rss" \
            clang++-19 -std=c++20 -fsyntax-only -I"$work/app/src" {}
}
scan() {
    /usr/bin/time -f '%M' -o "$work/privaudit.rss" \
        "$privaudit" scan "$work/app" -p "$work/app" --jobs 2 --format json \
        -o "$work/report.json" --fail-on none --quiet
}

clang_time=$(seconds syntax_only)
privaudit_time=$(seconds scan)
clang_rss=$(sort -n "$work/clang.rss" | tail -1)
# privaudit's children are reaped by privaudit, so time -f %M reports the largest of them
# (getrusage RUSAGE_CHILDREN semantics) or the parent, whichever is larger.
privaudit_rss=$(cat "$work/privaudit.rss")
findings=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" \
    "$work/report.json")

printf 'translation units        %s\n' "$units"
printf 'clang -fsyntax-only      %.1f s, peak %d MiB per job\n' "$clang_time" $((clang_rss / 1024))
printf 'privaudit scan --jobs 2  %.1f s, peak %d MiB per job, %s findings\n' "$privaudit_time" \
    $((privaudit_rss / 1024)) "$findings"
printf 'time ratio               %.2f\n' "$(echo "$privaudit_time / $clang_time" | bc -l)"
printf 'memory ratio             %.2f\n' "$(echo "$privaudit_rss / $clang_rss" | bc -l)"
