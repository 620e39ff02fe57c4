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
