"""The error codes: stable, unique, documented, explained, each tested."""

import glob
import io
import os
import re
import unittest

from tests.manifest import support

import wm_codes  # noqa: E402  pylint: disable=wrong-import-order

README = os.path.join(support.TOOL_DIR, "README.md")


class CodeTableTest(unittest.TestCase):

    def test_identifiers_are_unique_and_well_formed(self):
        idents = [code.ident for code in wm_codes.Code]
        self.assertEqual(len(idents), len(set(idents)))
        for ident in idents:
            self.assertRegex(ident, r"\A[EW]\d{3}\Z")

    def test_warnings_say_so(self):
        for code in wm_codes.Code:
            self.assertEqual(code.ident.startswith("W"),
                             code.meaning.startswith("warning: "), code)

    def test_retired_codes_are_not_reused(self):
        idents = {code.ident for code in wm_codes.Code}
        for ident, meaning in wm_codes.RETIRED.items():
            self.assertRegex(ident, r"\AE\d{3}\Z")
            self.assertNotIn(ident, idents)
            self.assertTrue(meaning.startswith("retired: "), meaning)

    def test_the_table_lists_retired_codes_in_order(self):
        rows = wm_codes.table().splitlines()[2:]
        self.assertIn("| E087 | %s |" % wm_codes.RETIRED["E087"], rows)
        self.assertEqual(rows, sorted(rows))

    def test_readme_holds_the_table(self):
        with open(README, encoding="utf-8") as stream:
            self.assertIn(wm_codes.table(), stream.read())

    def test_every_code_has_a_test_that_expects_it(self):
        expected = set()
        for path in glob.glob(os.path.join(support.HERE, "test_*.py")):
            if os.path.basename(path) == "test_codes.py":
                continue
            with open(path, encoding="utf-8") as stream:
                expected |= set(re.findall(r"\[([EW]\d{3})\]", stream.read()))
        untested = [c.ident for c in wm_codes.Code if c.ident not in expected]
        self.assertEqual(untested, [])

    def test_strerror(self):
        self.assertEqual(wm_codes.strerror("E042"), "a SID is used twice")
        self.assertEqual(wm_codes.strerror("e042"), "a SID is used twice")
        self.assertIsNone(wm_codes.strerror("E999"))


class CommandLineTest(unittest.TestCase):

    def run_tool(self, *args):
        out, err = io.StringIO(), io.StringIO()
        status = support.warden_manifest.run(list(args), stderr=err,
                                             stdout=out, cwd=support.HERE)
        return status, out.getvalue(), err.getvalue()

    def test_explain(self):
        self.assertEqual(self.run_tool("--explain", "E078"),
                         (0, "E078: the dependencies form a cycle\n", ""))

    def test_explain_a_retired_code(self):
        self.assertEqual(self.run_tool("--explain", "E087"), (
            0, "E087: retired: an IRQ the build could not deliver (reported "
            "until Warden had secure interrupts)\n", ""))

    def test_explain_unknown_code(self):
        self.assertEqual(self.run_tool("--explain", "E999"), (
            2, "", "warden_manifest.py: E999 is not an error code of this "
            "tool\n"))

    def test_list_codes(self):
        self.assertEqual(self.run_tool("--list-codes"),
                         (0, wm_codes.table(), ""))


if __name__ == "__main__":
    unittest.main()
