#!/usr/bin/env python3
"""Slices each input of `wiretrace extract --json` at every byte range it
reports and checks that the slices hold the paragraph's text.

Usage: check_ranges.py WIRETRACE FILE_OR_DIR...

Each range must lie in the file (decompressed when it is gzip), hold no
markup ('<' or '>'), and the ranges of a paragraph, read as UTF-8 with
their character references decoded, must give its text (white space
aside).  Pages in other charsets are checked for the markup rule only.
Exit 0 when every paragraph passes, 1 otherwise (the first failures are
printed), 77 (skipped) when none of the files is there.
"""
import html
import json
import os
import re
import subprocess
import sys
import zlib

SPACE = re.compile(r"[\s\u00ad\u200b\ufeff\x00]+")
MARKUP = re.compile(rb"<[A-Za-z/!?]")


def inputs(args):
    for a in args:
        if os.path.isdir(a):
            for name in sorted(os.listdir(a)):
                if name.endswith((".html", ".htm", ".html.gz")):
                    yield os.path.join(a, name)
        else:
            yield a


def raw_bytes(path):
    data = open(path, "rb").read()
    if data[:2] != b"\x1f\x8b":
        return data
    # What a cut-off stream holds up to the cut, as wiretrace reads it.
    z = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        return z.decompress(data)
    except zlib.error:
        return b""


def check_doc(doc, data, failures):
    try:
        data.decode("utf-8")
        utf8 = True
    except UnicodeDecodeError:
        utf8 = False
    for i, p in enumerate(doc["paragraphs"]):
        pieces = []
        for start, end in p["ranges"]:
            piece = data[start:end]
            if end > len(data) or start > end or MARKUP.search(piece):
                failures.append(f"{doc['path']} ¶{i}: range {start}-{end} "
                                f"is not text: {piece[:60]!r}")
                return
            pieces.append(piece.decode("utf-8", "replace"))
        if not utf8:
            continue
        got = SPACE.sub("", html.unescape("".join(pieces)))
        want = SPACE.sub("", p["text"])
        if got != want:
            failures.append(f"{doc['path']} ¶{i}: ranges give {got[:80]!r}, "
                            f"text is {want[:80]!r}")


def main():
    # Pages that are not there (the benchmark's, outside the tree) are
    # left out; with none left the test is skipped.
    exe, files = sys.argv[1], [f for f in inputs(sys.argv[2:])
                               if os.path.exists(f)]
    if not files:
        print("no pages found: skipped")
        return 77
    out = subprocess.run([exe, "extract", "--json", "--quiet"] + files,
                         stdout=subprocess.PIPE, check=False).stdout
    docs = json.loads(out)["documents"]
    failures, paragraphs = [], 0
    for doc in docs:
        check_doc(doc, raw_bytes(doc["path"]), failures)
        paragraphs += len(doc["paragraphs"])
    for f in failures[:20]:
        print(f)
    print(f"{len(docs)} pages, {paragraphs} paragraphs, "
          f"{len(failures)} failing")
    return 1 if failures or not paragraphs else 0


if __name__ == "__main__":
    sys.exit(main())
