#!/usr/bin/env python3
"""Warden's benchmark: instructions per operation and bytes, per configuration.

    bench.py [--write [--out DIR]] [--check] [--python PY] [--jobs N]

For every preset in bench/configurations.txt: configure and build it with
-DWARDEN_BENCH=ON in build/bench/<preset>, run the benchmark images twice
under QEMU with -icount shift=0 (the two runs must print the same figures),
and read the footprint from the secure image's linker map. Prints one table.

The operations are those of the NS driver (bench/ns/), the secure
interrupt latencies (tools/bench/irq_latency.py: one exact instruction trace
of the interrupt driver) and, on the IPC
backend, those of the secure client partition (bench/ipc/s2s/, keys
"s2s_..."): for those, an IPC configuration at isolation level 1 (the
client reads the SysTick, which needs privilege) is built a second time,
with the client as an extra partition, in build/bench/<preset>-s2s, and
run twice likewise; only its s2s_ figures are kept, so that the footprint
and the NS figures come from images without the client. Each group of
operations has its own harness overhead and calibration; a configuration
without a group shows "-". Each configuration (but a floating-point one,
<preset>-fp, whose main build alone is measured) is also built a third time,
in build/bench/<preset>-min, as its smallest variant (no NSCE, the
benchmark services stateless only, so no connection pool: the kind of
build the reference's SPM figures are for); only its footprint is read
(the "min_" rows).

  --write  writes results.json, results.md and results.svg into --out:
           build/bench/ by default; --out bench updates the committed ones
           (make bench WRITE=1)
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

import irq_latency  # noqa: E402
import mapfile  # noqa: E402
import report  # noqa: E402

BENCH = os.path.join(ROOT, "bench")
CONFIGS = os.path.join(BENCH, "configurations.txt")
S2S_DIR = os.path.join(BENCH, "ipc", "s2s")
S2S_LIST = os.path.join(S2S_DIR, "manifest_list.yaml")
RESULTS = os.path.join(BENCH, "results.json")
# Where --write puts the results unless told otherwise: the build folder,
# so that a run leaves the committed ones alone.
DEFAULT_OUT = os.path.join(ROOT, "build", "bench")
TOLERANCE = 0.02          # a figure may be this much worse than committed
CALIBRATION = 100         # instructions of each group's self-test operation
LINE = re.compile(r"^BENCH (\S+) (\d+) (\d+) (.*?)\s*$")
BASELINE = re.compile(r"^BENCH-BASELINE (\S+) (\S+)\s*$")
CLOCK = re.compile(r"^BENCH-CLOCK (\d+)\s*$")
ABSENT = re.compile(r"^BENCH-ABSENT (\S+)\s*$")
MARKERS = ("BENCH-DONE", "BENCH-S2S-DONE")
# Groups of operations, by key prefix: each has its harness overhead
# ("<prefix>overhead", the baseline of its ops) and its self-test
# ("<prefix>calibration"). "s2s_": the secure client, with its own end
# marker.
GROUPS = {"": None, "s2s_": "BENCH-S2S-DONE"}


class BenchError(Exception):
    pass


# The smallest configuration's figures (VARIANTS["-min"]), under these keys
# of "bytes" with MINIMAL before them.
MINIMAL = "min_"
MINIMAL_KEYS = ("spm_flash", "spm_ram", "image_flash")


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


# The builds of a configuration: its suffix in build/bench/<preset><suffix>
# and the CMake definitions it adds to the preset's.
VARIANTS = {
    # The benchmark images: the NS driver and the services.
    "": [],
    # The same with the secure client partition (bench/ipc/s2s/).
    "-s2s": ["-DTFM_EXTRA_MANIFEST_LIST_FILES=" + S2S_LIST,
             "-DTFM_EXTRA_PARTITION_PATHS=" + S2S_DIR],
    # The smallest configuration: no NSCE, the benchmark services stateless
    # only (no connection pool), the secure image alone (its footprint is
    # all that is read).
    "-min": ["-DWARDEN_BENCH_MINIMAL=ON", "-DTFM_NS_MANAGE_NSID=OFF"],
    # Every NSCE slot a secure context of its own (IPC).
    "-nsctx": ["-DWARDEN_NS_SECURE_CONTEXTS=ON"],
}

# The IPC configurations measured again with NS contexts of their own
# (VARIANTS["-nsctx"]): these figures of theirs, under NSCTX + the key; and
# "bytes" gets NSCTX + "spm_ram" and "ns_context_ram" (what each context
# slot adds to the SPM's RAM).
NSCTX = "nsctx_"
NSCTX_PRESETS = ("an505-ipc-l1", "an505-ipc-l3")
NSCTX_KEYS = ("call_nop_stateless", "call_echo16_stateless",
              "nsce_load_save", "nsce_switch_in_flight")


def build(preset, python, jobs, variant=""):
    """Configures and builds one of preset's VARIANTS in a build directory
    of its own; returns that directory."""
    bdir = os.path.join("build", "bench", preset + variant)
    sh(["cmake", "--preset", preset, "-B", bdir, "-DWARDEN_BENCH=ON",
        "-DWARDEN_PYTHON=" + python] + VARIANTS[variant])
    sh(["cmake", "--build", bdir, "-j", str(jobs)])
    return os.path.join(ROOT, bdir)


def cached(bdir, name):
    """The value of a build directory's CMake cache entry name."""
    try:
        with open(os.path.join(bdir, "CMakeCache.txt")) as f:
            cache = f.read()
    except OSError as e:
        raise BenchError("cannot read the CMake cache of %s: %s" % (bdir, e))
    m = re.search(r"^%s:\w+=(\w+)\s*$" % re.escape(name), cache, re.M)
    if not m:
        raise BenchError("%s: no %s in the CMake cache" % (bdir, name))
    return m.group(1)


def fp_variant(preset):
    """A floating-point configuration (CMakePresets.json's <preset>-fp):
    only its main build is measured (its NS figures, the NS-FP ones among
    them, its interrupt figures and its footprint): the secure client and
    the smallest variant are those of the preset it builds on."""
    return preset.endswith("-fp")


def has_secure_client(bdir):
    """Whether the secure client is measured for this build's configuration:
    the IPC backend, at isolation level 1 (higher levels run it
    unprivileged, without access to the SysTick)."""
    return (cached(bdir, "CONFIG_TFM_SPM_BACKEND") == "IPC"
            and cached(bdir, "TFM_ISOLATION_LEVEL") == "1")


def run_once(python, bdir):
    return sh([python, os.path.join(ROOT, "tools", "qemu_run.py"),
               "--icount", "--timeout", "300",
               "--secure", os.path.join(bdir, "bin", "warden_bench_s.elf"),
               "--ns", os.path.join(bdir, "bin", "warden_bench_ns.elf")],
              timeout=400)


def group(key):
    """The group prefix of an operation key."""
    return max((p for p in GROUPS if key.startswith(p)), key=len)


def parse(out):
    """[(key, label, reps, ticks)], {key: baseline key}, the SysTick Hz.
    Every line that begins with BENCH must be one of the driver's."""
    lines = [line.strip() for line in out.splitlines()]
    ops, baselines, clock, seen = [], {}, [], set()
    for line in lines:
        if not line.startswith("BENCH"):
            continue
        op, base = LINE.match(line), BASELINE.match(line)
        hz = CLOCK.match(line)
        if op:
            key, reps = op.group(1), int(op.group(2))
            if key in seen:
                raise BenchError("%s measured twice: %r" % (key, line))
            if reps == 0:
                raise BenchError("%s: no repetitions: %r" % (key, line))
            seen.add(key)
            ops.append((key, op.group(4), reps, int(op.group(3))))
        elif base:
            baselines[base.group(1)] = base.group(2)
        elif hz:
            clock.append(int(hz.group(1)))
        elif not (line in MARKERS or ABSENT.match(line)):
            raise BenchError("unexpected line in the benchmark's output: %r"
                             % line)
    if "BENCH-DONE" not in lines or not clock or not ops:
        tail = "\n".join(lines[-20:])
        raise BenchError("the benchmark did not finish:\n" + tail)
    for prefix, marker in GROUPS.items():
        if marker and any(group(k) == prefix for k in seen) \
                and marker not in lines:
            raise BenchError("the %s operations did not finish (no %s)"
                             % (prefix.rstrip("_"), marker))
    return ops, baselines, clock[0]


def instructions(ops, baselines, hz):
    """{key: instructions per operation} and labels: each op less its
    baseline (its group's harness, "<prefix>overhead", unless it names
    another); the baselines and the calibrations are left out, and each
    group's calibration must measure CALIBRATION."""
    ns_per_tick = 1e9 / hz  # -icount shift=0: one instruction per ns
    per_op = {k: ticks * ns_per_tick / reps for k, _, reps, ticks in ops}
    prefixes = {group(k) for k in per_op}
    for prefix in prefixes:
        for need in ("overhead", "calibration"):
            if prefix + need not in per_op:
                raise BenchError("no %s%s line" % (prefix, need))
    hidden = {p + "overhead" for p in prefixes} | set(baselines.values())
    figures, labels = {}, {}
    order = list(GROUPS)  # the NS driver's first, then the secure client's
    for key, label, _, _ in sorted(
            ops, key=lambda op: order.index(group(op[0]))):
        base = baselines.get(key, group(key) + "overhead")
        if base not in per_op:
            raise BenchError("%s: no baseline %s" % (key, base))
        if key not in hidden:
            figures[key] = round(per_op[key] - per_op[base], 1)
            labels[key] = label
    for prefix in prefixes:
        key = prefix + "calibration"
        if figures.pop(key) != CALIBRATION:
            raise BenchError("the self-test %s measured %s instructions "
                             "instead of %d: the method is broken"
                             % (key, per_op[key] - per_op[prefix + "overhead"],
                                CALIBRATION))
        labels.pop(key)
    return figures, labels


def run_twice(python, bdir, name):
    """The figures and labels of a build, which two runs must agree on."""
    first, second = run_once(python, bdir), run_once(python, bdir)
    parsed = parse(first)
    if parse(second) != parsed:
        raise BenchError("%s: two runs printed different figures" % name)
    return instructions(*parsed)


# The secure interrupt figures (tools/bench/irq_latency.py), read from an
# instruction trace of the build's interrupt driver.
IRQ_LABELS = {
    "irq_flih_entry": "interrupt entry -> FLIH function",
    "irq_flih_exit": "FLIH function's return -> interrupted code",
    "irq_slih_wake": "interrupt entry -> code woken by SLIH",
    "irq_slih_exit": "woken code's psa_wait -> interrupted code",
}


def ns_contexts(preset, python, jobs, figures, labels, footprint):
    """The -nsctx variant's figures (NSCTX_KEYS) and RAM, added."""
    ndir = build(preset, python, jobs, "-nsctx")
    n_figures, n_labels = run_twice(python, ndir, preset + "-nsctx")
    for key in NSCTX_KEYS:
        if key not in n_figures:
            raise BenchError("%s-nsctx: no %s" % (preset, key))
        figures[NSCTX + key] = n_figures[key]
        labels[NSCTX + key] = n_labels[key] + " (NS contexts)"
    if "nsce_switch_in_flight" in figures:
        raise BenchError("%s: a switch in flight without NS contexts"
                         % preset)
    with open(os.path.join(ndir, "bench", "warden_bench_s.map")) as f:
        ram = mapfile.footprint(f.read())["spm_ram"]
    slots = int(cached(ndir, "WARDEN_NS_CONTEXT_SLOTS"))
    footprint[NSCTX + "spm_ram"] = ram
    footprint["ns_context_ram"] = round((ram - footprint["spm_ram"]) / slots)


def measure(preset, python, jobs):
    bdir = build(preset, python, jobs)
    figures, labels = run_twice(python, bdir, preset)
    if any(group(k) for k in figures):
        raise BenchError("%s: secure client figures in a build without it"
                         % preset)
    irq = irq_latency.measure(bdir)
    for key, label in IRQ_LABELS.items():
        if key not in irq:
            raise BenchError("%s: no %s in the interrupt trace" % (preset, key))
        figures[key] = irq[key]
        labels[key] = label
    if has_secure_client(bdir) and not fp_variant(preset):
        sdir = build(preset, python, jobs, "-s2s")
        s_figures, s_labels = run_twice(python, sdir, preset + "-s2s")
        s2s = [k for k in s_figures if group(k) == "s2s_"]
        if not s2s:
            raise BenchError("%s-s2s: the secure client printed no figures"
                             % preset)
        figures.update((k, s_figures[k]) for k in s2s)
        labels.update((k, s_labels[k]) for k in s2s)
    with open(os.path.join(bdir, "bench", "warden_bench_s.map")) as f:
        footprint = mapfile.footprint(f.read())
    if preset in NSCTX_PRESETS:
        ns_contexts(preset, python, jobs, figures, labels, footprint)
    if not fp_variant(preset):
        mdir = build(preset, python, jobs, "-min")
        with open(os.path.join(mdir, "bench", "warden_bench_s.map")) as f:
            minimal = mapfile.footprint(f.read())
        footprint.update((MINIMAL + k, minimal[k]) for k in MINIMAL_KEYS)
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
    ap.add_argument("--out", default=DEFAULT_OUT,
                    help="the folder --write writes into (default: "
                    "build/bench; bench updates the committed results)")
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
        print(write_results(results, goals, args.out))
    return status


def write_results(results, goals, out):
    """Writes the results into folder `out` (made if missing); returns the
    line that says where they went."""
    os.makedirs(out, exist_ok=True)
    report.write(results, goals, out)
    names = [os.path.relpath(os.path.join(out, "results." + ext), ROOT)
             for ext in ("json", "md", "svg")]
    line = "wrote " + ", ".join(names)
    if os.path.realpath(out) != os.path.realpath(BENCH):
        line += " (make bench WRITE=1 updates the committed bench/results.*)"
    return line


if __name__ == "__main__":
    sys.exit(main())
