#exit 0
#stdout-has No reuse between documents.
printf 'The council approved the new budget on Monday after a long debate.\n' > a.txt
printf 'Heavy rain flooded three villages in the valley overnight, officials said.\n' > b.txt
"$WT" compare a.txt b.txt
