#exit 64
#stderr-has unknown command "frob"
"$WT" frob
