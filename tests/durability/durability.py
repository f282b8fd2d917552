#!/usr/bin/env python3
"""Index durability: `wiretrace index add` killed with SIGKILL, readers
during an add, and two adds at once into one index.

usage: durability.py WIRETRACE DBCHECK [--kills N] [--articles N]
                     [--batch N] [--concurrent N] [--seed N]
                     [--reader-rounds N]

Every check prints one line; the exit status is 0 when all hold, 1 when
one does not.  See docs/durability.md for what is asserted and why.
"""
import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

COMMIT = re.compile(r"^wiretrace: index: committed (\d+) article\(s\), "
                    r"(\d+) in the index$")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL " + what, flush=True)
    return ok


def gen_feed(path, prefix, n, rng):
    """n articles with distinct random text, 3 to 7 paragraphs each."""
    letters = "abcdefghijklmnoprstuvwy"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9)))
             for _ in range(4000)]
    arts = []
    with open(path, "w") as f:
        for i in range(n):
            paras = [" ".join(rng.choice(words)
                              for _ in range(rng.randint(30, 60)))
                     .capitalize() + "."
                     for _ in range(rng.randint(3, 7))]
            a = {"id": "%s%05d" % (prefix, i), "text": "\n\n".join(paras)}
            arts.append(a)
            f.write(json.dumps(a) + "\n")
    return arts


def dbcheck(args, db):
    """integrity message, orphan counts, {id: row} from the dbcheck tool."""
    p = subprocess.run([args.dbcheck, db], capture_output=True, text=True)
    if p.returncode != 0:
        return None, None, {}, p.stderr.strip()
    integ, orphans, docs = None, None, {}
    for line in p.stdout.splitlines():
        f = line.split("\t")
        if f[0] == "integrity":
            integ = f[1]
        elif f[0] == "orphans":
            orphans = (int(f[1]), int(f[2]))
        elif f[0] == "doc":
            docs[f[1]] = tuple(f[2:])
    return integ, orphans, docs, ""


def stats(args, db):
    p = subprocess.run([args.wiretrace, "index", "stats", "--db", db,
                        "--format", "json"], capture_output=True, text=True)
    if p.returncode != 0:
        return None, p.stderr.strip()
    return json.loads(p.stdout), ""


def complete(row):
    """A document row with its paragraphs and every posting it lists."""
    paras, fps, bands, fp_ok, band_ok = (int(x) for x in row[:5])
    return (paras > 0 and paras % 12 == 0 and fp_ok * 8 == fps and
            band_ok * 8 == bands)


def kills(args, tmp, rng):
    feed = os.path.join(tmp, "feed.jsonl")
    arts = gen_feed(feed, "a", args.articles, rng)
    ids = [a["id"] for a in arts]
    add = [args.wiretrace, "index", "add", "--batch", str(args.batch),
           "-j", "2", "--db"]
    # A full run: the reference rows, and how long an add takes.
    # The faster of two runs: the first one pays for a cold cache.
    full = None
    for name in ("ref.db", "ref2.db"):
        ref_db = os.path.join(tmp, name)
        t0 = time.monotonic()
        p = subprocess.run(add + [ref_db, feed], capture_output=True,
                           text=True)
        t = time.monotonic() - t0
        full = t if full is None else min(full, t)
        check(p.returncode == 0, "reference add exits 0 (%d: %s)"
              % (p.returncode, p.stderr[-300:]))
    ref_db = os.path.join(tmp, "ref.db")
    _, _, ref, _ = dbcheck(args, ref_db)
    check(sorted(ref) == ids, "reference index holds the whole feed")
    print("reference add: %d articles in %.2f s" % (len(ids), full))
    unreported = early = late = 0
    for k in range(args.kills):
        db = os.path.join(tmp, "kill%d.db" % k)
        delay = rng.uniform(0, full)
        proc = subprocess.Popen(add + [db, feed], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        err = proc.communicate()[1]
        reported = 0
        for line in err.splitlines():
            m = COMMIT.match(line)
            if m:
                reported = int(m.group(2))
        st, msg = stats(args, db)
        what = "kill %d at %.3f s" % (k, delay)
        # Killed before the index got its tables: stats opens read-only
        # and says it is not an index, which holds only before a commit.
        if st is None and ("no index here" in msg or
                           "not a wiretrace index" in msg):
            check(reported == 0, what + ": not an index after a reported "
                  "commit (%s)" % msg)
            early += 1
            continue
        if not check(st is not None, what + ": index opens (%s)" % msg):
            continue
        integ, orphans, docs, msg = dbcheck(args, db)
        check(integ == "ok", what + ": integrity_check ok (%s %s)"
              % (integ, msg))
        check(orphans == (0, 0), what + ": no posting without its document"
              " %s" % (orphans,))
        held = sorted(docs)
        n = len(held)
        # Documents go in feed order: the index must hold a prefix of it.
        check(held == ids[:n], what + ": holds a prefix of the feed")
        check(n >= reported, what + ": holds the %d reported committed"
              " (has %d)" % (reported, n))
        nxt = min(reported + args.batch, len(ids))
        check(n in (reported, nxt), what + ": beyond the reported, only "
              "one whole batch (%d reported, %d held)" % (reported, n))
        if n > reported:
            unreported += 1
        early += n == 0
        late += n == len(ids)
        bad = [i for i in held if not complete(docs[i]) or
               docs[i] != ref[i]]
        check(not bad, what + ": every document whole and as in a full "
              "run (%s)" % bad[:3])
        check(st["documents"] == n, what + ": stats counts %d documents"
              % n)
        # The killed index takes the rest of the feed (every 10th kill).
        if k % 10:
            continue
        p = subprocess.run(add + [db, feed], capture_output=True, text=True)
        _, _, docs, _ = dbcheck(args, db)
        check(p.returncode == 0 and docs == ref,
              what + ": a second add completes it")
    print("kills: %d (%d before the first commit, %d after the last); "
          "%d with one committed batch not yet reported"
          % (args.kills, early, late, unreported))


def readers(args, tmp, rng):
    feed = os.path.join(tmp, "rfeed.jsonl")
    arts = gen_feed(feed, "r", 3 * args.articles, rng)
    ref_db = os.path.join(tmp, "rref.db")
    subprocess.run([args.wiretrace, "index", "add", "--db", ref_db, feed],
                   capture_output=True)
    _, _, ref, _ = dbcheck(args, ref_db)
    nparas = {i: int(r[0]) // 12 for i, r in ref.items()}
    # Query articles: copies of feed articles under other ids.
    qfile = os.path.join(tmp, "q.jsonl")
    picked = rng.sample(arts, 8)
    with open(qfile, "w") as f:
        for a in picked:
            f.write(json.dumps({"id": "q" + a["id"], "text": a["text"]})
                    + "\n")
    db = os.path.join(tmp, "readers.db")
    # Three long batches: a query that waited for the write lock would
    # finish only between them.
    add = subprocess.Popen([args.wiretrace, "index", "add", "--batch",
                            str(len(arts) // 3), "-j", "1", "--db", db,
                            feed],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    queries = seen = during = 0
    answered = False
    while True:
        running = add.poll() is None
        p = subprocess.run([args.wiretrace, "index", "query", "--db", db,
                            "--format", "jsonl", qfile],
                           capture_output=True, text=True)
        queries += 1
        if add.poll() is None:
            during += 1
        # Before the add has created the index a query finds none (65),
        # never after one answered or once the add is done.
        if p.returncode == 65 and running and not answered:
            continue
        answered = True
        if not check(p.returncode in (0, 1), "query %d during add exits 0 "
                     "or 1 (%d: %s)" % (queries, p.returncode,
                                       p.stderr.strip()[-200:])):
            break
        for line in p.stdout.splitlines():
            d = json.loads(line)["documents"][0]
            src = d["id"][1:]
            got = {}
            for para in d["paragraphs"]:
                for s in para["sources"]:
                    got.setdefault(s["document"], set()).add(
                        (para["index"], s["paragraph"]))
            for doc, pairs in got.items():
                check(all(sp < nparas.get(doc, 0) for _, sp in pairs),
                      "query %d: %s names paragraphs %s has" %
                      (queries, d["id"], doc))
            if src in got:
                seen += 1
                # Its copy must match every paragraph, as in a full index.
                full = {(i, i) for i in range(nparas[src])}
                check(got[src] == full, "query %d: %s sees all of %s "
                      "(%d of %d paragraphs)" % (queries, d["id"], src,
                                                 len(got[src]), len(full)))
        if not running or queries >= args.reader_rounds:
            break
    add.wait()
    check(add.returncode == 0, "add with readers exits 0")
    # A query opening the index must not wait for the add's batches: one
    # that waited for the write lock would finish only when a batch commits,
    # at most three times while the add (three batches) runs; five or more
    # finish while it runs.  (Not more: the faster the add, the fewer fit,
    # and the sanitizer build's queries are slow.)
    check(during >= 5, "queries finish while the add runs (%d)" % during)
    print("readers: %d queries, %d finished while the add ran, %d "
          "articles found whole" % (queries, during, seen))
    # New text under the same ids: each replacement removes a document and
    # its postings and stores another; queries meanwhile must not fail.
    feed2 = os.path.join(tmp, "rfeed2.jsonl")
    gen_feed(feed2, "r", len(arts), rng)
    add = subprocess.Popen([args.wiretrace, "index", "add", "--batch",
                            str(args.batch), "-j", "1", "--db", db, feed2],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    replaced = 0
    while add.poll() is None and replaced < args.reader_rounds:
        p = subprocess.run([args.wiretrace, "index", "query", "--db", db,
                            "--format", "jsonl", qfile],
                           capture_output=True, text=True)
        replaced += 1
        if not check(p.returncode in (0, 1), "query %d during replacement"
                     " exits 0 or 1 (%d: %s)" % (replaced, p.returncode,
                                                 p.stderr.strip()[-200:])):
            break
    add.wait()
    check(add.returncode == 0, "replacing add exits 0")
    print("readers: %d queries while %d articles were replaced"
          % (replaced, len(arts)))


def concurrent(args, tmp, rng):
    db = os.path.join(tmp, "two.db")
    feeds, ids = [], []
    for name in ("x", "y"):
        f = os.path.join(tmp, name + ".jsonl")
        ids += [a["id"] for a in gen_feed(f, name, args.concurrent, rng)]
        feeds.append(f)
    order, errs = [], {}

    def run(name, feed):
        p = subprocess.Popen([args.wiretrace, "index", "add", "--batch",
                              "100", "-j", "1", "--db", db, feed],
                             stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
        lines = []
        for line in p.stderr:
            lines.append(line)
            if COMMIT.match(line.strip()):
                order.append(name)
        p.wait()
        errs[name] = (p.returncode, "".join(lines[-3:]).strip())

    threads = [threading.Thread(target=run, args=(n, f))
               for n, f in zip("xy", feeds)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for name, (rc, err) in sorted(errs.items()):
        check(rc == 0, "concurrent add %s exits 0 (%d: %s)" % (name, rc,
                                                               err))
    # Not asserted (it depends on the scheduler): how often the commits
    # of one process followed those of the other.
    switches = sum(1 for a, b in zip(order, order[1:]) if a != b)
    integ, orphans, docs, _ = dbcheck(args, db)
    check(integ == "ok" and orphans == (0, 0), "concurrent: integrity ok")
    check(sorted(docs) == sorted(ids), "concurrent: the index holds the "
          "union (%d of %d)" % (len(docs), len(ids)))
    check(all(complete(r) for r in docs.values()),
          "concurrent: every document whole")
    print("concurrent: 2 adds, %d documents, %d commits, the writer "
          "changed %d times" % (len(docs), len(order), switches))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wiretrace")
    ap.add_argument("dbcheck")
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--concurrent", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--reader-rounds", type=int, default=200)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="wt-durable-") as tmp:
        kills(args, tmp, rng)
        readers(args, tmp, rng)
        concurrent(args, tmp, rng)
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
