#exit 0
#stdout-has {"id":"edited","status":"replaced"}
#stdout-has {"id":"wire","status":"unchanged"}
#stderr-has index: 0 added, 2 unchanged, 1 replaced
# Adding an article again with other text printed "added", as if the
# index had not held it; it is a replacement.
"$WT" index add -q --db w.db "$ROOT/tests/cli/index_feed.jsonl" || exit 99
sed 's/Dockworkers/Dock workers/' "$ROOT/tests/cli/index_feed.jsonl" > changed.jsonl
"$WT" index add --db w.db --format jsonl changed.jsonl
