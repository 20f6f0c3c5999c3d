#!/usr/bin/env bash
# `make demo`'s probe: starts the leaky fixture bot on a free loopback port, probes it briefly
# with a fixed seed, stops it. Findings are the point of the demo: they do not fail it.
#   testdata/bots/demo_probe.sh BUILD_DIR
set -euo pipefail
build=${1:-build}
out=$(mktemp)
"$build/testdata/bots/leaky_concurrency_bot" >"$out" &
bot=$!
trap 'kill $bot 2>/dev/null; wait $bot 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 50); do
    grep -q '^listening on ' "$out" && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$out")
[ -n "$url" ] || { echo "demo_probe.sh: the demo bot did not start" >&2; exit 1; }
"$build/privaudit" probe --target "$url" --customers 4 --rounds 6 --seed 7 \
    --transcript privaudit-probe.jsonl -o privaudit-probe.sarif --fail-on none
echo "Probe report written to privaudit-probe.sarif, its transcript to privaudit-probe.jsonl"
