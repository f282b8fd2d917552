#exit 0
#stdout-has plain on a terminal
# On a terminal diff is coloured, unless NO_COLOR is set or --no-color.
W="$ROOT/corpora/demo/wire.txt"; E="$ROOT/corpora/demo/edited.txt"
script -qec "'$WT' diff '$W' '$E'" /dev/null > tty.txt
grep -q "$(printf '\033\\[31m')" tty.txt || exit 3
NO_COLOR=1 script -qec "'$WT' diff '$W' '$E'" /dev/null > nc.txt
grep -q "$(printf '\033')" nc.txt && exit 4
grep -qF '[-' nc.txt || exit 5
script -qec "'$WT' diff --no-color '$W' '$E'" /dev/null > nc2.txt
grep -q "$(printf '\033')" nc2.txt && exit 6
echo plain on a terminal
