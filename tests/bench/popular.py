#!/usr/bin/env python3
"""A wire story and N reprints of it, as a desk meets them.

Writes OUTDIR/wire.txt (outlet and time in its header) and OUTDIR/rNNNNN.txt
for N reprints: each names its own outlet; most carry a later time, some
only credit the wire ("Source: Yonhap News Agency", a dateline), a few
neither; a third are edited (a word changed, a sentence cut, a paragraph
dropped, one of their own added).  The wire is written in the middle of
the file order, so that nothing depends on it coming first.  Usage:

    popular.py N OUTDIR [SEED]
"""
import os
import random
import sys

WIRE = [
    "South Korea's central bank kept its benchmark interest rate unchanged "
    "at 3.25 percent on Thursday, pausing after two straight cuts as "
    "household debt climbed and the won weakened against the dollar.",
    "The Bank of Korea's monetary policy board voted five to one to hold "
    "the base rate, with one member calling for a quarter-point reduction "
    "to support construction and domestic consumption.",
    "Governor Rhee Chang-yong told reporters that the board would watch "
    "apartment prices in Seoul and the pace of mortgage lending before "
    "deciding on further easing in the first half of next year.",
    "Exports of semiconductors rose 21 percent in October from a year "
    "earlier, but shipments of cars and steel slowed amid tariff worries "
    "in the United States and weaker demand in China.",
    "The central bank trimmed its growth forecast for this year to 2.2 "
    "percent from 2.4 percent and sees the economy expanding 1.9 percent "
    "next year, citing sluggish construction investment.",
    "Consumer prices rose 1.3 percent on-year last month, the slowest pace "
    "in nearly four years, giving policymakers room to cut rates again if "
    "growth falters further.",
    "Analysts at several brokerages said they expect one more reduction "
    "in February, when the board reviews its outlook together with new "
    "data on household loans and the housing market.",
    "The won closed at 1,398.2 per dollar in Seoul, down 4.1 won from the "
    "previous session, while the benchmark KOSPI index ended 0.7 percent "
    "higher at 2,503.06 points.",
]

VOCAB = ("harbour council tenants ferry orchard bakery tramline museum "
         "library stadium vineyard quarry hospital lighthouse market "
         "brewery cathedral bridge festival theatre garden cinema railway "
         "canal mill castle airport school factory").split()


def own(i, rnd):
    """A paragraph of the reprint's own, shared with no other."""
    words = rnd.sample(VOCAB, 10)
    return ("Reprint Daily %d adds that the %s, %s and %s near its office "
            "saw %d visitors, while the %s and %s reported %d." %
            (i, words[0], words[1], words[2], rnd.randrange(100, 99999),
             words[3], words[4], rnd.randrange(100, 99999)))

DATELINE = "SEOUL, Nov. 28 (Yonhap) -- "


def edit(par, rnd):
    words = par.split()
    if rnd.random() < 0.5 and len(words) > 12:
        i = rnd.randrange(2, len(words) - 2)
        words[i] = {"said": "stated", "rose": "climbed",
                    "percent": "per cent"}.get(words[i], words[i])
    if rnd.random() < 0.3:
        cut = par.find(",")
        if 30 < cut < len(par) - 30:
            return par[:cut] + "."
    return " ".join(words)


def reprint(i, rnd):
    kind = i % 10  # 0-6 later time, 7-8 credit only, 9 neither
    head = ["Outlet: Reprint Daily %d" % i]
    if kind <= 6:
        head.append("Date: 2026-11-28T%02d:%02d:00Z" % (4 + i % 12, i % 60))
    paras = list(WIRE)
    edited = i % 3 == 0
    if edited:
        paras = [edit(p, rnd) for p in paras]
        del paras[rnd.randrange(len(paras))]
        paras.insert(rnd.randrange(len(paras)), own(i, rnd))
    if kind in (7, 8) and i % 2:
        paras[0] = DATELINE + paras[0]
    elif kind in (7, 8):
        paras.append("Source: Yonhap News Agency")
    return "\n".join(head) + "\n\n" + "\n\n".join(paras) + "\n"


def dated_or_credited(name):
    """Whether reprint file name has a time or credits the wire."""
    return int(name[1:6]) % 10 != 9


def write(n, out, seed):
    rnd = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        with open(os.path.join(out, "r%05d.txt" % i), "w") as f:
            f.write(reprint(i, rnd))
    # Named to sort in the middle of the reprints.
    with open(os.path.join(out, "r%05d-wire.txt" % (n // 2)), "w") as f:
        f.write("Outlet: Yonhap News Agency\nDate: 2026-11-28T01:10:00Z\n\n"
                + DATELINE + "\n\n".join(WIRE) + "\n")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    write(int(sys.argv[1]), sys.argv[2],
          int(sys.argv[3]) if len(sys.argv) > 3 else 1)


if __name__ == "__main__":
    main()
