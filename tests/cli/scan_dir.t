#exit 1
#stdout-has sub/copy.txt
mkdir -p d/sub
cp "$ROOT/corpora/demo/wire.txt" d/wire.txt
cp "$ROOT/corpora/demo/reprint.txt" d/sub/copy.txt
printf 'ignored' > d/notes.md
ln -s ../d d/sub/loop
"$WT" scan d
