"""What the platform provides to partitions: named MMIO regions and named
IRQ sources, read from a platform description (`--platform FILE`).

    description: "AN505 peripherals partitions may own"
    type: platform
    mmio_regions:
      - {name: TFM_PERIPHERAL_A, base: 0x40100000, size: 0x1000}
    irqs:
      - {name: TFM_A_IRQ, number: 7}

A manifest's named region or named IRQ source must be one of these; the
load info then carries the region's base and size and the IRQ's number, so
the SPM needs no platform header to place them. Without a description the
platform has no named regions or IRQ sources (numbers still work).
"""

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping, Optional, Tuple

import wm_schema as schema
from wm_codes import Code
from wm_errors import Diagnostics, Located
from wm_files import read_data

TOP_KEYS = ("description", "type", "name", "mmio_regions", "irqs")
REGION_KEYS = ("name", "base", "size", "description")
IRQ_KEYS = ("name", "number", "description")


@dataclass(frozen=True)
class Platform:
    """The named resources of a platform."""

    name: str = ""
    regions: Mapping[str, Tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({}))   # name -> (base, size)
    irqs: Mapping[str, int] = field(
        default_factory=lambda: MappingProxyType({}))   # name -> number

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
    regions = _named(at, data, "mmio_regions", REGION_KEYS, ("base", "size"))
    irqs = _named(at, data, "irqs", IRQ_KEYS, ("number",))
    return Platform(name=name,
                    regions=MappingProxyType(
                        {k: (v[0], v[1]) for k, v in regions.items()}),
                    irqs=MappingProxyType({k: v[0] for k, v in irqs.items()}))


def _named(at: Located, data: Any, key: str, keys: Tuple[str, ...],
           numbers: Tuple[str, ...]) -> dict:
    """name -> tuple of the `numbers` attributes, for the list at data[key]."""
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
                                     1 if n == "size" else 0)
                       if n in item else schema.INVALID for n in numbers)
        if name is schema.INVALID or schema.INVALID in values:
            continue
        if name in result:
            at.error(Code.PLATFORM, attr + ".name", "%s is already defined "
                     "in this platform description" % name)
            continue
        result[name] = values
    return result
