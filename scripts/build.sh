#!/usr/bin/env bash
# Builds the widget and the demo into dist/:
#   connect-widget.js, connect-widget_bg.wasm   the widget: ES module + WebAssembly (wasm-opt -Oz)
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
cargo_args=(--release)
if [ "${DEV:-0}" != 0 ]; then profile=debug; cargo_args=(); fi

t0=$(date +%s)
cargo build --lib --target wasm32-unknown-unknown "${cargo_args[@]}"

out=dist
staging="$(mktemp -d "$ROOT/.dist.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$staging" --out-name connect-widget \
  "target/wasm32-unknown-unknown/$profile/connect_widget.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz --output "$staging/connect-widget_bg.wasm" "$staging/connect-widget_bg.wasm"
fi
cp -R public/. "$staging/"
cp -R demo/. "$staging/"
# SRI: fills widget.html's integrity attributes, writes integrity.json.
python3 scripts/sri.py "$staging"
rm -rf "$out"
chmod 755 "$staging"
mv "$staging" "$out"
trap - EXIT
echo "build: $profile bundle in $out/ in $(elapsed "$t0") ($(wc -c < "$out/connect-widget_bg.wasm") bytes of wasm)"
