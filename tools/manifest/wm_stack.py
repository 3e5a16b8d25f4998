"""Stage 2c: each partition's stack_size against what the build needs.

The figures are include/warden/stack.h's (read from it: the C side checks
with the same definitions), where each is accounted for:

- below the backend's minimum, a partition's stack cannot run it at all:
  an error (E073);
- a partition that calls services (its `dependencies`) holds the request
  of each call on its stack (IPC backend at isolation level 1) or on the
  stack its functions run on (SFN backend): a stack_size below that is a
  warning (W001), as the partition's own frames come on top and only it
  knows them.

A stack_size given as a macro name is checked by the compiler instead
(the generated load information asserts the minimum).
"""

import os
import re
from typing import Dict, Sequence

from wm_codes import Code
from wm_decl import PartitionDecl
from wm_errors import Diagnostics, Located

HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                      os.pardir, "include", "warden", "stack.h")


def figures(path: str = HEADER) -> Dict[str, int]:
    """The WARDEN_STACK_* numbers of include/warden/stack.h, by name
    without the prefix (e.g. "MIN_IPC")."""
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    return {name: int(value) for name, value in re.findall(
        r"^#define WARDEN_STACK_(\w+)\s+(\d+)u\b", text, re.M)}


def minimum(backend: str) -> int:
    """The least stack_size the backend runs a partition with."""
    return figures()["MIN_" + backend]


def check_stacks(parts: Sequence[PartitionDecl], backend: str,
                 isolation_level: int, diag: Diagnostics) -> None:
    """Refuses stacks below the backend's minimum; warns about stacks that
    cannot hold the request of a call the partition makes."""
    fig = figures()
    least = fig["MIN_" + backend]
    for part in parts:
        size = part.stack_size
        if not isinstance(size, int):
            continue
        at = Located(diag, part.path, part.name)
        if size < least:
            at.error(Code.STACK_SMALL, "stack_size", _too_small(
                part, size, least, backend, fig))
            continue
        if part.dependencies:
            _calls(at, part, size, backend, isolation_level, fig)


def _too_small(part: PartitionDecl, size: int, least: int, backend: str,
               fig: Dict[str, int]) -> str:
    what = ("the IPC backend runs each partition in a thread of its own, "
            "whose stack holds the stack seal, the SPM's path into "
            "psa_wait() and a thread switch's frames"
            if backend == "IPC" else
            "under the SFN backend a secure function runs on its caller's "
            "stack, and needs at least its first frame and an interrupt's "
            "frame there")
    text = ("%d bytes is below the minimum of %d bytes for the %s backend "
            "(%s)" % (size, least, backend, what))
    if backend == "SFN" and part.model == "SFN" and size < fig["MIN_IPC"]:
        text += "; under the IPC backend it would need %d" % fig["MIN_IPC"]
    return text


def _calls(at: Located, part: PartitionDecl, size: int, backend: str,
           isolation_level: int, fig: Dict[str, int]) -> None:
    """Warns when `size` cannot hold the request of a call `part` makes
    (its own frames come on top)."""
    if backend == "IPC":
        if isolation_level != 1:
            return      # the request lies on the thread's SVC stack
        need = fig["CALL_IPC_L1"]
        how = ("at isolation level 1 a psa_call() keeps its request "
               "(%d bytes) on the calling thread's stack: with the SPM's "
               "frames and a thread switch's, %d bytes"
               % (fig["REQ_IPC"], need))
        if part.model == "SFN":
            need += fig["SFN_LOOP"]
            how += (", and %d more under an SFN-model partition's service "
                    "loop" % fig["SFN_LOOP"])
    else:
        need = fig["CALL_SFN"]
        how = ("a psa_call() keeps its request (%d bytes) and the SPM's "
               "frames, %d bytes in all, on the stack this partition's "
               "function runs on, and the called function runs on it too"
               % (fig["REQ_SFN"], need))
    if size < need:
        at.warn(Code.STACK_CALLS, "stack_size",
                "%d bytes cannot hold a call to the services it depends "
                "on: %s; give it at least %d bytes plus its own frames"
                % (size, how, need))
