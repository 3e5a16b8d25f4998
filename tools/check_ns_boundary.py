#!/usr/bin/env python3
"""Checks the boundary between the two worlds of a hosted NS program.

    check_ns_boundary.py --table include/warden/ns_abi.h
                         --secure LIST --ns LIST [--nm NM]

On the host the secure and the NS objects are linked into one program, so
nothing but this check keeps NS code from calling secure code directly. LIST
is a file naming object files, separated by ';' or new lines (as CMake's
file(GENERATE) writes a list). The check fails (status 1, one line per
finding) when:
  - a row of the table (include/warden/ns_abi.h, "X(name, ...") is not
    defined by the secure objects;
  - an NS object defines a symbol a secure object defines too;
  - an NS object refers to a symbol the secure objects define that is
    neither a row of the table nor a function of the hosted port (host_*,
    which stands for the hardware both worlds share). This is an NS name
    that ns/host_ns_names.h should rename and does not: without the check
    the NS call would silently reach the secure function.
"""

import argparse
import re
import subprocess
import sys

ROW = re.compile(r"^\s*X\((\w+),", re.M)
HOSTED_PORT = "host_"


def table_entries(path):
    """The entry names of the table, in its order."""
    with open(path, encoding="utf-8") as f:
        names = ROW.findall(f.read())
    if not names:
        raise SystemExit("%s: no row X(name, ...) found" % path)
    return names


def object_list(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return [p for p in re.split(r"[;\n]", text) if p.strip()]


def symbols(nm, objects):
    """{object: (defined globals, undefined)} of each object file."""
    result = {}
    for obj in objects:
        out = subprocess.run([nm, "-g", "-P", obj], check=True,
                             capture_output=True, text=True).stdout
        defined, undefined = set(), set()
        for line in out.splitlines():
            fields = line.split()
            if len(fields) < 2:
                continue
            name, kind = fields[0], fields[1]
            if kind in ("U", "w", "v"):
                undefined.add(name)
            else:
                defined.add(name)
        result[obj] = (defined, undefined)
    return result


def findings(entries, secure, ns):
    """The problems of one program, as lines of text."""
    secure_defs = set()
    for defined, _ in secure.values():
        secure_defs |= defined
    allowed = set(entries)
    out = ["table row %s: no secure object defines it" % name
           for name in entries if name not in secure_defs]
    for obj, (defined, undefined) in sorted(ns.items()):
        out += ["%s: defines %s, which the secure side defines too"
                % (obj, name) for name in sorted(defined & secure_defs)]
        crossing = (undefined & secure_defs) - allowed
        out += ["%s: refers to secure %s, which is not an entry of the "
                "table: rename it in ns/host_ns_names.h" % (obj, name)
                for name in sorted(crossing)
                if not name.startswith(HOSTED_PORT)]
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--table", required=True)
    ap.add_argument("--secure", required=True)
    ap.add_argument("--ns", required=True)
    ap.add_argument("--nm", default="nm")
    args = ap.parse_args(argv)
    entries = table_entries(args.table)
    secure = symbols(args.nm, object_list(args.secure))
    ns = symbols(args.nm, object_list(args.ns))
    problems = findings(entries, secure, ns)
    for line in problems:
        print("check_ns_boundary: " + line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
