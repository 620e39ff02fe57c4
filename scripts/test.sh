#!/usr/bin/env bash
# Runs every check, stopping at the first failure:
#   1. formatting            cargo fmt --all --check
#   2. lints                 cargo clippy --all-targets -D warnings, natively (the widget and the
#                            sandbox server, --workspace) and for wasm32 (the widget only, with and
#                            without the `sandbox` feature)
#   3. native tests          cargo test --workspace  (includes the sandbox server over real HTTP)
#   4. in-page browser tests cargo test --target wasm32-unknown-unknown --test … (every test target
#                            with browser tests but `embedding`; headless Chromium), with the sandbox server
#                            (see start_sandbox_server below) running
#   5. release bundle build  scripts/build.sh                             (-> dist/)
#      size budget           scripts/bundle-size.mjs: fails when the production bundle (wasm, JS glue,
#                            widget.html's page, module and CSS) is over BUNDLE_BUDGET_BROTLI bytes
#      npm package           scripts/package.sh --check  (pack, install into a page project, tsc)
#   6. embedding tests       cargo test --target wasm32-unknown-unknown --test embedding: they load
#                            dist/ and the package, with the fixture servers (scripts/test_servers.sh)
# Step 5 runs in the background from the start, beside 1-4 (its own target directory, so no cargo
# lock is shared): on two cores its single-threaded link and wasm-opt phases overlap their work.
# Its output is shown when it is joined, before step 6. Then prints "tests: N passed, N failed"
# (native + browser) alone on the last line.
#
# Extra arguments go to every cargo test run, e.g. `scripts/test.sh -- mounts_the_widget`.
# Env: WASM_BINDGEN_TEST_TIMEOUT (seconds per browser test binary, default 600).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

bash scripts/setup.sh test

logs="$(mktemp -d)"
server_pid=""
release_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  # The background release job runs in its own process group (setsid): stop all of it.
  if [ -n "$release_pid" ]; then kill -- "-$release_pid" 2>/dev/null || true; wait "$release_pid" 2>/dev/null || true; fi
  bash scripts/test_servers.sh stop
  rm -rf "$logs"
}
trap cleanup EXIT
passed=0
failed=0

summary() { echo "tests: $passed passed, $failed failed"; }

# Adds up libtest's (and wasm-bindgen-test's) "test result: ok. N passed; M failed; ..." lines.
count() {
  local p f
  while read -r p f; do
    passed=$((passed + p))
    failed=$((failed + f))
  done < <(sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" \
             | sed -nE 's/^test result: [A-Za-z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/p')
}

# step NAME COMMAND...: runs it with its output shown (and kept for counting); stops on failure.
step() {
  local name="$1" t0 rc
  shift
  t0=$(date +%s)
  echo "==> $name: $*"
  set +e
  "$@" 2>&1 | tee "$logs/$name.log"
  rc=${PIPESTATUS[0]}
  set -e
  count "$logs/$name.log"
  if [ "$rc" -ne 0 ]; then
    echo "==> $name FAILED (exit $rc) after $(elapsed "$t0")"
    summary
    exit "$rc"
  fi
  echo "==> $name ok in $(elapsed "$t0")"
}

# Whether something answers HTTP on 127.0.0.1:$1 (bash's /dev/tcp: no curl needed).
answers() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && printf 'GET /institutions/recommended?pageSize=1 HTTP/1.0\r\n\r\n' >&3 && head -c 12 <&3" 2>/dev/null | grep -q '^HTTP/1\.[01] 200'
}

# The browser suite's back-end for tests/browser/http.rs: the sandbox server, in the background,
# on a port derived from this checkout's path (so the browser tests, which read the URL at compile
# time, are not rebuilt on every run) or any free port when that one is taken. Fast timings, like
# the in-page sandbox's in the tests. Stopped by `cleanup` on exit, failure included.
start_sandbox_server() {
  local preferred=$(( 20000 + $(printf '%s' "$ROOT" | cksum | cut -d' ' -f1) % 20000 )) port url t0
  t0=$(date +%s)
  cargo build --quiet -p connect-widget-sandbox-server || return 1
  for port in "$preferred" 0; do
    "$ROOT/target/debug/connect-widget-sandbox-server" --port "$port" --aggregation-ms 60 --sync-ms 20 \
      >"$logs/server.out" 2>"$logs/server.err" &
    server_pid=$!
    for _ in $(seq 100); do
      url="$(sed -n 's/^connect-widget sandbox server listening on //p' "$logs/server.out")"
      if [ -n "$url" ] || ! kill -0 "$server_pid" 2>/dev/null; then break; fi
      sleep 0.1
    done
    if [ -n "$url" ] && answers "${url##*:}"; then
      export CONNECT_WIDGET_SANDBOX_SERVER="$url"
      echo "==> sandbox server at $url (pid $server_pid) in $(elapsed "$t0")"
      return 0
    fi
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  done
  echo "==> the sandbox server did not start:" >&2
  cat "$logs/server.err" >&2
  return 1
}

# The release job (step 5): build.sh, the size check, the package. Output to $logs/release.log.
# The goal is 150 KB of brotli (bench/RESULTS.md, "Where the bytes go"); until the bundle gets
# there, the check holds it at the size measured last plus a small margin, so it can only shrink.
start_release() {
  echo "==> release (in the background): build.sh, bundle-size.mjs, package.sh --check"
  release_t0=$(date +%s)
  setsid bash -c 'set -e
    echo "==> build: bash scripts/build.sh"; bash scripts/build.sh
    echo "==> size: node scripts/bundle-size.mjs dist --budget $1"; node scripts/bundle-size.mjs dist --budget "$1"
    echo "==> package: NO_BUILD=1 bash scripts/package.sh --check"; NO_BUILD=1 bash scripts/package.sh --check' \
    release "${BUNDLE_BUDGET_BROTLI:-242000}" >"$logs/release.log" 2>&1 </dev/null &
  release_pid=$!
}

# Waits for the release job, shows its output, and stops here when it failed.
join_release() {
  local rc=0
  wait "$release_pid" || rc=$?
  release_pid=""
  echo "==> release output:"
  cat "$logs/release.log"
  if [ "$rc" -ne 0 ]; then
    echo "==> release FAILED (exit $rc) after $(elapsed "$release_t0")"
    summary
    exit "$rc"
  fi
  echo "==> release ok in $(elapsed "$release_t0") (in the background)"
}

# The test targets with browser tests (tests/NAME.rs or tests/NAME/ that use wasm_bindgen_test; the
# lib's unit tests if src/ does), but the embedding suite. The native-only suites (tests/flow,
# tests/host_decoding: `#![cfg(not(target_arch = "wasm32"))]`) and the lib's native unit tests
# would only be compiled, linked and loaded for wasm to run nothing: about a minute on a fresh machine.
has_browser_tests() { grep -rqs 'wasm_bindgen_test' "$@"; }
in_page_tests=()
if has_browser_tests src; then in_page_tests+=(--lib); fi
for file in tests/*.rs tests/*/main.rs; do
  name="${file#tests/}"
  name="${name%/main.rs}"
  name="${name%.rs}"
  if [ "$name" != embedding ] && has_browser_tests "tests/$name.rs" "tests/$name"; then in_page_tests+=(--test "$name"); fi
done

step fmt cargo fmt --all --check
start_release
step clippy-native cargo clippy --workspace --all-targets -- -D warnings
step clippy-wasm cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The production bundle is built without the default `sandbox` feature: lint that build too.
step clippy-production cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings

step native cargo test --workspace "$@"

# The runner (.cargo/config.toml) drives /usr/bin/chromium through ChromeDriver with the
# arguments in webdriver.json. WASM_BINDGEN_USE_BROWSER runs test files that lack
# wasm_bindgen_test_configure!(run_in_browser) in the browser too, instead of node.
# All tests of one test binary share one page: each mounts into its own container.
browser_env=(env CHROMEDRIVER="$CHROMEDRIVER_BIN" WASM_BINDGEN_USE_BROWSER=1
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-600}")
start_sandbox_server || { summary; exit 1; }
step browser "${browser_env[@]}" cargo test --target wasm32-unknown-unknown "${in_page_tests[@]}" "$@"

# The embedding tests (tests/embedding/) load dist/ and the packed npm package, and pages
# served on other origins: they wait for the release job, and the fixture servers are
# started for them (stopped by `cleanup` on exit, failure included).
join_release
count "$logs/release.log"
bash scripts/test_servers.sh start || { summary; exit 1; }
step embedding "${browser_env[@]}" cargo test --target wasm32-unknown-unknown --test embedding "$@"

summary
