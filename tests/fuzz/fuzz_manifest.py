#!/usr/bin/env python3
"""A deterministic mutational fuzzer of the manifest tool's pipeline.

Debian 12 has no Python coverage-guided fuzzer (python3-atheris is not
packaged), so this one is structured instead: it starts from the real
manifest lists and manifests (tests/manifest/data, partitions/, tests/partitions/,
examples/out_of_tree/), and for every execution mutates a copy of one set
of them -- values of other types, bounds of every number, keys dropped,
added or given twice, list items duplicated or swapped, paths that lead
nowhere, and the text itself (truncated, bytes flipped, YAML tags, anchors,
aliases, deep nesting, invalid UTF-8) -- writes it into a scratch
directory as YAML or JSON, and runs the tool's whole pipeline in-process
(warden_manifest.generate(): load, validate, cross-checks, model, render;
nothing is written).

The property: the tool either succeeds or reports errors in its own form
("file: partition: attribute: message [Ennn]", a code of wm_codes); any
Python exception (a traceback) is a failure. A failing input set is saved
under --artifacts for replay (--replay DIR), and kept under
tests/fuzz/corpus/fuzz_manifest/ once fixed: every run replays that corpus
first.

The PRNG is seeded (--seed), so a run is the same on every machine. It
prints the number of executions and ends with libFuzzer's kind of line,
"Done N runs in S second(s)".
"""

import argparse
import copy
import functools
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import traceback

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TOOL_DIR = os.path.join(ROOT, "tools", "manifest")
CORPUS = os.path.join(HERE, "corpus", "fuzz_manifest")
sys.path.insert(0, TOOL_DIR)

import warden_manifest  # noqa: E402  pylint: disable=wrong-import-position
import wm_codes  # noqa: E402  pylint: disable=wrong-import-position
import wm_files  # noqa: E402  pylint: disable=wrong-import-position
import wm_load  # noqa: E402  pylint: disable=wrong-import-position
import wm_platform  # noqa: E402  pylint: disable=wrong-import-position
import wm_render  # noqa: E402  pylint: disable=wrong-import-position
from wm_errors import Diagnostics  # noqa: E402  pylint: disable=C0413

# The seed lists: (list file, platform file or None), under ROOT.
SEED_LISTS = [
    ("tests/manifest/data/partition_guide/manifest_list_yaml.yaml",
     "tests/manifest/data/partition_guide/platform.yaml"),
    ("tests/manifest/data/partition_guide/manifest_list_json.yaml",
     "tests/manifest/data/partition_guide/platform.yaml"),
    ("tests/manifest/data/json_form/manifest_list.json",
     "tests/manifest/data/json_form/platform.yaml"),
    ("partitions/manifest_list.yaml", None),
    ("tests/partitions/manifest_list.yaml", None),
    ("tests/partitions/ipc_test/manifest_list.yaml", None),
    ("examples/out_of_tree/multi/manifest_list.yaml", None),
    ("examples/out_of_tree/separate/alpha/manifest_list.yaml", None),
    ("examples/out_of_tree/separate/beta/manifest_list.yaml", None),
    ("examples/out_of_tree/single/hello/manifest_list.yaml", None),
]
DEFINES = ["TFM_PARTITION_EXAMPLE=ON", "TFM_PARTITION_EXAMPLE=OFF",
           "TFM_PARTITION_EXAMPLE=", "OTHER=1"]
ERROR_LINE = re.compile(r".* \[(E\d{3})\]\Z", re.S)

INTS = [0, 1, -1, 2, 7, 8, 31, 32, 33, 255, 256, 0x100, 0x3FF, 0x400,
        0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x100000000,
        -0x80000000, 2 ** 64, -(2 ** 64), 10 ** 30]
STRINGS = ["", " ", "0x", "0x400", "0xFFFFFFFFF", "0x-1", "-0x10", "1e3",
           "0b101", "0o17", "1_000", "NaN", "inf", "SFN", "IPC", "sfn",
           "APPLICATION-ROT", "PSA-ROT", "NORMAL", "HIGH", "LOW", "LOWEST",
           "STRICT", "RELAXED", "RO", "RW", "READ-ONLY", "READ-WRITE",
           "SLIH", "FLIH", "@TFM_PARTITION_EXAMPLE@", "@UNDEFINED@", "@",
           "@@", "${VAR}", "../..", "/", "/etc/passwd", ".", "a/../../b",
           "x" * 300, "name with spaces", "ÄÖÜ", "\u0000", "\ud7ff",
           "*tfm_app_rot_partition_x.*", "*.*", "1.0", "1.1", "1.2",
           "nonexistent.yaml", "manifest_list.yaml"]
FLOATS = [0.0, 1.0, 1.1, 1.2, 0.9, -1.5, float("inf"), float("nan"), 1e300]
TEXT_SNIPPETS = ["!!python/object/apply:os.system ['true']", "&a [*a]",
                 "*undefined", "!!binary AAAA", "{", "}", "[", "]", ":",
                 "- ", "\t", "---\n", "...\n", "? ", "%YAML 1.1\n",
                 "!!set {a, b}", "!!timestamp 2001-12-14", "<<: *a",
                 "a: &x 1\nb: *x\n", "'", "\"", "\\u", "\r", "#"]


def deep_nest(depth):
    """A text of `depth` nested flow sequences."""
    return "[" * depth + "]" * depth


def load_seed(list_rel, platform_rel):
    """One seed set: {relative file name: parsed data}, the list's name,
    and the platform file name (or None)."""
    list_path = os.path.join(ROOT, list_rel)
    base = os.path.dirname(list_path)
    files = {}
    with open(list_path, encoding="utf-8") as stream:
        data = yaml.safe_load(stream)
    files[os.path.basename(list_path)] = data
    for item in data.get("manifest_list", []):
        rel = item.get("manifest")
        if not isinstance(rel, str) or "@" in rel:
            continue
        path = os.path.normpath(os.path.join(base, rel))
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as stream:
                files[rel] = yaml.safe_load(stream)
    platform = None
    if platform_rel:
        with open(os.path.join(ROOT, platform_rel), encoding="utf-8") as f:
            files["platform.yaml"] = yaml.safe_load(f)
        platform = "platform.yaml"
    return {"files": files, "list": os.path.basename(list_path),
            "platform": platform}


class ParseMemo:
    """The tool's read_data(), remembered per (form, file bytes).

    Most files of a case are not mutated, and PyYAML in pure Python takes
    milliseconds per file: a text parsed before gets a deep copy of what
    the tool's own reader returned for it (its result depends on nothing
    but the bytes and the form; its messages name no file).
    """

    def __init__(self, real):
        self.real = real
        self.memo = {}

    def __call__(self, path):
        try:
            with open(path, "rb") as stream:
                key = (path.lower().endswith(".json"), stream.read())
        except OSError:
            return self.real(path)
        if key not in self.memo:
            result = self.real(path)
            if len(self.memo) > 20000:
                self.memo.clear()
            self.memo[key] = result
        return copy.deepcopy(self.memo[key])


def install_memos():
    """Routes the tool's loaders through one ParseMemo, and lets its
    renderer keep one Jinja2 environment (the tool makes a fresh one per
    run on purpose, so that runs share nothing; compiling the templates
    again for every execution would be most of the fuzzer's time)."""
    memo = ParseMemo(wm_files.read_data)
    wm_load.read_data = memo
    wm_platform.read_data = memo
    wm_render._environment = functools.lru_cache(maxsize=None)(  # noqa
        wm_render._environment)  # pylint: disable=protected-access


class Mutator:
    """Structured and textual mutations, driven by one seeded PRNG."""

    def __init__(self, rng, seeds):
        self.rng = rng
        self.seeds = seeds

    def scalar(self):
        """Some value, of any type the loaders can produce."""
        r = self.rng
        kind = r.randrange(8)
        if kind == 0:
            return r.choice(INTS) + r.choice([0, 0, 0, 1, -1])
        if kind == 1:
            return r.choice(STRINGS)
        if kind == 2:
            return r.choice(FLOATS)
        if kind == 3:
            return r.choice([True, False, None])
        if kind == 4:
            return []
        if kind == 5:
            return {}
        if kind == 6:
            return [self.scalar_flat()]
        return {r.choice(STRINGS + ["name", "sid", "irqs"]): self.scalar_flat()}

    def scalar_flat(self):
        """A value that is not a container."""
        r = self.rng
        return r.choice([r.choice(INTS), r.choice(STRINGS), r.choice(FLOATS),
                         r.choice([True, False, None])])

    def nodes(self, data, path=()):
        """Every (container, key) pair in `data`, for mutation."""
        out = []
        if isinstance(data, dict):
            for key, value in data.items():
                out.append((data, key))
                out.extend(self.nodes(value, path + (key,)))
        elif isinstance(data, list):
            for index, value in enumerate(data):
                out.append((data, index))
                out.extend(self.nodes(value, path + (index,)))
        return out

    def some_value_like(self, files):
        """A value taken from anywhere in the seed sets (a real SID, name,
        path ...): mutations that keep inputs close to valid."""
        seed = self.rng.choice(self.seeds)
        data = self.rng.choice(list(seed["files"].values()))
        nodes = self.nodes(data)
        if not nodes:
            return self.scalar()
        container, key = self.rng.choice(nodes)
        del files  # same interface as scalar(); the seed set is enough
        return copy.deepcopy(container[key])

    def mutate_tree(self, files):
        """One structured mutation of one file's data."""
        r = self.rng
        name = r.choice(sorted(files))
        data = files[name]
        nodes = self.nodes(data)
        op = r.randrange(9)
        if not nodes or op == 0:
            files[name] = self.scalar() if r.random() < 0.3 else data
            return name
        container, key = r.choice(nodes)
        if op == 1:
            container[key] = self.scalar()
        elif op == 2:
            container[key] = self.some_value_like(files)
        elif op == 3:
            del container[key]
        elif op == 4 and isinstance(container, dict):
            container[r.choice(STRINGS + list(container))] = self.scalar()
        elif op == 4:
            container.insert(key, copy.deepcopy(container[key]))
        elif op == 5 and isinstance(container[key], (int, float)) and \
                not isinstance(container[key], bool):
            container[key] = r.choice(
                [container[key] + 1, container[key] - 1, -container[key],
                 container[key] * 2 ** 32, str(container[key]),
                 hex(int(container[key])) if container[key] == container[key]
                 and abs(container[key]) != float("inf") else 0])
        elif op == 6 and isinstance(container[key], str):
            s = container[key]
            cut = r.randrange(len(s) + 1)
            container[key] = r.choice([s[:cut], s + s, s.upper(), s.lower(),
                                       s[:cut] + r.choice(STRINGS) + s[cut:]])
        elif op == 7 and isinstance(container[key], list) and container[key]:
            lst = container[key]
            i, j = r.randrange(len(lst)), r.randrange(len(lst))
            lst[i], lst[j] = lst[j], lst[i]
            if r.random() < 0.5:
                lst.append(copy.deepcopy(lst[i]))
        elif op == 8:
            container[key] = [copy.deepcopy(container[key])] \
                if r.random() < 0.5 else {"x": copy.deepcopy(container[key])}
        else:
            container[key] = self.scalar()
        return name

    def render(self, name, data):
        """The text of file `name`: JSON for *.json, YAML otherwise, and
        sometimes the other form or a damaged text."""
        r = self.rng
        as_json = name.endswith(".json")
        if r.random() < 0.05:
            as_json = not as_json
        try:
            if as_json:
                text = json.dumps(data, indent=2, allow_nan=True)
            else:
                text = yaml.safe_dump(data, sort_keys=False,
                                      allow_unicode=r.random() < 0.5)
        except (ValueError, TypeError, yaml.YAMLError):
            text = str(data)
        if r.random() < 0.15:
            text = self.mutate_text(text)
        return text

    def mutate_text(self, text):
        """A textual mutation; may return bytes (invalid UTF-8)."""
        r = self.rng
        pos = r.randrange(len(text) + 1)
        op = r.randrange(7)
        if op == 0:
            return text[:pos]
        if op == 1:
            return text[:pos] + r.choice(TEXT_SNIPPETS) + text[pos:]
        if op == 2 and text:
            return text[:pos] + text[pos + 1:]
        if op == 3:
            return text[:pos] + deep_nest(r.choice([10, 50] * 20 + [1100])) \
                + text[pos:]
        if op == 4:
            raw = text.encode("utf-8")
            return raw[:pos] + bytes([r.choice([0x80, 0xC3, 0xFF, 0x00])]) \
                + raw[pos:]
        if op == 5:
            line_start = text.rfind("\n", 0, pos) + 1
            return text[:line_start] + " " * r.randrange(1, 4) + \
                text[line_start:]
        return text + "\n" + r.choice(TEXT_SNIPPETS) + "\n"


def write_case(case_dir, texts, written):
    """Writes {relative name: text or bytes} under `case_dir`, where the
    previous case of the same seed set left `written` ({path: text},
    updated): only files that changed are written, and the previous case's
    files that this one does not have are removed."""
    now = {}
    for name, text in texts.items():
        path = os.path.normpath(os.path.join(case_dir, name))
        if not path.startswith(case_dir + os.sep):
            continue  # a mutated manifest path leading out: not written
        now[path] = text
        if written.get(path) == text and os.path.isfile(path):
            continue
        if os.path.isdir(path):
            shutil.rmtree(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        mode = "wb" if isinstance(text, bytes) else "w"
        with open(path, mode, **({} if mode == "wb" else
                                 {"encoding": "utf-8", "newline": ""})) as f:
            f.write(text)
    for path in set(written) - set(now):
        if os.path.isfile(path):
            os.remove(path)
    written.clear()
    written.update(now)


def run_pipeline(case_dir, argv):
    """Runs load + validate + model + render in-process on `case_dir`.
    Returns (failure, accepted): failure is None if the tool behaved
    (success or E-code errors), else what went wrong."""
    try:
        args = warden_manifest.parse_args(argv)
        diag = Diagnostics(case_dir)
        result = warden_manifest.generate(args, diag, case_dir)
    except Exception:  # pylint: disable=broad-except
        return traceback.format_exc(), False
    if (result.files is None) != bool(diag):
        return "errors reported %s, but files %s" % (
            bool(diag), "none" if result.files is None else "produced"), False
    for error in diag.errors:
        text = str(error)
        match = ERROR_LINE.match(text)
        if not match or wm_codes.strerror(match.group(1)) is None:
            return "not an E-code error line: %r" % text, False
    return None, not diag


def case_args(meta):
    """The tool's command line of a case."""
    argv = ["-m", meta["list"], "-o", "out", "--backend", meta["backend"],
            "--isolation-level", str(meta["level"])]
    for define in meta["defines"]:
        argv += ["-D", define]
    if meta.get("platform"):
        argv += ["--platform", meta["platform"]]
    return argv


def replay_dir(case_dir):
    """Runs one saved case (its files and case.json); returns the failure
    or None."""
    with open(os.path.join(case_dir, "case.json"), encoding="utf-8") as f:
        meta = json.load(f)
    return run_pipeline(case_dir, case_args(meta))[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-runs", "--runs", type=int, default=0,
                    help="executions to run (0: until --seconds)")
    ap.add_argument("-max_total_time", "--seconds", type=int, default=0,
                    help="seconds to run (0: until --runs)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--artifacts", default=os.getcwd(),
                    help="where a failing case is saved")
    ap.add_argument("--replay", metavar="DIR",
                    help="run one saved case and exit")
    args = ap.parse_args()
    if args.replay:
        failure = replay_dir(os.path.abspath(args.replay))
        print(failure or "ok")
        return 1 if failure else 0

    failures = 0
    replayed = 0
    for name in sorted(os.listdir(CORPUS)) if os.path.isdir(CORPUS) else []:
        failure = replay_dir(os.path.join(CORPUS, name))
        replayed += 1
        if failure:
            print("FAIL: corpus case %s:\n%s" % (name, failure))
            failures += 1
    print("fuzz_manifest: replayed %d corpus cases" % replayed, flush=True)

    rng = random.Random(args.seed)
    seeds = [load_seed(l, p) for l, p in SEED_LISTS]
    for seed in seeds:
        seed["texts"] = {
            name: (json.dumps(data, indent=2) if name.endswith(".json") else
                   yaml.safe_dump(data, sort_keys=False))
            for name, data in seed["files"].items()}
    mutator = Mutator(rng, seeds)
    install_memos()
    # One case directory per seed set, in memory where Linux has it.
    scratch = tempfile.mkdtemp(prefix="warden-fuzz-manifest-",
                               dir="/dev/shm" if os.path.isdir("/dev/shm")
                               else None)
    written = [{} for _ in seeds]
    start = time.monotonic()
    runs = accepted = 0
    try:
        while failures == 0:
            elapsed = time.monotonic() - start
            if (args.runs and runs >= args.runs) or \
                    (args.seconds and elapsed >= args.seconds) or \
                    (not args.runs and not args.seconds and runs >= 1000):
                break
            index = rng.randrange(len(seeds))
            seed = seeds[index]
            case_dir = os.path.join(scratch, "case%d" % index)
            files = copy.deepcopy(seed["files"])
            touched = set()
            for _ in range(rng.choice([0, 1, 1, 2, 3, 5])):
                touched.add(mutator.mutate_tree(files))
            meta = {"list": seed["list"], "platform": seed["platform"],
                    "backend": rng.choice(["SFN", "IPC"]),
                    "level": rng.choice([1, 1, 2, 3]),
                    "defines": rng.sample(DEFINES, rng.randrange(2))}
            texts = {}
            for name, data in files.items():
                if name in touched:
                    texts[name] = mutator.render(name, data)
                elif rng.random() < 0.03:
                    texts[name] = mutator.mutate_text(seed["texts"][name])
                else:
                    texts[name] = seed["texts"][name]
            write_case(case_dir, texts, written[index])
            failure, ok = run_pipeline(case_dir, case_args(meta))
            runs += 1
            accepted += ok
            if failure:
                failures += 1
                saved = os.path.join(os.path.abspath(args.artifacts),
                                     "manifest-crash-%d" % runs)
                shutil.copytree(case_dir, saved, dirs_exist_ok=True)
                with open(os.path.join(saved, "case.json"), "w",
                          encoding="utf-8") as f:
                    json.dump(meta, f, indent=2)
                print("FAIL: execution %d (seed %d):\n%s\nsaved to %s"
                      % (runs, args.seed, failure, saved))
            if runs % 10000 == 0:
                print("#%d\texec/s: %d" % (runs, runs / max(
                    time.monotonic() - start, 1e-9)), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.monotonic() - start
    print("fuzz_manifest: %d executions (%d accepted, the others refused "
          "with E-codes), %d failures, %.0f exec/s"
          % (runs, accepted, failures, runs / max(elapsed, 1e-9)))
    print("Done %d runs in %d second(s)" % (runs, int(elapsed + 0.5)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
