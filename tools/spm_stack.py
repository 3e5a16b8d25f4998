#!/usr/bin/env python3
"""The IPC backend's SPM stack: its high-water mark, measured under QEMU.

    spm_stack.py --secure S.elf --ns NS.elf [--ns NS2.elf ...]
                 [--check] [--record FILE [--preset NAME]]
                 [--timeout SECONDS] [--qemu PATH]

For each Non-secure image, runs it with the secure image on QEMU mps2-an505
(-icount shift=0, as the regression layers do), driven through QEMU's GDB
stub: when the SPM starts (a breakpoint on backend_init(), after the C
runtime cleared .bss and before any cross call), the whole SPM stack
(armv8m_spm_stack) is filled with a pattern; when the run ends (a
breakpoint on either image's an505_semihost_exit()) the stack is read back
(with the monitor's xp: the run ends in Non-secure code).
The deepest word that no longer holds the pattern is the high-water mark.
Prints one line per image and the largest mark:

    spm stack: warden_ns_regression.elf: 344 of 512 bytes
    spm stack: high-water mark 344 bytes, margin 168, size 512 bytes

--check also prints "PASS: spm_stack/<image> ..." or "FAIL: ..." per image: an
image passes when its run ended with status 0 and its mark plus the
margin fits the stack. The margin is the larger of a quarter of the mark and
176 bytes: an exception taken on top of the deepest SPM frame (an NS
interrupt stacks the hardware frame and the additional state context, 72
bytes) plus a PendSV switch asked for under the scheduler lock (its
hardware frame and software frame, 72 bytes), 8-byte aligned, and 32 bytes
more. With the FPU on (the secure image has armv8m_fp_zeros: docs/
floating_point.md) either may carry FP state, 136 bytes more each (the NS
interrupt's S0-S31 and FPSCR; the switch's extended frame and S16-S31):
at least 448 bytes.

--record FILE adds the marks to FILE, a JSON record of configurations
(created if missing): {NAME: {"size": stack bytes, "fp": whether the
margin counts FP frames, "marks": {"<secure image>/<NS image>": bytes}}},
NAME being --preset or the folder above the secure image's bin/
(build/<preset>/bin/S.elf). bench/spm_stack.json is such a record, the
one the docs' SPM stack table is written from (tools/docs_figures.py).
Exit status: 0, or 1 if a run or a check failed.
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qemu_run  # noqa: E402  (the one place that knows QEMU's options)

PATTERN = 0xA5A5A5A5
MIN_MARGIN = 176
FP_FRAMES = 2 * 136  # with the FPU on: the two frames above, extended


def symbols(elf):
    """name -> (address, size) from the ELF's symbol table."""
    out = subprocess.run(["arm-none-eabi-nm", "-S", elf], check=True,
                         capture_output=True, text=True).stdout
    table = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4:
            table[parts[3]] = (int(parts[0], 16), int(parts[1], 16))
        elif len(parts) == 3:
            table[parts[2]] = (int(parts[0], 16), 0)
    return table


class Gdb:
    """A minimal client of the GDB remote serial protocol."""

    def __init__(self, port, timeout):
        deadline = time.time() + 10
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port))
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.1)
        self.sock.settimeout(timeout)
        self.buf = b""

    def _read_packet(self):
        while True:
            start = self.buf.find(b"$")
            end = self.buf.find(b"#", start)
            if start >= 0 and end >= 0 and len(self.buf) >= end + 3:
                body = self.buf[start + 1:end]
                self.buf = self.buf[end + 3:]
                self.sock.sendall(b"+")
                return body.decode()
            chunk = self.sock.recv(4096)
            if not chunk:
                raise EOFError("the GDB stub closed the connection")
            self.buf += chunk

    def command(self, text):
        data = text.encode()
        packet = b"$%s#%02x" % (data, sum(data) & 0xFF)
        self.sock.sendall(packet)
        return self._read_packet()

    def resume(self):
        """Continues and waits for the next stop; returns its packet."""
        data = b"c"
        self.sock.sendall(b"$%s#%02x" % (data, sum(data) & 0xFF))
        while True:
            reply = self._read_packet()
            if reply and reply[0] in "STWX":
                return reply

    def breakpoint(self, addr, on=True):
        reply = self.command("%s1,%x,2" % ("Z" if on else "z", addr & ~1))
        if reply != "OK":
            raise RuntimeError("breakpoint at %#x refused: %r" % (addr, reply))

    def write(self, addr, data):
        for off in range(0, len(data), 256):  # within the stub's PacketSize
            part = data[off:off + 256]
            reply = self.command("M%x,%x:%s" % (addr + off, len(part),
                                                part.hex()))
            if reply != "OK":
                raise RuntimeError("write at %#x refused: %r"
                                   % (addr + off, reply))

    def monitor(self, text):
        """A QEMU monitor command (qRcmd); returns what it printed."""
        reply = self.command("qRcmd," + text.encode().hex())
        printed = ""
        while reply != "OK":
            if not reply.startswith("O"):
                raise RuntimeError("monitor %r: %r" % (text, reply))
            printed += bytes.fromhex(reply[1:]).decode()
            reply = self._read_packet()
        return printed

    def read_words(self, addr, size):
        """Reads physical memory with the monitor's xp: the gdb stub's own
        reads take the view of the CPU's current security state, and the
        run ends in Non-secure code, which cannot see the SPM stack."""
        words = []
        for line in self.monitor("xp /%dwx %#x" % (size // 4, addr)).splitlines():
            if ":" in line:
                words += [int(w, 16) for w in line.split(":")[1].split()]
        if len(words) != size // 4:
            raise RuntimeError("read at %#x: %d words" % (addr, len(words)))
        return words


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(args, ns):
    """Runs one NS image; returns (high-water bytes, stack bytes, the exit
    status the run passed to an505_semihost_exit())."""
    sec = symbols(args.secure)
    nss = symbols(ns)
    stack, size = sec["armv8m_spm_stack"]
    port = free_port()
    qargs = argparse.Namespace(qemu=args.qemu, secure=args.secure, ns=ns,
                               icount=True)
    cmd = qemu_run.qemu_command(qargs) + ["-S", "-gdb", "tcp:127.0.0.1:%d"
                                          % port]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    # The console is drained, not shown: the exit status says how it went.
    reader = threading.Thread(target=proc.stdout.read, daemon=True)
    reader.start()
    try:
        gdb = Gdb(port, args.timeout)
        gdb.breakpoint(sec["backend_init"][0])
        gdb.resume()
        gdb.breakpoint(sec["backend_init"][0], on=False)
        gdb.write(stack, PATTERN.to_bytes(4, "little") * (size // 4))
        for table in (sec, nss):
            gdb.breakpoint(table["an505_semihost_exit"][0])
        gdb.resume()
        words = gdb.read_words(stack, size)
        status = int.from_bytes(bytes.fromhex(gdb.command("p0")), "little")
    finally:
        proc.kill()
        proc.wait()
        reader.join(timeout=5)
    untouched = 0
    while untouched < len(words) and words[untouched] == PATTERN:
        untouched += 1
    return size - 4 * untouched, size, status


def margin(mark, fp=False):
    return max((mark // 4 + 7) // 8 * 8,
               MIN_MARGIN + (FP_FRAMES if fp else 0))


def image_name(path):
    return os.path.splitext(os.path.basename(path))[0]


def record_marks(path, preset, size, fp, marks):
    """Adds `marks` ({"<secure>/<ns>": bytes}) to the record in `path`."""
    record = {}
    if os.path.exists(path):
        with open(path) as f:
            record = json.load(f)
    entry = record.setdefault(preset, {"size": size, "fp": fp, "marks": {}})
    entry["size"], entry["fp"] = size, fp
    entry["marks"].update(marks)
    with open(path, "w") as f:
        json.dump(record, f, indent=1)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--secure", required=True)
    ap.add_argument("--ns", action="append", required=True)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--record", metavar="FILE")
    ap.add_argument("--preset", help="the configuration's name in --record")
    ap.add_argument("--timeout", type=float, default=600.0)
    ap.add_argument("--qemu", default="qemu-system-arm")
    args = ap.parse_args()

    status = 0
    marks = []
    recorded = {}
    fp = "armv8m_fp_zeros" in symbols(args.secure)
    for ns in args.ns:
        name = os.path.basename(ns)
        try:
            used, size, exit_status = measure(args, ns)
        except (OSError, RuntimeError, EOFError, KeyError) as err:
            print("spm stack: %s: %s" % (name, err))
            if args.check:
                print("FAIL: spm_stack/%s (no measurement)" % name)
            status = 1
            continue
        marks.append((used, size))
        recorded["%s/%s" % (image_name(args.secure), image_name(ns))] = used
        print("spm stack: %s: %d of %d bytes" % (name, used, size))
        if args.check:
            suite_ok = exit_status == 0
            fits = used + margin(used, fp) <= size
            verdict = "PASS" if suite_ok and fits else "FAIL"
            print("%s: spm_stack/%s: %d + margin %d of %d bytes%s" % (
                verdict, name, used, margin(used, fp), size,
                "" if suite_ok else " (the run ended with status %d)"
                % exit_status))
            status |= verdict == "FAIL"
    if marks and args.record:
        preset = args.preset or os.path.basename(
            os.path.dirname(os.path.dirname(os.path.abspath(args.secure))))
        record_marks(args.record, preset, marks[0][1], fp, recorded)
    if marks:
        mark = max(m for m, _ in marks)
        print("spm stack: high-water mark %d bytes, margin %d, size %d bytes"
              % (mark, margin(mark, fp), marks[0][1]))
    return status


if __name__ == "__main__":
    sys.exit(main())
