#!/usr/bin/env python3
"""Serves a folder on loopback for the demo and the tests, with no caching.

Usage: static_server.py DIR [--port N] [--address A] [--csp] [--csp-report] [--port-file PATH]
--csp adds the strict Content-Security-Policy partners may use:
default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
--csp-report (tests) also asks the browser to report every violation to this
server: it POSTs them to /__csp-report, and GET /__csp-report lists them as JSON.
--port 0 picks a free port; --port-file writes the port that was bound.
"""
import argparse
import functools
import http.server
import json
import threading

STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
REPORT_PATH = "/__csp-report"


class Handler(http.server.SimpleHTTPRequestHandler):
    csp = False
    report = False
    reports = []
    lock = threading.Lock()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        if self.csp:
            policy = STRICT_CSP + (f"; report-uri {REPORT_PATH}" if self.report else "")
            self.send_header("Content-Security-Policy", policy)
        super().end_headers()

    def do_POST(self):
        if not (self.report and self.path == REPORT_PATH):
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        try:
            report = json.loads(body).get("csp-report", {})
        except (ValueError, AttributeError):
            report = {"unreadable": body[:200]}
        with self.lock:
            self.reports.append(report)
        self.send_response(204)
        self.end_headers()

    def do_GET(self):
        if self.report and self.path == REPORT_PATH:
            with self.lock:
                body = json.dumps(self.reports).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


# .wasm must be application/wasm for WebAssembly.instantiateStreaming, and .js a
# JavaScript type for module scripts, whatever the system's mime table says.
Handler.extensions_map = {**Handler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript",
                          ".mjs": "text/javascript", ".json": "application/json"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--address", default="127.0.0.1")
    parser.add_argument("--csp", action="store_true")
    parser.add_argument("--csp-report", action="store_true")
    parser.add_argument("--port-file")
    args = parser.parse_args()
    Handler.csp = args.csp
    Handler.report = args.csp_report
    handler = functools.partial(Handler, directory=args.dir)
    with http.server.ThreadingHTTPServer((args.address, args.port), handler) as server:
        if args.port_file:
            with open(args.port_file, "w", encoding="utf-8") as f:
                f.write(str(server.server_address[1]))
        server.serve_forever()


if __name__ == "__main__":
    main()
