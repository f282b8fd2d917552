#!/bin/sh
# Scores wiretrace on the labeled corpora in ../shared/data and prints one
# table, wiretrace beside the MinHash baseline; writes tests/eval/results.md.
#   sh tests/eval/run.sh                 development and final parts
#   sh tests/eval/run.sh --split dev     development parts only (for tuning)
#   sh tests/eval/run.sh --opt rewrite=0.4 --no-write   try another setting
# Other arguments go to tests/eval/eval.py (see its --help).
set -eu
cd "$(dirname "$0")/../.."
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if ! command -v python3 >/dev/null 2>&1; then
    $SUDO apt-get install -y -qq python3 >&2
fi
# The MinHash baseline (tests/bench/minhash_lsh.py) runs on Debian's numpy.
if ! /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq python3-numpy >&2
fi
sh tools/setup.sh build -Dbenchmarks=true
exec nice -n 19 python3 tests/eval/eval.py --exe build/tests/eval/wt_eval \
    --out tests/eval/results.md "$@"
