# Shared by the benchmark scripts, sourced with their arguments from the repository root:
# sets `privaudit` (binary, $1) and `units` ($2), generates the synthetic codebase of that
# many translation units in "$work/app" (removed on exit), and defines `seconds`.
privaudit=${1:-build/privaudit}
units=${2:-320}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/generate_codebase.py "$work/app" "$units"

# Wall-clock seconds a command takes.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@"
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
