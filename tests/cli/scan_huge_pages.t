#exit 0
# The in-memory commands run again with glibc's huge-page tunable when the
# kernel gives huge pages only on request; the run is the same with it,
# without it (glibc.malloc.hugetlb=0 turns it off) and with other tunables
# kept.
demo="$ROOT/corpora/demo"
run() { # run TUNABLES OUT: the JSON scan of demo and its exit status
    env GLIBC_TUNABLES="$1" "$WT" scan --json "$demo" > "$2"
    echo "exit $?" >> "$2"
}
run "" plain.json
run glibc.malloc.hugetlb=0 off.json
run glibc.malloc.perturb=0 kept.json
cmp plain.json off.json || exit 9
cmp plain.json kept.json || exit 9
grep -q '^exit 1$' plain.json || exit 9
# Which environment did the command run with?  Its stdin, a pipe it
# waits on, holds it still while /proc says.
mode=$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)
mkfifo in || exit 9
exec 3<> in # a writer, so that the reader's open does not wait
GLIBC_TUNABLES=glibc.malloc.perturb=0 "$WT" compare - "$demo/wire.txt" \
    < in 3>&- > waited.txt &
pid=$!
# glibc cuts the variable at each ':' as it reads it, so look for the
# tunable anywhere in the process's environment.
want=yes
case $mode in *"[madvise]"*) ;; *) want=no ;; esac
seen=no
for _ in $(seq 100); do
    tr '\0' '\n' < "/proc/$pid/environ" | grep -q 'glibc\.malloc\.hugetlb=1' &&
        seen=yes && break
    [ $want = no ] && [ -s "/proc/$pid/environ" ] && break
    sleep 0.05
done
cat "$demo/reprint.txt" >&3
exec 3>&-
wait $pid
grep -q "wire.txt" waited.txt || exit 9
[ $seen = $want ] || { echo "huge-page tunable set: $seen, want $want" >&2; exit 9; }
exit 0
