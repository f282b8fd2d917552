#!/usr/bin/env python3
"""The shared library exports exactly the public API.

    check_exports.py LIBRARY HEADER [NM]

Lists the dynamic symbols LIBRARY defines (nm -D --defined-only) and the
functions HEADER declares with WT_API, and fails naming every symbol found
on one side only: an internal function that leaked out of the library (a
missing visibility flag, a C++ file built without it), or a public one
that is declared but not defined or not exported.
"""
import re
import subprocess
import sys

# Symbols the toolchain adds to an instrumented build (ASan, UBSan,
# sanitizer coverage): not part of the library's interface.
TOOLCHAIN = re.compile(r'^(__asan|__ubsan|__sanitizer|__odr_asan|__sancov)')


def declared(header):
    with open(header, encoding='utf-8') as f:
        text = f.read()
    text = text.replace('\\\n', ' ')
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    text = re.sub(r'//[^\n]*', ' ', text)
    text = re.sub(r'^[ \t]*#[^\n]*', ' ', text, flags=re.M)
    return set(re.findall(r'\bWT_API\b[^;{}()]*?\b([A-Za-z_]\w*)\s*\(',
                          text))


def exported(library, nm):
    out = subprocess.run([nm, '-D', '--defined-only', '--format=posix',
                          library], check=True, capture_output=True,
                         text=True).stdout
    names = (line.split()[0] for line in out.splitlines() if line.strip())
    return {n.split('@')[0] for n in names if not TOOLCHAIN.match(n)}


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 64
    library, header = argv[1], argv[2]
    nm = argv[3] if len(argv) == 4 else 'nm'
    want = declared(header)
    have = exported(library, nm)
    if not want:
        print(f'{header}: no WT_API declaration found', file=sys.stderr)
        return 1
    ok = True
    for name in sorted(have - want):
        print(f'exported but not declared WT_API in {header}: {name}')
        ok = False
    for name in sorted(want - have):
        print(f'declared WT_API but not exported by {library}: {name}')
        ok = False
    if ok:
        print(f'{len(have)} exported symbols, all declared WT_API, '
              f'and all {len(want)} WT_API functions exported')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
