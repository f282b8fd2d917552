#exit 0
#stderr-has bad.txt: 1 invalid UTF-8 sequence(s), the first at byte 5
printf 'Some \377text here about nothing in particular.\n' > bad.txt
"$WT" compare bad.txt
