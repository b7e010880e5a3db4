#!/usr/bin/env bash
# Times kinbench's main jobs with a release build, and writes the numbers to
# stdout as a Markdown table (docs/performance.md records a run).
#
#   benches/bench.sh [RUNS]      # default 5 runs of each job; plain bash and awk
#
# Inputs: the committed sample_returns/ (19 LAs x 4 quarters) and a generated
# all-England set (153 LAs x 4 quarters, with faults), made once into a temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}

cargo build --release --quiet
bin=target/release/kinbench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" sample --region all --faults --out "$work/england" >/dev/null

# Spreadsheet returns in a folder (not the manifest or README beside them).
returns() { find "$1" -maxdepth 1 -type f \( -name '*.xls*' -o -name '*.ods' \) | wc -l; }

# Median wall time in seconds of `runs` runs of a command, each into a folder
# of its own. Nothing is deleted until the end: on ext4 without a journal,
# creating files soon after deleting thousands costs several times more
# (benches/compare.sh), and that cost would fall on the next run.
median() {
  local times=()
  for i in $(seq "$runs"); do
    local start end out
    out=$(mktemp -d "$work/out.XXXXXX")
    start=$(date +%s.%N)
    "$@" --out "$out" >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'
}

echo "| job | input | median of $runs (s) |"
echo "|---|---|---|"
echo "| validate | sample_returns ($(returns sample_returns) files) | $(median "$bin" validate sample_returns) |"
echo "| validate | England, 153 LAs x 4 quarters ($(returns "$work/england") files) | $(median "$bin" validate "$work/england" --region all) |"
if "$bin" run --help >/dev/null 2>&1; then
  echo "| run (everything, charts included) | sample_returns | $(median "$bin" run sample_returns) |"
  echo "| run (everything, charts included) | England, 153 LAs x 4 quarters | $(median "$bin" run "$work/england" --region all) |"
fi
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(rustc --version)."
