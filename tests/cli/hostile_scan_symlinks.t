#exit 2
#stderr-has d/loop: directory loop (symbolic link), skipped
#stderr-has d/gone.txt: dangling symbolic link, skipped
#stdout-has 3 documents
#stdout-has linked.txt
# scan follows symbolic links, names a loop or a dangling link and goes on.
mkdir d
cp "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/reprint.txt" d/
ln -s ../d d/loop
ln -s nowhere.txt d/gone.txt
ln -s "$ROOT/corpora/demo/edited.txt" d/linked.txt
"$WT" scan d
