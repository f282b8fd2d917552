#exit 1
#stdout-has 2 documents
#stdout-has verbatim
# 200,000 combining marks on one letter, then ordinary text, twice.
python3 -c "
s = 'Zalgo' + '\u0301\u0316' * 100000 + ' text.\n\n'
s += 'Dockworkers walked off the job at the port on Saturday, leaving containers stranded on the quays.\n'
open('a.txt', 'w', encoding='utf-8').write(s)
open('b.txt', 'w', encoding='utf-8').write(s)
"
timeout 120 "$WT" compare a.txt b.txt
