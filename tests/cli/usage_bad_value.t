#exit 64
#stderr-has invalid value "99" for --shingle: expected 1-16
"$WT" compare -k 99 a.txt
