"""Stage 2a: check each partition manifest on its own.

Every attribute is checked (required, type, enum, range) and every problem is
reported; a partition with any error yields no declaration. The lists inside
a manifest are checked by `wm_items`; checks that need the other partitions
(duplicates, dependencies, platform) are in `wm_checks`.
"""

import os
import re
from typing import Any, Dict, Optional, Tuple

import wm_items as items
import wm_schema as schema
from wm_codes import Code
from wm_decl import PartitionDecl
from wm_errors import Diagnostics, Located
from wm_load import LoadedManifest, library_kind

TOP_KEYS = ("psa_framework_version", "name", "type", "priority", "model",
            "entry_point", "entry_init", "stack_size", "heap_size",
            "description", "services", "secure_functions", "dependencies",
            "mmio_regions", "irqs", "client_id_base", "client_id_limit")
TOP_REQUIRED = ("psa_framework_version", "name", "type", "priority",
                "stack_size")
MODELS = ("IPC", "SFN", "dual")
MAX_SIGNALS = 28          # signal bits 4..31; bits 0..3 are reserved
_HEADER = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\Z")
_NON_FFM_HINT = ("; list it in non_ffm_attributes of the manifest list item"
                 " to allow it")


def validate_partition(loaded: LoadedManifest, diag: Diagnostics,
                       backend: str = "SFN") -> Optional[PartitionDecl]:
    """Checks one manifest; returns its declaration, or None after errors.

    `backend` (SFN or IPC) resolves `model: dual`.
    """
    entry, data = loaded.entry, loaded.data
    name = data.get("name") if isinstance(data, dict) else None
    at = Located(diag, entry.manifest_path,
                 name if isinstance(name, str) and name else entry.label)
    if schema.mapping(at, None, data) is schema.INVALID:
        return None
    before = len(diag.errors)
    schema.check_keys(at, "", data, TOP_KEYS, TOP_REQUIRED,
                      extra=entry.non_ffm_attributes, hint=_NON_FFM_HINT)
    version = _ffm_version(at, data)
    fields = _scalars(at, data)
    fields["services"] = _served(at, data, version)
    fields.update(_code(at, data, version, backend))
    fields["dependencies"] = items.dependencies(at, data.get("dependencies"))
    fields["mmio_regions"] = items.list_of(at, data, "mmio_regions",
                                           items.mmio, version)
    fields["irqs"] = items.list_of(at, data, "irqs", items.irq, version)
    base, limit = items.client_id_range(at, "", data)
    _irq_client_ids(at, fields["irqs"], base, limit)
    _signal_count(at, data)
    header = _header(diag, loaded)
    _short_name(diag, loaded, fields["name"])
    _library(diag, loaded, fields["psa_rot"])
    if len(diag.errors) != before:
        return None
    return PartitionDecl(entry=entry, header=header, ffm_version=version,
                         client_id_base=base, client_id_limit=limit,
                         **fields)


def declared_services(loaded: LoadedManifest) -> Tuple[str, ...]:
    """The service names a manifest declares, read without checking it.

    Used for a manifest that failed validation, so that dependencies on its
    services are not also reported as unknown.
    """
    data = loaded.data
    if not isinstance(data, dict):
        return ()
    names = []
    for key in ("services", "secure_functions"):
        listed = data.get(key)
        if isinstance(listed, list):
            names += [s["name"] for s in listed
                      if isinstance(s, dict) and isinstance(s.get("name"), str)]
    return tuple(names)


def _ffm_version(at: Located, data: Dict[str, Any]) -> str:
    """Reads psa_framework_version: 1.0 or 1.1 (number or string)."""
    value = data.get("psa_framework_version")
    if value is None:
        return "1.1"       # reported missing already; check as 1.1
    shown = str(value) if isinstance(value, (int, float, str)) else None
    if isinstance(value, bool) or shown not in ("1.0", "1.1"):
        at.error(Code.CHOICE, "psa_framework_version",
                 "%s is not one of 1.0, 1.1" % schema.show(value))
        return "1.1"
    return shown


def _scalars(at: Located, data: Dict[str, Any]) -> Dict[str, Any]:
    """Checks name, type, priority, stack_size, heap_size, description."""
    kind = items.opt(at, "", data, "type", schema.choice,
                     ("PSA-ROT", "APPLICATION-ROT"))
    return {
        "name": items.opt(at, "", data, "name", schema.identifier),
        "psa_rot": kind == "PSA-ROT",
        "priority": items.opt(at, "", data, "priority", schema.choice,
                              ("HIGH", "NORMAL", "LOW")),
        "stack_size": items.opt(at, "", data, "stack_size",
                                schema.number_or_macro, 1),
        "heap_size": items.opt(at, "", data, "heap_size",
                               schema.number_or_macro),
        "description": items.opt(at, "", data, "description", schema.text),
    }


def _served(at: Located, data: Dict[str, Any], version: str) -> Any:
    """The services, or the library model's secure_functions as services."""
    if "secure_functions" not in data:
        return items.services(at, data.get("services"), version)
    if "services" in data:
        at.error(Code.SECURE_FUNCTIONS, "secure_functions", "a partition "
                 "declares services (IPC/SFN model) or secure_functions "
                 "(library model), not both")
        items.services(at, data.get("services"), version)
    return items.secure_functions(at, data["secure_functions"])


def _code(at: Located, data: Dict[str, Any], version: str,
          backend: str) -> Dict[str, Any]:
    """Checks model, entry_point and entry_init together."""
    declared = _declared_model(at, data, version)
    model = declared
    if declared == "dual":
        model = backend
    elif declared == "library":
        model = "SFN"
    entry_point = items.opt(at, "", data, "entry_point", schema.identifier)
    entry_init = items.opt(at, "", data, "entry_init", schema.identifier)
    if model == "IPC" and "entry_point" not in data:
        at.error(Code.NO_ENTRY_POINT, "entry_point",
                 "required for an IPC-model partition")
    if declared == "IPC" and "entry_init" in data:
        at.error(Code.IPC_ENTRY_INIT, "entry_init", "only an SFN-model "
                 "partition has an entry_init; an IPC-model partition starts "
                 "at entry_point")
    if declared in ("SFN", "library") and "entry_point" in data:
        at.error(Code.SFN_ENTRY_POINT, "entry_point",
                 "an SFN-model partition has no entry_point (use entry_init "
                 "for an initialisation function)" if declared == "SFN" else
                 "a library-model partition is served as an SFN-model one, "
                 "which has no entry_point: rename it entry_init (psa_status_t "
                 "f(void))")
    return {"model": model, "declared_model": declared,
            "entry_point": entry_point if model == "IPC" else None,
            "entry_init": entry_init if model == "SFN" else None}


def _declared_model(at: Located, data: Dict[str, Any], version: str) -> Any:
    """IPC, SFN, dual or library (secure_functions), as the manifest says."""
    if "secure_functions" in data:
        if data.get("model", "SFN") != "SFN":
            at.error(Code.CONFLICT, "model", "%s: secure_functions make a "
                     "library-model partition, which Warden serves as an "
                     "SFN-model one; leave model out or set SFN"
                     % schema.show(data["model"]))
        return "library"
    if version == "1.0":
        model = data.get("model", "IPC")
        if model != "IPC":
            at.error(Code.FFM_VERSION, "model", "%s: FF-M 1.0 partitions use "
                     "the IPC model" % schema.show(model))
            return schema.INVALID
        return "IPC"
    if "model" not in data:
        at.error(Code.MISSING, "model", "required attribute is missing")
        return None
    return schema.choice(at, "model", data["model"], MODELS)


def _irq_client_ids(at: Located, irqs: Any, base: Optional[int],
                    limit: Optional[int]) -> None:
    """An IRQ's client ID range lies inside its partition's range."""
    if irqs is schema.INVALID:
        return
    for irq in irqs:
        if irq is schema.INVALID or irq.client_id_base is None:
            continue
        attr = "irqs[%d].client_id_base" % irq.index
        if base is None:
            at.error(Code.CLIENT_ID_RANGE, attr, "an IRQ's client ID range "
                     "needs one for its partition (client_id_base and "
                     "client_id_limit)")
        elif not base <= irq.client_id_base <= irq.client_id_limit <= limit:
            at.error(Code.CLIENT_ID_RANGE, attr, "%d..%d is outside the "
                     "partition's client ID range %d..%d"
                     % (irq.client_id_base, irq.client_id_limit, base, limit))


def _signal_count(at: Located, data: Dict[str, Any]) -> None:
    """Checks there is something to serve and enough signal bits for it."""
    lists = [data.get(key) for key in ("services", "secure_functions", "irqs")]
    if not all(isinstance(listed, (list, type(None))) for listed in lists):
        return             # reported as not a list already
    count = sum(len(listed) for listed in lists if listed)
    if count == 0:
        at.error(Code.NOTHING_SERVED, "services", "a partition must provide "
                 "at least one service or IRQ")
    elif count > MAX_SIGNALS:
        at.error(Code.TOO_MANY_SIGNALS, "services", "%d services and irqs; a "
                 "partition has at most %d (signal bits 4..31)"
                 % (count, MAX_SIGNALS))


def _header(diag: Diagnostics, loaded: LoadedManifest) -> str:
    """Checks the manifest's basename, which names psa_manifest/<name>.h."""
    entry = loaded.entry
    header = os.path.splitext(os.path.basename(entry.manifest_path))[0]
    if not _HEADER.match(header) or header in ("sid", "pid"):
        diag.error(Code.HEADER_NAME, entry.list_path, entry.label, "manifest",
                   "the file name '%s' cannot name the header "
                   "psa_manifest/%s.h" % (header, header))
    return header


def _short_name(diag: Diagnostics, loaded: LoadedManifest, name: Any) -> None:
    """Checks that the list item's short_name matches the manifest's name."""
    entry = loaded.entry
    if entry.short_name is None or not isinstance(name, str):
        return
    if entry.short_name != name:
        diag.error(Code.SHORT_NAME, entry.list_path, entry.label,
                   "short_name", "does not match the name %s in %s"
                   % (name, diag.show(entry.manifest_path)))


def _library(diag: Diagnostics, loaded: LoadedManifest, psa_rot: bool) -> None:
    """A library_list pattern names a library of the partition's RoT type:
    the linker places a partition by its library's name."""
    entry, data = loaded.entry, loaded.data
    if "type" not in data:
        return
    want = "psa" if psa_rot else "app"
    for index, pattern in enumerate(entry.library_patterns):
        kind = library_kind(pattern)
        if kind is None or kind[0] == want:
            continue
        fixed = "*tfm_%s_rot_partition_%s.*" % (
            want, kind[1].split("_rot_partition_", 1)[1])
        diag.error(Code.LINKER_PATTERN, entry.list_path, entry.label,
                   "linker_pattern.library_list[%d]" % index,
                   "'%s' is a library for %s partitions, but this one is %s: "
                   "use '%s'" % (pattern, "PSA-ROT" if kind[0] == "psa"
                                 else "APPLICATION-ROT", data.get("type"),
                                 fixed))
