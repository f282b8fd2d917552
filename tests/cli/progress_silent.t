#exit 0
#stdout-has silent
#stdout-has read 6 files
# Not a terminal: no progress line; --verbose prints a summary line.
"$WT" scan "$ROOT/corpora/demo" > /dev/null 2> err.txt
[ $? = 1 ] || exit 3
[ -s err.txt ] && exit 4
echo silent
"$WT" scan --verbose "$ROOT/corpora/demo" 2>&1 > /dev/null
exit 0
