"""The manifest tool's one error type, and the collector every stage reports to.

An error names where it is: the input file, the partition (or list item) and
the attribute, then says what is wrong and ends with the error's stable
code (`wm_codes`), e.g.::

    example.yaml: TFM_SP_EXAMPLE: services[1].sid: 0x000000E0 is already used
    by ROT_A in other.yaml [E042]

Stages never stop at the first problem: they add every error they find to a
`Diagnostics` and the pipeline stops between stages if there were any.
"""

import os
from dataclasses import dataclass
from typing import List, Optional, Tuple

from wm_codes import Code


@dataclass(frozen=True)
class ManifestError:
    """One problem in the inputs: file, partition and attribute, then text.

    Any of the three location fields may be None when it does not apply
    (e.g. a command-line option has no file).
    """

    code: Code
    file: Optional[str]
    partition: Optional[str]
    attribute: Optional[str]
    message: str
    warning: bool = False   # a warning: reported, the outputs still written

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.partition, self.attribute) if p]
        if self.warning:
            parts.append("warning")
        text = ": ".join(parts + [self.message])
        return "%s [%s]" % (text, self.code.ident)


class Diagnostics:
    """Collects the errors of one run; passed explicitly to every stage.

    `base_dir` is the directory file names are shown relative to (the
    current directory of the run); files outside it are shown absolute.
    """

    def __init__(self, base_dir: str) -> None:
        self._base_dir = os.path.abspath(base_dir)
        self._errors: List[ManifestError] = []
        self._warnings: List[ManifestError] = []

    def show(self, path: str) -> str:
        """Returns the name to print for the input file at `path`."""
        path = os.path.abspath(path)
        rel = os.path.relpath(path, self._base_dir)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            return path
        return rel

    def error(self, code: Code, path: Optional[str], partition: Optional[str],
              attribute: Optional[str], message: str) -> None:
        """Records one error; `path` is an input file path or None."""
        shown = self.show(path) if path else None
        self._errors.append(ManifestError(code, shown, partition, attribute,
                                          message))

    def warn(self, code: Code, path: Optional[str], partition: Optional[str],
             attribute: Optional[str], message: str) -> None:
        """Records one warning: printed, but the run still succeeds."""
        shown = self.show(path) if path else None
        self._warnings.append(ManifestError(code, shown, partition, attribute,
                                            message, warning=True))

    @property
    def warnings(self) -> Tuple[ManifestError, ...]:
        """The warnings recorded so far, in the order they were found."""
        return tuple(self._warnings)

    @property
    def errors(self) -> Tuple[ManifestError, ...]:
        """The errors recorded so far, in the order they were found."""
        return tuple(self._errors)

    def __bool__(self) -> bool:
        return bool(self._errors)


class Located:
    """Reports errors about one place (file + partition) with less repetition.

    A thin helper over `Diagnostics` used by the validators: `at.error(
    Code.RANGE, "services[0].sid", "...")` instead of repeating file and
    partition.
    """

    def __init__(self, diag: Diagnostics, path: str,
                 partition: Optional[str]) -> None:
        self.diag = diag
        self.path = path
        self.partition = partition

    def error(self, code: Code, attribute: Optional[str],
              message: str) -> None:
        """Records an error about `attribute` of this place."""
        self.diag.error(code, self.path, self.partition, attribute, message)

    def warn(self, code: Code, attribute: Optional[str],
             message: str) -> None:
        """Records a warning about `attribute` of this place."""
        self.diag.warn(code, self.path, self.partition, attribute, message)

    def show(self, path: str) -> str:
        """Returns the printed name of another input file (for messages)."""
        return self.diag.show(path)
