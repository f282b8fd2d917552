#exit 64
#stderr-has invalid value "70" for --evidence-min: expected a number from 0 to 64
printf 'Text.\n' > a.txt
"$WT" compare --evidence-min 70 a.txt
