#!/usr/bin/env bash
# Runs every check, in order, stopping at the first failure:
#   1. formatting            cargo fmt --check
#   2. lints                 cargo clippy --all-targets -D warnings, natively and for wasm32
#   3. native tests          cargo test
#   4. browser tests         cargo test --target wasm32-unknown-unknown --tests  (headless Chromium;
#                            --tests: doctests would only be compiled for wasm, never run, yet counted)
#   5. release bundle build  scripts/build.sh                             (-> dist/)
# then prints "tests: N passed, N failed" (native + browser) alone on the last line.
#
# Extra arguments go to both cargo test runs, e.g. `scripts/test.sh -- mounts_the_widget`.
# Env: WASM_BINDGEN_TEST_TIMEOUT (seconds per browser test binary, default 600).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

bash scripts/setup.sh test

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
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


step fmt cargo fmt --check
step clippy-native cargo clippy --all-targets -- -D warnings
step clippy-wasm cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step native cargo test "$@"

# The runner (.cargo/config.toml) drives /usr/bin/chromium through ChromeDriver with the
# arguments in webdriver.json. WASM_BINDGEN_USE_BROWSER runs test files that lack
# wasm_bindgen_test_configure!(run_in_browser) in the browser too, instead of node.
# All tests of one test binary share one page: each mounts into its own container.
step browser env CHROMEDRIVER="$CHROMEDRIVER_BIN" WASM_BINDGEN_USE_BROWSER=1 \
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-600}" \
  cargo test --target wasm32-unknown-unknown --tests "$@"

step release bash scripts/build.sh

summary
