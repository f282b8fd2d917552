#exit 1
#stdout-has reprint.txt  (en, 11 paragraphs
#stdout-has verbatim  1.00  from wire.txt ¶1
#stderr-has index: 6 added, 0 unchanged
"$WT" index add --db wire.db "$ROOT/corpora/demo" || exit 99
"$WT" index query --db wire.db "$ROOT/corpora/demo/reprint.txt"
