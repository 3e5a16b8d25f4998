#!/usr/bin/env python3
"""Warden's manifest tool: partition manifests in, headers and load info out.

    warden_manifest.py -m LIST [-m LIST ...] -o OUTDIR --backend SFN|IPC
                       --isolation-level 1|2|3 [-D NAME=VALUE ...]
                       [--depfile FILE]

A pipeline: load (wm_load) -> validate (wm_validate, wm_checks) -> build an
immutable model (wm_model) -> render (wm_render). Every error found is printed
on stderr as "file: partition: attribute: message" and the exit status is 1;
nothing is written then. On success the outputs are written to OUTDIR (files
already up to date are left alone) and the exit status is 0.
"""

import argparse
import os
import sys
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, TextIO, Tuple

# The wm_* modules sit next to this script, which Python puts on sys.path.
import wm_checks
import wm_load
import wm_model
import wm_render
import wm_validate
from wm_errors import Diagnostics


@dataclass(frozen=True)
class Result:
    """What one pipeline run produced."""

    files: Optional[Dict[str, str]]   # path under OUTDIR -> text; None on error
    files_read: Tuple[str, ...]       # the input files read (for --depfile)


def _define(text: str) -> tuple:
    """argparse type of -D: NAME=VALUE (VALUE may be empty)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError("expected NAME=VALUE, got '%s'" % text)
    return name.strip(), value


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parses the command line (exits with status 2 on a usage error)."""
    parser = argparse.ArgumentParser(
        prog="warden_manifest.py",
        description="Generate Warden's partition headers and load info.")
    parser.add_argument("-m", "--manifest-list", dest="lists", action="append",
                        required=True, metavar="LIST",
                        help="a manifest list (YAML); may be repeated")
    parser.add_argument("-o", "--outdir", required=True, metavar="OUTDIR",
                        help="directory the generated files go to")
    parser.add_argument("--backend", required=True, choices=("SFN", "IPC"))
    parser.add_argument("--isolation-level", required=True, type=int,
                        choices=(1, 2, 3))
    parser.add_argument("-D", dest="defines", action="append", default=[],
                        type=_define, metavar="NAME=VALUE",
                        help="value for conditional: \"@NAME@\" in a list")
    parser.add_argument("--depfile", metavar="FILE",
                        help="write the input files read, one per line")
    return parser.parse_args(argv)


def generate(args: argparse.Namespace, diag: Diagnostics, cwd: str) -> Result:
    """Runs the pipeline on parsed arguments; errors go to `diag`.

    The result has no files if any stage found an error: the model is only
    built from inputs that passed every check.
    """
    wm_checks.check_config(args.backend, args.isolation_level, diag)
    inputs = wm_load.load_inputs(args.lists, dict(args.defines), diag, cwd)
    decls, unchecked = [], []
    for manifest in inputs.manifests:
        decl = wm_validate.validate_partition(manifest, diag)
        if decl is None:
            unchecked.extend(wm_validate.declared_services(manifest))
        else:
            decls.append(decl)
    wm_checks.check_partitions(decls, args.backend, diag, unchecked)
    if diag:
        return Result(None, inputs.files_read)
    build = wm_model.build_model(decls, args.backend, args.isolation_level)
    return Result(wm_render.render(build), inputs.files_read)


def run(argv: Sequence[str], stderr: TextIO = sys.stderr,
        cwd: Optional[str] = None) -> int:
    """Runs the tool as from the command line; returns the exit status.

    Relative paths in `argv` are taken from `cwd` (default: the current
    directory), and file names in error messages are shown relative to it.
    """
    cwd = os.path.abspath(cwd or os.getcwd())
    args = parse_args(argv)
    diag = Diagnostics(cwd)
    result = generate(args, diag, cwd)
    if result.files is None:
        for error in diag.errors:
            print(error, file=stderr)
        return 1
    wm_render.write_files(os.path.join(cwd, args.outdir), result.files)
    if args.depfile:
        wm_render.write_if_changed(os.path.join(cwd, args.depfile),
                                   wm_render.depfile_text(result.files_read))
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    """Command-line entry point."""
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
