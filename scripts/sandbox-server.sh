#!/usr/bin/env bash
# Runs the sandbox as a local HTTP back-end (server/, docs/http-api.md) on http://127.0.0.1:8787.
#
#   scripts/sandbox-server.sh                          port 8787, realistic timings
#   scripts/sandbox-server.sh --port 9000              another port (0 = any free port)
#   scripts/sandbox-server.sh --aggregation-ms 300     faster connections
#   scripts/sandbox-server.sh --allow-origin https://app.example   let a non-loopback page call it
#   scripts/sandbox-server.sh --help                   every option
#
# Then open the demo with ?api=http://127.0.0.1:8787 (scripts/serve.sh), or mount the widget with
# `api: {url: "http://127.0.0.1:8787"}`. Ctrl-C stops it.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

exec cargo run --quiet -p connect-widget-sandbox-server -- "$@"
