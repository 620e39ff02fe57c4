#!/usr/bin/env bash
# Builds the widget and serves the demo page (dist/index.html) on loopback.
#
#   scripts/serve.sh            release build (wasm-opt, like the shipped bundle)
#   DEV=1 scripts/serve.sh      debug build: faster to rebuild after an edit (re-run the script)
#   PORT=9000 scripts/serve.sh  another port (default 8080); ADDRESS=... another address
#   CSP=1 scripts/serve.sh      serve with the strict Content-Security-Policy partners may use
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

bash scripts/build.sh

port="${PORT:-8080}"
address="${ADDRESS:-127.0.0.1}"
csp=()
if [ "${CSP:-0}" != 0 ]; then csp=(--csp); fi
echo "serve: http://$address:$port/  (Ctrl-C stops)"
exec python3 scripts/static_server.py dist --port "$port" --address "$address" "${csp[@]}"
