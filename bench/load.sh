#!/usr/bin/env bash
# Load benchmark (issue 9). One scan of a generated tree of 5,000 bot configurations of mixed
# platforms and 1,000 translation units with --jobs 2: wall time, peak memory, findings. Then
# what a finding costs in memory: the configurations alone with 1 and 4 secrets a file, each
# scanned with the secret rule on and off (same input, only the findings differ).
# Usage: bench/load.sh [PRIVAUDIT_BINARY] [TRANSLATION_UNITS] [CONFIG_FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh "${1:-build/privaudit}" "${2:-1000}"
configs=${3:-5000}
python3 bench/generate_configs.py "$work/app/bots" "$configs" 1
printf 'rules:\n  config/secret-in-plaintext: "off"\n' >"$work/secrets-off.yaml"

# Runs a scan with a JSON report; prints "SECONDS PEAK_KIB FINDINGS REPORT_BYTES".
measure() {
    /usr/bin/time -f '%e %M' -o "$work/time" \
        "$privaudit" scan "$@" --jobs 2 --format json -o "$work/report.json" --fail-on none \
        --quiet 2>/dev/null
    local findings
    findings=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" \
        "$work/report.json")
    echo "$(cat "$work/time") $findings $(stat -c %s "$work/report.json")"
}

read -r wall peak findings _ < <(measure "$work/app" -p "$work/app")
printf 'whole tree: %s configs + %s translation units, --jobs 2\n' "$configs" "$units"
printf '  %.1f s, peak %d MiB (largest process), %s findings\n\n' "$wall" $((peak / 1024)) \
    "$findings"

printf 'configs only          rule on: MiB findings   rule off: MiB findings   KiB/finding  report KiB/finding\n'
for secrets in 1 4; do
    rm -rf "$work/bots"
    python3 bench/generate_configs.py "$work/bots" "$configs" "$secrets"
    read -r _ peak_on findings_on bytes_on < <(measure "$work/bots")
    read -r _ peak_off findings_off _ < <(measure "$work/bots" --config "$work/secrets-off.yaml")
    printf '%d secret(s) a file   %9d %8d          %9d %8d        %6.2f        %6.2f\n' \
        "$secrets" $((peak_on / 1024)) "$findings_on" $((peak_off / 1024)) "$findings_off" \
        "$(echo "($peak_on - $peak_off) / ($findings_on - $findings_off)" | bc -l)" \
        "$(echo "$bytes_on / 1024 / $findings_on" | bc -l)"
done
