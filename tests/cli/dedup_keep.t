#exit 0
#stderr-has --keep does not apply with --db
#stderr-has invalid value "newest" for --keep: expected origin, earliest or longest
# --keep chooses the copy kept: the wire (the origin, and the earliest)
# by default and with earliest; with longest a later copy that adds a
# paragraph of its own.
mkdir in
cp "$ROOT/corpora/demo/wire.txt" in/a_wire.txt
sed 's/^Date: .*/Date: 2026-03-15T09:00:00Z/' "$ROOT/corpora/demo/wire.txt" > in/b_longer.txt
printf '\nThe union said it would meet port officials again on Monday to discuss a new offer on shift pay, overtime rates and the pace of automation at the terminals.\n' >> in/b_longer.txt
check() {
    "$WT" dedup $1 in > out.txt
    [ $? = 1 ] && [ "$(cat out.txt)" = "in/$2" ] || { echo "$1: $(cat out.txt)"; exit 9; }
}
check "" a_wire.txt
check "--keep=origin" a_wire.txt
check "--keep=earliest" a_wire.txt
check "--keep=longest" b_longer.txt
"$WT" dedup --db x.db --keep longest in
[ $? = 64 ] || exit 8
"$WT" dedup --keep newest in
[ $? = 64 ] || exit 7
"$WT" dedup
[ $? = 64 ] || exit 6
exit 0
