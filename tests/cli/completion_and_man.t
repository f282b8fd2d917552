#exit 0
#stdout-has every option documented
# Every option of the help is in the man page and the bash completion, and
# the completion completes commands and options.
for cmd in compare scan diff index serve dedup audit; do
    "$WT" $cmd --help | grep -o -- '--[a-z][a-z-]*' | sort -u
done | sort -u > opts.txt
[ -s opts.txt ] || exit 3
while read -r o; do
    grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" "$ROOT/doc/wiretrace.1" ||
        { echo "man page lacks $o"; exit 4; }
    grep -q -- "$o" "$ROOT/completion/wiretrace.bash" ||
        { echo "completion lacks $o"; exit 5; }
done < opts.txt
for cmd in compare scan diff index serve dedup audit; do
    grep -q "^\.BI\? $cmd\|^\.BR\? $cmd\|^\.BI $cmd" "$ROOT/doc/wiretrace.1" ||
        { echo "man page lacks the command $cmd"; exit 6; }
done
cat > comp.bash <<'SH'
# Stand-ins for bash-completion's helpers when it is not installed.
if ! type _init_completion >/dev/null 2>&1; then
    _init_completion() { cur=${COMP_WORDS[COMP_CWORD]};
        prev=${COMP_WORDS[COMP_CWORD-1]}; words=("${COMP_WORDS[@]}");
        cword=$COMP_CWORD; }
    _filedir() { COMPREPLY=($(compgen -f -- "$cur")); }
fi
compopt() { :; }
. "$1"
COMP_WORDS=(wiretrace d); COMP_CWORD=1; _wiretrace; echo "${COMPREPLY[*]}"
COMP_WORDS=(wiretrace diff --no-c); COMP_CWORD=2; _wiretrace; echo "${COMPREPLY[*]}"
COMP_WORDS=(wiretrace scan --ht); COMP_CWORD=2; _wiretrace; echo "${COMPREPLY[*]}"
SH
bash comp.bash "$ROOT/completion/wiretrace.bash" > got.txt || exit 7
printf 'dedup diff\n--no-color\n--html\n' | diff - got.txt || exit 8
echo every option documented
