#exit 1
#stdout-has "origin": "this"
printf 'The council approved the new harbour budget of 12 million on Monday after a debate that lasted nine hours.\n' > a.txt
cp a.txt b.txt
"$WT" compare --json --published a.txt=2026-01-01T00:00:00Z --published b.txt=2026-01-02 a.txt b.txt
