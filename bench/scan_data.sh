#!/usr/bin/env bash
# scan-data benchmark (issue 6): privaudit scan-data against ripgrep with the same entity
# patterns, over a generated corpus of JSON-lines chat logs and plain transcripts with planted
# personal data; reports throughput per core and precision/recall on the planted values.
# Usage: bench/scan_data.sh [PRIVAUDIT_BINARY] [MEGABYTES] [CORPUS_DIR]
#        defaults: build/privaudit 1100 /tmp/privaudit-scan-data-corpus (kept between runs)
set -euo pipefail
cd "$(dirname "$0")/.."
privaudit=$(realpath "${1:-build/privaudit}")
megabytes=${2:-1100}
corpus=${3:-/tmp/privaudit-scan-data-corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v rg > /dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep > /dev/null
    else
        echo "ripgrep is not installed (sudo apt-get install ripgrep); rg is not timed" >&2
    fi
fi

if [ ! -f "$corpus/truth.tsv" ] || [ "$(cat "$corpus/.megabytes" 2> /dev/null)" != "$megabytes" ]; then
    rm -rf "$corpus"
    python3 bench/generate_artifacts.py "$corpus" "$megabytes"
    echo "$megabytes" > "$corpus/.megabytes"
fi
bytes=$(find "$corpus" \( -name '*.jsonl' -o -name '*.txt' \) -printf '%s\n' | awk '{s += $1} END {print s}')
cat "$corpus"/*.jsonl "$corpus"/*.txt > /dev/null # warm the page cache

# Prints "wall_seconds cpu_seconds" of a command.
timed() {
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" > /dev/null 2>&1 || true
    awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/time"
}
rate() { # MB/s from bytes and seconds
    awk -v b="$bytes" -v s="$1" 'BEGIN {printf "%.0f", b / 1048576 / s}'
}

row() { # name wall cpu
    echo "| $1 | $2 s | $3 s | $(rate "$3") MB/s | $(rate "$2") MB/s |"
}

echo "corpus: $((bytes / 1048576)) MiB in $(ls "$corpus"/*.jsonl "$corpus"/*.txt | wc -l) files, $(wc -l < "$corpus/truth.tsv") planted values"
echo
echo "| run | wall | CPU (user+sys) | throughput per core (CPU) | throughput (wall) |"
echo "|---|---|---|---|---|"
for jobs in 1 2; do
    # The files that are counted and that rg reads: not truth.tsv, the answer key beside them.
    read -r wall cpu < <(timed "$privaudit" scan-data "$corpus"/*.jsonl "$corpus"/*.txt \
        --jobs "$jobs" --format json \
        -o "$work/report-$jobs.json" --fail-on none --quiet --max-findings-per-file 0)
    row "privaudit scan-data --jobs $jobs" "$wall" "$cpu"
done
if command -v rg > /dev/null; then
    rg_args=(--no-unicode --count-matches -f bench/rg_patterns.txt -g '*.jsonl' -g '*.txt' "$corpus")
    for jobs in 1 2; do
        read -r wall cpu < <(timed rg -j"$jobs" "${rg_args[@]}")
        row "rg -j$jobs --no-unicode, same entities (no validation)" "$wall" "$cpu"
    done
    echo
    echo "rg matches: $(rg -j2 "${rg_args[@]}" | awk -F: '{s += $NF} END {print s}')"
fi
if g++ -O2 -std=c++17 bench/re2_set_bench.cpp -o "$work/re2_set_bench" $(pkg-config --cflags --libs re2); then
    echo
    echo "RE2::Set, same patterns, which match per line (1 thread):"
    "$work/re2_set_bench" bench/rg_patterns.txt "$corpus"/*.jsonl "$corpus"/*.txt
fi
if pkg-config --exists libhs &&
    g++ -O2 -std=c++17 bench/hyperscan_bench.cpp -o "$work/hyperscan_bench" $(pkg-config --cflags --libs libhs); then
    echo
    echo "Hyperscan, same patterns, block mode, every match end (1 thread, CPU time):"
    "$work/hyperscan_bench" bench/rg_patterns.txt "$corpus"/*.jsonl "$corpus"/*.txt
else
    echo "Hyperscan is not installed (apt-get install libhyperscan-dev, amd64 only); not timed" >&2
fi
echo
python3 bench/score_findings.py "$corpus/truth.tsv" "$work/report-1.json"
cmp -s <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["findings"])' "$work/report-1.json") \
       <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["findings"])' "$work/report-2.json") &&
    echo "reports of --jobs 1 and --jobs 2 are identical"
