#!/usr/bin/env python3
"""Runs clang-tidy (checks in .clang-tidy) on the C files of spm/, arch/,
platform/ and ns/, with the compile commands of configured builds.

    clang_tidy.py --build build/host --build build/host-ipc \\
                  --build build/an505-sfn --build build/an505-ipc-l1 [--jobs N]

Each build's compile_commands.json gives the files it compiles and their
flags (unit-test and example objects are left out: their flags are the
test fixture's). A file is analysed once per kind of build, host or
Armv8-M, with the flags of the first build given that compiles it (of its
test image, where the build has one), so the hosted and the
cross-compiled variants of spm/ and ns/ are both seen. For
the Armv8-M builds, the arm-none-eabi-gcc command becomes a clang one for
the same target (--target=arm-none-eabi, newlib's headers, GCC-only flags
dropped, tools/clang_tidy/arm_cmse.h in front of clang's), which is what
clang-tidy parses.

Each kind also analyses tools/clang_tidy/canary.c, which must show a
finding of each check family (else the configuration or the flags are
broken, and every file would pass unseen).

Prints "PASS: <kind>:<file>" or "FAIL: <kind>:<file>" for each file, then
the findings, and exits non-zero if any file has a finding, the canary has
not, or nothing was analysed.
"""
import argparse
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDERS = ("spm", "arch", "platform", "ns")
# GCC flags that clang does not take; none changes what the code means.
GCC_ONLY = ("-fno-tree-loop-distribute-patterns",)
GCC_ONLY_PREFIXES = ("--specs=", "-specs=")
# Analysed with each kind's flags; must show one finding of each family.
CANARY = os.path.join("tools", "clang_tidy", "canary.c")
CANARY_CHECKS = ("bugprone-macro-parentheses", "cert-err34-c",
                 "clang-analyzer-core.NullDereference")


def newlib_includes(gcc):
    """The include directories of arm-none-eabi-gcc other than GCC's own
    (clang brings its own stddef.h, stdarg.h and arm_cmse.h)."""
    p = subprocess.run([gcc, "-xc", "-E", "-v", os.devnull],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       check=True)
    dirs, inside = [], False
    for line in p.stderr.decode().splitlines():
        if line.startswith("#include <...>"):
            inside = True
        elif line.startswith("End of search list"):
            break
        elif inside:
            d = os.path.realpath(line.strip())
            if "/gcc/" not in d:
                dirs.append(d)
    return dirs


def clang_command(args):
    """A GCC command as a clang one for the same target: an
    arm-none-eabi-gcc one gets --target and newlib's headers after clang's
    own, as freestanding code (clang's stdatomic.h would otherwise defer to
    newlib's, which only GCC's headers complete)."""
    out = [args[0]]
    if "arm-none-eabi" in args[0]:
        out = ["clang", "--target=arm-none-eabi", "-ffreestanding",
               "-isystem", os.path.join(ROOT, "tools", "clang_tidy")]
        for d in newlib_includes(args[0]):
            out += ["-idirafter", d]
    return out + [a for a in args[1:] if a not in GCC_ONLY
                  and not a.startswith(GCC_ONLY_PREFIXES)]


TEST_IMAGE = os.sep + "warden_s_test" + os.sep


def ours(entry):
    rel = os.path.relpath(entry["file"], ROOT)
    if rel.split(os.sep)[0] not in FOLDERS:
        return None
    # Objects built for the unit tests or the examples: not the product's
    # flags.
    where = os.path.relpath(entry["directory"], ROOT).split(os.sep)
    if "tests" in where or "examples" in where:
        return None
    return rel


def collect(builds):
    """{kind: {file: compile-database entry}}, the first build winning."""
    kinds = {}
    for build in builds:
        with open(os.path.join(build, "compile_commands.json")) as f:
            entries = json.load(f)
        # A file the test image compiles too (cmake/secure_image.cmake) is
        # taken with its flags: the partitions of every suite, where the
        # product image may have only the example.
        entries.sort(key=lambda e: TEST_IMAGE not in e["directory"])
        for e in entries:
            rel = ours(e)
            if rel is None:
                continue
            args = e.get("arguments") or shlex.split(e["command"])
            kind = "armv8m" if "arm-none-eabi" in args[0] else "host"
            args = clang_command(args)
            files = kinds.setdefault(kind, {})
            if rel not in files:
                files[rel] = {"directory": e["directory"], "file": e["file"],
                              "arguments": args}
    return kinds


def add_canary(files):
    """The canary, with the flags of the kind's first file."""
    first = files[sorted(files)[0]]
    canary = os.path.join(ROOT, CANARY)
    files[CANARY] = {"directory": first["directory"], "file": canary,
                     "arguments": [canary if a == first["file"] else a
                                   for a in first["arguments"]]}


def write_databases(kinds, outdir):
    dbs = {}
    for kind, files in kinds.items():
        add_canary(files)
        d = os.path.join(outdir, kind)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "compile_commands.json"), "w") as f:
            json.dump(list(files.values()), f, indent=1)
        dbs[kind] = d
    return dbs


def tidy(tool, db, rel):
    p = subprocess.run([tool, "--quiet", "-p", db, os.path.join(ROOT, rel)],
                       cwd=ROOT, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = p.stdout.decode(errors="replace")
    findings = [l for l in out.splitlines()
                if " warning: " in l or " error: " in l]
    if rel == CANARY:
        missing = [c for c in CANARY_CHECKS
                   if not any("[" + c in l or "," + c in l for l in findings)]
        return not missing, out + "\n%s: no finding of %s\n" % (
            rel, ", ".join(missing)) if missing else out
    return p.returncode == 0 and not findings, out


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--build", action="append", required=True,
                    help="a configured build directory (repeatable)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--clang-tidy", default="clang-tidy")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "clang-tidy"),
                    help="where the filtered compile databases go")
    args = ap.parse_args()

    kinds = collect(args.build)
    dbs = write_databases(kinds, args.out)
    work = [(kind, rel) for kind in sorted(kinds) for rel in sorted(kinds[kind])]
    findings = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = pool.map(lambda w: tidy(args.clang_tidy, dbs[w[0]], w[1]),
                           work)
        for (kind, rel), (ok, out) in zip(work, results):
            print("%s: %s:%s" % ("PASS" if ok else "FAIL", kind, rel),
                  flush=True)
            if not ok:
                findings.append(out.rstrip())
    # The findings last, where a log's tail shows them.
    for out in findings:
        print(out)
    print("clang-tidy: %d files, %d failed" % (len(work), len(findings)))
    return 1 if findings or not work else 0


if __name__ == "__main__":
    sys.exit(main())
