#exit 2
#stderr-has invalid time "soon" for a.txt
printf 'Text.\n' > a.txt
"$WT" compare --published a.txt=soon a.txt
