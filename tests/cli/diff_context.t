#exit 1
#stdout-has unchanged paragraph
#stdout-has {+10,000+}
# -U 0 shows only changed paragraphs; the unchanged ones are counted.
W="$ROOT/corpora/demo/wire.txt"
sed 's/12,500/10,000/' "$W" > b.txt
"$WT" diff -U 0 --no-color "$W" b.txt
