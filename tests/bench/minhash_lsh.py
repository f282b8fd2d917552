#!/usr/bin/python3
"""MinHash + LSH near-duplicate search, the datasketch way, as a peer.

    /usr/bin/python3 tests/bench/minhash_lsh.py DIR [--perms 128]
        [--threshold 0.5] [--k 3] [--pairs]
    /usr/bin/python3 tests/bench/minhash_lsh.py --jsonl FILE ...

datasketch (MinHash, MinHashLSH) is the reference Python library for this
job, but it is neither a Debian package nor reachable here (no PyPI), so
this file does what it does, step for step, on Debian's numpy: each token
hashed by the first 4 bytes of its SHA-1 (little endian), 128 permutations
(a*x + b) mod (2**61 - 1) drawn once from numpy's RandomState(1) and
truncated to 32 bits, the elementwise minimum as the signature; LSH bands
and rows chosen by datasketch's optimal-parameter search (false positive
and false negative weights 0.5, integrated numerically); every document
inserted then queried; candidate pairs kept when the estimated Jaccard is
at least the threshold.  Tokens are lowercased word 3-shingles.

Prints: documents, bytes, candidate pairs, pairs kept, and the CPU seconds
of the whole run (reading included) on one line each, "name value"; with
--pairs first every pair kept, "pair<TAB>name<TAB>name" (file names, or
the "id" of each JSON Lines record of --jsonl FILE, whose "text" is read).
"""
import argparse
import hashlib
import json
import os
import re
import struct
import sys
import time

import numpy as np

MERSENNE = np.uint64((1 << 61) - 1)
MAX_HASH = np.uint64((1 << 32) - 1)


def integrate(f, a, b, steps=200):
    h = (b - a) / steps
    return sum(f(a + (i + 0.5) * h) for i in range(steps)) * h


def optimal_param(threshold, perms):
    """Bands and rows minimising 0.5 FP + 0.5 FN area, as datasketch."""
    best, opt = float("inf"), (0, 0)
    for b in range(1, perms + 1):
        for r in range(1, perms // b + 1):
            fp = integrate(lambda s: 1 - (1 - s ** r) ** b, 0.0, threshold)
            fn = integrate(lambda s: 1 - (1 - (1 - s ** r) ** b), threshold,
                           1.0)
            err = 0.5 * fp + 0.5 * fn
            if err < best:
                best, opt = err, (b, r)
    return opt


WORD = re.compile(r"\w+", re.U)


def shingles(text, k):
    w = WORD.findall(text.lower())
    return {" ".join(w[i:i + k]).encode() for i in range(max(1, len(w) - k + 1))}


def signature(tokens, a, b):
    hv = np.array([struct.unpack("<I", hashlib.sha1(t).digest()[:4])[0]
                   for t in tokens], dtype=np.uint64)
    phv = np.bitwise_and((np.outer(hv, a) + b) % MERSENNE, MAX_HASH)
    return phv.min(axis=0)


def documents(o):
    """(name, raw bytes, text) of every document, in name order for a
    folder and in file order for JSON Lines."""
    if o.jsonl:
        with open(o.jsonl, "rb") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    text = rec["text"]
                    yield rec["id"], text.encode("utf-8"), text
        return
    for name in sorted(f for f in os.listdir(o.dir) if f.endswith(".txt")):
        with open(os.path.join(o.dir, name), "rb") as f:
            raw = f.read()
        yield name, raw, raw.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?")
    ap.add_argument("--jsonl", help="read JSON Lines records instead of DIR")
    ap.add_argument("--perms", type=int, default=128)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--k", type=int, default=3)
    ap.add_argument("--pairs", action="store_true",
                    help="also print every pair kept")
    o = ap.parse_args()
    if not o.dir and not o.jsonl:
        ap.error("a DIR or --jsonl FILE is needed")
    t0 = time.process_time()
    gen = np.random.RandomState(1)
    a = gen.randint(1, MERSENNE, size=o.perms, dtype=np.uint64)
    b = gen.randint(0, MERSENNE, size=o.perms, dtype=np.uint64)
    bands, rows = optimal_param(o.threshold, o.perms)
    tables = [dict() for _ in range(bands)]
    sigs, nbytes, names = [], 0, []
    for i, (name, raw, text) in enumerate(documents(o)):
        names.append(name)
        nbytes += len(raw)
        sig = signature(shingles(text, o.k), a, b)
        sigs.append(sig)
        for j in range(bands):
            key = sig[j * rows:(j + 1) * rows].byteswap().tobytes()
            tables[j].setdefault(key, []).append(i)
    cand = set()
    for i, sig in enumerate(sigs):
        for j in range(bands):
            key = sig[j * rows:(j + 1) * rows].byteswap().tobytes()
            for other in tables[j].get(key, ()):
                if other > i:
                    cand.add((i, other))
    kept = [(i, j) for i, j in sorted(cand)
            if np.count_nonzero(sigs[i] == sigs[j]) / o.perms >= o.threshold]
    for i, j in kept if o.pairs else ():
        print("pair\t%s\t%s" % (names[i], names[j]))
    print("documents %d\nbytes %d\ncandidates %d\npairs %d\ncpu_s %.2f"
          % (len(names), nbytes, len(cand), len(kept),
             time.process_time() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
