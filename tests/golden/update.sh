#!/bin/sh
# Writes the golden outputs of tests/golden/ again with BUILD's wiretrace
# (built first).  Review the change with git diff tests/golden before
# committing it.
#   sh tests/golden/update.sh BUILD        (default: build)
set -eu
build=${1:-build}
ninja -C "$build" src/cli/wiretrace >&2
sh "$(dirname "$0")/run.sh" "$build/src/cli/wiretrace" --update
git -C "$(dirname "$0")" diff --stat -- . || true
