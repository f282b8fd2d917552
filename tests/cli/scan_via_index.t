#exit 2
#stderr-has scanning through a temporary index
#stderr-has d/img.txt: not a text file (NUL bytes), skipped
#stdout-has reprint.txt  (en, 11 paragraphs
#stdout-has verbatim  1.00  from wire.txt ¶1  (origin: wire.txt)
# A scan above --in-memory-max goes through a temporary index: every good
# file is reported against the others, the bad one is named once, and the
# temporary index is gone afterwards.
mkdir d tmp
cp "$ROOT"/corpora/demo/*.txt d/
printf 'PNG\000\000\001' > d/img.txt
TMPDIR=$PWD/tmp "$WT" scan --in-memory-max 0 d
rc=$?
[ -z "$(ls tmp)" ] || { echo "temporary index left: $(ls tmp)" >&2; exit 9; }
exit $rc
