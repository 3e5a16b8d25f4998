"""The outputs beyond headers and load info: the linker fragments (linked
with the host's GNU ld) and the Graphviz diagram."""

import os
import re
import shutil
import subprocess
import unittest
from unittest import mock

from tests.manifest.support import (ToolCase, compile_c, partition,
                                    run_tool, service, stateless)

# A secure image layout like the an505 one (platform/an505/an505_s.ld.in):
# the privileged sections leave the unprivileged partitions' files out, the
# fragments place them.
LINKER_SCRIPT = """\
MEMORY
{
  ROM (rx) : ORIGIN = 0x10000, LENGTH = 0x10000
  RAM (rw) : ORIGIN = 0x40000, LENGTH = 0x10000
}
REGION_ALIAS("WARDEN_ROM", ROM);
REGION_ALIAS("WARDEN_RAM", RAM);
SECTIONS
{
  .text : { EXCLUDE_FILE(%(unpriv)s) *(.text .text.*) } > ROM
  .unpriv : { INCLUDE warden_partition_code.ld } > ROM
  .unpriv_ro : { INCLUDE warden_partition_rodata.ld } > ROM
  .rodata : { init_start = .; INCLUDE warden_partition_init.ld
              init_end = .;
              EXCLUDE_FILE(%(unpriv)s) *(.rodata .rodata.*) } > ROM
  .data : { EXCLUDE_FILE(%(unpriv)s) *(.data .data.*) } > RAM AT > ROM
  .bss : { EXCLUDE_FILE(%(unpriv)s) *(.bss .bss.* COMMON) } > RAM
  INCLUDE warden_partition_ram.ld
  /DISCARD/ : { *(.note*) *(.comment) *(.eh_frame*) }
}
"""

PARTITION_C = """\
const int %(lib)s_rodata = 2;
int %(lib)s_data = 1;
int %(lib)s_bss;
int %(lib)s_code(void);
int %(lib)s_code(void) { return %(lib)s_data + %(lib)s_bss; }
"""


def symbols(path):
    """{name: address} from `nm` of a linked file."""
    out = subprocess.run(["nm", path], capture_output=True, text=True,
                         check=True).stdout
    return {parts[2]: int(parts[0], 16) for parts in
            (line.split() for line in out.splitlines()) if len(parts) == 3}


class LinkerFragmentTest(ToolCase):
    """The partitions that run unprivileged at a level land inside their
    symbols (code and read-only data; data, zeroed data, stack and FLIH
    stack in one RAM range), in load order, with a start-up table for their
    RAM; the privileged ones stay with the image's own sections."""

    def link(self, level):
        if not (shutil.which("ld") and shutil.which("nm")):
            self.skipTest("GNU ld and nm are needed")
        flih = {"source": 3, "name": "APP_IRQ", "handling": "FLIH"}
        parts = [("app.yaml", partition("TFM_SP_APP", [service("APP", 1)],
                                        irqs=[flih]),
                  {"linker_pattern": {"library_list": [
                      "*tfm_app_rot_partition_app.*"]}}),
                 ("psa.yaml", partition("TFM_SP_PSA", [stateless("PSA", 2)],
                                        type="PSA-ROT", irqs=[dict(
                                            flih, source=4,
                                            name="PSA_IRQ")]),
                  {"linker_pattern": {"library_list": [
                      "*tfm_psa_rot_partition_psa.*"],
                                      "object_list": ["*psa_glue.o"]}})]
        out_files = self.generate(parts, backend="IPC", level=level)
        out = self.path("out")
        objects = []
        for lib, rel in (("app", "tfm_app_rot_partition_app.dir/app.o"),
                         ("psa", "tfm_psa_rot_partition_psa.dir/psa.o"),
                         ("glue", "misc/psa_glue.o")):
            self.write("src/%s.c" % lib, PARTITION_C % {"lib": lib})
            obj = os.path.join("objs", rel)
            os.makedirs(os.path.join(out, os.path.dirname(obj)),
                        exist_ok=True)
            compile_c(self, out, source=self.path("src/%s.c" % lib), obj=obj)
            objects.append(obj)
        unpriv = re.search(r"#define WARDEN_UNPRIV_FILES(.*)\n",
                           out_files["warden_isolation.h"]).group(1)
        self.write("out/image.ld", LINKER_SCRIPT % {"unpriv": unpriv})
        compile_c(self, out, obj="load_info.o")   # the stacks' sections
        proc = subprocess.run(
            ["ld", "-T", "image.ld", "-e", "0", "-o", "image.elf",
             "--unresolved-symbols=ignore-all", *objects, "load_info.o"],
            cwd=out, capture_output=True, text=True, check=False)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return symbols(os.path.join(out, "image.elf"))

    def inside(self, sym, name, part, kind):
        start = sym["warden_part_%s_%s_start" % (part, kind)]
        end = sym["warden_part_%s_%s_end" % (part, kind)]
        self.assertTrue(start <= sym[name] < end, (name, part, kind))
        self.assertEqual(start % 32, 0)
        self.assertEqual(end % 32, 0)

    def test_level_3_places_every_partition_between_its_symbols(self):
        sym = self.link(3)
        for part, libs in (("tfm_sp_app", ("app",)),
                           ("tfm_sp_psa", ("psa", "glue"))):
            for lib in libs:
                self.inside(sym, lib + "_code", part, "code")
                self.inside(sym, lib + "_rodata", part, "rodata")
                self.inside(sym, lib + "_data", part, "ram")
                self.inside(sym, lib + "_bss", part, "ram")
            self.inside(sym, part + "_stack", part, "ram")
            self.inside(sym, part + "_flih_stack", part, "ram")
        # Load order: the PSA-RoT partition the APP one depends on? No
        # dependency here, so by priority then list order.
        self.assertEqual(sym["init_end"] - sym["init_start"], 2 * 5 * 4)
        self.assertLessEqual(sym["warden_unpriv_ram_start"],
                             min(sym["warden_part_tfm_sp_app_ram_start"],
                                 sym["warden_part_tfm_sp_psa_ram_start"]))
        self.assertGreaterEqual(sym["warden_unpriv_ram_end"],
                                max(sym["warden_part_tfm_sp_app_ram_end"],
                                    sym["warden_part_tfm_sp_psa_ram_end"]))

    def test_level_2_leaves_psa_rot_with_the_privileged_sections(self):
        sym = self.link(2)
        self.inside(sym, "app_code", "tfm_sp_app", "code")
        self.inside(sym, "app_rodata", "tfm_sp_app", "rodata")
        self.inside(sym, "app_data", "tfm_sp_app", "ram")
        self.inside(sym, "tfm_sp_app_stack", "tfm_sp_app", "ram")
        self.inside(sym, "tfm_sp_app_flih_stack", "tfm_sp_app", "ram")
        self.assertNotIn("tfm_sp_psa_flih_stack", sym)   # privileged
        self.assertNotIn("warden_part_tfm_sp_psa_code_start", sym)
        self.assertEqual(sym["init_end"] - sym["init_start"], 5 * 4)
        for name in ("psa_code", "glue_code"):
            self.assertLess(sym[name], sym["warden_unpriv_code_start"])
        for name in ("psa_data", "psa_bss", "tfm_sp_psa_stack"):
            self.assertLess(sym[name], sym["warden_unpriv_ram_start"])


class GraphTest(ToolCase):

    def parts(self):
        return [("a.yaml", partition("TFM_SP_A", [
            service("ROT_A", 0xE0), stateless("ROT_HIDDEN", 0xE1,
                                              non_secure_clients=False)],
                                     irqs=[{"source": 5, "name": "A_IRQ",
                                            "handling": "FLIH"}])),
                ("b.yaml", partition("TFM_SP_B", [service("ROT_B", 0xF0)],
                                     type="PSA-ROT",
                                     dependencies=["ROT_HIDDEN"]))]

    def graph(self, level, name="g.dot", backend="IPC"):
        self.setup_parts(self.parts())
        status, errors = self.run_in_tmp("--graph", name, backend=backend,
                                         level=level)
        self.assertEqual((status, errors), (0, []))
        with open(self.path(os.path.splitext(name)[0] + ".dot"),
                  encoding="utf-8") as stream:
            return stream.read()

    def test_callers_and_dependencies(self):
        dot = self.graph(1, backend="SFN")
        self.assertIn('"ns" -> "s:ROT_A";\n', dot)
        self.assertIn('"ns" -> "s:ROT_B";\n', dot)
        self.assertNotIn('"ns" -> "s:ROT_HIDDEN"', dot)
        self.assertIn('"p:TFM_SP_B" -> "s:ROT_HIDDEN" [style=dashed, '
                      'label="depends on"];\n', dot)
        self.assertIn('"s:ROT_HIDDEN" [label="ROT_HIDDEN\\nSID 0x000000E1\\n'
                      'stateless, handle 0x40000100, v1 STRICT", '
                      'shape=ellipse];', dot)
        self.assertIn('"i:A_IRQ_SIGNAL" [label="IRQ 5\\nA_IRQ_SIGNAL, FLIH", '
                      'shape=diamond];', dot)

    def test_isolation_level_1_has_one_boundary(self):
        dot = self.graph(1, backend="SFN")
        self.assertIn('label="Secure Processing Environment: isolation level '
                      '1, no boundary between partitions";', dot)
        self.assertNotIn("cluster_psa_rot", dot)
        self.assertEqual(dot.count("style=dashed;"), 2)

    def test_isolation_level_2_separates_the_rots(self):
        dot = self.graph(2)
        self.assertIn('subgraph "cluster_psa_rot" {\n      label="PSA RoT: '
                      'isolated from the other RoT";', dot)
        self.assertIn('subgraph "cluster_app_rot" {\n      label="Application '
                      'RoT: isolated from the other RoT";', dot)
        self.assertLess(dot.index("cluster_p_tfm_sp_b"),
                        dot.index("cluster_app_rot"))

    def test_isolation_level_3_isolates_every_partition(self):
        dot = self.graph(3)
        self.assertIn("every partition isolated", dot)
        self.assertEqual(dot.count("style=bold;"), 5)  # SPE, 2 RoTs, 2 parts
        self.assertNotIn("style=dashed;", dot)

    def test_svg_with_graphviz(self):
        if shutil.which("dot") is None:
            self.skipTest("Graphviz is not installed")
        self.graph(2, name="g.svg")
        with open(self.path("g.svg"), encoding="utf-8") as stream:
            svg = stream.read()
        self.assertIn("<svg", svg)
        self.assertIn("TFM_SP_A", svg)

    def test_dot_only_without_graphviz(self):
        self.write("g.svg", "<svg>stale</svg>")
        with mock.patch("shutil.which", return_value=None):
            self.setup_parts(self.parts())
            status, errors = self.run_in_tmp("--graph", "g.svg")
        # The note goes to stderr, it is not an error: exit status 0.
        self.assertEqual(status, 0)
        self.assertEqual(errors, [
            "warden_manifest.py: Graphviz is not installed (Debian package "
            "graphviz): wrote %s only" % self.path("g.dot")])
        self.assertTrue(os.path.isfile(self.path("g.dot")))
        self.assertFalse(os.path.exists(self.path("g.svg")))

    def test_graph_without_outdir(self):
        self.setup_parts(self.parts())
        status, errors = run_tool(["-m", "manifest_list.yaml", "--backend",
                                   "SFN", "--isolation-level", "1", "--graph",
                                   "only.dot"], self.tmp)
        self.assertEqual((status, errors), (0, []))
        self.assertTrue(os.path.isfile(self.path("only.dot")))
        self.assertFalse(os.path.exists(self.path("out")))

    def test_graph_is_deterministic(self):
        first = self.graph(3)
        self.assertEqual(first, self.graph(3))
        self.assertIsNone(re.search(r"0x[0-9a-f]*[a-f]", first))


if __name__ == "__main__":
    unittest.main()
