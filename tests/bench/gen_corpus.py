#!/usr/bin/env python3
"""Seeded generator of wire-archive corpora for the wiretrace benchmarks.

Builds N articles as JSON Lines (id, outlet, url, published, lang, title,
text) from the real articles of Reuters-21578 and BBC News (../shared/data):

  story    a new story: paragraphs of two to four real articles, numbers
           redrawn and a fifth of the content words swapped for words of
           the pool, so that stories built from the same paragraph differ
  reprint  an earlier story word for word under another outlet, with a
           byline and a credit line
  edit     an earlier story with paragraphs dropped, sentences cut and a
           few words changed
  rewrite  an earlier story with its sentences reordered and a third of
           its words swapped

Earlier stories come from a ring of the last RING stories, so memory stays
flat for any N.  --queries M writes M more articles (half edits or reprints
of indexed stories, with "derived_from" naming the story, half new stories)
to a second file, for query latency and recall.
"""
import argparse
import gzip
import html
import io
import json
import random
import re
import sys
import tarfile

RING = 4000
OUTLETS = ["Meridian Press Agency", "Coastal Daily Record", "Northern Herald",
           "Valley Times", "Capital Wire", "Harbour Gazette", "Evening Post",
           "Metro Ledger", "Lakeside Courier", "Union Tribune"]
KINDS = [("story", 0.55), ("reprint", 0.15), ("edit", 0.2), ("rewrite", 0.1)]


def reuters(data):
    body = re.compile(r"<TITLE>(.*?)</TITLE>.*?<BODY>(.*?)</BODY>", re.S)
    for i in range(22):
        path = "%s/reuters21578/reut2-%03d.sgm.gz" % (data, i)
        with gzip.open(path, "rt", encoding="latin-1") as f:
            for title, text in body.findall(f.read()):
                text = html.unescape(text).replace("\x03", "")
                text = re.sub(r"\s*Reuter\s*$", "", text)
                paras = [" ".join(p.split()) for p in
                         re.split(r"\n\s{2,}", text)]
                paras = [p for p in paras if len(p) > 40]
                if paras:
                    yield html.unescape(title).title(), paras


def bbc(data):
    with tarfile.open(data + "/bbc-fulltext/bbc-fulltext.tar.gz") as t:
        for m in t:
            if not m.isfile() or not m.name.endswith(".txt"):
                continue
            raw = t.extractfile(m).read().decode("latin-1")
            parts = [" ".join(p.split()) for p in raw.split("\n\n")]
            parts = [p for p in parts if p]
            if len(parts) > 1:
                yield parts[0], [p for p in parts[1:] if len(p) > 40]


def load(data):
    pool = [a for a in reuters(data)] + [a for a in bbc(data)]
    pool = [(t, p) for t, p in pool if p]
    vocab = sorted({w for _, ps in pool[:3000] for p in ps for w in p.split()
                    if w.isalpha() and len(w) > 3 and w.islower()})
    return pool, vocab


class Gen:
    def __init__(self, seed, data):
        self.r = random.Random(seed)
        self.pool, self.vocab = load(data)
        self.ring = []
        self.n = 0

    def swap_words(self, text, share):
        r, vocab = self.r, self.vocab
        out = []
        for w in text.split(" "):
            if len(w) > 3 and w.isalpha() and r.random() < share:
                w = vocab[r.randrange(len(vocab))]
            out.append(w)
        return " ".join(out)

    def redraw_numbers(self, text):
        return re.sub(r"\d+", lambda m: str(self.r.randrange(
            1, 10 ** len(m.group(0)) + 1)), text)

    def story(self):
        r = self.r
        title, paras = self.pool[r.randrange(len(self.pool))]
        paras = list(paras)
        while sum(map(len, paras)) < 2600:
            paras += self.pool[r.randrange(len(self.pool))][1]
        out, size = [], 0
        for p in paras:
            if size > 3000:
                break
            out.append(self.swap_words(self.redraw_numbers(p), 0.2))
            size += len(p) + 2
        return title, out

    def derive(self, kind):
        r = self.r
        self.origin, title, paras = self.ring[r.randrange(len(self.ring))]
        if kind == "reprint":
            return title, ["By %s Staff" % OUTLETS[r.randrange(10)]] + \
                list(paras) + ["Source: Meridian Press Agency"]
        if kind == "edit":
            keep = [p for p in paras if r.random() > 0.25] or list(paras)
            out = []
            for p in keep:
                s = re.split(r"(?<=[.!?]) ", p)
                if len(s) > 1 and r.random() < 0.4:
                    s = s[:-1]
                out.append(self.swap_words(" ".join(s), 0.03))
            return title, out
        sents = [s for p in paras for s in re.split(r"(?<=[.!?]) ", p)]
        r.shuffle(sents)
        out = [" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3)]
        return title, [self.swap_words(p, 0.33) for p in out]

    def article(self, kind=None):
        r = self.r
        if kind is None:
            x, kind = r.random(), "story"
            for k, p in KINDS:
                if x < p:
                    kind = k
                    break
                x -= p
            if not self.ring:
                kind = "story"
        self.origin = None
        title, paras = self.story() if kind == "story" else self.derive(kind)
        self.n += 1
        ident = "w%07d" % self.n
        if kind == "story":
            if len(self.ring) < RING:
                self.ring.append((ident, title, paras))
            else:
                self.ring[r.randrange(RING)] = (ident, title, paras)
        outlet = OUTLETS[r.randrange(len(OUTLETS))]
        t = 536457600 + self.n * 37  # from 1987-01-01, one every 37 s
        return {"id": ident, "outlet": outlet,
                "url": "https://example.org/%s/%s" % (kind, ident),
                "published": t, "lang": "en", "title": title,
                "text": title + "\n\n" + "\n\n".join(paras) + "\n"}, kind


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="articles to write")
    ap.add_argument("--seed", type=int, default=1987)
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="-")
    ap.add_argument("--queries", type=int, default=0)
    ap.add_argument("--queries-out")
    a = ap.parse_args()
    g = Gen(a.seed, a.data)
    out = sys.stdout if a.out == "-" else open(a.out, "w")
    for _ in range(a.n):
        out.write(json.dumps(g.article()[0]) + "\n")
    out.flush()
    if a.queries:
        with open(a.queries_out, "w") as q:
            for i in range(a.queries):
                kind = ("edit", "reprint", "story", "story")[i % 4]
                art = g.article(kind)[0]
                art["id"] = "q%05d" % i
                if g.origin:
                    art["derived_from"] = g.origin
                q.write(json.dumps(art) + "\n")


if __name__ == "__main__":
    main()
