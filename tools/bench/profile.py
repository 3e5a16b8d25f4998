#!/usr/bin/env python3
"""Where an operation's instructions go: a per-instruction QEMU trace of one
benchmark repetition, mapped to symbols.

    profile.py --build build/bench/an505-sfn --fn op_nop_stateless [--trace]
    profile.py --build build/bench/an505-ipc-l1 --fn s2s_nop_stateless

Runs the quick benchmark images (warden_bench_s_quick.elf and
warden_bench_ns_quick.elf, 50 repetitions) under QEMU with -icount shift=0
-singlestep -d exec,nochain, logging only the secure code (but the secure
bench_align()) and the NS operation function and harness. The function is an
NS operation (op_* of bench/ns/bench_ops.c) or one of the secure client's
(s2s_* of bench/ipc/bench_s2s_ops.c); the harness is that image's. A
repetition starts at the operation function and ends at the first harness
instruction after it; the last one (steady state) is reported: instructions
per symbol, the total (the figure the benchmark reports for it), and with
--trace every instruction in order.
"""
import argparse
import bisect
import os
import re
import subprocess
import sys
import tempfile

TRACE = re.compile(r"^Trace \d+: \S+ \[[0-9a-f]+/([0-9a-f]+)/")
HARNESS = ("measure", "bench_run", "ns_main", "run_all", "bench_s2s_main")
SECURE_CODE = (0x10000000, 0x10080000)


def symbols(nm, elf):
    """Sorted [(addr, size, name)] of the functions of elf."""
    out = subprocess.run([nm, "-S", "-n", elf], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:  # no size (e.g. the __acle_se_ entry points)
            parts.insert(1, "0")
        if len(parts) == 4 and parts[2] in "tTwW":
            syms.append((int(parts[0], 16) & ~1, int(parts[1], 16), parts[3]))
    return syms


def lookup(syms, starts, pc):
    """The function holding pc (one without a size runs to the next)."""
    i = bisect.bisect_right(starts, pc) - 1
    if i < 0:
        return "?%08x" % pc
    addr, size, name = syms[i]
    if size == 0 or pc < addr + size:
        return name
    return "?%08x" % pc


def run_traced(qemu, s_elf, ns_elf, ranges, log):
    """Runs the two images under QEMU, one trace line per instruction of
    the address ranges given (-dfilter syntax) written to @p log."""
    subprocess.run([qemu, "-M", "mps2-an505", "-nographic",
                    "-semihosting-config", "enable=on,target=native",
                    "-kernel", s_elf, "-device", "loader,file=" + ns_elf,
                    "-icount", "shift=0", "-singlestep",
                    "-d", "exec,nochain", "-dfilter", ",".join(ranges),
                    "-D", log], stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, check=False, timeout=600)


def secure_ranges(syms):
    """The secure code, less the secure client's alignment loop (thousands
    of instructions a repetition, outside every figure)."""
    lo, hi = SECURE_CODE
    ranges = []
    for addr, size, name in sorted(s for s in syms if s[2] == "bench_align"):
        if lo < addr:
            ranges.append("0x%x..0x%x" % (lo, addr - 1))
        lo = addr + size
    ranges.append("0x%x..0x%x" % (lo, hi - 1))
    return ranges


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--build", required=True, help="bench build directory")
    ap.add_argument("--fn", required=True, help="NS operation function")
    ap.add_argument("--trace", action="store_true", help="every instruction")
    ap.add_argument("--qemu", default="qemu-system-arm")
    ap.add_argument("--nm", default="arm-none-eabi-nm")
    args = ap.parse_args()

    s_elf = os.path.join(args.build, "bin", "warden_bench_s_quick.elf")
    ns_elf = os.path.join(args.build, "bin", "warden_bench_ns_quick.elf")
    s_syms = symbols(args.nm, s_elf)
    ns_syms = symbols(args.nm, ns_elf)
    op = [s for s in ns_syms if s[2] == args.fn]
    own = ns_syms
    if not op:
        op, own = [s for s in s_syms if s[2] == args.fn], s_syms
    if not op:
        sys.exit("profile: no function %s in %s or %s"
                 % (args.fn, ns_elf, s_elf))
    harness = [s for s in own if s[2].split(".")[0] in HARNESS]
    ranges = secure_ranges(s_syms) + [
        "0x%x+0x%x" % (a, max(n, 2)) for a, n, _ in op + harness
        if own is ns_syms]
    syms = sorted(s_syms + ns_syms)
    starts = [s[0] for s in syms]
    op_start = op[0][0]
    harness_ranges = [(a, a + n) for a, n, _ in harness]

    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "exec.log")
        run_traced(args.qemu, s_elf, ns_elf, ranges, log)
        last, current = None, None
        with open(log) as f:
            for line in f:
                m = TRACE.match(line)
                if not m:
                    continue
                pc = int(m.group(1), 16)
                if pc == op_start:
                    current = [pc]
                elif current is not None:
                    if any(lo <= pc < hi for lo, hi in harness_ranges):
                        last, current = current, None
                    else:
                        current.append(pc)
    if not last:
        sys.exit("profile: %s never ran" % args.fn)

    counts = {}
    order = []
    for pc in last:
        name = lookup(syms, starts, pc)
        if name not in counts:
            counts[name] = 0
            order.append(name)
        counts[name] += 1
        if args.trace:
            print("%08x  %s" % (pc, name))
    for name in sorted(order, key=lambda n: -counts[n]):
        print("%6d  %s" % (counts[name], name))
    print("%6d  total (one repetition of %s)" % (len(last), args.fn))


if __name__ == "__main__":
    main()
