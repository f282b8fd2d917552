#exit 1
#stdout-has 2 documents
#stdout-has verbatim
# Words that mix Latin, Cyrillic, Hangul, Greek and Han in one word.
python3 -c "
s = 'Seoulсеул서울 officials and Αθήναathens 東京tokyo delegates met in Harborton on Saturday to discuss 12,000人 stranded containers.\n'
open('a.txt', 'w', encoding='utf-8').write(s)
open('b.txt', 'w', encoding='utf-8').write('Date: 2026-03-15\n\n' + s)
"
"$WT" compare a.txt b.txt
