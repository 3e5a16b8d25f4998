"""What the inputs declare, once checked: immutable records.

`wm_load` produces `ListEntry` records (one per enabled manifest-list item),
`wm_validate` turns each partition manifest into a `PartitionDecl`. Values are
normalised (numbers are ints, enums are upper-case strings) and nothing is
derived yet: PIDs may be unset, signals and load order are `wm_model`'s job.
"""

import re
from dataclasses import dataclass
from typing import Optional, Tuple, Union

AUTO = "auto"  # stateless_handle: allocated by the tool
STATELESS_MAX = 32  # stateless handle indices are 1..32


def header_key(header: str) -> str:
    """A header name upper-cased, each non-alphanumeric character as '_'.

    Names the include guard of psa_manifest/<header>.h; two headers with the
    same key would clash.
    """
    return re.sub(r"[^A-Za-z0-9]", "_", header).upper()


@dataclass(frozen=True)
class ListEntry:
    """One enabled item of a manifest list."""

    list_path: str                 # absolute path of the list file
    index: int                     # position in its manifest_list
    label: str                     # short_name, or "manifest_list[i]"
    short_name: Optional[str]
    manifest_path: str             # absolute path of the partition manifest
    pid: Optional[int]             # None: assigned by the tool
    non_ffm_attributes: Tuple[str, ...]


@dataclass(frozen=True)
class ServiceDecl:
    """One RoT Service of a partition manifest."""

    index: int                     # position in the manifest's services
    name: str
    sid: int
    non_secure_clients: bool
    connection_based: bool
    version: int
    strict: bool                   # version_policy STRICT (else RELAXED)
    stateless_handle: Union[None, str, int]  # None, AUTO or 1..32
    mm_iovec: bool
    description: Optional[str]


@dataclass(frozen=True)
class MmioDecl:
    """One MMIO region (kept in the model; no output yet)."""

    name: Optional[str]            # named region, or
    base: Optional[int]            # numbered region base + size
    size: Optional[int]
    permission: str


@dataclass(frozen=True)
class IrqDecl:
    """One IRQ (kept in the model; no output yet)."""

    source: Union[str, int]
    name: Optional[str]            # FF-M 1.1
    signal: Optional[str]          # FF-M 1.0
    handling: Optional[str]        # SLIH / FLIH (1.1)
    description: Optional[str]


@dataclass(frozen=True)
class PartitionDecl:
    """One partition manifest, checked on its own (not against the others)."""

    entry: ListEntry
    header: str                    # manifest basename without extension
    ffm_version: str               # "1.0" or "1.1"
    name: str
    psa_rot: bool                  # type PSA-ROT (else APPLICATION-ROT)
    priority: str                  # HIGH / NORMAL / LOW
    model: str                     # IPC / SFN
    entry_point: Optional[str]
    entry_init: Optional[str]
    stack_size: int
    heap_size: Optional[int]
    description: Optional[str]
    services: Tuple[ServiceDecl, ...]
    dependencies: Tuple[str, ...]
    mmio_regions: Tuple[MmioDecl, ...]
    irqs: Tuple[IrqDecl, ...]

    @property
    def path(self) -> str:
        """Absolute path of the manifest file."""
        return self.entry.manifest_path
