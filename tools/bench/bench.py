#!/usr/bin/env python3
"""Warden's benchmark: instructions per operation and bytes, per configuration.

    bench.py [--write] [--check] [--python PY] [--jobs N]

For every preset in bench/configurations.txt: configure and build it with
-DWARDEN_BENCH=ON in build/bench/<preset>, run the benchmark images twice
under QEMU with -icount shift=0 (the two runs must print the same figures),
and read the footprint from the secure image's linker map. Prints one table.

  --write  writes bench/results.json, bench/results.md and bench/results.svg
  --check  compares every figure with the committed bench/results.json and
           prints "PASS: bench/<preset>/<figure> ..." or "FAIL: ..." per
           figure: a figure more than 2 % worse (higher) than the committed
           one fails, and so does a figure or configuration it does not have

Exit status: 0, or 1 if a build, a run, the method's self-test or a check
failed.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import mapfile  # noqa: E402
import report  # noqa: E402

BENCH = os.path.join(ROOT, "bench")
CONFIGS = os.path.join(BENCH, "configurations.txt")
RESULTS = os.path.join(BENCH, "results.json")
TOLERANCE = 0.02          # a figure may be this much worse than committed
CALIBRATION = 100         # instructions of the NS self-test operation
LINE = re.compile(r"^BENCH (\S+) (\d+) (\d+) (.*?)\s*$")
BASELINE = re.compile(r"^BENCH-BASELINE (\S+) (\S+)\s*$")
CLOCK = re.compile(r"^BENCH-CLOCK (\d+)\s*$")


class BenchError(Exception):
    pass


def configurations():
    with open(CONFIGS) as f:
        names = [line.split("#")[0].strip() for line in f]
    return [n for n in names if n]


def sh(cmd, timeout=900):
    p = subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=timeout)
    out = p.stdout.decode(errors="replace")
    if p.returncode != 0:
        tail = "\n".join(out.splitlines()[-30:])
        raise BenchError("%s failed (exit %d):\n%s"
                         % (" ".join(cmd[:3]), p.returncode, tail))
    return out


def build(preset, python, jobs):
    bdir = os.path.join("build", "bench", preset)
    sh(["cmake", "--preset", preset, "-B", bdir, "-DWARDEN_BENCH=ON",
        "-DWARDEN_PYTHON=" + python])
    sh(["cmake", "--build", bdir, "-j", str(jobs)])
    return os.path.join(ROOT, bdir)


def run_once(python, bdir):
    return sh([python, os.path.join(ROOT, "tools", "qemu_run.py"),
               "--icount", "--timeout", "300",
               "--secure", os.path.join(bdir, "bin", "warden_bench_s.elf"),
               "--ns", os.path.join(bdir, "bin", "warden_bench_ns.elf")],
              timeout=400)


def parse(out):
    """[(key, label, reps, ticks)], {key: baseline key}, the SysTick Hz."""
    lines = out.splitlines()
    ops = [(m.group(1), m.group(4), int(m.group(2)), int(m.group(3)))
           for m in map(LINE.match, lines) if m]
    baselines = {m.group(1): m.group(2)
                 for m in map(BASELINE.match, lines) if m}
    clock = [int(m.group(1)) for m in map(CLOCK.match, lines) if m]
    if "BENCH-DONE" not in out or not clock or not ops:
        tail = "\n".join(lines[-20:])
        raise BenchError("the benchmark did not finish:\n" + tail)
    return ops, baselines, clock[0]


def instructions(ops, baselines, hz):
    """{key: instructions per operation} and labels: each op less its
    baseline (the harness, "overhead", unless it names another op); the
    baselines themselves are left out."""
    ns_per_tick = 1e9 / hz  # -icount shift=0: one instruction per ns
    per_op = {k: ticks * ns_per_tick / reps for k, _, reps, ticks in ops}
    if "overhead" not in per_op or "calibration" not in per_op:
        raise BenchError("no overhead or calibration line")
    hidden = {"overhead"} | set(baselines.values())
    figures, labels = {}, {}
    for key, label, _, _ in ops:
        base = baselines.get(key, "overhead")
        if base not in per_op:
            raise BenchError("%s: no baseline %s" % (key, base))
        if key not in hidden:
            figures[key] = round(per_op[key] - per_op[base], 1)
            labels[key] = label
    if figures.pop("calibration") != CALIBRATION:
        raise BenchError("the self-test measured %s instructions instead of "
                         "%d: the method is broken"
                         % (per_op["calibration"] - per_op["overhead"],
                            CALIBRATION))
    labels.pop("calibration")
    return figures, labels


def measure(preset, python, jobs):
    bdir = build(preset, python, jobs)
    first, second = run_once(python, bdir), run_once(python, bdir)
    parsed = parse(first)
    if parse(second) != parsed:
        raise BenchError("%s: two runs printed different figures" % preset)
    figures, labels = instructions(*parsed)
    with open(os.path.join(bdir, "bench", "warden_bench_s.map")) as f:
        footprint = mapfile.footprint(f.read())
    return {"instructions": figures, "bytes": footprint}, labels


def check(results, committed):
    """PASS/FAIL lines, one per figure; the number of failures."""
    lines, failures = [], 0
    f = report.fmt
    for preset, res in results["configurations"].items():
        old_cfg = committed.get("configurations", {}).get(preset, {})
        for kind in ("instructions", "bytes"):
            old_figs = old_cfg.get(kind, {})
            for key, value in res[kind].items():
                name = "bench/%s/%s" % (preset, key)
                old = old_figs.get(key)
                if old is None:
                    lines.append("FAIL: %s %s (not in bench/results.json: run "
                                 "make bench and commit it)" % (name, f(value)))
                    failures += 1
                elif value > old * (1 + TOLERANCE):
                    lines.append("FAIL: %s %s, committed %s (+%.1f %%)"
                                 % (name, f(value), f(old),
                                    100.0 * (value - old) / old))
                    failures += 1
                else:
                    lines.append("PASS: %s %s (committed %s)"
                                 % (name, f(value), f(old)))
            for key in old_figs:
                if key not in res[kind]:
                    lines.append("FAIL: bench/%s/%s no longer measured (run "
                                 "make bench and commit it)" % (preset, key))
                    failures += 1
    for preset in committed.get("configurations", {}):
        if preset not in results["configurations"]:
            lines.append("FAIL: bench/%s no longer measured (see "
                         "bench/configurations.txt)" % preset)
            failures += 1
    return lines, failures


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()

    with open(os.path.join(BENCH, "targets.json")) as f:
        goals = json.load(f)
    results = {"configurations": {}, "labels": {}}
    try:
        for preset in configurations():
            res, labels = measure(preset, args.python, args.jobs)
            results["configurations"][preset] = res
            results["labels"].update(labels)
    except (BenchError, mapfile.MapError, subprocess.TimeoutExpired) as e:
        print("bench: %s" % e)
        return 1

    print(report.table(results))
    status = 0
    if args.check:
        with open(RESULTS) as f:
            lines, failures = check(results, json.load(f))
        print("\n".join(lines))
        status = 1 if failures else 0
    if args.write:
        report.write(results, goals, BENCH)
        print("wrote bench/results.json, bench/results.md, bench/results.svg")
    return status


if __name__ == "__main__":
    sys.exit(main())
