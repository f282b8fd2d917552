#!/usr/bin/env python3
"""Checks the module layering written in ARCHITECTURE.md against the code.

Every `#include "x.h"` in src/ is an edge from the including file's module
(its file name without extension: corpus.c and corpus.h are module corpus)
to module x.  The table under the heading "Allowed edges" in ARCHITECTURE.md
lists, for every module, the modules it may include; the public header
wiretrace.h (include/, with its generated wiretrace_version.h) may be
included by any module.  The check fails on:
  - an edge the table does not allow,
  - a module in src/ that has no row (and a row for no module),
  - a cycle among modules, whatever the table says.
Usage: check_includes.py SOURCE_ROOT
"""
import os
import re
import sys

PUBLIC = ("wiretrace", "wiretrace_version")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
ROW = re.compile(r"^\|\s*`([a-z0-9_]+)`\s*\|(.*)\|\s*$")


def read_table(path):
    """{module: set of allowed modules} from the Allowed edges table."""
    allowed, inside = {}, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                inside = "allowed edges" in line.lower()
                continue
            m = ROW.match(line) if inside else None
            if m:
                allowed[m.group(1)] = set(re.findall(r"`([a-z0-9_]+)`",
                                                     m.group(2)))
    return allowed


def read_edges(src):
    """{module: {included module: first file that includes it}}."""
    edges = {}
    for dirpath, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith((".c", ".h", ".cc")):
                continue
            mod = name.rsplit(".", 1)[0]
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            out = edges.setdefault(mod, {})
            for inc in INCLUDE.findall(text):
                dep = os.path.basename(inc).rsplit(".", 1)[0]
                if dep != mod:
                    out.setdefault(dep, os.path.relpath(path, src))
    return edges


def find_cycle(edges):
    """One cycle as a list of modules, or None."""
    state, stack = {}, []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for d in sorted(edges.get(m, ())):
            if state.get(d) == 1:
                return stack[stack.index(d):] + [d]
            if d not in state:
                found = visit(d)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(edges):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    allowed = read_table(os.path.join(root, "ARCHITECTURE.md"))
    edges = read_edges(os.path.join(root, "src"))
    for mod, deps in read_edges(os.path.join(root, "include")).items():
        edges.setdefault(mod, {}).update(deps)
    errors = []
    if not allowed:
        errors.append("ARCHITECTURE.md: no 'Allowed edges' table found")
    for mod in sorted(edges):
        if mod in PUBLIC:
            continue
        if mod not in allowed:
            errors.append(f"module {mod}: no row in the Allowed edges table")
            continue
        for dep, where in sorted(edges[mod].items()):
            if dep not in PUBLIC and dep not in allowed[mod]:
                errors.append(f"{where}: includes {dep}.h, an edge "
                              f"{mod} -> {dep} the table does not allow")
    for mod in sorted(set(allowed) - set(edges)):
        errors.append(f"ARCHITECTURE.md: row for {mod}, no such module")
    cycle = find_cycle(edges)
    if cycle:
        errors.append("cycle: " + " -> ".join(cycle))
    for e in errors:
        print(e)
    n = sum(len(v) for v in edges.values())
    print(f"{len(edges)} modules, {n} include edges checked: "
          f"{'FAIL' if errors else 'ok'}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
