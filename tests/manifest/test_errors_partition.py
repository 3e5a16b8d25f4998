"""One test per error in a single partition manifest (wm_validate).

Each test writes a small bad manifest and checks the exact message, which
names the file, the partition and the attribute.
"""

import unittest

from tests.manifest.support import DROP, ToolCase, partition, service, stateless


def svcs(count, first_sid=0x100):
    """`count` valid connection-based services."""
    return [service("SVC_%d" % i, first_sid + i) for i in range(count)]


class RequiredAndUnknownTest(ToolCase):

    def test_required_attribute_missing(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", priority=DROP))],
                          "a.yaml: TFM_SP_A: priority: required attribute "
                          "is missing [E011]")

    def test_model_required_in_ffm_1_1(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", model=DROP))],
                          "a.yaml: TFM_SP_A: model: required attribute is "
                          "missing [E011]")

    def test_service_attribute_missing(self):
        bad = service("ROT_A", 0x100, non_secure_clients=DROP)
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].non_secure_clients: "
                          "required attribute is missing [E011]")

    def test_connection_based_required_in_ffm_1_1(self):
        bad = service("ROT_A", 0x100, connection_based=DROP)
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].connection_based: "
                          "required attribute is missing [E011]")

    def test_unknown_attribute(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", stack_sise=512))],
                          "a.yaml: TFM_SP_A: stack_sise: unknown attribute; "
                          "list it in non_ffm_attributes of the manifest "
                          "list item to allow it [E010]")

    def test_unknown_attribute_allowed_by_non_ffm_attributes(self):
        out = self.generate([("a.yaml", partition("TFM_SP_A", ns_agent=False),
                              {"non_ffm_attributes": ["ns_agent"]})])
        self.assertIn("#define TFM_SP_A (256)", out["psa_manifest/pid.h"])

    def test_unknown_service_attribute(self):
        bad = service("ROT_A", 0x100, signal="ROT_A_SIG")
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].signal: unknown "
                          "attribute [E010]")

    def test_manifest_not_a_mapping(self):
        self.assert_error([("a.yaml", "- just\n- a list\n",
                            {"short_name": "TFM_SP_A"})],
                          "a.yaml: TFM_SP_A: expected a mapping, got a list [E012]")


class TypeAndValueTest(ToolCase):

    def test_stack_size_not_a_number(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                stack_size="12 KB"))],
                          "a.yaml: TFM_SP_A: stack_size: expected a number "
                          "or a macro name, got '12 KB' [E012]")

    def test_stack_size_macro_is_not_a_number(self):
        out = self.generate([("a.yaml", partition("TFM_SP_A",
                                                  stack_size="A_STACK"))],
                            backend="IPC")
        self.assertIn("static uint8_t tfm_sp_a_stack[A_STACK]",
                      out["warden_load_info.c"])
        self.assertIn(".stack_size = A_STACK,", out["warden_load_info.c"])

    def test_stack_size_zero(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", stack_size=0))],
                          "a.yaml: TFM_SP_A: stack_size: 0 is out of range "
                          "1..0xFFFFFFFF [E014]")

    def test_sid_too_large(self):
        bad = service("ROT_A", "0x100000000")
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].sid: '0x100000000' "
                          "is out of range 0..0xFFFFFFFF [E014]")

    def test_boolean_is_not_a_number(self):
        bad = service("ROT_A", True)
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].sid: expected a "
                          "number, got true [E012]")

    def test_non_secure_clients_not_boolean(self):
        bad = service("ROT_A", 0x100, non_secure_clients="yes please")
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].non_secure_clients: "
                          "expected true or false, got 'yes please' [E012]")

    def test_name_not_identifier(self):
        self.assert_error([("a.yaml", partition("TFM SP A",
                                                [service("ROT_A", 1)]),
                            {"short_name": DROP})],
                          "a.yaml: TFM SP A: name: 'TFM SP A' is not a C "
                          "identifier [E015]")

    def test_services_not_a_list(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", services="ROT_A"))],
                          "a.yaml: TFM_SP_A: services: expected a list, got "
                          "'ROT_A' [E012]")

    def test_framework_version(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                psa_framework_version=1.2))],
                          "a.yaml: TFM_SP_A: psa_framework_version: 1.2 is "
                          "not one of 1.0, 1.1 [E013]")

    def test_type_enum(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", type="SPM-ROT"))],
                          "a.yaml: TFM_SP_A: type: 'SPM-ROT' is not one of "
                          "PSA-ROT, APPLICATION-ROT [E013]")

    def test_priority_enum(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", priority="URGENT"))],
                          "a.yaml: TFM_SP_A: priority: 'URGENT' is not one "
                          "of HIGH, NORMAL, LOW [E013]")

    def test_model_enum(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", model="LIBRARY"))],
                          "a.yaml: TFM_SP_A: model: 'LIBRARY' is not one of "
                          "IPC, SFN, dual [E013]")

    def test_version_policy_enum(self):
        bad = service("ROT_A", 0x100, version_policy="LOOSE")
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].version_policy: "
                          "'LOOSE' is not one of STRICT, RELAXED [E013]")

    def test_mm_iovec_enum(self):
        bad = service("ROT_A", 0x100, mm_iovec="on")
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].mm_iovec: 'on' is "
                          "not one of enable, disable [E013]")

    def test_version_zero(self):
        bad = service("ROT_A", 0x100, version=0)
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].version: 0 is out "
                          "of range 1..0xFFFFFFFF [E014]")

    def test_mmio_permission(self):
        region = {"name": "PERIPH_A", "permission": "EXECUTE"}
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                mmio_regions=[region]))],
                          "a.yaml: TFM_SP_A: mmio_regions[0].permission: "
                          "'EXECUTE' is not one of READ-ONLY, READ-WRITE [E013]")

    def test_irq_handling(self):
        irq = {"source": "A_IRQ", "name": "A_IRQ", "handling": "FAST"}
        self.assert_error([("a.yaml", partition("TFM_SP_A", irqs=[irq]))],
                          "a.yaml: TFM_SP_A: irqs[0].handling: 'FAST' is not "
                          "one of SLIH, FLIH [E013]")

    def test_mmio_region_named_and_numbered(self):
        region = {"name": "PERIPH_A", "base": 0x1000, "size": 0x100,
                  "permission": "READ-ONLY"}
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                mmio_regions=[region]))],
                          "a.yaml: TFM_SP_A: mmio_regions[0]: a region has "
                          "either a name or a base and size [E080]")

    def test_mmio_numbered_region_without_size(self):
        region = {"base": 0x1000, "permission": "READ-ONLY"}
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                mmio_regions=[region]))],
                          "a.yaml: TFM_SP_A: mmio_regions[0].size: required "
                          "attribute is missing [E011]")

    def test_irq_source(self):
        irq = {"source": [1], "name": "A_IRQ", "handling": "SLIH"}
        self.assert_error([("a.yaml", partition("TFM_SP_A", irqs=[irq]))],
                          "a.yaml: TFM_SP_A: irqs[0].source: a list is not "
                          "an IRQ name or number [E012]")

    def test_ffm_1_0_irq_needs_signal(self):
        irq = {"source": 5}
        manifest = partition("TFM_SP_A", model="IPC", irqs=[irq],
                             psa_framework_version=1.0)
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: irqs[0].signal: required "
                          "attribute is missing [E011]", backend="IPC")

    def test_ffm_1_1_irq_needs_name_and_handling(self):
        self.assert_errors([("a.yaml", partition("TFM_SP_A",
                                                 irqs=[{"source": 5}]))], [
            "a.yaml: TFM_SP_A: irqs[0].name: required attribute is missing "
            "[E011]",
            "a.yaml: TFM_SP_A: irqs[0].handling: required attribute is "
            "missing [E011]"])

    def test_attribute_name_not_a_string(self):
        text = ("psa_framework_version: 1.1\nname: TFM_SP_A\n"
                "type: PSA-ROT\npriority: LOW\nmodel: SFN\nstack_size: 512\n"
                "services: [{name: ROT_A, sid: 1, non_secure_clients: true,"
                " connection_based: true}]\n1: one\n")
        self.assert_error([("a.yaml", text, {"short_name": "TFM_SP_A"})],
                          "a.yaml: TFM_SP_A: attribute name 1 is not a "
                          "string [E012]")

    def test_dependency_listed_twice(self):
        parts = [("a.yaml", partition("TFM_SP_A", [service("ROT_A", 1)])),
                 ("b.yaml", partition("TFM_SP_B",
                                      dependencies=["ROT_A", "ROT_A"]))]
        self.assert_error(parts, "b.yaml: TFM_SP_B: dependencies[1]: ROT_A is "
                          "listed twice [E077]")


class ModelTest(ToolCase):

    def test_ipc_partition_without_entry_point(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", model="IPC",
                                                entry_point=DROP))],
                          "a.yaml: TFM_SP_A: entry_point: required for an "
                          "IPC-model partition [E060]", backend="IPC")

    def test_sfn_partition_with_entry_point(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                entry_point="a_main"))],
                          "a.yaml: TFM_SP_A: entry_point: an SFN-model "
                          "partition has no entry_point (use entry_init for "
                          "an initialisation function) [E061]")

    def test_ipc_partition_with_entry_init(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", model="IPC",
                                                entry_init="a_init"))],
                          "a.yaml: TFM_SP_A: entry_init: only an SFN-model "
                          "partition has an entry_init; an IPC-model "
                          "partition starts at entry_point [E062]", backend="IPC")

    def test_ffm_1_0_is_ipc_model(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                psa_framework_version=1.0))],
                          "a.yaml: TFM_SP_A: model: 'SFN': FF-M 1.0 "
                          "partitions use the IPC model [E063]", backend="IPC")

    def test_ffm_1_0_services_are_connection_based(self):
        manifest = partition("TFM_SP_A", [stateless("ROT_A", 1)], model="IPC",
                             psa_framework_version=1.0)
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: services[0].connection_based: "
                          "FF-M 1.0 services are connection-based; it must "
                          "be true [E063]", backend="IPC")

    def test_no_services_and_no_irqs(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A", []))],
                          "a.yaml: TFM_SP_A: services: a partition must "
                          "provide at least one service or IRQ [E064]")

    def test_more_than_28_services_and_irqs(self):
        irqs = [{"source": "IRQ_%d" % i, "name": "IRQ_%d" % i,
                 "handling": "SLIH"} for i in range(4)]
        self.assert_error([("a.yaml", partition("TFM_SP_A", svcs(25),
                                                irqs=irqs))],
                          "a.yaml: TFM_SP_A: services: 29 services and irqs; "
                          "a partition has at most 28 (signal bits 4..31) [E065]")

    def test_28_services_and_irqs_are_fine(self):
        out = self.generate([("a.yaml", partition("TFM_SP_A", svcs(28),
                                                  model="IPC"))],
                            backend="IPC")
        header = out["psa_manifest/a.h"]
        self.assertIn("#define SVC_0_SIGNAL (0x10U)", header)
        self.assertIn("#define SVC_27_SIGNAL (0x80000000U)", header)


class VersionTest(ToolCase):
    """What a manifest of one FF-M version may not say."""

    def test_ffm_1_1_irq_with_1_0_signal(self):
        irq = {"source": 3, "signal": "A_IRQ_SIG", "name": "A_IRQ",
               "handling": "SLIH"}
        self.assert_error([("a.yaml", partition("TFM_SP_A", irqs=[irq]))],
                          "a.yaml: TFM_SP_A: irqs[0].signal: not an "
                          "attribute of an FF-M 1.1 manifest [E063]")

    def test_ffm_1_0_service_with_mm_iovec(self):
        manifest = partition("TFM_SP_A", [service("ROT_A", 1,
                                                  mm_iovec="enable")],
                             model="IPC", psa_framework_version=1.0)
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: services[0].mm_iovec: not an "
                          "attribute of an FF-M 1.0 manifest [E063]",
                          backend="IPC")


class LibraryModelTest(ToolCase):
    """secure_functions (the library model), served as SFN services."""

    def function(self, name="TFM_A_F", **changes):
        data = {"name": name, "sid": 2, "non_secure_clients": True}
        data.update(changes)
        return data

    def test_services_and_secure_functions(self):
        manifest = partition("TFM_SP_A", secure_functions=[self.function()])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: secure_functions: a partition "
                          "declares services (IPC/SFN model) or "
                          "secure_functions (library model), not both [E054]")

    def test_signal_in_lower_case(self):
        manifest = partition("TFM_SP_A", DROP, secure_functions=[
            self.function(signal="a_func")])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: secure_functions[0].signal: "
                          "'a_func' must be in upper case: it is the secure "
                          "function's C name (a_func) in upper case [E055]")

    def test_model_other_than_sfn(self):
        manifest = partition("TFM_SP_A", DROP, model="IPC",
                             entry_point=DROP,
                             secure_functions=[self.function()])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: model: 'IPC': secure_functions "
                          "make a library-model partition, which Warden "
                          "serves as an SFN-model one; leave model out or "
                          "set SFN [E016]", backend="IPC")

    def test_entry_point(self):
        manifest = partition("TFM_SP_A", DROP, model=DROP,
                             entry_point="a_init",
                             secure_functions=[self.function()])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: entry_point: a library-model "
                          "partition is served as an SFN-model one, which "
                          "has no entry_point: rename it entry_init "
                          "(psa_status_t f(void)) [E061]")

    def test_unknown_secure_function_attribute(self):
        manifest = partition("TFM_SP_A", DROP, secure_functions=[
            self.function(connection_based=False)])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: secure_functions[0]."
                          "connection_based: unknown attribute [E010]")


class StatelessHandleTest(ToolCase):

    def test_out_of_range(self):
        bad = stateless("ROT_A", 0x100, stateless_handle=33)
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].stateless_handle: "
                          "33 is out of range 1..32 [E014]")

    def test_not_auto_or_number(self):
        bad = stateless("ROT_A", 0x100, stateless_handle="first")
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].stateless_handle: "
                          "'first' is not 'auto' or a number 1..32 [E012]")

    def test_version_beyond_the_handle(self):
        bad = stateless("ROT_A", 0x100, version=256)
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].version: 256 does "
                          "not fit a stateless handle, which carries 8 bits "
                          "of version: a stateless service's version is "
                          "1..255 [E053]")

    def test_version_255_fits(self):
        good = stateless("ROT_A", 0x100, version=255)
        out = self.generate([("a.yaml", partition("TFM_SP_A", [good]))])
        self.assertIn("#define ROT_A_HANDLE (0x4000FF00U)",
                      out["psa_manifest/sid.h"])

    def test_only_without_connection(self):
        bad = service("ROT_A", 0x100, stateless_handle="auto")
        self.assert_error([("a.yaml", partition("TFM_SP_A", [bad]))],
                          "a.yaml: TFM_SP_A: services[0].stateless_handle: "
                          "only a service with connection_based: false has "
                          "a stateless handle [E050]")


if __name__ == "__main__":
    unittest.main()
