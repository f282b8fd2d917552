#exit 0
#stdout-has # missing
#stdout-has dict-freedict-spa-eng
#stdout-has mueller7-dict
python3 "$ROOT/src/lexicon/mklexicon.py" ./no-dictd . es=spa-eng ru=mueller7
cat es-en.txt ru-en.txt
