"""Reading one input file: YAML (TF-M's form) or JSON (FF-M's form).

A file named *.json is read as strict JSON; anything else as YAML (which
also reads the JSON-in-.yaml files TF-M ships). A key given twice in one
mapping is an error in both: loaders usually keep the last one silently.
"""

import json
from typing import Any, List, Optional, Tuple

import yaml

from wm_codes import Code


class _StrictLoader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
    """A safe YAML loader that refuses a key given twice in one mapping."""

    def construct_mapping(self, node, deep=False):
        """Builds a mapping, raising ConstructorError on a repeated key (and,
        from the base class, on a key that is a sequence or mapping)."""
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                continue  # only text keys are compared (a list is unhashable)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, "duplicate key '%s'" % key,
                    key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class _DuplicateKey(ValueError):
    """A JSON object with a key given twice."""


def _json_object(pairs: List[Tuple[str, Any]]) -> dict:
    """object_pairs_hook of json.load: refuses a repeated key."""
    result = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey("duplicate key '%s'" % key)
        result[key] = value
    return result


Problem = Tuple[Code, str]


def read_data(path: str) -> Tuple[Any, Optional[Problem]]:
    """Reads one YAML/JSON file; returns (data, None) or (None, problem).

    A problem is (code, text): E001 when the file cannot be read, E002 for a
    syntax error (nesting too deep for the parser included), E003 for a key
    given twice.
    """
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except OSError as exc:
        return None, (Code.READ, "cannot read: %s" % (exc.strerror or exc))
    except UnicodeDecodeError as exc:
        return None, (Code.SYNTAX, "not UTF-8 text: %s" % exc.reason)
    try:
        if path.lower().endswith(".json"):
            return _read_json(text)
        return _read_yaml(text)
    except RecursionError:
        # Both parsers recurse once per level of nesting.
        return None, (Code.SYNTAX, "nested too deeply")


def _read_json(text: str) -> Tuple[Any, Optional[Problem]]:
    """Parses strict JSON."""
    try:
        return json.loads(text, object_pairs_hook=_json_object), None
    except _DuplicateKey as exc:
        return None, (Code.DUPLICATE_KEY, str(exc))
    except json.JSONDecodeError as exc:
        return None, (Code.SYNTAX, "line %d, column %d: %s"
                      % (exc.lineno, exc.colno, exc.msg))


def _read_yaml(text: str) -> Tuple[Any, Optional[Problem]]:
    """Parses YAML with the strict loader."""
    try:
        return yaml.load(text, Loader=_StrictLoader), None
    except yaml.constructor.ConstructorError as exc:
        code = Code.DUPLICATE_KEY if "duplicate key" in str(
            getattr(exc, "problem", "")) else Code.SYNTAX
        return None, (code, _yaml_message(exc))
    except yaml.YAMLError as exc:
        return None, (Code.SYNTAX, _yaml_message(exc))
    except (ValueError, TypeError, AttributeError, LookupError,
            OverflowError) as exc:
        # PyYAML's constructors of explicitly tagged scalars (!!int abc,
        # !!bool maybe, !!timestamp x) fail with Python exceptions.
        return None, (Code.SYNTAX, "not valid YAML: a value that does not "
                      "fit its tag (%s)" % type(exc).__name__)


def _yaml_message(exc: yaml.YAMLError) -> str:
    """Turns a PyYAML exception into 'line L, column C: problem'."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if mark is None:
        return "not valid YAML: %s" % problem
    return "line %d, column %d: %s" % (mark.line + 1, mark.column + 1, problem)
