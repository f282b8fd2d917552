#exit 64
#stderr-has --lang xx: no language profile
# An unknown --lang is one usage error, said once before any file is read
# (it was one "language profile missing" error per file, exit 2).
"$WT" compare --lang xx "$ROOT/corpora/lang/ko/wire.txt" "$ROOT/corpora/lang/ko/reprint.txt" 2> err.txt
st=$?
cat err.txt >&2
[ "$(wc -l < err.txt)" -eq 1 ] || exit 99
exit $st
