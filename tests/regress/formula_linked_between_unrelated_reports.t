#exit 0
#stdout-has No reuse between documents.
# Monthly stock reports that fill one formula with another metal, other
# dates and other figures ("... stocks held by ... fell to 109,200 short
# tons at the end of January from ...") were linked as edited copies of
# each other.  A span many documents share is a template when the names
# or numbers next to it differ and little else is shared: no link.
f='short tons at the end of'
s='the American Bureau of Metal Statistics reported.'
printf 'Refined copper stocks held by U.S. refineries fell to 109,200 %s January from 145,400 %s December, %s\n' "$f" "$f" "$s" > copper.txt
printf 'Total U.S. slab zinc stocks held by smelters rose to 24,735 %s February from 22,120 %s January, %s\n' "$f" "$f" "$s" > zinc.txt
printf 'Lead stocks held by U.S. refiners rose to 37,295 %s March from 34,224 %s February, %s\n' "$f" "$f" "$s" > lead.txt
printf 'Nickel stocks held by Canadian producers eased to 8,410 %s April from 8,975 %s March, %s\n' "$f" "$f" "$s" > nickel.txt
printf 'Tin stocks held by Bolivian smelters climbed to 3,122 %s May from 2,870 %s April, %s\n' "$f" "$f" "$s" > tin.txt
"$WT" compare copper.txt zinc.txt lead.txt nickel.txt tin.txt
