#!/bin/sh
# wiretrace setup for a Debian 12 machine: installs the packages wiretrace
# needs (only those missing), builds it in build/, then does one job:
#   sh tools/setup.sh          setup and build only
#   sh tools/setup.sh demo     ... and print the provenance report of corpora/demo
#   sh tools/setup.sh test     ... and run the whole test suite, also under
#                              AddressSanitizer and UndefinedBehaviorSanitizer,
#                              the allocation-failure test (build-alloc/), and
#                              the suite of an installed build (build-install/)
#   sh tools/setup.sh tour     ... and write docs/tour.md (examples with
#                              their real output)
# Meson options after the job apply to build/, e.g.
#   sh tools/setup.sh build -Dbenchmarks=true
# Safe to run again: it installs what is missing, and sets up a build folder
# once (later runs apply the options given to it and rebuild).
set -eu
cd "$(dirname "$0")/.."

PACKAGES="gcc g++ python3 meson ninja-build pkg-config libicu-dev libxxhash-dev
libstemmer-dev libcriterion-dev libjansson-dev libsqlite3-dev libcld2-dev
zlib1g-dev libxml2-dev libmicrohttpd-dev
dict-freedict-deu-eng dict-freedict-fra-eng dict-freedict-spa-eng
dict-freedict-ita-eng dict-freedict-por-eng dict-freedict-jpn-eng
dict-freedict-eng-rus dict-freedict-eng-spa dict-freedict-eng-fra
dict-freedict-eng-ita dict-freedict-eng-por mueller7-dict
libhangul-data icu-devtools apertium-rus-ukr lttoolbox-dev clang-format
libpq-dev postgresql-15 postgresql-15-plproxy libpcre2-dev libdeflate-dev"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "wiretrace setup: installing$missing" >&2
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >&2
fi

# configure DIR [meson options...]: set up DIR the first time, apply the
# options to it later, then build it.
configure() {
    dir=$1; shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >&2
    elif [ $# -gt 0 ]; then
        # --reconfigure also knows options added since DIR was set up
        meson setup --reconfigure "$dir" "$@" >&2
    fi
    ninja -C "$dir" >&2
}

mode=${1:-build}
if [ $# -gt 0 ]; then shift; fi

# The HTML report test renders in headless Chromium: installed for the test
# suite only, as it is large and nothing else needs it.
if [ "$mode" = test ] && ! command -v chromium >/dev/null 2>&1; then
    echo "wiretrace setup: installing chromium for the HTML report test" >&2
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    { $SUDO apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
          chromium >&2; } ||
        echo "wiretrace setup: chromium could not be installed; the HTML" \
             "report test will be skipped" >&2
fi

case "$mode" in
build)
    configure build "$@"
    ;;
demo)
    configure build "$@"
    # Exit status 1 means "reuse found", which is what the demo shows.
    build/src/cli/wiretrace scan corpora/demo || [ $? -eq 1 ]
    ;;
tour)
    configure build "$@"
    sh tools/tour.sh > docs/tour.md
    ;;
test)
    # The suite, and the benchmark and evaluation programs built with it
    # so that -Werror covers them too.
    configure build -Dwerror=true -Dtests=true -Dbenchmarks=true "$@"
    meson test -C build --print-errorlogs
    configure build-sanitize -Dwerror=true -Db_sanitize=address,undefined \
        -Db_lundef=false -Dbuildtype=debug -Dtests=true
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        meson test -C build-sanitize --print-errorlogs
    # Every allocation of a compare, a translation and index add, query and
    # remove made to fail in turn, under ASan.
    if [ ! -f build-alloc/build.ninja ]; then
        meson setup build-alloc -Dalloc_fail=true -Dbuildtype=debug \
            -Db_sanitize=address,undefined -Db_lundef=false >&2
    fi
    ninja -C build-alloc tests/test_alloc_fail >&2
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        meson test -C build-alloc --no-rebuild --suite alloc --print-errorlogs
    # An installed build: the suite again with the language profiles and
    # lexicons read from the install prefix (-Din_place=false), and a
    # program built on the installed headers through pkg-config.
    prefix=$(pwd)/build-install/prefix
    configure build-install -Dwerror=true -Din_place=false \
        --prefix="$prefix" -Dtests=true
    rm -rf "$prefix"
    meson install -C build-install --quiet >&2
    meson test -C build-install --print-errorlogs
    PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name wiretrace.pc)")
    export PKG_CONFIG_PATH
    cc -std=c99 -pedantic-errors -Wall -Wextra -Werror tests/header_alone.c \
        -o build-install/installed_header \
        $(pkg-config --cflags --libs wiretrace)
    LD_LIBRARY_PATH=$(pkg-config --variable=libdir wiretrace) \
        build-install/installed_header
    ;;
*)
    echo "usage: sh tools/setup.sh [build|demo|test|tour] [MESON_OPTION...]" >&2
    exit 64
    ;;
esac
