"""Stage 1: read the manifest lists and the partition manifests they enable.

Manifest lists use TF-M's `manifest_list` YAML schema. Partition manifests
are YAML; FF-M's JSON form is valid YAML and loads the same way. Duplicate
keys in a mapping are an error (YAML loaders usually keep the last silently).
"""

import os
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import yaml

import wm_schema as schema
from wm_decl import ListEntry
from wm_errors import Diagnostics, Located

LIST_KEYS = ("description", "type", "version_major", "version_minor",
             "manifest_list")
ITEM_KEYS = ("description", "short_name", "manifest", "output_path",
             "conditional", "version_major", "version_minor", "pid",
             "linker_pattern", "non_ffm_attributes")
ITEM_REQUIRED = ("description", "manifest")
ENABLED = ("on", "true", "enabled", "1")
DISABLED = ("off", "false", "disabled", "0", "")
PID_USER_MIN = 256      # 0-255: the SPM's own partitions
PID_RESERVED_MIN = 6000  # 6000 and above: reserved

_CMAKE_VAR = re.compile(r"@([A-Za-z_][A-Za-z0-9_]*)@\Z")


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


class _StrictLoader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
    """A safe YAML loader that refuses a key given twice in one mapping."""

    def construct_mapping(self, node, deep=False):
        """Builds a mapping, raising ConstructorError on a repeated key."""
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, "duplicate key '%s'" % key,
                    key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: str) -> Tuple[Any, Optional[str]]:
    """Reads one YAML/JSON file; returns (data, None) or (None, error text)."""
    try:
        with open(path, encoding="utf-8") as stream:
            return yaml.load(stream, Loader=_StrictLoader), None
    except OSError as exc:
        return None, "cannot read: %s" % (exc.strerror or exc)
    except yaml.YAMLError as exc:
        return None, _yaml_message(exc)


def _yaml_message(exc: yaml.YAMLError) -> str:
    """Turns a PyYAML exception into 'line L, column C: problem'."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is None:
        return "not valid YAML: %s" % problem
    return "line %d, column %d: %s" % (mark.line + 1, mark.column + 1, problem)


def load_inputs(list_paths: Sequence[str], defines: Mapping[str, str],
                diag: Diagnostics, cwd: str) -> Inputs:
    """Reads every list in `list_paths` and each manifest it enables.

    Relative list paths are taken from `cwd`. `defines` holds the -D values
    `conditional: "@NAME@"` refers to. Errors go to `diag`.
    """
    manifests: List[LoadedManifest] = []
    files_read: List[str] = []
    for list_path in list_paths:
        list_path = os.path.normpath(os.path.join(cwd, list_path))
        data, problem = read_yaml(list_path)
        if problem:
            diag.error(list_path, None, None, problem)
            continue
        files_read.append(list_path)
        for entry in _list_entries(list_path, data, defines, diag):
            loaded = _load_manifest(entry, diag)
            if loaded is not None:
                files_read.append(entry.manifest_path)
                manifests.append(loaded)
    return Inputs(tuple(manifests), tuple(dict.fromkeys(files_read)))


def _load_manifest(entry: ListEntry, diag: Diagnostics) -> Optional[LoadedManifest]:
    """Reads the manifest of one enabled list item."""
    data, problem = read_yaml(entry.manifest_path)
    if problem and not os.path.exists(entry.manifest_path):
        diag.error(entry.list_path, entry.label, "manifest",
                   "%s does not exist" % diag.show(entry.manifest_path))
        return None
    if problem:
        diag.error(entry.manifest_path, entry.label, None, problem)
        return None
    return LoadedManifest(entry, data)


def _list_entries(list_path: str, data: Any, defines: Mapping[str, str],
                  diag: Diagnostics) -> List[ListEntry]:
    """Checks one manifest list; returns its enabled items (see _list_entry)."""
    at = Located(diag, list_path, None)
    if schema.mapping(at, None, data) is schema.INVALID:
        return []
    schema.check_keys(at, "", data, LIST_KEYS, ("manifest_list",))
    if "type" in data:
        schema.choice(at, "type", data["type"], ("manifest_list",))
    items = schema.sequence(at, "manifest_list", data.get("manifest_list"))
    if items is schema.INVALID:
        return []
    entries = []
    for index, item in enumerate(items):
        entry = _list_entry(list_path, index, item, defines, diag)
        if entry is not None:
            entries.append(entry)
    return entries


def _list_entry(list_path: str, index: int, item: Any,
                defines: Mapping[str, str],
                diag: Diagnostics) -> Optional[ListEntry]:
    """Checks one list item; returns its entry if it names a manifest and is
    enabled (an invalid `conditional` counts as disabled)."""
    label = "manifest_list[%d]" % index
    if isinstance(item, dict) and isinstance(item.get("short_name"), str):
        label = item["short_name"]
    at = Located(diag, list_path, label)
    if schema.mapping(at, None, item) is schema.INVALID:
        return None
    schema.check_keys(at, "", item, ITEM_KEYS, ITEM_REQUIRED)
    fields = _item_fields(at, item)
    enabled = resolve_conditional(at, item.get("conditional"), defines)
    if not enabled or not isinstance(item.get("manifest"), str):
        return None
    # An item with other errors is still followed, so that its manifest's
    # own errors are reported too; the run fails on the item's errors anyway.
    return ListEntry(list_path=list_path, index=index, label=label,
                     short_name=_valid(fields["short_name"]),
                     manifest_path=_manifest_path(list_path, item["manifest"]),
                     pid=_valid(fields["pid"]),
                     non_ffm_attributes=tuple(
                         n for n in fields["non_ffm_attributes"]
                         if isinstance(n, str)))


def _valid(value: Any) -> Any:
    """`value`, or None if it failed its check."""
    return None if value is schema.INVALID else value


def _item_fields(at: Located, item: Dict[str, Any]) -> Dict[str, Any]:
    """Checks the typed attributes of a list item; returns the ones used."""
    for key in ("description", "manifest", "output_path"):
        if key in item:
            schema.text(at, key, item[key])
    for key in ("version_major", "version_minor"):
        if key in item:
            schema.number(at, key, item[key])
    if "linker_pattern" in item:
        schema.mapping(at, "linker_pattern", item["linker_pattern"])
    short_name = None
    if "short_name" in item:
        short_name = schema.identifier(at, "short_name", item["short_name"])
    extra = schema.sequence(at, "non_ffm_attributes",
                            item.get("non_ffm_attributes"))
    names: Tuple[str, ...] = ()
    if extra is not schema.INVALID:
        names = tuple(schema.text(at, "non_ffm_attributes[%d]" % i, name)
                      for i, name in enumerate(extra))
    pid = _pid(at, item["pid"]) if "pid" in item else None
    return {"short_name": short_name, "pid": pid, "non_ffm_attributes": names}


def _pid(at: Located, value: Any) -> Any:
    """Checks a list item's pid against the PID ranges."""
    pid = schema.number(at, "pid", value, low=-(2 ** 31), high=2 ** 31 - 1)
    if pid is schema.INVALID:
        return pid
    if pid < PID_USER_MIN:
        at.error("pid", "%d is reserved: PIDs 0-255 belong to the SPM "
                 "(user partitions use 256-2999, tests 3000-5999)" % pid)
        return schema.INVALID
    if pid >= PID_RESERVED_MIN:
        at.error("pid", "%d is reserved: PIDs from 6000 up are not "
                 "available (user partitions use 256-2999, tests 3000-5999)"
                 % pid)
        return schema.INVALID
    return pid


def _manifest_path(list_path: str, manifest: str) -> str:
    """Resolves an item's manifest: env vars expanded, relative to the list."""
    path = os.path.expandvars(manifest)
    return os.path.normpath(os.path.join(os.path.dirname(list_path), path))


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
        at.error("conditional", "%s is not a switch value" % schema.show(value))
        return False
    match = _CMAKE_VAR.match(value.strip())
    setting = defines.get(match.group(1), "") if match else value
    if setting.strip().lower() in ENABLED + DISABLED:
        return setting.strip().lower() in ENABLED
    origin = " (from -D %s)" % match.group(1) if match else ""
    at.error("conditional", "'%s'%s is not a switch value: use ON, TRUE, "
             "ENABLED or 1 to enable, OFF, FALSE, DISABLED or 0 to disable"
             "%s" % (setting, origin,
                     "" if match else ", or @NAME@ to read -D NAME=..."))
    return False
