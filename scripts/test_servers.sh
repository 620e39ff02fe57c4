#!/usr/bin/env bash
# Loopback static servers for the embedding browser tests (tests/embedding/): pages on
# origins other than the test page's, as a partner's page and the widget's are.
#
#   scripts/test_servers.sh start    start them; writes target/embedding-servers.json
#   scripts/test_servers.sh stop     stop the ones started here (by their recorded pids)
#
# Both serve the repository root (dist/, tests/embedding/pages/, the MX web SDK in node_modules/):
#   parent  plain                         the partner's page (MX's SDK, the bridge), a foreign origin
#   csp     the strict CSP + report-uri   pages that must run with zero violations
# The browser tests read the origins from target/embedding-servers.json, which the test
# runner's own server hands them (it serves the repository root too).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

state=target/embedding-servers
mkdir -p "$state"

stop() {
  if [ -f "$state/pids" ]; then
    while read -r pid; do
      kill "$pid" 2>/dev/null || true
    done < "$state/pids"
    rm -f "$state/pids"
  fi
  rm -f target/embedding-servers.json
}

start() {
  stop
  local name args port
  : > "$state/pids"
  declare -A ports
  for name in parent csp; do
    args=()
    if [ "$name" = csp ]; then args=(--csp --csp-report); fi
    rm -f "$state/$name.port"
    python3 scripts/static_server.py . --port 0 --port-file "$state/$name.port" "${args[@]}" \
      > "$state/$name.log" 2>&1 &
    echo $! >> "$state/pids"
    for _ in $(seq 1 100); do
      [ -s "$state/$name.port" ] && break
      sleep 0.05
    done
    port="$(cat "$state/$name.port" 2>/dev/null || true)"
    [ -n "$port" ] || { echo "test_servers: the $name server did not start: $(cat "$state/$name.log")" >&2; stop; exit 1; }
    ports[$name]="$port"
  done
  printf '{"parent": "http://127.0.0.1:%s", "csp": "http://127.0.0.1:%s"}\n' "${ports[parent]}" "${ports[csp]}" \
    > target/embedding-servers.json
  echo "test_servers: parent on :${ports[parent]}, strict CSP on :${ports[csp]}"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: scripts/test_servers.sh start|stop" >&2; exit 2 ;;
esac
