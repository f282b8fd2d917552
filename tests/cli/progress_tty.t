#exit 0
#stdout-has 6/6 files
# On a terminal, scan draws a progress line on stderr; --quiet hides it.
script -qec "'$WT' scan '$ROOT/corpora/demo' >/dev/null" /dev/null > tty.txt
grep -q 'files, .* kB/s' tty.txt || exit 3
script -qec "'$WT' scan --quiet '$ROOT/corpora/demo' >/dev/null" /dev/null > q.txt
[ -s q.txt ] && exit 4
tr '\r' '\n' < tty.txt
