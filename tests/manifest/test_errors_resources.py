"""One test per error about what a partition owns: signals, MMIO regions,
IRQ sources and client ID ranges, checked against the platform description
(--platform) and the other partitions."""

import unittest

from tests.manifest.support import (ToolCase, partition, service,
                                    with_secure_interrupts)

PLATFORM = {"description": "test platform", "type": "platform",
            "name": "test",
            "mmio_regions": [{"name": "PERIPH_A", "base": 0x40000000,
                              "size": 0x100}],
            "irqs": [{"name": "A_IRQ_SRC", "number": 7}]}


def irq(source, name, handling="SLIH", **changes):
    """An FF-M 1.1 IRQ."""
    data = {"source": source, "name": name, "handling": handling}
    data.update(changes)
    return data


class PlatformCase(ToolCase):
    """Runs with PLATFORM as --platform."""

    def run_in_tmp(self, *extra, **kwargs):
        self.write("platform.yaml", PLATFORM)
        return super().run_in_tmp(*extra, "--platform", "platform.yaml",
                                  **kwargs)


@with_secure_interrupts
class SignalTest(ToolCase):

    def test_irq_signal_named_like_a_service_signal(self):
        manifest = partition("TFM_SP_A", [service("A", 1)],
                             irqs=[irq(3, "A")])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: irqs[0].name: A_SIGNAL is "
                          "already the signal of services[0] [E043]")

    def test_two_irqs_with_one_name(self):
        manifest = partition("TFM_SP_A", irqs=[irq(3, "I"), irq(4, "I")])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: irqs[1].name: I_SIGNAL is "
                          "already the signal of irqs[0].name [E043]")


class MmioTest(PlatformCase):

    def test_unknown_named_region(self):
        region = {"name": "PERIPH_B", "permission": "READ-ONLY"}
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                mmio_regions=[region]))],
                          "a.yaml: TFM_SP_A: mmio_regions[0].name: PERIPH_B "
                          "is not a named region of the platform test [E081]")

    def test_region_beyond_4_gib(self):
        region = {"base": "0xFFFFFF00", "size": "0x200",
                  "permission": "READ-ONLY"}
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                mmio_regions=[region]))],
                          "a.yaml: TFM_SP_A: mmio_regions[0]: base "
                          "0xFFFFFF00 + size 0x200 ends beyond the 4 GiB "
                          "address space [E082]")

    def test_region_up_to_4_gib_is_fine(self):
        region = {"base": "0xFFFFFF00", "size": "0x100",
                  "permission": "READ-ONLY"}
        out = self.generate([("a.yaml", partition("TFM_SP_A",
                                                  mmio_regions=[region]))])
        self.assertIn(".base = 0xFFFFFF00u,\n        .size = 0x100u,",
                      out["warden_load_info.c"])


class NoPlatformTest(ToolCase):

    def test_named_region_without_a_platform_description(self):
        region = {"name": "PERIPH_A", "permission": "READ-ONLY"}
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                mmio_regions=[region]))],
                          "a.yaml: TFM_SP_A: mmio_regions[0].name: PERIPH_A "
                          "is not a named region of the platform (no "
                          "--platform description given) [E081]")

    def test_named_irq_without_a_platform_description(self):
        manifest = partition("TFM_SP_A", irqs=[irq("A_IRQ_SRC", "A")])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: irqs[0].source: A_IRQ_SRC is "
                          "not an IRQ source of the platform (no --platform "
                          "description given) [E083]")


def undelivered(path, part, index, name, number):
    """The E087 error of irqs[index] of `part` in `path`."""
    return ("%s: %s: irqs[%d].source: %s (IRQ %d) cannot be delivered: this "
            "build has no secure interrupts yet, so its first interrupt would "
            "stop %s; remove the irq [E087]"
            % (path, part, index, name, number, part))


class IrqUndeliveredTest(PlatformCase):
    """Until Warden delivers secure interrupts, every irq is refused (E087),
    whatever names its source, its handling and its FF-M version."""

    def test_numbered_source(self):
        manifest = partition("TFM_SP_A", irqs=[irq(3, "A_IRQ")])
        self.assert_error([("a.yaml", manifest)],
                          undelivered("a.yaml", "TFM_SP_A", 0, "A_IRQ", 3))

    def test_platform_named_source(self):
        manifest = partition("TFM_SP_A", irqs=[irq("A_IRQ_SRC", "A_IRQ")])
        self.assert_error([("a.yaml", manifest)],
                          undelivered("a.yaml", "TFM_SP_A", 0, "A_IRQ", 7))

    def test_flih_irq_of_a_partition_with_no_service(self):
        manifest = partition("TFM_SP_A", [], irqs=[irq(5, "F_IRQ", "FLIH")])
        self.assert_error([("a.yaml", manifest)],
                          undelivered("a.yaml", "TFM_SP_A", 0, "F_IRQ", 5))

    def test_ffm_1_0_irq_named_by_its_signal(self):
        manifest = partition("TFM_SP_A", model="IPC", psa_framework_version=1.0,
                             irqs=[{"source": 9, "signal": "A_IRQ_SIG"}])
        self.assert_error([("a.yaml", manifest)],
                          undelivered("a.yaml", "TFM_SP_A", 0, "A_IRQ_SIG", 9),
                          backend="IPC")

    def test_every_irq_of_every_partition(self):
        parts = [("a.yaml", partition("TFM_SP_A", irqs=[irq(3, "A"),
                                                        irq(4, "B")])),
                 ("b.yaml", partition("TFM_SP_B", [service("B_SVC", 2)],
                                      irqs=[irq(5, "C")]))]
        self.assert_errors(parts, [
            undelivered("a.yaml", "TFM_SP_A", 0, "A", 3),
            undelivered("a.yaml", "TFM_SP_A", 1, "B", 4),
            undelivered("b.yaml", "TFM_SP_B", 0, "C", 5)])

    def test_an_unknown_source_is_e083_alone(self):
        manifest = partition("TFM_SP_A", irqs=[irq("B_IRQ_SRC", "B")])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: irqs[0].source: B_IRQ_SRC is "
                          "not an IRQ source of the platform test [E083]")

    def test_partitions_without_irqs_pass(self):
        self.generate([("a.yaml", partition("TFM_SP_A"))])


@with_secure_interrupts
class IrqTest(PlatformCase):

    def test_unknown_named_source(self):
        manifest = partition("TFM_SP_A", irqs=[irq("B_IRQ_SRC", "B")])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: irqs[0].source: B_IRQ_SRC is "
                          "not an IRQ source of the platform test [E083]")

    def test_source_twice_in_a_partition(self):
        manifest = partition("TFM_SP_A", irqs=[irq("A_IRQ_SRC", "A"),
                                               irq(7, "B")])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: irqs[1].source: IRQ 7 is "
                          "already the source of irqs[0] of TFM_SP_A in "
                          "a.yaml [E084]")

    def test_source_in_two_partitions(self):
        parts = [("a.yaml", partition("TFM_SP_A", irqs=[irq(7, "A")])),
                 ("b.yaml", partition("TFM_SP_B", [service("B_SVC", 2)],
                                      irqs=[irq("A_IRQ_SRC", "B")]))]
        self.assert_error(parts, "b.yaml: TFM_SP_B: irqs[0].source: IRQ 7 is "
                          "already the source of irqs[0] of TFM_SP_A in "
                          "a.yaml [E084]")


class ClientIdTest(ToolCase):

    def test_base_without_limit(self):
        self.assert_error([("a.yaml", partition("TFM_SP_A",
                                                client_id_base=-100))],
                          "a.yaml: TFM_SP_A: client_id_limit: required with "
                          "client_id_base: a client ID range has a base and "
                          "a limit [E085]")

    def test_limit_below_base(self):
        self.assert_error([("a.yaml", partition(
            "TFM_SP_A", client_id_base="-0x10", client_id_limit="-0x20"))],
                          "a.yaml: TFM_SP_A: client_id_limit: -32 is below "
                          "client_id_base -16 [E085]")

    def test_not_negative(self):
        self.assert_errors([("a.yaml", partition(
            "TFM_SP_A", client_id_base=5, client_id_limit=6))], [
                "a.yaml: TFM_SP_A: client_id_base: 5 is out of range "
                "-0x80000000..-1 [E014]",
                "a.yaml: TFM_SP_A: client_id_limit: 6 is out of range "
                "-0x80000000..-1 [E014]"])

    def test_irq_range_outside_the_partition_range(self):
        manifest = partition("TFM_SP_A", client_id_base="-0x20",
                             client_id_limit="-0x10", irqs=[
                                 irq(3, "I", client_id_base=-0x30,
                                     client_id_limit=-0x12)])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: irqs[0].client_id_base: "
                          "-48..-18 is outside the partition's client ID "
                          "range -32..-16 [E085]")

    def test_irq_range_without_a_partition_range(self):
        manifest = partition("TFM_SP_A", irqs=[
            irq(3, "I", client_id_base=-0x30, client_id_limit=-0x12)])
        self.assert_error([("a.yaml", manifest)],
                          "a.yaml: TFM_SP_A: irqs[0].client_id_base: an "
                          "IRQ's client ID range needs one for its partition "
                          "(client_id_base and client_id_limit) [E085]")

    def test_ranges_overlap(self):
        parts = [("a.yaml", partition("TFM_SP_A", client_id_base="-0x20",
                                      client_id_limit="-0x10")),
                 ("b.yaml", partition("TFM_SP_B", [service("B_SVC", 9)],
                                      client_id_base=-0x18,
                                      client_id_limit=-0x11))]
        self.assert_error(parts, "b.yaml: TFM_SP_B: client_id_base: -24..-17 "
                          "overlaps -32..-16 of TFM_SP_A in a.yaml [E086]")

    def test_ranges_in_the_header(self):
        out = self.generate([("a.yaml", partition(
            "TFM_SP_A", client_id_base="-0x0400ffff",
            client_id_limit="-0x04000000"))])
        self.assertIn("#define TFM_SP_A_CLIENT_ID_BASE (-67174399)\n"
                      "#define TFM_SP_A_CLIENT_ID_LIMIT (-67108864)\n",
                      out["psa_manifest/a.h"])


class PlatformDescriptionTest(ToolCase):

    def test_name_defined_twice(self):
        self.write("platform.yaml", {"irqs": [{"name": "X", "number": 1},
                                              {"name": "X", "number": 2}]})
        self.setup_parts([("a.yaml", partition("TFM_SP_A"))])
        status, errors = self.run_in_tmp("--platform", "platform.yaml")
        self.assertEqual((status, errors), (1, [
            "platform.yaml: irqs[1].name: X is already defined in this "
            "platform description [E090]"]))

    def test_malformed_entries(self):
        self.write("platform.yaml", {"type": "board", "mmio_regions": [
            {"name": "R", "base": 0x1000}, "S"], "colour": "red"})
        self.setup_parts([("a.yaml", partition("TFM_SP_A"))])
        status, errors = self.run_in_tmp("--platform", "platform.yaml")
        self.assertEqual((status, errors), (1, [
            "platform.yaml: colour: unknown attribute [E010]",
            "platform.yaml: type: 'board' is not one of platform [E013]",
            "platform.yaml: mmio_regions[0].size: required attribute is "
            "missing [E011]",
            "platform.yaml: mmio_regions[1]: expected a mapping, got 'S' "
            "[E012]"]))

    def test_missing_description(self):
        self.setup_parts([("a.yaml", partition("TFM_SP_A"))])
        status, errors = self.run_in_tmp("--platform", "none.yaml")
        self.assertEqual((status, errors), (1, [
            "none.yaml: cannot read: No such file or directory [E001]"]))


if __name__ == "__main__":
    unittest.main()
