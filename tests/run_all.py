#!/usr/bin/env python3
"""Runs Warden's test layers and ends with "N passed, N failed".

    tests/run_all.py [--layer unit|host|manifest|fuzz|qemu|bench|static]...

With no --layer, every layer runs (make test), in this order:
  unit      the host build's cmocka unit tests, and again under
            AddressSanitizer and UBSan (host-asan, with its canary); the
            tools' tests (tests/tools: tools/setup.sh, make bench's
            results folder, the benchmark chart, the docs' figures, the
            regression tests' descriptions)
  host      the host and host-ipc test images: regression suites, NSCE
            suites and the demo (also under the sanitizers, and with
            TFM_NS_MANAGE_NSID=OFF and the halt and reset policies), the
            NSCE suites with WARDEN_NSCE_PRIVILEGED_THREAD=ON, the
            MM-IOVEC image of both backends (PSA_FRAMEWORK_HAS_MM_IOVEC=ON), the
            out-of-tree partitions of examples/out_of_tree (the three layouts
            built and run, the misuses of warden_partition() refused, a
            user's partition with a warning), the NS application
            examples/ns_app built against build/host/api_ns and run, and
            the hosted NS renames and boundary check (tests/ns_abi)
  manifest  the manifest tool's tests (tests/manifest), and make graph
            (the product image's diagram; with TESTS=1 the test image's)
  fuzz      short runs of every fuzzer (tests/fuzz)
  qemu      the an505-sfn and an505-ipc-l1 to -l3 builds on QEMU, and the
            floating-point builds an505-sfn-fp, an505-ipc-l1-fp and
            an505-ipc-l3-fp (CONFIG_TFM_ENABLE_FP): regression
            suites, NSCE suites, NSCE soak, NS attack suite, fault report,
            the W^X faults (tests/partitions/wx), the MMIO regions
            (tests/regression/mmio), the secure interrupts
            (tests/regression/irq: delivery, the burst, the API's
            misuses), for the -l2 and -l3 builds the
            isolation violations (tests/regression/isolation), for the
            floating-point builds the FP test (tests/regression/fp: NS
            tasks, an FP-using SysTick and FP partitions hold their FP
            registers across secure calls and preemption, no secure value
            reaches NS, a partition's fault leaves none behind), the
            memcheck image against the test image, the demo against the
            product image, examples/ns_app built against
            build/an505-sfn/api_ns and booted by make run S=... NS=..., for the IPC builds the SPM stack's high-water
            mark against its size, the NSCE-off and halt-policy variants,
            the NSCE suites with WARDEN_NSCE_PRIVILEGED_THREAD=ON
            (an505-ipc-l1), and
            the MM-IOVEC image of both backends (PSA_FRAMEWORK_HAS_MM_IOVEC=ON)
  bench     the benchmark against the committed bench/results.json
  static    the configuration validator (and TF-M's options, honoured or
            refused), the docs' generated figures (tools/docs_figures.py
            --check), no test symbol in a product image,
            clang-tidy, cppcheck and the clang-format check
A build a layer needs is made (and counted) once per run. The test images
are built with TEST_S=ON and TEST_NS=ON. Each test case found in a layer's
output counts once; a layer that crashes or times out without reporting
counts as one failure, so nothing can pass by saying nothing.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QEMU_PRESETS = ["an505-sfn", "an505-ipc-l1", "an505-ipc-l2", "an505-ipc-l3",
                "an505-sfn-fp", "an505-ipc-l1-fp", "an505-ipc-l3-fp"]
LAYERS = ["unit", "host", "manifest", "fuzz", "qemu", "bench", "static"]
# The suites need the test images (the presets build the product alone).
TEST_IMAGES = ["-DTEST_S=ON", "-DTEST_NS=ON"]


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []

    def add(self, layer, passed, failed, names=()):
        self.passed += passed
        self.failed += failed
        self.failures.extend("%s: %s" % (layer, n) for n in names)
        print("== %s: %d passed, %d failed" % (layer, passed, failed), flush=True)


def run(cmd, timeout=600, cwd=ROOT, env=None):
    """Runs cmd; returns (exit code, combined output). 124 on timeout."""
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
        return p.returncode, p.stdout.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        return 124, out + "\nTIMEOUT after %d s\n" % timeout


def show_tail(out, lines=40):
    print("\n".join(out.splitlines()[-lines:]))


def check(tally, layer, cmd, timeout=900, env=None):
    """A step that passes or fails as a whole (builds, static checks)."""
    rc, out = run(cmd, timeout=timeout, env=env)
    if rc != 0:
        show_tail(out)
    tally.add(layer, int(rc == 0), int(rc != 0), [] if rc == 0 else [layer])
    return rc == 0


def parse_result_lines(tally, layer, rc, out):
    """PASS:/FAIL: lines of the regression framework."""
    passed = len(re.findall(r"^PASS: ", out, re.M))
    failed_names = re.findall(r"^FAIL: (\S+)", out, re.M)
    extra = []
    if rc != 0 and not failed_names:
        extra = ["%s exited %d without a FAIL line" % (layer, rc)]
        show_tail(out)
    elif failed_names:
        show_tail(out)
    if passed == 0 and not failed_names and not extra:
        extra = ["%s ran no test" % layer]
    tally.add(layer, passed, len(failed_names) + len(extra),
              failed_names + extra)


def tally_cases(tally, layer, cases):
    """Adds cases, (passed, name, output) each, to the tally as one step;
    the output of each failed case is shown."""
    names = [name for ok, name, _ in cases if not ok]
    for ok, _, out in cases:
        if not ok:
            show_tail(out)
    tally.add(layer, len(cases) - len(names), len(names), names)


def configure_checks(tally, python):
    """Illegal configurations are refused at configure time, with a reason."""
    cases = [
        (["-DCONFIG_TFM_SPM_BACKEND=SFN", "-DTFM_ISOLATION_LEVEL=2"],
         "needs the IPC backend"),
        (["-DTFM_ISOLATION_LEVEL=4"], "isolation levels are 1, 2 and 3"),
        (["-DWARDEN_PLATFORM=nrf"], "platforms are 'host' and 'an505'"),
        (["-DWARDEN_CONN_MAX=0"], "connection slots must be 1..255"),
        (["-DWARDEN_CONN_MAX=256"], "connection slots must be 1..255"),
        (["-DCONFIG_TFM_SPM_BACKEND=TFM"], "the backends are 'SFN' and 'IPC'"),
        (["-DWARDEN_BENCH=ON"], "WARDEN_BENCH=ON needs WARDEN_PLATFORM=an505"),
        (["-DWARDEN_BENCH_MINIMAL=ON"],
         "WARDEN_BENCH_MINIMAL=ON is a kind of benchmark build"),
        (["-DWARDEN_FAULT_POLICY=reboot"], "the policies are 'reset'"),
        (["-DWARDEN_NS_FAULT_POLICY=terminate"],
         "there is no partition to terminate"),
        (["-DWARDEN_NS_CONTEXT_SLOTS=0"], "NS context slots must be 1..255"),
        (["-DWARDEN_NS_CONTEXT_SLOTS=256"],
         "NS context slots must be 1..255"),
        (["-DTFM_NS_MANAGE_NSID=maybe"], "it is a switch, ON or OFF"),
        (["-DWARDEN_NS_SECURE_CONTEXTS=maybe"],
         "WARDEN_NS_SECURE_CONTEXTS='maybe': it is a switch, ON or OFF"),
        (["-DWARDEN_NS_SECURE_CONTEXTS=ON", "-DTFM_NS_MANAGE_NSID=OFF"],
         "WARDEN_NS_SECURE_CONTEXTS=ON needs TFM_NS_MANAGE_NSID=ON"),
        (["-DCONFIG_TFM_SPM_BACKEND=IPC", "-DWARDEN_NS_SECURE_CONTEXTS=ON",
          "-DTFM_NS_MANAGE_NSID=OFF"],
         "WARDEN_NS_SECURE_CONTEXTS=ON needs TFM_NS_MANAGE_NSID=ON"),
        (["-DWARDEN_NS_COMPLETION_IRQ=maybe"],
         "WARDEN_NS_COMPLETION_IRQ='maybe': it is a switch, ON or OFF"),
        (["-DCONFIG_TFM_SPM_BACKEND=IPC", "-DWARDEN_NS_COMPLETION_IRQ=ON"],
         "WARDEN_NS_COMPLETION_IRQ=ON needs WARDEN_NS_SECURE_CONTEXTS=ON"),
        (["-DWARDEN_NS_CONTEXT_STACK_SIZE=128"],
         "the NS context stack size is a number of bytes, 256..65536"),
        (["-DWARDEN_NS_CONTEXT_STACK_SIZE=1020"],
         "the NS context stack size must be a multiple of 8"),
        (["-DPSA_FRAMEWORK_HAS_MM_IOVEC=maybe"],
         "PSA_FRAMEWORK_HAS_MM_IOVEC='maybe': it is a switch, ON or OFF"),
        (["-DWARDEN_NSCE_PRIVILEGED_THREAD=maybe"],
         "WARDEN_NSCE_PRIVILEGED_THREAD='maybe': it is a switch, ON or OFF"),
        (["-DWARDEN_NSCE_PRIVILEGED_THREAD=ON", "-DTFM_NS_MANAGE_NSID=OFF"],
         "WARDEN_NSCE_PRIVILEGED_THREAD=ON needs TFM_NS_MANAGE_NSID=ON"),
        (["-DCONFIG_TFM_SPM_BACKEND=IPC", "-DTFM_ISOLATION_LEVEL=2"],
         "needs a platform with a memory protection unit"),
        (["-DWARDEN_SPM_STACK_SIZE=128"], "SPM stack size is a number"),
        (["-DWARDEN_SPM_STACK_SIZE=1020"], "must be a multiple of 8"),
        (["-DWARDEN_FLIH_STACK_SIZE=128"], "FLIH stack size is a number"),
        (["-DWARDEN_FLIH_STACK_SIZE=65544"], "FLIH stack size is a number"),
        (["-DWARDEN_FLIH_STACK_SIZE=516"], "FLIH stack size must be a multiple of 8"),
        (["-DWARDEN_PLATFORM=an505", "-DWARDEN_SANITIZE=ON"],
         "WARDEN_SANITIZE=ON needs WARDEN_PLATFORM=host"),
        (["-DTEST_NS=ON"], "TEST_NS=ON needs TEST_S=ON"),
        (["-DWARDEN_PLATFORM=an505", "-DWARDEN_BENCH=ON", "-DTEST_S=ON"],
         "WARDEN_BENCH=ON builds the benchmark images only"),
        # Floating point (cmake/fp.cmake).
        (["-DWARDEN_PLATFORM=an505", "-DCONFIG_TFM_ENABLE_FP=maybe"],
         "CONFIG_TFM_ENABLE_FP='maybe': it is a switch, ON or OFF"),
        (["-DWARDEN_PLATFORM=an505", "-DCONFIG_TFM_LAZY_STACKING=maybe"],
         "CONFIG_TFM_LAZY_STACKING='maybe': it is a switch, ON or OFF"),
        (["-DWARDEN_PLATFORM=an505", "-DCONFIG_TFM_ENABLE_CP10CP11=maybe"],
         "CONFIG_TFM_ENABLE_CP10CP11='maybe': it is a switch, ON or OFF"),
        (["-DWARDEN_PLATFORM=an505", "-DCONFIG_TFM_DISABLE_CP10CP11=maybe"],
         "CONFIG_TFM_DISABLE_CP10CP11='maybe': it is a switch, ON or OFF"),
        (["-DWARDEN_PLATFORM=an505", "-DCONFIG_TFM_FLOAT_ABI=hard"],
         "CONFIG_TFM_FLOAT_ABI=hard needs CONFIG_TFM_ENABLE_FP=ON"),
        (["-DWARDEN_PLATFORM=an505", "-DCONFIG_TFM_ENABLE_FP=ON",
          "-DCONFIG_TFM_FLOAT_ABI=soft"],
         "FP-using partitions need the secure side built hard-float"),
        (["-DWARDEN_PLATFORM=an505", "-DCONFIG_TFM_FLOAT_ABI=softfp"],
         "the secure side is built 'soft' or 'hard'"),
        (["-DWARDEN_PLATFORM=an505", "-DWARDEN_NS_FLOAT_ABI=double"],
         "the NS float ABIs are 'soft', 'softfp' and 'hard'"),
        (["-DWARDEN_PLATFORM=an505", "-DCONFIG_TFM_ENABLE_FP=ON",
          "-DCONFIG_TFM_DISABLE_CP10CP11=ON"],
         "CONFIG_TFM_DISABLE_CP10CP11=ON keeps the FPU from both sides"),
        (["-DWARDEN_PLATFORM=an505", "-DWARDEN_NS_FLOAT_ABI=softfp",
          "-DCONFIG_TFM_DISABLE_CP10CP11=ON"],
         "CONFIG_TFM_DISABLE_CP10CP11=ON keeps the FPU from both sides"),
        (["-DCONFIG_TFM_ENABLE_FP=ON"],
         "needs WARDEN_PLATFORM=an505: the hosted build uses the host's own FPU"),
        (["-DWARDEN_NS_FLOAT_ABI=hard"],
         "needs WARDEN_PLATFORM=an505: the hosted build uses the host's own FPU"),
        (["-DWARDEN_PLATFORM=an505", "-DCONFIG_TFM_ENABLE_FP=ON",
          "-DCONFIG_TFM_FP_ARCH=fpv5-d16"],
         "the AN505's Cortex-M33 has a single-precision FPU"),
        # an505 configured without the cross toolchain file.
        (["-DWARDEN_PLATFORM=an505"],
         "WARDEN_PLATFORM=an505 needs the Arm cross compiler, but this build "
         "folder uses"),
        (["-DWARDEN_PLATFORM=an505"],
         "-DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-arm-none-eabi.cmake"),
    ]
    cases += TFM_REFUSED + [
        ([a], "%s='%s' is a TF-M option Warden does not have: %s"
         % (tuple(a[2:].split("=", 1)) + (why,)))
        for a, why in TFM_REFUSED_OPTIONS]
    results = []
    for args, want in cases:
        with tempfile.TemporaryDirectory() as bdir:
            rc, out = run(["cmake", "-S", ROOT, "-B", bdir,
                           "-DWARDEN_PYTHON=" + python] + args, timeout=120)
        # CMake wraps long messages: compare with the lines joined.
        results.append((rc != 0 and want in " ".join(out.split()),
                        " ".join(args), out))
    tally_cases(tally, "configuration validator", results)
    tfm_options_honoured(tally, python)


# TF-M's options (cmake/tfm_options.cmake) that Warden refuses, with what
# the refusal says.
TFM_REFUSED = [
    (["-DTFM_PLATFORM=arm/mps2/an521"],
     "TFM_PLATFORM='arm/mps2/an521': Warden has two platforms, "
     "arm/mps2/an505"),
    (["-DTFM_PROFILE=profile_tiny"],
     "TFM_PROFILE='profile_tiny': the TF-M profiles Warden knows are "
     "profile_small"),
    (["-DTFM_PROFILE=profile_small", "-DCONFIG_TFM_SPM_BACKEND=IPC"],
     "TFM_PROFILE=profile_small means CONFIG_TFM_SPM_BACKEND=SFN, but "
     "CONFIG_TFM_SPM_BACKEND is 'IPC'"),
    (["-DTFM_PLATFORM=arm/mps2/an505", "-DWARDEN_PLATFORM=host"],
     "TFM_PLATFORM=arm/mps2/an505 means WARDEN_PLATFORM=an505, but "
     "WARDEN_PLATFORM is 'host'"),
    # The profile's isolation level reaches the validator.
    (["-DTFM_PROFILE=profile_large"],
     "TFM_ISOLATION_LEVEL=3 needs a platform with a memory protection unit"),
    # an505 without the cross toolchain file.
    (["-DTFM_PLATFORM=arm/mps2/an505"],
     "WARDEN_PLATFORM=an505 needs the Arm cross compiler, but this build "
     "folder uses"),
    (["-DTFM_PARTITION_CRYPTO=ON"],
     "TFM_PARTITION_CRYPTO='ON' is a TF-M option Warden does not have: "
     "Warden ships the SPM and an example partition"),
    (["-DTFM_PARTITION_PROTECTED_STORAGE=1"],
     "no manifest list of this build switches a partition with "
     "@TFM_PARTITION_PROTECTED_STORAGE@"),
    (["-DTFM_PARTITION_NS_AGENT_TZ=OFF"],
     "Warden's TrustZone NS agent cannot be left out"),
    (["-DTEST_NS_IPC=ON"],
     "TEST_NS_IPC='ON' is a TF-M option Warden does not have: Warden does "
     "not choose its test suites one by one"),
    (["-DTEST_S_CRYPTO=ON"], "there are no suites of TF-M's own partitions"),
]
# -DNAME=VALUE and the sentence after "is a TF-M option Warden does not
# have: ".
TFM_REFUSED_OPTIONS = [
    ("-DTFM_TOOLCHAIN_FILE=toolchain_GNUARM.cmake",
     "Warden takes CMake's own toolchain option"),
    ("-DCONFIG_TFM_HALT_ON_CORE_PANIC=ON",
     "Warden's equivalent is WARDEN_FAULT_POLICY"),
    ("-DCONFIG_TFM_HALT_ON_CORE_PANIC=OFF",
     "Warden's equivalent is WARDEN_FAULT_POLICY"),
    ("-DCONFIG_TFM_CONN_HANDLE_MAX_NUM=8",
     "Warden's equivalent is WARDEN_CONN_MAX"),
    ("-DCONFIG_TFM_SPE_FP=2", "Warden's equivalent is CONFIG_TFM_ENABLE_FP"),
    ("-DTFM_SPM_LOG_LEVEL=TFM_SPM_LOG_LEVEL_DEBUG",
     "Warden's SPM has no log levels"),
    ("-DTFM_S_REG_TEST=ON", "Warden's name for it is TEST_S."),
    ("-DTFM_NS_REG_TEST=ON", "Warden's name for it is TEST_NS."),
    ("-DTEST_PSA_API=IPC",
     "Warden does not build the PSA Architecture Test Suite"),
    ("-DMBEDCRYPTO_PATH=/src/mbedtls", "Warden has no Crypto partition"),
    ("-DMCUBOOT_PATH=/src/mcuboot", "Warden has no bootloader, so no MCUboot"),
    ("-DTFM_TEST_REPO_PATH=/src/tf-m-tests",
     "Warden's tests are in its own tree"),
    ("-DBL2=ON", "Warden has no bootloader (TF-M's BL2, MCUboot)"),
    ("-DTFM_MULTI_CORE_TOPOLOGY=ON",
     "Warden is for one Armv8-M core with TrustZone: there is no multi"),
    ("-DTFM_PARTITION_NS_AGENT_MAILBOX=ON",
     "Warden is for one Armv8-M core with TrustZone: there is no mailbox"),
    ("-DTFM_FIH_PROFILE=LOW", "Warden has no fault injection hardening"),
    ("-DCONFIG_TFM_STACK_WATERMARKS=ON",
     "Warden has no stack watermarks option"),
    ("-DCONFIG_TFM_ENABLE_PROFILING=ON", "Warden has no profiler hooks"),
]


def tfm_options_honoured(tally, python):
    """TF-M's options that mean something in Warden configure, with what
    they mean in the status line; those that are off, as Warden has them,
    are taken without CMake's "not used" warning."""
    toolchain = "-DCMAKE_TOOLCHAIN_FILE=" + os.path.join(
        ROOT, "cmake", "toolchain-arm-none-eabi.cmake")
    hello = os.path.join(ROOT, "examples", "out_of_tree", "single", "hello")
    cases = [
        (["-DTFM_PROFILE=profile_small"],
         ["backend SFN, isolation level 1",
          "PSA_FRAMEWORK_HAS_MM_IOVEC ON"]),
        (["-DTFM_PROFILE=profile_medium_arotless"],
         ["TFM_PROFILE=profile_medium_arotless sets CONFIG_TFM_SPM_BACKEND="
          "SFN, TFM_ISOLATION_LEVEL=1", "PSA_FRAMEWORK_HAS_MM_IOVEC OFF"]),
        ([toolchain, "-DTFM_PLATFORM=arm/mps2/an505",
          "-DTFM_PROFILE=profile_medium"],
         ["platform an505, backend IPC, isolation level 2"]),
        ([toolchain, "-DTFM_PLATFORM=arm/mps2/an505",
          "-DTFM_PROFILE=profile_large"],
         ["platform an505, backend IPC, isolation level 3"]),
        (["-DTFM_PARTITION_CRYPTO=OFF", "-DTFM_PARTITION_NS_AGENT_TZ=ON",
          "-DTEST_S_CRYPTO=OFF", "-DBL2=OFF", "-DTFM_FIH_PROFILE=OFF"],
         ["platform host"]),
        # A list's conditional takes a TFM_PARTITION_ switch: the partition
        # is in the image.
        (["@" + os.path.join(hello, "hello_partition.json"),
          "-DTFM_EXTRA_PARTITION_PATHS=" + hello,
          "-DTFM_PARTITION_OOT_HELLO=ON"],
         ['set(WARDEN_MANIFEST_PARTITIONS "TFM_SP_EXAMPLE;TFM_SP_OOT_HELLO")']),
    ]
    results = []
    for args, wants in cases:
        with tempfile.TemporaryDirectory() as bdir:
            if args[0].startswith("@"):
                args = [conditional_list(bdir, args[0][1:])] + args[1:]
            rc, out = run(["cmake", "-S", ROOT, "-B", os.path.join(bdir, "b"),
                           "-DWARDEN_PYTHON=" + python] + args, timeout=120)
            parts = os.path.join(bdir, "b", "generated", "warden_s",
                                 "warden_partitions.cmake")
            if os.path.exists(parts):
                with open(parts) as f:
                    out += f.read()
        joined = " ".join(out.split())
        results.append((rc == 0 and all(w in joined for w in wants)
                        and "not used by the project" not in joined,
                        " ".join(args), out))
    tally_cases(tally, "TF-M options honoured", results)


def conditional_list(folder, manifest):
    """A manifest list in `folder` whose one partition, `manifest`, is
    switched by @TFM_PARTITION_OOT_HELLO@; returns the -D option naming it."""
    path = os.path.join(folder, "manifest_list.yaml")
    with open(path, "w") as f:
        f.write('description: "switched by a TF-M option"\n'
                'type: "manifest_list"\nmanifest_list:\n'
                '  - description: "Hello partition"\n'
                '    short_name: "TFM_SP_OOT_HELLO"\n'
                '    manifest: "%s"\n'
                '    conditional: "@TFM_PARTITION_OOT_HELLO@"\n'
                '    pid: 400\n' % manifest)
    return "-DTFM_EXTRA_MANIFEST_LIST_FILES=" + path


# (build folder, targets) -> whether it built: a build is made and counted
# once per run, whichever layers need it.
BUILT = {}


def build_dir(tally, label, configure, bdir, jobs, targets=()):
    """Configures (cmake `configure` arguments) and builds `bdir` (only
    `targets`, if given), once per run; returns whether both passed."""
    key = (bdir, tuple(targets))
    if (bdir, ()) in BUILT:  # built whole: every target is there
        return BUILT[(bdir, ())]
    if key not in BUILT:
        ok = check(tally, "configure " + label, ["cmake"] + configure) and \
            check(tally, "build " + label,
                  ["cmake", "--build", bdir, "-j", str(jobs)] +
                  (["--target"] + list(targets) if targets else []))
        BUILT[key] = ok
    return BUILT[key]


def build(tally, preset, python, jobs, targets=()):
    return build_dir(tally, preset, ["--preset", preset,
                                     "-DWARDEN_PYTHON=" + python]
                     + TEST_IMAGES, "build/" + preset, jobs, targets)


def unit_tests(tally, preset="host", env=None):
    """The cmocka unit tests of a host build (env: the sanitizers' options
    for a WARDEN_SANITIZE build). Returns ctest's output."""
    layer = "unit tests (cmocka)" if preset == "host" else \
        "unit tests (cmocka, %s)" % preset
    rc, out = run(["ctest", "--test-dir", "build/" + preset, "-V",
                   "--timeout", "120"], timeout=900, env=env)
    passed = len(re.findall(r"\[       OK \] ", out))
    # cmocka names a failed test twice (as it fails, and in its summary);
    # ctest -V prefixes every line with the test's number.
    failed = sorted(set("".join(f) for f in re.findall(
        r"^(\d+: )?\[  FAILED  \] (?!\d+ test)(\S+)", out, re.M)))
    extra = []
    if rc != 0 and not failed:
        extra = ["ctest exited %d" % rc]
    if passed + len(failed) == 0:
        extra.append("no unit test ran")
    if failed or extra:
        show_tail(out, 80)
    tally.add(layer, passed, len(failed) + len(extra), failed + extra)
    return layer, out


def python_tests(tally, python, folder, layer):
    """The unittest tests of a folder of tests/."""
    rc, out = run([python, "-m", "unittest", "discover", "-s",
                   folder, "-t", "."], timeout=600)
    ran = re.search(r"^Ran (\d+) tests?", out, re.M)
    total = int(ran.group(1)) if ran else 0
    bad = re.search(r"^FAILED \((.*)\)", out, re.M)
    failed = 0
    if bad:
        failed = sum(int(n) for n in re.findall(r"(?:failures|errors)=(\d+)",
                                                bad.group(1)))
    if rc != 0 and failed == 0:
        failed = 1
    if total == 0:
        failed = max(failed, 1)
    if failed:
        show_tail(out, 60)
    tally.add(layer, total - min(failed, total), failed,
              ["see output"] if failed else [])


def host_runs(tally, preset):
    bindir = "build/%s/bin" % preset
    rc, out = run([bindir + "/warden_ns_regression"], timeout=120)
    parse_result_lines(tally, "regression (%s)" % preset, rc, out)
    rc, out = run([bindir + "/warden_ns_nsce"], timeout=120)
    parse_result_lines(tally, "nsce (%s)" % preset, rc, out)
    rc, out = run([bindir + "/warden_ns_demo"], timeout=60)
    ok = rc == 0 and "Hello World" in out
    if not ok:
        show_tail(out)
    tally.add("demo (%s)" % preset, int(ok), int(not ok),
              [] if ok else ["demo"])


OOT = os.path.join(ROOT, "examples", "out_of_tree")
OOT_BAD = os.path.join(ROOT, "tests", "manifest", "cmake")
# name -> (manifest lists, partition folders, lines the demo must print)
# (a line starting with "!" must not be printed)
OOT_LAYOUTS = {
    "layout 1 (one partition, its own list, tfm_sp_log.h)": (
        ["single/hello/manifest_list.yaml"], ["single/hello"],
        ["[oot] TFM_SP_OOT_HELLO (layout 1) ready",
         "!TFM_SP_OOT_HELLO: debug output on"]),
    "layout 2 (one root CMakeLists.txt, one list)": (
        ["multi/manifest_list.yaml"], ["multi"],
        ['[oot] TFM_SP_OOT_CALLER (layout 2): OOT_GREETER said "Hello '
         'World", "Hello World" (status 0)']),
    "layout 3 (separate folders and lists)": (
        ["separate/beta/manifest_list.yaml",
         "separate/alpha/manifest_list.yaml"],
        ["separate/alpha", "separate/beta"],
        ['[oot] TFM_SP_OOT_BETA (layout 3): OOT_ALPHA said "Hello World" '
         '(status 0)']),
}
# name -> (extra lists, partition folders, configure succeeds, output wanted)
OOT_MISUSES = {
    "partition in no list": (
        [], [OOT_BAD + "/unlisted"], False,
        "no manifest list names a partition TFM_SP_NOT_LISTED"),
    "warden_partition() called twice": (
        [], [OOT_BAD + "/twice"], False,
        "warden_partition(TFM_SP_EXAMPLE): called twice"),
    "unknown argument": (
        [OOT + "/single/hello/manifest_list.yaml"], [OOT_BAD + "/bad_args"],
        False, "unexpected arguments 'SOURCE;missing.c'"),
    "listed partition never built": (
        [OOT + "/single/hello/manifest_list.yaml"], [], False,
        "The manifest lists name TFM_SP_OOT_HELLO, but no CMakeLists.txt "
        "called warden_partition() for it"),
    "neither SOURCES nor LIBRARIES": (
        [OOT + "/single/hello/manifest_list.yaml"], [OOT_BAD + "/no_sources"],
        False, "warden_partition(TFM_SP_OOT_HELLO): give its SOURCES, or the "
        "prebuilt archives that hold its code (LIBRARIES), or both."),
    "archive of LIBRARIES missing": (
        [OOT + "/single/hello/manifest_list.yaml"],
        [OOT_BAD + "/missing_archive"], False,
        "warden_partition(TFM_SP_OOT_HELLO): the archive "
        "'libnot_built_yet.a' of LIBRARIES does not exist"),
    "NS image from a partition folder": (
        [], [OOT_BAD + "/ns_image"], False,
        "warden_add_ns_image(my_ns_app): there is no secure image "
        "'warden_s' (yet)"),
    "folder without CMakeLists.txt": (
        [], [OOT_BAD + "/no_cmakelists"], False, "has no CMakeLists.txt"),
    "partition switched off": (
        [OOT_BAD + "/switched_off/manifest_list.yaml"],
        [OOT_BAD + "/switched_off"], True,
        "partition TFM_SP_OOT_OFF is switched off"),
    "partition log level not a level": (
        [OOT + "/single/hello/manifest_list.yaml"],
        [OOT + "/single/hello", "-DTFM_PARTITION_LOG_LEVEL=VERBOSE"], False,
        "TFM_PARTITION_LOG_LEVEL='VERBOSE': the partition log levels are "
        "TFM_PARTITION_LOG_LEVEL_DEBUG"),
    "conditional not a switch value": (
        [OOT_BAD + "/switched_off/manifest_list.yaml"],
        [OOT_BAD + "/switched_off", "-DWARDEN_TEST_OFF_PARTITION=maybe"],
        False, "'maybe' (from -D WARDEN_TEST_OFF_PARTITION) is not a switch "
        "value"),
}

# name -> (manifest lists, partition folders, what the failed build prints)
OOT_BUILD_FAILURES = {
    "malloc without heap_size": (
        [OOT_BAD + "/no_heap/manifest_list.yaml"], [OOT_BAD + "/no_heap"],
        "TFM_SP_OOT_NO_HEAP_calls_malloc_but_its_manifest_has_no_heap_size"),
    "a user's partition warning with the user's -Werror": (
        [OOT_BAD + "/warning/manifest_list.yaml"],
        [OOT_BAD + "/warning",
         "-DWARDEN_USER_PARTITION_WARNINGS=-Wall;-Werror"],
        "unused_on_purpose"),
}
# A user's partition whose source has a warning builds (Warden's -Werror is
# not forced on it), prints the warning, and runs.
OOT_WARNING = ("warning/manifest_list.yaml", "warning",
               "[-Wunused-variable]",
               "[oot] TFM_SP_OOT_WARNING built with a warning, ready")
# Layout 4: the vendor folder built into an archive first, then the
# partition folder that names it (LIBRARIES, no sources).
OOT_PREBUILT = ("prebuilt/manifest_list.yaml", "prebuilt", "prebuilt/vendor",
                "[oot] TFM_SP_OOT_PREBUILT (layout 4) ready; its heap gives "
                "64 B: yes, 512 B: no")


def oot_configure(bdir, python, lists, paths):
    """Configures the host preset with out-of-tree lists and folders (a
    "-D..." among `paths` is passed as is)."""
    folders = [p for p in paths if not p.startswith("-D")]
    extra = [p for p in paths if p.startswith("-D")]
    return run(["cmake", "--preset", "host", "-B", bdir,
                "-DWARDEN_PYTHON=" + python,
                "-DTFM_EXTRA_MANIFEST_LIST_FILES=" + ";".join(lists),
                "-DTFM_EXTRA_PARTITION_PATHS=" + ";".join(folders)] + extra,
               timeout=120)


def oot_layout(bdir, python, jobs, lists, paths, lines):
    """Configures, builds and runs the demo with out-of-tree lists and
    folders; True if it prints every line of `lines`."""
    rc, out = oot_configure(bdir, python, lists, paths)
    if rc == 0:
        rc, out = run(["cmake", "--build", bdir, "-j", str(jobs),
                       "--target", "warden_ns_demo"], timeout=600)
    if rc == 0:
        rc, out = run([os.path.join(bdir, "bin", "warden_ns_demo")],
                      timeout=60)
    ok = rc == 0 and "Demo complete: all as expected" in out and all(
        (line[1:] not in out) if line.startswith("!") else (line in out)
        for line in lines)
    if not ok:
        show_tail(out)
    return ok


def oot_prebuilt(python, jobs):
    """Layout 4: the vendor's archive built on its own, then integrated by
    a warden_partition() call with LIBRARIES and no sources."""
    lists, folder, vendor, line = OOT_PREBUILT
    bdir = os.path.join(ROOT, "build", "oot", "layout_4")
    vendor_bdir = os.path.join(bdir, "vendor")
    rc, out = run(["cmake", "-S", os.path.join(OOT, vendor), "-B",
                   vendor_bdir, "-DWARDEN_ROOT=" + ROOT], timeout=120)
    if rc == 0:
        rc, out = run(["cmake", "--build", vendor_bdir], timeout=300)
    if rc != 0:
        show_tail(out)
        return False
    archive = os.path.join(vendor_bdir, "libprebuilt_partition.a")
    return oot_layout(bdir, python, jobs, [os.path.join(OOT, lists)],
                      [os.path.join(OOT, folder),
                       "-DOOT_PREBUILT_ARCHIVE=" + archive], [line])


def oot_warning(python, jobs):
    """A user's partition with a warning builds (the warning printed) and
    its start-up line is in the demo's output."""
    lists, folder, warning, line = OOT_WARNING
    bdir = os.path.join(ROOT, "build", "oot", "warning")
    rc, out = oot_configure(bdir, python, [os.path.join(OOT_BAD, lists)],
                            [os.path.join(OOT_BAD, folder)])
    if rc == 0:
        rc, out = run(["cmake", "--build", bdir, "-j", str(jobs),
                       "--target", "warden_ns_demo"], timeout=600)
    if rc != 0 or warning not in out:
        show_tail(out)
        return False
    return oot_layout(bdir, python, jobs, [os.path.join(OOT_BAD, lists)],
                      [os.path.join(OOT_BAD, folder)], [line])


def oot_build_fails(python, jobs, lists, paths, want):
    """True if the configuration succeeds and the demo's build fails,
    printing `want`."""
    with tempfile.TemporaryDirectory() as bdir:
        rc, out = oot_configure(bdir, python, lists, paths)
        if rc == 0:
            rc, out = run(["cmake", "--build", bdir, "-j", str(jobs),
                           "--target", "warden_ns_demo"], timeout=600)
            ok = rc != 0 and want in out
        else:
            ok = False
    if not ok:
        show_tail(out)
    return ok


def out_of_tree(tally, python, jobs):
    """Each layout of examples/out_of_tree builds with the host preset and
    its partitions run (their start-up lines are in the demo's output);
    each misuse of warden_partition() stops CMake with its sentence, or
    the build with the name of its mistake."""
    results = {}
    for name, (lists, paths, lines) in OOT_LAYOUTS.items():
        bdir = os.path.join(ROOT, "build", "oot", name.split(" (")[0]
                            .replace(" ", "_"))
        results[name] = oot_layout(bdir, python, jobs,
                                   [os.path.join(OOT, p) for p in lists],
                                   [os.path.join(OOT, p) for p in paths],
                                   lines)
    results["layout 4 (a prebuilt archive, no sources)"] = oot_prebuilt(
        python, jobs)
    results["a user's partition with a warning builds"] = oot_warning(
        python, jobs)
    for name, (lists, paths, succeeds, want) in OOT_MISUSES.items():
        with tempfile.TemporaryDirectory() as bdir:
            rc, out = oot_configure(bdir, python, lists, paths)
        # CMake wraps its messages: compare with the white space folded.
        ok = (rc == 0) == succeeds and " ".join(want.split()) in " ".join(
            out.split())
        if not ok:
            show_tail(out)
        results[name] = ok
    for name, (lists, paths, want) in OOT_BUILD_FAILURES.items():
        results[name] = oot_build_fails(python, jobs, lists, paths, want)
    failed = [name for name, ok in results.items() if not ok]
    tally.add("out-of-tree partitions (host)", len(results) - len(failed),
              len(failed), failed)


def graph_check(tally, python):
    """make graph draws the product image's diagram alone, the user's
    partitions without the test partitions; TESTS=1 adds the test image's,
    which has them. Each as SVG (tools/setup.sh installs Graphviz)."""
    gen = os.path.join("build", "host", "generated")
    product = "graph: %s/warden_s/partitions.svg" % gen
    test = "graph: %s/warden_s_test/partitions.svg" % gen
    cases = [([], [product]), (["TESTS=1"], [product, test])]
    results = []
    for extra, want in cases:
        rc, out = run(["make", "graph", "PRESET=host", "PYTHON=" + python]
                      + extra, timeout=300)
        lines = [l for l in out.splitlines() if l.startswith("graph: ")]
        ok = rc == 0 and lines == want
        for path in [l[len("graph: "):] for l in want]:
            dot = os.path.join(ROOT, path[:-len(".svg")] + ".dot")
            ok = ok and os.path.exists(os.path.join(ROOT, path))
            with open(dot) if os.path.exists(dot) else open(os.devnull) as f:
                text = f.read()
            tests_drawn = '"cluster_p_warden_sp_test_client"' in text
            ok = ok and tests_drawn == ("warden_s_test" in path)
        results.append((ok, "make graph " + " ".join(extra), out))
    tally_cases(tally, "make graph", results)


NS_APP = os.path.join(ROOT, "examples", "ns_app")
# What examples/ns_app prints when it ran as expected.
NS_APP_LINES = [
    "[ns_app] built outside Warden, framework version 0x0101, ROT_A "
    "version 1",
    '[ns_app] ROT_A said "Hello World", "Hello World" (status 0)']


def ns_app_run(tally, python, jobs, preset):
    """examples/ns_app configured and built from its own folder against
    build/<preset>/api_ns (the NS export of a built configuration), then
    run: on the host as a program, on an505 by `make run S=... NS=...` with
    the exported secure image."""
    api = os.path.join(ROOT, "build", preset, "api_ns")
    bdir = os.path.join(ROOT, "build", "ns_app", preset)
    configure = ["cmake", "-S", NS_APP, "-B", bdir, "-DWARDEN_API_NS=" + api]
    if preset.startswith("an505"):
        configure.append("-DCMAKE_TOOLCHAIN_FILE=" + os.path.join(
            api, "toolchain-arm-none-eabi.cmake"))
    rc, out = run(configure, timeout=120)
    if rc == 0:
        rc, out = run(["cmake", "--build", bdir, "-j", str(jobs)],
                      timeout=300)
    if rc == 0 and preset.startswith("an505"):
        rc, out = run(["make", "run", "PYTHON=" + python, "JOBS=%d" % jobs,
                       "S=" + os.path.join(api, "bin", "warden_s.elf"),
                       "NS=" + os.path.join(bdir, "ns_app.elf")], timeout=400)
    elif rc == 0:
        rc, out = run([os.path.join(bdir, "ns_app")], timeout=60)
    ok = rc == 0 and all(line in out for line in NS_APP_LINES)
    if not ok:
        show_tail(out)
    tally.add("NS application out of the tree (%s)" % preset, int(ok),
              int(not ok), [] if ok else ["examples/ns_app"])


def fuzzers(tally, python, jobs, seconds):
    """Short runs of every fuzzer (tests/fuzz/fuzzers.py, which make fuzz
    runs long), each replaying its regression inputs first; prints each
    harness's execution count."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "fuzz"))
    import fuzzers as fz  # pylint: disable=import-outside-toplevel
    for step, rc, out in fz.build(python, jobs):
        if rc != 0:
            show_tail(out)
        tally.add(step, int(rc == 0), int(rc != 0), [] if rc == 0 else [step])
        if rc != 0:
            return
    for name in fz.harnesses():
        rc, out, count = fz.run_one(name, python, seconds=seconds)
        ok = rc == 0 and count is not None
        if not ok:
            show_tail(out, 60)
        print("fuzz %s: %s executions" % (name, count))
        tally.add("fuzz %s (%d s)" % (name, seconds), int(ok), int(not ok),
                  [] if ok else [name])


SANITIZED_PRESETS = ["host-asan", "host-ipc-asan"]
# The first report ends the program (-fno-sanitize-recover=all); leaks are
# reported at exit. Stack-use-after-return stays off: its fake stacks put
# NS locals outside the NS regions that the host's memory model registers.
SANITIZER_ENV = dict(os.environ,
                     ASAN_OPTIONS="detect_leaks=1"
                     ":detect_stack_use_after_return=0",
                     UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
SANITIZER_REPORT = re.compile(
    r"ERROR: (AddressSanitizer|LeakSanitizer)|runtime error: ")


def sanitizer_reports(tally, layer, out):
    """A layer's sanitizer reports, each one failure (on top of whatever
    the program's own results said)."""
    reports = SANITIZER_REPORT.findall(out)
    if reports:
        show_tail(out, 60)
        tally.add(layer + ", sanitizer", 0, len(reports),
                  ["%s: sanitizer report" % layer] * len(reports))


def sanitized_unit_tests(tally, preset):
    """The cmocka unit tests of a WARDEN_SANITIZE build, and the sanitizer
    reports in their output."""
    layer, out = unit_tests(tally, preset, SANITIZER_ENV)
    sanitizer_reports(tally, layer, out)


def sanitized_host_runs(tally, preset):
    """The host regression, NSCE and demo programs of a WARDEN_SANITIZE
    build."""
    bindir = "build/%s/bin" % preset
    for name in ("regression", "nsce"):
        layer = "%s (%s)" % (name, preset)
        rc, out = run([bindir + "/warden_ns_" + name], timeout=300,
                      env=SANITIZER_ENV)
        parse_result_lines(tally, layer, rc, out)
        sanitizer_reports(tally, layer, out)
    layer = "demo (%s)" % preset
    rc, out = run([bindir + "/warden_ns_demo"], timeout=120,
                  env=SANITIZER_ENV)
    ok = rc == 0 and "Hello World" in out
    if not ok:
        show_tail(out)
    tally.add(layer, int(ok), int(not ok), [] if ok else ["demo"])
    sanitizer_reports(tally, layer, out)


def sanitizer_canary(tally, preset):
    """tests/sanitize/sanitize_canary.c must die with each sanitizer's
    report: the build is really sanitized, and a report ends a program."""
    layer = "sanitizer canary (%s)" % preset
    names = []
    for mode, want in (("asan", "ERROR: AddressSanitizer: stack-buffer-"
                        "overflow"),
                       ("ubsan", "runtime error: signed integer overflow")):
        rc, out = run(["build/%s/bin/sanitize_canary" % preset, mode],
                      timeout=60, env=SANITIZER_ENV)
        if rc == 0 or want not in out:
            show_tail(out)
            names.append("%s: no report (exit %d)" % (mode, rc))
    tally.add(layer, 2 - len(names), len(names), names)


def sanitized_unit_layer(tally, python, jobs):
    """The unit tests under AddressSanitizer and UndefinedBehaviorSanitizer
    (WARDEN_SANITIZE=ON, host-asan: they do not depend on the backend), and
    the canary that shows the build is sanitized."""
    if build(tally, "host-asan", python, jobs):
        sanitizer_canary(tally, "host-asan")
        sanitized_unit_tests(tally, "host-asan")


def sanitized_runs(tally, python, jobs):
    """The regression, NSCE and demo programs of both backends under the
    sanitizers."""
    for preset in SANITIZED_PRESETS:
        targets = [] if preset == "host-asan" else [
            "warden_ns_regression", "warden_ns_nsce", "warden_ns_demo"]
        if build(tally, preset, python, jobs, targets):
            sanitized_host_runs(tally, preset)


def base_preset(preset):
    """The preset a variant builds on: an505-ipc-l1-fp is an505-ipc-l1
    with floating point (CMakePresets.json)."""
    return preset[:-len("-fp")] if preset.endswith("-fp") else preset


def qemu_runs(tally, python, preset):
    """The NS test images with the test secure image, the demo with the
    product image."""
    bindir = "build/%s/bin" % preset
    base = [python, "tools/qemu_run.py", "--secure",
            bindir + "/warden_s_test.elf"]
    product = [python, "tools/qemu_run.py", "--secure",
               bindir + "/warden_s.elf"]
    # -icount: guest time is instructions, so interrupt tests are exact.
    rc, out = run(base + ["--icount", "--ns",
                          bindir + "/warden_ns_regression.elf",
                          "--timeout", "300"], timeout=400)
    if "ipc" in preset:
        out += wx_victim_reports(out)
        out += victim_reasons(out)
    parse_result_lines(tally, "regression (QEMU %s)" % preset, rc, out)
    rc, out = run(base + ["--icount", "--ns", bindir + "/warden_ns_nsce.elf",
                          "--timeout", "300"], timeout=400)
    parse_result_lines(tally, "nsce (QEMU %s)" % preset, rc, out)
    qemu_soak(tally, python, preset)
    qemu_attack(tally, python, preset)
    rc, out = run(product + ["--ns", bindir + "/warden_ns_demo.elf",
                             "--timeout", "120"], timeout=200)
    ok = rc == 0 and "Hello World" in out
    if not ok:
        show_tail(out)
    tally.add("demo (QEMU %s)" % preset, int(ok), int(not ok),
              [] if ok else ["demo"])
    fault_runs(tally, python, preset)
    wx_runs(tally, python, preset)
    mmio_run(tally, python, preset)
    irq_runs(tally, python, preset)
    if base_preset(preset).endswith(("-l2", "-l3")):
        isolation_runs(tally, python, preset)
    if base_preset(preset) != preset:
        fp_runs(tally, python, preset)


def stopped_run(python, secure, ns, marker, settle=0.0):
    """A run that does not end by itself (a reset, a halt), stopped once
    the console shows @marker: its output, or None if it never did."""
    rc, out = run([python, "tools/qemu_run.py", "--secure", secure, "--ns",
                   ns, "--timeout", "60", "--stop-at", marker, "--settle",
                   str(settle)], timeout=120)
    return out if rc == 125 else None


def expect_console(tally, layer, out, texts, absent=()):
    """One test: @out (None: the run did not stop as it should) shows every
    text of @texts and none of @absent."""
    ok = out is not None and all(t in out for t in texts) and \
        not any(t in out for t in absent)
    if not ok:
        show_tail(out or "(the run did not reach its marker)")
    tally.add(layer, int(ok), int(not ok), [] if ok else [layer])


def fault_runs(tally, python, preset):
    """The fault policy on QEMU (docs/backends.md), default policies: a
    partition's fault terminates it (both backends), an NS fault resets
    the device, the watchdog and an unclaimed NMI reset it (isolation
    levels 1 and 2); each reset is told at the next boot."""
    bindir = "build/%s/bin/" % preset
    secure = bindir + "warden_s_test.elf"
    rc, out = run([python, "tools/qemu_run.py", "--secure", secure, "--ns",
                   bindir + "warden_ns_fault_partition.elf", "--timeout",
                   "60"], timeout=120)
    parse_result_lines(tally, "partition fault (QEMU %s)" % preset, rc, out)
    if "ipc" in preset:
        stack_overflow_run(tally, python, preset)
    out = stopped_run(python, secure, bindir + "warden_ns_fault.elf",
                      "[Warden] last reset: a Non-secure fault")
    expect_console(tally, "NS fault resets (QEMU %s)" % preset, out,
                   ["FATAL: SecureFault", "[Warden] Non-secure fault: reset"],
                   ["not stopped"])
    # The victim starts the secure watchdog and pends an NMI, which only
    # privileged code can do: at isolation level 3 no partition is
    # privileged. The watchdog's and the NMI's paths are the same code at
    # every level, tested at levels 1 and 2.
    if base_preset(preset).endswith("-l3"):
        return
    # Only the NMI handler records "the watchdog": the record told at the
    # next boot shows that the NMI was handled and the device came back.
    out = stopped_run(python, secure, bindir + "warden_ns_fault_watchdog.elf",
                      "[Warden] last reset: the watchdog")
    expect_console(tally, "watchdog resets (QEMU %s)" % preset, out,
                   ["NS: a call that does not return"], ["FAIL"])
    out = stopped_run(python, secure, bindir + "warden_ns_fault_nmi.elf",
                      "[Warden] last reset: a fault of the SPM")
    expect_console(tally, "NMI resets (QEMU %s)" % preset, out,
                   ["FATAL: NMI", "[Warden] SPM fault: reset"], ["FAIL"])


def stack_overflow_run(tally, python, preset):
    """A partition thread's frame bigger than its stack (IPC backend): its
    stack limit stops it, the console says so in words with the manifest's
    stack_size and no register dump, and under `terminate` its clients get
    errors while the others keep serving."""
    bindir = "build/%s/bin/" % preset
    rc, out = run([python, "tools/qemu_run.py", "--secure",
                   bindir + "warden_s_test.elf", "--ns",
                   bindir + "warden_ns_fault_stack.elf", "--timeout", "60"],
                  timeout=120)
    parse_result_lines(tally, "partition stack overflow (QEMU %s)" % preset,
                       rc, out)
    expect_console(tally, "stack overflow told (QEMU %s)" % preset, out,
                   ["[Warden] stack overflow in partition "
                    "WARDEN_SP_VICTIM_FAULT (stack_size 1024): terminate"],
                   ["FATAL", "CFSR", ") faulted"])


def mmio_run(tally, python, preset):
    """The MMIO regions (tests/regression/mmio): the partition that owns
    TFM_PERIPHERAL_TIMER0 reads it; the NS side's read of its Non-secure
    alias (Non-secure in the SAU) is refused by the timer's PPC, a precise
    BusFault at that address (a SecureFault would be the SAU's), and the
    Non-secure fault policy resets the device."""
    bindir = "build/%s/bin/" % preset
    out = stopped_run(python, bindir + "warden_s_test.elf",
                      bindir + "warden_ns_mmio.elf",
                      "[Warden] last reset: a Non-secure fault")
    expect_console(tally, "MMIO regions (QEMU %s)" % preset, out,
                   ["PASS: mmio/owner_reads_timer0", "FATAL: BusFault",
                    "CFSR=0x00008200", "BFAR=0x40000000",
                    "[Warden] Non-secure fault: reset"],
                   ["not stopped", "FAIL"])


def uart1_line(out, path):
    """The PASS/FAIL line of the UART test's output: UART1 (the file
    qemu_run.py --uart1 wrote) received exactly the text the suite says
    it sent, in order."""
    sent = "".join(re.findall(r'^\[irq\] uart1 sent "(.*)"\r?$', out, re.M))
    try:
        with open(path, "rb") as f:
            got = f.read().decode(errors="replace")
    except OSError:
        got = None
    if sent and got == sent:
        return "\nPASS: irq_uart/uart1_received\n"
    return "\nFAIL: irq_uart/uart1_received (UART1 got %r, the suite sent " \
        "%r)\n" % (got, sent)


# The misuses of the IRQ API (tests/partitions/irq/irq_test.h,
# IRQ_VICTIM): number, name, the API, the signal it passes, and the kind
# of refusal. Cases 1..20 pass each bad signal to each API; 21..26 break
# the handling rules with a signal of the victim's own (31: its SLIH, 30:
# its FLIH).
IRQ_VICTIM, IRQ_VICTIM_PID = "WARDEN_SP_IRQ_VICTIM", 3202
IRQ_SLIH, IRQ_FLIH = 0x80000000, 0x40000000
IRQ_APIS = [("enable", "psa_irq_enable"), ("disable", "psa_irq_disable"),
            ("eoi", "psa_eoi"), ("reset", "psa_reset_signal")]
IRQ_BAD_SIGNALS = [("zero", 0, "zero"),
                   ("two_bits", IRQ_SLIH | IRQ_FLIH, "bits"),
                   ("service", 0x10, "not_irq"),
                   ("doorbell", 0x8, "not_irq"),
                   ("peer", 0x20000000, "not_irq")]
IRQ_MISUSE_CASES = [
    (1 + len(IRQ_BAD_SIGNALS) * a + b, "%s_%s" % (short, bad), api, sig, kind)
    for a, (short, api) in enumerate(IRQ_APIS)
    for b, (bad, sig, kind) in enumerate(IRQ_BAD_SIGNALS)] + [
    (21, "eoi_flih", "psa_eoi", IRQ_FLIH, "flih"),
    (22, "reset_slih", "psa_reset_signal", IRQ_SLIH, "slih"),
    (23, "eoi_never_asserted", "psa_eoi", IRQ_SLIH, "not_asserted"),
    (24, "eoi_twice", "psa_eoi", IRQ_SLIH, "not_asserted"),
    (25, "reset_never_asserted", "psa_reset_signal", IRQ_FLIH,
     "not_asserted"),
    (26, "reset_twice", "psa_reset_signal", IRQ_FLIH, "not_asserted")]
# What the refusal of each kind says after "<api>(0x<signal>): "
# (spm/irq.c).
IRQ_REFUSALS = {
    "zero": r"^not exactly one signal$",
    "bits": r"^not exactly one signal$",
    "not_irq": r"^not an IRQ signal of the partition$",
    "flih": r"^a FLIH signal \(psa_reset_signal\(\) clears it\)$",
    "slih": r"^an SLIH signal \(psa_eoi\(\) ends it\)$",
    "not_asserted": r"^the signal is not asserted$"}
# Isolation levels 2 and 3: the victim's FLIH faults (its fault report,
# then its partition's line, "faulted in a FLIH function"), and the
# victim stops under `terminate`: case, name, what the report says.
IRQ_FLIH_FAULT_CASES = [
    (27, "flih_writes_spm_memory", r"MPU: data write at .* by unprivileged "
                                   r"code: outside its boundary"),
    (28, "flih_calls_the_psa_api", r"FATAL: SVC refused")]
IRQ_FLIH_FAULTED = re.compile(
    r"^\[Warden\] partition (\S+) \((\d+), unprivileged, isolation level "
    r"\d\) faulted in a FLIH function: terminate\r?$", re.M)
# A partition stopped by the SPM for a misuse of the IRQ API: who, its
# pid, the API, the signal, the reason, the policy.
IRQ_REFUSAL = re.compile(r"^\[Warden\] partition (\S+) \((\d+)\) stopped: "
                         r"(\w+)\(0x([0-9a-fA-F]{8})\): (.*): (\w+)\r?$",
                         re.M)
# Any partition's stop: who, its pid, how (stopped by the SPM, its
# psa_panic(), a fault), the policy.
PARTITION_STOP = re.compile(r"^\[Warden\] partition (\S+) \((\d+)[^)]*\) "
                            r"(stopped|called psa_panic\(\)|faulted)"
                            r"(?:: .*)?: (\w+)\r?$", re.M)


def irq_misuse_line(out, num, name, api, signal, kind):
    """The PASS/FAIL line of one misuse case: after the image's "[irq]
    misuse case N" line, the secure console says once that the SPM
    stopped the victim for its call, with the API, the signal and the
    reason of the case, under `terminate`, and nobody else stopped."""
    at = re.search(r"^\[irq\] misuse case %d\r?$" % num, out, re.M)
    if not at:
        return "FAIL: irq_misuse/%s (the case did not run)" % name
    seg = out[at.end():]
    refusals = list(IRQ_REFUSAL.finditer(seg))
    stops = list(PARTITION_STOP.finditer(seg))
    why = ""
    if len(refusals) != 1:
        why = "%d refusal lines" % len(refusals)
    else:
        who, pid, got_api, got_sig, reason, policy = refusals[0].groups()
        if (who, got_api, int(got_sig, 16)) != (IRQ_VICTIM, api, signal):
            why = "refused %s(0x%s) of %s, not %s(0x%08x)" % (
                got_api, got_sig, who, api, signal)
        elif not re.search(IRQ_REFUSALS[kind], reason):
            why = "the reason %r is not a %s refusal" % (reason, kind)
        elif (pid, policy) != (str(IRQ_VICTIM_PID), "terminate") or \
                len(stops) != 1:
            why = "not the victim alone stopped, under terminate"
    return "%s: irq_misuse/%s%s" % ("FAIL" if why else "PASS", name,
                                    " (%s)" % why if why else "")


def irq_flih_fault_line(out, num, name, report):
    """The PASS/FAIL line of one FLIH fault case: after the image's "[irq]
    misuse case N" line, the fault's report, then once the victim's line
    (faulted in a FLIH function, terminate), and nobody else stopped."""
    at = re.search(r"^\[irq\] misuse case %d\r?$" % num, out, re.M)
    if not at:
        return "FAIL: irq_flih_fault/%s (the case did not run)" % name
    seg = out[at.end():]
    said = re.search(report, seg)
    faulted = list(IRQ_FLIH_FAULTED.finditer(seg))
    why = ""
    if not said:
        why = "no report matching %r" % report
    elif len(faulted) != 1 or faulted[0].groups() != (
            IRQ_VICTIM, str(IRQ_VICTIM_PID)) or \
            faulted[0].start() < said.end():
        why = "not one FLIH fault line of the victim after the report"
    elif len(PARTITION_STOP.findall(seg)) != 0:
        why = "a partition stopped outside a FLIH"
    return "%s: irq_flih_fault/%s%s" % ("FAIL" if why else "PASS", name,
                                        " (%s)" % why if why else "")


def irq_runs(tally, python, preset):
    """The secure interrupts (tests/regression/irq) against their secure
    image warden_s_irq: the suites (with UART1's output in a file, which
    must hold what the UART test sent), the burst (its line of figures
    printed), and one image per misuse of the IRQ API, each refused with
    its reason and the victim stopped under `terminate`."""
    bindir = "build/%s/bin/" % preset
    secure = bindir + "warden_s_irq.elf"
    with tempfile.TemporaryDirectory() as tmp:
        uart1 = os.path.join(tmp, "uart1.txt")
        rc, out = run([python, "tools/qemu_run.py", "--icount", "--secure",
                       secure, "--ns", bindir + "warden_ns_irq.elf",
                       "--uart1", uart1, "--timeout", "120"], timeout=200)
        out += uart1_line(out, uart1)
    # The suites misuse nothing: no partition may stop (an IRQ-only
    # partition at boot, a partition at its first interrupt).
    stops = PARTITION_STOP.findall(out)
    out += "\n%s: irq/no_partition_stopped%s\n" % (
        ("FAIL", " (%s %s)" % (stops[0][0], stops[0][2])) if stops
        else ("PASS", ""))
    parse_result_lines(tally, "secure interrupts (QEMU %s)" % preset, rc,
                       out)
    rc, out = run([python, "tools/qemu_run.py", "--icount", "--secure",
                   secure, "--ns", bindir + "warden_ns_irq_burst.elf",
                   "--timeout", "300"], timeout=400)
    for line in re.findall(r"^irq burst: .*$", out, re.M):
        print(line.rstrip())
    parse_result_lines(tally, "IRQ burst (QEMU %s)" % preset, rc, out)
    outs, lines, status = [], [], 0
    for num, name, api, signal, kind in IRQ_MISUSE_CASES:
        rc, out = run([python, "tools/qemu_run.py", "--secure", secure,
                       "--ns", bindir + "warden_ns_irq_misuse_%d.elf" % num,
                       "--timeout", "60"], timeout=120)
        status |= rc
        outs.append(out)
        lines.append(irq_misuse_line(out, num, name, api, signal, kind))
    parse_result_lines(tally, "IRQ API misuse (QEMU %s)" % preset, status,
                       "\n".join(outs + lines) + "\n")
    if not base_preset(preset).endswith(("-l2", "-l3")):
        return  # at level 1 a FLIH's fault is the SPM's (a reset)
    outs, lines, status = [], [], 0
    for num, name, report in IRQ_FLIH_FAULT_CASES:
        rc, out = run([python, "tools/qemu_run.py", "--secure", secure,
                       "--ns", bindir + "warden_ns_irq_misuse_%d.elf" % num,
                       "--timeout", "60"], timeout=120)
        status |= rc
        outs.append(out)
        lines.append(irq_flih_fault_line(out, num, name, report))
    parse_result_lines(tally, "FLIH faults (QEMU %s)" % preset, status,
                       "\n".join(outs + lines) + "\n")


def fp_runs(tally, python, preset):
    """The floating-point test (tests/regression/fp) against its secure
    image warden_s_fp: its lines of figures printed, its PASS/FAIL lines,
    and one more: the only partition stopped is FP_VICTIM, which faults
    on purpose (under the default policy, `terminate`)."""
    bindir = "build/%s/bin/" % preset
    rc, out = run([python, "tools/qemu_run.py", "--icount", "--secure",
                   bindir + "warden_s_fp.elf", "--ns",
                   bindir + "warden_ns_fp.elf", "--timeout", "300"],
                  timeout=400)
    for line in re.findall(r"^fp: .*$", out, re.M):
        print(line.rstrip())
    stops = [m.group(1) for m in PARTITION_STOP.finditer(out)]
    out += "\n%s: fp/only_the_victim_stopped%s\n" % (
        ("PASS", "") if stops == ["WARDEN_SP_FP_VICTIM"]
        else ("FAIL", " (%s)" % (", ".join(stops) or "none")))
    parse_result_lines(tally, "floating point (QEMU %s)" % preset, rc, out)


# The W^X cases of tests/partitions/wx/wx_bad.h: number, name, and CFSR
# as the Secure MPU's MemManage fault must leave it: IACCVIOL for an
# execution; DACCVIOL and MMARVALID (MMFAR holds the address) for a write;
# nothing else (no bit left over from an earlier fault of the run).
CFSR_IACCVIOL, CFSR_DACCVIOL = 0x01, 0x82
WX_CASES = [(1, "write_code", CFSR_DACCVIOL),
            (2, "write_rodata", CFSR_DACCVIOL),
            (3, "exec_stack", CFSR_IACCVIOL),
            (4, "exec_data", CFSR_IACCVIOL),
            (5, "write_veneer", CFSR_DACCVIOL),
            (6, "exec_spare", CFSR_IACCVIOL),
            (7, "exec_psram", CFSR_IACCVIOL),
            (8, "exec_rodata", CFSR_IACCVIOL)]
# The cases whose writes an unprivileged partition may not make at all.
WX_UNPRIV_WRITE_REFUSED = ["exec_spare", "exec_psram"]
# The cases the IPC regression image's victims do (ns_ipc_an505.c).
WX_VICTIMS = ["write_code", "write_rodata", "exec_stack", "exec_data"]


def memmanage_report(out, cfsr):
    """True if the first fault report in out is a MemManage with CFSR
    cfsr."""
    m = re.search(r"FATAL: (\w+).*\n.*\n\s*CFSR=0x([0-9a-fA-F]{8})", out)
    return bool(m) and m.group(1) == "MemManage" and \
        int(m.group(2), 16) == cfsr


def wx_victim_reports(out):
    """PASS/FAIL lines: after each "[wx] <case>" marker of the IPC
    regression image, the secure console reported a MemManage fault with
    the case's CFSR (the victim's own PASS line says it was stopped)."""
    cfsrs = {name: cfsr for _, name, cfsr in WX_CASES}
    lines = []
    for name in WX_VICTIMS:
        at = re.search(r"^\[wx\] %s\r?$" % name, out, re.M)
        ok = bool(at) and memmanage_report(out[at.end():], cfsrs[name])
        lines.append("%s: wx/%s_report" % ("PASS" if ok else "FAIL", name))
    return "\n" + "\n".join(lines) + "\n"


# The victims of the IPC suite (tests/partitions/ipc_test/victim_*.c) and
# what the secure console must say when they are stopped: after
# "[Warden] partition <name> (<pid>) ", the SPM's reason, or psa_panic().
VICTIM_REASONS = [
    ("WARDEN_SP_VICTIM_GET",
     r"stopped: psa_get: signal 0x[0-9a-f]{8} is not asserted"),
    ("WARDEN_SP_VICTIM_REPLY",
     r"stopped: psa_reply: 0x[0-9a-f]{8} is not a message the partition "
     r"got"),
    ("WARDEN_SP_VICTIM_READ", r"stopped: psa_read: invec 5 does not exist"),
    ("WARDEN_SP_VICTIM_WRITE",
     r"stopped: psa_write: 5 bytes do not fit in outvec 0 \(4 bytes "
     r"left\)"),
    ("WARDEN_SP_VICTIM_WAIT",
     r"stopped: psa_wait: no signal of the partition in 0x40000000"),
    ("WARDEN_SP_VICTIM_PANIC", r"called psa_panic\(\)")]


def victim_reasons(out):
    """PASS/FAIL lines: each victim of the IPC suite was stopped once, the
    secure console saying which call broke which rule (or that it called
    psa_panic()), under `terminate`."""
    lines = []
    for name, reason in VICTIM_REASONS:
        said = re.findall(r"^\[Warden\] partition %s \(\d+\) ([^\r\n]*)"
                          % name, out, re.M)
        ok = len(said) == 1 and bool(
            re.fullmatch(reason + r": terminate", said[0]))
        lines.append("%s: victim_reason/%s%s" % (
            "PASS" if ok else "FAIL", name,
            "" if ok else " (said %r)" % said))
    return "\n" + "\n".join(lines) + "\n"


def wx_runs(tally, python, preset):
    """One NS image per W^X case asks the WX partition to break the secure
    side's W^X map: the Secure MPU's MemManage report (with the case's CFSR)
    must follow, and the fault policy's outcome: `terminate` (the
    default, both backends) stops the partition, the call fails with
    PSA_ERROR_SERVICE_FAILURE and the NS image ends with 0."""
    bindir = "build/%s/bin" % preset
    want_rc = 0
    names = []
    for num, name, cfsr in WX_CASES:
        # Behind the MPU (isolation levels 2 and 3) the WX partition cannot
        # even write the spare code area or the PSRAM: it is stopped at the
        # write, before it could run what it wrote.
        if name in WX_UNPRIV_WRITE_REFUSED and not base_preset(preset).endswith(
                ("-sfn", "-l1")):
            cfsr = CFSR_DACCVIOL
        rc, out = run([python, "tools/qemu_run.py", "--secure",
                       bindir + "/warden_s_test.elf", "--ns",
                       "%s/warden_ns_wx_%d.elf" % (bindir, num),
                       "--timeout", "60"], timeout=120)
        if rc != want_rc or not memmanage_report(out, cfsr):
            show_tail(out)
            names.append("%s: exit %d" % (name, rc))
    tally.add("W^X faults (QEMU %s)" % preset, len(WX_CASES) - len(names),
              len(names), names)


# The isolation cases (tests/regression/isolation, levels 2 and 3): name,
# the secure console's report when the offender is stopped, and the levels
# at which the access is allowed (the offender serves, nothing reported).
# Reports: "data" a MemManage with DACCVIOL and MMARVALID, MMFAR the
# address the NS image names (if it names one); "exec" a MemManage with
# IACCVIOL; "svc" an SVC refused; "panic" no fault: the SPM refuses the
# vector, a programmer error of its (secure) caller, which it stops saying
# so (ISO_PANIC_REASONS).
ISO_CASES = [("read_psa_data", "data", ()),
             ("write_psa_data", "data", ()),
             ("read_spm_data", "data", ()),
             ("invec_psa_data", "panic", ()),
             ("outvec_psa_data", "panic", ()),
             ("read_psa_mmio", "data", ()),
             ("read_arot_mmio", "data", ()),
             ("read_peer_data", "data", ("2",)),
             ("read_peer_stack", "data", ("2",)),
             ("svc_unknown", "svc", ()),
             ("svc_hole", "svc", ()),
             ("svc_return", "svc", ()),
             ("exec_data", "exec", ()),
             ("psa_writes_arot", "data", ("2",))]
# Who must be stopped, when not a victim of tests/partitions/isolation.
# What the SPM says when it stops the caller of a "panic" case.
ISO_PANIC_REASONS = {
    "invec_psa_data": r"psa_call: the partition may not read invec 0 "
                      r"\(0x[0-9a-f]{8}, 4 bytes\)",
    "outvec_psa_data": r"psa_call: the partition may not write outvec 0 "
                       r"\(0x[0-9a-f]{8}, 4 bytes\)"}
ISO_OFFENDERS = {"exec_data": "WARDEN_SP_VICTIM_WX_EXEC_DATA",
                 "psa_writes_arot": "WARDEN_SP_ISO_PSA"}
# What a case that is served must answer (iso_test.h): what it read.
ISO_WORDS = {"read_peer_data": 0xA9907A7A, "psa_writes_arot": 0x0B5E55ED}


def iso_report_ok(seg, name, report, addr):
    """True if segment seg (between case name's two lines) holds the
    report and the stop of the case's offender that report names."""
    fatal = re.findall(r"FATAL: ([\w ]+?) \(exception.*\n.*\n\s*CFSR=0x"
                       r"([0-9a-fA-F]{8})(.*)", seg)
    if report == "panic":
        return not fatal and bool(re.search(
            r"\) stopped: %s: terminate\r?$" % ISO_PANIC_REASONS[name], seg,
            re.M))
    if len(fatal) != 1 or "faulted: terminate" not in seg:
        return False
    kind, cfsr, rest = fatal[0][0], int(fatal[0][1], 16), fatal[0][2]
    if report == "svc":
        return kind == "SVC refused"
    if report == "exec":
        return kind == "MemManage" and cfsr == CFSR_IACCVIOL
    mmfar = re.search(r"MMFAR=0x([0-9a-fA-F]{8})", rest)
    return kind == "MemManage" and cfsr == CFSR_DACCVIOL and bool(mmfar) \
        and (addr == 0 or int(mmfar.group(1), 16) == addr)


def iso_case_line(out, name, report, allowed, level):
    """The PASS/FAIL line of one isolation case in run output out."""
    m = re.search(r"^\[iso\] case %s at 0x([0-9a-f]{8})\r?$(.*?)"
                  r"^\[iso\] %s: (\w+) \(-?\d+\), word 0x([0-9a-f]{8}), "
                  r"others (serve|do not serve)\r?$" % (name, name),
                  out, re.M | re.S)
    if not m:
        return "FAIL: iso/%s (the case did not run to its end)" % name
    addr, seg, outcome, word = int(m.group(1), 16), m.group(2), m.group(3), \
        int(m.group(4), 16)
    stops = [m.group(1) for m in PARTITION_STOP.finditer(seg)]
    if m.group(5) != "serve":
        why = "another partition stopped serving"
    elif level in allowed:
        ok = outcome == "served" and not stops and "FATAL" not in seg and \
            ISO_WORDS.get(name, word) == word
        why = "" if ok else "refused where it is allowed"
    else:
        offender = ISO_OFFENDERS.get(name, "WARDEN_SP_ISO_VICTIM_")
        ok = outcome == "stopped" and len(stops) == 1 and \
            stops[0].startswith(offender) and \
            iso_report_ok(seg, name, report, addr)
        why = "" if ok else "not stopped as it must be (%s)" % outcome
    return "%s: iso/%s%s" % ("FAIL" if why else "PASS", name,
                             " (%s)" % why if why else "")


def isolation_runs(tally, python, preset):
    """The isolation boundaries (tests/regression/isolation), levels 2 and
    3: two NS images ask one victim per case to cross a boundary; each
    case must end as its level says (ISO_CASES): stopped alone, with the
    secure console's report, every other partition still serving, or
    served where the level allows it. At level 2, an SVC from Handler mode
    (a PSA-RoT partition's SysTick handler) is an SPM fault that resets the
    device; at level 3 no partition is privileged, so none can start the
    SysTick: the SVC interface's check is the same code at both levels."""
    bindir = "build/%s/bin/" % preset
    secure = bindir + "warden_s_test.elf"
    level = base_preset(preset)[-1]
    outs, status = [], 0
    for batch in (1, 2):
        rc, out = run([python, "tools/qemu_run.py", "--secure", secure,
                       "--ns", bindir + "warden_ns_isolation_%d.elf" % batch,
                       "--timeout", "60"], timeout=120)
        status |= rc
        if not re.search(r"^\[iso\] done\r?$", out, re.M):
            out += "\nFAIL: iso/batch_%d (did not end)\n" % batch
        outs.append(out)
    out = "\n".join(outs)
    lines = [iso_case_line(out, name, report, allowed, level)
             for name, report, allowed in ISO_CASES]
    parse_result_lines(tally, "isolation violations (QEMU %s)" % preset,
                       status, out + "\n" + "\n".join(lines) + "\n")
    if level != "2":
        return
    out = stopped_run(python, secure,
                      bindir + "warden_ns_isolation_handler_svc.elf",
                      "[Warden] last reset: a fault of the SPM")
    expect_console(tally, "SVC from Handler mode (QEMU %s)" % preset, out,
                   ["FATAL: SVC refused", "EXC_RETURN=0xfffffff1",
                    "[Warden] SPM fault: reset"], ["was not refused"])


def memcheck_run(tally, python, preset):
    """The real Armv8-M arch_check_caller_range() (TT, the AN505 as Warden
    sets it up, the NS MPU off and programmed) against the reference model
    of tests/memcheck/, in an image of its own with no NS image."""
    rc, out = run([python, "tools/qemu_run.py", "--secure",
                   "build/%s/bin/warden_s_memcheck.elf" % preset,
                   "--timeout", "120"], timeout=200)
    parse_result_lines(tally, "memcheck (QEMU %s)" % preset, rc, out)


def spm_stack_check(tally, python, preset):
    """The IPC backend's SPM stack holds the high-water mark of the QEMU
    suites (with the test image), of the secure interrupt suites and
    burst (with warden_s_irq), of the demo (with the product image) and on
    a floating-point preset of the FP test (with warden_s_fp: NS tasks and
    ticks holding FP state, the deepest frames) plus the margin
    (tools/spm_stack.py). The marks go to build/spm_stack.json; where
    bench/spm_stack.json (the docs' SPM stack table, tools/docs_figures.py)
    has the preset, they must be the ones it has."""
    bindir = "build/%s/bin" % preset
    outs, status = [], 0
    record = os.path.join(ROOT, "build", "spm_stack.json")
    measured = read_json(record)
    measured.pop(preset, None)
    with open(record, "w") as f:
        json.dump(measured, f, indent=1)
    runs = [("warden_s_test", ("regression", "nsce", "soak")),
            ("warden_s_irq", ("irq", "irq_burst")),
            ("warden_s", ("demo",))]
    if base_preset(preset) != preset:
        runs.append(("warden_s_fp", ("fp",)))
    for secure, images in runs:
        cmd = [python, "tools/spm_stack.py", "--check", "--secure",
               "%s/%s.elf" % (bindir, secure), "--record", record,
               "--preset", preset]
        for ns in images:
            cmd += ["--ns", "%s/warden_ns_%s.elf" % (bindir, ns)]
        rc, out = run(cmd, timeout=1800)
        print("\n".join(l for l in out.splitlines()
                        if l.startswith("spm stack")))
        outs.append(out)
        status |= rc
    outs.append(spm_stack_record_line(preset, read_json(record)))
    parse_result_lines(tally, "SPM stack (QEMU %s)" % preset, status,
                       "\n".join(outs))


def read_json(path):
    """The JSON object in path, or {} if there is no such file."""
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f)


def spm_stack_record_line(preset, measured):
    """PASS/FAIL of the marks measured for preset against those
    bench/spm_stack.json has for it (none: nothing to compare)."""
    committed = read_json(os.path.join(ROOT, "bench", "spm_stack.json"))
    if preset not in committed:
        return ""
    want, got = committed[preset], measured.get(preset, {})
    if want == got:
        return "PASS: spm_stack/record (bench/spm_stack.json)"
    return ("FAIL: spm_stack/record (measured %s, bench/spm_stack.json has "
            "%s: where the change is meant, python3 tools/docs_figures.py "
            "--spm-stack build/spm_stack.json updates the record and the "
            "docs' table)" % (json.dumps(got, sort_keys=True),
                              json.dumps(want, sort_keys=True)))


def qemu_figures_run(python, preset, image, figures, timeout):
    """Runs NS image warden_ns_<image>.elf with the preset's test secure
    image under -icount (the ticks land at the same places on every run), prints
    its line of figures ("<figures>: ...") and returns (status, output)."""
    bindir = "build/%s/bin" % preset
    rc, out = run([python, "tools/qemu_run.py", "--icount", "--secure",
                   bindir + "/warden_s_test.elf", "--ns",
                   "%s/warden_ns_%s.elf" % (bindir, image), "--timeout",
                   str(timeout)], timeout=timeout + 100)
    line = re.search(r"^%s: .*$" % figures, out, re.M)
    if line:
        print(line.group(0))
    return rc, out


def qemu_soak(tally, python, preset):
    """NS tasks preempted inside secure calls: nothing lost or
    misattributed."""
    rc, out = qemu_figures_run(python, preset, "soak", "soak", 600)
    parse_result_lines(tally, "soak (QEMU %s)" % preset, rc, out)


def qemu_attack(tally, python, preset):
    """The NS attack suite: besides its own PASS/FAIL lines, the secure
    console must not report a secure fault or a partition stopped (nothing
    NS does may be blamed on a partition)."""
    rc, out = qemu_figures_run(python, preset, "attack", "attack", 300)
    blamed = re.findall(r"^.*(?:FATAL|faulted|stopped|psa_panic|terminate)"
                        r".*$", out, re.M)
    if blamed:
        out += "\nFAIL: attack/nothing_blamed (%s)\n" % blamed[0].strip()
    else:
        out += "\nPASS: attack/nothing_blamed\n"
    parse_result_lines(tally, "NS attack suite (QEMU %s)" % preset, rc, out)


# Builds of a preset with other settings: folder name -> (preset, -D...).
VARIANTS = {
    "host-nsce-off": ("host", ["-DTFM_NS_MANAGE_NSID=OFF"]),
    "an505-sfn-nsce-off": ("an505-sfn", ["-DTFM_NS_MANAGE_NSID=OFF"]),
    # NSCE from privileged NS threads too, with more context slots than the
    # NSID manager once held (nsce_priv_runs()).
    "host-nsce-priv": ("host", ["-DWARDEN_NSCE_PRIVILEGED_THREAD=ON",
                                "-DWARDEN_NS_CONTEXT_SLOTS=12"]),
    "an505-ipc-l1-nsce-priv": ("an505-ipc-l1",
                               ["-DWARDEN_NSCE_PRIVILEGED_THREAD=ON",
                                "-DWARDEN_NS_CONTEXT_SLOTS=12"]),
    # A secure context per NS context (ns_context_runs()), with the
    # completion interrupt built in (ns_completion_runs(); the NS images
    # that do not turn it on see no difference).
    "host-ipc-nsctx": ("host-ipc", ["-DWARDEN_NS_SECURE_CONTEXTS=ON"]),
    "an505-ipc-l1-nsctx": ("an505-ipc-l1",
                           ["-DWARDEN_NS_SECURE_CONTEXTS=ON",
                            "-DWARDEN_NS_COMPLETION_IRQ=ON",
                            "-DWARDEN_NS_CONTEXT_SLOTS=10"]),
    "an505-ipc-l3-nsctx": ("an505-ipc-l3",
                           ["-DWARDEN_NS_SECURE_CONTEXTS=ON",
                            "-DWARDEN_NS_COMPLETION_IRQ=ON",
                            "-DWARDEN_NS_CONTEXT_SLOTS=10"]),
    "an505-sfn-nsctx": ("an505-sfn",
                        ["-DWARDEN_NS_SECURE_CONTEXTS=ON",
                         "-DWARDEN_NS_CONTEXT_SLOTS=10"]),
    "an505-ipc-l1-fp-nsctx": ("an505-ipc-l1-fp",
                              ["-DWARDEN_NS_SECURE_CONTEXTS=ON"]),
    "host-halt": ("host", ["-DWARDEN_FAULT_POLICY=halt"]),
    "host-reset": ("host", ["-DWARDEN_FAULT_POLICY=reset"]),
    "an505-sfn-halt": ("an505-sfn", ["-DWARDEN_FAULT_POLICY=halt"]),
    "an505-sfn-reset": ("an505-sfn", ["-DWARDEN_FAULT_POLICY=reset"]),
    "host-mmiovec": ("host", ["-DPSA_FRAMEWORK_HAS_MM_IOVEC=ON"]),
    "host-ipc-mmiovec": ("host-ipc", ["-DPSA_FRAMEWORK_HAS_MM_IOVEC=ON"]),
    "an505-sfn-mmiovec": ("an505-sfn", ["-DPSA_FRAMEWORK_HAS_MM_IOVEC=ON"]),
    "an505-ipc-l1-mmiovec": ("an505-ipc-l1",
                             ["-DPSA_FRAMEWORK_HAS_MM_IOVEC=ON"]),
    "an505-ipc-l2-mmiovec": ("an505-ipc-l2",
                             ["-DPSA_FRAMEWORK_HAS_MM_IOVEC=ON"]),
    "an505-ipc-l3-mmiovec": ("an505-ipc-l3",
                             ["-DPSA_FRAMEWORK_HAS_MM_IOVEC=ON"]),
    # The float ABIs of the two sides, independently (fp_abi_runs()).
    "an505-ipc-l1-ns-hard": ("an505-ipc-l1", ["-DWARDEN_NS_FLOAT_ABI=hard"]),
    "an505-sfn-ns-softfp": ("an505-sfn", ["-DWARDEN_NS_FLOAT_ABI=softfp"]),
    "an505-ipc-l1-s-hard-ns-soft": ("an505-ipc-l1",
                                    ["-DCONFIG_TFM_ENABLE_FP=ON",
                                     "-DWARDEN_NS_FLOAT_ABI=soft"]),
    # FP state stacked at once, not lazily (fp_lazy_off_run()).
    "an505-ipc-l3-fp-eager": ("an505-ipc-l3-fp",
                              ["-DCONFIG_TFM_LAZY_STACKING=OFF"]),
}


def build_variant(tally, label, name, python, jobs, targets=()):
    preset, defines = VARIANTS[name]
    bdir = "build/" + name
    return build_dir(tally, label, ["--preset", preset, "-B", bdir,
                                    "-DWARDEN_PYTHON=" + python] + defines
                     + TEST_IMAGES, bdir, jobs, targets)


# Per combination of fp_abi_runs(): the variant, the NS and the secure
# ABI it asks for, and what the secure image's attributes must say (a
# soft-float secure side whose SPM saves NS FP state is soft-float in its
# calls, with FP instructions in its core: "softfp").
FP_ABI_CASES = [("an505-ipc-l1-ns-hard", "hard", "soft", "softfp"),
                ("an505-sfn-ns-softfp", "softfp", "soft", "softfp"),
                ("an505-ipc-l1-s-hard-ns-soft", "soft", "hard", "hard")]


def elf_float_abi(path):
    """'soft', 'softfp' or 'hard': what an image's build attributes say
    (FP registers for arguments: hard; FP instructions allowed: softfp)."""
    rc, out = run(["arm-none-eabi-readelf", "-A", path], timeout=60)
    if rc != 0:
        return "unreadable"
    if re.search(r"Tag_ABI_VFP_args: VFP registers", out):
        return "hard"
    return "softfp" if re.search(r"Tag_FP_arch: ", out) else "soft"


def fp_abi_runs(tally, python, jobs):
    """The two sides' float ABIs chosen independently (cmake/fp.cmake): NS
    hard-float with a soft-float secure side, NS softfp, and a hard-float
    secure side with a soft-float NS. Each builds; its images carry the ABI
    asked for (NS regression image and demo, secure image); the demo runs
    to its end under QEMU and, with NS hard-float, the NS regression suite
    passes."""
    for name, ns_abi, s_abi, s_elf in FP_ABI_CASES:
        bdir = "build/" + name
        regression = ns_abi == "hard"
        targets = ["warden_s", "warden_ns_demo"] + (
            ["warden_ns_regression"] if regression else [])
        label = "%s: NS %s-float, secure %s-float" % (
            VARIANTS[name][0], ns_abi, s_abi)
        if not build_variant(tally, label, name, python, jobs, targets):
            continue
        images = [(bdir + "/bin/warden_ns_demo.elf", ns_abi),
                  (bdir + "/bin/warden_s.elf", s_elf)]
        if regression:
            images.append((bdir + "/bin/warden_ns_regression.elf", ns_abi))
        wrong = ["%s is %s-float" % (os.path.basename(p), elf_float_abi(p))
                 for p, want in images if elf_float_abi(p) != want]
        tally.add("float ABI of the images (%s)" % label, int(not wrong),
                  int(bool(wrong)), wrong)
        rc, out = run([python, "tools/qemu_run.py", "--secure",
                       bdir + "/bin/warden_s.elf", "--ns",
                       bdir + "/bin/warden_ns_demo.elf", "--timeout", "120"],
                      timeout=200)
        ok = rc == 0 and "Demo complete: all as expected" in out
        if not ok:
            show_tail(out)
        tally.add("demo (QEMU %s)" % label, int(ok), int(not ok),
                  [] if ok else ["demo"])
        if regression:
            rc, out = run([python, "tools/qemu_run.py", "--icount",
                           "--secure", bdir + "/bin/warden_s_test.elf",
                           "--ns", bdir + "/bin/warden_ns_regression.elf",
                           "--timeout", "300"], timeout=400)
            parse_result_lines(tally, "regression (QEMU %s)" % label, rc, out)


def fp_lazy_off_run(tally, python, jobs):
    """CONFIG_TFM_LAZY_STACKING=OFF (FPCCR.LSPEN clear: every exception
    stacks FP state at once), at isolation level 3: the FP test passes
    there too."""
    name = "an505-ipc-l3-fp-eager"
    if build_variant(tally, "an505-ipc-l3-fp, lazy stacking off", name,
                     python, jobs, ["warden_s_fp", "warden_ns_fp"]):
        fp_runs(tally, python, name)


def nsce_off_runs(tally, python, jobs, platform):
    """TFM_NS_MANAGE_NSID=OFF: every NS call uses NSID -1 (host or QEMU)."""
    preset = "host" if platform == "host" else "an505-sfn"
    name = preset + "-nsce-off"
    bdir = "build/" + name
    targets = ["warden_ns_regression", "warden_ns_nsce"] \
        if platform == "host" else ["warden_ns_nsce"]
    if not build_variant(tally, "%s, NSCE OFF" % preset, name, python, jobs,
                         targets):
        return
    if platform == "host":
        rc, out = run([bdir + "/bin/warden_ns_regression"], timeout=120)
        parse_result_lines(tally, "regression (host, NSCE OFF)", rc, out)
        rc, out = run([bdir + "/bin/warden_ns_nsce"], timeout=120)
        parse_result_lines(tally, "nsce (host, NSCE OFF)", rc, out)
    else:
        rc, out = run([python, "tools/qemu_run.py", "--icount",
                       "--secure", bdir + "/bin/warden_s_test.elf", "--ns",
                       bdir + "/bin/warden_ns_nsce.elf",
                       "--timeout", "300"], timeout=400)
        parse_result_lines(tally, "nsce (QEMU %s, NSCE OFF)" % preset,
                           rc, out)


def nsce_priv_runs(tally, python, jobs, platform):
    """WARDEN_NSCE_PRIVILEGED_THREAD=ON, 12 context slots: the NSCE image
    (privileged NS threads served, unprivileged ones refused; a TZ context
    and client ID for each of 12 threads), on host or on QEMU."""
    preset = "host" if platform == "host" else "an505-ipc-l1"
    variant_layer(tally, python, jobs, platform, preset, "-nsce-priv",
                  "nsce", "NSCE from privileged threads")


def ns_context_runs(tally, python, jobs, platform):
    """WARDEN_NS_SECURE_CONTEXTS=ON: the NSCE image (second entries served
    as their own clients), and on QEMU the concurrent calls (8 tasks, no
    NS lock, a task ended inside its call), the attack suite, the IRQ
    burst and the NS-priority inversion, at levels 1 and 3, and the FP
    test at level 1; under the SFN backend the waits for a busy partition
    (sfn_wait) and the NSCE image."""
    if platform == "host":
        variant_layer(tally, python, jobs, platform, "host-ipc", "-nsctx",
                      "nsce", "NS contexts")
        return
    for preset in ("an505-ipc-l1", "an505-ipc-l3"):
        for image in ("concurrent", "nsce", "attack"):
            variant_layer(tally, python, jobs, platform, preset, "-nsctx",
                          image, "NS contexts")
        # Secure interrupts while NS switches contexts: a signal raised
        # under the lock reaches its partition (it stalled when NS could
        # preempt before the unlock delivered it).
        variant_layer(tally, python, jobs, platform, preset, "-nsctx",
                      "irq_burst", "NS contexts", "irq")
        # NS priorities: an urgent task's call is not stuck behind another
        # task's long secure call (and is without them).
        variant_layer(tally, python, jobs, platform, preset, "-nsctx",
                      "priority", "NS contexts")
    variant_layer(tally, python, jobs, platform, "an505-ipc-l1-fp", "-nsctx",
                  "fp", "NS contexts", "fp")
    # SFN: calls of tasks without an NS lock to two partitions; those that
    # need a partition another task's call is in wait.
    for image in ("sfn_wait", "nsce"):
        variant_layer(tally, python, jobs, platform, "an505-sfn", "-nsctx",
                      image, "NS contexts")


def ns_completion_runs(tally, python, jobs, platform):
    """WARDEN_NS_COMPLETION_IRQ=ON, on QEMU at levels 1 and 3: a call that
    waits for the secure timer's interrupts returns to NS, a less urgent
    task runs meanwhile, and the completion interrupt wakes the caller
    (tests/regression/irq/ns_irq_completion.c). The host has no NS
    interrupts: its unit test (test_ns_completion) covers the secure
    side."""
    if platform == "host":
        return
    for preset in ("an505-ipc-l1", "an505-ipc-l3"):
        variant_layer(tally, python, jobs, platform, preset, "-nsctx",
                      "irq_completion", "NS completion interrupt", "irq")


def variant_layer(tally, python, jobs, platform, preset, suffix, image,
                  what, secure="test"):
    """Variant build <preset><suffix> (VARIANTS) and its NS image
    warden_ns_<image>: the hosted program, or under QEMU (-icount) with
    the variant's secure image warden_s_<secure>; its results as
    "<image> (<preset>, <what>)"."""
    name = preset + suffix
    bdir = "build/" + name
    label = "%s, %s" % (preset, what)
    targets = ["warden_ns_" + image]
    if platform != "host":
        targets.append("warden_s_" + secure)
    if not build_variant(tally, label, name, python, jobs, targets):
        return
    if platform == "host":
        rc, out = run([bdir + "/bin/warden_ns_" + image], timeout=120)
    else:
        rc, out = run([python, "tools/qemu_run.py", "--icount", "--secure",
                       "%s/bin/warden_s_%s.elf" % (bdir, secure), "--ns",
                       "%s/bin/warden_ns_%s.elf" % (bdir, image),
                       "--timeout", "600"], timeout=700)
    parse_result_lines(tally, "%s (%s)" % (image, label), rc, out)


def mmiovec_runs(tally, python, jobs, platform):
    """PSA_FRAMEWORK_HAS_MM_IOVEC=ON, each backend: the MM-IOVEC image
    (tests/regression/ns/ns_mmiovec.c) against the test secure image with
    the MM-IOVEC partitions, on host or on QEMU."""
    presets = ("host", "host-ipc") if platform == "host" \
        else ("an505-sfn", "an505-ipc-l1", "an505-ipc-l2", "an505-ipc-l3")
    for preset in presets:
        variant_layer(tally, python, jobs, platform, preset, "-mmiovec",
                      "mmiovec", "MM-IOVEC")


def policy_runs(tally, python, jobs, platform):
    """The reset and halt policies build the SFN backend without its
    terminate frames: the regression suite (which makes no partition panic)
    passes there too, on host (halt, reset) or on QEMU (halt, reset); on
    QEMU a partition's fault then resets the device, the reason told at
    the next boot, or halts it for good."""
    cases = (("host", "halt"), ("host", "reset")) if platform == "host" \
        else (("an505-sfn", "halt"), ("an505-sfn", "reset"))
    for preset, policy in cases:
        name = "%s-%s" % (preset, policy)
        bdir = "build/" + name
        label = "%s, policy %s" % (preset, policy)
        targets = ["warden_ns_regression"]
        if preset != "host":
            targets.append("warden_ns_fault_partition")
        if not build_variant(tally, label, name, python, jobs, targets):
            continue
        if preset == "host":
            rc, out = run([bdir + "/bin/warden_ns_regression"], timeout=120)
            parse_result_lines(tally, "regression (%s)" % label, rc, out)
            continue
        rc, out = run([python, "tools/qemu_run.py", "--icount",
                       "--secure", bdir + "/bin/warden_s_test.elf",
                       "--ns", bdir + "/bin/warden_ns_regression.elf",
                       "--timeout", "300"], timeout=400)
        parse_result_lines(tally, "regression (%s)" % label, rc, out)
        policy_fault_run(tally, python, bdir, label, policy)


def policy_fault_run(tally, python, bdir, label, policy):
    """A partition's fault under `reset` (the device resets, the next boot
    tells why) or `halt` (nothing more happens)."""
    secure = bdir + "/bin/warden_s_test.elf"
    ns = bdir + "/bin/warden_ns_fault_partition.elf"
    faulted = "faulted: %s" % policy
    if policy == "reset":
        out = stopped_run(python, secure, ns,
                          "[Warden] last reset: a partition's fault")
        expect_console(tally, "partition fault (%s)" % label, out,
                       ["[Warden] partition WARDEN_SP_VICTIM_FAULT (3003, "
                        "privileged, isolation level 1) " + faulted],
                       ["PASS", "FAIL"])
        return
    out = stopped_run(python, secure, ns, faulted, settle=2.0)
    after = out.split(faulted, 1)[1] if out else None
    expect_console(tally, "partition fault (%s)" % label, out,
                   ["[Warden] partition WARDEN_SP_VICTIM_FAULT (3003, "
                    "privileged, isolation level 1) " + faulted],
                   ["PASS", "FAIL", "last reset"])
    # QEMU's own word as the runner stops it is not the device's.
    if after is not None:
        after = re.sub(r"qemu-system-arm: terminating on signal.*", "",
                       after)
    ok = after is not None and after.strip() == ""
    tally.add("halt stays halted (%s)" % label, int(ok), int(not ok),
              [] if ok else ["output after the halt: %r" % after])


def bench_check(tally, python, jobs):
    """Every benchmark figure within 2 % of the committed results.json."""
    rc, out = run([python, "tools/bench/bench.py", "--check", "--python",
                   python, "--jobs", str(jobs)], timeout=1200)
    parse_result_lines(tally, "benchmark vs bench/results.json", rc, out)


def defined_symbols(paths):
    """The names nm finds defined in the given ELF or object files (not the
    assembler's mapping symbols and local labels)."""
    rc, out = run(["arm-none-eabi-nm", "--defined-only"] + list(paths))
    if rc != 0:
        return None
    names = set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 3 and not fields[2].startswith(("$", ".L")):
            names.add(fields[2])
    return names


def objects_by_origin(bdir):
    """(test objects, other objects) of a build: the object files built
    from sources under tests/ and those built from anything else, from its
    compile_commands.json (objects not built are left out)."""
    with open(os.path.join(bdir, "compile_commands.json")) as f:
        entries = json.load(f)
    tests_dir = os.path.join(ROOT, "tests") + os.sep
    test_objs, other_objs = [], []
    for e in entries:
        args = shlex.split(e["command"])
        obj = os.path.join(e["directory"], args[args.index("-o") + 1])
        if os.path.exists(obj):
            (test_objs if e["file"].startswith(tests_dir)
             else other_objs).append(obj)
    return test_objs, other_objs


def product_symbols(tally, python, jobs):
    """The product image of each an505 configuration holds no symbol of a
    test partition or of the test framework: the test symbols are those
    the objects built from tests/ define and no other object does; the
    test image must hold some of them (else the list proves nothing)."""
    for preset in QEMU_PRESETS:
        layer = "no test symbol in the product image (%s)" % preset
        if not build(tally, preset, python, jobs,
                     ["warden_s", "warden_s_test"]):
            continue
        bdir = os.path.join(ROOT, "build", preset)
        test_objs, other_objs = objects_by_origin(bdir)
        test_syms = defined_symbols(test_objs) if test_objs else None
        other_syms = defined_symbols(other_objs)
        product = defined_symbols([bdir + "/bin/warden_s.elf"])
        test_image = defined_symbols([bdir + "/bin/warden_s_test.elf"])
        if None in (test_syms, other_syms, product, test_image):
            tally.add(layer, 0, 1, ["%s: nm failed" % preset])
            continue
        test_only = test_syms - other_syms
        leaked = sorted(test_only & product)
        out = ""
        if not test_only & test_image:
            out += "FAIL: %s/test_image_has_test_symbols\n" % preset
        else:
            out += "PASS: %s/test_image_has_test_symbols (%d of %d)\n" % (
                preset, len(test_only & test_image), len(test_only))
        if leaked:
            out += "FAIL: %s/warden_s.elf (%s)\n" % (preset,
                                                    " ".join(leaked[:10]))
        else:
            out += "PASS: %s/warden_s.elf\n" % preset
        print(out, end="")
        parse_result_lines(tally, layer, 0, out)


def tidy_builds(tally, python):
    """The builds whose flags clang-tidy uses, configured if missing."""
    builds = ["host", "host-ipc"] + QEMU_PRESETS + SANITIZED_PRESETS[:1] + [
        "host-nsce-off", "an505-sfn-nsce-off", "host-mmiovec"]
    for name in builds:
        if os.path.exists(os.path.join(ROOT, "build", name,
                                       "compile_commands.json")):
            continue
        preset, defines = VARIANTS.get(name, (name, []))
        check(tally, "configure " + name,
              ["cmake", "--preset", preset, "-B", "build/" + name,
               "-DWARDEN_PYTHON=" + python] + defines + TEST_IMAGES)
    return builds


def static_checks(tally, python, jobs):
    configure_checks(tally, python)
    # The figures the docs quote, as tools/docs_figures.py writes them from
    # bench/results.json, bench/targets.json and bench/spm_stack.json.
    rc, out = run([python, "tools/docs_figures.py", "--check"])
    parse_result_lines(tally, "docs figures", rc, out)
    product_symbols(tally, python, jobs)
    files = run(["git", "ls-files", "*.c", "*.h",
                 ":!tests/manifest/golden"])[1].split()
    # clang-tidy (.clang-tidy) on spm/ arch/ platform/ ns/, each file with
    # the flags of a host build and of an Armv8-M build (the builds of the
    # other layers, which between them compile every file); one PASS or
    # FAIL line per file and build kind.
    builds = tidy_builds(tally, python)
    rc, out = run([python, "tools/clang_tidy.py", "--jobs", str(jobs)] +
                  ["--build=build/" + b for b in builds], timeout=1200)
    parse_result_lines(tally, "clang-tidy", rc, out)
    check(tally, "clang-format check",
          ["clang-format", "--dry-run", "--Werror"] + files)
    check(tally, "cppcheck",
          ["cppcheck", "--enable=warning,style,performance,portability",
           "--std=c11", "--error-exitcode=1", "--inline-suppr", "--quiet",
           "-I", "include", "-I", ".", "-I", "platform/include", "-I", "arch",
           "-I", "build/host/generated/config",
           "-I", "build/host/generated/warden_s_test", "-D__GNUC__",
           "spm", "lib", "ns", "arch", "platform", "partitions",
           "tests/partitions", "tests/regression", "tests/memcheck",
           "bench"])


def run_layer(t, layer, args):
    py, jobs = args.python, args.jobs
    if layer == "unit":
        if build(t, "host", py, jobs):
            unit_tests(t)
        sanitized_unit_layer(t, py, jobs)
        python_tests(t, py, "tests/tools", "tools' tests")
    elif layer == "host":
        for preset in ("host", "host-ipc"):
            if build(t, preset, py, jobs):
                host_runs(t, preset)
        sanitized_runs(t, py, jobs)
        out_of_tree(t, py, jobs)
        if build(t, "host", py, jobs):
            ns_app_run(t, py, jobs, "host")
        python_tests(t, py, "tests/ns_abi",
                     "hosted NS renames and boundary check")
        nsce_off_runs(t, py, jobs, "host")
        nsce_priv_runs(t, py, jobs, "host")
        ns_context_runs(t, py, jobs, "host")
        policy_runs(t, py, jobs, "host")
        mmiovec_runs(t, py, jobs, "host")
    elif layer == "manifest":
        python_tests(t, py, "tests/manifest", "manifest tool tests")
        graph_check(t, py)
    elif layer == "fuzz":
        fuzzers(t, py, jobs, args.fuzz_seconds)
    elif layer == "qemu":
        for preset in QEMU_PRESETS:
            if build(t, preset, py, jobs):
                qemu_runs(t, py, preset)
                memcheck_run(t, py, preset)
                if "-ipc" in preset:
                    spm_stack_check(t, py, preset)
                if preset == "an505-sfn":
                    ns_app_run(t, py, jobs, preset)
        nsce_off_runs(t, py, jobs, "an505")
        nsce_priv_runs(t, py, jobs, "an505")
        ns_context_runs(t, py, jobs, "an505")
        ns_completion_runs(t, py, jobs, "an505")
        policy_runs(t, py, jobs, "an505")
        fp_abi_runs(t, py, jobs)
        fp_lazy_off_run(t, py, jobs)
        mmiovec_runs(t, py, jobs, "an505")
    elif layer == "bench":
        bench_check(t, py, jobs)
    elif layer == "static":
        static_checks(t, py, jobs)


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--fuzz-seconds", type=int,
                    default=int(os.environ.get("WARDEN_FUZZ_SECONDS", "30")))
    ap.add_argument("--layer", action="append", choices=LAYERS,
                    help="run this layer only (may be repeated; default: "
                    "every layer)")
    args = ap.parse_args()

    t = Tally()
    for layer in args.layer or LAYERS:
        run_layer(t, layer, args)

    if t.failures:
        print("Failed:")
        for f in t.failures:
            print("  " + f)
    print("%d passed, %d failed" % (t.passed, t.failed))
    return 0 if t.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
