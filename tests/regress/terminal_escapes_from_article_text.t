#exit 1
#stdout-has Dock strike \x1B[2J\x1B]0;pwned\x07 enters
# Control characters of article text (ESC sequences that clear a screen or
# retitle a terminal) reached the terminal raw in the text report and in
# diff; they are shown as \xNN.
printf 'Dock strike \033[2J\033]0;pwned\007 enters third day at Harborton port on Monday, union says.\n' > a.txt
sed 's/Monday/Tuesday/' a.txt > b.txt
"$WT" compare a.txt b.txt > compare.out
rc=$?
"$WT" diff a.txt b.txt > diff.out
esc=$(printf '\033')
if grep -q "$esc" compare.out diff.out; then
    echo "raw ESC in the output"
    exit 9
fi
grep -q 'pwned\\x07' diff.out || exit 8
cat compare.out
exit $rc
