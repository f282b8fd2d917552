#exit 64
#stderr-has wiretrace: option --db does not apply to compare
"$WT" compare --db wire.db a.txt
