#!/usr/bin/env python3
"""Converts FreeDict dictionaries (dictd files) into wiretrace lexicons.

    mklexicon.py DICTD_DIR OUT_DIR CODE=DICT[,DICT...] ... [ko=hanja:FILE]
                 [uk=apertium:FILE] [zh=kanji]

CODE is the language wiretrace names (es), DICT the dictd name without the
freedict- prefix (spa-eng); an English-to-CODE dictionary (eng-spa) is
read in reverse.  All dictionaries of a code are merged.  Each OUT_DIR/CODE-en.txt holds one entry a
line, "word<TAB>english; english ...", folded (NFKC, case folded); the
library stems both sides when it loads the file.  A dictionary that is not
installed gives a file with only a "# missing" line, so the build never
depends on it.

ko=hanja:FILE builds the Korean lexicon without a Korean dictionary: the
Hanja table of libhangul (FILE, "hangul:hanja:note" a line) gives the
Chinese characters of Sino-Korean words (국방부 = 國防部), which are joined
with the kanji headwords of the Japanese dictionary (国防) after both are
brought to one form: Japanese simplified characters back to traditional
(shinjitai.txt, beside this script), then traditional to simplified with
ICU's uconv (Traditional-Simplified) when it is installed.

zh=kanji builds the Chinese lexicon from the Japanese one's kanji words,
brought to simplified characters as above.

uk=apertium:FILE builds the Ukrainian lexicon through Russian: FILE is
Apertium's compiled Ukrainian-to-Russian bilingual dictionary
(apertium-rus-ukr), printed with lttoolbox's lt-print; each Ukrainian
lemma takes the English of its Russian lemma in the Russian lexicon.
"""
import base64
import collections
import gzip
import os
import re
import shutil
import subprocess
import sys
import unicodedata

MAX_WORDS = 2     # longer headwords and translations are phrases, skipped
MAX_SENSES = 4    # translations kept per headword
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64num(s):
    n = 0
    for ch in s:
        n = n * 64 + B64.index(ch)
    return n


def fold(s):
    return unicodedata.normalize("NFKC", s).casefold().strip()


NOISE = re.compile(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}|/[^/]*/")


def clean(s):
    s = NOISE.sub(" ", s)
    s = re.sub(r"^\s*\d+\.\s*", "", s)
    s = re.sub(r"\b(to|a|an|the)\s+", "", s, count=1) if s else s
    return " ".join(s.split())


def words_ok(s):
    return s and len(s.split()) <= MAX_WORDS and not re.search(r"[0-9=]", s)


# FreeDict's Japanese entries glue a usage label to the sense it labels
# ("Note: abbreviationprime minister"); the sense is kept.
NOTE = re.compile(r"^\s+Note: (?:abbreviation|archaism|colloquialism|"
                  r"obsolete term|slang|usually written using kana alone|"
                  r"idiomatic expression|yojijukugo|rare|"
                  r"word usually written using kanji alone)(\S.*)$")
# English words that do not carry a sense: "dispatch of troops" is keyed
# as "dispatch troops", so that three-word senses fit in two words.
EN_FILLER = {"of", "the", "a", "an", "to", "for", "in", "on", "by", "with",
             "from", "as", "at", "and", "one's", "someone", "something",
             "oneself", "etc"}


def content_words(t):
    return " ".join(w for w in t.split() if w.casefold() not in EN_FILLER)


CYRL = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff\- ]*$")


def mueller_trans(body):
    """Russian translations of a Mueller entry: Cyrillic words standing
    alone between separators, not the Russian of an example phrase."""
    text = " ".join(body)
    text = re.sub(r"\[[^\]]*\]|\([^)]*\)|_[^\s.]+\.?", " ", text)
    out = []
    for seg in re.split(r"[;,]|\d+[.)]|=", text):
        seg = " ".join(seg.split())
        if CYRL.match(seg) and words_ok(seg) and seg not in out:
            out.append(seg)
    return out


def base_of(dictd, name):
    """The dictd files of a dictionary: freedict-NAME or NAME."""
    base = os.path.join(dictd, "freedict-" + name)
    return base if os.path.exists(base + ".index") else \
        os.path.join(dictd, name)


def entries(dictd, name):
    """(headword, [translations]) of one dictd dictionary."""
    base = base_of(dictd, name)
    with open(base + ".index", encoding="utf-8") as f:
        index = [ln.rstrip("\n").split("\t") for ln in f]
    with gzip.open(base + ".dict.dz", "rb") as f:
        data = f.read()
    for row in index:
        if len(row) < 3 or row[0].startswith("00database"):
            continue
        off, ln = b64num(row[1]), b64num(row[2])
        body = data[off:off + ln].decode("utf-8", "replace").split("\n")
        heads = [h.strip(" \"'") for h in NOISE.sub(" ", body[0]).split(",")]
        if name.startswith("mueller"):
            trans = mueller_trans(body[1:])
            for h in heads:
                if words_ok(h) and trans:
                    yield h, trans
            continue
        trans = []
        for line in body[1:]:
            glued = NOTE.match(line)
            if glued:
                line = glued.group(1)
            elif not line.strip() or line[:1].isspace() and ":" in line:
                continue
            if line.lstrip().startswith(("(", "see", "Synonym", "Note")):
                continue
            for t in re.split(r"[,;]| or ", clean(line)):
                t = re.sub(r"[()]", " ", t).strip(" .!?\"'")
                if name.endswith("-eng"):
                    t = content_words(t)
                if words_ok(t) and t not in trans:
                    trans.append(t)
        for h in heads:
            if words_ok(h) and trans:
                yield h, trans


def add(lex, src, eng, rank):
    """Keeps for src the English words of the best ranks: the sense order
    of a dictionary entry, so read in reverse the first sense wins."""
    v = lex.setdefault(fold(src), {})
    e = fold(eng)
    if e not in v or v[e] > rank:
        v[e] = rank


def package(name):
    """The Debian package that installs a dictionary."""
    return name + "-dict" if name.startswith("mueller") else \
        "dict-freedict-" + name


def convert(dictd, out_dir, spec):
    code, names = spec.split("=")
    out = os.path.join(out_dir, code + "-en.txt")
    lex = {}
    have, missing = [], []
    for name in names.split(","):
        if not os.path.exists(base_of(dictd, name) + ".index"):
            missing.append(name)
            continue
        have.append(name)
        rev = name.startswith("eng-") or name.startswith("mueller")
        for h, trans in entries(dictd, name):
            for rank, t in enumerate(trans):
                if rev:
                    add(lex, t, h, rank)
                else:
                    add(lex, h, t, rank)
    meta = ([package(n) for n in missing], [package(n) for n in have])
    write_lexicon(out, lex, *meta)
    return lex, meta


HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")
HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")


def shinjitai():
    """Japanese simplified character -> traditional (shinjitai.txt)."""
    here = os.path.dirname(os.path.abspath(__file__))
    old = {}
    with open(os.path.join(here, "shinjitai.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and len(line.split()) == 2:
                a, b = line.split()
                old[a] = b
    return old


def one_form(words, old):
    """Han words in one form, so that Korean Hanja (traditional) and
    Japanese kanji (shinjitai) spellings of a word meet: old (from
    shinjitai()) back to traditional, then ICU's uconv to simplified."""
    words = ["".join(old.get(ch, ch) for ch in w) for w in words]
    uconv = shutil.which("uconv")
    if not uconv or not words:
        return words
    out = subprocess.run([uconv, "-x", "Traditional-Simplified"],
                         input="\n".join(words) + "\n", capture_output=True,
                         text=True, check=True).stdout.split("\n")
    return out[:len(words)] if len(out) >= len(words) else words


def kanji_forms(ja, old):
    """The Japanese lexicon's kanji words of two characters or more, in
    the lexicon's order (a Korean word joins the last kanji word of its
    form), each with its one form: computed once for the Chinese and the
    Korean lexicon."""
    kanji = [k for k in ja if HAN.match(k) and len(k) >= 2]
    return list(zip(kanji, one_form(kanji, old)))


def hanja_readings(path):
    """Korean word -> its Hanja spellings, in the table's order (the
    common reading first), for words of two syllables or more."""
    read = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split(":")
            if line.startswith("#") or len(parts) < 2:
                continue
            ko, han = parts[0], parts[1]
            if len(ko) >= 2 and HANGUL.match(ko) and HAN.match(han) and \
                    len(han) == len(ko):
                read.setdefault(ko, []).append(han)
    return read


def convert_hanja(out_dir, code, path, ja, forms, old):
    """The Korean lexicon from the Hanja table and the Japanese lexicon."""
    out = os.path.join(out_dir, code + "-en.txt")
    missing = []
    if not os.path.exists(path):
        missing.append("libhangul-data")
    if not ja:
        missing.append(package("jpn-eng"))
    lex = {}
    if not missing:
        read = hanja_readings(path)
        joined = {form: k for k, form in forms}
        flat = [(ko, han) for ko in read for han in read[ko][:2]]
        for (ko, _), form in zip(flat, one_form([h for _, h in flat], old)):
            if ko not in lex and form in joined:
                lex[ko] = ja[joined[form]]
    write_lexicon(out, lex, missing,
                  [] if missing else ["libhangul-data + " + package("jpn-eng")])


WORD = re.compile(r"^[^\W\d_][^\W\d_'\u2019 -]*$")


def convert_kanji(out_dir, code, ja, forms):
    """The Chinese lexicon: the Japanese lexicon's kanji words of two
    characters or more, in simplified characters (single characters mean
    too many things)."""
    out = os.path.join(out_dir, code + "-en.txt")
    lex = {}
    if ja:
        for k, form in forms:
            v = lex.setdefault(form, {})
            for e, rank in ja[k].items():
                if e not in v or v[e] > rank:
                    v[e] = rank
    write_lexicon(out, lex, [] if ja else [package("jpn-eng")],
                  [package("jpn-eng") + " (kanji words)"] if ja else [])


def att_sections(text):
    """The transducers of lt-print's output: lists of arcs (from, to,
    input, output)."""
    for sec in text.split("\n--\n"):
        arcs = collections.defaultdict(list)
        for line in sec.split("\n"):
            p = line.split("\t")
            if len(p) >= 4:
                arcs[int(p[0])].append((int(p[1]), p[2], p[3]))
        yield arcs


def is_tag(sym):
    return sym.startswith("<") and len(sym) > 1


def letters(sym):
    return "" if sym == "ε" or is_tag(sym) else sym


def lemma_tails(arcs, state, memo, busy=None):
    """The output letters that continue after the input lemma has ended
    (the rest of a path reads only tags), from state on.  Memoized per
    state: a minimized transducer shares its tag paths, which would be
    walked again for every lemma."""
    if state in memo:
        return memo[state]
    busy = busy or set()
    busy.add(state)
    found = set()
    nxt = [a for a in arcs.get(state, []) if is_tag(a[1]) or a[1] == "ε"]
    if not nxt:
        found.add("")
    for to, _, osym in nxt:
        if to in busy:
            continue
        for t in lemma_tails(arcs, to, memo, busy):
            found.add(letters(osym) + t)
            if len(found) > 8:  # a lemma has a few spellings, not more
                break
    busy.discard(state)
    memo[state] = found
    return found


def bilingual_pairs(arcs):
    """(source lemma, target lemma) of every path of one transducer; a
    state already on the path is not entered again."""
    pairs, memo = set(), {}
    stack = [(0, "", "", frozenset([0]))]
    while stack:
        st, a, b, onpath = stack.pop()
        for to, i, o in arcs.get(st, []):
            if is_tag(i):
                if a and WORD.match(a):
                    for t in lemma_tails(arcs, to, memo):
                        t = b + letters(o) + t
                        if t and WORD.match(t):
                            pairs.add((a, t))
            elif to not in onpath and len(a) <= 40:
                stack.append((to, a + letters(i), b + letters(o),
                              onpath | {to}))
    return pairs


def convert_apertium(out_dir, code, path, via, via_code, base, base_meta):
    """A lexicon from an Apertium bilingual dictionary FILE.  With via (the
    lexicon of the dictionary's target language), each source lemma takes
    the English of its target lemma; without, the target is English.
    Entries of base (the FreeDict lexicon of code, if any) come first."""
    out = os.path.join(out_dir, code + "-en.txt")
    lt_print = shutil.which("lt-print")
    pkg = os.path.basename(os.path.dirname(path)) or "apertium"
    missing = [name for name, ok in ((pkg, os.path.exists(path)),
                                     ("lttoolbox-dev", lt_print)) if not ok]
    lex = {k: dict(v) for k, v in (base or {}).items()}
    added = 0
    if not missing:
        att = subprocess.run([lt_print, path], capture_output=True,
                             text=True, check=True).stdout
        for arcs in att_sections(att):
            for src, dst in sorted(bilingual_pairs(arcs)):
                eng = via.get(fold(dst)) if via is not None else {fold(dst): 0}
                if not eng or len(src.split()) > MAX_WORDS:
                    continue
                v = lex.setdefault(fold(src), {})
                added += not v
                for e, rank in eng.items():
                    if words_ok(e) and (e not in v or v[e] > rank + 1):
                        v[e] = rank + 1  # after the dictionary's senses
    base_missing, base_sources = base_meta
    write_lexicon(out, lex, base_missing + missing, base_sources +
                  ([] if missing else ["%s (%d words)%s" % (
                      pkg, added, " through the %s lexicon" % via_code
                      if via_code else "")]))


def write_lexicon(out, lex, missing, sources):
    """One lexicon file: word TAB English words, best sense first."""
    with open(out, "w", encoding="utf-8") as f:
        f.write("# generated by src/lexicon/mklexicon.py, do not edit\n")
        for name in missing:
            f.write("# missing\t%s\n" % name)
        for name in sources:
            f.write("# source\t%s\n" % name)
        for k in sorted(lex):
            if k and "\t" not in k:
                best = sorted(lex[k], key=lambda e: (lex[k][e], e))
                f.write("%s\t%s\n" % (k, "; ".join(best[:MAX_SENSES])))


def main():
    if len(sys.argv) < 4:
        sys.stderr.write(__doc__)
        return 64
    done, meta, later = {}, {}, []
    for spec in sys.argv[3:]:
        if "=hanja:" in spec or "=apertium:" in spec or \
                spec.endswith("=kanji"):
            later.append(spec)
        else:
            lex, meta[spec.split("=")[0]] = convert(sys.argv[1], sys.argv[2],
                                                    spec)
            done[spec.split("=")[0]] = lex
    old = shinjitai()
    forms = kanji_forms(done["ja"], old) if done.get("ja") else []
    for spec in later:
        if spec.endswith("=kanji"):
            convert_kanji(sys.argv[2], spec.split("=")[0], done.get("ja"),
                          forms)
        elif "=hanja:" in spec:
            code, path = spec.split("=hanja:")
            convert_hanja(sys.argv[2], code, path, done.get("ja"), forms, old)
        else:
            # code=apertium:FILE[:VIA]: VIA is the language whose lexicon
            # the dictionary's target words are read through.
            code, rest = spec.split("=apertium:")
            path, _, via = rest.partition(":")
            if via and not done.get(via):
                write_lexicon(os.path.join(sys.argv[2], code + "-en.txt"),
                              {}, ["the %s lexicon" % via], [])
                continue
            convert_apertium(sys.argv[2], code, path,
                             done.get(via) if via else None, via,
                             done.get(code),
                             meta.get(code, ([], [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
