#!/usr/bin/env python3
"""Secure interrupt latency: instructions, from an exact instruction trace.

    irq_latency.py --build build/bench/an505-ipc-l1 [--trace]

Runs the bench build's quick secure image with the interrupt driver
(warden_bench_ns_irq.elf: bench/ns/bench_irq_main.c) under QEMU with
-icount shift=0 -singlestep -d exec,nochain (one trace line per
instruction), logging the secure code and the NS spin loop where the
interrupts land. An interrupt starts at the first instruction of
Interrupt_Handler and ends at the first instruction back in the code it
interrupted (the function of the last instruction before it). The last
FLIH interrupt and the last SLIH one give (the exception entry and return
are no instructions):

  irq_flih_entry  interrupt entry -> the FLIH function's first instruction
  irq_flih_exit   the first instruction after the FLIH function -> the
                  interrupted code
  irq_slih_wake   interrupt entry -> the first instruction of the partition
                  code the signal wakes (bench_irq_woken())
  irq_slih_exit   IPC: the woken code's next psa_wait() -> the interrupted
                  code; SFN (where the interrupt only sets the signal that
                  the partition's psa_wait() polls): interrupt entry -> the
                  interrupted code

Prints "IRQ <figure> <instructions>" per figure; exit status 1 if a figure
cannot be found.
"""
import argparse
import os
import sys
import tempfile

import profile as prof  # tools/bench/profile.py: run_traced(), symbols()

SECURE = prof.SECURE_CODE
FIGURES = ("irq_flih_entry", "irq_flih_exit", "irq_slih_wake",
           "irq_slih_exit")


def trace(qemu, s_elf, ns_elf, ranges):
    """The PCs of the run, in order. Under -icount QEMU runs an instruction
    that touches a device twice (the first attempt is abandoned) and logs
    both: a PC right after itself is dropped (no code here branches to
    itself)."""
    pcs = []
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "exec.log")
        prof.run_traced(qemu, s_elf, ns_elf, ranges, log)
        with open(log) as f:
            for line in f:
                m = prof.TRACE.match(line)
                if m:
                    pc = int(m.group(1), 16)
                    if not pcs or pcs[-1] != pc:
                        pcs.append(pc)
    return pcs


def interrupts(pcs, entry, fn_of):
    """(start, end) index pairs: the handler's entry, and the first PC back
    in the interrupted function."""
    events = []
    i = 0
    while i < len(pcs):
        if pcs[i] == entry and i > 0:
            home = fn_of(pcs[i - 1])
            j = i + 1
            while j < len(pcs) and fn_of(pcs[j]) != home:
                j += 1
            if j == len(pcs):
                break
            events.append((i, j))
            i = j
        i += 1
    return events


def measure(build, qemu="qemu-system-arm", nm="arm-none-eabi-nm",
            show=False):
    """The figures of one bench build, as a dict (missing: not found)."""
    s_elf = os.path.join(build, "bin", "warden_bench_s_quick.elf")
    ns_elf = os.path.join(build, "bin", "warden_bench_ns_irq.elf")
    s_syms = prof.symbols(nm, s_elf)
    ns_syms = prof.symbols(nm, ns_elf)
    spin = [s for s in ns_syms if s[2] == "bench_irq_spin"]
    named = {s[2]: s for s in s_syms}
    for need in ("Interrupt_Handler", "bench_flih_irq_flih",
                 "bench_irq_woken", "psa_wait"):
        if need not in named:
            sys.exit("irq_latency: no %s in %s" % (need, s_elf))
    if not spin:
        sys.exit("irq_latency: no bench_irq_spin in %s" % ns_elf)
    ranges = ["0x%x..0x%x" % (SECURE[0], SECURE[1] - 1),
              "0x%x+0x%x" % (spin[0][0], spin[0][1])]
    syms = sorted(s_syms + ns_syms)
    starts = [s[0] for s in syms]

    def fn_of(pc):
        return prof.lookup(syms, starts, pc)

    pcs = trace(qemu, s_elf, ns_elf, ranges)
    flih_at = named["bench_flih_irq_flih"][0]
    woken_at = named["bench_irq_woken"][0]
    wait_at = named["psa_wait"][0]
    figures = {}
    for start, end in interrupts(pcs, named["Interrupt_Handler"][0], fn_of):
        span = pcs[start:end]
        if flih_at in span:
            f = span.index(flih_at)
            out = next(k for k in range(f, len(span))
                       if fn_of(span[k]) != "bench_flih_irq_flih")
            figures["irq_flih_entry"] = f
            figures["irq_flih_exit"] = len(span) - out
            shown = ("FLIH", span)
        elif woken_at in span:  # IPC: the partition runs before the return
            w = span.index(woken_at)
            back = span.index(wait_at, w)
            figures["irq_slih_wake"] = w
            figures["irq_slih_exit"] = len(span) - back
            shown = ("SLIH", span)
        else:  # SFN: the handler returns into the wait; the partition goes on
            after = pcs[end:]
            if woken_at in after:
                figures["irq_slih_wake"] = (end - start +
                                            after.index(woken_at))
                figures["irq_slih_exit"] = end - start
                shown = ("SLIH", pcs[start:end + after.index(woken_at) + 1])
        if show:
            print("---- %s interrupt" % shown[0])
            for pc in shown[1]:
                print("%08x  %s" % (pc, fn_of(pc)))
    return figures


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--build", required=True, help="bench build directory")
    ap.add_argument("--trace", action="store_true", help="every instruction")
    ap.add_argument("--qemu", default="qemu-system-arm")
    ap.add_argument("--nm", default="arm-none-eabi-nm")
    args = ap.parse_args()
    figures = measure(args.build, args.qemu, args.nm, args.trace)
    for name in FIGURES:
        print("IRQ %s %s" % (name, figures.get(name, "-")))
    return 0 if all(n in figures for n in FIGURES) else 1


if __name__ == "__main__":
    sys.exit(main())
