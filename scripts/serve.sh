#!/usr/bin/env bash
# Serves the demo page (index.html) with Trunk, rebuilding on every change.
#
#   scripts/serve.sh            release build (runs wasm-opt, like the shipped bundle)
#   DEV=1 scripts/serve.sh      debug build: no wasm-opt, faster rebuilds for an edit loop
#   PORT=9000 scripts/serve.sh  another port (default 8080); ADDRESS=... another address
#
# Extra arguments go to `trunk serve`.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

bash scripts/setup.sh serve

[ -f index.html ] || { echo "serve.sh: index.html (the demo page) is missing" >&2; exit 1; }

port="${PORT:-8080}"
address="${ADDRESS:-127.0.0.1}"
profile=(--release)
if [ "${DEV:-0}" != 0 ]; then profile=(); fi

echo "serve: http://$address:$port/  (${profile[*]:-debug} build; Ctrl-C stops)"
exec trunk serve "${profile[@]}" --offline --address "$address" --port "$port" "$@"
