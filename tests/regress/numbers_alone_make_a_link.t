#exit 0
#stdout-has No reuse between documents.
# A table of figures whose language cannot be told was linked to a story
# that gives the same figures (as rewrite, or as translation across
# languages) on the numbers alone.  A link needs shared words.
printf 'Profit rose to 1,234,500 dollars in 1986 from 987,200 dollars, and sales reached 45,600,000 dollars against 41,300,000, the company said on Monday.\n' > story.txt
printf '1,234,500 vs 987,200\n45,600,000 vs 41,300,000\n1986 1985\n' > table.txt
"$WT" compare story.txt table.txt
