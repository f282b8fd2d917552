#exit 0
#stderr-has be.txt: 1 invalid UTF-16 sequence(s), the first at byte 20
#stdout-has 1 documents
# Big-endian UTF-16 cut in the middle of a unit: converted, the cut noted.
printf '\376\377\000H\000i\000 \000t\000h\000e\000r\000e\000.\000' > be.txt
"$WT" compare be.txt
