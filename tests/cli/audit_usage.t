#exit 64
#stderr-has audit needs --outlet NAME
#stderr-has invalid value "later" for --until
#stderr-has invalid value "xml" for --format: expected text, json or csv
"$WT" audit --db x.db 2>>err.txt
[ $? = 64 ] || exit 99
"$WT" audit --db x.db --outlet MPA --until later 2>>err.txt
[ $? = 64 ] || exit 98
"$WT" audit --db x.db --outlet MPA --format xml 2>>err.txt
[ $? = 64 ] || exit 97
"$WT" audit --db missing.db --outlet MPA 2>/dev/null
[ $? = 65 ] || exit 96
[ -e missing.db ] && exit 95
"$WT" audit --help | grep -q -- '--until TIME' || exit 94
cat err.txt >&2
exit 64
