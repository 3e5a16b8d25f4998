"""Stage 3: the immutable model the templates render.

Built from checked declarations only; everything derived is decided here, in
one place: PIDs for partitions without one, load order, service signals,
stateless handle indices and values, and the table offsets of the load info.
"""

from dataclasses import dataclass
from types import MappingProxyType
from typing import Dict, List, Optional, Sequence, Tuple

from wm_checks import dependency_graph
from wm_decl import (AUTO, STATELESS_MAX, IrqDecl, MmioDecl, PartitionDecl,
                     ServiceDecl)

PRIORITY_VALUE = MappingProxyType({"HIGH": 0x0F, "NORMAL": 0x1F, "LOW": 0x7F})
FIRST_SIGNAL_BIT = 4               # bits 0..3 are reserved in every partition
STATELESS_HANDLE_BIT = 0x40000000
PID_AUTO_AFTER = 255               # auto PIDs start above the SPM's range


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
class Partition:
    """A partition as the generated headers and load info describe it."""

    name: str
    pid: int
    header: str                    # psa_manifest/<header>.h
    ffm_version: str
    psa_rot: bool
    priority: str                  # HIGH / NORMAL / LOW
    model: str                     # IPC / SFN
    entry_point: Optional[str]
    entry_init: Optional[str]
    stack_size: int
    heap_size: Optional[int]
    description: Optional[str]
    services: Tuple[Service, ...]
    dependencies: Tuple[str, ...]  # service names, as in the manifest
    first_service: int
    first_dep: int
    mmio_regions: Tuple[MmioDecl, ...]
    irqs: Tuple[IrqDecl, ...]

    @property
    def lower(self) -> str:
        """The name in lower case (C variable names)."""
        return self.name.lower()

    @property
    def model_ipc(self) -> bool:
        """True for the IPC model, False for SFN."""
        return self.model == "IPC"

    @property
    def flags(self) -> Tuple[str, ...]:
        """The WARDEN_PART_* flags that apply."""
        named = (("WARDEN_PART_MODEL_IPC", self.model_ipc),
                 ("WARDEN_PART_PSA_ROT", self.psa_rot))
        return tuple(name for name, on in named if on)


@dataclass(frozen=True)
class Build:
    """Everything one run generates output from."""

    backend: str                   # SFN / IPC
    isolation_level: int
    partitions: Tuple[Partition, ...]   # in load order

    @property
    def services(self) -> Tuple[Service, ...]:
        """All services, grouped per partition in load order."""
        return tuple(s for p in self.partitions for s in p.services)

    @property
    def num_deps(self) -> int:
        """Total number of dependency entries."""
        return sum(len(p.dependencies) for p in self.partitions)

    @property
    def num_stateless(self) -> int:
        """Number of stateless services."""
        return sum(1 for s in self.services if s.stateless_index)

    @property
    def has_connection_based(self) -> bool:
        """True if any service is connection-based."""
        return any(s.connection_based for s in self.services)


def build_model(decls: Sequence[PartitionDecl], backend: str,
                isolation_level: int) -> Build:
    """Derives the model from checked declarations (given in input order).

    The declarations must have passed `wm_validate` and `wm_checks`:
    names, SIDs and fixed stateless handles are unique, there are at most 32
    stateless services and the dependencies form no cycle.
    """
    pids = assign_pids(decls)
    ordered = load_order(decls, pids)
    stateless = allocate_stateless([decls[i] for i in ordered])
    partitions: List[Partition] = []
    first_service = first_dep = 0
    for position, i in enumerate(ordered):
        part = _partition(decls[i], pids[i], position, first_service,
                          first_dep, stateless, backend)
        partitions.append(part)
        first_service += len(part.services)
        first_dep += len(part.dependencies)
    return Build(backend, isolation_level, tuple(partitions))


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
    """Indices of `decls` in load order: priority, dependency depth, PID.

    A partition's depth is 0 without dependencies on other partitions, else
    one more than the deepest partition it depends on, so within a priority
    every partition comes after the partitions providing its dependencies.
    """
    graph = dependency_graph(decls)
    depth: Dict[int, int] = {}

    def depth_of(node: int) -> int:
        """Memoised dependency depth of partition `node`."""
        if node not in depth:
            depth[node] = 1 + max((depth_of(n) for n in graph[node]),
                                  default=-1)
        return depth[node]

    return sorted(range(len(decls)),
                  key=lambda i: (PRIORITY_VALUE[decls[i].priority],
                                 depth_of(i), pids[i]))


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


def _partition(decl: PartitionDecl, pid: int, position: int,
               first_service: int, first_dep: int,
               stateless: Dict[Tuple[str, str], int],
               backend: str) -> Partition:
    """Builds one model partition at `position` in load order."""
    services = tuple(_service(decl, svc, position, stateless, backend)
                     for svc in decl.services)
    return Partition(
        name=decl.name, pid=pid, header=decl.header,
        ffm_version=decl.ffm_version, psa_rot=decl.psa_rot,
        priority=decl.priority, model=decl.model,
        entry_point=decl.entry_point, entry_init=decl.entry_init,
        stack_size=decl.stack_size, heap_size=decl.heap_size,
        description=decl.description, services=services,
        dependencies=decl.dependencies, first_service=first_service,
        first_dep=first_dep, mmio_regions=decl.mmio_regions, irqs=decl.irqs)


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
        partition_index=position, description=svc.description)
