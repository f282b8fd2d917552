#!/usr/bin/env python3
"""A wire story and N reprints (tests/bench/popular.py): every reprint is
linked to the wire, the wire is the origin of every reprint that has a time
or credits it, and the links and pairs reported grow with N, not with its
square.

    check_popular.py WIRETRACE N [TMPDIR]
    check_popular.py --index WIRETRACE N [TMPDIR]

With --index, the wire and N reprints go into an index and 20 more
reprints are queried: each must find the wire, however many of the stored
copies share its keys (past the index's cap on a key's holders, its
earliest holders stand for it).  Prints the figures; exits 1 when a check
fails.
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


QUERIES = 20


def check_index(exe, n, tmpdir):
    with tempfile.TemporaryDirectory(dir=tmpdir) as tmp:
        stored, asked = os.path.join(tmp, "stored"), os.path.join(tmp, "new")
        popular.write(n + QUERIES, stored, 1)
        os.makedirs(asked)
        for i in range(n, n + QUERIES):
            name = "r%05d.txt" % i
            os.rename(os.path.join(stored, name), os.path.join(asked, name))
        db = os.path.join(tmp, "ix.db")
        t0 = time.monotonic()
        p = subprocess.run([exe, "index", "add", "-q", "--db", db, stored],
                           capture_output=True)
        if p.returncode != 0:
            sys.exit("index add exited %d: %s" % (p.returncode, p.stderr))
        added = time.monotonic() - t0
        missed = []
        t0 = time.monotonic()
        for name in sorted(os.listdir(asked)):
            q = subprocess.run([exe, "index", "query", "--json", "--db", db,
                                os.path.join(asked, name)],
                               capture_output=True)
            d = json.loads(q.stdout)
            srcs = {s["document"] for para in d["documents"][0]["paragraphs"]
                    for s in para.get("sources", [])}
            if not any(x.endswith("-wire.txt") for x in srcs):
                missed.append(name)
        asked_s = time.monotonic() - t0
    print("index of the wire and %d reprints: added in %.2f s, %d queries in "
          "%.2f s, %d did not find the wire" %
          (n, added, QUERIES, asked_s, len(missed)))
    if missed:
        sys.exit("queries that did not find the wire: %s" % missed[:5])


def main():
    if sys.argv[1] == "--index":
        return check_index(sys.argv[2], int(sys.argv[3]),
                           sys.argv[4] if len(sys.argv) > 4 else None)
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
