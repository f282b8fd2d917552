#exit 2
#stderr-has d/fifo.txt: not a regular file, skipped
# scan passed over a FIFO (or a device) named *.txt without a word.
mkdir d
cp "$ROOT/corpora/demo/wire.txt" "$ROOT/corpora/demo/reprint.txt" d/
mkfifo d/fifo.txt || exit 9
"$WT" scan d > /dev/null
