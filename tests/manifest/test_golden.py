"""Golden-file, determinism, compile and command-line tests.

The goldens under golden/ are the exact expected outputs; regenerate them
with WARDEN_UPDATE_GOLDEN=1 after an intended change and review the diff.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from tests.manifest import support

REAL_LIST = os.path.join(support.REPO, "partitions", "manifest_list.yaml")
# The lists of a test image: the product's and the test partitions'.
REAL_LISTS = (REAL_LIST, os.path.join(support.REPO, "tests", "partitions",
                                      "manifest_list.yaml"))
JSON_DIR = os.path.join(support.DATA_DIR, "json_form")
JSON_LIST = os.path.join(JSON_DIR, "manifest_list.json")
JSON_PLATFORM = os.path.join(JSON_DIR, "platform.yaml")

GUIDE_DIR = os.path.join(support.DATA_DIR, "partition_guide")
GUIDE_LIST = os.path.join(GUIDE_DIR, "manifest_list_yaml.yaml")
GUIDE_PLATFORM = os.path.join(GUIDE_DIR, "platform.yaml")

# golden directory name -> (manifest list or lists, backend, isolation level,
# platform description, -D defines and other flags)
CASES = {
    "real_sfn_l1": (REAL_LISTS, "SFN", 1, None, ()),
    "real_ipc_l2": (REAL_LISTS, "IPC", 2, None, ()),
    "json_ipc_l3": (JSON_LIST, "IPC", 3, JSON_PLATFORM, ("--mm-iovec",)),
    "partition_guide_ipc_l2": (GUIDE_LIST, "IPC", 2, GUIDE_PLATFORM,
                       ("TFM_PARTITION_EXAMPLE=ON",)),
}


def generate(case, outdir, depfile=None):
    """Runs one golden case into `outdir`; returns (status, errors)."""
    lists, backend, level, platform, defines = CASES[case]
    args = []
    for manifest_list in (lists if isinstance(lists, tuple) else (lists,)):
        args += ["-m", manifest_list]
    args += ["-o", outdir, "--backend", backend, "--isolation-level",
             str(level)]
    if platform:
        args += ["--platform", platform]
    for define in defines:
        args += [define] if define.startswith("--") else ["-D", define]
    if depfile:
        args += ["--depfile", depfile]
    return support.run_tool(args, support.REPO)


class GoldenTest(unittest.TestCase):
    """The outputs for known inputs match the reviewed golden files."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="wm_golden_")
        self.addCleanup(shutil.rmtree, self.tmp)

    def check_golden(self, case):
        """Generates `case` and compares every file with its golden copy."""
        outdir = os.path.join(self.tmp, case)
        self.assertEqual(generate(case, outdir), (0, []))
        actual = support.read_tree(outdir)
        golden_dir = os.path.join(support.GOLDEN_DIR, case)
        if support.UPDATE_GOLDEN:
            shutil.rmtree(golden_dir, ignore_errors=True)
            shutil.copytree(outdir, golden_dir)
        expected = support.read_tree(golden_dir)
        self.assertEqual(sorted(actual), sorted(expected))
        for name in sorted(expected):
            with self.subTest(file=name):
                self.assertEqual(actual[name].decode(), expected[name].decode())
        support.compile_c(self, outdir)

    def test_real_list_sfn_backend(self):
        self.check_golden("real_sfn_l1")

    def test_real_list_ipc_backend(self):
        self.check_golden("real_ipc_l2")

    def test_json_form_manifests(self):
        self.check_golden("json_ipc_l3")

    def test_partition_guide_example(self):
        self.check_golden("partition_guide_ipc_l2")

    def test_outputs_have_no_preprocessor_conditionals(self):
        outdir = os.path.join(self.tmp, "out")
        self.assertEqual(generate("json_ipc_l3", outdir), (0, []))
        for name, data in support.read_tree(outdir).items():
            for line in data.decode().splitlines():
                if line.startswith("#if") and not line.startswith("#ifndef"):
                    self.fail("%s: %s" % (name, line))


class DeterminismTest(unittest.TestCase):
    """Two runs on the same inputs give byte-identical outputs."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="wm_det_")
        self.addCleanup(shutil.rmtree, self.tmp)

    def test_two_runs_are_byte_identical(self):
        for case in CASES:
            with self.subTest(case=case):
                first = os.path.join(self.tmp, case + "_1")
                second = os.path.join(self.tmp, case + "_2")
                self.assertEqual(generate(case, first), (0, []))
                self.assertEqual(generate(case, second), (0, []))
                self.assertEqual(support.read_tree(first),
                                 support.read_tree(second))

    def test_rerun_leaves_unchanged_files_alone(self):
        outdir = os.path.join(self.tmp, "out")
        self.assertEqual(generate("real_sfn_l1", outdir), (0, []))
        path = os.path.join(outdir, "psa_manifest", "sid.h")
        os.utime(path, (1000000000, 1000000000))
        self.assertEqual(generate("real_sfn_l1", outdir), (0, []))
        self.assertEqual(os.stat(path).st_mtime, 1000000000)

    def test_rerun_rewrites_a_changed_file(self):
        outdir = os.path.join(self.tmp, "out")
        self.assertEqual(generate("real_sfn_l1", outdir), (0, []))
        path = os.path.join(outdir, "warden_manifest.h")
        with open(path, "w", encoding="utf-8") as stream:
            stream.write("stale\n")
        self.assertEqual(generate("real_sfn_l1", outdir), (0, []))
        golden = os.path.join(support.GOLDEN_DIR, "real_sfn_l1",
                              "warden_manifest.h")
        with open(path, "rb") as out, open(golden, "rb") as expected:
            self.assertEqual(out.read(), expected.read())


class CommandLineTest(unittest.TestCase):
    """The script runs as a program, as CMake calls it."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="wm_cli_")
        self.addCleanup(shutil.rmtree, self.tmp)

    def run_script(self, *args):
        return subprocess.run([sys.executable, support.TOOL, *args],
                              capture_output=True, text=True, check=False,
                              cwd=self.tmp)

    def test_success_writes_outputs_and_depfile(self):
        depfile = os.path.join(self.tmp, "inputs.txt")
        proc = self.run_script("-m", REAL_LIST, "-o", "gen", "--backend",
                               "SFN", "--isolation-level", "1",
                               "--depfile", depfile)
        self.assertEqual((proc.returncode, proc.stdout, proc.stderr),
                         (0, "", ""))
        self.assertTrue(os.path.isfile(
            os.path.join(self.tmp, "gen", "warden_load_info.c")))
        with open(depfile, encoding="utf-8") as stream:
            self.assertEqual(stream.readline().strip(), REAL_LIST)

    def test_errors_exit_1_on_stderr(self):
        proc = self.run_script("-m", REAL_LIST, "-o", "gen", "--backend",
                               "SFN", "--isolation-level", "3")
        self.assertEqual(proc.returncode, 1)
        self.assertEqual(proc.stdout, "")
        self.assertEqual(proc.stderr.splitlines(), [
            "--isolation-level: 3 needs --backend IPC: the SFN backend runs "
            "every partition on one stack, so it only provides isolation "
            "level 1 [E071]"])
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "gen")))

    def test_usage_error_exits_2(self):
        proc = self.run_script("-m", REAL_LIST, "-o", "gen", "--backend",
                               "LIB", "--isolation-level", "1")
        self.assertEqual(proc.returncode, 2)
        self.assertIn("--backend", proc.stderr)


if __name__ == "__main__":
    unittest.main()
