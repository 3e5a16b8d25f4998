#!/usr/bin/env python3
"""Writes the figures the docs quote from the outputs that measure them.

    docs_figures.py [--check] [--spm-stack RECORD]

A doc marks a generated region with an HTML comment that names what goes
in it, and ends it with <!-- /figures -->:

    <!-- figures:bench-table -->
    ...written by this tool, never by hand...
    <!-- /figures -->

The regions, and where their figures come from:
  bench-table        make bench's table (bench/results.json, as
                     tools/bench/report.py prints it)
  headline           the README's table: an505-sfn and an505-ipc-l1 from
                     the NS side, against the reference (bench/results.json,
                     bench/targets.json)
  targets:<preset>   a configuration's figures that have a target or a
                     reference figure, each target met or not (the same
                     two files)
  fp                 the floating-point builds against the soft-float
                     ones (bench/results.json)
  spm-stack          the IPC backend's SPM stack: each run's high-water
                     mark, the margin and the size (bench/spm_stack.json,
                     which tools/spm_stack.py --record writes and make
                     test's qemu layer checks against what it measures)

Without options, rewrites every region of README.md and docs/*.md.
--check writes nothing: it names each region that differs from what this
tool would write, and exits 1 if one does (make test's static layer).
--spm-stack RECORD first copies the configurations of RECORD (a record
tools/spm_stack.py --record wrote, e.g. build/spm_stack.json after make
test's qemu layer) into bench/spm_stack.json.
"""

import argparse
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools", "bench"))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import report  # noqa: E402  (make bench's table and number format)
import spm_stack  # noqa: E402  (the margin the SPM stack check adds)

REGION = re.compile(r"(<!-- figures:(\S+) -->\n)(.*?)(<!-- /figures -->)",
                    re.S)
RESULTS = os.path.join(ROOT, "bench", "results.json")
TARGETS = os.path.join(ROOT, "bench", "targets.json")
SPM_STACK = os.path.join(ROOT, "bench", "spm_stack.json")


class FiguresError(Exception):
    pass


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as err:
        raise FiguresError("%s: cannot read it: %s" % (path, err))


def docs(root):
    """README.md and docs/*.md, relative to root."""
    return ["README.md"] + sorted(
        os.path.relpath(p, root)
        for p in glob.glob(os.path.join(root, "docs", "*.md")))


# The reference's figures that are approximate, and what the reference's
# figure is where it is not the same kind of build.
APPROX = {("an505-sfn", "call_echo16_stateless"),
          ("an505-ipc-l2", "call_echo16_stateless")}
REF_NOTES = {("an505-sfn", "spm_ram"): " (no connections)",
             ("an505-sfn", "image_flash"): " (no partitions)",
             ("an505-ipc-l1", "image_flash"): " (no partitions)"}


def ref_fmt(goals, preset, key, unit=""):
    """A configuration's reference figure: a range with an en dash, bytes
    with B, approximate ones with ~, and what it is for."""
    value = goals.get(preset, {}).get("reference", {}).get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        text = "%s–%s" % (report.fmt(value[0]), report.fmt(value[1]))
    else:
        text = report.fmt(value)
    if (preset, key) in APPROX:
        text = "~" + text
    return text + unit + REF_NOTES.get((preset, key), "")


# The README's table: (label, figure, unit). A figure is an operation of
# bench/results.json's "instructions" or a footprint of its "bytes".
HEADLINE = [
    ("`psa_framework_version`", "framework_version", ""),
    ("stateless `psa_call` to a service that returns at once",
     "call_nop_stateless", ""),
    ("`psa_call` echoing 16 bytes", "call_echo16_stateless", ""),
    ("NSCE `load_ctx` + `save_ctx`", "nsce_load_save", ""),
    ("secure interrupt: entry to the FLIH function", "irq_flih_entry", ""),
    ("secure interrupt: entry to the partition code an SLIH wakes",
     "irq_slih_wake", ""),
    ("secure image flash", "image_flash", " B"),
    ("SPM flash", "spm_flash", " B"),
    ("SPM RAM", "spm_ram", " B"),
    ("SPM RAM without NSCE or connection-based services", "min_spm_ram",
     " B"),
]
HEADLINE_PRESETS = [("an505-sfn", "TF-M 2.2.2 (SFN)"),
                    ("an505-ipc-l1", "TF-M 2.2.2 (IPC)")]


def figure(results, preset, key):
    conf = results["configurations"].get(preset)
    if conf is None:
        raise FiguresError("bench/results.json has no configuration %s"
                           % preset)
    return conf["instructions"].get(key, conf["bytes"].get(key))


def headline(results, goals):
    head = "| |"
    rule = "|---|"
    for preset, ref in HEADLINE_PRESETS:
        head += " `%s` | %s |" % (preset, ref)
        rule += "---:|---:|"
    lines = [head, rule]
    for label, key, unit in HEADLINE:
        cells = []
        for preset, _ in HEADLINE_PRESETS:
            value = figure(results, preset, key)
            cells.append("" if value is None else report.fmt(value) + unit)
            cells.append(ref_fmt(goals, preset, key, unit))
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    return "\n".join(lines)


TARGET_LABELS = {
    "framework_version": "`psa_framework_version`",
    "call_nop_stateless": "stateless NOP `psa_call`",
    "call_echo16_stateless": "ECHO 16/16 B `psa_call`",
    "irq_flih_entry": "interrupt entry → FLIH function",
    "irq_slih_wake": "interrupt entry → code woken by SLIH",
}


def targets(results, goals, preset):
    """The figures of `preset` that have a target or a reference figure,
    in make bench's order, and the secure image's flash."""
    goal = goals.get(preset)
    if goal is None:
        raise FiguresError("bench/targets.json has no configuration %s"
                           % preset)
    target, ref = goal.get("target", {}), goal.get("reference", {})
    keys = [k for _, k, _ in report._rows(results)
            if k in target or k in ref or k in ("spm_flash", "spm_ram")]
    name = " ".join(p.upper() for p in preset.split("-")[1:2]) + ", " + \
        ("L" + preset[-1] if preset[-2:-1] == "l" else "L1")
    lines = ["| figure | `%s` | target | met | TF-M (%s) |" % (preset, name),
             "|---|---:|---:|---|---:|"]
    for key in keys:
        unit = "" if key in results["labels"] else " B"
        label = TARGET_LABELS.get(key) or results["labels"].get(
            key, report.BYTE_LABELS.get(key, key)).strip()
        value = figure(results, preset, key)
        met = report._met(value, target.get(key))
        lines.append("| %s | %s | %s | %s | %s |" % (
            label, "" if value is None else report.fmt(value) + unit,
            "" if key not in target else "≤ " + report.fmt(target[key]) + unit,
            met.replace("**", ""), ref_fmt(goals, preset, key, unit)))
    return "\n".join(lines)


# The floating-point builds against the soft-float ones: (label, figure,
# whether the soft-float build has it).
FP_PAIRS = [("an505-sfn", "an505-sfn-fp"), ("an505-ipc-l1", "an505-ipc-l1-fp"),
            ("an505-ipc-l3", "an505-ipc-l3-fp")]
FP_ROWS = [
    ("stateless NOP `psa_call`", "call_nop_stateless", True),
    ("the same, NS holding FP state", "call_nop_stateless_nsfp", False),
    ("ECHO 16/16 B", "call_echo16_stateless", True),
    ("`psa_framework_version`", "framework_version", True),
    ("interrupt entry → FLIH function", "irq_flih_entry", True),
    ("FLIH function's return → interrupted code", "irq_flih_exit", True),
    ("interrupt entry → code woken by SLIH", "irq_slih_wake", True),
    ("woken code's `psa_wait` → interrupted code", "irq_slih_exit", True),
    ("bare NSC veneer (the benchmark's own, compiler-made)", "veneer_floor",
     True),
    ("SPM flash (B)", "spm_flash", True),
    ("SPM RAM (B)", "spm_ram", True),
]


def fp_table(results):
    lines = ["| figure | " + " | ".join(
        "`%s` → `-fp`" % base for base, _ in FP_PAIRS) + " |",
        "|---|" + "---:|" * len(FP_PAIRS)]
    for label, key, both in FP_ROWS:
        cells = []
        for base, fp in FP_PAIRS:
            after = report.fmt(figure(results, fp, key))
            cells.append("%s → %s" % (report.fmt(figure(results, base, key)),
                                      after) if both else after)
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    return "\n".join(lines)


# NS contexts of their own (bench.py's -nsctx variant): (label, key
# without it, key with it), per IPC configuration bench.py measures so.
NSCTX_PRESETS = ["an505-ipc-l1", "an505-ipc-l3"]
NSCTX_ROWS = [
    ("stateless NOP `psa_call`", "call_nop_stateless",
     "nsctx_call_nop_stateless"),
    ("ECHO 16/16 B `psa_call`", "call_echo16_stateless",
     "nsctx_call_echo16_stateless"),
    ("NSCE `load_ctx` + `save_ctx` (two idle contexts)", "nsce_load_save",
     "nsctx_nsce_load_save"),
    ("NSCE `save_ctx` + `load_ctx` of another, a call in flight", None,
     "nsctx_nsce_switch_in_flight"),
    ("SPM RAM, B", "spm_ram", "nsctx_spm_ram"),
    ("SPM RAM per context slot, B", None, "ns_context_ram"),
]


def nsctx_table(results):
    """Each IPC configuration without and with NS contexts of their own."""
    lines = ["| figure | " + " | ".join(
        "`%s` off → on" % p for p in NSCTX_PRESETS) + " |",
        "|---|" + "---:|" * len(NSCTX_PRESETS)]
    for label, off, on in NSCTX_ROWS:
        cells = []
        for preset in NSCTX_PRESETS:
            after = report.fmt(figure(results, preset, on))
            cells.append(after if off is None else "%s → %s" % (
                report.fmt(figure(results, preset, off)), after))
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    return "\n".join(lines)


# The SPM stack's runs, as make test's qemu layer makes them (tests/
# run_all.py spm_stack_check): (secure image/NS image, what it runs).
STACK_RUNS = [
    ("warden_s_test/warden_ns_regression", "regression suite (every client "
     "and service API, the `terminate` misuse tests with their log lines)"),
    ("warden_s_test/warden_ns_nsce", "NSCE suites"),
    ("warden_s_test/warden_ns_soak", "NSCE soak (NS interrupts preempting "
     "secure calls)"),
    ("warden_s_irq/warden_ns_irq", "secure interrupt suites"),
    ("warden_s_irq/warden_ns_irq_burst", "secure interrupt burst"),
    ("warden_s/warden_ns_demo", "demo (the product image)"),
    ("warden_s_fp/warden_ns_fp", "floating-point test (NS tasks and ticks "
     "holding FP state)"),
]


def spm_stack_table(record):
    presets = [p for p in record if p != "about"]
    if not presets:
        raise FiguresError("bench/spm_stack.json has no configuration")
    lines = ["| run: secure image + NS image | " + " | ".join(
        "`%s`" % p for p in presets) + " |",
        "|---|" + "---:|" * len(presets)]
    known = [run for run, _ in STACK_RUNS]
    for preset in presets:
        for run in record[preset]["marks"]:
            if run not in known:
                raise FiguresError("bench/spm_stack.json: %s: run %s is not "
                                   "one of tools/docs_figures.py's STACK_RUNS"
                                   % (preset, run))
    for run, what in STACK_RUNS:
        marks = [record[p]["marks"].get(run) for p in presets]
        if all(m is None for m in marks):
            continue
        secure, ns = run.split("/")
        lines.append("| `%s` + `%s`: %s | %s |" % (
            secure, ns, what, " | ".join(
                "" if m is None else "%d B" % m for m in marks)))
    deepest = [max(record[p]["marks"].values()) for p in presets]
    margins = [spm_stack.margin(m, record[p]["fp"])
               for m, p in zip(deepest, presets)]
    lines.append("| **high-water mark** + margin | " + " | ".join(
        "**%d** + %d = %d B" % (m, g, m + g)
        for m, g in zip(deepest, margins)) + " |")
    lines.append("| `WARDEN_SPM_STACK_SIZE` | " + " | ".join(
        "%d B" % record[p]["size"] for p in presets) + " |")
    return "\n".join(lines)


def tidy(table):
    """Empty cells as "| |", as the docs write them by hand."""
    while "|  |" in table:
        table = table.replace("|  |", "| |")
    return table


def generators():
    """{region name: a function that returns its text}."""
    cache = {}

    def data(path):
        if path not in cache:
            cache[path] = load(path)
        return cache[path]

    gens = {
        "bench-table": lambda: "```\n%s\n```" % report.table(data(RESULTS)),
        "headline": lambda: tidy(headline(data(RESULTS), data(TARGETS))),
        "fp": lambda: fp_table(data(RESULTS)),
        "nsctx": lambda: nsctx_table(data(RESULTS)),
        "spm-stack": lambda: tidy(spm_stack_table(data(SPM_STACK))),
    }
    for preset in load(TARGETS):
        if preset != "about":
            gens["targets:" + preset] = (
                lambda p=preset: tidy(targets(data(RESULTS), data(TARGETS),
                                              p)))
    return gens


def rewrite(text, gens, where):
    """text with every region rewritten; raises FiguresError on a region
    this tool does not know."""
    def one(match):
        name = match.group(2)
        if name not in gens:
            raise FiguresError(
                "%s: <!-- figures:%s -->: no such figures; the names are %s"
                % (where, name, ", ".join(sorted(gens))))
        return match.group(1) + gens[name]() + "\n" + match.group(4)
    return REGION.sub(one, text)


def unclosed(text):
    """The names of regions opened and never closed."""
    opened = re.findall(r"<!-- figures:(\S+) -->", text)
    closed = [m.group(2) for m in REGION.finditer(text)]
    return [n for n in opened if n not in closed]


def merge_spm_stack(path):
    new = load(path)
    record = load(SPM_STACK) if os.path.exists(SPM_STACK) else {}
    for preset, entry in new.items():
        if preset != "about":
            record[preset] = entry
    with open(SPM_STACK, "w") as f:
        json.dump(record, f, indent=1, sort_keys=False)
        f.write("\n")
    print("docs figures: %s updated from %s" % (
        os.path.relpath(SPM_STACK, ROOT), path))


def main(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--spm-stack", metavar="RECORD")
    ap.add_argument("--root", default=ROOT,
                    help="the tree whose README.md and docs/ to rewrite")
    args = ap.parse_args(argv)
    try:
        if args.spm_stack:
            merge_spm_stack(args.spm_stack)
        gens = generators()
        stale = []
        names = docs(args.root)
        for rel in names:
            path = os.path.join(args.root, rel)
            if not os.path.exists(path):
                continue
            with open(path) as f:
                text = f.read()
            for name in unclosed(text):
                raise FiguresError("%s: <!-- figures:%s --> has no "
                                   "<!-- /figures --> after it" % (rel, name))
            new = rewrite(text, gens, rel)
            if new == text:
                continue
            old_regions = {m.group(2): m.group(3)
                           for m in REGION.finditer(text)}
            for m in REGION.finditer(new):
                if old_regions.get(m.group(2)) != m.group(3):
                    stale.append("%s: figures:%s" % (rel, m.group(2)))
            if not args.check:
                with open(path, "w") as f:
                    f.write(new)
    except FiguresError as err:
        print("docs figures: %s" % err)
        return 1
    if args.check:
        for s in stale:
            print("FAIL: %s differs from what tools/docs_figures.py writes "
                  "(from bench/results.json, bench/targets.json, "
                  "bench/spm_stack.json): run python3 tools/docs_figures.py"
                  % s)
        if not stale:
            print("PASS: docs figures (%d files)" % len(names))
        return 1 if stale else 0
    for s in stale:
        print("docs figures: rewrote %s" % s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
