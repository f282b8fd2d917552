#!/usr/bin/env python3
"""A wire story and N reprints (tests/bench/popular.py): every reprint is
linked to the wire, the wire is the origin of every reprint that has a time
or credits it, and the links and pairs reported grow with N, not with its
square.

    check_popular.py WIRETRACE N [TMPDIR]

Prints the figures; exits 1 when a check fails.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "bench"))
import popular  # noqa: E402

# Per reprint: its 8 paragraphs link to the wire and the wire's to it (16
# links), with slack for edits; one pair with the wire, the same slack.
# Reprints that nothing dates or credits (one in ten) cannot be ordered
# against each other, so they stay linked to each other as well: up to
# 16 links and one pair per two of them.
LINKS_PER_COPY = 20
PAIRS_PER_COPY = 2
LINKS_PER_UNDATED_PAIR = 16


def main():
    exe, n = sys.argv[1], int(sys.argv[2])
    with tempfile.TemporaryDirectory(dir=sys.argv[3] if len(sys.argv) > 3
                                     else None) as tmp:
        popular.write(n, tmp, 1)
        t0 = time.monotonic()
        p = subprocess.run([exe, "scan", "--json", tmp], capture_output=True)
        secs = time.monotonic() - t0
    if p.returncode != 1:
        sys.exit("scan exited %d: %s" % (p.returncode, p.stderr.decode()))
    d = json.loads(p.stdout)
    docs = d["documents"]
    wire = [x["id"] for x in docs if x["id"].endswith("-wire.txt")][0]
    links = 0
    unlinked = []
    for x in docs:
        srcs = {s["document"] for para in x["paragraphs"]
                for s in para.get("sources", [])}
        links += sum(len(para.get("sources", [])) for para in x["paragraphs"])
        if x["id"] != wire and wire not in srcs:
            unlinked.append(x["id"])
    wrong = []
    for pr in d["pairs"]:
        if wire in (pr["a"], pr["b"]):
            other = pr["b"] if pr["a"] == wire else pr["a"]
            if popular.dated_or_credited(other) and pr["origin"] != wire:
                wrong.append(other)
    print("%d reprints: %.2f s, %d links, %d pairs, %d not linked to the "
          "wire, %d with the wrong origin" %
          (n, secs, links, len(d["pairs"]), len(unlinked), len(wrong)))
    bad = []
    if unlinked:
        bad.append("not linked to the wire: %s" % unlinked[:5])
    if wrong:
        bad.append("origin not the wire: %s" % wrong[:5])
    u = sum(1 for x in docs
            if x["id"] != wire and not popular.dated_or_credited(x["id"]))
    if links > LINKS_PER_COPY * n + LINKS_PER_UNDATED_PAIR * u * (u - 1) // 2:
        bad.append("%d links for %d copies, %d undated" % (links, n, u))
    if len(d["pairs"]) > PAIRS_PER_COPY * n + u * (u - 1) // 2:
        bad.append("%d pairs for %d copies, %d undated" %
                   (len(d["pairs"]), n, u))
    if bad:
        sys.exit("; ".join(bad))


if __name__ == "__main__":
    main()
