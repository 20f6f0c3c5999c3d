#!/usr/bin/env bash
# Result-cache benchmark (issue 8): `privaudit scan --cache DIR` cold (empty cache) and warm
# (nothing changed) over the generated codebase, then again after one translation unit changed.
# Goal: warm ≤ 10 % of cold.
# Usage: bench/cache.sh [PRIVAUDIT_BINARY] [TRANSLATION_UNITS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh "$@"

scan() {
    "$privaudit" scan "$work/app" -p "$work/app" --jobs 2 --cache "$work/cache" \
        -o "$work/$1.sarif" --fail-on none --quiet
}

cold=$(seconds scan cold)
warm=$(seconds scan warm)
# The SARIF of the warm run holds the same results as the cold one.
python3 - "$work/cold.sarif" "$work/warm.sarif" <<'PY'
import json, sys
cold, warm = (json.load(open(p))["runs"][0]["results"] for p in sys.argv[1:])
assert cold == warm, "the cached results differ from the analyzed ones"
print(f"results                  {len(cold)} (identical cold and warm)")
PY
# One translation unit changes: only it is analyzed again. (app.h, which every unit includes,
# would send all of them back to the analysis.)
unit=$(find "$work/app/src" -name '*.cpp' | sort | head -1)
echo "// edited" >> "$unit"
edited=$(seconds scan edited)

printf 'translation units        %s\n' "$units"
printf 'cold (empty cache)       %.1f s\n' "$cold"
printf 'warm (nothing changed)   %.1f s\n' "$warm"
printf 'warm / cold              %.3f\n' "$(echo "$warm / $cold" | bc -l)"
printf 'one unit edited          %.1f s\n' "$edited"
