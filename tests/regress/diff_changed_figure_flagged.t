#exit 1
#stdout-has edited
#stdout-has ; number 12,000 → 10,000;
#stdout-has [-(NSC)-].
# A figure that changed inside an otherwise copied paragraph is named in
# the pair's header; removed words keep the brackets they were written in.
W="$ROOT/corpora/demo/wire.txt"
printf 'The council approved 12,000 new homes on Tuesday for the harbour district north of the old town, the mayor told reporters after the vote, adding that building would start in spring and finish within four years of the first permits (NSC).\n' > a.txt
printf 'The council approved 10,000 new homes on Tuesday for the harbour district north of the old town, the mayor told reporters after the vote, adding that building would start in spring and finish within four years of the first permits.\n' > b.txt
"$WT" diff --no-color a.txt b.txt
