#exit 1
# Files and folders in, the paths kept out, one a line; with --mark every
# path, a tab, and the path of the file kept in its place (empty when it
# is kept).
cd "$ROOT/corpora" || exit 9
"$WT" dedup demo > "$OLDPWD/kept.txt"
printf 'demo/rewrite.txt\ndemo/unrelated.txt\ndemo/wire.txt\n' > "$OLDPWD/want.txt"
cmp "$OLDPWD/want.txt" "$OLDPWD/kept.txt" || exit 9
"$WT" dedup --mark demo/reprint.txt demo > "$OLDPWD/marked.txt"
rc=$?
cd "$OLDPWD" || exit 9
printf 'demo/reprint.txt\tdemo/wire.txt\ndemo/edited.txt\tdemo/wire.txt\n' > want.txt
printf 'demo/reprint.txt\tdemo/wire.txt\ndemo/rewrite.txt\t\n' >> want.txt
printf 'demo/unrelated.txt\t\ndemo/web.html\tdemo/wire.txt\n' >> want.txt
printf 'demo/wire.txt\t\n' >> want.txt
cmp want.txt marked.txt || exit 9
exit $rc
