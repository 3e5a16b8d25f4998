"""The hosted NS renames (ns/host_ns_names.h) and the boundary check of the
hosted NS programs (tools/check_ns_boundary.py): a name the renames miss, a
clash of names, a doubly renamed function or a row naming no function fails
the build. Run with
``python3 -m unittest discover -s tests/ns_abi -t .`` from the repo root.

Each test compiles small "secure" and "NS" translation units with the host
compiler and the flags of the project, against the real table, and runs the
check on them as the host build does before it links an NS program.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
TABLE = os.path.join(REPO, "include", "warden", "ns_abi.h")
NAMES = os.path.join(REPO, "ns", "host_ns_names.h")
CHECK = os.path.join(REPO, "tools", "check_ns_boundary.py")
CC = os.environ.get("CC", "cc")
CFLAGS = ["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-Wshadow",
          "-Wmissing-prototypes", "-Wstrict-prototypes", "-c",
          "-I", os.path.join(REPO, "include")]

# The secure side: every entry of the table (made from it), the secure
# client API's psa_version and a function of the hosted port.
SECURE = """
#include "tfm_veneers.h"
#define ENTRY(name, ret, args, body, runs, fixed, word, client) \\
    ret name NS_ABI_PARAMS(args) { return (ret)0; }
WARDEN_NS_ABI(ENTRY)
uint32_t psa_version(uint32_t sid) { return sid; }
void host_fiber_swap(void);
void host_fiber_swap(void) {}
"""

# The NS client library's psa_version, over its entry, and a use of the
# hosted port.
NS_CLIENT = """
#include "tfm_veneers.h"
void host_fiber_swap(void);
uint32_t psa_version(uint32_t sid)
{
    host_fiber_swap();
    return tfm_psa_version_veneer(sid);
}
"""

# NS code that calls the client API.
NS_USER = """
#include "psa/client.h"
uint32_t ns_user(void);
uint32_t ns_user(void) { return psa_version(1u); }
"""


class HostBoundary(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="ns_abi_")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def compile(self, name, text, renamed, include=None):
        """The object of text, an NS one with the renames if renamed, with
        the folder include searched first; None (and the compiler's output
        in self.errors) if it fails."""
        src = os.path.join(self.dir, name + ".c")
        obj = os.path.join(self.dir, name + ".o")
        with open(src, "w", encoding="utf-8") as f:
            f.write(text)
        first = ["-I", include] if include else []
        cmd = [CC] + first + CFLAGS + ["-Wno-unused-parameter"] + (
            ["-include", NAMES] if renamed else []) + [src, "-o", obj]
        p = subprocess.run(cmd, capture_output=True, text=True)
        self.errors = p.stderr
        return obj if p.returncode == 0 else None

    def check(self, secure, ns):
        lists = []
        for side, objs in (("secure", secure), ("ns", ns)):
            path = os.path.join(self.dir, side + ".txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(";".join(objs))
            lists.append(path)
        p = subprocess.run([sys.executable, CHECK, "--table", TABLE,
                            "--secure", lists[0], "--ns", lists[1]],
                           capture_output=True, text=True)
        return p.returncode, p.stderr

    def test_renamed_client_passes(self):
        s = self.compile("secure", SECURE, False)
        n = [self.compile("client", NS_CLIENT, True),
             self.compile("user", NS_USER, True)]
        self.assertEqual(self.check([s], n), (0, ""))

    def test_missed_rename_fails(self):
        # NS code built without the rename calls the secure psa_version.
        s = self.compile("secure", SECURE, False)
        n = [self.compile("client", NS_CLIENT, True),
             self.compile("user", NS_USER, False)]
        rc, err = self.check([s], n)
        self.assertEqual(rc, 1)
        self.assertIn("user.o: refers to secure psa_version", err)

    def test_clash_fails(self):
        # An NS definition of a name the secure side defines too.
        s = self.compile("secure", SECURE, False)
        n = [self.compile("client", NS_CLIENT, False)]
        rc, err = self.check([s], n)
        self.assertEqual(rc, 1)
        self.assertIn("defines psa_version, which the secure side defines",
                      err)

    def test_row_not_defined_fails(self):
        s = self.compile("secure", SECURE.replace(
            "WARDEN_NS_ABI(ENTRY)", "ENTRY(tfm_psa_version_veneer, uint32_t,"
            " NS_ARGS1(uint32_t, sid), b, GATED, 0, 0, VIA(psa_version))"),
            False)
        rc, err = self.check([s], [self.compile("client", NS_CLIENT, True)])
        self.assertEqual(rc, 1)
        self.assertIn("table row tfm_psa_call_veneer: no secure object", err)

    def test_double_rename_fails(self):
        # A second rename of one client function (another row, or a hand
        # written one) does not compile.
        self.assertIsNone(self.compile("twice", NS_USER + (
            '__typeof__(psa_version) psa_version __asm__("ns_other");\n'),
            True))
        self.assertIn("conflict with previous rename", self.errors)

    def test_row_naming_no_function_fails(self):
        # A VIA row whose client function psa/client.h does not declare.
        inc = os.path.join(self.dir, "include", "warden")
        os.makedirs(inc)
        with open(TABLE, encoding="utf-8") as f:
            table = f.read()
        marker = "#define WARDEN_NS_ABI(X)"
        self.assertIn(marker, table)
        table = table.replace(marker, marker + (
            " X(tfm_psa_new_veneer, uint32_t, NS_ARGS0(), spm_ns_new,"
            " GATED, 0u, 0, VIA(psa_new))"), 1)
        with open(os.path.join(inc, "ns_abi.h"), "w",
                  encoding="utf-8") as f:
            f.write(table)
        self.assertIsNone(self.compile(
            "user", NS_USER, True, os.path.join(self.dir, "include")))
        self.assertIn("psa_new", self.errors)


if __name__ == "__main__":
    unittest.main()
