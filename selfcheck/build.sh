#!/usr/bin/env bash
# Builds the self-check page's WebAssembly module reproducibly and writes it to
# selfcheck/kinbench_selfcheck.wasm, the committed file the kinbench binary
# embeds. `build.sh --check` builds into a scratch folder and fails when the
# result differs from the committed module (CI runs that).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
committed="$here/kinbench_selfcheck.wasm"
# Built from a copy at one fixed path: cargo hashes a path dependency's folder
# into its symbols, which changes the module's layout, so two checkouts in
# different folders would otherwise build different bytes. Paths that would
# end up in panic messages are remapped too.
tree=/tmp/kinbench-selfcheck-build/tree
rm -rf "$tree"
mkdir -p "$tree"
(cd "$root" && tar --exclude=./.git --exclude=./target --exclude=./selfcheck/target \
    --exclude=./fuzz --exclude=./reports -cf - .) | (cd "$tree" && tar -xf -)
export RUSTFLAGS="--remap-path-prefix=$tree=/kinbench --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo --remap-path-prefix=$(rustc --print sysroot)=/rust"
export CARGO_TARGET_DIR="$here/target"
cargo build --manifest-path "$tree/selfcheck/Cargo.toml" --locked --release --target wasm32-unknown-unknown
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
