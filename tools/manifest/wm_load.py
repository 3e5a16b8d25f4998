"""Stage 1: read the manifest lists and the partition manifests they enable.

Manifest lists use TF-M's `manifest_list` schema (YAML or JSON). Each item
names a partition manifest (relative to the list, or absolute; environment
variables expanded) and may switch it on or off with `conditional`.
"""

import os
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import wm_schema as schema
from wm_codes import Code
from wm_decl import ListEntry
from wm_errors import Diagnostics, Located
from wm_files import read_data

LIST_KEYS = ("description", "type", "version_major", "version_minor",
             "manifest_list")
ITEM_KEYS = ("description", "name", "short_name", "manifest", "output_path",
             "output_dir", "conditional", "version_major", "version_minor",
             "pid", "linker_pattern", "non_ffm_attributes")
ITEM_REQUIRED = ("manifest",)
LINKER_KEYS = ("library_list", "object_list")
ENABLED = ("on", "true", "enabled", "1")
DISABLED = ("off", "false", "disabled", "0", "")
PID_USER_MIN = 256      # 0-255: Warden's own partitions
PID_RESERVED_MIN = 6000  # 6000 and above: reserved
PID_RANGES = "(user partitions use 256-2999, tests 3000-5999)"

_CMAKE_VAR = re.compile(r"@([A-Za-z_][A-Za-z0-9_]*)@\Z")
_ENV_LEFT = re.compile(r"\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)")
_LIBRARY = re.compile(r"\*tfm_(psa|app)_rot_partition_([A-Za-z0-9_]+)\.\*\Z")


@dataclass(frozen=True)
class LoadedManifest:
    """An enabled list item and the raw data of its partition manifest."""

    entry: ListEntry
    data: Any


@dataclass(frozen=True)
class Inputs:
    """Everything stage 1 read."""

    manifests: Tuple[LoadedManifest, ...]
    files_read: Tuple[str, ...]    # absolute paths, in the order read
    disabled: Tuple[str, ...] = ()  # labels of items switched off


def library_kind(pattern: str) -> Optional[Tuple[str, str]]:
    """("psa"|"app", library name) of a library_list pattern, or None."""
    match = _LIBRARY.match(pattern)
    if not match:
        return None
    return match.group(1), pattern[1:-2]


def load_inputs(list_paths: Sequence[str], defines: Mapping[str, str],
                diag: Diagnostics, cwd: str) -> Inputs:
    """Reads every list in `list_paths` and each manifest it enables.

    Relative list paths are taken from `cwd`. `defines` holds the -D values
    `conditional: "@NAME@"` refers to. Errors go to `diag`.
    """
    manifests: List[LoadedManifest] = []
    files_read: List[str] = []
    disabled: List[str] = []
    for list_path in list_paths:
        list_path = os.path.normpath(os.path.join(cwd, list_path))
        data, problem = read_data(list_path)
        if problem:
            diag.error(problem[0], list_path, None, None, problem[1])
            continue
        files_read.append(list_path)
        for entry in _list_entries(list_path, data, defines, diag, disabled):
            loaded = _load_manifest(entry, diag)
            if loaded is not None:
                files_read.append(entry.manifest_path)
                manifests.append(loaded)
    return Inputs(tuple(manifests), tuple(dict.fromkeys(files_read)),
                  tuple(disabled))


def _load_manifest(entry: ListEntry, diag: Diagnostics) -> Optional[LoadedManifest]:
    """Reads the manifest of one enabled list item."""
    if not os.path.isfile(entry.manifest_path):
        diag.error(Code.READ, entry.list_path, entry.label, "manifest",
                   "%s does not exist" % diag.show(entry.manifest_path))
        return None
    data, problem = read_data(entry.manifest_path)
    if problem:
        diag.error(problem[0], entry.manifest_path, entry.label, None,
                   problem[1])
        return None
    return LoadedManifest(entry, data)


def _list_entries(list_path: str, data: Any, defines: Mapping[str, str],
                  diag: Diagnostics, disabled: List[str]) -> List[ListEntry]:
    """Checks one manifest list; returns its enabled items (see _list_entry)."""
    at = Located(diag, list_path, None)
    if schema.mapping(at, None, data) is schema.INVALID:
        return []
    schema.check_keys(at, "", data, LIST_KEYS, ("manifest_list",))
    if "type" in data:
        schema.choice(at, "type", data["type"], ("manifest_list",))
    for key in ("description",):
        if key in data:
            schema.text(at, key, data[key])
    for key in ("version_major", "version_minor"):
        if key in data:
            schema.number(at, key, data[key])
    items = schema.sequence(at, "manifest_list", data.get("manifest_list"))
    if items is schema.INVALID:
        return []
    entries = []
    for index, item in enumerate(items):
        entry = _list_entry(list_path, index, item, defines, diag, disabled)
        if entry is not None:
            entries.append(entry)
    return entries


def _list_entry(list_path: str, index: int, item: Any,
                defines: Mapping[str, str], diag: Diagnostics,
                disabled: List[str]) -> Optional[ListEntry]:
    """Checks one list item; returns its entry if it names a manifest and is
    enabled (an invalid `conditional` counts as disabled)."""
    label = "manifest_list[%d]" % index
    if isinstance(item, dict) and schema.is_identifier(item.get("short_name")):
        label = item["short_name"]
    at = Located(diag, list_path, label)
    if schema.mapping(at, None, item) is schema.INVALID:
        return None
    schema.check_keys(at, "", item, ITEM_KEYS, ITEM_REQUIRED)
    if "description" not in item and "name" not in item:
        at.error(Code.MISSING, "description",
                 "required attribute is missing (or give name)")
    fields = _item_fields(at, item)
    enabled = resolve_conditional(at, item.get("conditional"), defines)
    if not enabled:
        disabled.append(label)
    if not enabled or not isinstance(item.get("manifest"), str):
        return None
    manifest = expand_path(at, "manifest", item["manifest"])
    if manifest is None:
        return None
    # An item with other errors is still followed, so that its manifest's
    # own errors are reported too; the run fails on the item's errors anyway.
    return ListEntry(
        list_path=list_path, index=index, label=label,
        short_name=_valid(fields["short_name"]),
        manifest_path=os.path.normpath(
            os.path.join(os.path.dirname(list_path), manifest)),
        pid=_valid(fields["pid"]),
        non_ffm_attributes=fields["non_ffm_attributes"],
        output_path=fields["output_path"],
        library_patterns=fields["library_list"],
        object_patterns=fields["object_list"])


def _valid(value: Any) -> Any:
    """`value`, or None if it failed its check."""
    return None if value is schema.INVALID else value


def _item_fields(at: Located, item: Dict[str, Any]) -> Dict[str, Any]:
    """Checks the typed attributes of a list item; returns the ones used."""
    for key in ("description", "name", "manifest"):
        if key in item:
            schema.text(at, key, item[key])
    for key in ("version_major", "version_minor"):
        if key in item:
            schema.number(at, key, item[key])
    short_name = None
    if "short_name" in item:
        short_name = schema.identifier(at, "short_name", item["short_name"])
    fields = {"short_name": short_name,
              "pid": _pid(at, item["pid"]) if "pid" in item else None,
              "non_ffm_attributes": _strings(at, item, "non_ffm_attributes"),
              "output_path": _output_path(at, item)}
    fields.update(_linker_pattern(at, item.get("linker_pattern", {})))
    return fields


def _strings(at: Located, data: Dict[str, Any], key: str,
             prefix: str = "") -> Tuple[str, ...]:
    """A list of strings at data[key] (absent: empty); bad items dropped."""
    items = schema.sequence(at, prefix + key, data.get(key))
    if items is schema.INVALID:
        return ()
    checked = (schema.text(at, "%s%s[%d]" % (prefix, key, i), value)
               for i, value in enumerate(items))
    return tuple(value for value in checked if isinstance(value, str))


def _output_path(at: Located, item: Dict[str, Any]) -> Optional[str]:
    """output_path (TF-M's list) or output_dir (the partition guide's text), expanded."""
    given = [key for key in ("output_path", "output_dir") if key in item]
    if len(given) == 2:
        at.error(Code.CONFLICT, "output_dir", "give output_path or "
                 "output_dir, not both (they mean the same)")
        return None
    if not given or schema.text(at, given[0], item[given[0]]) is schema.INVALID:
        return None
    return expand_path(at, given[0], item[given[0]])


def _linker_pattern(at: Located, value: Any) -> Dict[str, Tuple[str, ...]]:
    """Checks linker_pattern: library_list and object_list of patterns."""
    result: Dict[str, Tuple[str, ...]] = {"library_list": (),
                                          "object_list": ()}
    if schema.mapping(at, "linker_pattern", value) is schema.INVALID:
        return result
    schema.check_keys(at, "linker_pattern.", value, LINKER_KEYS, ())
    for key in LINKER_KEYS:
        result[key] = _strings(at, value, key, "linker_pattern.")
    for index, pattern in enumerate(result["library_list"]):
        if library_kind(pattern) is None:
            at.error(Code.LINKER_PATTERN,
                     "linker_pattern.library_list[%d]" % index,
                     "'%s' does not name a partition library: use "
                     "'*tfm_psa_rot_partition_<name>.*' or "
                     "'*tfm_app_rot_partition_<name>.*'" % pattern)
    return result


def expand_path(at: Located, attr: str, path: str) -> Optional[str]:
    """`path` with environment variables expanded; None (after an error)
    if it names a variable that is not set."""
    expanded = os.path.expandvars(path)
    left = _ENV_LEFT.search(expanded)
    if left:
        at.error(Code.ENV_VAR, attr, "'%s' uses $%s, which is not set in the "
                 "environment" % (path, left.group(1).strip("{}")))
        return None
    return expanded


def _pid(at: Located, value: Any) -> Any:
    """Checks a list item's pid against the PID ranges."""
    pid = schema.number(at, "pid", value, low=-(2 ** 31), high=2 ** 31 - 1)
    if pid is schema.INVALID:
        return pid
    if pid < PID_USER_MIN:
        at.error(Code.PID_WARDEN, "pid", "%d is reserved: PIDs 0-255 belong "
                 "to Warden itself %s" % (pid, PID_RANGES))
        return schema.INVALID
    if pid >= PID_RESERVED_MIN:
        at.error(Code.PID_RESERVED, "pid", "%d is reserved: PIDs from 6000 "
                 "up are not available %s" % (pid, PID_RANGES))
        return schema.INVALID
    return pid


def resolve_conditional(at: Located, value: Any,
                        defines: Mapping[str, str]) -> bool:
    """Decides whether a list item is enabled by its `conditional`.

    Absent: enabled. "@NAME@": the value of -D NAME=... (unset = disabled).
    Anything else is taken literally. Values are ON/TRUE/ENABLED/1 or
    OFF/FALSE/DISABLED/0/empty, in any case; others are an error (and the
    item is treated as disabled).
    """
    if value is None:
        return True
    if isinstance(value, bool):       # YAML reads a bare ON/OFF as a bool
        return value
    if isinstance(value, int) and value in (0, 1):
        return value == 1
    if not isinstance(value, str):
        at.error(Code.CONDITIONAL, "conditional",
                 "%s is not a switch value" % schema.show(value))
        return False
    match = _CMAKE_VAR.match(value.strip())
    setting = defines.get(match.group(1), "") if match else value
    if setting.strip().lower() in ENABLED + DISABLED:
        return setting.strip().lower() in ENABLED
    origin = " (from -D %s)" % match.group(1) if match else ""
    at.error(Code.CONDITIONAL, "conditional",
             "'%s'%s is not a switch value: use ON, TRUE, ENABLED or 1 to "
             "enable, OFF, FALSE, DISABLED or 0 to disable%s"
             % (setting, origin,
                "" if match else ", or @NAME@ to read -D NAME=..."))
    return False
