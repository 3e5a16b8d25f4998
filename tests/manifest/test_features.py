"""The attributes beyond a plain SFN partition: load order across
priorities, output paths, FF-M 1.0 defaults, the library and dual models,
IRQ and MMIO outputs, stack size macros, several lists, the config header
and the CMake file."""

import os
import unittest

from tests.manifest import support
from tests.manifest.support import (DROP, ToolCase, compile_c, partition,
                                    service, stateless)

import wm_errors  # noqa: E402  pylint: disable=wrong-import-order
import wm_platform  # noqa: E402  pylint: disable=wrong-import-order


def irq(source, name, handling="SLIH"):
    """An FF-M 1.1 IRQ."""
    return {"source": source, "name": name, "handling": handling}


def order_of(pid_h):
    """Partition names in pid.h order (the load order)."""
    return [line.split()[1] for line in pid_h.splitlines()
            if line.startswith("#define TFM_SP_")]


class LoadOrderTest(ToolCase):

    def test_a_partition_loads_after_its_providers_whatever_the_priority(self):
        parts = [("h.yaml", partition("TFM_SP_H", [service("H_SVC", 1)],
                                      priority="HIGH",
                                      dependencies=["N_SVC"])),
                 ("n.yaml", partition("TFM_SP_N", [service("N_SVC", 2)],
                                      dependencies=["L_SVC"])),
                 ("l.yaml", partition("TFM_SP_L", [service("L_SVC", 3)],
                                      priority="LOW")),
                 ("x.yaml", partition("TFM_SP_X", [service("X_SVC", 4)],
                                      priority="LOW"))]
        out = self.generate(parts)
        # L first (H needs N needs L), then the most urgent ready one.
        self.assertEqual(order_of(out["psa_manifest/pid.h"]),
                         ["TFM_SP_L", "TFM_SP_N", "TFM_SP_H", "TFM_SP_X"])
        self.assertIn('.name = "TFM_SP_H",\n        .pid = 256,',
                      out["warden_load_info.c"].split("warden_services")[0]
                      .split('.name = "TFM_SP_N"')[1])


class OutputPathTest(ToolCase):

    def run_paths(self, **item):
        self.setup_parts([("a.yaml", partition("TFM_SP_A"), item)])
        status, errors = self.run_in_tmp()
        self.assertEqual((status, errors), (0, []))

    def test_relative_output_path(self):
        self.run_paths(output_path="gen/a")
        self.assertTrue(os.path.isfile(
            self.path("out/gen/a/psa_manifest/a.h")))
        with open(self.path("out/warden_load_info.c"), encoding="utf-8") as f:
            self.assertIn('#include "gen/a/psa_manifest/a.h"\n', f.read())
        with open(self.path("out/warden_partitions.cmake"),
                  encoding="utf-8") as f:
            self.assertIn('set(WARDEN_PARTITION_TFM_SP_A_INCLUDE_DIR '
                          '"${CMAKE_CURRENT_LIST_DIR}/gen/a")', f.read())
        compile_c(self, self.path("out"))

    def test_output_dir_is_output_path(self):
        self.run_paths(output_dir="./gen//a/")
        self.assertTrue(os.path.isfile(
            self.path("out/gen/a/psa_manifest/a.h")))

    def test_absolute_output_path_with_a_variable(self):
        os.environ["WM_TEST_GEN"] = self.path("elsewhere")
        self.addCleanup(os.environ.pop, "WM_TEST_GEN")
        self.run_paths(output_path="$WM_TEST_GEN/a")
        header = self.path("elsewhere/a/psa_manifest/a.h")
        self.assertTrue(os.path.isfile(header))
        with open(self.path("out/warden_load_info.c"), encoding="utf-8") as f:
            self.assertIn('#include "%s"\n' % header, f.read())

    def test_no_output_path(self):
        self.run_paths()
        self.assertTrue(os.path.isfile(self.path("out/psa_manifest/a.h")))


class FfmVersionTest(ToolCase):

    def test_ffm_1_0_defaults(self):
        manifest = partition("TFM_SP_A", [{"name": "ROT_A", "sid": "0xFC01",
                                           "non_secure_clients": True}],
                             model=DROP, entry_point="a_main",
                             psa_framework_version=1.0,
                             irqs=[{"source": 5, "signal": "A_IRQ_SIG"}])
        out = self.generate([("a.yaml", manifest)], backend="IPC")
        self.assertIn("#define ROT_A_SIGNAL (0x10U)\n\n"
                      "#define A_IRQ_SIG (0x80000000U)\n\n"
                      "void a_main(void);\n", out["psa_manifest/a.h"])
        self.assertIn("#define ROT_A_SID (0x0000FC01U)\n"
                      "#define ROT_A_VERSION (1U)\n",
                      out["psa_manifest/sid.h"])
        self.assertIn(".flags = WARDEN_SVC_NS_CLIENTS | WARDEN_SVC_CONNECTION"
                      " | WARDEN_SVC_STRICT,", out["warden_load_info.c"])
        # 1.0 has no psa_irq_enable(): its IRQs are enabled at load.
        self.assertIn(".signal = A_IRQ_SIG,\n        .flih = NULL,\n"
                      "        .partition = 0,\n"
                      "        .flags = WARDEN_IRQ_ENABLED_AT_LOAD,\n",
                      out["warden_load_info.c"])

    def test_json_hex_strings(self):
        self.write("a.json", (
            '{"psa_framework_version": "1.1", "name": "TFM_SP_A",\n'
            ' "type": "APPLICATION-ROT", "priority": "NORMAL",\n'
            ' "model": "SFN", "stack_size": "0x400", "heap_size": "0x100",\n'
            ' "services": [{"name": "ROT_A", "sid": "0x0000FC01",\n'
            '   "non_secure_clients": true, "connection_based": false,\n'
            '   "stateless_handle": "auto", "version": "0x2",\n'
            '   "version_policy": "RELAXED"}]}\n'))
        self.write_list([{"description": "a", "manifest": "a.json"}])
        self.assertEqual(self.run_in_tmp(), (0, []))
        with open(self.path("out/psa_manifest/sid.h"), encoding="utf-8") as f:
            self.assertIn("#define ROT_A_SID (0x0000FC01U)\n"
                          "#define ROT_A_VERSION (2U)\n"
                          "#define ROT_A_HANDLE (0x40000200U)\n", f.read())
        with open(self.path("out/warden_load_info.c"), encoding="utf-8") as f:
            self.assertIn(".stack_size = 1024,", f.read())


class LibraryModelTest(ToolCase):

    def test_secure_functions_become_sfn_services(self):
        functions = [{"name": "TFM_EXAMPLE_A", "signal": "EXAMPLE_A_FUNC",
                      "sid": "0x00000000", "non_secure_clients": True,
                      "version": 1, "version_policy": "STRICT"},
                     {"name": "TFM_EXAMPLE_B", "sid": 1,
                      "non_secure_clients": False, "version": 3,
                      "version_policy": "RELAXED"}]
        manifest = partition("TFM_SP_LIB", DROP, model=DROP,
                             psa_framework_version=1.0,
                             entry_init="lib_init",
                             secure_functions=functions)
        out = self.generate([("lib.yaml", manifest)])
        self.assertIn("psa_status_t example_a_func(const psa_msg_t *msg);\n"
                      "psa_status_t tfm_example_b_sfn(const psa_msg_t *msg);\n"
                      "psa_status_t lib_init(void);\n",
                      out["psa_manifest/lib.h"])
        self.assertIn("Partition TFM_SP_LIB (SFN model, declared library).",
                      out["psa_manifest/lib.h"])
        load_info = out["warden_load_info.c"]
        self.assertIn(".sfn = example_a_func,\n        .signal = 0,\n"
                      "        .partition = 0,\n        .flags = "
                      "WARDEN_SVC_NS_CLIENTS | WARDEN_SVC_CONNECTION | "
                      "WARDEN_SVC_STRICT,", load_info)
        self.assertIn(".sfn = tfm_example_b_sfn,\n        .signal = 0,\n"
                      "        .partition = 0,\n        .flags = "
                      "WARDEN_SVC_CONNECTION,", load_info)
        self.assertIn("#define TFM_EXAMPLE_B_SID (0x00000001U)\n"
                      "#define TFM_EXAMPLE_B_VERSION (3U)\n",
                      out["psa_manifest/sid.h"])
        compile_c(self, self.path("out"))


class DualModelTest(ToolCase):

    def manifest(self):
        return partition("TFM_SP_D", [service("D_SVC", 1)], model="dual",
                         entry_point="d_main", entry_init="d_init")

    def test_dual_under_the_ipc_backend(self):
        out = self.generate([("d.yaml", self.manifest())], backend="IPC")
        header = out["psa_manifest/d.h"]
        self.assertIn("(IPC model, declared dual)", header)
        self.assertIn("#define D_SVC_SIGNAL (0x10U)\n\nvoid d_main(void);\n",
                      header)
        self.assertNotIn("d_init", header)
        self.assertIn(".entry_point = d_main,\n        .entry_init = NULL,",
                      out["warden_load_info.c"])

    def test_dual_under_the_sfn_backend(self):
        out = self.generate([("d.yaml", self.manifest())], backend="SFN")
        header = out["psa_manifest/d.h"]
        self.assertIn("psa_status_t d_svc_sfn(const psa_msg_t *msg);\n"
                      "psa_status_t d_init(void);\n", header)
        self.assertNotIn("d_main", header)

    def test_dual_needs_entry_point_under_ipc(self):
        manifest = partition("TFM_SP_D", model="dual")
        self.assert_error([("d.yaml", manifest)],
                          "d.yaml: TFM_SP_D: entry_point: required for an "
                          "IPC-model partition [E060]", backend="IPC")


class IrqTest(ToolCase):

    def test_irq_signals_from_the_top_services_from_bit_4(self):
        services = [service("S_%d" % i, 0x100 + i) for i in range(20)]
        irqs = [irq(i, "I_%d" % i, "FLIH" if i % 2 else "SLIH")
                for i in range(8)]
        out = self.generate([("a.yaml", partition(
            "TFM_SP_A", services, model="IPC", irqs=irqs))], backend="IPC")
        header = out["psa_manifest/a.h"]
        self.assertIn("#define S_19_SIGNAL (0x800000U)\n", header)
        self.assertIn("#define I_0_SIGNAL (0x80000000U)\n", header)
        self.assertIn("#define I_7_SIGNAL (0x1000000U)\n", header)
        self.assertIn("psa_flih_result_t i_1_flih(void);\n", header)
        self.assertNotIn("i_0_flih", header)
        config = out["warden_manifest.h"]
        self.assertIn("#define WARDEN_NUM_IRQS 8\n", config)
        self.assertIn("#define CONFIG_TFM_FLIH_API 1\n"
                      "#define CONFIG_TFM_SLIH_API 1\n", config)
        self.assertIn(".signal = I_1_SIGNAL,\n        .flih = i_1_flih,\n"
                      "        .partition = 0,\n        .flags = "
                      "WARDEN_IRQ_FLIH,", out["warden_load_info.c"])
        self.assertIn(".first_irq = 0,\n        .nirqs = 8,",
                      out["warden_load_info.c"])
        compile_c(self, self.path("out"))

    def test_an_sfn_partition_with_only_an_irq(self):
        out = self.generate([("a.yaml", partition(
            "TFM_SP_A", [], irqs=[irq(3, "A_IRQ", "FLIH")]))])
        self.assertIn("#define A_IRQ_SIGNAL (0x80000000U)\n\n"
                      "psa_flih_result_t a_irq_flih(void);\n",
                      out["psa_manifest/a.h"])
        self.assertIn("#define CONFIG_TFM_SLIH_API 0\n",
                      out["warden_manifest.h"])


class FlihStackTest(ToolCase):
    """At isolation levels 2 and 3 a partition that runs unprivileged and
    has a FLIH IRQ gets a stack for its FLIH functions, in the section of
    its thread's stack; every other partition's flih_stack is NULL."""

    def parts(self):
        """APP (APPLICATION-ROT, FLIH), PSA (PSA-ROT, FLIH) and SLIH
        (APPLICATION-ROT, SLIH only), in load order."""
        return [("app.yaml", partition("TFM_SP_APP", [service("APP", 1)],
                                       irqs=[irq(3, "APP_IRQ", "FLIH"),
                                             irq(4, "APP_2_IRQ", "FLIH")])),
                ("psa.yaml", partition("TFM_SP_PSA", [service("PSA", 2)],
                                       type="PSA-ROT",
                                       irqs=[irq(5, "PSA_IRQ", "FLIH")])),
                ("slih.yaml", partition("TFM_SP_SLIH", [service("SLIH", 3)],
                                        irqs=[irq(6, "SLIH_IRQ")]))]

    def stacks(self, level):
        """{partition name: its .flih_stack} at `level`; the load info."""
        out = self.generate(self.parts(), backend="IPC", level=level)
        load_info = out["warden_load_info.c"]
        found = {}
        for block in load_info.split("        .name = \"")[1:]:
            if ".flih_stack = " in block:
                name = block.split("\"", 1)[0]
                found[name] = block.split(".flih_stack = ", 1)[1].split(
                    ",", 1)[0]
        compile_c(self, self.path("out"))
        return found, load_info

    def test_level_2_the_unprivileged_partition_with_a_flih(self):
        found, load_info = self.stacks(2)
        self.assertEqual(found, {"TFM_SP_APP": "tfm_sp_app_flih_stack",
                                 "TFM_SP_PSA": "NULL",
                                 "TFM_SP_SLIH": "NULL"})
        self.assertIn(
            "static uint8_t tfm_sp_app_flih_stack[WARDEN_FLIH_STACK_SIZE]\n"
            "    __attribute__((aligned(8), section(\".warden_stack."
            "tfm_sp_app\")));\n", load_info)
        self.assertEqual(load_info.count("_flih_stack["), 1)

    def test_level_3_every_partition_with_a_flih(self):
        found, load_info = self.stacks(3)
        self.assertEqual(found, {"TFM_SP_APP": "tfm_sp_app_flih_stack",
                                 "TFM_SP_PSA": "tfm_sp_psa_flih_stack",
                                 "TFM_SP_SLIH": "NULL"})
        self.assertIn(
            "static uint8_t tfm_sp_psa_flih_stack[WARDEN_FLIH_STACK_SIZE]\n"
            "    __attribute__((aligned(8), section(\".warden_stack."
            "tfm_sp_psa\")));\n", load_info)

    def test_level_1_none(self):
        found, load_info = self.stacks(1)
        self.assertEqual(set(found.values()), {"NULL"})
        self.assertNotIn("_flih_stack[", load_info)

    def test_sfn_backend_none(self):
        out = self.generate([("a.yaml", partition(
            "TFM_SP_A", irqs=[irq(3, "A_IRQ", "FLIH")]))])
        self.assertIn(".flih_stack = NULL,\n", out["warden_load_info.c"])
        self.assertNotIn("_flih_stack[", out["warden_load_info.c"])


class An505PlatformTest(ToolCase):
    """The AN505's platform description (platform/an505/
    manifest_platform.yaml): its IRQ names and lines."""

    PLATFORM = os.path.join(support.REPO, "platform", "an505",
                            "manifest_platform.yaml")

    def test_irq_names_and_lines(self):
        diag = wm_errors.Diagnostics(self.tmp)
        platform = wm_platform.load_platform(self.PLATFORM, diag)
        self.assertEqual([str(e) for e in diag.errors], [])
        self.assertEqual(platform.irq_lines, 124)
        expected = {"TFM_TIMER0_IRQ": 3, "TFM_TIMER1_IRQ": 4,
                    "TFM_DUALTIMER_IRQ": 5}
        for uart in range(1, 5):
            expected["TFM_UART%d_RX_IRQ" % uart] = 32 + 2 * uart
            expected["TFM_UART%d_TX_IRQ" % uart] = 33 + 2 * uart
        self.assertEqual(dict(platform.irqs), expected)

    def test_a_manifest_names_an_irq(self):
        out = self.generate([("a.yaml", partition(
            "TFM_SP_A", irqs=[irq("TFM_UART2_TX_IRQ", "A_IRQ"),
                              irq(46, "B_IRQ")]))],
                            "--platform", self.PLATFORM)
        self.assertIn(".source = 37, /* TFM_UART2_TX_IRQ */\n",
                      out["warden_load_info.c"])
        self.assertIn(".source = 46,\n", out["warden_load_info.c"])

    def test_a_number_beyond_its_lines(self):
        self.assert_error([("a.yaml", partition(
            "TFM_SP_A", irqs=[irq(124, "A_IRQ")]))],
                          "a.yaml: TFM_SP_A: irqs[0].source: 124 is not an "
                          "IRQ line of the platform an505, which has 124 "
                          "(0..123) [E089]", "--platform", self.PLATFORM)


class StackSizeMacroTest(ToolCase):

    def test_macro_compiles_where_it_is_defined(self):
        self.generate([("a.yaml", partition("TFM_SP_A",
                                            stack_size="TFM_SP_A_STACK"))],
                      backend="IPC")
        compile_c(self, self.path("out"), defines=("TFM_SP_A_STACK=0x600",))


class ListsTest(ToolCase):

    def test_several_lists_share_the_pids_and_the_checks(self):
        self.write("one/a.yaml", partition("TFM_SP_A", [service("A", 1)]))
        self.write("two/b.yaml", partition("TFM_SP_B", [service("B", 2)],
                                           dependencies=["A"]))
        self.write_list([{"name": "a", "manifest": "a.yaml", "pid": 400}],
                        rel="one/list.yaml")
        self.write_list([{"description": "b", "manifest": "b.yaml"},
                         {"description": "c", "short_name": "TFM_SP_C",
                          "manifest": "c.yaml", "conditional": "@C@"}],
                        rel="two/list.json")
        status, errors = self.run_in_tmp(lists=("one/list.yaml",
                                                "two/list.json"))
        self.assertEqual((status, errors), (0, []))
        with open(self.path("out/psa_manifest/pid.h"), encoding="utf-8") as f:
            self.assertIn("#define TFM_SP_A (400)\n#define TFM_SP_B (401)\n",
                          f.read())
        with open(self.path("out/warden_partitions.cmake"),
                  encoding="utf-8") as f:
            text = f.read()
        self.assertIn('set(WARDEN_MANIFEST_PARTITIONS "TFM_SP_A;TFM_SP_B")\n'
                      'set(WARDEN_MANIFEST_DISABLED "TFM_SP_C")\n', text)
        self.assertIn('set(WARDEN_PARTITION_TFM_SP_B_LIBRARY '
                      '"tfm_app_rot_partition_tfm_sp_b")\n', text)

    def test_library_name_from_linker_pattern(self):
        out = self.generate([("a.yaml", partition("TFM_SP_A", type="PSA-ROT"),
                              {"linker_pattern": {
                                  "library_list": ["*tfm_psa_rot_partition_"
                                                   "crypto.*"],
                                  "object_list": ["*crypto_glue.o"]}})],
                            backend="IPC", level=3)
        self.assertIn('set(WARDEN_PARTITION_TFM_SP_A_LIBRARY '
                      '"tfm_psa_rot_partition_crypto")\n'
                      'set(WARDEN_PARTITION_TFM_SP_A_INCLUDE_DIR '
                      '"${CMAKE_CURRENT_LIST_DIR}")\n'
                      'set(WARDEN_PARTITION_TFM_SP_A_TYPE "PSA-ROT")\n',
                      out["warden_partitions.cmake"])
        self.assertIn("*tfm_psa_rot_partition_crypto.*(.text .text.*)\n"
                      "*crypto_glue.o(.text .text.*)\n",
                      out["warden_partition_code.ld"])
        self.assertIn("*tfm_psa_rot_partition_crypto.*(.rodata .rodata.*)\n"
                      "*crypto_glue.o(.rodata .rodata.*)\n",
                      out["warden_partition_rodata.ld"])
        self.assertIn("#define WARDEN_UNPRIV_FILES *tfm_psa_rot_partition_"
                      "crypto.* *crypto_glue.o\n", out["warden_isolation.h"])

    def test_config_header(self):
        region = {"base": 0x40000000, "size": 0x100,
                  "permission": "READ-WRITE"}
        out = self.generate([("a.yaml", partition(
            "TFM_SP_A", [stateless("A", 1)], mmio_regions=[region]))],
                            backend="IPC", level=3)
        self.assertIn("#define WARDEN_NUM_MMIO 1\n"
                      "#define WARDEN_HAS_CONNECTION_BASED 0\n"
                      "#define WARDEN_BACKEND_SFN 0\n"
                      "#define WARDEN_BACKEND_IPC 1\n"
                      "#define WARDEN_MANIFEST_ISOLATION_LEVEL 3\n",
                      out["warden_manifest.h"])
        self.assertIn("#define CONFIG_TFM_CONNECTION_BASED_SERVICE_API 0\n"
                      "#define CONFIG_TFM_MMIO_REGION_ENABLE 1\n"
                      "#define CONFIG_TFM_FLIH_API 0\n"
                      "#define CONFIG_TFM_SLIH_API 0\n",
                      out["warden_manifest.h"])


if __name__ == "__main__":
    unittest.main()
