#!/usr/bin/env python3
"""Writes a generated news corpus for the large tests: articles made of
random sentences over the words of the given seed texts, with a few
paragraphs copied (some edited) from earlier articles.

    gen_corpus.py files DIR MEGABYTES [SEED_FILE...]   many ~4 KB articles
    gen_corpus.py one FILE MEGABYTES [SEED_FILE...]    one article
    gen_corpus.py tiny DIR COUNT                        COUNT one-line files
"""
import os
import random
import re
import sys


def vocabulary(seed_files):
    words = set()
    for f in seed_files:
        with open(f, encoding='utf-8', errors='replace') as fh:
            words.update(w.strip('.,;:"()') for w in fh.read().split())
    words = sorted(w for w in words if w.isalpha())
    # Made-up words widen the vocabulary to a news corpus' size, so that
    # rare words are rare (a small vocabulary makes every pair similar).
    rnd = random.Random(7)
    syl = 'ka to ri ne sa mu lo ve di pa gor tan bel mir sun dra ko li'.split()
    made = set()
    while len(made) < 60000:
        made.add(''.join(rnd.choice(syl) for _ in range(rnd.randrange(2, 5))))
    return words + sorted(made)


class Writer:
    """Random sentences over the vocabulary (Zipf-like word choice), with
    REUSE of the paragraphs copied from an earlier article, some edited:
    sparse reuse, as in a real news corpus."""
    REUSE = 0.03

    def __init__(self, vocab, rnd):
        self.vocab, self.rnd, self.kept = list(vocab), rnd, []
        rnd.shuffle(self.vocab)
        self.cum, total = [], 0.0
        for i in range(len(vocab)):
            total += 1.0 / (i + 1)
            self.cum.append(total)

    def fresh(self):
        n = self.rnd.randrange(25, 90)
        words = self.rnd.choices(self.vocab, cum_weights=self.cum, k=n)
        words[0] = words[0].capitalize()
        return ' '.join(words) + '.'

    def paragraph(self):
        rnd = self.rnd
        if self.kept and rnd.random() < self.REUSE:
            words = rnd.choice(self.kept).split()
            for _ in range(rnd.randrange(0, 4)):
                words[rnd.randrange(len(words))] = rnd.choice(self.vocab)
            return ' '.join(words)
        p = self.fresh()
        if rnd.random() < 0.01 and len(self.kept) < 5000:
            self.kept.append(p)
        return p

    def article(self, size):
        out, n = [], 0
        while n < size:
            p = self.paragraph()
            out.append(p)
            n += len(p) + 2
        return '\n\n'.join(out) + '\n'


TOPICS = 'strike budget storm election harvest trial'.split()
PLACES = 'Harborton Seoul Lagos Lima Oslo Perth'.split()


def main():
    mode, target, amount = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rnd = random.Random(20261123)
    if mode == 'tiny':
        os.makedirs(target, exist_ok=True)
        for i in range(amount):
            sub = os.path.join(target, '%03d' % (i // 1000))
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, '%06d.txt' % i), 'w') as f:
                f.write('Story %d: the %s of %s reported %d cases.\n' % (
                    i, rnd.choice(TOPICS), rnd.choice(PLACES), i % 977))
        return
    w = Writer(vocabulary(sys.argv[4:]), rnd)
    total = amount * 1024 * 1024
    if mode == 'one':
        with open(target, 'w', encoding='utf-8') as f:
            n = 0
            while n < total:
                chunk = w.article(1 << 20)
                f.write(chunk + '\n')
                n += len(chunk.encode()) + 1
        return
    os.makedirs(target, exist_ok=True)
    n, i = 0, 0
    while n < total:
        sub = os.path.join(target, '%04d' % (i // 1000))
        os.makedirs(sub, exist_ok=True)
        text = w.article(rnd.randrange(2000, 6000))
        with open(os.path.join(sub, '%07d.txt' % i), 'w',
                  encoding='utf-8') as f:
            f.write(text)
        n += len(text.encode())
        i += 1


main()
