#!/usr/bin/env python3
"""Subresource Integrity for a folder of shipped files.

Usage: sri.py DIR

1. Fills every `__SRI_<file>__` placeholder in DIR's text files with that file's
   `sha384-<base64>` hash, a file's own placeholders first (widget-frame.js names
   the wasm's hash; widget.html then names widget-frame.js's).
2. Writes DIR/integrity.json: {"algorithm": "sha384", "files": {path: "sha384-…"}}
   for every file in DIR (integrity.json aside), to publish with the package.
"""
import base64
import hashlib
import json
import os
import re
import sys

PLACEHOLDER = re.compile(r"__SRI_([A-Za-z0-9._/-]+)__")
TEXT_SUFFIXES = (".html", ".js", ".css", ".json", ".md", ".ts")


def sri(path):
    with open(path, "rb") as f:
        return "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode()


def files_under(root):
    out = []
    for folder, _, names in os.walk(root):
        for name in names:
            out.append(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return sorted(p for p in out if p != "integrity.json")


def placeholders(root, path):
    if not path.endswith(TEXT_SUFFIXES):
        return set()
    with open(os.path.join(root, path), encoding="utf-8") as f:
        return set(PLACEHOLDER.findall(f.read()))


def fill(root):
    pending = {p: placeholders(root, p) for p in files_under(root)}
    pending = {p: names for p, names in pending.items() if names}
    while pending:
        # A file can be filled once none of the files it names still waits.
        ready = [p for p, names in pending.items() if not names & pending.keys()]
        if not ready:
            sys.exit(f"sri.py: placeholders form a cycle in {sorted(pending)}")
        for path in ready:
            full = os.path.join(root, path)
            with open(full, encoding="utf-8") as f:
                text = f.read()

            def hash_of(match):
                name = match.group(1)
                target = os.path.join(os.path.dirname(full), name)
                if not os.path.isfile(target):
                    sys.exit(f"sri.py: {path} names {name}, which is not in {root}")
                return sri(target)

            with open(full, "w", encoding="utf-8") as f:
                f.write(PLACEHOLDER.sub(hash_of, text))
            del pending[path]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    fill(root)
    manifest = {"algorithm": "sha384", "files": {p: sri(os.path.join(root, p)) for p in files_under(root)}}
    with open(os.path.join(root, "integrity.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
