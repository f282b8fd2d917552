#!/usr/bin/env python3
"""Writes the source and reference A segments of a WMT22 test set as two
line-aligned files, news documents only (domain="news"; sets without a
domain attribute keep all documents).

    wmt22_lines.py SET.all.xml.gz OUT_SRC OUT_REF
"""
import gzip
import sys
import xml.etree.ElementTree as ET


def main():
    if len(sys.argv) != 4:
        sys.stderr.write(__doc__)
        return 64
    root = ET.parse(gzip.open(sys.argv[1])).getroot()
    with open(sys.argv[2], "w", encoding="utf-8") as fs, \
            open(sys.argv[3], "w", encoding="utf-8") as fr:
        for doc in root.iter("doc"):
            dom = doc.get("domain")
            if dom is not None and dom != "news":
                continue
            src = {s.get("id"): s.text or "" for s in doc.find("src").iter("seg")}
            refs = [r for r in doc.findall("ref")
                    if r.get("translator") in ("A", None)]
            if not refs:
                continue
            ref = {s.get("id"): s.text or "" for s in refs[0].iter("seg")}
            for sid, text in src.items():
                if sid in ref:
                    fs.write(" ".join(text.split()) + "\n")
                    fr.write(" ".join(ref[sid].split()) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
