#!/usr/bin/env python3
"""Serves a folder on loopback for the demo and the tests, with no caching.

Usage: static_server.py DIR [--port N] [--address A] [--csp]
--csp adds the strict Content-Security-Policy partners may use:
default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
"""
import argparse
import functools
import http.server

STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"


class Handler(http.server.SimpleHTTPRequestHandler):
    csp = False

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        if self.csp:
            self.send_header("Content-Security-Policy", STRICT_CSP)
        super().end_headers()

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--address", default="127.0.0.1")
    parser.add_argument("--csp", action="store_true")
    args = parser.parse_args()
    Handler.csp = args.csp
    handler = functools.partial(Handler, directory=args.dir)
    with http.server.ThreadingHTTPServer((args.address, args.port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
