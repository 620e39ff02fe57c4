#!/usr/bin/env python3
"""The project's benchmark: bundle size, speed and memory, against targets.

Usage: python3 bench/run.py [--no-build]
Builds the release bundles (unless --no-build), measures the shipped files
(raw, gzip -9, brotli -11): the production bundle against its budget, the sandbox
build beside it. Then loads bench/bench.html (on the sandbox build: it needs no host) in headless Chromium
through ChromeDriver's W3C HTTP API (no Python packages needed) and reports
speed and memory. Writes bench/RESULTS.md, keeping the sections other tools wrote there
(between `<!-- begin: NAME -->` and `<!-- end: NAME -->`). Exits 1 if a target is missed.
"""
import gzip
import http.server
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"

# Targets (docs/performance.md says why these numbers).
TARGETS = {
    # What a partner's page fetches before the first screen (scripts/bundle-size.mjs counts the same).
    "production_bundle_brotli_bytes": 150_000,
    "wasm_brotli_bytes": 300_000,
    "js_brotli_bytes": 12_000,
    "init_ms": 400,
    "first_screen_ms_median": 50,
    "select_to_form_ms_median": 50,
    "search_to_results_ms_median": 50,
    "js_heap_growth_after_200_mounts_bytes": 2_000_000,
    "wasm_memory_growth_after_200_mounts_bytes": 2_000_000,
    "wasm_memory_ten_widgets_bytes": 8_000_000,
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def brotli_size(path):
    code = "const z=require('zlib'),f=require('fs');" \
           "process.stdout.write(String(z.brotliCompressSync(f.readFileSync(process.argv[1])," \
           "{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))"
    out = subprocess.run(["node", "-e", code, str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout)


def sizes():
    files = {
        "wasm": DIST / "connect-widget_bg.wasm",
        "js": DIST / "connect-widget.js",
        "iframe page": DIST / "widget.html",
        "iframe module": DIST / "widget-frame.js",
        "iframe css": DIST / "widget-frame.css",
        "sandbox build wasm": DIST / "connect-widget-sandbox_bg.wasm",
        "sandbox build js": DIST / "connect-widget-sandbox.js",
        "css source (minified into the wasm by build.rs)": ROOT / "style" / "widget.css",
    }
    result = {}
    for kind, path in files.items():
        raw = path.read_bytes()
        result[kind] = {"file": path.name, "raw": len(raw), "gzip": len(gzip.compress(raw, 9)), "brotli": brotli_size(path)}
    return result


def webdriver(port, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())["value"]


def run_page():
    site = pathlib.Path(tempfile.mkdtemp(prefix="cw-bench-"))
    for f in DIST.iterdir():
        if f.is_file():
            shutil.copy(f, site)
    shutil.copy(ROOT / "bench" / "bench.html", site)
    http_port = free_port()
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(site), **k)  # noqa: E731
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", http_port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver_port = free_port()
    driver = subprocess.Popen([os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"), f"--port={driver_port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    profile = tempfile.mkdtemp(prefix="cw-bench-profile-")
    try:
        for _ in range(100):
            try:
                webdriver(driver_port, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--enable-precise-memory-info",
                "--js-flags=--expose-gc", f"--user-data-dir={profile}"]
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": os.environ.get("CHROMIUM", "/usr/bin/chromium"), "args": args}}}}
        session = webdriver(driver_port, "POST", "/session", caps)["sessionId"]
        try:
            time.sleep(1)  # let Chromium settle (docs/development.md, pitfall 8)
            webdriver(driver_port, "POST", f"/session/{session}/url", {"url": f"http://127.0.0.1:{http_port}/bench.html"})
            deadline = time.time() + 180
            while time.time() < deadline:
                text = webdriver(driver_port, "POST", f"/session/{session}/execute/sync",
                                 {"script": "return document.getElementById('result').textContent", "args": []})
                if text:
                    return json.loads(text)
                time.sleep(0.5)
            return {"error": "the benchmark page did not finish in 180 s"}
        finally:
            webdriver(driver_port, "DELETE", f"/session/{session}")
    finally:
        driver.terminate()
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)


def kept_sections(text):
    """Sections of RESULTS.md written by other tools (e.g. bench/compare/run.py), kept as they
    are: each sits between `<!-- begin: NAME -->` and `<!-- end: NAME -->` lines."""
    return [m.group(0) for m in re.finditer(r"^<!-- begin: (\S+) -->$.*?^<!-- end: \1 -->$", text, re.S | re.M)]


def main():
    if "--no-build" not in sys.argv:
        subprocess.run(["bash", "scripts/build.sh"], cwd=ROOT, check=True)
    size = sizes()
    page = run_page()
    measured = dict(page)
    measured["wasm_brotli_bytes"] = size["wasm"]["brotli"]
    measured["js_brotli_bytes"] = size["js"]["brotli"]
    measured["production_bundle_brotli_bytes"] = sum(
        size[k]["brotli"] for k in ("wasm", "js", "iframe page", "iframe module", "iframe css"))
    lines = ["# Benchmark results", "",
             f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} cores "
             f"by `python3 bench/run.py` (release build, headless Chromium). Targets: `docs/performance.md`.", "",
             "| file | raw | gzip | brotli |", "| --- | ---: | ---: | ---: |"]
    for kind, s in size.items():
        lines.append(f"| {kind} (`{s['file']}`) | {s['raw']:,} | {s['gzip']:,} | {s['brotli']:,} |")
    lines += ["", "| measure | value | target | |", "| --- | ---: | ---: | --- |"]
    missed = []
    for key, value in measured.items():
        if key == "error":
            continue
        target = TARGETS.get(key)
        shown = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
        ok = "" if target is None else ("met" if value <= target else "MISSED")
        if ok == "MISSED":
            missed.append(key)
        lines.append(f"| {key} | {shown} | {'' if target is None else f'{target:,}'} | {ok} |")
    if "error" in page:
        lines += ["", f"Benchmark page error: `{page['error']}`"]
        missed.append("error")
    report = "\n".join(lines) + "\n"
    results = ROOT / "bench" / "RESULTS.md"
    kept = kept_sections(results.read_text() if results.exists() else "")
    results.write_text(report + "".join("\n" + block + "\n" for block in kept))
    print(report)
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
