#!/usr/bin/env python3
"""Builds and runs Warden's fuzzers: short runs for make test (through
tests/run_all.py), long runs for make fuzz (this script, --long).

The libFuzzer harnesses (a CMake project in tests/fuzz/, clang, ASan and
UBSan) use the generated headers of the test images of build/host and
build/host-ipc, which are configured first if missing; fuzz_manifest.py runs in-process in
Python. Each harness first replays its regression inputs,
tests/fuzz/corpus/<harness>/, then fuzzes; the harnesses run one at a time.
Every run ends with libFuzzer's "Done N runs in S second(s)", which is
printed as the harness's count.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build", "fuzz")
ARTIFACTS = os.path.join(BUILD, "artifacts")
CORPUS = os.path.join(HERE, "corpus")
MANIFEST = "fuzz_manifest"

# make fuzz: executions per harness (libFuzzer's -runs).
LONG_RUNS = {
    "fuzz_ns_call": 10_000_000,
    "fuzz_ns_call_ipc": 10_000_000,
    "fuzz_nsce": 1_000_000,
    "fuzz_service_api": 1_000_000,
    MANIFEST: 1_000_000,
}
DONE = re.compile(r"^Done (\d+) runs in (\d+) second", re.M)


def _run(cmd, timeout, env=None):
    try:
        p = subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, env=env, check=False)
        return p.returncode, p.stdout.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        return 124, out + "\nTIMEOUT after %d s\n" % timeout


def build(python, jobs):
    """Configures what is missing and builds the harnesses; returns
    [(step, exit status, output)] of the steps run, stopping at a failure."""
    steps = []
    for preset in ("host", "host-ipc"):
        gen = os.path.join(ROOT, "build", preset, "generated",
                           "warden_s_test", "warden_partitions.cmake")
        if not os.path.exists(gen):
            rc, out = _run(["cmake", "--preset", preset,
                            "-DWARDEN_PYTHON=" + python], 600)
            steps.append(("configure " + preset, rc, out))
            if rc != 0:
                return steps
    rc, out = _run(["cmake", "-S", "tests/fuzz", "-B", BUILD,
                    "-DCMAKE_C_COMPILER=clang"], 600)
    steps.append(("build fuzzers", rc, out))
    if rc == 0:
        rc, out = _run(["cmake", "--build", BUILD, "-j", str(jobs)], 1800)
        steps.append(("build fuzzers (compile)", rc, out))
    return steps


def harnesses():
    """The harnesses, in the order they run: the libFuzzer ones built, and
    the manifest tool's."""
    bindir = os.path.join(BUILD, "bin")
    names = sorted(os.listdir(bindir)) if os.path.isdir(bindir) else []
    return names + [MANIFEST]


def run_one(name, python, seconds=None, runs=None):
    """Runs one harness for `seconds` or `runs` executions; returns (exit
    status, output, executions or None)."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    limit = ["-max_total_time=%d" % seconds] if seconds else \
        ["-runs=%d" % runs]
    timeout = (seconds + 300) if seconds else 24 * 3600
    if name == MANIFEST:
        cmd = [python, os.path.join(HERE, "fuzz_manifest.py"), *limit,
               "--artifacts", ARTIFACTS]
        rc, out = _run(cmd, timeout)
    else:
        seeds = os.path.join(CORPUS, name)
        with tempfile.TemporaryDirectory(prefix="warden-%s-" % name) as work:
            # The first directory receives new inputs; the committed
            # regression inputs are read, replayed first, never written.
            cmd = [os.path.join(BUILD, "bin", name), work,
                   *([seeds] if os.path.isdir(seeds) else []), *limit,
                   "-max_len=512", "-rss_limit_mb=2048", "-timeout=60",
                   "-close_fd_mask=1", "-print_final_stats=1",
                   "-artifact_prefix=%s/%s-" % (ARTIFACTS, name)]
            rc, out = _run(cmd, timeout)
    done = DONE.findall(out)
    return rc, out, int(done[-1][0]) if done else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--long", action="store_true",
                    help="make fuzz: each harness runs its LONG_RUNS count")
    ap.add_argument("--seconds", type=int, default=30,
                    help="seconds per harness without --long")
    ap.add_argument("--only", action="append", default=[],
                    help="run only this harness (may be repeated)")
    args = ap.parse_args()

    for step, rc, out in build(args.python, args.jobs):
        if rc != 0:
            print(out[-4000:])
            print("%s failed" % step)
            return 1
    failed = []
    summary = []
    for name in harnesses():
        if args.only and name not in args.only:
            continue
        start = time.monotonic()
        rc, out, count = run_one(
            name, args.python, seconds=None if args.long else args.seconds,
            runs=LONG_RUNS.get(name, 1_000_000) if args.long else None)
        took = time.monotonic() - start
        if rc != 0 or count is None:
            print("\n".join(out.splitlines()[-60:]))
            failed.append(name)
        line = "%s: %s executions in %.0f s (%.0f/s)%s" % (
            name, "?" if count is None else "{:,}".format(count), took,
            (count or 0) / max(took, 1e-9), "" if rc == 0 else ", FAILED")
        print(line, flush=True)
        summary.append(line)
    print("\n".join(["fuzzers:"] + summary))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
