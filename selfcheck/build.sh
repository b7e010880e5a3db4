#!/usr/bin/env bash
# Builds the self-check page's WebAssembly module reproducibly and writes it to
# selfcheck/kinbench_selfcheck.wasm, the committed file the kinbench binary
# embeds. `build.sh --check` builds into a scratch folder and fails when the
# result differs from the committed module (CI runs that).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
committed="$here/kinbench_selfcheck.wasm"
# Paths that would otherwise end up in panic messages differ between machines.
export RUSTFLAGS="--remap-path-prefix=$root=/kinbench --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo --remap-path-prefix=$(rustc --print sysroot)=/rust"
export CARGO_TARGET_DIR="$here/target"
cargo build --manifest-path "$here/Cargo.toml" --locked --release --target wasm32-unknown-unknown
built="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/kinbench_selfcheck.wasm"
if [ "${1:-}" = "--check" ]; then
    if ! cmp -s "$built" "$committed"; then
        echo "selfcheck/kinbench_selfcheck.wasm is stale: run selfcheck/build.sh and commit it" >&2
        exit 1
    fi
    echo "selfcheck/kinbench_selfcheck.wasm matches its source"
else
    cp "$built" "$committed"
    echo "wrote $committed ($(wc -c <"$committed") bytes)"
fi
