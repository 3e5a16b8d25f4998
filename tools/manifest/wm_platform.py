"""What the platform provides to partitions: named MMIO regions and named
IRQ sources, read from a platform description (`--platform FILE`).

    description: "AN505 peripherals partitions may own"
    type: platform
    ppc_banks: [APBNSPPC0, APBNSPPCEXP1]
    mmio_regions:
      - {name: TFM_PERIPHERAL_A, base: 0x40100000, size: 0x1000,
         ppc_bank: APBNSPPCEXP1, ppc_bit: 6}
    irq_lines: 124
    irqs:
      - {name: TFM_A_IRQ, number: 7}

A manifest's named region or named IRQ source must be one of these; the
load info then carries the region's base and size and the IRQ's number, so
the SPM needs no platform header to place them. Without a description the
platform has no named regions or IRQ sources (numbers still work).
`irq_lines` (optional) is the number of the platform's interrupt lines:
IRQ numbers, named or in a manifest, are then 0..irq_lines - 1; without it
any number is taken.

A platform whose peripherals sit behind peripheral protection controllers
lists the controllers' registers as `ppc_banks` (the load info numbers a
bank by its place in that list, and warden_manifest.h names each as
WARDEN_PPC_BANK_<NAME>), and gives each region the bank and bit that guard
it; both are optional, a region has both or neither.
"""

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping, Optional, Tuple

import wm_schema as schema
from wm_codes import Code
from wm_errors import Diagnostics, Located
from wm_files import read_data

TOP_KEYS = ("description", "type", "name", "ppc_banks", "mmio_regions",
            "irq_lines", "irqs")
REGION_KEYS = ("name", "base", "size", "ppc_bank", "ppc_bit", "description")
IRQ_KEYS = ("name", "number", "description")
# The load info keeps a bank number in a byte; 0xFF means "no PPC".
PPC_BANKS_MAX = 255
PPC_BIT_MAX = 31


@dataclass(frozen=True)
class NamedRegion:
    """A named MMIO region of the platform."""

    base: int
    size: int
    ppc_bank: Optional[int] = None   # index into Platform.ppc_banks
    ppc_bit: Optional[int] = None


@dataclass(frozen=True)
class Platform:
    """The named resources of a platform."""

    name: str = ""
    regions: Mapping[str, NamedRegion] = field(
        default_factory=lambda: MappingProxyType({}))   # name -> region
    irqs: Mapping[str, int] = field(
        default_factory=lambda: MappingProxyType({}))   # name -> number
    ppc_banks: Tuple[str, ...] = ()
    irq_lines: Optional[int] = None   # IRQ numbers are below it; None: any

    def describe(self) -> str:
        """How to name the platform in a message."""
        return "the platform %s" % self.name if self.name else \
            "the platform (no --platform description given)"


def load_platform(path: Optional[str], diag: Diagnostics) -> Platform:
    """Reads the platform description at `path` (None: an empty platform).

    Problems are reported to `diag`; the entries that passed are kept.
    """
    if path is None:
        return Platform()
    data, problem = read_data(path)
    if problem:
        diag.error(problem[0], path, None, None, problem[1])
        return Platform()
    at = Located(diag, path, None)
    if schema.mapping(at, None, data) is schema.INVALID:
        return Platform()
    schema.check_keys(at, "", data, TOP_KEYS, ())
    if "type" in data:
        schema.choice(at, "type", data["type"], ("platform",))
    name = data.get("name", "")
    if schema.text(at, "name", name) is schema.INVALID:
        name = ""
    banks = _ppc_banks(at, data)
    regions = _named(at, data, "mmio_regions", REGION_KEYS, ("base", "size"),
                     lambda attr, item: _ppc_position(at, attr, item, banks))
    _ppc_shared(at, regions)
    lines = _irq_lines(at, data)
    irqs = _named(at, data, "irqs", IRQ_KEYS, ("number",),
                  high=None if lines is None else lines - 1)
    return Platform(name=name,
                    regions=MappingProxyType(
                        {k: NamedRegion(v[0], v[1], *v[2])
                         for k, v in regions.items()}),
                    irqs=MappingProxyType({k: v[0] for k, v in irqs.items()}),
                    ppc_banks=banks, irq_lines=lines)


def _irq_lines(at: Located, data: Any) -> Optional[int]:
    """`irq_lines`: a number 1.., or None when absent or invalid."""
    if "irq_lines" not in data:
        return None
    lines = schema.number(at, "irq_lines", data["irq_lines"], 1)
    return None if lines is schema.INVALID else lines


def _ppc_banks(at: Located, data: Any) -> Tuple[str, ...]:
    """The `ppc_banks` list: unique C identifiers, at most PPC_BANKS_MAX."""
    listed = schema.sequence(at, "ppc_banks", data.get("ppc_banks"))
    if listed is schema.INVALID:
        return ()
    banks: list = []
    for index, bank in enumerate(listed):
        attr = "ppc_banks[%d]" % index
        if schema.identifier(at, attr, bank) is schema.INVALID:
            continue
        if bank in banks:
            at.error(Code.PLATFORM, attr, "%s is already defined in this "
                     "platform description" % bank)
            continue
        banks.append(bank)
    if len(banks) > PPC_BANKS_MAX:
        at.error(Code.RANGE, "ppc_banks", "%d banks: a platform has at most "
                 "%d" % (len(banks), PPC_BANKS_MAX))
        return ()
    return tuple(banks)


def _ppc_position(at: Located, attr: str, item: Any,
                  banks: Tuple[str, ...]) -> Any:
    """(bank index, bit) of a region, (None, None) without a PPC, or
    INVALID."""
    if "ppc_bank" not in item and "ppc_bit" not in item:
        return (None, None)
    if "ppc_bank" not in item or "ppc_bit" not in item:
        given, missing = ("ppc_bank", "ppc_bit") if "ppc_bank" in item \
            else ("ppc_bit", "ppc_bank")
        at.error(Code.MISSING, "%s.%s" % (attr, missing), "required with %s: "
                 "a region's place in a PPC is a bank and a bit" % given)
        return schema.INVALID
    bank = item["ppc_bank"]
    bit = schema.number(at, attr + ".ppc_bit", item["ppc_bit"], 0, PPC_BIT_MAX)
    if bank not in banks:
        at.error(Code.CHOICE, attr + ".ppc_bank", "%s is not one of this "
                 "platform description's ppc_banks (%s)"
                 % (schema.show(bank), ", ".join(banks) or "none listed"))
        return schema.INVALID
    if bit is schema.INVALID:
        return schema.INVALID
    return (banks.index(bank), bit)


def _ppc_shared(at: Located, regions: dict) -> None:
    """No two regions have one PPC position (each names its own bit)."""
    seen: dict = {}
    for name, (_, _, position, index) in regions.items():
        if position[0] is None:
            continue
        first = seen.setdefault(position, name)
        if first != name:
            at.error(Code.PPC_SHARED, "mmio_regions[%d].ppc_bit" % index,
                     "%s is guarded by the same PPC bank and bit as %s"
                     % (name, first))


def _named(at: Located, data: Any, key: str, keys: Tuple[str, ...],
           numbers: Tuple[str, ...], extra=None,
           high: Optional[int] = None) -> dict:
    """name -> tuple of the `numbers` attributes, then the `extra` check's
    result (when given), then the item's index, for the list at
    data[key]. `high`: the largest value of a number (None: 32 bits)."""
    result: dict = {}
    listed = schema.sequence(at, key, data.get(key))
    if listed is schema.INVALID:
        return result
    for index, item in enumerate(listed):
        attr = "%s[%d]" % (key, index)
        if schema.mapping(at, attr, item) is schema.INVALID:
            continue
        schema.check_keys(at, attr + ".", item, keys, ("name",) + numbers)
        name = schema.identifier(at, attr + ".name", item.get("name")) \
            if "name" in item else schema.INVALID
        values = tuple(schema.number(at, "%s.%s" % (attr, n), item[n],
                                     1 if n == "size" else 0,
                                     schema.UINT32_MAX if high is None
                                     else high)
                       if n in item else schema.INVALID for n in numbers)
        if extra is not None:
            values += (extra(attr, item),)
        if name is schema.INVALID or schema.INVALID in values:
            continue
        if name in result:
            at.error(Code.PLATFORM, attr + ".name", "%s is already defined "
                     "in this platform description" % name)
            continue
        result[name] = values + (index,)
    return result
