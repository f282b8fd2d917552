#exit 1
#stdout-has ok: page written
# index query --html FILE writes one page per queried article.
"$WT" index add --db w.db "$ROOT/corpora/demo/wire.txt" 2>/dev/null
"$WT" index query --db w.db --html report.html "$ROOT/corpora/demo/reprint.txt" > /dev/null
rc=$?
grep -q '<mark class="verbatim"' report-reprint.txt.html && echo "ok: page written"
exit $rc
