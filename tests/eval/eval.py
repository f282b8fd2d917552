#!/usr/bin/env python3
"""Scores wiretrace on the labeled corpora in ../shared/data.

Reads the corpora as they are stored (gzip, tar), streams the documents
through wt_eval (the library through its public API), scores the links it
prints against each corpus' gold, computes a document-level MinHash-style
baseline (Jaccard resemblance of word 5-shingles with one global threshold,
as text-dedup and datasketch do it) on the same input in the same run, and
prints one table.  Usage: see tests/eval/run.sh.
"""
import argparse
import collections
import datetime
import gzip
import html
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET

LINK_CLASSES = ("verbatim", "edited", "rewrite")  # "rewrite or stronger"


# ---------------------------------------------------------------- running

class Run:
    """The output of one wt_eval run."""

    def __init__(self):
        self.links = []     # list of tuples, see run_wiretrace()
        self.pairs = {}     # (a, b) -> (share_a, share_b, sim, cov_a, cov_b)
        self.origins = {}   # (a, b), a < b -> "this" / "other" / "unknown"
        self.overlaps = {}  # (a, b) -> (overlap_a, overlap_b)
        self.credits = []   # (doc, outlet, start, end, kind, own)
        self.translations = []  # (doc, para, src_doc, src_para, lang, src)
        self.seconds = 0.0
        self.paras = {}     # (doc, para) -> (start, end) when asked


def run_wiretrace(args, label, docs, options, meta=None):
    """docs: list of (id, bytes); meta: {index: (published, outlet)} with
    an ISO 8601 time or None, an outlet name or None.  Returns a Run and
    counts its translation links in args.translations under label."""
    buf = io.BytesIO()
    meta = meta or {}
    for name, value in options.items():
        buf.write(b"O %s %s\n" % (name.encode(), str(value).encode()))
    for i, (ident, data) in enumerate(docs):
        ident = re.sub(r"\s", "_", ident)
        buf.write(b"D %s %d\n" % (ident.encode(), len(data)))
        buf.write(data)
        if i in meta:
            when, outlet = meta[i]
            buf.write(("M %s %s\n" % (when or "-", outlet or "-")).encode())
    p = subprocess.run([args.exe], input=buf.getvalue(), capture_output=True)
    if p.returncode != 0:
        sys.exit("wt_eval failed (%d): %s" % (p.returncode,
                                              p.stderr.decode()[-2000:]))
    run = Run()
    for line in p.stdout.decode().splitlines():
        f = line.split("\t")
        if f[0] == "L":
            run.links.append((int(f[1]), int(f[2]), int(f[3]), int(f[4]),
                              int(f[5]), int(f[6]), f[7], float(f[8])))
            if f[7] == "translation":
                run.translations.append((int(f[1]), int(f[2]), int(f[5]),
                                         int(f[6]), f[11], f[12]))
        elif f[0] == "P":
            run.pairs[(int(f[1]), int(f[2]))] = tuple(float(x)
                                                      for x in f[3:8])
            run.origins[(int(f[1]), int(f[2]))] = f[8]
        elif f[0] == "R":
            run.overlaps[(int(f[1]), int(f[2]))] = (float(f[3]),
                                                     float(f[4]))
        elif f[0] == "C":
            run.credits.append((int(f[1]), f[2], int(f[3]), int(f[4]), f[5],
                                int(f[6])))
        elif f[0] == "G":
            run.paras[(int(f[1]), int(f[2]))] = (int(f[3]), int(f[4]))
        elif f[0] == "T":
            run.seconds = float(f[1])
    tally = args.translations.setdefault(label, [0, 0])
    tally[0] += len(run.translations)
    tally[1] += sum(1 for t in run.translations if not different_langs(*t[4:]))
    return run


UNKNOWN_LANGS = ("-", "und", "")


def different_langs(a, b):
    """A translation link needs two known, different languages."""
    return a not in UNKNOWN_LANGS and b not in UNKNOWN_LANGS and a != b


def pair_origin(run, a, b):
    """wt_corpus_pair_origin(a, b) by name: "other" when b is the origin,
    "this" when a is, "unknown"; None for a pair with no candidates."""
    if (a, b) in run.origins:
        return run.origins[(a, b)]
    o = run.origins.get((b, a))
    return {"this": "other", "other": "this"}.get(o, o)


def pair_figures(run, a, b):
    """(cover_a, share_a, similarity, overlap_a) of document a against b:
    the ranking key of b as a source of a."""
    ov = run.overlaps.get((a, b), (0.0, 0.0))[0] if a < b else \
        run.overlaps.get((b, a), (0.0, 0.0))[1]
    if (a, b) in run.pairs:
        sa, sb, sim, ca, cb = run.pairs[(a, b)]
        return (ca, sa, sim, ov)
    if (b, a) in run.pairs:
        sa, sb, sim, ca, cb = run.pairs[(b, a)]
        return (cb, sb, sim, ov)
    return (0.0, 0.0, 0.0, ov)


# ---------------------------------------------------------------- baseline

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text, k=5):
    w = WORD.findall(text.lower())
    if len(w) < k:
        return {" ".join(w)} if w else set()
    return {hash(" ".join(w[i:i + k])) for i in range(len(w) - k + 1)}


def jaccard_all(sets_a, sets_b):
    """Jaccard of every pair (i in a, j in b) sharing a shingle."""
    index = collections.defaultdict(list)
    for j, s in enumerate(sets_b):
        for h in s:
            index[h].append(j)
    out = {}
    for i, s in enumerate(sets_a):
        inter = collections.Counter()
        for h in s:
            for j in index.get(h, ()):
                inter[j] += 1
        for j, n in inter.items():
            out[(i, j)] = n / (len(s) + len(sets_b[j]) - n)
    return out


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def best_threshold(scores, gold, ngold):
    """The global threshold with the best F1 on (development) scores."""
    best = (0.0, 1.0)
    for t in sorted({round(v, 3) for v in scores.values() if v > 0}):
        pred = [k for k, v in scores.items() if v >= t]
        tp = sum(1 for k in pred if k in gold)
        f = prf(tp, len(pred), ngold)[2]
        if f > best[0]:
            best = (f, t)
    return best[1]


# ---------------------------------------------------------------- corpora

def data_dir(args, *parts):
    return os.path.join(args.data, *parts)


def meter_docs(args, domains, limit_stories=None):
    """[(id, bytes, side, story)] read from the tarball as stored."""
    rows = {}
    with open(data_dir(args, "meter", "index.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            side, domain, _, _, story, _, path, _ = line.rstrip("\n").split("\t")
            if domain in domains:
                rows[path] = (side, story)
    stories = sorted({s for _, s in rows.values()})
    if limit_stories:
        stories = set(stories[:limit_stories])
    docs = []
    with tarfile.open(data_dir(args, "meter",
                               "meter-corpus-rawtexts.tar.gz")) as tar:
        for m in tar:
            if m.name in rows and rows[m.name][1] in stories:
                data = tar.extractfile(m).read()
                docs.append((m.name, data) + rows[m.name])
    docs.sort(key=lambda d: d[0])
    return docs


def task_meter(args, domains, label, limit_stories=None, base_t=None):
    docs = meter_docs(args, domains, limit_stories)
    news = [i for i, d in enumerate(docs) if d[2] == "newspapers"]
    pa = [i for i, d in enumerate(docs) if d[2] == "PA"]
    gold = {(n, s) for n in news for s in pa if docs[n][3] == docs[s][3]}
    run = run_wiretrace(args, "METER " + label, [(d[0], d[1]) for d in docs],
                        dict(args.opt, encoding="windows-1252",
                             overlaps=1))

    # The gold is the story folder.  A newspaper article and PA copy of the
    # same catchline on another day (a trial followed for weeks) share
    # background paragraphs that PA repeats each day: real reuse the folder
    # gold calls negative.  Such pairs are left out of the pair scores
    # (neither right nor wrong); the strict figures are in the note.
    def catch(i):
        return docs[i][3].split("/")[0] + "/" + docs[i][3].split("/")[2]

    ambiguous = {(n, s) for n in news for s in pa
                 if (n, s) not in gold and catch(n) == catch(s)}
    linked = collections.defaultdict(int)
    for d, p, _, _, sd, sp, cls, score in run.links:
        if cls in LINK_CLASSES:
            linked[(d, sd)] += 1
    wt_pred = {(n, s) for n in news for s in pa
               if linked.get((n, s)) or linked.get((s, n))}
    wt_scores = {(n, s): pair_figures(run, n, s) for n in news for s in pa}

    t0 = time.monotonic()
    text = [d[1].decode("cp1252", "replace") for d in docs]
    sets = [shingles(t) for t in text]
    jac = jaccard_all([sets[n] for n in news], [sets[s] for s in pa])
    b_scores = {(news[i], pa[j]): v for (i, j), v in jac.items()}
    if base_t is None:
        base_t = best_threshold({k: v for k, v in b_scores.items()
                                 if k not in ambiguous}, gold, len(gold))
    b_pred = {k for k, v in b_scores.items() if v >= base_t}
    b_sec = time.monotonic() - t0

    # Articles of a story without PA copy have no right answer: left out.
    with_source = [n for n in news if any((n, s) in gold for s in pa)]

    def mrr(scores, skip=ambiguous):
        total = 0.0
        for n in with_source:
            ranked = [(scores.get((n, s), (0,)), s) for s in pa]
            good = [sc for sc, s in ranked if (n, s) in gold]
            if not good or max(good) <= (0,) * len(max(good)):
                continue
            top = max(good)
            rank = 1 + sum(1 for sc, s in ranked if (n, s) not in gold and
                           (n, s) not in skip and sc >= top)
            total += 1.0 / rank
        return total / len(with_source) if with_source else 0.0

    b_mrr = mrr({k: (v,) for k, v in b_scores.items()})
    mrr_strict = (mrr(wt_scores, set()),
                  mrr({k: (v,) for k, v in b_scores.items()}, set()))
    wt = prf(len(wt_pred & gold), len(wt_pred - ambiguous), len(gold))
    bl = prf(len(b_pred & gold), len(b_pred - ambiguous), len(gold))
    strict = prf(len(wt_pred & gold), len(wt_pred), len(gold))
    b_strict = prf(len(b_pred & gold), len(b_pred), len(gold))
    return [row("METER " + label, "doc pairs (news→PA) + MRR",
                wt, mrr(wt_scores), run.seconds, bl, b_mrr, b_sec,
                "%d news, %d PA, %d gold pairs, %d same-catchline pairs "
                "of other days left out (strict P/R/F1 %.3f/%.3f/%.3f, "
                "baseline %.3f/%.3f/%.3f; strict MRR %.3f, baseline %.3f); "
                "baseline t=%.3f" %
                ((len(news), len(pa), len(gold), len(ambiguous)) + strict +
                 b_strict + mrr_strict + (base_t,)))], base_t


def wmt_docs(path, refs=("A", "B"), lang="en"):
    """{ref: [(doc id, [segments])]} for news docs having every ref."""
    root = ET.parse(gzip.open(path)).getroot()
    out = {r: [] for r in refs}
    for doc in root.iter("doc"):
        if "tsuite" in doc.get("domain", ""):
            continue
        if doc.get("domain") not in (None, "news"):
            continue
        found = {}
        for ref in doc.findall("ref"):
            if ref.get("translator") in refs and ref.get("lang") == lang:
                found[ref.get("translator")] = [
                    (s.text or "").strip() for s in ref.iter("seg")]
        if len(found) == len(refs):
            for r in refs:
                out[r].append((doc.get("id"), found[r]))
    return out


def txt_docs(args, pair, per_doc=12):
    """Line-aligned wmt21-txt refs A and B cut into pseudo-documents of
    per_doc lines (these files do not mark document boundaries)."""
    out = {}
    for r in ("A", "B"):
        p = data_dir(args, "wmt-news-docs", "wmt21-txt",
                     "newstest2021.%s.ref.%s.en.gz" % (pair, r))
        lines = gzip.open(p, "rt", encoding="utf-8").read().splitlines()
        out[r] = [("%s.%d" % (pair, i // per_doc), lines[i:i + per_doc])
                  for i in range(0, len(lines), per_doc)]
    return out


def task_wmt(args, sets, label, base_t=None):
    """Links each B document and segment to its A counterpart."""
    docs, seg_of = [], []
    for ref in ("A", "B"):
        for ident, segs in sets[ref]:
            body, starts = b"", []
            for s in segs:
                starts.append(len(body))
                body += s.encode("utf-8") + b"\n\n"
            docs.append((ref + ":" + ident, body))
            seg_of.append(starts)
    nA = len(sets["A"])
    a_of = {ident: i for i, (ident, _) in enumerate(sets["A"])}
    counterpart = {nA + j: a_of[ident] for j, (ident, _) in
                   enumerate(sets["B"])}
    run = run_wiretrace(args, label, docs, args.opt)

    def seg_index(d, start):
        starts = seg_of[d]
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= start:
                lo = mid
            else:
                hi = mid - 1
        return lo

    nsegs_b = sum(len(s) for _, s in sets["B"])
    para_start = {(d, p): st for d, p, st, _, _, _, _, _ in run.links}
    # A paragraph's sources come best first: the first one into an A
    # document is wiretrace's answer for it.  All links are also counted,
    # for the precision of everything it reports.
    top, all_links, pred_d = {}, set(), set()
    for d, p, st, _, sd, sp, cls, score in run.links:
        if d >= nA and sd < nA and cls in LINK_CLASSES:
            pred_d.add((d, sd))
            link = (d, seg_index(d, st), sd,
                    seg_index(sd, para_start.get((sd, sp), -1)))
            all_links.add(link)
            top.setdefault((d, p), link)

    def good(x):
        return counterpart[x[0]] == x[2] and x[1] == x[3]

    found = {(x[0], x[1]) for x in top.values() if good(x)}
    ntop_good = sum(1 for x in top.values() if good(x))
    wt_para = prf(ntop_good, len(top), nsegs_b)
    wt_para = (wt_para[0], len(found) / nsegs_b if nsegs_b else 0.0)
    wt_para = wt_para + (prf_from(*wt_para),)
    all_p = (sum(1 for x in all_links if good(x)) / len(all_links)
             if all_links else 0.0)
    gold_d = {(b, a) for b, a in counterpart.items()}
    wt_doc = prf(len(pred_d & gold_d), len(pred_d), len(gold_d))

    # Baseline on the same texts: segment pairs and document pairs.
    t0 = time.monotonic()
    seg_sets_a, seg_keys_a, seg_sets_b, seg_keys_b = [], [], [], []
    for d, (ident, segs) in enumerate(sets["A"]):
        for i, s in enumerate(segs):
            seg_sets_a.append(shingles(s))
            seg_keys_a.append((d, i))
    for d, (ident, segs) in enumerate(sets["B"]):
        for i, s in enumerate(segs):
            seg_sets_b.append(shingles(s))
            seg_keys_b.append((nA + d, i))
    jac = jaccard_all(seg_sets_b, seg_sets_a)
    b_scores = {(seg_keys_b[i], seg_keys_a[j]): v for (i, j), v in jac.items()}
    gold_p = {((nA + j, i), (a_of[ident], i)) for j, (ident, segs) in
              enumerate(sets["B"]) for i in range(len(segs))}
    if base_t is None:
        base_t = best_threshold(b_scores, gold_p, len(gold_p))
    bp = {k for k, v in b_scores.items() if v >= base_t}
    b_para = prf(len(bp & gold_p), len(bp), len(gold_p))
    dsa = [set().union(*[shingles(s) for s in segs]) if segs else set()
           for _, segs in sets["A"]]
    dsb = [set().union(*[shingles(s) for s in segs]) if segs else set()
           for _, segs in sets["B"]]
    djac = jaccard_all(dsb, dsa)
    bd_scores = {(nA + i, j): v for (i, j), v in djac.items()}
    bd = {k for k, v in bd_scores.items() if v >= base_t}
    b_doc = prf(len(bd & gold_d), len(bd), len(gold_d))
    b_sec = time.monotonic() - t0
    note = ("%d B docs, %d B segs; P of the best source per paragraph "
            "(precision of all %d links: %.3f); baseline t=%.3f" %
            (len(sets["B"]), nsegs_b, len(all_links), all_p, base_t))
    return [row(label, "docs B→A", wt_doc, None, run.seconds, b_doc, None,
                b_sec, note),
            row(label, "paragraphs B→A", wt_para, None, run.seconds, b_para,
                None, b_sec, note)], base_t


def prf_from(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def msrp_pairs(args, split):
    p = data_dir(args, "msrp", "msr_paraphrase_%s.txt.gz" % split)
    out = []
    with gzip.open(p, "rt", encoding="utf-8-sig") as f:
        for line in f:
            q, _, _, s1, s2 = line.rstrip("\n").split("\t")
            out.append((int(q), s1, s2))
    return out


def task_msrp(args, split, label, base=None):
    pairs = msrp_pairs(args, split)
    docs = []
    for i, (_, s1, s2) in enumerate(pairs):
        docs.append(("p%d.1" % i, s1.encode("utf-8")))
        docs.append(("p%d.2" % i, s2.encode("utf-8")))
    run = run_wiretrace(args, label, docs, args.opt)
    linked = set()
    for d, p, _, _, sd, sp, cls, score in run.links:
        if cls in LINK_CLASSES and d // 2 == sd // 2:
            linked.add(d // 2)
    gold = {i for i, (q, _, _) in enumerate(pairs) if q == 1}
    wt = prf(len(linked & gold), len(linked), len(gold))
    acc = sum(1 for i in range(len(pairs)) if (i in linked) == (i in gold))
    t0 = time.monotonic()
    overlap, jac = {}, {}
    for i, (_, s1, s2) in enumerate(pairs):
        w1, w2 = set(WORD.findall(s1.lower())), set(WORD.findall(s2.lower()))
        overlap[i] = len(w1 & w2) / max(1, len(w1 | w2))
        a, b = shingles(s1), shingles(s2)
        jac[i] = len(a & b) / max(1, len(a | b))
    if base is None:
        base = (best_threshold(overlap, gold, len(gold)),
                best_threshold(jac, gold, len(gold)))
    ov = {i for i, v in overlap.items() if v >= base[0]}
    jp = {i for i, v in jac.items() if v >= base[1]}
    b_sec = time.monotonic() - t0
    n = len(pairs)
    ov_f = prf(len(ov & gold), len(ov), len(gold))
    ov_acc = sum(1 for i in range(n) if (i in ov) == (i in gold)) / n
    maj_f = prf(len(gold), n, len(gold))
    jp_f = prf(len(jp & gold), len(jp), len(gold))
    jp_acc = sum(1 for i in range(n) if (i in jp) == (i in gold)) / n
    note = ("accuracy in the MRR column; majority class acc %.3f F1 %.3f; "
            "word overlap (t=%.2f) acc %.3f F1 %.3f; baseline t=%.3f" %
            (len(gold) / n, maj_f[2], base[0], ov_acc, ov_f[2], base[1]))
    return [row(label, "sentence pairs", wt, acc / n, run.seconds, jp_f,
                jp_acc, b_sec, note)], base


def normalized(text):
    return " ".join(text.lower().split())


def bbc_docs(args):
    docs, seen = [], set()
    with tarfile.open(data_dir(args, "bbc-fulltext",
                               "bbc-fulltext.tar.gz")) as tar:
        for m in sorted(tar.getmembers(), key=lambda m: m.name):
            if not m.isfile() or not re.search(r"/\d+\.txt$", m.name):
                continue
            text = tar.extractfile(m).read().decode("latin-1")
            key = normalized(text)
            if key not in seen:
                seen.add(key)
                docs.append((m.name, text, {m.name.split("/")[-2]}))
    return docs


def reuters_stories(args, files):
    """(id, topics, text) of every story with a body in the Reuters-21578
    files numbered files, in file order."""
    story = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\".*?<TOPICS>(.*?)</TOPICS>"
                       r".*?(?:<BODY>(.*?)</BODY>|</REUTERS>)", re.S)
    for n in files:
        p = data_dir(args, "reuters21578", "reut2-%03d.sgm.gz" % n)
        raw = gzip.open(p).read().decode("latin-1")
        for m in story.finditer(raw):
            if m.group(3):
                yield ("reuters-" + m.group(1),
                       set(re.findall(r"<D>(.*?)</D>", m.group(2))),
                       html.unescape(m.group(3)).replace("\x03", ""))


def reuters_docs(args, files):
    docs, seen = [], set()
    for rid, topics, text in reuters_stories(args, files):
        key = normalized(text)
        if key not in seen:
            seen.add(key)
            docs.append((rid, text, topics))
    return docs


def task_negatives(args, label, docs, base_t):
    """Paragraph links between unrelated stories per 1,000 documents.
    docs: (id, text, labels).  Two stories are unrelated when their labels
    (BBC section, Reuters topics) are disjoint and neither is empty, and
    they are not near-duplicates (5-shingle resemblance under 0.5)."""
    opts = dict(args.opt, paragraphs=1) if args.show_false else args.opt
    run = run_wiretrace(args, label, [(d[0], d[1].encode("utf-8"))
                                      for d in docs], opts)
    links, cls_of = set(), {}
    for d, p, _, _, sd, sp, cls, score in run.links:
        if sd != d and cls != "duplicate":
            links.add(tuple(sorted(((d, p), (sd, sp)))))
            cls_of[(d, p, sd, sp)] = "%s %.2f" % (cls, score)
    t0 = time.monotonic()
    sets = [shingles(d[1]) for d in docs]
    jac = jaccard_all(sets, sets)
    near = {(i, j) for (i, j), v in jac.items() if i < j and v >= 0.5}
    flagged = {(i, j) for (i, j), v in jac.items() if i < j and v >= base_t}
    b_sec = time.monotonic() - t0

    def unrelated(i, j):
        a, b = docs[i][2], docs[j][2]
        return (min(i, j), max(i, j)) not in near and a and b and not a & b

    false = {l for l in links if unrelated(l[0][0], l[1][0])}
    if args.show_false:
        show_false(args, label, docs, run, false, cls_of)
    other = {l for l in links if (min(l[0][0], l[1][0]),
                                  max(l[0][0], l[1][0])) not in near}
    k = 1000.0 / len(docs)
    note = ("%d docs after exact duplicates; %d paragraph links in all: %d "
            "between near-duplicates, %d between stories with a label in "
            "common (%.1f per 1,000 docs), %d between unrelated stories; "
            "baseline: unrelated doc pairs flagged at METER t=%.3f" %
            (len(docs), len(links), len(links) - len(other),
             len(other) - len(false), (len(other) - len(false)) * k,
             len(false), base_t))
    b_false = {p for p in flagged if unrelated(*p)}
    return [row(label, "false links / 1,000 docs", None, len(false) * k,
                run.seconds, None, len(b_false) * k, b_sec, note)]


def read_tsv(path):
    """Rows of a tab-separated file as dicts, after "#" lines; the first
    other line names the columns."""
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f
                 if not l.startswith("#") and l.strip()]
    head = lines[0].split("\t")
    return [dict(zip(head, l.split("\t"))) for l in lines[1:]]


def file_lang(name):
    """The language of a credits-set file: its name up to "_", without the
    story number ("ko2_wire" -> "ko")."""
    return name.split("_")[0].rstrip("0123456789")


def origin_gold(origin_of, a, b):
    """"other" when b is a's origin (or its origin's, ...), "this" when a is
    b's, None when the set does not say."""
    for x, y, answer in ((a, b, "other"), (b, a, "this")):
        seen, o = set(), origin_of.get(x, "-")
        while o != "-" and o not in seen:
            if o == y:
                return answer
            seen.add(o)
            o = origin_of.get(o, "-")
    return None


def score_origins(run, gold_of):
    """Among document pairs with a link between them (any class but
    duplicate) whose origin gold_of(a, b) knows: (right, wrong, unknown,
    [wrong or unknown pairs])."""
    linked = {tuple(sorted((d, sd))) for d, _, _, _, sd, _, cls, _ in
              run.links if d != sd and cls != "duplicate"}
    right = wrong = unknown = 0
    misses = []
    for a, b in sorted(linked):
        want = gold_of(a, b)
        if want is None:
            continue
        got = pair_origin(run, a, b) or "unknown"
        if got == want:
            right += 1
        elif got == "unknown":
            unknown += 1
            misses.append((a, b, got))
        else:
            wrong += 1
            misses.append((a, b, got))
    return right, wrong, unknown, misses


def origin_row(corpus, counts, sec, note):
    right, wrong, unknown = counts[:3]
    n = right + wrong + unknown
    # P is undefined ("–") when no pair's origin was told.
    p = right / (right + wrong) if right + wrong else None
    r = right / n if n else 0.0
    return row(corpus, "pairs with the right origin",
               (p, r, prf_from(p, r) if p is not None else None),
               wrong / n if n else 0.0, sec, None,
               None, 0.0,
               "%d linked pairs with a known origin: %d right (%.3f), %d "
               "wrong (%.3f), %d unknown (%.3f); P = right / (right + "
               "wrong), R = right / all, rate = share wrong; %s" %
               (n, right, r, wrong, wrong / n if n else 0.0, unknown,
                unknown / n if n else 0.0, note))


def task_credits(args):
    """Credit detection on corpora/credits against gold.tsv, per half, and
    the origin of every linked pair whose origin stories.tsv gives."""
    here = os.path.join(args.source, "corpora", "credits")
    stories = read_tsv(os.path.join(here, "stories.tsv"))
    names = [r["file"] for r in stories]
    docs = []
    for n in names:
        with open(os.path.join(here, n + ".txt"), "rb") as f:
            docs.append((n, f.read()))
    run = run_wiretrace(args, "credits set", docs, args.opt)
    gold = collections.Counter()
    own = {}
    for g in read_tsv(os.path.join(here, "gold.tsv")):
        gold[(g["file"], g["outlet"], g["kind"])] += 1
        own[(g["file"], g["outlet"], g["kind"])] = int(g["own"])
    found = collections.Counter()
    own_wrong = []
    for d, outlet, _, _, kind, is_own in run.credits:
        key = (names[d], outlet, kind)
        found[key] += 1
        if key in own and own[key] != is_own:
            own_wrong.append(key)
    split = {r["file"]: r["split"] for r in stories}

    def figures(keep):
        g = sum(v for k, v in gold.items() if keep(k[0]))
        f = sum(v for k, v in found.items() if keep(k[0]))
        tp = sum(min(v, gold[k]) for k, v in found.items() if keep(k[0]))
        return prf(tp, f, g), (g, f, tp)

    def listing(keep):
        miss = ["%s %s %s" % k for k in sorted(gold) if keep(k[0])
                for _ in range(gold[k] - min(gold[k], found[k]))]
        false = ["%s %s %s" % k for k in sorted(found) if keep(k[0])
                 for _ in range(found[k] - min(found[k], gold[k]))]
        return ("missed: %s" % ", ".join(miss) if miss else "none missed",
                "false: %s" % ", ".join(false) if false else "no false "
                "credit")

    rows = []
    for half, label in (("dev", "credits set (dev)"),
                        ("heldout", "credits set (held out)")):
        def in_half(f, half=half):
            return split[f] == half
        wt, (g, f, tp) = figures(in_half)
        per_lang = []
        for lang in sorted({file_lang(n) for n in names if in_half(n)}):
            (lp, lr, _), (lg, _, _) = figures(
                lambda x, lang=lang: in_half(x) and file_lang(x) == lang)
            per_lang.append("%s %.2f/%.2f (%d)" % (lang, lp, lr, lg))
        miss, false = listing(in_half)
        rows.append(row(label, "credit detection", wt, None, run.seconds,
                        None, None, 0.0,
                        "%d files, %d credits in the gold, %d found, %d "
                        "right; P/R (gold credits) by language: %s; %s; %s"
                        % (sum(1 for n in names if in_half(n)), g, f, tp,
                           ", ".join(per_lang), miss, false)))
    if own_wrong:
        rows[-1]["note"] += "; own flag wrong: %s" % ", ".join(
            "%s %s %s" % k for k in own_wrong)
    origin_of = {r["file"]: r["origin"] for r in stories}
    right, wrong, unknown, misses = score_origins(
        run, lambda a, b: origin_gold(origin_of, names[a], names[b]))
    # A header block's "Date:" line: pairs dated on both sides are told by
    # their times, the others by credits alone.
    dated = {n for n, data in docs
             if re.match(rb"(?:[A-Za-z]+: [^\n]*\n)*Date: ", data)}
    linked = {tuple(sorted((d, sd))) for d, _, _, _, sd, _, cls, _ in
              run.links if d != sd and cls != "duplicate"}
    told_by_credits = sum(
        1 for a, b in linked
        if origin_gold(origin_of, names[a], names[b]) is not None and
        not (names[a] in dated and names[b] in dated) and
        pair_origin(run, a, b) not in (None, "unknown"))
    rows.append(origin_row(
        "credits set (all)", (right, wrong, unknown), run.seconds,
        "gold: stories.tsv; %d of the pairs told have a date on one side "
        "or none (told by credits); wrong or unknown: %s" %
        (told_by_credits, ", ".join("%s~%s %s" % (names[a], names[b], o)
                                    for a, b, o in misses) or "none")))
    return rows


METER_PAPERS = {"times": "The Times", "guardian": "The Guardian",
                "telegraph": "The Daily Telegraph", "mirror": "Daily Mirror",
                "star": "Daily Star", "sun": "The Sun",
                "independent": "The Independent", "express": "Daily Express",
                "mail": "Daily Mail", "morningstar": "Morning Star",
                "ft": "Financial Times"}


def meter_meta(docs, paper_dates):
    """Metadata the METER files carry: a PA text's slug time ("16:54
    01/03/00", UK time read as UTC) and outlet "Press Association"; a
    newspaper article's outlet (its file name); with paper_dates, the
    newspaper dated 06:00 the day after its folder (an assumption: print
    editions of the next morning)."""
    meta = {}
    slug = re.compile(rb"(\d\d):(\d\d) (\d\d)/(\d\d)/(\d\d)")
    for i, (path, data, side, story) in enumerate(docs):
        if side == "PA":
            m = slug.search(data)
            when = None
            if m:
                hh, mm, dd, mo, yy = (int(x) for x in m.groups())
                when = "%04d-%02d-%02dT%02d:%02d:00Z" % (
                    1900 + yy if yy > 50 else 2000 + yy, mo, dd, hh, mm)
            meta[i] = (when, "Press Association")
        else:
            paper = os.path.basename(path).rsplit("_", 1)[-1][:-4]
            when = None
            if paper_dates:
                day, mo, yy = (int(x) for x in story.split("/")[1].split("."))
                t = datetime.datetime(2000 + yy if yy < 50 else 1900 + yy,
                                      mo, day) + datetime.timedelta(days=1)
                when = t.strftime("%Y-%m-%dT06:00:00Z")
            meta[i] = (when, METER_PAPERS.get(paper, paper))
    return meta


def task_meter_origin(args):
    """The origin of linked newspaper / PA pairs of the same story folder
    (the PA text is the origin), with the metadata the files carry, and
    in the note with newspapers dated the next morning."""
    docs = meter_docs(args, {"courts", "showbiz"})
    out = []
    for paper_dates in (False, True):
        label = "METER all, metadata" + (" and paper dates" if paper_dates
                                         else "")
        run = run_wiretrace(args, label, [(d[0], d[1]) for d in docs],
                            dict(args.opt, encoding="windows-1252"),
                            meter_meta(docs, paper_dates))

        def gold_of(a, b):
            if docs[a][3] != docs[b][3] or docs[a][2] == docs[b][2]:
                return None
            return "other" if docs[b][2] == "PA" else "this"

        out.append((score_origins(run, gold_of), run.seconds))
    (r, w, u, _), sec = out[0]
    (r2, w2, u2, _), _ = out[1]
    n2 = r2 + w2 + u2
    return [origin_row("METER all (metadata)", (r, w, u), sec,
                       "pairs of a newspaper article and a PA text of its "
                       "story folder; PA texts dated by their slug line, "
                       "newspapers undated (the files carry no date), "
                       "outlets from the file names; with newspapers "
                       "dated 06:00 the day after their folder: %d right "
                       "(%.3f), %d wrong, %d unknown of %d" %
                       (r2, r2 / n2 if n2 else 0.0, w2, u2, n2))]


def task_translation_check(args):
    """Translation links between paragraphs of the same language or of an
    unknown one, over every run so far: must be 0."""
    total = sum(t[0] for t in args.translations.values())
    bad = sum(t[1] for t in args.translations.values())
    return [row("every corpus above", "translation links, same or unknown "
                "language", None, float(bad), 0.0, None, None, 0.0,
                "translation links with both paragraphs in one language or "
                "either in none (wt_document_paragraph_lang), counted over "
                "every wt_eval run: %s; %d translation links in all" %
                (", ".join("%s %d of %d" % (k, v[1], v[0]) for k, v in
                           args.translations.items()), total))]


def show_false(args, label, docs, run, false, cls_of):
    """Appends every false link of a negatives task, with the text of both
    paragraphs, to the --show-false file (for reading, not scoring)."""
    def text(d, p):
        start, end = run.paras.get((d, p), (0, 0))
        body = docs[d][1].encode("utf-8")[start:end].decode("utf-8", "replace")
        return " ".join(body.split())

    with open(args.show_false, "a", encoding="utf-8") as f:
        f.write("## %s: %d false links\n\n" % (label, len(false)))
        for (a, pa), (b, pb) in sorted(false):
            how = [cls_of.get(k) for k in ((a, pa, b, pb), (b, pb, a, pa))]
            f.write("%s ¶%d %s | %s ¶%d %s | %s\n  A: %s\n  B: %s\n\n" % (
                docs[a][0], pa, sorted(docs[a][2]), docs[b][0], pb,
                sorted(docs[b][2]), " / ".join(h or "-" for h in how),
                text(a, pa), text(b, pb)))


# ---------------------------------------------------------------- clusters

def cli_path(args):
    """The wiretrace command built beside wt_eval."""
    return os.path.join(os.path.dirname(os.path.abspath(args.exe)), "..",
                        "..", "src", "cli", "wiretrace")


def children_cpu():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_cli(args, argv):
    """stdout of the wiretrace command, and its CPU seconds."""
    t0 = children_cpu()
    p = subprocess.run([cli_path(args)] + argv, capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit("wiretrace %s failed (%d): %s" % (argv[0], p.returncode,
                                                   p.stderr.decode()[-2000:]))
    return p.stdout.decode("utf-8"), children_cpu() - t0


# tests/bench/minhash_lsh.py needs numpy: Debian's python3-numpy, which
# the interpreter running this file may not see (a virtualenv, pyenv).
MINHASH_PY = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") \
    else sys.executable


def write_jsonl(path, docs):
    """docs: (id, text) written as JSON Lines records."""
    with open(path, "w", encoding="utf-8") as f:
        for ident, text in docs:
            f.write(json.dumps({"id": ident, "text": text},
                               ensure_ascii=False) + "\n")


def run_minhash(args, jsonl, threshold):
    """The pairs tests/bench/minhash_lsh.py keeps at threshold (ids), and
    its own CPU seconds."""
    script = os.path.join(args.source, "tests", "bench", "minhash_lsh.py")
    p = subprocess.run([MINHASH_PY, script, "--jsonl", jsonl, "--pairs",
                        "--threshold", str(threshold)], capture_output=True)
    if p.returncode != 0:
        sys.exit("minhash_lsh.py failed: %s" % p.stderr.decode()[-2000:])
    pairs, cpu = [], 0.0
    for line in p.stdout.decode("utf-8").splitlines():
        f = line.split("\t") if line.startswith("pair\t") else line.split()
        if f[0] == "pair":
            pairs.append((f[1], f[2]))
        elif f[0] == "cpu_s":
            cpu = float(f[1])
    return pairs, cpu


def components(ids, pairs):
    """{id: label}: the connected components of pairs over ids."""
    up = {i: i for i in ids}

    def find(x):
        while up[x] != x:
            up[x] = up[up[x]]
            x = up[x]
        return x

    for a, b in pairs:
        up[find(a)] = find(b)
    return {i: find(i) for i in ids}


def comb2(n):
    return n * (n - 1) // 2


def cluster_scores(pred, gold):
    """Pairwise P/R/F1 and the adjusted Rand index of labelings pred and
    gold ({item: label}, the same items), from their contingency table."""
    pred = {i: pred.get(i, ("not read", i)) for i in gold}
    cells = collections.Counter((pred[i], gold[i]) for i in gold)
    rows = collections.Counter(pred[i] for i in gold)
    cols = collections.Counter(gold[i] for i in gold)
    tp = sum(comb2(v) for v in cells.values())
    npred = sum(comb2(v) for v in rows.values())
    ngold = sum(comb2(v) for v in cols.values())
    total = comb2(len(gold))
    expected = npred * ngold / total if total else 0.0
    top = (npred + ngold) / 2.0
    ari = (tp - expected) / (top - expected) if top != expected else 1.0
    return prf(tp, npred, ngold), ari, (tp, npred, ngold)


def meter_text(d):
    return d[1].decode("cp1252", "replace")


def wiretrace_clusters(args, docs):
    """{doc name: story label} by `wiretrace clusters --json` over docs
    written to a folder as they are stored, and its CPU seconds."""
    tmp = tempfile.mkdtemp(prefix="wt-eval-clusters-")
    try:
        for name, data in docs:
            path = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        out, cpu = run_cli(args, ["clusters", "--json", "-q", "--encoding",
                                  "windows-1252", tmp])
    finally:
        shutil.rmtree(tmp)
    report = json.loads(out)
    label = {m: m for m in report["alone"]}
    for k, c in enumerate(report["clusters"]):
        for m in c["members"]:
            label[m["id"]] = "story %d" % k
    return label, cpu


def minhash_labels(args, names, texts, threshold):
    """{name: component} of MinHash+LSH pairs at threshold, CPU seconds."""
    tmp = tempfile.mkdtemp(prefix="wt-eval-minhash-")
    try:
        path = os.path.join(tmp, "docs.jsonl")
        write_jsonl(path, zip(names, texts))
        pairs, cpu = run_minhash(args, path, threshold)
    finally:
        shutil.rmtree(tmp)
    return components(names, pairs), cpu


MINHASH_GRID = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def task_clusters(args):
    """The stories of `wiretrace clusters` against METER's story folders,
    beside MinHash+LSH components (tests/bench/minhash_lsh.py) at the
    threshold with the best ARI on the development part."""
    parts = [("courts (dev)", {"courts"}), ("showbiz (final)", {"showbiz"}),
             ("all", {"courts", "showbiz"})]
    rows, base_t = [], None
    for label, domains in parts:
        docs = meter_docs(args, domains)
        names = [d[0] for d in docs]
        gold = {d[0]: d[3] for d in docs}
        catch = {d[0]: d[3].split("/")[0] + "/" + d[3].split("/")[2]
                 for d in docs}
        texts = [meter_text(d) for d in docs]
        pred, sec = wiretrace_clusters(args, [(d[0], d[1]) for d in docs])
        if base_t is None:
            tried = {t: cluster_scores(minhash_labels(args, names, texts,
                                                      t)[0], gold)[1]
                     for t in MINHASH_GRID}
            base_t = max(sorted(tried), key=lambda t: tried[t])
        base, b_sec = minhash_labels(args, names, texts, base_t)
        wt, ari, (tp, npred, ngold) = cluster_scores(pred, gold)
        bl, b_ari, (btp, bpred, _) = cluster_scores(base, gold)
        wt_c, ari_c = cluster_scores(pred, catch)[:2]
        bl_c, b_ari_c = cluster_scores(base, catch)[:2]
        stories = len(set(pred.values()))
        note = ("ARI in the MRR column; %d documents in %d story folders "
                "(%d same-story pairs); wiretrace: %d stories, %d pairs "
                "joined, %d of them in one folder; MinHash+LSH "
                "(minhash_lsh.py, word 3-shingles, 128 permutations) at "
                "estimated Jaccard >= %.1f, chosen for ARI on courts (dev) "
                "from %s: %d pairs joined, %d in one folder; against "
                "catchlines instead of folders (a trial followed over days "
                "as one story): ARI %.3f, pairwise F1 %.3f, baseline ARI "
                "%.3f, F1 %.3f" %
                (len(docs), len(set(gold.values())), ngold, stories, npred,
                 tp, base_t, "/".join("%.1f" % t for t in MINHASH_GRID),
                 bpred, btp, ari_c, wt_c[2], b_ari_c, bl_c[2]))
        rows.append(row("METER " + label, "stories (clusters) vs folders",
                        wt, ari, sec, bl, b_ari, b_sec, note))
    return rows


# ---------------------------------------------------------------- dedup

def wiretrace_dedup(args, docs):
    """{id: id of the record kept in its place} by `wiretrace dedup --mark`
    over docs ((id, text) as JSON Lines), and its CPU seconds."""
    tmp = tempfile.mkdtemp(prefix="wt-eval-dedup-")
    try:
        path = os.path.join(tmp, "docs.jsonl")
        write_jsonl(path, docs)
        extra = ["--taken-min", args.dedup_taken] if args.dedup_taken else []
        out, cpu = run_cli(args, ["dedup", "--mark", "-q"] + extra + [path])
    finally:
        shutil.rmtree(tmp)
    kept = {}
    for line in out.splitlines():
        rec = json.loads(line)
        kept[rec["id"]] = rec["duplicate_of"] or rec["id"]
    return kept, cpu


def reuters_all_docs(args, files):
    """(id, text, normalized body) of every Reuters story with a body,
    exact duplicates kept."""
    return [(rid, text, " ".join(text.split()))
            for rid, _, text in reuters_stories(args, files)]


def dedup_row(args, corpus, docs, gold, what):
    """docs: (id, text); gold: {id: group}.  wiretrace dedup beside MinHash
    dedup (minhash_lsh.py at its default threshold 0.5): pairs of records
    grouped as copies, scored against gold's groups."""
    ids = [d[0] for d in docs]
    kept, sec = wiretrace_dedup(args, docs)
    base, b_sec = minhash_labels(args, ids, [d[1] for d in docs], 0.5)
    wt, _, (tp, npred, ngold) = cluster_scores(kept, gold)
    bl, _, (btp, bpred, _) = cluster_scores(base, gold)
    dropped = sum(1 for i in ids if kept.get(i, i) != i)
    b_dropped = len(ids) - len(set(base.values()))
    note = ("%d records, %d %s pairs; wiretrace dedup --mark%s (in memory): "
            "%d records dropped, %d pairs grouped, %d right; MinHash+LSH "
            "dedup (minhash_lsh.py, estimated Jaccard >= 0.5, components): "
            "%d dropped, %d pairs grouped, %d right; P = right / grouped, "
            "R = right / gold pairs; time: CPU seconds of each run" %
            (len(ids), ngold, what,
             " --taken-min " + args.dedup_taken if args.dedup_taken else "",
             dropped, npred, tp, b_dropped, bpred, btp))
    return row(corpus, "dedup: pairs grouped as copies", wt, None, sec, bl,
               None, b_sec, note)


def task_dedup(args, dev, final):
    """wiretrace dedup and MinHash dedup against METER's story folders and
    Reuters-21578's exact-duplicate groups."""
    rows = []
    for label, domains, keep in (("courts (dev)", {"courts"}, dev),
                                 ("showbiz (final)", {"showbiz"}, final)):
        if keep:
            docs = meter_docs(args, domains)
            rows.append(dedup_row(
                args, "METER " + label, [(d[0], meter_text(d)) for d in docs],
                {d[0]: d[3] for d in docs}, "same-story"))
    for label, files, keep in (("reut2-000..003, dev", range(4), dev),
                               ("reut2-004..007, held out", range(4, 8),
                                final)):
        if keep:
            docs = reuters_all_docs(args, files)
            rows.append(dedup_row(
                args, "Reuters-21578 (%s)" % label,
                [(d[0], d[1]) for d in docs], {d[0]: d[2] for d in docs},
                "exact-duplicate (same body after whitespace "
                "normalization)"))
    return rows


# ---------------------------------------------------------------- table

def task_extraction(args):
    """Article bodies of the development pages of the extraction benchmark
    (tests/eval/extract_eval.py, the benchmark's own metric), through the
    wiretrace command beside wt_eval; the baseline columns are the best
    anchor, trafilatura, on the same pages."""
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    import extract_eval
    cli = os.path.join(os.path.dirname(os.path.abspath(args.exe)), "..", "..",
                       "src", "cli", "wiretrace")
    data = data_dir(args, "article-extraction")
    with open(os.path.join(data, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    files = [os.path.join(data, "html", k + ".html.gz") for k in sorted(truth)]
    t0 = time.monotonic()
    report, cpu = extract_eval.run_wiretrace(cli, files)
    secs = time.monotonic() - t0
    every = {os.path.basename(d["path"]).split(".")[0]:
             "\n".join(p["text"] for p in d["paragraphs"])
             for d in report["documents"]}
    f1, prec, rec, _ = extract_eval.score(truth, every)
    with open(os.path.join(data, "anchors", "trafilatura.json"),
              encoding="utf-8") as f:
        anchor = json.load(f)["output"]
    bf1, bp, br, _ = extract_eval.score(
        truth, {k: (v or {}).get("articleBody") or ""
                for k, v in anchor.items()})
    note = ("%d pages, article body by the benchmark's 4-token shingle P/R "
            "(tests/eval/extraction_results.md has every anchor); %.2f s of "
            "CPU; baseline: trafilatura's output on the same pages"
            % (len(files), cpu))
    return [row("article-extraction (dev)", "article body of web pages",
                (prec, rec, f1), None, secs, (bp, br, bf1), None, 0.0, note)]


def row(corpus, task, wt, mrr, sec, bl, b_mrr, b_sec, note):
    return dict(corpus=corpus, task=task, wt=wt, mrr=mrr, sec=sec, bl=bl,
                b_mrr=b_mrr, b_sec=b_sec, note=note)


def fmt(v, digits=3):
    return "–" if v is None else ("%.*f" % (digits, v))


def table(rows):
    head = ("| corpus | task | P | R | F1 | MRR / acc / ARI / rate | time s "
            "| base P | base R | base F1 | base MRR / acc / ARI / rate "
            "| base time s |")
    out = [head, "|" + "---|" * 12]
    for r in rows:
        wt = r["wt"] or (None, None, None)
        bl = r["bl"] or (None, None, None)
        out.append("| %s | %s | %s | %s | %s | %s | %.1f | %s | %s | %s | "
                   "%s | %.1f |" % (r["corpus"], r["task"], fmt(wt[0]),
                                    fmt(wt[1]), fmt(wt[2]), fmt(r["mrr"]),
                                    r["sec"], fmt(bl[0]), fmt(bl[1]),
                                    fmt(bl[2]), fmt(r["b_mrr"]), r["b_sec"]))
    notes = ["- %s, %s: %s" % (r["corpus"], r["task"], r["note"])
             for r in rows]
    return "\n".join(out) + "\n\nNotes:\n" + "\n".join(notes) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--exe", required=True, help="path of wt_eval")
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "..",
                                                   "shared", "data"))
    ap.add_argument("--tasks",
                    default="meter,wmt,msrp,negatives,clusters,dedup,"
                    "credits,extraction")
    ap.add_argument("--split", default="all", choices=["dev", "final", "all"],
                    help="development parts, final parts, or both")
    ap.add_argument("--smoke", action="store_true",
                    help="a few METER stories and WMT docs, with checks")
    ap.add_argument("--opt", action="append", default=[],
                    help="NAME=VALUE passed to wt_eval (k, window, ...)")
    ap.add_argument("--dedup-taken", metavar="X",
                    help="--taken-min X for wiretrace dedup (default: its "
                    "own)")
    ap.add_argument("--out", help="also write results (markdown) here")
    ap.add_argument("--no-write", action="store_true",
                    help="do not write --out (for trying settings)")
    ap.add_argument("--show-false", metavar="FILE",
                    help="append the false links of the negatives tasks, "
                    "with both paragraphs' text, to FILE")
    args = ap.parse_args()
    args.opt = dict(o.split("=", 1) for o in args.opt)
    args.source = os.path.join(here, "..", "..")
    args.translations = {}  # run label -> [translation links, bad ones]
    tasks = args.tasks.split(",")
    if not os.path.isdir(os.path.join(args.data, "meter")):
        print("no corpora in %s: skipped" % args.data)
        return 77  # the test harness' "skipped"
    if args.smoke:
        return smoke(args)
    dev = args.split in ("dev", "all")
    final = args.split in ("final", "all")
    rows = []
    meter_t = None
    if "meter" in tasks:
        r, meter_t = task_meter(args, {"courts"}, "courts (dev)")
        if dev:
            rows += r
        if final:
            rows += task_meter(args, {"showbiz"}, "showbiz (final)",
                               base_t=meter_t)[0]
            rows += task_meter(args, {"courts", "showbiz"}, "all",
                               base_t=meter_t)[0]
            rows += task_meter_origin(args)
    if "wmt" in tasks:
        ru = wmt_docs(data_dir(args, "wmt-news-docs", "wmt21",
                               "newstest2021.ru-en.all.xml.gz"))
        r, wmt_t = task_wmt(args, ru, "WMT21 ru-en A/B (dev)")
        if dev:
            rows += r
        if final:
            for pair in ("de-en", "cs-en"):
                rows += task_wmt(args, txt_docs(args, pair),
                                 "WMT21-txt %s A/B (held out)" % pair,
                                 base_t=wmt_t)[0]
    if "msrp" in tasks:
        r, base = task_msrp(args, "train", "MSRP train (dev)")
        if dev:
            rows += r
        if final:
            rows += task_msrp(args, "test", "MSRP test (final)", base)[0]
    if "negatives" in tasks:
        if meter_t is None:
            meter_t = 0.2
        rows += task_negatives(args, "BBC fulltext", bbc_docs(args), meter_t)
        if dev:
            rows += task_negatives(args, "Reuters-21578 (reut2-000..003, dev)",
                                   reuters_docs(args, range(4)), meter_t)
        if final:
            rows += task_negatives(args,
                                   "Reuters-21578 (reut2-004..007, held out)",
                                   reuters_docs(args, range(4, 8)), meter_t)
    if "clusters" in tasks:
        rows += [r for r in task_clusters(args)
                 if (dev and "(dev)" in r["corpus"]) or
                 (final and "(dev)" not in r["corpus"])]
    if "dedup" in tasks:
        rows += task_dedup(args, dev, final)
    if "credits" in tasks:
        rows += [r for r in task_credits(args)
                 if dev or not r["corpus"].endswith("(dev)")]
    if "extraction" in tasks and dev:
        rows += task_extraction(args)
    rows += task_translation_check(args)
    text = table(rows)
    print(text)
    print(targets(rows))
    if args.out and not args.no_write:
        write_results(args, rows, text)
    return 0


# Targets of the quality work, checked on the final figures where there
# are final figures.  (row corpus prefix, task, what, index, test, goal)
TARGETS = [
    ("METER all", "doc pairs", "MRR", "mrr", ">=", 0.97),
    ("METER all", "doc pairs", "document-pair F1", 2, ">=", 0.72),
    ("WMT21 ru-en", "paragraphs", "paragraph precision", 0, ">=", 0.95),
    ("WMT21 ru-en", "paragraphs", "paragraph recall", 1, ">=", 0.80),
    ("WMT21-txt", "paragraphs", "paragraph precision", 0, ">=", 0.95),
    ("WMT21-txt", "paragraphs", "paragraph recall", 1, ">=", 0.80),
    ("BBC", "false links", "false links per 1,000 docs (at most)", "mrr",
     "<", 1.0),
    ("Reuters", "false links", "false links per 1,000 docs (at most)",
     "mrr", "<", 5.0),
    ("credits set", "credit detection", "credit precision", 0, ">=", 0.98),
    ("credits set", "credit detection", "credit recall", 1, ">=", 0.95),
    ("METER all (metadata)", "pairs with the right origin",
     "share of linked pairs with a wrong origin", "mrr", "<=", 0.0),
    ("credits set", "pairs with the right origin",
     "share of linked pairs with a wrong origin", "mrr", "<=", 0.0),
    ("article-extraction", "article body", "article-body F1", 2, ">=", 0.96),
    ("every corpus", "translation links", "translation links between "
     "paragraphs of one language or an unknown one", "mrr", "<=", 0.0),
]


def target_met(v, test, goal):
    return {">=": v >= goal, "<": v < goal, "<=": v <= goal}[test]


def targets(rows):
    out = ["Targets:"]
    for corpus, task, what, key, test, goal in TARGETS:
        for r in rows:
            if r["corpus"].startswith(corpus) and r["task"].startswith(task):
                v = r[key] if key == "mrr" else r["wt"][key]
                out.append("- %s, %s: %.3f, target %s %.2f: %s" %
                           (r["corpus"], what, v, test, goal, "met"
                            if target_met(v, test, goal) else
                            "missed by %.3f" % abs(v - goal)))
    return "\n".join(out) + "\n"


def write_results(args, rows, text):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "notes.md"), encoding="utf-8") as f:
        notes = f.read()
    opts = " ".join("--opt %s=%s" % kv for kv in sorted(args.opt.items()))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# wiretrace on labeled corpora\n\n"
                "Generated by `sh tests/eval/run.sh%s` (split: %s); do "
                "not edit: the table changes with the code, and its diff "
                "shows every change in quality.  Baseline: Jaccard "
                "resemblance of word 5-shingles per document (per segment "
                "for WMT paragraphs, per sentence for MSRP), one global "
                "threshold chosen for the best F1 on the development part "
                "of each task.\n\n" % ((" " + opts) if opts else "",
                                        args.split))
        f.write(text + "\n" + targets(rows) + "\n" + notes)


def smoke(args):
    """A small subset with modest thresholds, for the default test suite."""
    rows, _ = task_meter(args, {"courts"}, "courts (smoke)", limit_stories=12)
    ru = wmt_docs(data_dir(args, "wmt-news-docs", "wmt21",
                           "newstest2021.ru-en.all.xml.gz"))
    ru = {r: v[:8] for r, v in ru.items()}
    rows += task_wmt(args, ru, "WMT21 ru-en (smoke)")[0]
    print(table(rows))
    print(targets(rows))
    checks = [("METER MRR", rows[0]["mrr"], 0.8),
              ("METER F1", rows[0]["wt"][2], 0.5),
              ("WMT paragraph precision", rows[2]["wt"][0], 0.8),
              ("WMT paragraph recall", rows[2]["wt"][1], 0.5)]
    bad = [c for c in checks if c[1] < c[2]]
    for name, v, want in bad:
        print("FAIL: %s %.3f < %.3f" % (name, v, want))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
