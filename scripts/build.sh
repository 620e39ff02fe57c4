#!/usr/bin/env bash
# Builds the widget and the demo into dist/:
#   connect-widget.js, connect-widget_bg.wasm   the production widget: ES module + WebAssembly
#                                               (wasm-opt), without the built-in sandbox
#   connect-widget-sandbox.js, connect-widget-sandbox_bg.wasm
#                                               the same widget with the sandbox (`api: "sandbox"`):
#                                               the demo, widget.html?api=sandbox, <connect-widget
#                                               api="sandbox"> and the tests load it
#   connect-widget.d.ts and the rest of public/ shipped files and pages: widget.html (the iframe
#                                               page), connect-widget-element.js, connect-widget-bridge.js
#   index.html, demo.js, demo.css               the demo page (the widget on the built-in sandbox)
#   integrity.json                              sha384 SRI hashes of every file (widget.html uses them)
#
#   scripts/build.sh          release build
#   DEV=1 scripts/build.sh    debug build without wasm-opt: seconds, for an edit loop
#
# Plain cargo + wasm-bindgen + wasm-opt, no bundler: what is built is what partners load.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

bash scripts/setup.sh build

profile=release
if [ "${DEV:-0}" != 0 ]; then profile=debug; fi

t0=$(date +%s)
out=dist
staging="$(mktemp -d "$ROOT/.dist.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

# bundle NAME CARGO_FEATURE_ARGS...: one cargo build, wasm-bindgen, wasm-opt, into $staging/NAME.js + NAME_bg.wasm.
bundle() {
  local name="$1"
  shift
  local wasm
  if [ "$profile" = release ]; then
    release_wasm_build "$@"
    wasm="$RELEASE_WASM"
  else
    cargo build --lib --target wasm32-unknown-unknown "$@"
    wasm=target/wasm32-unknown-unknown/debug/connect_widget.wasm
  fi
  wasm-bindgen --target web --no-typescript --out-dir "$staging" --out-name "$name" "$wasm"
  if [ "$profile" = release ]; then
    # Flags measured in bench/RESULTS.md ("What each reduction bought").
    wasm-opt "${wasm_opt_flags[@]}" --output "$staging/${name}_bg.wasm" "$staging/${name}_bg.wasm"
    # wasm-bindgen's loader, minified: 61 KB -> 27 KB raw, 1.9 KB less brotli. Exports keep their names.
    esbuild "$staging/$name.js" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$staging/$name.js"
  fi
}
# -O1, not -Oz: smaller in brotli and gzip (docs/decisions.md). WASM_OPT_FLAGS overrides them, to measure others.
read -ra wasm_opt_flags <<< "${WASM_OPT_FLAGS:--O1}"
bundle connect-widget --no-default-features
bundle connect-widget-sandbox --features sandbox

cp -R public/. "$staging/"
cp -R demo/. "$staging/"
# SRI: fills widget.html's integrity attributes, writes integrity.json.
python3 scripts/sri.py "$staging"
rm -rf "$out"
chmod 755 "$staging"
mv "$staging" "$out"
trap - EXIT
echo "build: $profile bundles in $out/ in $(elapsed "$t0") ($(wc -c < "$out/connect-widget_bg.wasm") bytes of production wasm, $(wc -c < "$out/connect-widget-sandbox_bg.wasm") with the sandbox)"
