"""One test per error about what a partition owns: signals, MMIO regions,
IRQ sources and client ID ranges, checked against the platform description
(--platform) and the other partitions."""

import unittest
from unittest import mock

from tests.manifest.support import (ToolCase, partition, service,
                                    with_secure_interrupts, wm_checks)

PLATFORM = {"description": "test platform", "type": "platform",
            "name": "test", "ppc_banks": ["PPC_X", "PPC_Y"],
            "mmio_regions": [{"name": "PERIPH_A", "base": 0x40000000,
                              "size": 0x100, "ppc_bank": "PPC_Y",
                              "ppc_bit": 2},
                             {"name": "PERIPH_Q", "base": 0x40001000,
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


def named(name, permission="READ-WRITE"):
    """A named MMIO region."""
    return {"name": name, "permission": permission}


def numbered(base, size, permission="READ-ONLY"):
    """A numbered MMIO region."""
    return {"base": base, "size": size, "permission": permission}


class MmioOwnerTest(PlatformCase):
    """An MMIO region has one owner (E088)."""

    def two(self, first, second):
        """Partitions A (a.yaml) and B (b.yaml) with these regions."""
        return [("a.yaml", partition("TFM_SP_A", mmio_regions=first)),
                ("b.yaml", partition("TFM_SP_B", [service("B_SVC", 2)],
                                     mmio_regions=second))]

    def test_named_region_in_two_partitions(self):
        self.assert_error(self.two([named("PERIPH_A")],
                                   [numbered(0x50000000, 0x10),
                                    named("PERIPH_A", "READ-ONLY")]),
                          "b.yaml: TFM_SP_B: mmio_regions[1].name: PERIPH_A "
                          "is already mmio_regions[0] of TFM_SP_A in a.yaml: "
                          "a region has one owner [E088]")

    def test_numbered_regions_overlap(self):
        self.assert_error(self.two([numbered(0x48000000, 0x100)],
                                   [numbered(0x480000F0, 0x20)]),
                          "b.yaml: TFM_SP_B: mmio_regions[0]: 0x480000F0 + "
                          "0x20 overlaps 0x48000000 + 0x100, mmio_regions[0] "
                          "of TFM_SP_A in a.yaml [E088]")

    def test_numbered_region_over_a_named_one(self):
        self.assert_error(self.two([named("PERIPH_A")],
                                   [numbered("0x400000FF", 1)]),
                          "b.yaml: TFM_SP_B: mmio_regions[0]: 0x400000FF + "
                          "0x1 overlaps PERIPH_A (0x40000000 + 0x100), "
                          "mmio_regions[0] of TFM_SP_A in a.yaml [E088]")

    def test_named_region_over_a_numbered_one(self):
        self.assert_error(self.two([numbered(0x3FFFFF00, 0x101)],
                                   [named("PERIPH_A")]),
                          "b.yaml: TFM_SP_B: mmio_regions[0].name: PERIPH_A "
                          "(0x40000000 + 0x100) overlaps 0x3FFFFF00 + 0x101, "
                          "mmio_regions[0] of TFM_SP_A in a.yaml [E088]")

    def test_every_clash_of_three_partitions(self):
        parts = self.two([named("PERIPH_A")], [named("PERIPH_A")])
        parts.append(("c.yaml", partition("TFM_SP_C", [service("C_SVC", 3)],
                                          mmio_regions=[named("PERIPH_A")])))
        self.assert_errors(parts, [
            "b.yaml: TFM_SP_B: mmio_regions[0].name: PERIPH_A is already "
            "mmio_regions[0] of TFM_SP_A in a.yaml: a region has one owner "
            "[E088]",
            "c.yaml: TFM_SP_C: mmio_regions[0].name: PERIPH_A is already "
            "mmio_regions[0] of TFM_SP_A in a.yaml: a region has one owner "
            "[E088]"])

    def test_an_unknown_name_is_e081_alone(self):
        self.assert_errors(self.two([named("PERIPH_B")],
                                    [named("PERIPH_B")]), [
            "a.yaml: TFM_SP_A: mmio_regions[0].name: PERIPH_B is not a named "
            "region of the platform test [E081]",
            "b.yaml: TFM_SP_B: mmio_regions[0].name: PERIPH_B is not a named "
            "region of the platform test [E081]"])

    def test_adjacent_regions_pass(self):
        self.generate(self.two([named("PERIPH_A"),
                                numbered(0x40000200, 0x100)],
                               [numbered(0x40000100, 0x100),
                                numbered("0x3FFFFF00", "0x100")]))

    def test_a_partition_may_list_overlapping_regions_of_its_own(self):
        self.generate([("a.yaml", partition("TFM_SP_A", mmio_regions=[
            named("PERIPH_A"), numbered(0x40000080, 0x10)]))])


class MmioLoadInfoTest(PlatformCase):
    """The load info's MMIO table: base, size, owner, permission and the
    PPC position of a named region."""

    def test_table(self):
        out = self.generate([("a.yaml", partition("TFM_SP_A", mmio_regions=[
            named("PERIPH_A", "READ-ONLY"), named("PERIPH_Q"),
            numbered(0x48000000, 0x40, "READ-WRITE")]))])
        self.assertIn(
            "    {\n"
            "        .name = \"PERIPH_A\",\n"
            "        .base = 0x40000000u,\n"
            "        .size = 0x100u,\n"
            "        .partition = 0,\n"
            "        .flags = 0,\n"
            "        .ppc_bank = WARDEN_PPC_BANK_PPC_Y,\n"
            "        .ppc_bit = 2,\n"
            "    },\n"
            "    {\n"
            "        .name = \"PERIPH_Q\",\n"
            "        .base = 0x40001000u,\n"
            "        .size = 0x100u,\n"
            "        .partition = 0,\n"
            "        .flags = WARDEN_MMIO_READ_WRITE,\n"
            "        .ppc_bank = WARDEN_MMIO_NO_PPC,\n"
            "        .ppc_bit = WARDEN_MMIO_NO_PPC,\n"
            "    },\n"
            "    {\n"
            "        .name = NULL,\n"
            "        .base = 0x48000000u,\n"
            "        .size = 0x40u,\n"
            "        .partition = 0,\n"
            "        .flags = WARDEN_MMIO_READ_WRITE,\n"
            "        .ppc_bank = WARDEN_MMIO_NO_PPC,\n"
            "        .ppc_bit = WARDEN_MMIO_NO_PPC,\n"
            "    },\n"
            "    {0},\n", out["warden_load_info.c"])
        self.assertIn("#define WARDEN_NUM_PPC_BANKS 2\n"
                      "#define WARDEN_PPC_BANK_PPC_X 0\n"
                      "#define WARDEN_PPC_BANK_PPC_Y 1\n",
                      out["warden_manifest.h"])


class NoPlatformTest(ToolCase):

    def test_no_ppc_banks(self):
        out = self.generate([("a.yaml", partition("TFM_SP_A", mmio_regions=[
            numbered(0x48000000, 0x40)]))])
        self.assertIn("#define WARDEN_NUM_PPC_BANKS 0\n\n",
                      out["warden_manifest.h"])
        self.assertIn(".ppc_bank = WARDEN_MMIO_NO_PPC,\n",
                      out["warden_load_info.c"])

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


@mock.patch.object(wm_checks, "SECURE_INTERRUPTS", False)
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

    def check_platform(self, platform, expected):
        """Runs with `platform` as the description: exactly `expected`."""
        self.write("platform.yaml", platform)
        self.setup_parts([("a.yaml", partition("TFM_SP_A"))])
        status, errors = self.run_in_tmp("--platform", "platform.yaml")
        self.assertEqual((status, errors), (1, expected))

    def test_ppc_bank_without_bit(self):
        self.check_platform({"ppc_banks": ["P0"], "mmio_regions": [
            {"name": "R", "base": 0x1000, "size": 0x10, "ppc_bank": "P0"}]}, [
                "platform.yaml: mmio_regions[0].ppc_bit: required with "
                "ppc_bank: a region's place in a PPC is a bank and a bit "
                "[E011]"])

    def test_ppc_bit_without_bank(self):
        self.check_platform({"ppc_banks": ["P0"], "mmio_regions": [
            {"name": "R", "base": 0x1000, "size": 0x10, "ppc_bit": 1}]}, [
                "platform.yaml: mmio_regions[0].ppc_bank: required with "
                "ppc_bit: a region's place in a PPC is a bank and a bit "
                "[E011]"])

    def test_unknown_ppc_bank(self):
        self.check_platform({"ppc_banks": ["P0", "P1"], "mmio_regions": [
            {"name": "R", "base": 0x1000, "size": 0x10, "ppc_bank": "P2",
             "ppc_bit": 1}]}, [
                "platform.yaml: mmio_regions[0].ppc_bank: 'P2' is not one of "
                "this platform description's ppc_banks (P0, P1) [E013]"])

    def test_ppc_bank_without_ppc_banks(self):
        self.check_platform({"mmio_regions": [
            {"name": "R", "base": 0x1000, "size": 0x10, "ppc_bank": 3,
             "ppc_bit": 1}]}, [
                "platform.yaml: mmio_regions[0].ppc_bank: 3 is not one of "
                "this platform description's ppc_banks (none listed) [E013]"])

    def test_ppc_bit_out_of_range(self):
        self.check_platform({"ppc_banks": ["P0"], "mmio_regions": [
            {"name": "R", "base": 0x1000, "size": 0x10, "ppc_bank": "P0",
             "ppc_bit": 32}]}, [
                "platform.yaml: mmio_regions[0].ppc_bit: 32 is out of range "
                "0..31 [E014]"])

    def test_ppc_bank_listed_twice(self):
        self.check_platform({"ppc_banks": ["P0", "P1", "P0"]}, [
            "platform.yaml: ppc_banks[2]: P0 is already defined in this "
            "platform description [E090]"])

    def test_ppc_bank_not_an_identifier(self):
        self.check_platform({"ppc_banks": ["P 0"]}, [
            "platform.yaml: ppc_banks[0]: 'P 0' is not a C identifier "
            "[E015]"])

    def test_too_many_ppc_banks(self):
        self.check_platform({"ppc_banks": ["P%d" % i for i in range(256)]}, [
            "platform.yaml: ppc_banks: 256 banks: a platform has at most 255 "
            "[E014]"])

    def test_two_regions_one_ppc_position(self):
        self.check_platform({"ppc_banks": ["P0", "P1"], "mmio_regions": [
            {"name": "R", "base": 0x1000, "size": 0x10, "ppc_bank": "P1",
             "ppc_bit": 4},
            {"name": "S", "base": 0x2000, "size": 0x10, "ppc_bank": "P0",
             "ppc_bit": 4},
            {"name": "T", "base": 0x3000, "size": 0x10, "ppc_bank": "P1",
             "ppc_bit": 4}]}, [
                "platform.yaml: mmio_regions[2].ppc_bit: T is guarded by the "
                "same PPC bank and bit as R [E091]"])

    def test_missing_description(self):
        self.setup_parts([("a.yaml", partition("TFM_SP_A"))])
        status, errors = self.run_in_tmp("--platform", "none.yaml")
        self.assertEqual((status, errors), (1, [
            "none.yaml: cannot read: No such file or directory [E001]"]))


if __name__ == "__main__":
    unittest.main()
