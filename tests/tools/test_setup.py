"""tools/setup.sh on a fresh machine: it installs every package the
README's list names, Graphviz among them (make graph's SVG), and the
README's list names every package it installs.

dpkg-query, apt-get and id are replaced by stand-ins on PATH: nothing is
installed; the stand-in apt-get records what it was asked for."""
import os
import re
import stat
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SETUP = os.path.join(ROOT, "tools", "setup.sh")

STANDINS = {
    # Nothing is installed.
    "dpkg-query": "#!/bin/sh\nexit 1\n",
    "apt-get": '#!/bin/sh\necho "$@" >> "$APT_LOG"\n',
    "id": "#!/bin/sh\necho 0\n",
}


def readme_packages():
    """The Debian packages the README's "Both install ..." sentence names."""
    with open(os.path.join(ROOT, "README.md")) as f:
        text = f.read()
    start = text.index("from Debian's packages only")
    end = re.compile(r"\);\s+run as root").search(text, start)
    sentence = text[start:end.start()]
    return set(re.findall(r"`([a-z0-9][a-z0-9.+-]*)`", sentence))


class SetupOnAFreshMachine(unittest.TestCase):
    def installed(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name, text in STANDINS.items():
                path = os.path.join(tmp, name)
                with open(path, "w") as f:
                    f.write(text)
                os.chmod(path, stat.S_IRWXU)
            log = os.path.join(tmp, "apt.log")
            env = dict(os.environ, PATH=tmp + os.pathsep + os.environ["PATH"],
                       APT_LOG=log)
            out = subprocess.run(["bash", SETUP], env=env, check=True,
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT).stdout.decode()
            with open(log) as f:
                calls = f.read().splitlines()
        installs = [c.split() for c in calls if c.split()[:1] == ["install"]]
        self.assertEqual(len(installs), 1, out)
        return {w for w in installs[0][1:] if not w.startswith("-")}

    def test_graphviz_is_installed(self):
        self.assertIn("graphviz", self.installed())

    def test_every_package_of_the_readme_is_installed(self):
        self.assertEqual(readme_packages() - self.installed(), set())

    def test_the_readme_names_every_package_installed(self):
        self.assertEqual(self.installed() - readme_packages(), set())

    def test_the_readme_names_graphviz(self):
        self.assertIn("graphviz", readme_packages())


if __name__ == "__main__":
    unittest.main()
