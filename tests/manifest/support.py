"""Shared helpers of the manifest tool tests.

Tests run the tool in-process through `warden_manifest.run()` with the
current directory set to a fresh temporary directory, so error messages name
files as "a.yaml". Set WARDEN_UPDATE_GOLDEN=1 to rewrite the golden files
instead of comparing against them.
"""

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TOOL_DIR = os.path.join(REPO, "tools", "manifest")
TOOL = os.path.join(TOOL_DIR, "warden_manifest.py")
GOLDEN_DIR = os.path.join(HERE, "golden")
DATA_DIR = os.path.join(HERE, "data")
# warden/config.h for compiling the outputs (a build generates its own).
FIXTURE_DIR = os.path.join(HERE, "fixture")
UPDATE_GOLDEN = os.environ.get("WARDEN_UPDATE_GOLDEN") == "1"
CFLAGS = ("-std=c11", "-Wall", "-Wextra", "-Werror", "-Wshadow",
          "-Wmissing-prototypes", "-Wstrict-prototypes")

if TOOL_DIR not in sys.path:
    sys.path.insert(0, TOOL_DIR)

import warden_manifest  # noqa: E402  pylint: disable=wrong-import-position

DROP = object()  # a partition()/service() keyword value that removes the key


def _merge(base, changes):
    """`base` updated with `changes`; DROP values remove keys."""
    for key, value in changes.items():
        if value is DROP:
            base.pop(key, None)
        else:
            base[key] = value
    return base


def service(name, sid, **changes):
    """A valid connection-based service; keywords change attributes."""
    return _merge({"name": name, "sid": sid, "non_secure_clients": True,
                   "connection_based": True}, changes)


def stateless(name, sid, **changes):
    """A valid stateless service; keywords change attributes."""
    return service(name, sid, connection_based=False, **changes)


def partition(name, services=None, model="SFN", **changes):
    """A valid FF-M 1.1 partition manifest; keywords change attributes.

    `services` is a list, None for one default service, or DROP for none.
    """
    data = {"psa_framework_version": 1.1, "name": name,
            "type": "APPLICATION-ROT", "priority": "NORMAL", "model": model,
            "stack_size": "0x400",
            "services": services if services is not None
            else [service(name.replace("SP_", "") + "_SVC", 0x100)]}
    if services is DROP:
        del data["services"]
    if model == "IPC":
        data["entry_point"] = name.lower() + "_main"
    return _merge(data, dict(changes, model=model))


def run_tool(args, cwd):
    """Runs the tool in-process; returns (exit status, stderr lines)."""
    err = io.StringIO()
    status = warden_manifest.run(list(args), stderr=err, cwd=cwd)
    return status, err.getvalue().splitlines()


def read_tree(root):
    """{relative path: bytes} of every file under `root`."""
    files = {}
    for base, _, names in os.walk(root):
        for name in names:
            path = os.path.join(base, name)
            with open(path, "rb") as stream:
                files[os.path.relpath(path, root)] = stream.read()
    return files


def compile_c(test, outdir, source="warden_load_info.c", defines=(),
              includes=(), obj="out.o"):
    """Compiles a C file (relative to `outdir`) with the project's warnings
    as errors and the fixture's warden/config.h; `includes` are more -I
    directories."""
    gcc = shutil.which("gcc")
    if gcc is None:
        test.skipTest("gcc is not installed")
    cmd = [gcc, *CFLAGS, "-I" + os.path.join(REPO, "include"), "-I" + REPO,
           "-I" + FIXTURE_DIR, "-I" + outdir, *["-I" + i for i in includes],
           *["-D" + d for d in defines], "-c", os.path.join(outdir, source),
           "-o", os.path.join(outdir, obj)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    test.assertEqual(proc.returncode, 0, proc.stderr)


class ToolCase(unittest.TestCase):
    """A test with a temporary directory to write inputs into and run in."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="wm_test_")
        self.addCleanup(shutil.rmtree, self.tmp)

    def path(self, rel):
        """Absolute path of `rel` inside the temporary directory."""
        return os.path.join(self.tmp, rel)

    def write(self, rel, content):
        """Writes text, or a mapping as YAML (JSON for a *.json file), to
        `rel`; returns its path."""
        path = self.path(rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if not isinstance(content, str) and rel.endswith(".json"):
            content = json.dumps(content, indent=2) + "\n"
        elif not isinstance(content, str):
            content = yaml.safe_dump(content, sort_keys=False)
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(content)
        return path

    def write_list(self, items, rel="manifest_list.yaml", **top):
        """Writes a manifest list with `items` (list item mappings)."""
        data = {"description": "test list", "type": "manifest_list",
                "version_major": 0, "version_minor": 1}
        data.update(top)
        data["manifest_list"] = items
        return self.write(rel, data)

    def setup_parts(self, parts):
        """Writes manifests and a list naming them, in order.

        `parts` holds (file name, manifest, list item changes) tuples; the
        list item changes may be omitted.
        """
        items = []
        for part in parts:
            name, manifest = part[0], part[1]
            changes = part[2] if len(part) > 2 else {}
            self.write(name, manifest)
            item = {"description": "test partition", "manifest": name}
            if isinstance(manifest, dict) and "name" in manifest:
                item["short_name"] = manifest["name"]
            items.append(_merge(item, changes))
        self.write_list(items)

    def run_in_tmp(self, *extra, backend="SFN", level=1,
                   lists=("manifest_list.yaml",)):
        """Runs the tool in the temporary directory; outputs go to out/."""
        args = []
        for name in lists:
            args += ["-m", name]
        args += ["-o", "out", "--backend", backend,
                 "--isolation-level", str(level), *extra]
        return run_tool(args, self.tmp)

    def generate(self, parts, *extra, **kwargs):
        """Sets up `parts`, runs the tool, expects success; returns outputs."""
        self.setup_parts(parts)
        status, errors = self.run_in_tmp(*extra, **kwargs)
        self.assertEqual((status, errors), (0, []))
        return {k: v.decode() for k, v in read_tree(self.path("out")).items()}

    def assert_errors(self, parts, expected, *extra, **kwargs):
        """Sets up `parts`, runs the tool, expects exactly these errors."""
        self.setup_parts(parts)
        status, errors = self.run_in_tmp(*extra, **kwargs)
        self.assertEqual(errors, list(expected))
        self.assertEqual(status, 1)
        self.assertFalse(os.path.exists(self.path("out")),
                         "no output may be written after an error")

    def assert_error(self, parts, expected, *extra, **kwargs):
        """Like assert_errors, for exactly one expected error."""
        self.assert_errors(parts, [expected], *extra, **kwargs)
