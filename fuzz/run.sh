#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60), one after another, with seed
# corpora from tests/fixtures/ and sample_returns/. Not part of CI: it needs the
# nightly toolchain and `cargo install cargo-fuzz`.
#
#   fuzz/run.sh 900                      # every target, 15 minutes each
#   fuzz/run.sh 600 period_parse         # one target
#
# Each target's log is fuzz/logs/<target>.log; a crash is saved under
# fuzz/artifacts/<target>/ and stops that target's run.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_bytes period_parse typed_number)

seed_read_bytes() {
    # The first byte picks the file name (0 xlsx, 1 xlsm, 2 xls, 3 ods); the rest is the file.
    local dir=corpus/read_bytes f pick
    mkdir -p "$dir"
    for f in ../tests/fixtures/hostile/* ../tests/fixtures/ingest/* \
        "../sample_returns/825 Buckinghamshire 2025-26 Q2.xlsx" \
        ../sample_returns/*.xls ../sample_returns/*.ods; do
        case "$f" in
            *.xlsx) pick='\x00' ;;
            *.xlsm) pick='\x01' ;;
            *.xls) pick='\x02' ;;
            *.ods) pick='\x03' ;;
            *) continue ;;
        esac
        # Larger seeds slow every execution; the 380 KB shared-string bomb is left out.
        [ "$(stat -c %s "$f")" -le 65536 ] || continue
        { printf "$pick"; cat "$f"; } >"$dir/seed-$(basename "$f" | tr ' ' '_')"
    done
}

seed_text() {
    local dir="corpus/$1" i=0 line
    shift
    mkdir -p "$dir"
    for line in "$@"; do
        printf '%s' "$line" >"$dir/seed-$i"
        i=$((i + 1))
    done
}

seed_read_bytes
seed_text period_parse "2025-26 Q2" "2025/26 Q2" "Q2 2025-26" "2025-26 Quarter 2" \
    "Jul-Sep 2025" "July to September 2025" "Jan - Mar 2026" "2025-2026 Q4" " q1 2024/25 "
seed_text typed_number "1,234" "1 234" "12,345,678.25" " 12.50 " "-3" "- 5" "+7" \
    $'\u00a045\u00a0' $'1\u202f234' "2,093 " "1e5" "0.000"

mkdir -p logs
cargo +nightly fuzz build
for t in "${targets[@]}"; do
    echo "fuzzing $t for ${seconds}s (log: fuzz/logs/$t.log)"
    cargo +nightly fuzz run "$t" -- -max_total_time="$seconds" -max_len=65536 \
        -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 >"logs/$t.log" 2>&1 ||
        echo "$t stopped early: see fuzz/logs/$t.log"
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "logs/$t.log" || true
done
