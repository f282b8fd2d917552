#exit 0
#stdout-has unchanged paragraphs
# A file against a copy with straight quotes, other case and hard-wrapped
# lines: diff sees no change.
W="$ROOT/corpora/demo/wire.txt"
{ sed -n 1,4p "$W"
  sed -n '5,$p' "$W" | sed -e 's/“/"/g; s/”/"/g; s/’/'"'"'/g' \
      -e 's/Harborton/HARBORTON/g; s/strike/Strike/g' | fold -s -w 72
} > copy.txt
grep -q 'HARBORTON' copy.txt || exit 3
"$WT" diff "$W" copy.txt > out.txt
rc=$?
cat out.txt
grep -q '\[-\|{+\|Only in' out.txt && exit 4
exit $rc
