#exit 0
#stdout-has wiretrace 0.1.0
"$WT" --version
