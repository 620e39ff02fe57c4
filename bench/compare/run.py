#!/usr/bin/env python3
"""Side by side with MX's React widget: the same mock host, the same page, measured in one run.

Usage: python3 bench/compare/run.py [--no-build] [--runs N] [--serve]

  --no-build  reuse dist/ (else `bash scripts/build.sh` builds our release bundle first)
  --runs N    loads per widget and CPU rate (default 7); medians are reported
  --serve     build the two pages and serve them for a look in a browser; measure nothing

Runs `npm ci` in bench/compare/ when its node_modules is missing or stale, bundles MX's widget
(`@mxenabled/connect-widget` with React, exact versions in package.json) with esbuild, serves
both pages over HTTPS with every file brotli-compressed (as a CDN sends them), and loads each
page in a fresh headless Chromium (new profile per load) at CPU 1x and 4x, 412 px wide, through
ChromeDriver's W3C HTTP API (Python's standard library only, as bench/run.py). Writes the
section "Side by side with MX's React widget" into bench/RESULTS.md, keeping the rest.
What is measured and how: bench/compare/README.md.
"""
import argparse
import datetime
import http.server
import importlib.util
import json
import os
import pathlib
import platform
import re
import shutil
import signal
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BUILD = HERE / "build"
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "bench/compare"  # the marker of our block in RESULTS.md (bench/run.py keeps it)

_spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
bench_run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_run)
webdriver, free_port = bench_run.webdriver, bench_run.free_port

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
VIEWPORT = {"width": 412, "height": 915, "deviceScaleFactor": 2.625, "mobile": True}
RATES = (1, 4)
WIDGETS = ("ours", "theirs")
TYPING_GAP_S = 0.12  # between keystrokes: a quick typist, well inside the debounce
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                 ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".png": "image/png"}


def log(*parts):
    print("compare:", *parts, flush=True)


# --- building the two pages -----------------------------------------------------------------

def npm_ci_if_needed():
    lock = HERE / "package-lock.json"
    installed = HERE / "node_modules" / ".package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    log("npm ci in bench/compare (MX's widget, React, esbuild) ...")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def bundle_theirs():
    BUILD.mkdir(exist_ok=True)
    subprocess.run([str(HERE / "node_modules" / ".bin" / "esbuild"), "theirs-entry.js", "--bundle", "--minify",
                    "--format=esm", f"--outfile={BUILD / 'mx-connect-widget.js'}",
                    '--define:process.env.NODE_ENV="production"', "--log-level=warning"], cwd=HERE, check=True)


def their_search_debounce_ms():
    """The React widget's search debounce, read from the code it ships (lodash debounce in Search)."""
    source = (HERE / "node_modules" / "@mxenabled" / "connect-widget" / "dist" / "index.es.js").read_text()
    found = re.search(r"const debounceSearch = \w+\(\(value\) => \{.*?\n  \}, (\d+)\);", source, re.S)
    if not found:
        sys.exit("compare: cannot find the search debounce in @mxenabled/connect-widget's dist; update the pattern")
    return int(found.group(1))


def mock_host_exports(*names):
    """Values exported by mock-host.js (read with node, so the module stays the one source)."""
    picked = ", ".join(f"{n}: m.{n}" for n in names)
    script = (f"import({json.dumps((HERE / 'mock-host.js').as_uri())})"
              f".then((m) => console.log(JSON.stringify({{{picked}}})))")
    out = json.loads(subprocess.run(["node", "--input-type=module", "-e", script],
                                    capture_output=True, text=True, check=True).stdout)
    return out[names[0]] if len(names) == 1 else out


def node_module_version(name):
    return json.loads((HERE / "node_modules" / name / "package.json").read_text())["version"]


def logo_mask(supersample=3):
    """Coverage (0-255) of a logo's two shapes at 100 x 100: a rounded square, and a ring inside it."""
    side, n = 100, supersample
    square, ring = bytearray(side * side), bytearray(side * side)
    for y in range(side):
        for x in range(side):
            in_square = in_ring = 0
            for sy in range(n):
                for sx in range(n):
                    px, py = x + (sx + 0.5) / n, y + (sy + 0.5) / n
                    # Rounded square, corner radius 16.
                    cx, cy = min(max(px, 16), 84), min(max(py, 16), 84)
                    in_square += (px - cx) ** 2 + (py - cy) ** 2 <= 16 ** 2
                    in_ring += 22 ** 2 <= (px - 50) ** 2 + (py - 50) ** 2 <= 31 ** 2
            square[y * side + x] = in_square * 255 // (n * n)
            ring[y * side + x] = in_ring * 255 // (n * n)
    return square, ring


def logo_png(slug, masks):
    """A bank logo as the aggregator's CDN serves them: a 100 x 100 PNG (MX's are PNGs of that size),
    a white ring on a colour of the bank's own, anti-aliased edges."""
    import colorsys
    import struct
    import zlib
    square, ring = masks
    hue = sum(ord(c) * 7 for c in slug) % 360
    r, g, b = (round(v * 255) for v in colorsys.hls_to_rgb(hue / 360, 0.38, 0.55))
    rows = bytearray()
    for y in range(100):
        rows.append(0)  # filter: none
        for x in range(100):
            alpha, white = square[y * 100 + x], ring[y * 100 + x]
            blend = lambda c: (c * (255 - white) + 255 * white) // 255  # noqa: E731
            rows += bytes((blend(r), blend(g), blend(b), alpha))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100, 100, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def make_site():
    """A folder with both pages, their files, the logos, and a .br beside every file."""
    site = pathlib.Path(tempfile.mkdtemp(prefix="cw-compare-site-"))
    for name in ("ours.html", "theirs.html", "measure.js", "mock-host.js"):
        shutil.copy(HERE / name, site)
    for name in ("connect-widget.js", "connect-widget_bg.wasm"):
        shutil.copy(ROOT / "dist" / name, site)
    for name in ("mx-connect-widget.js", "mx-connect-widget.css"):
        shutil.copy(BUILD / name, site)
    (site / "blank.html").write_text("<!doctype html><link rel=\"icon\" href=\"data:,\"><title>blank</title>\n")
    logos = mock_host_exports("LOGOS")
    (site / "logos").mkdir()
    masks = logo_mask()
    for logo in logos:
        (site / "logos" / f"{logo['slug']}.png").write_bytes(logo_png(logo["slug"], masks))
    compress = ("const z=require('zlib'),fs=require('fs'),p=require('path');"
                "const walk=(d)=>fs.readdirSync(d,{withFileTypes:true}).flatMap((e)=>e.isDirectory()?walk(p.join(d,e.name)):[p.join(d,e.name)]);"
                "for(const f of walk(process.argv[1]))fs.writeFileSync(f+'.br',z.brotliCompressSync(fs.readFileSync(f),"
                "{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,[z.constants.BROTLI_PARAM_SIZE_HINT]:fs.statSync(f).size}}));")
    subprocess.run(["node", "-e", compress, str(site)], check=True)
    return site


# --- an HTTPS server that sends what a CDN sends ---------------------------------------------

class Site:
    """Serves the site over HTTPS (self-signed, loopback only), each file as its .br with
    Content-Encoding: br. Counts responses that could not be sent compressed."""

    def __init__(self, folder):
        self.folder = folder
        self.uncompressed = []
        self.port = free_port()
        keys = pathlib.Path(tempfile.mkdtemp(prefix="cw-compare-tls-"))
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-keyout", str(keys / "key.pem"), "-out", str(keys / "cert.pem"),
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, capture_output=True)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(keys / "cert.pem", keys / "key.pem")
        shutil.rmtree(keys)
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                path = self.path.split("?", 1)[0].lstrip("/") or "index.html"
                file = (site.folder / path).resolve()
                if site.folder not in file.parents or not file.is_file() or file.suffix == ".br":
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                brotli = "br" in self.headers.get("Accept-Encoding", "")
                body = (file.with_name(file.name + ".br") if brotli else file).read_bytes()
                if not brotli:
                    site.uncompressed.append(path)
                self.send_response(200)
                self.send_header("Content-Type", CONTENT_TYPES.get(file.suffix, "application/octet-stream"))
                if brotli:
                    self.send_header("Content-Encoding", "br")
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Cache-Control", "public, max-age=3600")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                # A browser closed at the end of a load drops its open connections: not an error.
                if not isinstance(sys.exc_info()[1], (ConnectionError, ssl.SSLError)):
                    super().handle_error(request, client_address)

        self.server = Server(("127.0.0.1", self.port), Handler)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True,
                                                 do_handshake_on_connect=False)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return f"https://127.0.0.1:{self.port}/{path}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


# --- Chromium through ChromeDriver ------------------------------------------------------------

class Driver:
    def __init__(self):
        self.port = free_port()
        self.process = subprocess.Popen([CHROMEDRIVER, f"--port={self.port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                webdriver(self.port, "GET", "/status")
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("chromedriver did not start")

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Browser:
    """One Chromium with a fresh profile: one page load."""

    def __init__(self, driver):
        self.driver = driver
        self.profile = tempfile.mkdtemp(prefix="cw-compare-profile-")
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--enable-precise-memory-info",
                "--js-flags=--expose-gc", "--ignore-certificate-errors", "--window-size=412,915",
                f"--user-data-dir={self.profile}"]
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "acceptInsecureCerts": True,
                                                 "goog:chromeOptions": {"binary": CHROMIUM, "args": args}}}}
        answer = webdriver(driver.port, "POST", "/session", caps)
        self.session = answer["sessionId"]
        self.version = answer["capabilities"].get("browserVersion", "?")
        self.call("POST", "/timeouts", {"script": 120_000, "pageLoad": 120_000})
        time.sleep(1)  # let Chromium settle (docs/development.md, pitfall 8)

    def call(self, method, path, body=None):
        try:
            return webdriver(self.driver.port, method, f"/session/{self.session}{path}", body)
        except urllib.error.HTTPError as error:
            detail = json.loads(error.read() or b"{}").get("value", {})
            raise RuntimeError(f"WebDriver {method} {path}: {detail.get('error')}: "
                               f"{str(detail.get('message', ''))[:500]}") from None

    def cdp(self, cmd, params=None):
        return self.call("POST", "/goog/cdp/execute", {"cmd": cmd, "params": params or {}})

    def js(self, script, *args):
        return self.call("POST", "/execute/sync", {"script": script, "args": list(args)})

    def wait(self, promise_expression):
        """Waits in the page (no polling) until the promise settles; returns its value."""
        script = ("const done = arguments[arguments.length - 1];"
                  f"Promise.resolve({promise_expression}).then((v) => done({{ok: v === undefined ? null : v}}),"
                  " (e) => done({error: String(e && e.stack || e)}));")
        answer = self.call("POST", "/execute/async", {"script": script, "args": []})
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer["ok"]

    def close(self):
        try:
            self.call("DELETE", "")
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


def descendants(pid):
    children = {}
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def private_footprint(pid):
    """Bytes of a process's private memory footprint as Chromium counts it on Linux
    (resident anonymous memory + swap)."""
    status = dict(line.split(":", 1) for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines()
                  if ":" in line)
    kib = lambda key: int(status.get(key, "0 kB").split()[0])  # noqa: E731
    return (kib("RssAnon") + kib("VmSwap")) * 1024


def renderer_memory(driver):
    """The page's renderer: the largest web-content renderer under this ChromeDriver (Chromium
    also keeps a spare renderer and the one of the first blank page; they hold no widget and are
    far smaller)."""
    sizes = []
    for pid in descendants(driver.process.pid):
        try:
            # Chromium rewrites its process title: flags may be joined by spaces, not NULs.
            cmdline = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"--type=renderer" in cmdline and not re.search(rb"--extension-process|--top-chrome-webui", cmdline):
                sizes.append(private_footprint(pid))
        except OSError:
            continue
    return max(sizes) if sizes else None


# --- one load ---------------------------------------------------------------------------------

class Unsteady(Exception):
    """A load that did not go as a user's would (typing slower than the debounce on a busy
    machine): measured again."""


def one_load(driver, site, widget, rate, debounce_ms, query):
    browser = Browser(driver)
    try:
        # Same-origin blank page first, so the emulation below applies to the page's renderer.
        browser.call("POST", "/url", {"url": site.url("blank.html")})
        browser.cdp("Emulation.setDeviceMetricsOverride", VIEWPORT)
        browser.cdp("Emulation.setCPUThrottlingRate", {"rate": rate})
        page = "ours.html" if widget == "ours" else "theirs.html"
        browser.call("POST", "/url", {"url": site.url(f"{page}?searchDebounceMs={debounce_ms}")})
        browser.wait("new Promise((r) => { const t = () => window.bench && window.bench.popular ? r(window.bench.popular) : setTimeout(t, 20); t(); })")
        if not browser.js("return window.bench.armSearch()"):
            raise RuntimeError("the search field did not take focus")
        for char in query:
            pressed = time.monotonic()
            browser.cdp("Input.dispatchKeyEvent", {"type": "keyDown", "key": char, "text": char})
            browser.cdp("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})
            time.sleep(max(0.0, TYPING_GAP_S - (time.monotonic() - pressed)))
        browser.wait("window.bench.search")
        typed = browser.js("return window.bench.results")
        if typed["input_events"] != len(query):
            raise RuntimeError(f"{widget}: {typed['input_events']} input events for {len(query)} keystrokes")
        if typed["longest_key_gap_ms"] >= debounce_ms:
            raise Unsteady(f"{widget}: {typed['longest_key_gap_ms']:.0f} ms between two keystrokes (the machine is busy)")
        point = browser.js("return window.bench.armTap()")
        time.sleep(0.3)  # let a scroll settle
        for kind in ("mousePressed", "mouseReleased"):
            browser.cdp("Input.dispatchMouseEvent", {"type": kind, "x": point["x"], "y": point["y"],
                                                     "button": "left", "clickCount": 1})
        browser.wait("window.bench.form")
        time.sleep(0.5)  # let the form settle before memory is read
        result = dict(browser.wait("window.bench.memory()"))
        result.update(browser.js("return window.bench.marks"))
        result["renderer_bytes"] = renderer_memory(driver)
        transfers = browser.js("return window.bench.transfer()")
        result["bytes"] = sum(t["transfer"] for t in transfers)
        result["requests"] = len(transfers)
        widget_files = ("/connect-widget", "/mx-connect-widget")
        result["widget_code_bytes"] = sum(t["transfer"] for t in transfers if t["name"].startswith(widget_files))
        result["transfers"] = transfers
        errors = browser.js("return window.bench.errors")
        if errors:
            raise RuntimeError(f"{widget} page errors: {errors}")
        result["browser"] = browser.version
        return result
    finally:
        browser.close()


def measured(*load, attempts=3):
    for attempt in range(1, attempts + 1):
        try:
            return one_load(*load)
        except Unsteady as why:
            if attempt == attempts:
                raise RuntimeError(f"{why}, {attempts} times: try again when the machine is quieter") from None
            log(f"{why}: measuring again")


# --- the report ---------------------------------------------------------------------------

MEASURES = [  # key, label, unit
    ("bytes", "bytes transferred, whole page (brotli, headers included)", "KB"),
    ("widget_code_bytes", "… of which the widget's code (JS, wasm, CSS)", "KB"),
    ("requests", "requests", ""),
    ("code_ready_ms", "navigation start → widget code loaded and compiled", "ms"),
    ("popular_painted_ms", "navigation start → popular list painted", "ms"),
    ("keystroke_to_results_ms", "last keystroke → results painted (debounce included)", "ms"),
    ("tap_to_form_ms", "tap on an institution → login form painted", "ms"),
    ("js_heap_bytes", "JS heap after GC (login form shown)", "MB"),
    ("heap_and_wasm_bytes", "JS heap + wasm linear memory", "MB"),
    ("renderer_bytes", "renderer process, private memory", "MB"),
]


def shown(value, unit):
    if value is None:
        return "n/a"
    if unit == "KB":
        return f"{value / 1000:,.1f} KB"
    if unit == "MB":
        return f"{value / 1_000_000:,.2f} MB"
    if unit == "ms":
        return f"{value:,.0f} ms"
    return f"{value:,.0f}"


def medians(runs):
    out = {}
    for key, _, _ in MEASURES:
        values = [r[key] for r in runs if r.get(key) is not None]
        out[key] = statistics.median(values) if values else None
    return out


def section(summary, meta):
    lines = [f"<!-- begin: {SECTION} -->", "## Side by side with MX's React widget", "",
             f"Measured {meta['date']} by `python3 bench/compare/run.py` ({meta['runs']} loads per widget and CPU "
             "rate, medians; a fresh Chromium profile per load). How: `bench/compare/README.md`.", "",
             f"- Machine: {meta['machine']}",
             f"- Browser: headless Chromium {meta['browser']}, viewport 412×915 CSS px (device scale 2.625, mobile), "
             "CPU throttling 1× and 4× (DevTools `Emulation.setCPUThrottlingRate`)",
             f"- Ours: connect-widget {meta['ours']} (`dist/` release build: `connect-widget.js` + "
             "`connect-widget_bg.wasm`, the production build, without the sandbox)",
             f"- Theirs: `@mxenabled/connect-widget` {meta['theirs']} with react {meta['react']}, react-dom "
             f"{meta['react_dom']}, @mui/material {meta['mui']}, bundled by esbuild {meta['esbuild']} "
             "(one minified ES module + CSS)",
             f"- Both: the same page shell, the same mock host (`bench/compare/mock-host.js`: host answers after "
             f"{meta['delays']}), the same search debounce ({meta['debounce']} ms, read from the React widget's "
             "code), every file served over HTTPS as brotli (quality 11)", "",
             "| measure | 1× ours | 1× theirs | 1× ours/theirs | 4× ours | 4× theirs | 4× ours/theirs |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for key, label, unit in MEASURES:
        cells = [label]
        for rate in RATES:
            ours, theirs = summary[rate]["ours"][key], summary[rate]["theirs"][key]
            ratio = f"{ours / theirs:.2f}" if ours is not None and theirs else "n/a"
            cells += [shown(ours, unit), shown(theirs, unit), ratio]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", *meta["notes"], f"<!-- end: {SECTION} -->"]
    return "\n".join(lines) + "\n"


def write_section(text):
    """Replaces our block in bench/RESULTS.md, or appends it; keeps everything else."""
    current = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    block = re.compile(rf"<!-- begin: {re.escape(SECTION)} -->.*?<!-- end: {re.escape(SECTION)} -->\n?", re.S)
    if block.search(current):
        updated = block.sub(lambda _: text, current)
    else:
        updated = current.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(updated)


def machine():
    model = "unknown CPU"
    for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kib = int(pathlib.Path("/proc/meminfo").read_text().split()[1])
    return f"{model}, {os.cpu_count()} cores, {mem_kib / 1024 / 1024:.0f} GiB, {platform.system()} {platform.release()}"


def our_version():
    version = re.search(r'^version\s*=\s*"([^"]+)"', (ROOT / "Cargo.toml").read_text(), re.M).group(1)
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    return f"{version} (commit {commit.stdout.strip() or '?'})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--serve", action="store_true")
    options = parser.parse_args()
    # Stopped from outside: still remove the temporary site and profiles (the `finally`s below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    npm_ci_if_needed()
    if not options.no_build:
        subprocess.run(["bash", "scripts/build.sh"], cwd=ROOT, check=True)
    if not (ROOT / "dist" / "connect-widget_bg.wasm").exists():
        sys.exit("compare: dist/ has no build; run without --no-build")
    if not (pathlib.Path(CHROMIUM).exists() and pathlib.Path(CHROMEDRIVER).exists()):
        subprocess.run(["bash", "scripts/setup.sh", "test"], cwd=ROOT, check=True)
    bundle_theirs()
    debounce = their_search_debounce_ms()
    mock = mock_host_exports("QUERY", "DELAYS_MS")
    site_dir = make_site()
    site = Site(site_dir)
    try:
        if options.serve:
            log(f"ours:   {site.url(f'ours.html?searchDebounceMs={debounce}')}")
            log(f"theirs: {site.url('theirs.html')}")
            log("self-signed certificate: accept it in the browser. Ctrl-C to stop.")
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return
        started = datetime.datetime.now(datetime.timezone.utc)
        load_at_start = os.getloadavg()[0]
        driver = Driver()
        runs = {rate: {w: [] for w in WIDGETS} for rate in RATES}
        browser_version = "?"
        try:
            for i in range(options.runs):
                for rate in RATES:
                    # Alternate who goes first, so that drift on a shared machine hits both alike.
                    for widget in (WIDGETS if i % 2 == 0 else WIDGETS[::-1]):
                        result = measured(driver, site, widget, rate, debounce, mock["QUERY"])
                        browser_version = result["browser"]
                        result["heap_and_wasm_bytes"] = result["js_heap_bytes"] + result["wasm_memory_bytes"]
                        runs[rate][widget].append(result)
                        log(f"run {i + 1}/{options.runs} {rate}x {widget}: "
                            + ", ".join(f"{k} {shown(result[k], u)}" for k, _, u in MEASURES))
        finally:
            driver.close()
        if site.uncompressed:
            sys.exit(f"compare: served without brotli (the browser did not accept br): {sorted(set(site.uncompressed))}")
    finally:
        site.close()
        shutil.rmtree(site_dir, ignore_errors=True)

    summary = {rate: {w: medians(runs[rate][w]) for w in WIDGETS} for rate in RATES}
    raw = {f"{rate}x": {w: [{k: v for k, v in r.items() if k != "transfers"} for r in runs[rate][w]] for w in WIDGETS}
           for rate in RATES}
    first = {w: runs[1][w][0] for w in WIDGETS}
    (BUILD / "last-run.json").write_text(json.dumps({"runs": raw, "files": {w: first[w]["transfers"] for w in WIDGETS}},
                                                    indent=1))
    delays = mock["DELAYS_MS"]
    meta = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "runs": options.runs,
        "machine": f"{machine()}; load average {load_at_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end "
                   "(the machine is shared: loads alternate between the widgets so drift hits both)",
        "browser": browser_version,
        "ours": our_version(),
        "theirs": node_module_version("@mxenabled/connect-widget"),
        "react": node_module_version("react"),
        "react_dom": node_module_version("react-dom"),
        "mui": node_module_version("@mui/material"),
        "esbuild": node_module_version("esbuild"),
        "debounce": debounce,
        "delays": ", ".join(f"{k} {v} ms" for k, v in delays.items()),
        "notes": notes(first, delays, debounce),
    }
    text = section(summary, meta)
    write_section(text)
    print(text)


def notes(first, delays, debounce):
    """What a reader needs to read the table, from the first 1x load of each widget."""
    def calls(widget, key):
        names = [n for n in first[widget][key].split(", ") if n]
        parts = []
        for marked in names:
            name = marked.lstrip("+")  # "+": called while an earlier call was still unanswered
            overlap = " (at the same time as the call before it)" if marked.startswith("+") else ""
            parts.append(f"`{name}` {delays.get(name, delays['other'])} ms{overlap}")
        return ", ".join(parts) or "none"

    lines = ["How to read it (ratios below 1 favour ours):", "",
             "- Bytes: the document and every file the page fetched until the login form was shown "
             "(Resource Timing `transferSize`: the brotli body plus the 300 bytes Chromium counts for headers). "
             "Both pages share the same shell, `measure.js`, `mock-host.js` and institution logos; the second row "
             "is the widget alone.",
             "- Painted: the first frame in which the list or the password field is in the DOM (MutationObserver, "
             "then the end of that frame's requestAnimationFrame). MX's widget then fades its lists and fields in "
             "(300 ms CSS animations, each after a delay of 100 ms or more), which is not counted; ours shows them "
             "at once.",
             "- Host calls each measure waits for (the mock host's delays are part of every timing):"]
    for label, key in (("before the popular list", "calls_before_popular"),
                       (f"for the results ({debounce} ms debounce first)", "calls_for_results"),
                       ("for the login form", "calls_for_form")):
        lines.append(f"  - {label}: ours {calls('ours', key)}; theirs {calls('theirs', key)}.")
    lines += ["- JS heap: `performance.memory.usedJSHeapSize` after three forced garbage collections, login form "
              "on screen. Ours keeps its state in WebAssembly memory, outside the JS heap: the next row adds it. "
              "Renderer: private memory footprint (RssAnon + VmSwap) of the page's renderer process, same moment.",
              "", "Files each page fetched (first 1× load; bytes on the wire):", ""]
    for widget in WIDGETS:
        files = first[widget]["transfers"]
        parts = [f"`{t['name']}` {t['transfer']:,}" for t in files if not t["name"].startswith("/logos/")]
        logos = [t for t in files if t["name"].startswith("/logos/")]
        parts.append(f"{len(logos)} logos {sum(t['transfer'] for t in logos):,}")
        lines.append(f"- {widget}: " + ", ".join(parts))
    return lines


if __name__ == "__main__":
    main()
