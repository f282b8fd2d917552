#exit 74
#stderr-has /nonexistent-wiretrace-tmp: cannot make a temporary file for the JSON report's pairs and rows: No such file or directory
# scan --json through an index keeps the report's pairs in a temporary
# file in $TMPDIR: where none can be made, the command says where it
# tried and why, with the I/O exit status, and writes no half report.
mkdir d
cp "$ROOT"/corpora/demo/*.txt d/
TMPDIR=/nonexistent-wiretrace-tmp "$WT" scan -q --db wire.db --json d > out.json
rc=$?
[ ! -s out.json ] || { echo "a report was written" >&2; exit 9; }
exit $rc
