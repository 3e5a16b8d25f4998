"""Small typed checkers the validators build on.

Each checker takes a `Located` (where errors go), the attribute path to name
in a message, and the raw value from YAML/JSON. It returns the normalised
value, or `INVALID` after recording an error. Checkers never raise on bad
input, so a validator can check every attribute and report all problems.
"""

import re
from typing import Any, Iterable, Mapping, Optional, Sequence

from wm_codes import Code
from wm_errors import Located


class _Invalid:
    """Type of the `INVALID` marker (a value that failed its check)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
UINT32_MAX = 0xFFFFFFFF
INT32_MIN = -(2 ** 31)


def is_identifier(value: Any) -> bool:
    """True if `value` is a string that is a C identifier."""
    return isinstance(value, str) and bool(_IDENT.match(value))


def show(value: Any) -> str:
    """Formats an input value for a message: strings quoted, others as-is."""
    if isinstance(value, str):
        return "'%s'" % value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        return "a " + ("mapping" if isinstance(value, dict) else "list")
    return str(value)


def check_keys(at: Located, prefix: str, data: Mapping[str, Any],
               allowed: Iterable[str], required: Iterable[str],
               extra: Sequence[str] = (), hint: str = "") -> None:
    """Reports keys of `data` not in `allowed`/`extra` and missing `required`.

    `prefix` is prepended to key names in messages (e.g. "services[0].");
    `hint` is appended to the unknown-attribute message.
    """
    allowed = set(allowed) | set(extra)
    for key in data:
        if not isinstance(key, str):
            at.error(Code.TYPE, prefix.rstrip(".") or None,
                     "attribute name %s is not a string" % show(key))
        elif key not in allowed:
            at.error(Code.UNKNOWN, prefix + key, "unknown attribute" + hint)
    for key in required:
        if key not in data:
            at.error(Code.MISSING, prefix + key,
                     "required attribute is missing")


def mapping(at: Located, attr: Optional[str], value: Any) -> Any:
    """Checks that `value` is a mapping (YAML mapping / JSON object)."""
    if isinstance(value, dict):
        return value
    at.error(Code.TYPE, attr, "expected a mapping, got %s" % show(value))
    return INVALID


def sequence(at: Located, attr: str, value: Any) -> Any:
    """Checks that `value` is a list; null counts as an empty list."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    at.error(Code.TYPE, attr, "expected a list, got %s" % show(value))
    return INVALID


def text(at: Located, attr: str, value: Any) -> Any:
    """Checks that `value` is a string."""
    if isinstance(value, str):
        return value
    at.error(Code.TYPE, attr, "expected a string, got %s" % show(value))
    return INVALID


def identifier(at: Located, attr: str, value: Any) -> Any:
    """Checks that `value` is a C identifier (it becomes a C name or macro)."""
    if is_identifier(value):
        return value
    at.error(Code.IDENTIFIER, attr, "%s is not a C identifier" % show(value))
    return INVALID


def boolean(at: Located, attr: str, value: Any) -> Any:
    """Checks that `value` is true or false."""
    if isinstance(value, bool):
        return value
    at.error(Code.TYPE, attr, "expected true or false, got %s" % show(value))
    return INVALID


def choice(at: Located, attr: str, value: Any, choices: Sequence[str]) -> Any:
    """Checks that `value` is one of the strings in `choices` (exact case)."""
    if isinstance(value, str) and value in choices:
        return value
    at.error(Code.CHOICE, attr,
             "%s is not one of %s" % (show(value), ", ".join(choices)))
    return INVALID


def number(at: Located, attr: str, value: Any,
           low: int = 0, high: int = UINT32_MAX) -> Any:
    """Checks an integer in [low, high]: an int, or a string such as "0x200".

    Strings are read with C-like prefixes (0x, 0o, 0b; decimal otherwise)
    and may have a sign ("-0x0400ffff").
    """
    result = to_int(value)
    if result is None:
        at.error(Code.TYPE, attr, "expected a number, got %s" % show(value))
        return INVALID
    if not low <= result <= high:
        at.error(Code.RANGE, attr, "%s is out of range %s..%s"
                 % (show(value), _bound(low), _bound(high)))
        return INVALID
    return result


def number_or_macro(at: Located, attr: str, value: Any,
                    low: int = 0, high: int = UINT32_MAX) -> Any:
    """A number as `number()`, or a C macro name left to the compiler."""
    if is_identifier(value) and to_int(value) is None:
        return value
    if to_int(value) is None:
        at.error(Code.TYPE, attr, "expected a number or a macro name, got %s"
                 % show(value))
        return INVALID
    return number(at, attr, value, low, high)


def to_int(value: Any) -> Optional[int]:
    """Reads an int or numeric string; None when it is neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and "_" not in value:
        try:
            return int(value.strip(), 0)
        except ValueError:
            return None
    return None


def _bound(value: int) -> str:
    """Formats a range bound: hex for large values, decimal otherwise."""
    if value < 0:
        return "-" + _bound(-value)
    return "0x%X" % value if value > 0xFFFF else str(value)
