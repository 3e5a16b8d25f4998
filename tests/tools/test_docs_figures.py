"""tools/docs_figures.py: the docs' figures are written from make bench's
results and the SPM stack's record, and a stale one is caught."""
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

from tests.tools.bench_support import ROOT

sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests"))
import docs_figures  # noqa: E402
import run_all  # noqa: E402
import spm_stack  # noqa: E402


def run(*args):
    """main(args): (exit status, what it printed)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = docs_figures.main(list(args))
    return status, out.getvalue()


class Regions(unittest.TestCase):
    def tree(self, readme):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        os.mkdir(os.path.join(tmp.name, "docs"))
        with open(os.path.join(tmp.name, "README.md"), "w") as f:
            f.write(readme)
        return tmp.name

    def readme(self, root):
        with open(os.path.join(root, "README.md")) as f:
            return f.read()

    def test_the_committed_docs_are_what_it_writes(self):
        status, out = run("--check")
        self.assertEqual(status, 0, out)

    def test_a_stale_figure_is_caught_and_rewritten(self):
        fresh = docs_figures.generators()["headline"]()
        stale = fresh.replace("| 10 |", "| 11 |", 1)
        self.assertNotEqual(stale, fresh)
        text = "x\n<!-- figures:headline -->\n%s\n<!-- /figures -->\ny\n"
        root = self.tree(text % stale)
        status, out = run("--check", "--root", root)
        self.assertEqual(status, 1)
        self.assertIn("FAIL: README.md: figures:headline differs", out)
        self.assertEqual(self.readme(root), text % stale)  # --check: no write
        status, out = run("--root", root)
        self.assertEqual(status, 0, out)
        self.assertEqual(self.readme(root), text % fresh)
        self.assertEqual(run("--check", "--root", root)[0], 0)

    def test_every_figure_of_the_headline_comes_from_the_results(self):
        results = docs_figures.load(docs_figures.RESULTS)
        table = docs_figures.generators()["headline"]()
        nop = results["configurations"]["an505-ipc-l1"]["instructions"][
            "call_nop_stateless"]
        self.assertIn("| stateless `psa_call` to a service that returns at "
                      "once | ", table)
        self.assertIn(" %s | 1,935 |" % "{:,}".format(int(nop)), table)

    def test_an_unknown_region_is_refused(self):
        root = self.tree("<!-- figures:nonsense -->\n<!-- /figures -->\n")
        status, out = run("--check", "--root", root)
        self.assertEqual(status, 1)
        self.assertIn("<!-- figures:nonsense -->: no such figures; the "
                      "names are bench-table", out)

    def test_a_region_never_closed_is_refused(self):
        root = self.tree("<!-- figures:headline -->\n| a |\n")
        status, out = run("--root", root)
        self.assertEqual(status, 1)
        self.assertIn("has no <!-- /figures --> after it", out)
        self.assertEqual(self.readme(root), "<!-- figures:headline -->\n"
                         "| a |\n")


class SpmStack(unittest.TestCase):
    RECORD = {"an505-ipc-l1": {"size": 416, "fp": False, "marks": {
        "warden_s_test/warden_ns_regression": 176,
        "warden_s/warden_ns_demo": 48}},
        "an505-ipc-l1-fp": {"size": 800, "fp": True, "marks": {
            "warden_s_test/warden_ns_regression": 200}}}

    def test_the_table_has_each_mark_and_the_margin(self):
        table = docs_figures.spm_stack_table(self.RECORD)
        self.assertIn("| `warden_s` + `warden_ns_demo`: demo (the product "
                      "image) | 48 B |  |", table)
        # 176 + max(176 / 4, 176); 200 + 176 + 272 with the FPU.
        self.assertIn("| **high-water mark** + margin | **176** + 176 = "
                      "352 B | **200** + 448 = 648 B |", table)
        self.assertIn("| `WARDEN_SPM_STACK_SIZE` | 416 B | 800 B |", table)

    def test_a_run_it_does_not_know_is_refused(self):
        record = json.loads(json.dumps(self.RECORD))
        record["an505-ipc-l1"]["marks"]["warden_s_x/warden_ns_y"] = 8
        with self.assertRaises(docs_figures.FiguresError):
            docs_figures.spm_stack_table(record)

    def test_spm_stack_records_what_it_measured(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "record.json")
            spm_stack.record_marks(path, "p", 416, False, {"s/a": 8})
            spm_stack.record_marks(path, "p", 416, False, {"s/b": 16})
            spm_stack.record_marks(path, "q", 800, True, {"s/a": 24})
            with open(path) as f:
                self.assertEqual(json.load(f), {
                    "p": {"size": 416, "fp": False,
                          "marks": {"s/a": 8, "s/b": 16}},
                    "q": {"size": 800, "fp": True, "marks": {"s/a": 24}}})

    def test_make_test_compares_the_marks_with_the_record(self):
        committed = docs_figures.load(docs_figures.SPM_STACK)
        preset = next(p for p in committed if p != "about")
        same = {preset: committed[preset]}
        self.assertTrue(run_all.spm_stack_record_line(preset, same)
                        .startswith("PASS: spm_stack/record"))
        deeper = json.loads(json.dumps(same))
        run = next(iter(deeper[preset]["marks"]))
        deeper[preset]["marks"][run] += 8
        self.assertTrue(run_all.spm_stack_record_line(preset, deeper)
                        .startswith("FAIL: spm_stack/record (measured"))
        self.assertTrue(run_all.spm_stack_record_line(preset, {})
                        .startswith("FAIL: "))
        self.assertEqual(run_all.spm_stack_record_line("no-such", same), "")


if __name__ == "__main__":
    unittest.main()
