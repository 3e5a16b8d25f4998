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
STATELESS_VERSION_MAX = 255  # a stateless handle holds 8 bits of version


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
    output_path: Optional[str] = None   # output_path / output_dir, expanded
    library_patterns: Tuple[str, ...] = ()  # linker_pattern.library_list
    object_patterns: Tuple[str, ...] = ()   # linker_pattern.object_list


@dataclass(frozen=True)
class ServiceDecl:
    """One RoT Service: from `services`, or from the library model's
    `secure_functions` (served as an SFN-model service)."""

    index: int                     # position in its manifest list attribute
    name: str
    sid: int
    non_secure_clients: bool
    connection_based: bool
    version: int
    strict: bool                   # version_policy STRICT (else RELAXED)
    stateless_handle: Union[None, str, int]  # None, AUTO or 1..32
    mm_iovec: bool
    description: Optional[str]
    function: str = ""             # the C function serving it (SFN)
    attr: str = ""                 # e.g. "services[1]", for messages

    @property
    def where(self) -> str:
        """The attribute path of this service, e.g. "services[1]"."""
        return self.attr or "services[%d]" % self.index


@dataclass(frozen=True)
class MmioDecl:
    """One MMIO region: named (the platform knows it) or base + size."""

    index: int
    name: Optional[str]            # named region, or
    base: Optional[int]            # numbered region base + size
    size: Optional[int]
    permission: str                # READ-ONLY / READ-WRITE


@dataclass(frozen=True)
class IrqDecl:
    """One IRQ of a partition."""

    index: int
    source: Union[str, int]        # platform IRQ name or number
    name: Optional[str]            # FF-M 1.1 `name`
    signal: str                    # the signal's macro: <name>_SIGNAL (1.1)
                                   # or the `signal` attribute (1.0)
    handling: str                  # SLIH / FLIH (FF-M 1.0: SLIH)
    description: Optional[str]
    client_id_base: Optional[int] = None
    client_id_limit: Optional[int] = None

    @property
    def flih_function(self) -> Optional[str]:
        """The FLIH function's C name, or None for an SLIH."""
        if self.handling != "FLIH":
            return None
        return (self.name or self.signal).lower() + "_flih"


@dataclass(frozen=True)
class PartitionDecl:
    """One partition manifest, checked on its own (not against the others)."""

    entry: ListEntry
    header: str                    # manifest basename without extension
    ffm_version: str               # "1.0" or "1.1"
    name: str
    psa_rot: bool                  # type PSA-ROT (else APPLICATION-ROT)
    priority: str                  # HIGH / NORMAL / LOW
    model: str                     # IPC / SFN, after "dual" is resolved
    entry_point: Optional[str]
    entry_init: Optional[str]
    stack_size: Union[int, str]    # bytes, or a macro name for the compiler
    heap_size: Optional[int]
    description: Optional[str]
    services: Tuple[ServiceDecl, ...]
    dependencies: Tuple[str, ...]
    mmio_regions: Tuple[MmioDecl, ...]
    irqs: Tuple[IrqDecl, ...]
    declared_model: str = ""       # as written: IPC, SFN, dual or library
    client_id_base: Optional[int] = None
    client_id_limit: Optional[int] = None

    @property
    def path(self) -> str:
        """Absolute path of the manifest file."""
        return self.entry.manifest_path
