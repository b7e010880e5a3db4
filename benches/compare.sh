#!/usr/bin/env bash
# kinbench side by side with its two peers (../shared/peers/, see its README)
# on the national corpus: the read floor (calamine touching every cell, all
# cores) and the pandas script an analyst would write. Every round runs each
# program once, in turn, so they share the machine's noise; the table gives
# the median of the rounds, the ratio to the read floor and the peak RSS.
#
#   benches/compare.sh [ROUNDS]          # default 3 rounds; plain bash, awk, /usr/bin/time
#
# The corpus is `kinbench sample --region all` over 12 quarters (153 LAs x 12 =
# 1,836 clean returns); 2x and 4x are 24 and 48 quarters, so every stage, the
# feedback written included, has twice and four times the work (copies of the
# same returns would only be resubmissions, one feedback each).
#
# Environment: KINBENCH (binary; default a release build of this tree),
# BEFORE (an older kinbench binary, run alongside for a before/after in one
# session), PEERS (default ../shared/peers), SCALES (default "1 2 4"),
# PYTHON (default python3, with pandas and python-calamine installed),
# WORK (the folder for corpora and outputs; default a new one under $TMPDIR).
#
# Every run writes into a folder of its own and nothing is deleted until the
# end: on a file system that has just deleted thousands of files, creating
# new ones can cost several times more (ext4 without a journal checks each
# free inode for a recent deletion), and that cost would fall on whichever
# program ran next.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
peers=${PEERS:-../shared/peers}
scales=${SCALES:-1 2 4}
python=${PYTHON:-python3}

if [ -z "${KINBENCH:-}" ]; then
  nice cargo build --release --locked --quiet
  KINBENCH=target/release/kinbench
fi
# The read floor builds into this tree's target folder: the peers' folder may be read-only.
floor=target/read-floor/release/read-floor
if [ ! -x "$floor" ]; then
  CARGO_TARGET_DIR=target/read-floor nice cargo build --release --locked --quiet \
    --manifest-path "$peers/read-floor/Cargo.toml"
fi
"$python" -c 'import pandas, python_calamine' 2>/dev/null ||
  { echo "compare.sh: needs pandas and python-calamine (pip install pandas python-calamine)" >&2; exit 1; }

work=$(mktemp -d "${WORK:-${TMPDIR:-/tmp}}/compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
runs=0

# 12, 24 or 48 quarters ending 2025-26 Q2.
first_quarter() {
  case "$1" in
    1) echo "2022-23 Q3" ;; 2) echo "2019-20 Q3" ;; 4) echo "2013-14 Q3" ;;
    *) echo "compare.sh: scale $1 is not 1, 2 or 4" >&2; exit 1 ;;
  esac
}
for s in $scales; do
  "$KINBENCH" sample --region all --from "$(first_quarter "$s")" --to "2025-26 Q2" \
    --out "$work/corpus$s" >/dev/null
done

# name|command ('DIR' is the corpus, 'OUT' a fresh output folder).
programs=(
  "read floor|$floor DIR"
  "pandas + python-calamine|$python $peers/pandas_pipeline.py DIR OUT.csv --engine calamine"
  "kinbench validate|$KINBENCH validate DIR --region all --out OUT"
  "kinbench run|$KINBENCH run DIR --region all --out OUT"
)
if [ -n "${BEFORE:-}" ]; then
  programs+=(
    "before: kinbench validate|$BEFORE validate DIR --region all --out OUT"
    "before: kinbench run|$BEFORE run DIR --region all --out OUT"
  )
fi

# Runs one program on one folder; appends "wall_seconds peak_rss_kb" to its file.
measure() {
  local cmd=$1 dir=$2 log=$3
  runs=$((runs + 1))
  cmd=${cmd//DIR/$dir}
  cmd=${cmd//OUT/$work/out$runs}
  local start end
  start=$(date +%s.%N)
  # shellcheck disable=SC2086 # the command is split into words on purpose
  /usr/bin/time -f %M -o "$work/rss" $cmd >/dev/null 2>"$work/stderr" ||
    { echo "compare.sh: failed: $cmd" >&2; cat "$work/stderr" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}') $(tail -1 "$work/rss")" >>"$log"
}

# "median min max" of the first column, and the largest second column in MB.
summary() {
  sort -n "$1" | awk '{t[NR]=$1; if ($2 > m) m = $2}
    END {printf "%.2f %.2f %.2f %.0f\n", t[int((NR+1)/2)], t[1], t[NR], m/1024}'
}

for s in $scales; do
  n=$(find "$work/corpus$s" -type f -name '*.xlsx' | wc -l)
  for r in $(seq "$rounds"); do
    for i in "${!programs[@]}"; do
      measure "${programs[$i]#*|}" "$work/corpus$s" "$work/times.$s.$i"
    done
  done
  read -r floor_median _ < <(summary "$work/times.$s.0")
  read -r pandas_median _ < <(summary "$work/times.$s.1")
  echo "### ${s}x: $n returns, $(du -sm "$work/corpus$s" | cut -f1) MB, median of $rounds rounds"
  echo
  echo "| program | wall (s) | min-max (s) | vs read floor | pandas time / this | peak RSS (MB) |"
  echo "|---|---|---|---|---|---|"
  for i in "${!programs[@]}"; do
    read -r median lo hi rss < <(summary "$work/times.$s.$i")
    ratio=$(awk -v a="$median" -v b="$floor_median" 'BEGIN {printf "%.1f", a / b}')
    faster=$(awk -v a="$median" -v b="$pandas_median" 'BEGIN {printf "%.1f", b / a}')
    echo "| ${programs[$i]%%|*} | $median | $lo-$hi | ${ratio}x | ${faster}x | $rss |"
  done
  echo
done

# The regional run the network does every quarter, on the committed sample.
for r in $(seq "$rounds"); do
  measure "$KINBENCH run DIR --out OUT" sample_returns "$work/regional"
  [ -z "${BEFORE:-}" ] || measure "$BEFORE run DIR --out OUT" sample_returns "$work/regional.before"
done
read -r median lo hi rss < <(summary "$work/regional")
echo "Regional \`kinbench run sample_returns\`: median ${median} s ($lo-$hi), ${rss} MB."
if [ -n "${BEFORE:-}" ]; then
  read -r median lo hi rss < <(summary "$work/regional.before")
  echo "Before: median ${median} s ($lo-$hi), ${rss} MB."
fi
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(date -u +%Y-%m-%d)."
