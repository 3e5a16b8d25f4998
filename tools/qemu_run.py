#!/usr/bin/env python3
"""Run a Warden secure image and its Non-secure image on QEMU mps2-an505.

    qemu_run.py --secure S.elf --ns NS.elf [--timeout SECONDS] [--log FILE]
                [--icount] [--qemu PATH] [--stop-at TEXT [--settle SECONDS]]
                [--uart1 FILE]

The serial console is streamed to standard output (and to the log file).
The exit status is QEMU's: the status the firmware passed to semihosting
SYS_EXIT_EXTENDED. If the run does not end within the timeout, QEMU is
stopped, "TIMEOUT after N s" is printed and the status is 124. Standard
input is never read (QEMU gets /dev/null), so CI without a TTY works.

With --stop-at, the run is stopped SECONDS (--settle, default 0) after the
console first shows TEXT, and the status is 125 (unless QEMU ended
meanwhile): for runs that do not end by themselves, such as a device that
resets or halts.

With --uart1, what the firmware sends on UART1 (the second UART; UART0 is
the console) is written to FILE; without it UART1 has no character device
and QEMU drops its bytes.
"""

import argparse
import os
import subprocess
import sys
import threading
import time

EXIT_TIMEOUT = 124
EXIT_STOPPED_AT = 125
EXIT_USAGE = 2


def qemu_command(args):
    cmd = [
        args.qemu, "-M", "mps2-an505", "-nographic",
        # userspace=on: unprivileged code (an unprivileged NS thread, an
        # isolation level 2/3 partition) may end the run too.
        "-semihosting-config", "enable=on,target=native,userspace=on",
        "-kernel", args.secure,
    ]
    if args.ns:
        cmd += ["-device", "loader,file=" + args.ns]
    if args.icount:
        cmd += ["-icount", "shift=0"]
    uart1 = getattr(args, "uart1", None)  # spm_stack.py's have none
    if uart1:
        # Naming the second serial port names the first too: the console,
        # as -nographic makes it by default.
        cmd += ["-serial", "mon:stdio", "-serial", "file:" + uart1]
    return cmd


def pump(src, sinks, marker, seen):
    """Copies QEMU's output to every sink as it arrives; sets @seen once
    the output shows @marker (bytes, or None)."""
    tail = b""
    while True:
        chunk = os.read(src.fileno(), 4096)
        if not chunk:
            break
        for sink in sinks:
            sink.write(chunk)
            sink.flush()
        if marker and not seen.is_set():
            tail = (tail + chunk)[-(len(marker) + 4096):]
            if marker in tail:
                seen.set()


def wait(proc, args, seen):
    """QEMU's status, None on timeout, EXIT_STOPPED_AT if stopped at the
    --stop-at text."""
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        try:
            proc.wait(timeout=0.05)
            return proc.returncode
        except subprocess.TimeoutExpired:
            pass
        if seen.is_set():
            time.sleep(args.settle)
            if proc.poll() is not None:
                return proc.returncode
            stop(proc)
            return EXIT_STOPPED_AT
    stop(proc)
    return None


def stop(proc):
    """Stops QEMU (our child, by its pid): politely, then for good."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=3)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main():
    parser = argparse.ArgumentParser(
        description="Run Warden's images on QEMU mps2-an505.")
    parser.add_argument("--secure", required=True, help="secure image (ELF)")
    parser.add_argument("--ns", help="Non-secure image (ELF)")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds before the run is stopped (default 60)")
    parser.add_argument("--log", help="also write the console output here")
    parser.add_argument("--icount", action="store_true",
                        help="deterministic timing: -icount shift=0")
    parser.add_argument("--qemu", default="qemu-system-arm",
                        help="QEMU binary (default qemu-system-arm)")
    parser.add_argument("--stop-at", help="stop the run once the console "
                        "shows this text (status 125)")
    parser.add_argument("--settle", type=float, default=0.0,
                        help="seconds to go on after the --stop-at text")
    parser.add_argument("--uart1", help="write what UART1 sends to this "
                        "file")
    args = parser.parse_args()

    for path in (args.secure, args.ns):
        if path and not os.path.isfile(path):
            print("qemu_run: no such image: " + path, file=sys.stderr)
            return EXIT_USAGE

    log = open(args.log, "wb") if args.log else None
    sinks = [sys.stdout.buffer] + ([log] if log else [])
    try:
        proc = subprocess.Popen(qemu_command(args), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
    except OSError as err:
        print("qemu_run: cannot start %s: %s" % (args.qemu, err),
              file=sys.stderr)
        return EXIT_USAGE

    seen = threading.Event()
    marker = args.stop_at.encode() if args.stop_at else None
    reader = threading.Thread(target=pump,
                              args=(proc.stdout, sinks, marker, seen),
                              daemon=True)
    reader.start()
    status = None
    try:
        status = wait(proc, args, seen)
    except KeyboardInterrupt:
        stop(proc)
        status = 130
    reader.join(timeout=5)

    if status is None:
        message = "\nTIMEOUT after %g s\n" % args.timeout
        for sink in sinks:
            sink.write(message.encode())
            sink.flush()
        status = EXIT_TIMEOUT
    elif status < 0:
        status = 128 - status  # killed by a signal
    if log:
        log.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
