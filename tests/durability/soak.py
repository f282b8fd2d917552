#!/usr/bin/env python3
"""Index soak: adds, replacements, removes and queries from several
processes at once for a set time, with writers killed at random and the
disk filling up and freeing again; the index is checked against a ledger
of what every process was told.

usage: soak.py WIRETRACE DBCHECK [--minutes M] [--writers N]
               [--queriers N] [--ids N] [--tmpfs-kb N] [--seed N]

The index lives on a tmpfs of its own (mount needs root: without it the
test is skipped, exit 77).  Every check prints one line when it fails;
the figures are printed at the end; the exit status is 0 when all hold,
1 when one does not.  See docs/durability.md ("The soak test") for what
the ledger allows and why.
"""
import argparse
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zlib

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from durability import check, complete, dbcheck, failures  # noqa: E402

REMOVED = re.compile(r"^wiretrace: (.*): removed$")
ABSENT = re.compile(r"^wiretrace: (.*): not in the index$")
STATUSES = ("added", "replaced", "unchanged", "failed", "error")
RUN_TIMEOUT = 300  # s; one run waits at most 60 s for the lock a batch

lock = threading.Lock()
figures = {}
episodes = []  # (start, end) of each full disk, monotonic seconds


def count(name, n=1):
    with lock:
        figures[name] = figures.get(name, 0) + n


def fcheck(ok, what):
    with lock:
        return check(ok, what)


def read_docs(db, ids=None):
    """{id: text} of the index, read in one snapshot (None: unreadable)."""
    # A reader may have to create the shared-memory file of the log,
    # which fails while the disk is full: it tries again for a minute.
    for tries in range(120):
        try:
            con = sqlite3.connect("file:%s?mode=ro" % db, uri=True,
                                  timeout=120)
            try:
                rows = con.execute("SELECT id, text_len, body FROM docs"
                                   ).fetchall()
            finally:
                con.close()
            break
        except sqlite3.Error as e:
            err = e
            count("test reads retried")
            time.sleep(0.5)
    else:
        fcheck(False, "read the index: %s" % err)
        return None
    out = {}
    for i, n, body in rows:
        if ids is not None and i not in ids:
            continue
        text = zlib.decompress(body).decode()
        fcheck(len(text.encode()) == n, "%s: text of %d bytes" % (i, n))
        out[i] = text
    return out


def show(v):
    return "absent" if v is None else "text %08x" % zlib.crc32(v.encode())


class Words:
    def __init__(self, rng):
        letters = "abcdefghijklmnoprstuvwy"
        self.rng = rng
        self.words = ["".join(rng.choice(letters)
                              for _ in range(rng.randint(3, 9)))
                      for _ in range(4000)]

    def text(self):
        rng = self.rng
        return "\n\n".join(" ".join(rng.choice(self.words)
                                    for _ in range(rng.randint(30, 60)))
                           .capitalize() + "."
                           for _ in range(rng.randint(3, 6)))


class Writer:
    """One process at a time adding and removing its own ids; ledger[id]
    is the set of states the index may hold for id (None: absent)."""

    def __init__(self, args, k, db, feeds, deadline, recent, started):
        self.args, self.k, self.db = args, k, db
        self.rng = random.Random(args.seed * 100 + k)
        self.words = Words(self.rng)
        self.ids = ["w%d-%04d" % (k, i) for i in range(args.ids)]
        self.ledger = {i: {None} for i in self.ids}
        self.feed = os.path.join(feeds, "w%d.jsonl" % k)
        self.deadline = deadline
        self.recent = recent
        self.started = started
        self.dur = {"add": 0.5, "remove": 0.2}

    def run(self):
        n = 0
        while time.monotonic() < self.deadline:
            n += 1
            if self.rng.random() < 0.75:
                self.add("w%d run %d" % (self.k, n))
            else:
                self.remove("w%d run %d" % (self.k, n))

    def launch(self, kind, cmd, what):
        """Runs cmd, killed after a random delay now and then; returns
        (killed, exit status, stdout, stderr)."""
        kill = self.rng.random() < (0.3 if kind == "add" else 0.15)
        delay = self.rng.uniform(0, 1.2 * self.dur[kind])
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        killed = False
        try:
            if kill:
                try:
                    p.wait(timeout=delay)
                except subprocess.TimeoutExpired:
                    p.send_signal(signal.SIGKILL)
                    killed = True
            out, err = p.communicate(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
            fcheck(False, "%s: %s ended within %d s" % (what, kind,
                                                        RUN_TIMEOUT))
            killed = True
        t1 = time.monotonic()
        if not killed:
            self.dur[kind] = 0.8 * self.dur[kind] + 0.2 * (t1 - t0)
        with lock:
            self.full = any(a < t1 and (b is None or b > t0)
                            for a, b in episodes)
        count(kind + " runs")
        if killed:
            count(kind + " kills")
        return killed, p.returncode, out, err

    def add(self, what):
        rng = self.rng
        chosen = rng.sample(self.ids, rng.randint(1, 24))
        arts = []
        for i in chosen:
            same = [v for v in self.ledger[i] if v is not None]
            text = same[0] if same and rng.random() < 0.1 else \
                self.words.text()
            arts.append((i, text))
        with lock:
            self.recent.extend(arts)
            del self.recent[:-300]
        with open(self.feed, "w") as f:
            for i, text in arts:
                f.write(json.dumps({"id": i, "text": text}) + "\n")
        batch = rng.choice((1, 2, 3, 5, 8))
        cmd = [self.args.wiretrace, "index", "add", "--db", self.db,
               "--format", "jsonl", "--batch", str(batch),
               "-j", str(rng.choice((1, 2))), self.feed]
        before = {i: set(self.ledger[i]) for i in chosen}
        killed, rc, out, err = self.launch("add", cmd, what)
        told = []
        for line in out.splitlines():
            try:
                d = json.loads(line)
            except ValueError:
                fcheck(False, "%s: a status line is JSON (%r)" % (what, line))
                continue
            told.append((d.get("id"), d.get("status")))
        what += " (add of %d, batch %d, exit %s)" % (len(arts), batch, rc)
        fcheck(len(told) <= len(arts) and
               [i for i, _ in told] == chosen[:len(told)],
               "%s: one status line per article, in input order" % what)
        for ln in err.splitlines():
            if "index write failed" in ln:
                count("failed batches")
                if not self.full:
                    count("failed batches with the disk not full")
                count("failed batches: " + ln.split(": ", 2)[-1][:60])
        for (i, text), (_, st) in zip(arts, told):
            self.told(what, i, text, st)
        if killed:
            self.after_kill(what, arts[len(told):], before, batch)
            return
        statuses = {st for _, st in told}
        if len(told) < len(arts):
            # Stopped before its articles: only a write failure (or a
            # failed allocation) may stop a run, and nothing changed.
            fcheck(not told and rc in (71, 74), "%s: every article gets "
                   "its line (%d of %d; %s)" % (what, len(told), len(arts),
                                               err.strip()[-200:]))
            count("add runs failed before any article")
            return
        if "failed" in statuses:
            fcheck(rc == 74, "%s: exit 74 when a batch failed" % what)
        elif "error" not in statuses:
            fcheck(rc == 0, "%s: exit 0 when all were stored (%s)"
                   % (what, err.strip()[-200:]))

    def told(self, what, i, text, st):
        """Applies the status told for article (i, text) to the ledger."""
        count("told " + str(st))
        poss = self.ledger[i]
        if st == "added":
            ok = None in poss
        elif st == "replaced":
            ok = any(v is not None and v != text for v in poss)
        elif st == "unchanged":
            ok = text in poss
        elif st in ("failed", "error"):
            return  # its batch was rolled back: the index is as before
        else:
            fcheck(False, "%s: %s: status %r is one of %s"
                   % (what, i, st, STATUSES))
            return
        fcheck(ok, "%s: %s told %s, but the index held %s" %
               (what, i, st, ", ".join(sorted(map(show, poss)))))
        self.ledger[i] = {text}

    def after_kill(self, what, untold, before, batch):
        """A killed run: what the index holds of the articles it was not
        told about.  Only this writer changes its ids, so the index can be
        read now.  Allowed: each is as before or as tried; those that
        changed are the first of them in input order (the batches commit
        in order), at most one batch (its lines had not been written)."""
        now = read_docs(self.db, {i for i, _ in untold})
        if now is None:
            return
        changed, unchanged_after = 0, False
        for i, text in untold:
            prior = before[i]
            got = now.get(i)
            ok = got in prior or got == text
            fcheck(ok, "%s: %s not told, holds %s (before %s, tried %s)" %
                   (what, i, show(got), ", ".join(map(show, prior)),
                    show(text)))
            count("ledger checks")
            self.ledger[i] = {got}
            if text in prior:
                continue  # would not change the index: no sign either way
            if got == text:
                changed += 1
                fcheck(not unchanged_after, "%s: %s committed after an "
                       "earlier article that was not" % (what, i))
            else:
                unchanged_after = True
        fcheck(changed <= batch, "%s: %d untold changes committed, at most"
               " one batch (%d)" % (what, changed, batch))
        if changed:
            count("kills with a committed batch not yet reported")
        # The told ones are read too: they hold what they were told.
        told = [i for i in before if i not in dict(untold)]
        if told:
            self.verify(what, told)

    def verify(self, what, ids):
        now = read_docs(self.db, set(ids))
        if now is None:
            return
        for i in ids:
            got = now.get(i)
            fcheck(got in self.ledger[i], "%s: %s holds %s, told %s" %
                   (what, i, show(got),
                    ", ".join(map(show, self.ledger[i]))))
            count("ledger checks")

    def remove(self, what):
        rng = self.rng
        chosen = rng.sample(self.ids, rng.randint(1, 4))
        before = {i: set(self.ledger[i]) for i in chosen}
        cmd = [self.args.wiretrace, "index", "remove", "--db", self.db,
               "-v"] + chosen
        # Whether the index existed is asked before the run: it may be
        # created while the run goes on.
        early = not self.started.is_set()
        killed, rc, _, err = self.launch("remove", cmd, what)
        what += " (remove of %d, exit %s)" % (len(chosen), rc)
        told = []
        for line in err.splitlines():
            m = REMOVED.match(line) or ABSENT.match(line)
            if m:
                told.append((m.group(1), m.re is REMOVED))
            elif "index write failed" in line:
                count("failed removes")
        fcheck([i for i, _ in told] == chosen[:len(told)],
               "%s: one line per id, in order" % what)
        for i, removed in told:
            poss = self.ledger[i]
            count("told removed" if removed else "told not in the index")
            fcheck(any(v is not None for v in poss) if removed else
                   None in poss, "%s: %s told %s, but the index held %s" %
                   (what, i, "removed" if removed else "not in the index",
                    ", ".join(sorted(map(show, poss)))))
            self.ledger[i] = {None}
        untold = chosen[len(told):]
        if killed:
            # Each removal commits before its line: at most the first
            # untold id can be gone without its line.
            now = read_docs(self.db, set(untold))
            if now is None:
                return
            for n, i in enumerate(untold):
                got = now.get(i)
                ok = got in before[i] or (n == 0 and got is None)
                fcheck(ok, "%s: %s, untold id %d, holds %s (before %s)" %
                       (what, i, n + 1, show(got),
                        ", ".join(map(show, before[i]))))
                count("ledger checks")
                if got not in before[i]:
                    count("remove kills with a removal not yet reported")
                self.ledger[i] = {got}
            return
        if rc == 65 and not told and early:
            return  # before the first add created the index
        if untold:
            fcheck(rc in (71, 74), "%s: ids without a line only after a "
                   "failed write (%s)" % (what, err.strip()[-200:]))
        elif all(r for _, r in told):
            fcheck(rc == 0, "%s: exit 0 (%s)" % (what, err.strip()[-200:]))
        else:
            fcheck(rc == 2, "%s: exit 2 for an id not in the index" % what)


def querier(args, k, db, qdir, deadline, recent, started):
    """Queries copies of texts the writers tried, in a loop.  A source
    named with the id of a copied text holds that text whole (every
    paragraph matched to its own) or another version of that id (no
    paragraph matched): never part of it."""
    rng = random.Random(args.seed * 100 + 50 + k)
    qfile = os.path.join(qdir, "q%d.jsonl" % k)
    n = 0
    while time.monotonic() < deadline:
        with lock:
            pool = list(recent)
        if not pool:
            time.sleep(0.05)
            continue
        picked = rng.sample(pool, min(4, len(pool)))
        with open(qfile, "w") as f:
            for j, (i, text) in enumerate(picked):
                f.write(json.dumps({"id": "q%d-%d-%s" % (k, j, i),
                                    "text": text}) + "\n")
        n += 1
        # Asked before the query: the index may be created while it runs.
        early = not started.is_set()
        t0 = time.monotonic()
        try:
            p = subprocess.run([args.wiretrace, "index", "query", "--db", db,
                                "--format", "jsonl", qfile],
                               capture_output=True, text=True,
                               timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            fcheck(False, "query %d.%d ended within %d s" % (k, n,
                                                            RUN_TIMEOUT))
            continue
        count("queries")
        count("queries exit %d" % p.returncode)
        what = "query %d.%d" % (k, n)
        # 65 (no index here) only before the first add created it.
        if p.returncode == 65 and early:
            continue
        # 74 (input/output error) only while the disk was full: a reader
        # of a write-ahead log may have to create its shared-memory file.
        t1 = time.monotonic()
        with lock:
            full = any(a < t1 and (b is None or b > t0) for a, b in episodes)
        if p.returncode == 74 and full:
            count("queries failed with the disk full (exit 74)")
            continue
        if not fcheck(p.returncode in (0, 1), "%s exits 0 or 1 (%d: %s)" %
                      (what, p.returncode, p.stderr.strip()[-200:])):
            continue
        for line, (i, text) in zip(p.stdout.splitlines(), picked):
            d = json.loads(line)["documents"][0]
            got = set()
            for para in d["paragraphs"]:
                for s in para["sources"]:
                    if s["document"] == i:
                        got.add((para["index"], s["paragraph"]))
            if not got:
                continue
            nparas = len(text.split("\n\n"))
            count("queries' sources found whole"
                  if fcheck(got == {(j, j) for j in range(nparas)},
                            "%s: %s seen whole (%d pairs, %d paragraphs)"
                            % (what, i, len(got), nparas)) else
                  "queries' sources seen in part")


def filler(args, mnt, deadline, stop):
    """Fills the tmpfs to the last byte now and then, and frees it."""
    rng = random.Random(args.seed * 100 + 99)
    path = os.path.join(mnt, "filler")
    chunk = b"\0" * 65536
    while not stop.wait(rng.uniform(3, 12)) and time.monotonic() < deadline:
        t0 = time.monotonic()
        with open(path, "wb", buffering=0) as f:
            try:
                while True:
                    f.write(chunk)
            except OSError:
                pass
            try:
                while True:  # the last partial chunk
                    f.write(b"\0" * 512)
            except OSError:
                pass
        count("full-disk episodes")
        with lock:
            episodes.append((t0, None))
        stop.wait(rng.uniform(1, 5))
        os.unlink(path)
        with lock:
            episodes[-1] = (t0, time.monotonic())


def soak(args, mnt, feeds):
    db = os.path.join(mnt, "soak.db")
    t0 = time.monotonic()
    deadline = t0 + 60 * args.minutes
    recent = []
    started = threading.Event()
    stop = threading.Event()
    writers = [Writer(args, k, db, feeds, deadline, recent, started)
               for k in range(args.writers)]
    threads = [threading.Thread(target=w.run, daemon=True)
               for w in writers]
    threads += [threading.Thread(target=querier, daemon=True,
                                 args=(args, k, db, feeds, deadline, recent,
                                       started))
                for k in range(args.queriers)]
    fill = threading.Thread(target=filler, daemon=True,
                            args=(args, mnt, deadline, stop))
    for t in threads:
        t.start()
    fill.start()
    while not started.is_set() and any(t.is_alive() for t in threads):
        if os.path.exists(db) and read_docs_quiet(db):
            started.set()
        time.sleep(0.1)
    for t in threads:
        t.join()
    stop.set()
    fill.join()
    if os.path.exists(os.path.join(mnt, "filler")):
        os.unlink(os.path.join(mnt, "filler"))
    wall = time.monotonic() - t0
    final(args, db, writers)
    print("soak: %.1f minutes, %d writers, %d query loops, tmpfs %d KiB"
          % (wall / 60, args.writers, args.queriers, args.tmpfs_kb))
    for name in sorted(figures):
        print("  %s: %d" % (name, figures[name]))


def read_docs_quiet(db):
    try:
        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=5)
        con.execute("SELECT count(*) FROM docs").fetchone()
        con.close()
        return True
    except sqlite3.Error:
        return False


def final(args, db, writers):
    """The whole index against the ledger of every writer."""
    if not fcheck(os.path.exists(db), "the index exists"):
        return
    integ, orphans, docs, msg = dbcheck(args, db)
    fcheck(integ == "ok", "final: integrity_check ok (%s %s)" % (integ, msg))
    fcheck(orphans == (0, 0), "final: no posting without its document %s"
           % (orphans,))
    bad = [i for i, r in docs.items() if not complete(r)]
    fcheck(not bad, "final: every document whole (%s)" % bad[:3])
    now = read_docs(db)
    if now is None:
        return
    known = set()
    for w in writers:
        for i in w.ids:
            known.add(i)
            got = now.get(i)
            fcheck(got in w.ledger[i], "final: %s holds %s, told %s" %
                   (i, show(got), ", ".join(map(show, w.ledger[i]))))
            count("ledger checks")
            count("final documents" if got is not None else "final absent")
    fcheck(set(now) <= known, "final: only the writers' ids (%s)"
           % sorted(set(now) - known)[:3])
    fcheck(sorted(now) == sorted(docs), "final: dbcheck and text agree")
    p = subprocess.run([args.wiretrace, "index", "stats", "--db", db,
                        "--format", "json"], capture_output=True, text=True)
    fcheck(p.returncode == 0 and
           json.loads(p.stdout)["documents"] == len(now),
           "final: stats counts %d documents (%d: %s)"
           % (len(now), p.returncode, p.stdout.strip()[:200]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wiretrace")
    ap.add_argument("dbcheck")
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--writers", type=int, default=3)
    ap.add_argument("--queriers", type=int, default=2)
    ap.add_argument("--ids", type=int, default=120,
                    help="ids of each writer")
    ap.add_argument("--tmpfs-kb", type=int, default=32768)
    ap.add_argument("--seed", type=int, default=20261130)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="wt-soak-") as tmp:
        mnt = os.path.join(tmp, "fs")
        os.mkdir(mnt)
        p = subprocess.run(["mount", "-t", "tmpfs", "-o",
                            "size=%dk" % args.tmpfs_kb, "tmpfs", mnt],
                           capture_output=True, text=True)
        if p.returncode != 0:
            print("SKIP: cannot mount a tmpfs for the index (needs root): "
                  + p.stderr.strip())
            return 77
        # Stopped by a test runner's timeout: the tmpfs is still taken
        # down (lazily: the killed runs may hold files on it a moment).
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        try:
            soak(args, mnt, tmp)
        finally:
            subprocess.run(["umount", "-l", mnt])
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
