#!/usr/bin/env bash
# Prints a Python 3 that can import yaml and jinja2 (the manifest tool's
# needs): the one on PATH if it can, else Debian's /usr/bin/python3.
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c "import yaml, jinja2" 2>/dev/null; then
    command -v "$py"
    exit 0
  fi
done
echo "no python3 with yaml and jinja2: run tools/setup.sh" >&2
exit 1
