# Sourced by the other scripts (not run on its own): repo root, PATH and pinned versions.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# cargo-installed tools (wasm-bindgen, wasm-bindgen-test-runner) first, then npm's
# wasm-opt. Both go before the system PATH so a stray or Debian binary never wins.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/node_modules/.bin:$PATH"

BINARYEN_VERSION="132"       # npm binaryen@132 (package.json); Debian's 108 breaks the wasm
CHROMIUM_BIN="/usr/bin/chromium"
CHROMEDRIVER_BIN="/usr/bin/chromedriver"

# The wasm-bindgen version in Cargo.lock (the CLI must match it exactly).
wasm_bindgen_lock_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# Time since epoch $1, as "Ns" or "MmSSs".
elapsed() {
  local s=$(( $(date +%s) - $1 ))
  if (( s >= 60 )); then printf '%dm%02ds' $((s / 60)) $((s % 60)); else printf '%ds' "$s"; fi
}

# The release wasm build (build.sh, size-profile.sh). It rebuilds the standard library for size:
# a panic aborts on the spot (no message formatting, no table of file names and lines: the widget
# installs no panic hook, so nobody would read them) and core takes its size-optimised
# algorithms; about 19 KB of brotli off the production bundle (bench/RESULTS.md, "What each
# reduction bought"). The flags are unstable: RUSTC_BOOTSTRAP=1 lets the pinned stable compiler
# accept them for this one command, nothing else. Needs the rust-src component (setup.sh).
# It has a target directory of its own: it shares no artifact with the debug builds, lints and
# tests anyway (other flags, other profile), and test.sh runs it beside them without either
# waiting for the other's cargo lock. RELEASE_WASM is the file it produces.
RELEASE_TARGET_DIR="$ROOT/target/release-wasm"
RELEASE_WASM="$RELEASE_TARGET_DIR/wasm32-unknown-unknown/release/connect_widget.wasm"
release_wasm_build() {
  CARGO_TARGET_DIR="$RELEASE_TARGET_DIR" RUSTC_BOOTSTRAP=1 \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    cargo build --lib --target wasm32-unknown-unknown --release \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size "$@"
}
