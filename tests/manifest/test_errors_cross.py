"""One test per error found across partitions or in the configuration
(wm_checks): duplicates, dependencies, cycles, backend and isolation."""

import unittest

from tests.manifest.support import ToolCase, partition, service, stateless


def one(name, svc_name, sid, **changes):
    """A partition with one connection-based service."""
    return partition(name, [service(svc_name, sid)], **changes)


class DuplicateTest(ToolCase):

    def test_duplicate_pid(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1), {"pid": 300}),
                 ("b.yaml", one("TFM_SP_B", "ROT_B", 2), {"pid": 300})]
        self.assert_error(parts, "manifest_list.yaml: TFM_SP_B: pid: 300 is "
                          "already used by TFM_SP_A in manifest_list.yaml [E032]")

    def test_duplicate_partition_name(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1)),
                 ("b.yaml", one("TFM_SP_A", "ROT_B", 2))]
        self.assert_error(parts, "b.yaml: TFM_SP_A: name: TFM_SP_A is already "
                          "the name of the partition in a.yaml [E040]")

    def test_duplicate_service_name(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1)),
                 ("b.yaml", one("TFM_SP_B", "ROT_A", 2))]
        self.assert_error(parts, "b.yaml: TFM_SP_B: services[0].name: ROT_A "
                          "is already a service of TFM_SP_A in a.yaml [E041]")

    def test_duplicate_sid(self):
        other = partition("TFM_SP_OTHER", [service("ROT_A", "0x000000E0")])
        example = partition("TFM_SP_EXAMPLE",
                            [service("ROT_X", 0x10),
                             service("ROT_Y", "0x000000E0")])
        self.assert_error([("other.yaml", other), ("example.yaml", example)],
                          "example.yaml: TFM_SP_EXAMPLE: services[1].sid: "
                          "0x000000E0 is already used by ROT_A in other.yaml [E042]")

    def test_duplicate_sid_in_one_manifest(self):
        manifest = partition("TFM_SP_A", [service("ROT_A", 5),
                                          service("ROT_B", 5)])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: services[1].sid: 0x00000005 is "
                          "already used by ROT_A in a.yaml [E042]")

    def test_duplicate_header_name(self):
        self.write("x/a.yaml", one("TFM_SP_A", "ROT_A", 1))
        parts = [("y/a.yaml", one("TFM_SP_B", "ROT_B", 2))]
        self.setup_parts(parts)
        self.write_list([{"description": "a", "manifest": "x/a.yaml"},
                         {"description": "b", "manifest": "y/a.yaml"}])
        status, errors = self.run_in_tmp()
        self.assertEqual((status, errors), (1, [
            "manifest_list.yaml: manifest_list[1]: manifest: "
            "psa_manifest/a.h clashes with psa_manifest/a.h of TFM_SP_A from "
            "x/a.yaml; manifest file names must differ [E025]"]))

    def test_header_names_differing_in_case_only(self):
        parts = [("x_y.yaml", one("TFM_SP_A", "ROT_A", 1)),
                 ("X-y.yaml", one("TFM_SP_B", "ROT_B", 2))]
        self.assert_error(parts, "manifest_list.yaml: TFM_SP_B: manifest: "
                          "psa_manifest/X-y.h clashes with psa_manifest/"
                          "x_y.h of TFM_SP_A from x_y.yaml; manifest file "
                          "names must differ [E025]")

    def test_header_name_clashes_with_sid_h(self):
        self.assert_error([("sid.yaml", one("TFM_SP_A", "ROT_A", 1))],
                          "manifest_list.yaml: TFM_SP_A: manifest: the file "
                          "name 'sid' cannot name the header psa_manifest/"
                          "sid.h [E024]")


class StatelessTest(ToolCase):

    def test_duplicate_fixed_handle(self):
        parts = [("a.yaml", partition("TFM_SP_A", [
            stateless("ROT_A", 1, stateless_handle=3)])),
                 ("b.yaml", partition("TFM_SP_B", [
                     stateless("ROT_B", 2, stateless_handle=3)]))]
        self.assert_error(parts, "b.yaml: TFM_SP_B: services[0]."
                          "stateless_handle: 3 is already used by ROT_A in "
                          "a.yaml [E051]")

    def test_more_than_32_stateless_services(self):
        parts = [("a.yaml", partition("TFM_SP_A", [
            stateless("ROT_A%d" % i, i) for i in range(20)])),
                 ("b.yaml", partition("TFM_SP_B", [
                     stateless("ROT_B%d" % i, 100 + i) for i in range(13)]))]
        self.assert_error(parts, "b.yaml: TFM_SP_B: services[12]."
                          "stateless_handle: more than 32 stateless services "
                          "in the build: the handles are used up [E052]")

    def test_32_stateless_services_are_fine(self):
        parts = [("a.yaml", partition("TFM_SP_A", [
            stateless("ROT_A%d" % i, i) for i in range(20)])),
                 ("b.yaml", partition("TFM_SP_B", [
                     stateless("ROT_B%d" % i, 100 + i) for i in range(12)]))]
        out = self.generate(parts)
        self.assertIn("#define WARDEN_NUM_STATELESS 32",
                      out["warden_manifest.h"])
        self.assertIn("#define ROT_B11_HANDLE (0x4000011FU)",
                      out["psa_manifest/sid.h"])


class DependencyTest(ToolCase):

    def test_unknown_service(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1,
                                dependencies=["ROT_B"]))]
        self.assert_error(parts, "a.yaml: TFM_SP_A: dependencies[0]: no "
                          "partition provides a service named ROT_B [E075]")

    def test_own_service(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1,
                                dependencies=["ROT_A"]))]
        self.assert_error(parts, "a.yaml: TFM_SP_A: dependencies[0]: ROT_A is "
                          "a service of this partition itself [E076]")

    def test_cycle_of_two(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1,
                                dependencies=["ROT_B"])),
                 ("b.yaml", one("TFM_SP_B", "ROT_B", 2,
                                dependencies=["ROT_A"]))]
        self.assert_error(parts, "a.yaml: TFM_SP_A: dependencies: dependency "
                          "cycle: TFM_SP_A -> TFM_SP_B -> TFM_SP_A [E078]")

    def test_cycle_of_three_reported_once(self):
        parts = [("c.yaml", one("TFM_SP_C", "ROT_C", 3,
                                dependencies=["ROT_A"])),
                 ("a.yaml", one("TFM_SP_A", "ROT_A", 1,
                                dependencies=["ROT_B"])),
                 ("b.yaml", one("TFM_SP_B", "ROT_B", 2,
                                dependencies=["ROT_C"])),
                 ("d.yaml", one("TFM_SP_D", "ROT_D", 4,
                                dependencies=["ROT_A"]))]
        self.assert_error(parts, "c.yaml: TFM_SP_C: dependencies: dependency "
                          "cycle: TFM_SP_C -> TFM_SP_A -> TFM_SP_B -> "
                          "TFM_SP_C [E078]")


class ConfigurationTest(ToolCase):

    def test_ipc_model_with_sfn_backend(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1, model="IPC",
                                entry_point="a_main"))]
        self.assert_error(parts, "a.yaml: TFM_SP_A: model: an IPC-model "
                          "partition needs --backend IPC (the SFN backend "
                          "runs SFN-model partitions only) [E070]", backend="SFN")

    def test_sfn_backend_above_isolation_level_1(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1))]
        self.assert_error(parts, "--isolation-level: 2 needs --backend IPC: "
                          "the SFN backend runs every partition on one "
                          "stack, so it only provides isolation level 1 [E071]",
                          backend="SFN", level=2)

    def test_mm_iovec_needs_the_build_option(self):
        parts = [("a.yaml", partition("TFM_SP_A", [
            service("ROT_A", 0x100),
            service("ROT_B", 0x101, mm_iovec="enable")]))]
        self.assert_error(parts, "a.yaml: TFM_SP_A: services[1].mm_iovec: "
                          "ROT_B enables MM-IOVEC, which this build does not "
                          "have: configure with "
                          "-DPSA_FRAMEWORK_HAS_MM_IOVEC=ON (tool: "
                          "--mm-iovec), or set mm_iovec: disable [E072]")

    def test_mm_iovec_with_the_build_option(self):
        parts = [("a.yaml", partition("TFM_SP_A", [
            service("ROT_A", 0x100, mm_iovec="enable")]))]
        for backend in ("SFN", "IPC"):
            with self.subTest(backend=backend):
                out = self.generate(parts, "--mm-iovec", backend=backend)
                self.assertIn("WARDEN_SVC_MM_IOVEC",
                              out["warden_load_info.c"])

    def test_ipc_backend_allows_every_isolation_level(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1))]
        for level in (1, 2, 3):
            with self.subTest(level=level):
                out = self.generate(parts, backend="IPC", level=level)
                self.assertIn("#define WARDEN_BACKEND_IPC 1",
                              out["warden_manifest.h"])


class CollectAllTest(ToolCase):

    def test_every_error_is_reported(self):
        parts = [("a.yaml", partition("TFM_SP_A", [
            service("ROT_A", "0xZZ"), stateless("ROT_B", 2,
                                                stateless_handle=0)],
            priority="SOMETIMES", colour="blue")),
                 ("b.yaml", one("TFM_SP_B", "ROT_C", 3,
                                dependencies=["ROT_A", "ROT_NONE"]),
                  {"pid": 7})]
        self.assert_errors(parts, [
            "manifest_list.yaml: TFM_SP_B: pid: 7 is reserved: PIDs 0-255 "
            "belong to Warden itself (user partitions use 256-2999, "
            "tests 3000-5999) [E030]",
            "a.yaml: TFM_SP_A: colour: unknown attribute; list it in "
            "non_ffm_attributes of the manifest list item to allow it [E010]",
            "a.yaml: TFM_SP_A: priority: 'SOMETIMES' is not one of HIGH, "
            "NORMAL, LOW [E013]",
            "a.yaml: TFM_SP_A: services[0].sid: expected a number, got "
            "'0xZZ' [E012]",
            "a.yaml: TFM_SP_A: services[1].stateless_handle: 0 is out of "
            "range 1..32 [E014]",
            # ROT_A is in a manifest that failed: not reported as unknown.
            "b.yaml: TFM_SP_B: dependencies[1]: no partition provides a "
            "service named ROT_NONE [E075]",
        ], backend="IPC", level=3)


if __name__ == "__main__":
    unittest.main()
