"""Stage 2a: check each partition manifest on its own.

Every attribute is checked (required, type, enum, range) and every problem is
reported; a partition with any error yields no declaration. Checks that need
the other partitions (duplicates, dependencies, backend) are in `wm_checks`.
"""

import os
import re
from typing import Any, Dict, List, Optional, Tuple

import wm_schema as schema
from wm_decl import (AUTO, STATELESS_MAX, IrqDecl, MmioDecl, PartitionDecl,
                     ServiceDecl)
from wm_errors import Diagnostics, Located
from wm_load import LoadedManifest

TOP_KEYS = ("psa_framework_version", "name", "type", "priority", "model",
            "entry_point", "entry_init", "stack_size", "heap_size",
            "description", "services", "dependencies", "mmio_regions", "irqs")
TOP_REQUIRED = ("psa_framework_version", "name", "type", "priority",
                "stack_size")
SERVICE_KEYS = ("name", "sid", "non_secure_clients", "connection_based",
                "version", "version_policy", "stateless_handle", "mm_iovec",
                "description")
SERVICE_REQUIRED = ("name", "sid", "non_secure_clients")
MMIO_KEYS = ("name", "base", "size", "permission")
IRQ_KEYS = ("source", "signal", "name", "handling", "description")
MAX_SIGNALS = 28          # signal bits 4..31; bits 0..3 are reserved
_HEADER = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\Z")
_NON_FFM_HINT = ("; list it in non_ffm_attributes of the manifest list item"
                 " to allow it")


def validate_partition(loaded: LoadedManifest,
                       diag: Diagnostics) -> Optional[PartitionDecl]:
    """Checks one manifest; returns its declaration, or None after errors."""
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
    fields.update(_code(at, data, version))
    fields["services"] = _services(at, data.get("services"), version)
    fields["dependencies"] = _dependencies(at, data.get("dependencies"))
    fields["mmio_regions"] = _list_of(at, data, "mmio_regions", _mmio, version)
    fields["irqs"] = _list_of(at, data, "irqs", _irq, version)
    _signal_count(at, data)
    header = _header(diag, loaded)
    _short_name(diag, loaded, fields["name"])
    if len(diag.errors) != before:
        return None
    return PartitionDecl(entry=entry, header=header, ffm_version=version,
                         **fields)


def declared_services(loaded: LoadedManifest) -> Tuple[str, ...]:
    """The service names a manifest declares, read without checking it.

    Used for a manifest that failed validation, so that dependencies on its
    services are not also reported as unknown.
    """
    data = loaded.data
    services = data.get("services") if isinstance(data, dict) else None
    if not isinstance(services, list):
        return ()
    return tuple(s["name"] for s in services
                 if isinstance(s, dict) and isinstance(s.get("name"), str))


def _ffm_version(at: Located, data: Dict[str, Any]) -> Any:
    """Reads psa_framework_version: 1.0 or 1.1 (number or string)."""
    value = data.get("psa_framework_version")
    if value is None:
        return "1.1"       # reported missing already; check as 1.1
    shown = str(value) if isinstance(value, (int, float, str)) else None
    if isinstance(value, bool) or shown not in ("1.0", "1.1"):
        at.error("psa_framework_version",
                 "%s is not one of 1.0, 1.1" % schema.show(value))
        return "1.1"
    return shown


def _scalars(at: Located, data: Dict[str, Any]) -> Dict[str, Any]:
    """Checks name, type, priority, stack_size, heap_size, description."""
    kind = _opt(at, "", data, "type", schema.choice,
                ("PSA-ROT", "APPLICATION-ROT"))
    return {
        "name": _opt(at, "", data, "name", schema.identifier),
        "psa_rot": kind == "PSA-ROT",
        "priority": _opt(at, "", data, "priority", schema.choice,
                         ("HIGH", "NORMAL", "LOW")),
        "stack_size": _opt(at, "", data, "stack_size", schema.number, 1),
        "heap_size": _opt(at, "", data, "heap_size", schema.number),
        "description": _opt(at, "", data, "description", schema.text),
    }


def _opt(at: Located, prefix: str, data: Dict[str, Any], key: str, check,
         *args: Any) -> Any:
    """Checks `data[key]` with `check` if present; None when absent."""
    if key not in data:
        return None
    return check(at, prefix + key, data[key], *args)


def _req(at: Located, prefix: str, data: Dict[str, Any], key: str, check,
         *args: Any) -> Any:
    """Checks a required `data[key]`; INVALID when absent (reported already)."""
    if key not in data:
        return schema.INVALID
    return check(at, prefix + key, data[key], *args)


def _code(at: Located, data: Dict[str, Any], version: str) -> Dict[str, Any]:
    """Checks model, entry_point and entry_init together."""
    if version == "1.0":
        model = data.get("model", "IPC")
        if model != "IPC":
            at.error("model", "%s: FF-M 1.0 partitions use the IPC model"
                     % schema.show(model))
            model = schema.INVALID
    elif "model" not in data:
        at.error("model", "required attribute is missing")
        model = None
    else:
        model = schema.choice(at, "model", data["model"], ("IPC", "SFN"))
    entry_point = _opt(at, "", data, "entry_point", schema.identifier)
    entry_init = _opt(at, "", data, "entry_init", schema.identifier)
    if model == "IPC" and "entry_point" not in data:
        at.error("entry_point", "required for an IPC-model partition")
    if model == "IPC" and "entry_init" in data:
        at.error("entry_init", "only an SFN-model partition has an "
                 "entry_init; an IPC-model partition starts at entry_point")
    if model == "SFN" and "entry_point" in data:
        at.error("entry_point", "an SFN-model partition has no entry_point "
                 "(use entry_init for an initialisation function)")
    return {"model": model, "entry_point": entry_point,
            "entry_init": entry_init}


def _services(at: Located, raw: Any, version: str) -> Any:
    """Checks the services list; returns a tuple of ServiceDecl."""
    items = schema.sequence(at, "services", raw)
    if items is schema.INVALID:
        return items
    return tuple(_service(at, i, item, version) for i, item in enumerate(items))


def _service(at: Located, index: int, raw: Any, version: str) -> Any:
    """Checks one service."""
    prefix = "services[%d]." % index
    if schema.mapping(at, prefix[:-1], raw) is schema.INVALID:
        return schema.INVALID
    required = SERVICE_REQUIRED + (("connection_based",)
                                   if version == "1.1" else ())
    schema.check_keys(at, prefix, raw, SERVICE_KEYS, required)
    connection = _connection_based(at, prefix, raw, version)
    return ServiceDecl(
        index=index,
        name=_req(at, prefix, raw, "name", schema.identifier),
        sid=_req(at, prefix, raw, "sid", schema.number),
        non_secure_clients=_req(at, prefix, raw, "non_secure_clients",
                                schema.boolean),
        connection_based=connection,
        version=schema.number(at, prefix + "version", raw.get("version", 1),
                              1),
        strict=schema.choice(at, prefix + "version_policy",
                             raw.get("version_policy", "STRICT"),
                             ("STRICT", "RELAXED")) == "STRICT",
        stateless_handle=_stateless(at, prefix, raw, connection),
        mm_iovec=schema.choice(at, prefix + "mm_iovec",
                               raw.get("mm_iovec", "disable"),
                               ("enable", "disable")) == "enable",
        description=_opt(at, prefix, raw, "description", schema.text))


def _connection_based(at: Located, prefix: str, raw: Dict[str, Any],
                      version: str) -> Any:
    """Reads connection_based; FF-M 1.0 services are always connection-based."""
    if version == "1.0":
        if raw.get("connection_based", True) is not True:
            at.error(prefix + "connection_based",
                     "FF-M 1.0 services are connection-based; it must be true")
        return True
    if "connection_based" not in raw:
        return schema.INVALID      # reported missing already
    return schema.boolean(at, prefix + "connection_based",
                          raw["connection_based"])


def _stateless(at: Located, prefix: str, raw: Dict[str, Any],
               connection: Any) -> Any:
    """Reads stateless_handle: AUTO or 1..32, stateless services only."""
    attr = prefix + "stateless_handle"
    if "stateless_handle" not in raw:
        return AUTO if connection is False else None
    value = raw["stateless_handle"]
    if connection is not False:
        at.error(attr, "only a service with connection_based: false has a "
                 "stateless handle")
        return schema.INVALID
    if value == AUTO:
        return AUTO
    if isinstance(value, bool) or not isinstance(value, int):
        at.error(attr, "%s is not 'auto' or a number 1..%d"
                 % (schema.show(value), STATELESS_MAX))
        return schema.INVALID
    return schema.number(at, attr, value, 1, STATELESS_MAX)


def _dependencies(at: Located, raw: Any) -> Any:
    """Checks dependencies: a list of distinct service names."""
    items = schema.sequence(at, "dependencies", raw)
    if items is schema.INVALID:
        return items
    names: List[str] = []
    for index, item in enumerate(items):
        name = schema.identifier(at, "dependencies[%d]" % index, item)
        if isinstance(name, str) and name in names:
            at.error("dependencies[%d]" % index, "%s is listed twice" % name)
        names.append(name)
    return tuple(names)


def _list_of(at: Located, data: Dict[str, Any], key: str, check,
             version: str) -> Any:
    """Checks an optional list attribute item by item with `check`."""
    items = schema.sequence(at, key, data.get(key))
    if items is schema.INVALID:
        return items
    return tuple(check(at, "%s[%d]" % (key, i), item, version)
                 for i, item in enumerate(items))


def _mmio(at: Located, attr: str, raw: Any, _version: str) -> Any:
    """Checks one MMIO region: named (name) or numbered (base and size)."""
    if schema.mapping(at, attr, raw) is schema.INVALID:
        return schema.INVALID
    named = "name" in raw
    required = ("name",) if named else ("base", "size")
    schema.check_keys(at, attr + ".", raw, MMIO_KEYS,
                      required + ("permission",))
    if named and ("base" in raw or "size" in raw):
        at.error(attr, "a region has either a name or a base and size")
    prefix = attr + "."
    return MmioDecl(
        name=_opt(at, prefix, raw, "name", schema.identifier),
        base=_opt(at, prefix, raw, "base", schema.number),
        size=_opt(at, prefix, raw, "size", schema.number, 1),
        permission=_opt(at, prefix, raw, "permission", schema.choice,
                        ("READ-ONLY", "READ-WRITE")))


def _irq(at: Located, attr: str, raw: Any, version: str) -> Any:
    """Checks one IRQ (FF-M 1.0: source + signal; 1.1: source, name, handling)."""
    if schema.mapping(at, attr, raw) is schema.INVALID:
        return schema.INVALID
    required = ("source", "signal") if version == "1.0" else (
        "source", "name", "handling")
    schema.check_keys(at, attr + ".", raw, IRQ_KEYS, required)
    source = raw.get("source")
    if not isinstance(source, (str, int)) or isinstance(source, bool):
        at.error(attr + ".source", "%s is not an IRQ name or number"
                 % schema.show(source))
    prefix = attr + "."
    return IrqDecl(source=source,
                   name=_opt(at, prefix, raw, "name", schema.identifier),
                   signal=_opt(at, prefix, raw, "signal", schema.identifier),
                   handling=_opt(at, prefix, raw, "handling", schema.choice,
                                 ("SLIH", "FLIH")),
                   description=_opt(at, prefix, raw, "description",
                                    schema.text))


def _signal_count(at: Located, data: Dict[str, Any]) -> None:
    """Checks there is something to serve and enough signal bits for it."""
    lists = [data.get(key) for key in ("services", "irqs")]
    if not all(isinstance(items, (list, type(None))) for items in lists):
        return             # reported as not a list already
    count = sum(len(items) for items in lists if items)
    if count == 0:
        at.error("services", "a partition must provide at least one service "
                 "or IRQ")
    elif count > MAX_SIGNALS:
        at.error("services", "%d services and irqs; a partition has at most "
                 "%d (signal bits 4..31)" % (count, MAX_SIGNALS))


def _header(diag: Diagnostics, loaded: LoadedManifest) -> str:
    """Checks the manifest's basename, which names psa_manifest/<name>.h."""
    entry = loaded.entry
    header = os.path.splitext(os.path.basename(entry.manifest_path))[0]
    if not _HEADER.match(header) or header in ("sid", "pid"):
        diag.error(entry.list_path, entry.label, "manifest",
                   "the file name '%s' cannot name the header "
                   "psa_manifest/%s.h" % (header, header))
    return header


def _short_name(diag: Diagnostics, loaded: LoadedManifest, name: Any) -> None:
    """Checks that the list item's short_name matches the manifest's name."""
    entry = loaded.entry
    if entry.short_name is None or not isinstance(name, str):
        return
    if entry.short_name != name:
        diag.error(entry.list_path, entry.label, "short_name",
                   "does not match the name %s in %s"
                   % (name, diag.show(entry.manifest_path)))

