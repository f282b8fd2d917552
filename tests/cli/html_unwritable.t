#exit 74
#stderr-has /nonexistent/dir/out.html: cannot write
"$WT" compare --html /nonexistent/dir/out.html "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/edited.txt"
