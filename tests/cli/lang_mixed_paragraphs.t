#exit 1
#stdout-has mixed.txt  (ko,
#stdout-has (en) North Korea fired two
#stdout-has from wire.txt ¶0
# A Korean story with an English paragraph: the paragraph is read as
# English, marked "(en)", and links to the English wire story.
printf 'Outlet: Yonhap\n\n북한이 10일 오전 동해상으로 단거리 탄도미사일 2발을 발사했다고 합동참모본부가 밝혔다.\n\nNorth Korea fired two short-range ballistic missiles into the East Sea on Tuesday, the Joint Chiefs of Staff said.\n' > mixed.txt
"$WT" compare mixed.txt "$ROOT/corpora/lang/en/wire.txt"
