#!/usr/bin/env bash
# Scans the demo and the whole annotated testdata and validates both SARIF logs with
# shared/tools/validate-sarif --strict. Exits 77 (skipped) when the validator is absent.
set -euo pipefail
privaudit=$1
validator=$2
if [ ! -x "$validator" ]; then
    echo "validate-sarif not found at $validator; skipping"
    exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$privaudit" scan testdata/demo -o "$out/demo.sarif" --fail-on none --quiet
"$validator" --strict "$out/demo.sarif"

# GitHub rejects suppressed results under --strict; the GitHub-bound form omits them.
"$privaudit" scan testdata/cpp testdata/config -o "$out/testdata.sarif" --fail-on none --quiet \
    --omit-suppressed
"$validator" --strict "$out/testdata.sarif"

# The demo's runtime artifacts, as `make demo` scans them.
"$privaudit" scan-data testdata/demo/logs testdata/runtime -o "$out/data.sarif" --fail-on none \
    --quiet
"$validator" --strict "$out/data.sarif"
