"""Stage 2a, the lists inside a partition manifest: services, the library
model's secure_functions, dependencies, MMIO regions and IRQs.

Each checker reports every problem of its item and returns a declaration
(`wm_decl`) or `INVALID`; `wm_validate` assembles them into a partition.
"""

from typing import Any, Dict, List, Optional

import wm_schema as schema
from wm_codes import Code
from wm_decl import (AUTO, STATELESS_MAX, STATELESS_VERSION_MAX, IrqDecl,
                     MmioDecl, ServiceDecl)
from wm_errors import Located

SERVICE_KEYS = ("name", "sid", "non_secure_clients", "connection_based",
                "version", "version_policy", "stateless_handle", "mm_iovec",
                "description")
SERVICE_REQUIRED = ("name", "sid", "non_secure_clients")
SECURE_FUNCTION_KEYS = ("name", "signal", "sid", "non_secure_clients",
                        "version", "version_policy", "description")
MMIO_KEYS = ("name", "base", "size", "permission", "description")
IRQ_KEYS_11 = ("source", "name", "handling", "description",
               "client_id_base", "client_id_limit")
IRQ_KEYS_10 = ("source", "signal", "description", "client_id_base",
               "client_id_limit")
ADDRESS_SPACE = 1 << 32


def opt(at: Located, prefix: str, data: Dict[str, Any], key: str, check,
        *args: Any) -> Any:
    """Checks `data[key]` with `check` if present; None when absent."""
    if key not in data:
        return None
    return check(at, prefix + key, data[key], *args)


def req(at: Located, prefix: str, data: Dict[str, Any], key: str, check,
        *args: Any) -> Any:
    """Checks a required `data[key]`; INVALID when absent (reported already)."""
    if key not in data:
        return schema.INVALID
    return check(at, prefix + key, data[key], *args)


def services(at: Located, raw: Any, version: str) -> Any:
    """Checks the services list; returns a tuple of ServiceDecl."""
    items = schema.sequence(at, "services", raw)
    if items is schema.INVALID:
        return items
    return tuple(_service(at, i, item, version) for i, item in enumerate(items))


def _service(at: Located, index: int, raw: Any, version: str) -> Any:
    """Checks one service."""
    where = "services[%d]" % index
    prefix = where + "."
    if schema.mapping(at, where, raw) is schema.INVALID:
        return schema.INVALID
    version_11 = version == "1.1"
    required = SERVICE_REQUIRED + (("connection_based",) if version_11 else ())
    keys = SERVICE_KEYS if version_11 else tuple(
        k for k in SERVICE_KEYS if k not in ("stateless_handle", "mm_iovec"))
    _check_keys_by_version(at, prefix, raw, keys, SERVICE_KEYS, required,
                           version)
    connection = _connection_based(at, prefix, raw, version)
    name = req(at, prefix, raw, "name", schema.identifier)
    svc_version = _version(at, prefix, raw)
    stateless = _stateless(at, prefix, raw, connection)
    if stateless is not None and isinstance(svc_version, int) \
            and svc_version > STATELESS_VERSION_MAX:
        at.error(Code.STATELESS_VERSION, prefix + "version",
                 "%d does not fit a stateless handle, which carries 8 bits of "
                 "version: a stateless service's version is 1..%d"
                 % (svc_version, STATELESS_VERSION_MAX))
    return ServiceDecl(
        index=index, name=name,
        sid=req(at, prefix, raw, "sid", schema.number),
        non_secure_clients=req(at, prefix, raw, "non_secure_clients",
                               schema.boolean),
        connection_based=connection, version=svc_version,
        strict=_strict(at, prefix, raw),
        stateless_handle=stateless,
        mm_iovec=schema.choice(at, prefix + "mm_iovec",
                               raw.get("mm_iovec", "disable"),
                               ("enable", "disable")) == "enable",
        description=opt(at, prefix, raw, "description", schema.text),
        function=name.lower() + "_sfn" if isinstance(name, str) else "",
        attr=where)


def _check_keys_by_version(at: Located, prefix: str, raw: Dict[str, Any],
                           keys, all_keys, required, version: str) -> None:
    """check_keys(), but a key of the other FF-M version gets E063."""
    for key in raw:
        if isinstance(key, str) and key in all_keys and key not in keys:
            at.error(Code.FFM_VERSION, prefix + key, "not an attribute of an "
                     "FF-M %s manifest" % version)
    schema.check_keys(at, prefix, raw, all_keys, required)


def _version(at: Located, prefix: str, raw: Dict[str, Any]) -> Any:
    """version: 1.. (default 1)."""
    return schema.number(at, prefix + "version", raw.get("version", 1), 1)


def _strict(at: Located, prefix: str, raw: Dict[str, Any]) -> bool:
    """version_policy: STRICT (default) or RELAXED."""
    return schema.choice(at, prefix + "version_policy",
                         raw.get("version_policy", "STRICT"),
                         ("STRICT", "RELAXED")) == "STRICT"


def _connection_based(at: Located, prefix: str, raw: Dict[str, Any],
                      version: str) -> Any:
    """Reads connection_based; FF-M 1.0 services are always connection-based."""
    if version == "1.0":
        if raw.get("connection_based", True) is not True:
            at.error(Code.FFM_VERSION, prefix + "connection_based",
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
        at.error(Code.STATELESS_CONNECTION, attr, "only a service with "
                 "connection_based: false has a stateless handle")
        return schema.INVALID
    if value == AUTO:
        return AUTO
    if isinstance(value, bool) or not isinstance(value, int):
        at.error(Code.TYPE, attr, "%s is not 'auto' or a number 1..%d"
                 % (schema.show(value), STATELESS_MAX))
        return schema.INVALID
    return schema.number(at, attr, value, 1, STATELESS_MAX)


def secure_functions(at: Located, raw: Any) -> Any:
    """Checks the library model's secure_functions; each becomes a
    connection-based SFN service served by the function its `signal`
    names in lower case (`<name>_sfn` when there is no signal)."""
    items = schema.sequence(at, "secure_functions", raw)
    if items is schema.INVALID:
        return items
    return tuple(_secure_function(at, i, item) for i, item in enumerate(items))


def _secure_function(at: Located, index: int, raw: Any) -> Any:
    """Checks one secure function."""
    where = "secure_functions[%d]" % index
    prefix = where + "."
    if schema.mapping(at, where, raw) is schema.INVALID:
        return schema.INVALID
    schema.check_keys(at, prefix, raw, SECURE_FUNCTION_KEYS, SERVICE_REQUIRED)
    name = req(at, prefix, raw, "name", schema.identifier)
    signal = opt(at, prefix, raw, "signal", schema.identifier)
    if isinstance(signal, str) and signal != signal.upper():
        at.error(Code.SFN_SIGNAL, prefix + "signal",
                 "'%s' must be in upper case: it is the secure function's C "
                 "name (%s) in upper case" % (signal, signal.lower()))
    function = ""
    if isinstance(signal, str):
        function = signal.lower()
    elif isinstance(name, str):
        function = name.lower() + "_sfn"
    return ServiceDecl(
        index=index, name=name,
        sid=req(at, prefix, raw, "sid", schema.number),
        non_secure_clients=req(at, prefix, raw, "non_secure_clients",
                               schema.boolean),
        connection_based=True, version=_version(at, prefix, raw),
        strict=_strict(at, prefix, raw), stateless_handle=None,
        mm_iovec=False,
        description=opt(at, prefix, raw, "description", schema.text),
        function=function, attr=where)


def dependencies(at: Located, raw: Any) -> Any:
    """Checks dependencies: a list of distinct service names."""
    items = schema.sequence(at, "dependencies", raw)
    if items is schema.INVALID:
        return items
    names: List[str] = []
    for index, item in enumerate(items):
        name = schema.identifier(at, "dependencies[%d]" % index, item)
        if isinstance(name, str) and name in names:
            at.error(Code.DEP_TWICE, "dependencies[%d]" % index,
                     "%s is listed twice" % name)
        names.append(name)
    return tuple(names)


def list_of(at: Located, data: Dict[str, Any], key: str, check,
            version: str) -> Any:
    """Checks an optional list attribute item by item with `check`."""
    items = schema.sequence(at, key, data.get(key))
    if items is schema.INVALID:
        return items
    return tuple(check(at, key, i, item, version)
                 for i, item in enumerate(items))


def mmio(at: Located, key: str, index: int, raw: Any, _version: str) -> Any:
    """Checks one MMIO region: named (name) or numbered (base and size)."""
    attr = "%s[%d]" % (key, index)
    prefix = attr + "."
    if schema.mapping(at, attr, raw) is schema.INVALID:
        return schema.INVALID
    named = "name" in raw
    required = ("name",) if named else ("base", "size")
    schema.check_keys(at, prefix, raw, MMIO_KEYS, required + ("permission",))
    if named and ("base" in raw or "size" in raw):
        at.error(Code.MMIO_FORM, attr, "a region has either a name or a base "
                 "and size")
    base = opt(at, prefix, raw, "base", schema.number)
    size = opt(at, prefix, raw, "size", schema.number, 1)
    if isinstance(base, int) and isinstance(size, int) \
            and base + size > ADDRESS_SPACE:
        at.error(Code.MMIO_OVERFLOW, attr, "base 0x%08X + size 0x%X ends "
                 "beyond the 4 GiB address space" % (base, size))
    return MmioDecl(
        index=index, name=opt(at, prefix, raw, "name", schema.identifier),
        base=base, size=size,
        permission=opt(at, prefix, raw, "permission", schema.choice,
                       ("READ-ONLY", "READ-WRITE")))


def irq(at: Located, key: str, index: int, raw: Any, version: str) -> Any:
    """Checks one IRQ (FF-M 1.0: source + signal; 1.1: source, name and
    handling)."""
    attr = "%s[%d]" % (key, index)
    prefix = attr + "."
    if schema.mapping(at, attr, raw) is schema.INVALID:
        return schema.INVALID
    keys = IRQ_KEYS_10 if version == "1.0" else IRQ_KEYS_11
    required = ("source", "signal") if version == "1.0" else (
        "source", "name", "handling")
    _check_keys_by_version(at, prefix, raw, keys,
                           tuple(dict.fromkeys(IRQ_KEYS_11 + IRQ_KEYS_10)),
                           required, version)
    source = raw.get("source")
    if "source" in raw and not _irq_source(source):
        at.error(Code.TYPE, prefix + "source", "%s is not an IRQ name or "
                 "number" % schema.show(source))
    name = opt(at, prefix, raw, "name", schema.identifier)
    signal = opt(at, prefix, raw, "signal", schema.identifier)
    if isinstance(name, str):
        signal = name + "_SIGNAL"
    base, limit = client_id_range(at, prefix, raw)
    return IrqDecl(index=index, source=schema.to_int(source)
                   if schema.to_int(source) is not None else source,
                   name=name, signal=signal,
                   handling=opt(at, prefix, raw, "handling", schema.choice,
                                ("SLIH", "FLIH")) or "SLIH",
                   description=opt(at, prefix, raw, "description",
                                   schema.text),
                   client_id_base=base, client_id_limit=limit)


def _irq_source(source: Any) -> bool:
    """True for an IRQ number (0..) or a platform IRQ name."""
    number = schema.to_int(source)
    if number is not None:
        return 0 <= number <= schema.UINT32_MAX
    return schema.is_identifier(source)


def client_id_range(at: Located, prefix: str, raw: Dict[str, Any]):
    """Checks client_id_base/client_id_limit: both or neither, negative
    32-bit values, base <= limit. Returns (base, limit), None when absent
    or invalid."""
    present = [k for k in ("client_id_base", "client_id_limit") if k in raw]
    if not present:
        return None, None
    values: Dict[str, Optional[int]] = {}
    for key in present:
        value = schema.number(at, prefix + key, raw[key], schema.INT32_MIN, -1)
        values[key] = value if isinstance(value, int) else None
    if len(present) == 1:
        other = ({"client_id_base", "client_id_limit"} - set(present)).pop()
        at.error(Code.CLIENT_ID_RANGE, prefix + other, "required with %s: a "
                 "client ID range has a base and a limit" % present[0])
        return None, None
    base, limit = values["client_id_base"], values["client_id_limit"]
    if base is None or limit is None:
        return None, None
    if base > limit:
        at.error(Code.CLIENT_ID_RANGE, prefix + "client_id_limit",
                 "%d is below client_id_base %d" % (limit, base))
        return None, None
    return base, limit
