"""Stage 3: the immutable model the templates render.

Built from checked declarations only; everything derived is decided here, in
one place: PIDs for partitions without one, load order, service and IRQ
signals, stateless handle indices and values, where each partition's header
goes, its library, and the table offsets of the load info.
"""

import heapq
import posixpath
from dataclasses import dataclass
from types import MappingProxyType
from typing import Dict, List, Optional, Sequence, Tuple, Union

from wm_checks import dependency_graph, irq_number
from wm_decl import AUTO, STATELESS_MAX, PartitionDecl, ServiceDecl
from wm_load import library_kind
from wm_platform import Platform

PRIORITY_VALUE = MappingProxyType({"HIGH": 0x0F, "NORMAL": 0x1F, "LOW": 0x7F})
FIRST_SIGNAL_BIT = 4               # bits 0..3 are reserved in every partition
LAST_SIGNAL_BIT = 31               # IRQ j gets bit 31 - j
STATELESS_HANDLE_BIT = 0x40000000
PID_AUTO_AFTER = 255               # auto PIDs start above Warden's range


@dataclass(frozen=True)
class Service:
    """A RoT Service as the load info describes it."""

    name: str
    sid: int
    version: int
    non_secure_clients: bool
    connection_based: bool
    strict: bool
    mm_iovec: bool
    signal: int                    # 1 << (4 + i) for the IPC model or the
                                   # IPC backend; 0 (SFN model, SFN backend)
    stateless_index: int           # 1..32 for a stateless service, else 0
    partition_index: int           # position of its partition in load order
    description: Optional[str]
    function: str = ""             # the SFN serving it

    @property
    def lower(self) -> str:
        """The name in lower case (C function names)."""
        return self.name.lower()

    @property
    def handle(self) -> Optional[int]:
        """The stateless handle value clients use, or None."""
        if not self.stateless_index:
            return None
        return (STATELESS_HANDLE_BIT | ((self.version & 0xFF) << 8)
                | (self.stateless_index - 1))

    @property
    def flags(self) -> Tuple[str, ...]:
        """The WARDEN_SVC_* flags that apply."""
        named = (("WARDEN_SVC_NS_CLIENTS", self.non_secure_clients),
                 ("WARDEN_SVC_CONNECTION", self.connection_based),
                 ("WARDEN_SVC_STRICT", self.strict),
                 ("WARDEN_SVC_MM_IOVEC", self.mm_iovec))
        return tuple(name for name, on in named if on)


@dataclass(frozen=True)
class Irq:
    """An IRQ as the load info describes it."""

    name: str                      # the signal's name without _SIGNAL (1.1)
                                   # or the 1.0 signal name
    signal_macro: str              # <name>_SIGNAL (1.1) / `signal` (1.0)
    signal: int                    # 1 << (31 - j)
    source: Union[int, str]        # as written in the manifest
    number: int                    # the IRQ number
    flih: Optional[str]            # FLIH function, or None (SLIH)
    partition_index: int
    client_id_base: Optional[int]
    client_id_limit: Optional[int]
    enabled_at_load: bool = False  # an FF-M 1.0 partition's: enabled when
                                   # it loads (1.1: psa_irq_enable())

    @property
    def flags(self) -> Tuple[str, ...]:
        """The WARDEN_IRQ_* flags that apply."""
        named = (("WARDEN_IRQ_FLIH", self.flih is not None),
                 ("WARDEN_IRQ_ENABLED_AT_LOAD", self.enabled_at_load))
        return tuple(name for name, on in named if on)


@dataclass(frozen=True)
class Mmio:
    """An MMIO region with its base and size (from the platform if named)."""

    name: Optional[str]
    base: int
    size: int
    read_write: bool
    partition_index: int
    ppc_bank: Optional[int] = None     # index into Build.ppc_banks, or
    ppc_bit: Optional[int] = None      # None: not behind a PPC


# The C library functions a partition's heap serves (heap_size).
ALLOCATOR_FUNCTIONS = ("malloc", "calloc", "realloc", "free")


@dataclass(frozen=True)
class Partition:  # pylint: disable=too-many-instance-attributes
    """A partition as the generated headers and load info describe it."""

    name: str
    pid: int
    header: str                    # psa_manifest/<header>.h
    output_dir: str                # of its header: "" = OUTDIR, relative
                                   # to OUTDIR, or absolute
    ffm_version: str
    psa_rot: bool
    priority: str                  # HIGH / NORMAL / LOW
    model: str                     # IPC / SFN (dual resolved)
    declared_model: str            # IPC / SFN / dual / library
    entry_point: Optional[str]
    entry_init: Optional[str]
    stack_size: Union[int, str]
    heap_size: Union[None, int, str]
    description: Optional[str]
    services: Tuple[Service, ...]
    dependencies: Tuple[str, ...]  # service names, as in the manifest
    irqs: Tuple[Irq, ...]
    mmio: Tuple[Mmio, ...]
    first_service: int
    first_dep: int
    first_irq: int
    first_mmio: int
    library: str                   # its CMake library
    library_patterns: Tuple[str, ...]
    object_patterns: Tuple[str, ...]
    client_id_base: Optional[int]
    client_id_limit: Optional[int]

    @property
    def lower(self) -> str:
        """The name in lower case (C variable names)."""
        return self.name.lower()

    @property
    def model_ipc(self) -> bool:
        """True for the IPC model, False for SFN."""
        return self.model == "IPC"

    @property
    def header_path(self) -> str:
        """Its header's path, relative to OUTDIR unless output_dir is
        absolute; what the load info #includes."""
        return posixpath.join(self.output_dir, "psa_manifest",
                              self.header + ".h")

    @property
    def flags(self) -> Tuple[str, ...]:
        """The WARDEN_PART_* flags that apply."""
        named = (("WARDEN_PART_MODEL_IPC", self.model_ipc),
                 ("WARDEN_PART_PSA_ROT", self.psa_rot))
        return tuple(name for name, on in named if on)

    @property
    def has_flih(self) -> bool:
        """True when one of its IRQs is handled as FLIH."""
        return any(i.flih is not None for i in self.irqs)

    @property
    def patterns(self) -> Tuple[str, ...]:
        """The linker input patterns of its code and data."""
        return self.library_patterns + self.object_patterns

    @property
    def has_heap(self) -> bool:
        """True when its manifest gives a heap_size (a macro, or a number
        above 0)."""
        return self.heap_size not in (None, 0)

    @property
    def heap_source(self) -> Optional[str]:
        """Its heap's generated source (relative to OUTDIR), or None."""
        return "warden_heap_%s.c" % self.lower if self.has_heap else None

    @property
    def allocator(self) -> Tuple[Tuple[str, str], ...]:
        """(C library function, the symbol its calls in the partition's
        code become): its heap's functions, or, without a heap, names the
        linker reports as undefined and that say what to do."""
        if self.has_heap:
            return tuple((f, "%s_heap_%s" % (self.lower, f))
                         for f in ALLOCATOR_FUNCTIONS)
        return tuple((f, "%s_calls_%s_but_its_manifest_has_no_heap_size"
                      % (self.name, f)) for f in ALLOCATOR_FUNCTIONS)


@dataclass(frozen=True)
class Build:
    """Everything one run generates output from."""

    backend: str                   # SFN / IPC
    isolation_level: int
    partitions: Tuple[Partition, ...]   # in load order
    disabled: Tuple[str, ...] = ()      # list items switched off
    ppc_banks: Tuple[str, ...] = ()     # the platform's PPC banks

    @property
    def unprivileged_partitions(self) -> Tuple[Partition, ...]:
        """The partitions that run unprivileged, behind the MPU, in load
        order: none at isolation level 1, the APPLICATION-ROT ones at level
        2, all at level 3."""
        return tuple(p for p in self.partitions
                     if self.isolation_level == 3 or
                     (self.isolation_level == 2 and not p.psa_rot))

    @property
    def flih_stack_partitions(self) -> Tuple[Partition, ...]:
        """The partitions whose FLIH functions run on a stack of their own,
        in their own memory: the unprivileged ones (isolation levels 2 and
        3) that have a FLIH IRQ. The others' run on the SPM's stack,
        privileged."""
        return tuple(p for p in self.unprivileged_partitions if p.has_flih)

    @property
    def services(self) -> Tuple[Service, ...]:
        """All services, grouped per partition in load order."""
        return tuple(s for p in self.partitions for s in p.services)

    @property
    def irqs(self) -> Tuple[Irq, ...]:
        """All IRQs, grouped per partition in load order."""
        return tuple(i for p in self.partitions for i in p.irqs)

    @property
    def mmio(self) -> Tuple[Mmio, ...]:
        """All MMIO regions, grouped per partition in load order."""
        return tuple(m for p in self.partitions for m in p.mmio)

    @property
    def num_deps(self) -> int:
        """Total number of dependency entries."""
        return sum(len(p.dependencies) for p in self.partitions)

    @property
    def num_stateless(self) -> int:
        """Number of stateless services."""
        return sum(1 for s in self.services if s.stateless_index)

    @property
    def stateless_table(self) -> Tuple[Tuple[int, str], ...]:
        """Per stateless index 1..highest in use: (1 + the service's index
        in the services table, its name), or (0, "") for an unused index."""
        by_index = {s.stateless_index: (n + 1, s.name)
                    for n, s in enumerate(self.services) if s.stateless_index}
        top = max(by_index, default=0)
        return tuple(by_index.get(i, (0, "")) for i in range(1, top + 1))

    @property
    def has_connection_based(self) -> bool:
        """True if any service is connection-based."""
        return any(s.connection_based for s in self.services)

    def has_irq(self, handling: str) -> bool:
        """True if any IRQ is handled as `handling` (FLIH or SLIH)."""
        return any((i.flih is not None) == (handling == "FLIH")
                   for i in self.irqs)


def build_model(decls: Sequence[PartitionDecl], backend: str,
                isolation_level: int, platform: Platform = Platform(),
                disabled: Sequence[str] = ()) -> Build:
    """Derives the model from checked declarations (given in input order).

    The declarations must have passed `wm_validate` and `wm_checks`:
    names, SIDs and fixed stateless handles are unique, there are at most 32
    stateless services, the dependencies form no cycle and every named
    region and IRQ source is on `platform`.
    """
    pids = assign_pids(decls)
    ordered = load_order(decls, pids)
    stateless = allocate_stateless([decls[i] for i in ordered])
    partitions: List[Partition] = []
    offsets = {"service": 0, "dep": 0, "irq": 0, "mmio": 0}
    for position, i in enumerate(ordered):
        part = _partition(decls[i], pids[i], position, dict(offsets),
                          stateless, backend, platform)
        partitions.append(part)
        offsets["service"] += len(part.services)
        offsets["dep"] += len(part.dependencies)
        offsets["irq"] += len(part.irqs)
        offsets["mmio"] += len(part.mmio)
    return Build(backend, isolation_level, tuple(partitions), tuple(disabled),
                 platform.ppc_banks)


def assign_pids(decls: Sequence[PartitionDecl]) -> List[int]:
    """PIDs in input order; unset ones count up from max(given, 255) + 1."""
    given = [d.entry.pid for d in decls if d.entry.pid is not None]
    following = max(given + [PID_AUTO_AFTER]) + 1
    pids: List[int] = []
    for decl in decls:
        if decl.entry.pid is None:
            pids.append(following)
            following += 1
        else:
            pids.append(decl.entry.pid)
    return pids


def load_order(decls: Sequence[PartitionDecl], pids: Sequence[int]) -> List[int]:
    """Indices of `decls` in load order.

    A partition always loads after the partitions that provide its
    dependencies, whatever their priorities; among the partitions whose
    providers are all loaded, the most urgent priority goes first, then the
    lowest PID. (The dependencies form no cycle: checked before.)
    """
    graph = dependency_graph(decls)
    waiting = [len(edges) for edges in graph]
    users: List[List[int]] = [[] for _ in decls]
    for user, edges in enumerate(graph):
        for provider in edges:
            users[provider].append(user)

    def key(i: int) -> Tuple[int, int, int]:
        return (PRIORITY_VALUE[decls[i].priority], pids[i], i)

    ready = [key(i) for i, count in enumerate(waiting) if count == 0]
    heapq.heapify(ready)
    order: List[int] = []
    while ready:
        node = heapq.heappop(ready)[2]
        order.append(node)
        for user in users[node]:
            waiting[user] -= 1
            if waiting[user] == 0:
                heapq.heappush(ready, key(user))
    return order


def allocate_stateless(ordered: Sequence[PartitionDecl]
                       ) -> Dict[Tuple[str, str], int]:
    """Stateless index (1..32) per (partition, service) name pair.

    Fixed handles keep their value; "auto" ones then take the lowest free
    index, in load order and then service order.
    """
    result: Dict[Tuple[str, str], int] = {}
    for part in ordered:
        for svc in part.services:
            if svc.stateless_handle not in (None, AUTO):
                result[(part.name, svc.name)] = svc.stateless_handle
    free = [i for i in range(1, STATELESS_MAX + 1)
            if i not in result.values()]
    for part in ordered:
        for svc in part.services:
            if svc.stateless_handle == AUTO:
                result[(part.name, svc.name)] = free.pop(0)
    return result


def library_name(decl: PartitionDecl) -> str:
    """The partition's CMake library: from its first library_list pattern,
    else tfm_<psa|app>_rot_partition_<name in lower case>."""
    for pattern in decl.entry.library_patterns:
        kind = library_kind(pattern)
        if kind is not None:
            return kind[1]
    return "tfm_%s_rot_partition_%s" % ("psa" if decl.psa_rot else "app",
                                        decl.name.lower())


def _partition(decl: PartitionDecl, pid: int, position: int,
               offsets: Dict[str, int],
               stateless: Dict[Tuple[str, str], int], backend: str,
               platform: Platform) -> Partition:
    """Builds one model partition at `position` in load order."""
    services = tuple(_service(decl, svc, position, stateless, backend)
                     for svc in decl.services)
    irqs = tuple(_irq(irq, j, position, platform, decl.ffm_version)
                 for j, irq in enumerate(decl.irqs))
    mmio = tuple(_mmio(region, position, platform)
                 for region in decl.mmio_regions)
    return Partition(
        name=decl.name, pid=pid, header=decl.header,
        output_dir=_output_dir(decl.entry.output_path),
        ffm_version=decl.ffm_version, psa_rot=decl.psa_rot,
        priority=decl.priority, model=decl.model,
        declared_model=decl.declared_model or decl.model,
        entry_point=decl.entry_point, entry_init=decl.entry_init,
        stack_size=decl.stack_size, heap_size=decl.heap_size,
        description=decl.description, services=services,
        dependencies=decl.dependencies, irqs=irqs, mmio=mmio,
        first_service=offsets["service"], first_dep=offsets["dep"],
        first_irq=offsets["irq"], first_mmio=offsets["mmio"],
        library=library_name(decl),
        library_patterns=decl.entry.library_patterns or (
            "*%s.*" % library_name(decl),),
        object_patterns=decl.entry.object_patterns,
        client_id_base=decl.client_id_base,
        client_id_limit=decl.client_id_limit)


def _output_dir(output_path: Optional[str]) -> str:
    """Where a partition's header goes: "" for OUTDIR itself, else the
    output_path normalised (relative to OUTDIR, or absolute)."""
    if not output_path:
        return ""
    normal = posixpath.normpath(output_path)
    return "" if normal == "." else normal


def _service(decl: PartitionDecl, svc: ServiceDecl, position: int,
             stateless: Dict[Tuple[str, str], int], backend: str) -> Service:
    """Builds one model service of partition `decl`.

    IPC-model services, and SFN-model ones under the IPC backend (their
    partition runs in a thread there), get signal 1 << (4 + i).
    """
    signal = 0
    if decl.model == "IPC" or backend == "IPC":
        signal = 1 << (FIRST_SIGNAL_BIT + svc.index)
    return Service(
        name=svc.name, sid=svc.sid, version=svc.version,
        non_secure_clients=svc.non_secure_clients,
        connection_based=svc.connection_based, strict=svc.strict,
        mm_iovec=svc.mm_iovec, signal=signal,
        stateless_index=stateless.get((decl.name, svc.name), 0),
        partition_index=position, description=svc.description,
        function=svc.function or svc.name.lower() + "_sfn")


def _irq(irq, index: int, position: int, platform: Platform,
         ffm_version: str) -> Irq:
    """Builds IRQ number `index` of a partition: signal 1 << (31 - index).
    An FF-M 1.0 partition's IRQs are enabled when it loads (1.0 has no
    psa_irq_enable()); a 1.1 partition enables its own."""
    number = irq_number(irq.source, platform)
    assert number is not None, "checked by wm_checks"
    return Irq(name=irq.name or irq.signal, signal_macro=irq.signal,
               signal=1 << (LAST_SIGNAL_BIT - index), source=irq.source,
               number=number, flih=irq.flih_function,
               partition_index=position, client_id_base=irq.client_id_base,
               client_id_limit=irq.client_id_limit,
               enabled_at_load=ffm_version == "1.0")


def _mmio(region, position: int, platform: Platform) -> Mmio:
    """Builds one MMIO region; a named one takes the platform's numbers."""
    if region.name is None:
        return Mmio(name=None, base=region.base, size=region.size,
                    read_write=region.permission == "READ-WRITE",
                    partition_index=position)
    named = platform.regions[region.name]
    return Mmio(name=region.name, base=named.base, size=named.size,
                read_write=region.permission == "READ-WRITE",
                partition_index=position, ppc_bank=named.ppc_bank,
                ppc_bit=named.ppc_bit)
