"""Stage 2b: checks across partitions, against the platform and against the
build configuration.

Runs on the partitions that passed `wm_validate`. The later of two clashing
declarations (in input order: lists as given, items as listed) is the one
reported, naming the earlier one and its file.
"""

from typing import Collection, Dict, List, Optional, Sequence, Tuple

from wm_codes import Code
from wm_decl import (AUTO, STATELESS_MAX, MmioDecl, PartitionDecl,
                     ServiceDecl, header_key)
from wm_errors import Diagnostics, Located
from wm_platform import Platform


def check_config(backend: str, isolation_level: int,
                 diag: Diagnostics) -> None:
    """Checks the backend / isolation level combination."""
    if backend == "SFN" and isolation_level != 1:
        diag.error(Code.ISOLATION, None, None, "--isolation-level",
                   "%d needs --backend IPC: the SFN backend runs every "
                   "partition on one stack, so it only provides isolation "
                   "level 1" % isolation_level)


def check_partitions(parts: Sequence[PartitionDecl], backend: str,
                     diag: Diagnostics,
                     unchecked_services: Collection[str] = (),
                     platform: Platform = Platform(),
                     mm_iovec: bool = False) -> None:
    """Runs every cross-partition check on `parts` (in input order).

    `unchecked_services` names the services of manifests that failed
    validation: depending on one of them is not reported as unknown.
    `mm_iovec`: the build has MM-IOVEC (--mm-iovec).
    """
    _unique_names(parts, diag)
    _unique_pids(parts, diag)
    _unique_headers(parts, diag)
    _unique_services(parts, diag)
    _unique_signals(parts, diag)
    _stateless(parts, diag)
    _dependencies(parts, diag, unchecked_services)
    _cycles(parts, diag)
    _backend(parts, backend, diag)
    _mm_iovec(parts, mm_iovec, diag)
    _platform_resources(parts, platform, diag)
    _mmio_owners(parts, platform, diag)
    _irqs_undelivered(parts, platform, diag)
    _client_ids(parts, diag)


def _at(diag: Diagnostics, part: PartitionDecl) -> Located:
    return Located(diag, part.path, part.name)


def _unique_names(parts: Sequence[PartitionDecl], diag: Diagnostics) -> None:
    seen: Dict[str, PartitionDecl] = {}
    for part in parts:
        first = seen.setdefault(part.name, part)
        if first is not part:
            _at(diag, part).error(Code.NAME_DUPLICATE, "name",
                                  "%s is already the name of the partition "
                                  "in %s" % (part.name, diag.show(first.path)))


def _unique_pids(parts: Sequence[PartitionDecl], diag: Diagnostics) -> None:
    seen: Dict[int, PartitionDecl] = {}
    for part in parts:
        pid = part.entry.pid
        if pid is None:
            continue
        first = seen.setdefault(pid, part)
        if first is not part:
            diag.error(Code.PID_DUPLICATE, part.entry.list_path,
                       part.entry.label, "pid",
                       "%d is already used by %s in %s"
                       % (pid, first.name, diag.show(first.entry.list_path)))


def _unique_headers(parts: Sequence[PartitionDecl], diag: Diagnostics) -> None:
    """Header names must differ, also in case and punctuation: the include
    guards are made of them, and some file systems ignore case."""
    seen: Dict[str, PartitionDecl] = {}
    for part in parts:
        first = seen.setdefault(header_key(part.header), part)
        if first is not part:
            diag.error(Code.HEADER_CLASH, part.entry.list_path,
                       part.entry.label, "manifest",
                       "psa_manifest/%s.h clashes with psa_manifest/%s.h of "
                       "%s from %s; manifest file names must differ"
                       % (part.header, first.header, first.name,
                          diag.show(first.path)))


def _unique_services(parts: Sequence[PartitionDecl], diag: Diagnostics) -> None:
    names: Dict[str, Tuple[PartitionDecl, ServiceDecl]] = {}
    sids: Dict[int, Tuple[PartitionDecl, ServiceDecl]] = {}
    for part in parts:
        for svc in part.services:
            first = names.setdefault(svc.name, (part, svc))
            if first[1] is not svc:
                _at(diag, part).error(
                    Code.SERVICE_DUPLICATE, svc.where + ".name",
                    "%s is already a service of %s in %s"
                    % (svc.name, first[0].name, diag.show(first[0].path)))
            first = sids.setdefault(svc.sid, (part, svc))
            if first[1] is not svc:
                _at(diag, part).error(
                    Code.SID_DUPLICATE, svc.where + ".sid",
                    "0x%08X is already used by %s in %s"
                    % (svc.sid, first[1].name, diag.show(first[0].path)))


def _unique_signals(parts: Sequence[PartitionDecl], diag: Diagnostics) -> None:
    """The <SERVICE>_SIGNAL and IRQ signal macros of a partition differ."""
    for part in parts:
        seen: Dict[str, str] = {}
        for svc in part.services:
            seen.setdefault(svc.name + "_SIGNAL", svc.where)
        for irq in part.irqs:
            attr = "irqs[%d].%s" % (irq.index, "name" if irq.name else
                                    "signal")
            first = seen.setdefault(irq.signal, attr)
            if first != attr:
                _at(diag, part).error(Code.SIGNAL_DUPLICATE, attr,
                                      "%s is already the signal of %s"
                                      % (irq.signal, first))


def _stateless(parts: Sequence[PartitionDecl], diag: Diagnostics) -> None:
    """Fixed handles must be unique; at most 32 stateless services in all."""
    fixed: Dict[int, Tuple[PartitionDecl, ServiceDecl]] = {}
    count = 0
    for part in parts:
        for svc in part.services:
            if svc.stateless_handle is None:
                continue
            attr = svc.where + ".stateless_handle"
            count += 1
            if count == STATELESS_MAX + 1:
                _at(diag, part).error(Code.STATELESS_EXHAUSTED, attr,
                                      "more than %d stateless services in "
                                      "the build: the handles are used up"
                                      % STATELESS_MAX)
            if svc.stateless_handle == AUTO:
                continue
            first = fixed.setdefault(svc.stateless_handle, (part, svc))
            if first[1] is not svc:
                _at(diag, part).error(Code.STATELESS_DUPLICATE, attr,
                                      "%d is already used by %s in %s"
                                      % (svc.stateless_handle, first[1].name,
                                         diag.show(first[0].path)))


def _dependencies(parts: Sequence[PartitionDecl], diag: Diagnostics,
                  unchecked: Collection[str]) -> None:
    """Every dependency names a service of another partition."""
    owner = providers(parts)
    for part in parts:
        for index, dep in enumerate(part.dependencies):
            attr = "dependencies[%d]" % index
            if dep not in owner and dep not in unchecked:
                _at(diag, part).error(Code.DEP_UNKNOWN, attr, "no partition "
                                      "provides a service named %s" % dep)
            elif dep in owner and owner[dep] is part:
                _at(diag, part).error(Code.DEP_SELF, attr, "%s is a service "
                                      "of this partition itself" % dep)


def providers(parts: Sequence[PartitionDecl]) -> Dict[str, PartitionDecl]:
    """Maps each service name to the (first) partition that provides it."""
    owner: Dict[str, PartitionDecl] = {}
    for part in parts:
        for svc in part.services:
            owner.setdefault(svc.name, part)
    return owner


def dependency_graph(parts: Sequence[PartitionDecl]) -> List[List[int]]:
    """For each partition (by index), the distinct partitions it depends on.

    Dependencies on unknown services or on the partition itself are left
    out (they are reported as errors of their own).
    """
    index = {id(part): i for i, part in enumerate(parts)}
    owner = providers(parts)
    graph: List[List[int]] = []
    for i, part in enumerate(parts):
        edges: List[int] = []
        for dep in part.dependencies:
            target = index[id(owner[dep])] if dep in owner else i
            if target != i and target not in edges:
                edges.append(target)
        graph.append(edges)
    return graph


def _cycles(parts: Sequence[PartitionDecl], diag: Diagnostics) -> None:
    """Reports each dependency cycle once, at its first partition."""
    graph = dependency_graph(parts)
    for component in _strongly_connected(graph):
        if len(component) < 2:
            continue
        start = min(component)
        path = _cycle_path(graph, start, set(component))
        names = " -> ".join(parts[i].name for i in path + [start])
        _at(diag, parts[start]).error(Code.DEP_CYCLE, "dependencies",
                                      "dependency cycle: %s" % names)


def _strongly_connected(graph: List[List[int]]) -> List[List[int]]:
    """Tarjan's algorithm; components come out sorted by smallest member."""
    order: Dict[int, int] = {}
    low: Dict[int, int] = {}
    stack: List[int] = []
    on_stack = set()
    result: List[List[int]] = []

    def visit(node: int) -> None:
        """Tarjan's recursive step."""
        order[node] = low[node] = len(order)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in order:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], order[nxt])
        if low[node] == order[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            result.append(sorted(component))

    for node in range(len(graph)):
        if node not in order:
            visit(node)
    return sorted(result)


def _cycle_path(graph: List[List[int]], start: int,
                members: set) -> List[int]:
    """A path start -> ... that returns to start, inside one component."""
    def walk(node: int, path: List[int]) -> Optional[List[int]]:
        """Depth-first search for an edge back to `start`."""
        for nxt in graph[node]:
            if nxt == start:
                return path
            if nxt in members and nxt not in path:
                found = walk(nxt, path + [nxt])
                if found:
                    return found
        return None
    return walk(start, [start]) or [start]


def _backend(parts: Sequence[PartitionDecl], backend: str,
             diag: Diagnostics) -> None:
    """The SFN backend runs SFN-model partitions only."""
    if backend != "SFN":
        return
    for part in parts:
        if part.model == "IPC":
            _at(diag, part).error(Code.MODEL_BACKEND, "model",
                                  "an IPC-model partition needs --backend "
                                  "IPC (the SFN backend runs SFN-model "
                                  "partitions only)")


def _mm_iovec(parts: Sequence[PartitionDecl], mm_iovec: bool,
              diag: Diagnostics) -> None:
    """`mm_iovec: enable` needs a build with MM-IOVEC."""
    if mm_iovec:
        return
    for part in parts:
        for svc in part.services:
            if svc.mm_iovec:
                _at(diag, part).error(
                    Code.MM_IOVEC_OFF, svc.where + ".mm_iovec",
                    "%s enables MM-IOVEC, which this build does not have: "
                    "configure with -DPSA_FRAMEWORK_HAS_MM_IOVEC=ON (tool: "
                    "--mm-iovec), or set mm_iovec: disable" % svc.name)


def _platform_resources(parts: Sequence[PartitionDecl], platform: Platform,
                        diag: Diagnostics) -> None:
    """Named MMIO regions and IRQ sources exist on the platform; no IRQ
    source is used twice."""
    sources: Dict[int, Tuple[PartitionDecl, int]] = {}
    for part in parts:
        for region in part.mmio_regions:
            if region.name is not None and region.name not in platform.regions:
                _at(diag, part).error(
                    Code.MMIO_UNKNOWN, "mmio_regions[%d].name" % region.index,
                    "%s is not a named region of %s"
                    % (region.name, platform.describe()))
        for irq in part.irqs:
            attr = "irqs[%d].source" % irq.index
            number = irq_number(irq.source, platform)
            if number is None:
                _at(diag, part).error(Code.IRQ_UNKNOWN, attr,
                                      "%s is not an IRQ source of %s"
                                      % (irq.source, platform.describe()))
                continue
            first = sources.setdefault(number, (part, irq.index))
            if first != (part, irq.index):
                _at(diag, part).error(Code.IRQ_DUPLICATE, attr,
                                      "IRQ %d is already the source of "
                                      "irqs[%d] of %s in %s"
                                      % (number, first[1], first[0].name,
                                         diag.show(first[0].path)))


def _mmio_owners(parts: Sequence[PartitionDecl], platform: Platform,
                 diag: Diagnostics) -> None:
    """An MMIO region has one owner: no named region is claimed by two
    partitions, and no region (named or numbered) of a partition overlaps
    one of another partition. Named regions the platform does not have are
    E081's."""
    claimed: List[Tuple[int, int, PartitionDecl, MmioDecl]] = []
    for part in parts:
        mine = []
        for region in part.mmio_regions:
            span = _mmio_span(region, platform)
            if span is None:
                continue
            for base, size, other, theirs in claimed:
                if other is part or not (span[0] < base + size
                                         and base < span[0] + span[1]):
                    continue
                where = "mmio_regions[%d] of %s in %s" % (
                    theirs.index, other.name, diag.show(other.path))
                if region.name is not None and region.name == theirs.name:
                    text = "%s is already %s: a region has one owner" \
                        % (region.name, where)
                else:
                    text = "%s overlaps %s, %s" % (
                        _mmio_text(region, span),
                        _mmio_text(theirs, (base, size)), where)
                _at(diag, part).error(
                    Code.MMIO_CLAIMED, "mmio_regions[%d]%s" % (
                        region.index, ".name" if region.name else ""), text)
                break
            mine.append((span[0], span[1], part, region))
        claimed += mine


def _mmio_span(region: MmioDecl,
               platform: Platform) -> Optional[Tuple[int, int]]:
    """(base, size) of a region, or None for a name the platform lacks."""
    if region.name is None:
        return (region.base, region.size)
    named = platform.regions.get(region.name)
    return None if named is None else (named.base, named.size)


def _mmio_text(region: MmioDecl, span: Tuple[int, int]) -> str:
    """A region for a message, e.g. "TFM_PERIPHERAL_A (0x40100000 + 0x1000)"."""
    numbers = "0x%08X + 0x%X" % span
    return "%s (%s)" % (region.name, numbers) if region.name else numbers


# -------------------------------------------------------------------------
# Secure interrupts are not built yet: an irq declared in a manifest would
# stop its partition at its first interrupt, so every one is refused
# (E087). The issue that builds secure interrupts removes this check and
# SECURE_INTERRUPTS; the rest of the irq handling (platform names, signals,
# the load info) stays. The tests of that handling set SECURE_INTERRUPTS.
SECURE_INTERRUPTS = True


def _irqs_undelivered(parts: Sequence[PartitionDecl], platform: Platform,
                      diag: Diagnostics) -> None:
    """Every irq whose source the platform has (else E083 said so) is one
    the build cannot deliver yet."""
    if SECURE_INTERRUPTS:
        return
    for part in parts:
        for irq in part.irqs:
            number = irq_number(irq.source, platform)
            if number is None:
                continue
            _at(diag, part).error(
                Code.IRQ_UNDELIVERED, "irqs[%d].source" % irq.index,
                "%s (IRQ %d) cannot be delivered: this build has no secure "
                "interrupts yet, so its first interrupt would stop %s; "
                "remove the irq" % (irq.name or irq.signal, number,
                                    part.name))
# -------------------------------------------------------------------------


def irq_number(source, platform: Platform) -> Optional[int]:
    """The IRQ number of a manifest `source` (a number or a platform name)."""
    if isinstance(source, int):
        return source
    return platform.irqs.get(source)


def _client_ids(parts: Sequence[PartitionDecl], diag: Diagnostics) -> None:
    """Partitions' client ID ranges do not overlap."""
    ranges: List[Tuple[int, int, PartitionDecl]] = []
    for part in parts:
        if part.client_id_base is None:
            continue
        for base, limit, other in ranges:
            if part.client_id_base <= limit and base <= part.client_id_limit:
                _at(diag, part).error(
                    Code.CLIENT_ID_OVERLAP, "client_id_base",
                    "%d..%d overlaps %d..%d of %s in %s"
                    % (part.client_id_base, part.client_id_limit, base, limit,
                       other.name, diag.show(other.path)))
                break
        ranges.append((part.client_id_base, part.client_id_limit, part))
