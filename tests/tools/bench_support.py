"""Imports tools/bench's modules for the tests, and a small set of results."""
import importlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
BENCH_TOOLS = os.path.join(ROOT, "tools", "bench")
if BENCH_TOOLS not in sys.path:
    sys.path.insert(0, BENCH_TOOLS)

bench = importlib.import_module("bench")
report = importlib.import_module("report")


def goals():
    """The committed targets and reference figures."""
    with open(os.path.join(ROOT, "bench", "targets.json")) as f:
        return json.load(f)


def results(figures):
    """Results of `figures`: {preset: {operation: instructions}}."""
    return {"configurations": {
        preset: {"instructions": dict(ops), "bytes": {}}
        for preset, ops in figures.items()}, "labels": {}}
