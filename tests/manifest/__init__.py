"""Tests of the manifest tool (tools/manifest): run with
``python3 -m unittest discover -s tests/manifest -t .`` from the repo root."""
