#exit 1
#stdout-has "class": "translation"
#stdout-has "lang": "ko"
printf 'Lang: en\n\nDefense minister Shin Won-sik said on Monday that the military will strengthen joint exercises with the United States after North Korea fired two ballistic missiles.\n' > en.txt
printf 'Lang: ko\n\n신원식 국방부 장관은 월요일 북한이 탄도미사일 2발을 발사한 이후 군이 미국과의 연합훈련을 강화할 것이라고 말했다.\n' > ko.txt
"$WT" compare --json en.txt ko.txt
