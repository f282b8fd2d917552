#exit 0
#stdout-has 2 documents
# One paragraph of 200,000 repeated tokens against a copy of itself: the
# work per paragraph pair is bounded, so this ends in seconds with a
# report (exit 0 or 1, whatever the classes say).
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "strike "; print "" }' > a.txt
cp a.txt b.txt
timeout 120 "$WT" compare a.txt b.txt
[ $? -le 1 ]
