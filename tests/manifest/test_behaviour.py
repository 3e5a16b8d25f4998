"""What the tool derives: conditionals, depfile, manifest paths, PIDs, load
order, stateless handles, signals and table layout."""

import os
import unittest
from unittest import mock

from tests.manifest.support import (ToolCase, compile_c, partition, service,
                                    stateless)

ENABLING = ("ON", "on", "TRUE", "Enabled", "1")
DISABLING = ("OFF", "false", "DISABLED", "0", "")


def one(name, svc, sid, **changes):
    """A partition with one connection-based service."""
    return partition(name, [service(svc, sid)], **changes)


class ConditionalTest(ToolCase):
    """`conditional` enables or disables a list item."""

    def enabled(self, conditional_yaml, *defines):
        """Whether TFM_SP_B is built with this `conditional:` YAML text."""
        self.write("a.yaml", one("TFM_SP_A", "ROT_A", 1))
        self.write("b.yaml", one("TFM_SP_B", "ROT_B", 2))
        self.write("manifest_list.yaml", (
            "type: manifest_list\nmanifest_list:\n"
            "  - {description: a, manifest: a.yaml}\n"
            "  - description: b\n    manifest: b.yaml\n"
            "    conditional: %s\n" % conditional_yaml))
        args = []
        for define in defines:
            args += ["-D", define]
        status, errors = self.run_in_tmp(*args, "--depfile", "deps.txt")
        self.assertEqual((status, errors), (0, []))
        with open(self.path("out/psa_manifest/pid.h"), encoding="utf-8") as f:
            built = "TFM_SP_B" in f.read()
        with open(self.path("deps.txt"), encoding="utf-8") as stream:
            self.assertEqual(built, self.path("b.yaml") in stream.read())
        return built

    def test_define_enables(self):
        for value in ENABLING:
            with self.subTest(value=value):
                self.assertTrue(self.enabled('"@TFM_B@"', "TFM_B=" + value))

    def test_define_disables(self):
        for value in DISABLING:
            with self.subTest(value=value):
                self.assertFalse(self.enabled('"@TFM_B@"', "TFM_B=" + value))

    def test_unset_define_disables(self):
        self.assertFalse(self.enabled('"@TFM_B@"', "OTHER=ON"))

    def test_literal_values(self):
        self.assertTrue(self.enabled('"ENABLED"'))
        self.assertFalse(self.enabled('"off"'))

    def test_bare_yaml_booleans_and_numbers(self):
        self.assertTrue(self.enabled("ON"))
        self.assertFalse(self.enabled("off"))
        self.assertTrue(self.enabled("1"))
        self.assertFalse(self.enabled("0"))

    def test_disabled_manifest_is_not_read(self):
        self.write("a.yaml", one("TFM_SP_A", "ROT_A", 1))
        self.write_list([{"description": "a", "manifest": "a.yaml"},
                         {"description": "b", "manifest": "gone.yaml",
                          "conditional": "@TFM_B@"}])
        self.assertEqual(self.run_in_tmp("-D", "TFM_B=OFF"), (0, []))


class InputFilesTest(ToolCase):
    """Manifest paths and the --depfile."""

    def test_depfile_lists_every_file_read(self):
        self.write("one/a.yaml", one("TFM_SP_A", "ROT_A", 1))
        self.write("two/sub/b.yaml", one("TFM_SP_B", "ROT_B", 2))
        self.write_list([{"description": "a", "manifest": "a.yaml"}],
                        rel="one/list.yaml")
        self.write_list([{"description": "b", "manifest": "sub/b.yaml"},
                         {"description": "c", "manifest": "c.yaml",
                          "conditional": "OFF"}], rel="two/list.yaml")
        status, errors = self.run_in_tmp(
            "--depfile", "deps/inputs.txt",
            lists=("one/list.yaml", "two/list.yaml"))
        self.assertEqual((status, errors), (0, []))
        with open(self.path("deps/inputs.txt"), encoding="utf-8") as stream:
            self.assertEqual(stream.read(), "".join(
                self.path(p) + "\n" for p in
                ("one/list.yaml", "one/a.yaml", "two/list.yaml",
                 "two/sub/b.yaml")))

    def test_no_depfile_after_errors(self):
        self.write("a.yaml", one("TFM_SP_A", "ROT_A", 1, priority="SOON"))
        self.write_list([{"description": "a", "manifest": "a.yaml"}])
        status, _ = self.run_in_tmp("--depfile", "deps.txt")
        self.assertEqual(status, 1)
        self.assertFalse(os.path.exists(self.path("deps.txt")))

    def test_absolute_path_and_environment_variables(self):
        self.write("elsewhere/c.yaml", one("TFM_SP_C", "ROT_C", 3))
        self.write("list/manifest_list.yaml", {
            "type": "manifest_list", "manifest_list": [
                {"description": "abs", "manifest": self.path("elsewhere/c.yaml")},
                {"description": "env", "manifest": "${WM_TEST_DIR}/d.yaml"}]})
        self.write("elsewhere/d.yaml", one("TFM_SP_D", "ROT_D", 4))
        with mock.patch.dict(os.environ,
                             {"WM_TEST_DIR": self.path("elsewhere")}):
            status, errors = self.run_in_tmp(
                lists=("list/manifest_list.yaml",))
        self.assertEqual((status, errors), (0, []))


class DerivedValuesTest(ToolCase):
    """PIDs, load order, stateless handles, signals, table offsets."""

    def test_pids_assigned_after_the_largest_given(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1), {"pid": 300}),
                 ("b.yaml", one("TFM_SP_B", "ROT_B", 2)),
                 ("c.yaml", one("TFM_SP_C", "ROT_C", 3), {"pid": 3005}),
                 ("d.yaml", one("TFM_SP_D", "ROT_D", 4))]
        pid_h = self.generate(parts)["psa_manifest/pid.h"]
        for line in ("TFM_SP_A (300)", "TFM_SP_B (3006)", "TFM_SP_C (3005)",
                     "TFM_SP_D (3007)"):
            self.assertIn("#define " + line, pid_h)

    def test_pids_start_at_256(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1)),
                 ("b.yaml", one("TFM_SP_B", "ROT_B", 2))]
        pid_h = self.generate(parts)["psa_manifest/pid.h"]
        self.assertIn("#define TFM_SP_A (256)\n#define TFM_SP_B (257)", pid_h)

    def test_load_order(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1, priority="LOW")),
                 ("c.yaml", one("TFM_SP_C", "ROT_C", 3,
                                dependencies=["ROT_D"]), {"pid": 400}),
                 ("d.yaml", one("TFM_SP_D", "ROT_D", 4), {"pid": 500}),
                 ("e.yaml", one("TFM_SP_E", "ROT_E", 5), {"pid": 450}),
                 ("b.yaml", one("TFM_SP_B", "ROT_B", 2, priority="HIGH"))]
        pid_h = self.generate(parts)["psa_manifest/pid.h"]
        order = [line.split()[1] for line in pid_h.splitlines()
                 if line.startswith("#define TFM_SP_")]
        # HIGH first; NORMAL: no deps by PID (E 450, D 500), then C (needs D).
        self.assertEqual(order, ["TFM_SP_B", "TFM_SP_E", "TFM_SP_D",
                                 "TFM_SP_C", "TFM_SP_A"])

    def test_stateless_fixed_first_then_lowest_free(self):
        parts = [("y.yaml", partition("TFM_SP_Y", [
            stateless("Y_ONE", 1, stateless_handle=1),
            stateless("Y_AUTO", 2, version=2),
            stateless("Y_THREE", 3, stateless_handle=3)])),
                 ("x.yaml", partition("TFM_SP_X", [
                     stateless("X_A", 4, stateless_handle="auto"),
                     service("X_CONN", 5), stateless("X_B", 6)],
                                      priority="HIGH"))]
        out = self.generate(parts)
        sid_h = out["psa_manifest/sid.h"]
        for line in ("Y_ONE_HANDLE (0x40000100U)", "X_A_HANDLE (0x40000101U)",
                     "Y_THREE_HANDLE (0x40000102U)",
                     "X_B_HANDLE (0x40000103U)",
                     "Y_AUTO_HANDLE (0x40000204U)"):
            self.assertIn("#define " + line, sid_h)
        self.assertNotIn("X_CONN_HANDLE", sid_h)
        self.assertIn("#define WARDEN_NUM_STATELESS 5", out["warden_manifest.h"])

    def test_signals_and_functions(self):
        ipc = partition("TFM_SP_I", [service("I_%d" % i, 16 + i)
                                     for i in range(3)], model="IPC")
        sfn = partition("TFM_SP_S", [stateless("S_0", 1)],
                        entry_init="s_init", dependencies=["I_2", "I_0"])
        out = self.generate([("i.yaml", ipc), ("s.yaml", sfn)], backend="IPC")
        self.assertIn("#define I_0_SIGNAL (0x10U)\n#define I_1_SIGNAL (0x20U)\n"
                      "#define I_2_SIGNAL (0x40U)\n\nvoid tfm_sp_i_main(void);",
                      out["psa_manifest/i.h"])
        self.assertIn("psa_status_t s_0_sfn(const psa_msg_t *msg);\n"
                      "psa_status_t s_init(void);", out["psa_manifest/s.h"])
        load_info = out["warden_load_info.c"]
        self.assertIn(".sfn = NULL,\n        .signal = I_1_SIGNAL,", load_info)
        # Under the IPC backend an SFN partition runs in a thread too: its
        # services get signals from bit 4, and every partition a stack.
        self.assertIn(".sfn = s_0_sfn,\n        .signal = 0x10U,", load_info)
        self.assertIn("static uint8_t tfm_sp_s_stack[1024]\n    "
                      "__attribute__((aligned(8), "
                      "section(\".bss.warden_stack.tfm_sp_s\")));", load_info)
        self.assertIn(".stack = tfm_sp_s_stack,", load_info)
        self.assertIn("/* TFM_SP_S */\n    I_2_SID,\n    I_0_SID,\n    0,",
                      load_info)

    def test_sfn_backend_has_no_signals_or_stacks(self):
        sfn = partition("TFM_SP_S", [stateless("S_0", 1), service("S_1", 2)])
        load_info = self.generate([("s.yaml", sfn)])["warden_load_info.c"]
        self.assertIn(".sfn = s_0_sfn,\n        .signal = 0,", load_info)
        self.assertIn(".sfn = s_1_sfn,\n        .signal = 0,", load_info)
        self.assertIn(".stack = NULL,", load_info)
        self.assertNotIn("_stack[", load_info)

    def test_table_offsets(self):
        parts = [("a.yaml", partition("TFM_SP_A", [
            service("A_0", 1), service("A_1", 2)], dependencies=["B_0"])),
                 ("b.yaml", partition("TFM_SP_B", [stateless("B_0", 3)]))]
        out = self.generate(parts)
        load_info = out["warden_load_info.c"]
        self.assertIn('.name = "TFM_SP_A",', load_info)
        a_part = load_info.split('.name = "TFM_SP_A",')[1]
        self.assertIn(".first_service = 1,\n        .nservices = 2,\n"
                      "        .first_dep = 0,\n        .ndeps = 1,", a_part)
        self.assertIn('.name = "A_1",\n        .sid = A_1_SID,\n'
                      '        .version = A_1_VERSION,\n'
                      '        .sfn = a_1_sfn,\n        .signal = 0,\n'
                      '        .partition = 1,', load_info)
        header = out["warden_manifest.h"]
        self.assertIn("#define WARDEN_NUM_DEPS 1\n", header)
        self.assertIn("#define WARDEN_HAS_CONNECTION_BASED 1\n", header)


class StaleOutputTest(ToolCase):
    """A re-run removes what an earlier run wrote and this one does not."""

    def test_moved_and_removed_partitions_leave_no_header(self):
        self.setup_parts([("a.yaml", one("TFM_SP_A", "ROT_A", 1)),
                          ("b.yaml", one("TFM_SP_B", "ROT_B", 2))])
        self.assertEqual(self.run_in_tmp(), (0, []))
        self.write("out/mine.txt", "not the tool's\n")
        self.setup_parts([("a.yaml", one("TFM_SP_A", "ROT_A", 1),
                           {"output_path": "a"})])
        self.assertEqual(self.run_in_tmp(), (0, []))
        self.assertTrue(os.path.isfile(self.path("out/a/psa_manifest/a.h")))
        self.assertFalse(os.path.exists(self.path("out/psa_manifest/a.h")))
        self.assertFalse(os.path.exists(self.path("out/psa_manifest/b.h")))
        self.assertTrue(os.path.isfile(self.path("out/mine.txt")))
        with open(self.path("out/.warden_manifest_outputs"),
                  encoding="utf-8") as stream:
            self.assertEqual(stream.read(), "a/psa_manifest/a.h\n"
                             "psa_manifest/pid.h\npsa_manifest/sid.h\n"
                             "warden_isolation.h\n"
                             "warden_load_info.c\nwarden_manifest.h\n"
                             "warden_partition_code.ld\n"
                             "warden_partition_init.ld\n"
                             "warden_partition_ram.ld\n"
                             "warden_partition_rodata.ld\n"
                             "warden_partitions.cmake\n")


class EmptyBuildTest(ToolCase):
    """A list with no partitions still gives tables that compile."""

    def test_empty_list(self):
        self.write_list([])
        self.assertEqual(self.run_in_tmp(backend="IPC", level=2), (0, []))
        with open(self.path("out/warden_manifest.h"), encoding="utf-8") as f:
            self.assertIn("#define WARDEN_NUM_PARTITIONS 0\n", f.read())
        compile_c(self, self.path("out"))


if __name__ == "__main__":
    unittest.main()
