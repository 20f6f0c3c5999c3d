#!/usr/bin/env bash
# Probe under load (issue 9): 64 customers x 10 rounds against the good fixture bot with bursts
# of up to MAX_BURST simultaneous messages; fails unless the run has no finding, no failed
# message and exit code 0. Then the same load against the leaky bot, which must be caught.
# Usage: bench/probe_load.sh [BUILD_DIR] [MAX_BURST]     # defaults: build 16
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
burst=${2:-16}
work=$(mktemp -d)
bot_pid=
stop_bot() {
    if [ -n "$bot_pid" ]; then
        kill "$bot_pid" 2>/dev/null || true
        wait "$bot_pid" 2>/dev/null || true
        bot_pid=
    fi
}
trap 'stop_bot; rm -rf "$work"' EXIT

# start_bot NAME: sets bot_pid and bot_url. Not to be called in a $(...) subshell, which would
# lose bot_pid and leave the bot running.
start_bot() {
    "$build/testdata/bots/$1" >"$work/$1.out" &
    bot_pid=$!
    for _ in $(seq 50); do
        grep -q '^listening on ' "$work/$1.out" && break
        sleep 0.1
    done
    bot_url=$(sed -n 's/^listening on //p' "$work/$1.out")
}

# probe NAME URL: runs the load, prints "seconds exit findings notifications messages peak_kib"
probe() {
    local start end status=0
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/$1.rss" \
        "$build/privaudit" probe --target "$2" --customers 64 --rounds 10 --max-burst "$burst" \
        --seed 1 --transcript "$work/$1.jsonl" --format json -o "$work/$1.json" --quiet \
        2>"$work/$1.err" || status=$?
    end=$(date +%s.%N)
    python3 - "$work/$1.json" "$work/$1.jsonl" "$(echo "$end - $start" | bc -l)" "$status" \
        "$(tail -1 "$work/$1.rss")" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
messages = sum(1 for _ in open(sys.argv[2]))
print(f"{float(sys.argv[3]):.1f} {sys.argv[4]} {len(report['findings'])} "
      f"{len(report['notifications'])} {messages} {sys.argv[5]}")
PY
}

start_bot good_bot
read -r good_time good_exit good_findings good_notes good_messages good_rss < <(probe good "$bot_url")
stop_bot
start_bot leaky_concurrency_bot
read -r leaky_time leaky_exit leaky_findings _ leaky_messages _ < <(probe leaky "$bot_url")
stop_bot

printf 'load                 64 customers x 10 rounds, bursts up to %s, seed 1\n' "$burst"
printf 'good_bot             %s s, %s messages (%.0f/s), exit %s, %s findings, %s notifications, peak %d MiB\n' \
    "$good_time" "$good_messages" "$(echo "$good_messages / $good_time" | bc -l)" "$good_exit" \
    "$good_findings" "$good_notes" $((good_rss / 1024))
printf 'leaky_concurrency_bot %s s, %s messages, exit %s, %s findings\n' "$leaky_time" \
    "$leaky_messages" "$leaky_exit" "$leaky_findings"

failed=0
if [ "$good_exit" != 0 ] || [ "$good_findings" != 0 ] || [ "$good_notes" != 0 ] ||
    [ "$good_messages" != 704 ]; then
    echo "FAIL: the good bot must give 704 answered messages (640 + 64 second-client), no finding, exit 0" >&2
    cat "$work/good.err" >&2
    failed=1
fi
if [ "$leaky_exit" != 1 ] || [ "$leaky_findings" = 0 ]; then
    echo "FAIL: the leaky bot must be caught under load" >&2
    failed=1
fi
exit $failed
