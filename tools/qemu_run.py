#!/usr/bin/env python3
"""Run a Warden secure image and its Non-secure image on QEMU mps2-an505.

    qemu_run.py --secure S.elf --ns NS.elf [--timeout SECONDS] [--log FILE]
                [--icount] [--qemu PATH]

The serial console is streamed to standard output (and to the log file).
The exit status is QEMU's: the status the firmware passed to semihosting
SYS_EXIT_EXTENDED. If the run does not end within the timeout, QEMU is
stopped, "TIMEOUT after N s" is printed and the status is 124. Standard
input is never read (QEMU gets /dev/null), so CI without a TTY works.
"""

import argparse
import os
import subprocess
import sys
import threading
import time

EXIT_TIMEOUT = 124
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
    return cmd


def pump(src, sinks):
    """Copies QEMU's output to every sink as it arrives."""
    while True:
        chunk = os.read(src.fileno(), 4096)
        if not chunk:
            break
        for sink in sinks:
            sink.write(chunk)
            sink.flush()


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

    reader = threading.Thread(target=pump, args=(proc.stdout, sinks),
                              daemon=True)
    reader.start()
    status = None
    try:
        proc.wait(timeout=args.timeout)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        stop(proc)
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
