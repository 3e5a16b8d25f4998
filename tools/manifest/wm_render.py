"""Stage 4: render the model through the Jinja2 templates, and write files.

Templates only lay out data the model already decided; they never emit a
preprocessor conditional. Output is a pure function of the model, so two
runs on the same inputs give byte-identical files.
"""

import os
from typing import Dict, Iterable

import jinja2

from wm_decl import header_key
from wm_model import Build

TEMPLATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "templates")


def _environment() -> jinja2.Environment:
    """A fresh Jinja2 environment (nothing is shared between runs)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["hex8"] = lambda value: "0x%08X" % value
    env.filters["hex"] = lambda value: "0x%X" % value
    env.filters["guard"] = header_guard
    return env


def header_guard(header: str) -> str:
    """The include guard of psa_manifest/<header>.h."""
    return "WARDEN_PSA_MANIFEST_%s_H" % header_key(header)


def render(build: Build) -> Dict[str, str]:
    """Renders every output; maps path (relative to OUTDIR) to its text."""
    env = _environment()
    files = {
        "psa_manifest/sid.h": env.get_template("sid.h.j2").render(build=build),
        "psa_manifest/pid.h": env.get_template("pid.h.j2").render(build=build),
        "warden_manifest.h":
            env.get_template("warden_manifest.h.j2").render(build=build),
        "warden_load_info.c":
            env.get_template("warden_load_info.c.j2").render(build=build),
    }
    template = env.get_template("partition.h.j2")
    for part in build.partitions:
        files["psa_manifest/%s.h" % part.header] = template.render(part=part)
    return dict(sorted(files.items()))


def write_files(outdir: str, files: Dict[str, str]) -> None:
    """Writes `files` under `outdir`, leaving unchanged files untouched.

    A file whose content is already right keeps its timestamp, so a re-run
    does not make the build recompile what includes it.
    """
    for rel, text in files.items():
        write_if_changed(os.path.join(outdir, rel), text)


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
