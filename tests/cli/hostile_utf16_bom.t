#exit 1
#stdout-has 2 documents
#stdout-has verbatim  1.00  from wire.txt
#stdout-has [264-778 ↔ 163-423]
# A UTF-16 file with a byte order mark is converted; spans are byte
# offsets into the UTF-16 file itself.
python3 -c "
import sys
t = open(sys.argv[1], encoding='utf-8').read()
open('r16.txt', 'wb').write(('\ufeff' + t).encode('utf-16-le'))
" "$ROOT/corpora/demo/reprint.txt"
"$WT" compare r16.txt "$ROOT/corpora/demo/wire.txt"
