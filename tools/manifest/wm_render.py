"""Stage 4: render the model through the Jinja2 templates, and write files.

Templates only lay out data the model already decided; they never emit a
preprocessor conditional. Output is a pure function of the model, so two
runs on the same inputs give byte-identical files.
"""

import os
import posixpath
from typing import Dict, Iterable, List, Tuple

import jinja2

from wm_decl import header_key
from wm_model import Build, Partition

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "templates")
# The linker fragments and the preprocessor header for isolation: output
# name -> template.
ISOLATION_OUTPUTS = {
    "warden_partition_code.ld": ("linker.ld.j2", "code", ".text .text.*"),
    "warden_partition_rodata.ld": ("linker.ld.j2", "rodata",
                                   ".rodata .rodata.*"),
    "warden_partition_ram.ld": ("linker_ram.ld.j2", "ram", ""),
    "warden_partition_init.ld": ("linker_init.ld.j2", "init", ""),
    "warden_isolation.h": ("warden_isolation.h.j2", "header", ""),
}
UNPRIV_RULES = {
    1: "none: at level 1 every partition is privileged",
    2: "the APPLICATION-ROT ones",
    3: "all of them",
}


def _environment() -> jinja2.Environment:
    """A fresh Jinja2 environment (nothing is shared between runs)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["hex8"] = lambda value: "0x%08X" % value
    env.filters["hex"] = lambda value: "0x%X" % value
    env.filters["guard"] = header_guard
    env.filters["dotq"] = dot_quote
    env.filters["cmake_dir"] = cmake_dir
    return env


def header_guard(header: str) -> str:
    """The include guard of psa_manifest/<header>.h."""
    return "WARDEN_PSA_MANIFEST_%s_H" % header_key(header)


def dot_quote(text: str) -> str:
    """`text` as a quoted Graphviz ID (newlines become \\n)."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"%s"' % escaped.replace("\n", "\\n")


def cmake_dir(output_dir: str) -> str:
    """A partition's header directory as CMake sees it from the generated
    warden_partitions.cmake (which lies in OUTDIR)."""
    if posixpath.isabs(output_dir):
        return output_dir
    return posixpath.join("${CMAKE_CURRENT_LIST_DIR}", output_dir).rstrip("/")


def rot_groups(build: Build) -> List[Tuple[str, Tuple[Partition, ...]]]:
    """("psa", PSA-RoT partitions), ("app", Application-RoT ones), each in
    load order."""
    return [(group, tuple(p for p in build.partitions
                          if p.psa_rot == (group == "psa")))
            for group in ("psa", "app")]


def render(build: Build) -> Dict[str, str]:
    """Renders every output; maps path (relative to OUTDIR, or absolute for
    a partition with an absolute output_path) to its text."""
    env = _environment()
    files = {}
    for name in ("psa_manifest/sid.h", "psa_manifest/pid.h",
                 "warden_manifest.h", "warden_load_info.c",
                 "warden_partitions.cmake"):
        template = env.get_template(posixpath.basename(name) + ".j2")
        files[name] = template.render(build=build)
    for name, (template, kind, sections) in ISOLATION_OUTPUTS.items():
        files[name] = env.get_template(template).render(
            build=build, parts=build.unprivileged_partitions, kind=kind,
            sections=sections, unpriv_rule=UNPRIV_RULES[build.isolation_level])
    template = env.get_template("partition.h.j2")
    heap = env.get_template("partition_heap.c.j2")
    for part in build.partitions:
        files[part.header_path] = template.render(part=part)
        if part.heap_source:
            files[part.heap_source] = heap.render(part=part)
    return dict(sorted(files.items()))


def render_graph(build: Build) -> str:
    """The Graphviz diagram of the partitions (see templates/graph.dot.j2)."""
    return _environment().get_template("graph.dot.j2").render(
        build=build, groups=rot_groups(build))


OUTPUTS_RECORD = ".warden_manifest_outputs"


def write_files(outdir: str, files: Dict[str, str]) -> None:
    """Writes `files` under `outdir`, leaving unchanged files untouched, and
    removes the files an earlier run wrote that this one does not.

    A file whose content is already right keeps its timestamp, so a re-run
    does not make the build recompile what includes it. The files written
    are recorded (relative to OUTDIR, or absolute for a partition's absolute
    output_path) in OUTDIR/.warden_manifest_outputs; a header left behind
    by a partition that moved or went away could otherwise be included.
    """
    record = os.path.join(outdir, OUTPUTS_RECORD)
    written = sorted(os.path.normpath(rel) for rel in files)
    for stale in sorted(set(_recorded(record)) - set(written)):
        path = os.path.join(outdir, stale)
        if os.path.isfile(path):
            os.remove(path)
    for rel, text in files.items():
        write_if_changed(os.path.join(outdir, rel), text)
    write_if_changed(record, "".join(rel + "\n" for rel in written))


def _recorded(record: str) -> List[str]:
    """The files an earlier run recorded (none if there is no record)."""
    try:
        with open(record, encoding="utf-8") as stream:
            return [line.rstrip("\n") for line in stream if line.strip()]
    except OSError:
        return []


def write_if_changed(path: str, text: str) -> None:
    """Writes `text` to `path` (creating directories) unless it is already so."""
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as stream:
            if stream.read() == data:
                return
    except OSError:
        pass
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    temp = path + ".tmp"
    with open(temp, "wb") as stream:
        stream.write(data)
    os.replace(temp, path)


def depfile_text(paths: Iterable[str]) -> str:
    """The --depfile content: one absolute input path per line."""
    return "".join(os.path.abspath(p) + "\n" for p in paths)
