"""Every regression test has a description: the framework prints each
test's name and description before it runs (as TF-M's regression does),
so no entry of a suite table (struct test_t ...[] in tests/regression and
tests/partitions) may leave its description empty, NULL or out."""
import os
import re
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
FOLDERS = ("tests/regression", "tests/partitions")

TABLE = re.compile(r"struct\s+test_t\s+(\w+)\s*\[\s*\]\s*=\s*\{(.*?)\}\s*;",
                   re.S)
ENTRY = re.compile(r"\{([^{}]*)\}")
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def fields(entry):
    """The comma-separated fields of an initialiser, commas inside string
    literals left alone."""
    out, depth, cur, quoted, i = [], 0, "", False, 0
    while i < len(entry):
        c = entry[i]
        if quoted:
            cur += c
            if c == "\\":
                cur += entry[i + 1:i + 2]
                i += 1
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
            cur += c
        elif c == "(":
            depth += 1
            cur += c
        elif c == ")":
            depth -= 1
            cur += c
        elif c == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += c
        i += 1
    if cur.strip():
        out.append(cur.strip())
    return out


def is_empty(desc):
    """True if a description field says nothing: NULL, or string literals
    only whose text is blank."""
    if desc in ("NULL", "0", "((void *)0)"):
        return True
    if STRING.sub("", desc).strip():
        return False  # an expression: a macro, a conditional
    return "".join(STRING.findall(desc)).strip() == ""


def undescribed(text):
    """(table, test name, line) of each entry of @text's suite tables whose
    description is empty, NULL or missing; and how many entries were seen."""
    bad, seen = [], 0
    code = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for table in TABLE.finditer(code):
        for entry in ENTRY.finditer(table.group(2)):
            f = fields(entry.group(1))
            seen += 1
            if len(f) < 3 or is_empty(f[2]):
                name = f[1] if len(f) > 1 else "?"
                line = code.count("\n", 0, table.start(2) + entry.start()) + 1
                bad.append((table.group(1), name.strip('"'), line))
    return bad, seen


def scan(root=ROOT):
    """Every undescribed test under FOLDERS, as "path:line: table: name"
    lines, and how many entries were seen."""
    bad, seen = [], 0
    for folder in FOLDERS:
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in sorted(files):
                if not name.endswith((".c", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8") as f:
                    found, n = undescribed(f.read())
                seen += n
                rel = os.path.relpath(path, root)
                bad.extend("%s:%d: %s: %s" % (rel, line, table, test)
                           for table, test, line in found)
    return sorted(bad), seen


class Scanner(unittest.TestCase):
    def test_an_empty_description_is_named(self):
        text = ('static const struct test_t tests[] = {\n'
                '    { t_a, "a", "checks a" },\n'
                '    { t_b, "b", "" },\n'
                '    { t_c, "c",\n'
                '      "" },\n'
                '    { t_d, "d", " " },\n'
                '    { t_e, "e", NULL },\n'
                '    { t_f, "f" },\n'
                '    { t_g, "g, with a comma", "" },\n'
                '};\n')
        bad, seen = undescribed(text)
        self.assertEqual(seen, 7)
        self.assertEqual(bad, [("tests", "b", 3), ("tests", "c", 4),
                               ("tests", "d", 6), ("tests", "e", 7),
                               ("tests", "f", 8),
                               ("tests", "g, with a comma", 9)])

    def test_a_description_is_accepted(self):
        text = ('/* { t_x, "x", "" } in a comment */\n'
                'static const struct test_t cases[] = {\n'
                '    { t_a, "a", "one line" },\n'
                '    { t_b, "b",\n'
                '      "split over " "two literals" },\n'
                '    { t_c, "c", DESC_C },\n'
                '    { t_d, "d", X ? "on" : "off" },\n'
                '};\n'
                'static const char *other[] = { "" };\n')
        self.assertEqual(undescribed(text), ([], 4))


class Tree(unittest.TestCase):
    def test_every_regression_test_has_a_description(self):
        bad, seen = scan()
        self.assertGreater(seen, 100, "no suite table found: the scan is "
                           "looking in the wrong place")
        self.assertEqual(bad, [], "tests without a description (write "
                         "what each checks, in one line):\n  " +
                         "\n  ".join(bad))


if __name__ == "__main__":
    unittest.main()
