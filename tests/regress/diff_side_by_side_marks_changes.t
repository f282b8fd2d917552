#exit 1
#stdout-has [-12,000-]
#stdout-has {+10,000+}
# --side-by-side marks what changed on both sides, not only shared names.
printf 'The council approved 12,000 new homes on Tuesday for the harbour district north of the old town, the mayor told reporters after the vote.\n' > a.txt
printf 'The council approved 10,000 new homes on Tuesday for the harbour district north of the old town, the mayor told reporters after the vote.\n' > b.txt
COLUMNS=100 "$WT" diff --side-by-side --no-color a.txt b.txt
