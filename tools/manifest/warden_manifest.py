#!/usr/bin/env python3
"""Warden's manifest tool: partition manifests in, headers and load info out.

    warden_manifest.py -m LIST [-m LIST ...] -o OUTDIR --backend SFN|IPC
                       --isolation-level 1|2|3 [--mm-iovec]
                       [-D NAME=VALUE ...]
                       [--platform FILE] [--graph FILE.svg|FILE.dot]
                       [--depfile FILE]
    warden_manifest.py --explain CODE | --list-codes

A pipeline: load (wm_load) -> validate (wm_validate, wm_items, wm_checks) ->
build an immutable model (wm_model) -> render (wm_render). Every error found
is printed on stderr as "file: partition: attribute: message [Ennn]" and the
exit status is 1; nothing is written then. Warnings ("file: partition:
attribute: warning: message [Wnnn]") are printed too, and change nothing. On success the outputs are
written to OUTDIR (files already up to date are left alone) and the exit
status is 0.
"""

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, TextIO, Tuple

# The wm_* modules sit next to this script, which Python puts on sys.path.
import wm_checks
import wm_codes
import wm_load
import wm_model
import wm_platform
import wm_render
import wm_stack
import wm_validate
from wm_errors import Diagnostics


@dataclass(frozen=True)
class Result:
    """What one pipeline run produced."""

    files: Optional[Dict[str, str]]   # path under OUTDIR -> text; None on error
    files_read: Tuple[str, ...]       # the input files read (for --depfile)
    graph: Optional[str] = None       # the Graphviz diagram, if asked for


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
                        metavar="LIST",
                        help="a manifest list (YAML or JSON); may be repeated")
    parser.add_argument("-o", "--outdir", metavar="OUTDIR",
                        help="directory the generated files go to")
    parser.add_argument("--backend", choices=("SFN", "IPC"))
    parser.add_argument("--isolation-level", type=int, choices=(1, 2, 3))
    parser.add_argument("--mm-iovec", action="store_true",
                        help="the build has MM-IOVEC "
                        "(PSA_FRAMEWORK_HAS_MM_IOVEC): services may say "
                        "mm_iovec: enable")
    parser.add_argument("-D", dest="defines", action="append", default=[],
                        type=_define, metavar="NAME=VALUE",
                        help="value for conditional: \"@NAME@\" in a list")
    parser.add_argument("--platform", metavar="FILE",
                        help="the platform's named MMIO regions and IRQs")
    parser.add_argument("--graph", metavar="FILE",
                        help="write a Graphviz diagram: FILE.dot, and "
                        "FILE.svg too when FILE ends in .svg and Graphviz "
                        "is installed")
    parser.add_argument("--depfile", metavar="FILE",
                        help="write the input files read, one per line")
    parser.add_argument("--explain", metavar="CODE",
                        help="print what error CODE (e.g. E042) means")
    parser.add_argument("--list-codes", action="store_true",
                        help="print the table of error codes")
    args = parser.parse_args(argv)
    if args.explain is None and not args.list_codes:
        missing = [flag for flag, value in (
            ("-m", args.lists), ("--backend", args.backend),
            ("--isolation-level", args.isolation_level)) if not value]
        if not (args.outdir or args.graph):
            missing.append("-o (or --graph)")
        if missing:
            parser.error("the following arguments are required: %s"
                         % ", ".join(missing))
    return args


def generate(args: argparse.Namespace, diag: Diagnostics, cwd: str) -> Result:
    """Runs the pipeline on parsed arguments; errors go to `diag`.

    The result has no files if any stage found an error: the model is only
    built from inputs that passed every check.
    """
    wm_checks.check_config(args.backend, args.isolation_level, diag)
    platform_path = os.path.join(cwd, args.platform) if args.platform else None
    platform = wm_platform.load_platform(platform_path, diag)
    inputs = wm_load.load_inputs(args.lists, dict(args.defines), diag, cwd)
    files_read = inputs.files_read + ((os.path.normpath(platform_path),)
                                      if platform_path else ())
    decls, unchecked = [], []
    for manifest in inputs.manifests:
        decl = wm_validate.validate_partition(manifest, diag, args.backend)
        if decl is None:
            unchecked.extend(wm_validate.declared_services(manifest))
        else:
            decls.append(decl)
    wm_checks.check_partitions(decls, args.backend, diag, unchecked, platform,
                               args.mm_iovec)
    wm_stack.check_stacks(decls, args.backend, args.isolation_level, diag)
    if diag:
        return Result(None, files_read)
    build = wm_model.build_model(decls, args.backend, args.isolation_level,
                                 platform, inputs.disabled)
    graph = wm_render.render_graph(build) if args.graph else None
    return Result(wm_render.render(build), files_read, graph)


def write_graph(path: str, text: str, stderr: TextIO) -> None:
    """Writes the diagram: `path` itself if it ends in .dot; for .svg, the
    .dot beside it and the SVG made by Graphviz's `dot` when installed."""
    stem, ext = os.path.splitext(path)
    dot_path = path if ext != ".svg" else stem + ".dot"
    wm_render.write_if_changed(dot_path, text)
    if ext != ".svg":
        return
    dot = shutil.which("dot")
    if dot is None:
        if os.path.exists(path):
            os.remove(path)     # an SVG of an earlier run would be stale
        print("warden_manifest.py: Graphviz is not installed (Debian package "
              "graphviz): wrote %s only" % dot_path, file=stderr)
        return
    subprocess.run([dot, "-Tsvg", dot_path, "-o", path], check=True)


def run(argv: Sequence[str], stderr: TextIO = sys.stderr,
        cwd: Optional[str] = None, stdout: TextIO = sys.stdout) -> int:
    """Runs the tool as from the command line; returns the exit status.

    Relative paths in `argv` are taken from `cwd` (default: the current
    directory), and file names in error messages are shown relative to it.
    """
    cwd = os.path.abspath(cwd or os.getcwd())
    args = parse_args(argv)
    if args.list_codes:
        stdout.write(wm_codes.table())
        return 0
    if args.explain is not None:
        meaning = wm_codes.strerror(args.explain)
        if meaning is None:
            print("warden_manifest.py: %s is not an error code of this tool"
                  % args.explain, file=stderr)
            return 2
        print("%s: %s" % (args.explain.strip().upper(), meaning), file=stdout)
        return 0
    diag = Diagnostics(cwd)
    result = generate(args, diag, cwd)
    for warning in diag.warnings:
        print(warning, file=stderr)
    if result.files is None:
        for error in diag.errors:
            print(error, file=stderr)
        return 1
    if args.outdir:
        wm_render.write_files(os.path.join(cwd, args.outdir), result.files)
    if args.graph:
        write_graph(os.path.join(cwd, args.graph), result.graph or "", stderr)
    if args.depfile:
        wm_render.write_if_changed(os.path.join(cwd, args.depfile),
                                   wm_render.depfile_text(result.files_read))
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    """Command-line entry point."""
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
