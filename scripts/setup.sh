#!/usr/bin/env bash
# Installs what the other scripts need, skipping whatever is already there at the right version.
#
#   scripts/setup.sh [build|test|all]      (default: all)
#
#   build: wasm32 target, rust-src, wasm-bindgen-cli (= Cargo.lock), wasm-opt + esbuild (npm)
#   test:  the same plus Debian's chromium + chromium-driver
#
# Prints one line when everything is present. On a fresh machine wasm-bindgen-cli is built
# from source (cargo install, a few minutes) and Chromium comes from apt. See docs/development.md.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

mode="${1:-all}"
case "$mode" in
  build) want_browser=0 ;;
  test | all) want_browser=1 ;;
  *) echo "usage: scripts/setup.sh [build|test|all]" >&2; exit 2 ;;
esac

start=$(date +%s)
installed=()   # what this run installed
present=()     # what was already there

say() { echo "setup: $*"; }
die() { echo "setup: error: $*" >&2; exit 1; }

# Runs a command as root: directly when root, else through sudo (non-interactive in CI).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

# --- Rust target -------------------------------------------------------------------------
ensure_target() {
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    present+=("wasm32 target")
    return
  fi
  say "adding the Rust target wasm32-unknown-unknown (rustup, under a minute) ..."
  rustup target add wasm32-unknown-unknown
  installed+=("wasm32 target")
}

# --- rust-src (the release build rebuilds std for size: env.sh, release_wasm_build) ----------
ensure_rust_src() {
  if rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    present+=("rust-src")
    return
  fi
  # Not in rust-toolchain.toml: there, a failed download would stop every cargo command, not just
  # the release build that needs it.
  say "adding the Rust component rust-src (rustup, seconds) ..."
  rustup component add rust-src \
    || die "rustup could not add rust-src, which the release build needs (it rebuilds std for size: scripts/env.sh)"
  installed+=("rust-src")
}

# --- wasm-bindgen-cli (wasm-bindgen, wasm-bindgen-test-runner) ---------------------------
ensure_wasm_bindgen() {
  if [ ! -f Cargo.lock ]; then
    say "no Cargo.lock: running cargo generate-lockfile ..."
    cargo generate-lockfile
  fi
  local want
  want="$(wasm_bindgen_lock_version)"
  [ -n "$want" ] || die "Cargo.lock lists no wasm-bindgen crate"

  local have_cli have_runner
  have_cli="$(wasm-bindgen --version 2>/dev/null || true)"
  have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null || true)"
  if [ "$have_cli" = "wasm-bindgen $want" ] && [ "$have_runner" = "wasm-bindgen-test-runner $want" ]; then
    present+=("wasm-bindgen-cli $want")
    return
  fi
  say "installing wasm-bindgen-cli $want (found: ${have_cli:-none}) with cargo install: about a minute on 2 cores ..."
  # No --locked: its lockfile wants a webpki-roots version the registry here lacks (docs/development.md, pitfall 5).
  # Built unoptimised and without its default TLS stack (rustls, ring): the test runner only
  # speaks plain HTTP to ChromeDriver on localhost, and the tools run for seconds. Measured here:
  # 1 min to install instead of 5 1/2 (opt-level 1 with TLS), for about 5 s more of
  # wasm-bindgen time per test binary (bench/RESULTS.md, "Set-up time on a fresh machine").
  cargo install wasm-bindgen-cli --version "$want" --force --no-default-features \
    --bin wasm-bindgen --bin wasm-bindgen-test-runner \
    --config profile.release.opt-level=0 --config profile.release.lto=false \
    --config profile.release.codegen-units=16 --config profile.release.debug=false
  [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ] \
    || die "wasm-bindgen $want was installed but another version is first on PATH: $(command -v wasm-bindgen)"
  installed+=("wasm-bindgen-cli $want")
}

# --- wasm-opt from npm binaryen (node_modules/.bin/wasm-opt) --------------------------------
ensure_wasm_opt() {
  command -v npm >/dev/null 2>&1 || die "npm is missing (Node.js 20 + npm are expected on the machine)"
  local stamp=node_modules/.connect-widget-setup stamp_want have
  stamp_want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
  have="$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)"
  if [[ "$have" == *"(version_$BINARYEN_VERSION)"* ]] && [ "$(cat "$stamp" 2>/dev/null)" = "$stamp_want" ]; then
    present+=("wasm-opt $BINARYEN_VERSION")
    return
  fi
  say "installing npm packages from package-lock.json (binaryen $BINARYEN_VERSION for wasm-opt, esbuild) with npm ci: a few seconds ..."
  npm ci --no-audit --no-fund --loglevel=error
  have="$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)"
  [[ "$have" == *"(version_$BINARYEN_VERSION)"* ]] \
    || die "node_modules/.bin/wasm-opt is not binaryen $BINARYEN_VERSION (got: ${have:-nothing}); check package.json"
  node_modules/.bin/esbuild --version >/dev/null 2>&1 || die "node_modules/.bin/esbuild does not run; check package.json"
  echo "$stamp_want" > "$stamp"
  installed+=("wasm-opt $BINARYEN_VERSION")
}

# --- Chromium + ChromeDriver (Debian packages) ---------------------------------------------
chrome_major() { "$1" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+' | head -n 1 | cut -d. -f1; }

ensure_browser() {
  local reason=""
  if [ ! -x "$CHROMIUM_BIN" ] || [ ! -x "$CHROMEDRIVER_BIN" ]; then
    reason="missing"
  elif [ "$(chrome_major "$CHROMIUM_BIN")" != "$(chrome_major "$CHROMEDRIVER_BIN")" ]; then
    reason="chromium and chromedriver versions differ"
  fi
  if [ -z "$reason" ]; then
    present+=("chromium $(chrome_major "$CHROMIUM_BIN")")
    return
  fi
  command -v apt-get >/dev/null 2>&1 \
    || die "$CHROMIUM_BIN / $CHROMEDRIVER_BIN $reason and no apt-get here: install Chromium and a matching ChromeDriver there"
  say "installing Debian's chromium + chromium-driver ($reason) with apt-get: 1-3 minutes ..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600 install chromium chromium-driver
  [ -x "$CHROMIUM_BIN" ] && [ -x "$CHROMEDRIVER_BIN" ] || die "apt-get finished but $CHROMIUM_BIN or $CHROMEDRIVER_BIN is still missing"
  installed+=("chromium $(chrome_major "$CHROMIUM_BIN")")
}

ensure_target
ensure_rust_src
ensure_wasm_bindgen
ensure_wasm_opt
if [ "$want_browser" = 1 ]; then ensure_browser; fi

join() { local IFS=","; echo "$*" | sed 's/,/, /g'; }
if [ "${#installed[@]}" -eq 0 ]; then
  say "all present ($(join "${present[@]}"))"
else
  say "installed $(join "${installed[@]}") in $(elapsed "$start")${present:+; already present: $(join "${present[@]}")}"
fi
