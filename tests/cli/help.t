#exit 0
#stdout-has Usage: wiretrace compare
#stdout-has Exit status: 0 no reuse
"$WT" compare --help
