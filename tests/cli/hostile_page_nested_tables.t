#exit 0
#stdout-has the text at the bottom of the tables
# Tables nested 1,000 deep (past libxml2's limit of 256, which stopped the
# parse and lost the text) and 200,000 unclosed elements: the text is
# kept, in bounded time; the second page is read up to where it nests
# past 4096 open elements, and says so.
python3 - <<'PY'
depth = 1000
with open("tables.html", "w") as f:
    f.write("<html><body>")
    f.write("".join(f"<table><tr><td>level {i} " for i in range(depth)))
    f.write("<p>the text at the bottom of the tables, which a reader of "
            "the page sees like any other paragraph of it.</p>")
    f.write("</td></tr></table>" * depth)
with open("open.html", "w") as f:
    f.write("<html><body><p>Before the storm of tags, the council voted "
            "to close the harbour for repairs.</p>" + "<b>" * 200000 +
            "</i>" * 200000)
PY
timeout 60 "$WT" extract tables.html > out.txt || exit 3
grep -q "level 999" out.txt || exit 4
timeout 60 "$WT" extract open.html > open.txt 2> open.err || exit 5
grep -q "Before the storm" open.txt || exit 6
grep -q "nested over 4096 deep" open.err || exit 7
cat out.txt
