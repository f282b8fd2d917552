#exit 64
#stderr-has wiretrace: unknown option "--frobnicate"
"$WT" compare --frobnicate a.txt
