#!/usr/bin/env python3
"""Scores `wiretrace extract` on the article extraction benchmark.

Usage: extract_eval.py WIRETRACE DATA_DIR [--out FILE] [--jobs N]

DATA_DIR holds html/*.html.gz, ground-truth.json and anchors/ (see its
SOURCE.md).  The metric is the benchmark's: per page, the multisets of
4-token shingles (tokens: the regex \\w+) of truth and prediction give TP,
FP and FN, normalized to sum 1; precision and recall are averaged over
pages and F1 is computed from the means.  The anchors' outputs are scored
the same way and printed beside wiretrace's, which checks this scorer
against the figures SOURCE.md gives.

wiretrace is scored twice: on every paragraph it extracts, and on its
text paragraphs only (those the paragraph stage does not flag as
boilerplate: bylines, captions, credits, labels), which is the text it
compares.  Speed is pages and MB of (decompressed) HTML per second of one
core, from the extract run over all pages in one process.
"""
import collections
import gzip
import json
import os
import re
import resource
import subprocess
import sys

TOKEN = re.compile(r"\w+")


def shingles(text):
    toks = TOKEN.findall(text or "")
    if len(toks) < 4:
        return collections.Counter([tuple(toks)]) if toks else collections.Counter()
    return collections.Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def page_pr(truth, pred):
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return None, None
    tp, fp, fn = tp / total, fp / total, fn / total
    prec = 1.0 if fp == 0 and fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)
    rec = 1.0 if fp == 0 and fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)
    return prec, rec


def score(truth, preds):
    ps, rs, exact = [], [], 0
    for key, gt in truth.items():
        pred = preds.get(key, "")
        p, r = page_pr(gt["articleBody"], pred)
        if p is not None:
            ps.append(p)
            rs.append(r)
        exact += TOKEN.findall(gt["articleBody"]) == TOKEN.findall(pred)
    P = sum(ps) / len(ps)
    R = sum(rs) / len(rs)
    F = 2 * P * R / (P + R) if P + R else 0.0
    return F, P, R, exact / len(truth)


def run_wiretrace(exe, files):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([exe, "extract", "--json", "--quiet"] + files,
                         stdout=subprocess.PIPE, check=False).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(out), cpu


def main():
    args = sys.argv[1:]
    out_file = None
    if "--out" in args:
        i = args.index("--out")
        out_file = args[i + 1]
        del args[i:i + 2]
    exe, data = args[0], args[1]
    truth = json.load(open(os.path.join(data, "ground-truth.json")))
    files = [os.path.join(data, "html", k + ".html.gz") for k in sorted(truth)]
    html_bytes = sum(len(gzip.open(f).read()) for f in files)
    report, cpu = run_wiretrace(exe, files)
    every, text_only, how_empty = {}, {}, 0
    for d in report["documents"]:
        key = os.path.basename(d["path"]).split(".")[0]
        every[key] = "\n".join(p["text"] for p in d["paragraphs"])
        text_only[key] = "\n".join(p["text"] for p in d["paragraphs"]
                                   if p["boilerplate"] == "none")
        how_empty += not d["paragraphs"]
    rows = [("wiretrace extract, text paragraphs",) + score(truth, text_only),
            ("wiretrace extract, all paragraphs",) + score(truth, every)]
    anchors = os.path.join(data, "anchors")
    for name in sorted(os.listdir(anchors)):
        a = json.load(open(os.path.join(anchors, name)))["output"]
        preds = {k: (v or {}).get("articleBody") or "" for k, v in a.items()}
        rows.append((name[:-5],) + score(truth, preds))
    lines = ["| extractor | F1 | P | R | exact |", "|---|---|---|---|---|"]
    for name, f, p, r, acc in sorted(rows, key=lambda x: -x[1]):
        lines.append(f"| {name} | {f:.3f} | {p:.3f} | {r:.3f} | {acc:.3f} |")
    speed = (f"{len(files)} pages, {html_bytes / 1e6:.1f} MB of HTML in "
             f"{cpu:.2f} s of CPU: {len(files) / cpu:.0f} pages/s, "
             f"{html_bytes / 1e6 / cpu:.1f} MB/s per core (gunzip, charset, "
             f"parse, metadata, article, language, paragraphs, words)")
    text = "\n".join(lines) + "\n\n" + speed + "\n"
    if how_empty:
        text += f"\npages with no article found: {how_empty}\n"
    print(text)
    if out_file:
        with open(out_file, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
