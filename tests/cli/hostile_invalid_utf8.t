#exit 0
#stderr-has start.txt: 1 invalid UTF-8 sequence(s), the first at byte 0
#stderr-has end.txt: 1 invalid UTF-8 sequence(s), the first at byte 29
#stderr-has word.txt: 1 invalid UTF-8 sequence(s), the first at byte 7
#stderr-has header.txt: 1 invalid UTF-8 sequence(s), the first at byte 8
#stderr-has overlong.txt: 2 invalid UTF-8 sequence(s), the first at byte 9
#stderr-has surrogate.txt: 3 invalid UTF-8 sequence(s), the first at byte 10
#stderr-has beyond.txt: 4 invalid UTF-8 sequence(s), the first at byte 7
#stderr-has stray.txt: 3 invalid UTF-8 sequence(s), the first at byte 6
#stdout-has 8 documents
# Every class of ill-formed UTF-8, each file still read (as U+FFFD).
printf '\377 starts with a bad byte.\n' > start.txt
printf 'Ends in a cut three-byte one \342\202' > end.txt
printf 'Inside \342\202word and more words.\n' > word.txt
printf 'Outlet: \300Bad Outlet\n\nBody text here.\n' > header.txt
printf 'Overlong \300\257 slash.\n' > overlong.txt
printf 'Surrogate \355\240\200 here.\n' > surrogate.txt
printf 'Beyond \364\220\200\200 the last code point.\n' > beyond.txt
printf 'Stray \200\201\277 continuation bytes.\n' > stray.txt
"$WT" compare start.txt end.txt word.txt header.txt overlong.txt \
    surrogate.txt beyond.txt stray.txt
