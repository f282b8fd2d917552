#exit 0
#stdout-has Harbour closed for rep
# A page cut off after a few words (no container stands out, nothing
# closed) still gives them, with their bytes.
printf '<html><body><p>Harbour closed for rep' > cut.html
"$WT" extract cut.html
