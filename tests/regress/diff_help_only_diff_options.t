#exit 0
#stdout-has --side-by-side
# diff --help lists what diff takes: no report options, no lines about
# other commands.
"$WT" diff --help > help.txt
cat help.txt
if grep -q -- '--all-pairs\|--perms\|index query:' help.txt; then exit 3; fi
