#exit 2
#stderr-has no files to scan in
# A scan of a folder without matching files reported "0 documents ... No
# reuse" and exit 0, so a pipeline could not tell it from a clean result.
mkdir empty
echo "not an article" > empty/notes.md
"$WT" scan empty
