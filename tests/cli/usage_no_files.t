#exit 64
#stderr-has compare needs at least one FILE
"$WT" compare
