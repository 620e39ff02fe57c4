#!/usr/bin/env bash
# Builds the npm package from the release bundle:
#   target/package/connect-widget/                  the package folder (package.json, README, files, .d.ts)
#   target/package/connect-widget-<version>.tgz     `npm pack` of it
#
#   scripts/package.sh            build dist/ (scripts/build.sh), then package it
#   NO_BUILD=1 scripts/package.sh package the dist/ already built
#   scripts/package.sh --check    also install the tarball into a throwaway page project
#                                 (target/package-smoke/, from tests/package/) and type-check the
#                                 typed usage example there with tsc; the browser tests then load
#                                 that project's page (scripts/test.sh does all of this)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

check=0
if [ "${1:-}" = --check ]; then check=1; fi
if [ "${NO_BUILD:-0}" = 0 ]; then bash scripts/build.sh; fi
[ -f dist/connect-widget_bg.wasm ] || { echo "package: dist/ is not built (run scripts/build.sh)" >&2; exit 1; }

version="$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)"
out=target/package
folder="$out/connect-widget"
rm -rf "$out"
mkdir -p "$folder"

# The files the package ships: what package.template.json's "files" lists.
python3 - "$version" "$folder" <<'EOF'
import json, shutil, sys
version, folder = sys.argv[1], sys.argv[2]
with open("package/package.template.json", encoding="utf-8") as f:
    manifest = json.loads(f.read().replace("@VERSION@", version))
for name in manifest["files"]:
    source = "package/README.md" if name == "README.md" else f"dist/{name}"
    if name != "integrity.json":
        shutil.copyfile(source, f"{folder}/{name}")
with open(f"{folder}/package.json", "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=2)
    f.write("\n")
EOF
# Hashes of the shipped files (the same as dist/'s for the files both have).
python3 scripts/sri.py "$folder"
(cd "$out" && npm pack ./connect-widget --silent >/dev/null)
tarball="$out/connect-widget-$version.tgz"
[ -f "$tarball" ] || { echo "package: npm pack did not write $tarball" >&2; exit 1; }
echo "package: $folder/ and $tarball ($(wc -c < "$tarball") bytes)"

if [ "$check" = 1 ]; then
  smoke=target/package-smoke
  rm -rf "$smoke"
  mkdir -p "$smoke"
  cp -R tests/package/. "$smoke/"
  (cd "$smoke" && npm install --offline --no-audit --no-fund --loglevel=error "../package/connect-widget-$version.tgz")
  [ -f "$smoke/node_modules/connect-widget/connect-widget_bg.wasm" ] || { echo "package: the tarball did not install" >&2; exit 1; }
  tsc -p "$smoke/tsconfig.json"
  echo "package: installed into $smoke/ and type-checked tests/package/usage.ts with tsc $(tsc --version | cut -d' ' -f2)"
fi
