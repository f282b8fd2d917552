#exit 0
#stdout-has 0 paragraphs changed, 0 moved, 3 unchanged (2 re-wrapped)
# Two versions that differ only where a line ends (a break after a full
# stop became a paragraph break) are the same to diff, as to dwdiff and
# git; --stat gives the counts.
printf 'The first sentence of the story runs long enough to be a paragraph of its own. The second sentence follows on the same line and ends here.\n\nAnother paragraph stays the same in both versions of the story.\n' > a.txt
printf 'The first sentence of the story runs long enough to be a paragraph of its own.\nThe second sentence follows on the same line and ends here.\n\nAnother paragraph stays the same in both versions of the story.\n' > b.txt
"$WT" diff a.txt b.txt > plain.txt || exit 9
grep -q '\[-\|{+' plain.txt && exit 8
"$WT" diff --stat a.txt b.txt
