"""make bench writes its results into the build folder; WRITE=1 (and only
that) updates the committed bench/results.*."""
import os
import subprocess
import tempfile
import unittest

from tests.tools.bench_support import ROOT, bench, goals, results


def bench_command(*make_args):
    """The bench.py command line `make bench` would run."""
    out = subprocess.run(["make", "-n", "bench"] + list(make_args), cwd=ROOT,
                         check=True, stdout=subprocess.PIPE).stdout.decode()
    lines = [l for l in out.splitlines() if "tools/bench/bench.py" in l]
    return lines[0].split()


class MakeBench(unittest.TestCase):
    def out_of(self, *make_args):
        command = bench_command(*make_args)
        self.assertIn("--write", command)
        return command[command.index("--out") + 1]

    def test_writes_into_the_build_folder(self):
        self.assertEqual(self.out_of(), "build/bench")
        self.assertEqual(self.out_of("WRITE=0"), "build/bench")

    def test_write_1_updates_the_committed_results(self):
        self.assertEqual(self.out_of("WRITE=1"), "bench")

    def test_bench_py_defaults_to_the_build_folder(self):
        self.assertEqual(bench.DEFAULT_OUT, os.path.join(ROOT, "build", "bench"))


class WriteResults(unittest.TestCase):
    def test_the_three_files_go_where_asked(self):
        res = results({"an505-sfn": {"call_nop_stateless": 196}})
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "made", "here")
            line = bench.write_results(res, goals(), out)
            self.assertEqual(sorted(os.listdir(out)),
                             ["results.json", "results.md", "results.svg"])
        self.assertIn("make bench WRITE=1 updates the committed", line)

    def test_the_committed_folder_says_so(self):
        res = results({"an505-sfn": {"call_nop_stateless": 196}})
        with tempfile.TemporaryDirectory() as tmp:
            real_bench = bench.BENCH
            bench.BENCH = tmp
            try:
                line = bench.write_results(res, goals(), tmp)
            finally:
                bench.BENCH = real_bench
        self.assertNotIn("WRITE=1", line)


if __name__ == "__main__":
    unittest.main()
