#exit 0
#stdout-has lexicons:
#stdout-has   de-en:
"$WT" --version --verbose
