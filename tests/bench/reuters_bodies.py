#!/usr/bin/env python3
"""The Reuters-21578 bodies of at least 300 bytes, for the speed figures.

    python3 tests/bench/reuters_bodies.py OUT.jsonl [--data DIR] [--dir TXTDIR]

Writes every <BODY> of ../shared/data/reuters21578 (entities decoded, the
end-of-text mark dropped, trimmed) that is at least 300 bytes long: 15,149
articles, 15.2 MB.  OUT.jsonl holds one {"id", "text"} object a line (for
`index add`); --dir also writes them as DIR/NNNNN.txt (for `scan`).
"""
import argparse
import gzip
import html
import json
import os
import re

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--data", default=os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "../../../shared/data"))
ap.add_argument("--dir")
args = ap.parse_args()
body = re.compile(r"<BODY>(.*?)</BODY>", re.S)
if args.dir:
    os.makedirs(args.dir, exist_ok=True)
n = 0
with open(args.out, "w", encoding="utf-8") as out:
    for i in range(22):
        path = "%s/reuters21578/reut2-%03d.sgm.gz" % (args.data, i)
        with gzip.open(path, "rt", encoding="latin-1") as f:
            for text in body.findall(f.read()):
                text = html.unescape(text).replace("\x03", "").strip()
                if len(text.encode("utf-8")) < 300:
                    continue
                out.write(json.dumps({"id": "r%05d" % n, "text": text}) + "\n")
                if args.dir:
                    with open("%s/%05d.txt" % (args.dir, n), "w",
                              encoding="utf-8") as t:
                        t.write(text + "\n")
                n += 1
