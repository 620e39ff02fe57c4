#!/usr/bin/env bash
# Where the production wasm's bytes go: builds it with its function names kept (wasm-bindgen
# --keep-debug, then the release wasm-opt flags with --debuginfo, so the code is what ships and
# only the name section is extra), then runs twiggy on it and sums the items by owner.
#
#   scripts/size-profile.sh                 production build (no sandbox)
#   FEATURES=sandbox scripts/size-profile.sh   the sandbox build
#   TOP=60 scripts/size-profile.sh          more of twiggy's largest items
#
# Installs twiggy (cargo install, light profile) when it is missing. Output: target/size-profile/.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

bash scripts/setup.sh build
if ! command -v twiggy >/dev/null 2>&1; then
  echo "size-profile: installing twiggy (cargo install, about a minute) ..."
  cargo install twiggy --version 0.8.0 --config profile.release.opt-level=1 --config profile.release.lto=false
fi

out=target/size-profile
rm -rf "$out"
mkdir -p "$out"
features=(--no-default-features)
if [ -n "${FEATURES:-}" ]; then features=(--features "$FEATURES"); fi
release_wasm_build "${features[@]}"
wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$out" --out-name named \
  "$RELEASE_WASM"
read -ra wasm_opt_flags <<< "${WASM_OPT_FLAGS:--O1}"
wasm-opt "${wasm_opt_flags[@]}" --debuginfo --output "$out/named_bg.wasm" "$out/named_bg.wasm"
twiggy top -n 100000 -f csv "$out/named_bg.wasm" > "$out/top.csv"
twiggy top -n "${TOP:-25}" "$out/named_bg.wasm"

python3 - "$out/top.csv" <<'PY'
import csv, re, sys
from collections import Counter

LEPTOS = ("tachys", "reactive_graph", "leptos", "any_spawner", "or_poisoned", "throw_error", "next_tuple",
          "slotmap", "guardian", "send_wrapper", "oco_ref", "any_error", "futures", "futures_util", "pin_project",
          "either_of", "wasm_streams")
STD = ("core", "alloc", "std", "dlmalloc", "hashbrown", "compiler_builtins", "__rustc", "indexmap", "zmij",
       "itoa", "ryu", "memchr")
BINDINGS = ("wasm_bindgen", "js_sys", "web_sys", "gloo_net", "gloo_utils", "wasm_bindgen_futures")

def owner(name):
    # std rebuilt from source (release_wasm_build) names crates with a hash: core[27cd0353e63fa9bc]::…
    name = re.sub(r"\[[0-9a-f]{8,}\]", "", name)
    if name.startswith('"function names"') or name.startswith('"local names"') or name.startswith("\"") and "names" in name:
        return None
    if name.startswith("data segment") or name.startswith("data["):
        return "data segments (strings, tables, CSS)"
    # Owned by the first path in the name: the function's own (`core::ptr::drop_in_place::<connect_widget::…>`
    # is std's), or for a tuple or `<_ as Trait>` impl, the crate of its first element or trait.
    head = re.search(r"([A-Za-z_0-9]+)::([a-z_0-9]+)", name)
    crate = head.group(1) if head else ""
    if crate == "connect_widget":
        return f"widget: {head.group(2)}"
    if crate in ("serde", "serde_json", "serde_core"):
        return "serde + serde_json"
    if crate in LEPTOS:
        return "leptos (tachys, reactive_graph, leptos)"
    if crate in STD:
        return "Rust std (core, alloc: generic code, fmt, collections, allocator)"
    if crate in BINDINGS or "externref shim" in name or name.startswith("__wbindgen") or name.startswith("__wbg"):
        return "wasm-bindgen, js-sys, web-sys, gloo"
    return "other (exports, tables, unnamed)"

sizes = Counter()
for row in csv.DictReader(open(sys.argv[1])):
    group = owner(row["Name"])
    if group:
        sizes[group] += int(row["ShallowSize"])
total = sum(sizes.values())
print(f"\n{'bytes':>9} {'share':>6}  owner (the name section left out; {total:,} bytes in all)")
for group, size in sizes.most_common():
    print(f"{size:>9,} {100 * size / total:5.1f}%  {group}")
PY
