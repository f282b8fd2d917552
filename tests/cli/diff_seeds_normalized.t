#exit 1
#stdout diff_seeds_normalized.out
# 001 copies a quote of 000 with straight quotes where 000 has curly ones:
# the verbatim pair shows no change.
"$WT" diff "$WT_SEEDS/000_1d17b1946fa3511d.txt" "$WT_SEEDS/001_777cbfa0a87e8925.txt"
