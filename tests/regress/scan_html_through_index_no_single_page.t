#exit 1
#stdout-has rows 5, pages 5
# scan --html FILE through an index (above --in-memory-max, or with --db)
# wrote one page per article beside FILE and no FILE at all.  FILE is now
# one page of the whole scan: a row per article with its sources, each
# linking to the article's own page.
mkdir dir
cp "$ROOT"/corpora/demo/*.txt dir/
"$WT" scan --db s.db --html out.html dir > /dev/null
rc=$?
[ -f out.html ] || exit 9
rows=$(grep -c '^<tr><td><a href="out-' out.html)
pages=0
for f in $(grep -o 'href="out-[^"]*"' out.html | sed 's/href="//; s/"$//'); do
    [ -f "$f" ] && pages=$((pages + 1))
done
echo "rows $rows, pages $pages"
exit $rc
