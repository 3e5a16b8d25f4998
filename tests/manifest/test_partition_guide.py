"""The partition of TF-M's "Adding a secure partition" guide, unchanged:
its manifest in TF-M's YAML form and in FF-M's JSON form, its manifest list
entry, and code written against the generated header (IPC model), then its
SFN variant."""

import json
import os
import unittest

from tests.manifest import support
from tests.manifest.support import ToolCase, compile_c, read_tree

GUIDE = os.path.join(support.DATA_DIR, "partition_guide")
EXAMPLE_C = os.path.join(support.REPO, "partitions", "example",
                         "tfm_example_partition.c")


def guide_args(form, outdir, *extra, backend="IPC", level=2):
    """Tool arguments for the guide's list in `form` (yaml or json)."""
    return ["-m", os.path.join(GUIDE, "manifest_list_%s.yaml" % form),
            "-o", outdir, "--backend", backend, "--isolation-level",
            str(level), "--platform", os.path.join(GUIDE, "platform.yaml"),
            *extra]


class PartitionGuideTest(ToolCase):

    def run_guide(self, form, *extra, **kwargs):
        outdir = self.path("out_" + form)
        status, errors = support.run_tool(
            guide_args(form, outdir, *extra, **kwargs), self.tmp)
        self.assertEqual((status, errors), (0, []))
        return outdir

    def test_yaml_and_json_forms_give_the_same_outputs(self):
        yaml_out = self.run_guide("yaml", "-D", "TFM_PARTITION_EXAMPLE=ON")
        json_out = self.run_guide("json", "-D", "TFM_PARTITION_EXAMPLE=ON")
        self.assertEqual(read_tree(yaml_out), read_tree(json_out))

    def test_ipc_code_builds_against_the_generated_header(self):
        out = self.run_guide("json", "-D", "TFM_PARTITION_EXAMPLE=ON")
        header = read_tree(out)[
            "partitions/example/psa_manifest/tfm_example_partition.h"]
        self.assertIn(b"#define ROT_A_SIGNAL (0x10U)\n\n"
                      b"#define A_IRQ_SIGNAL (0x80000000U)\n\n"
                      b"void tfm_example_main(void);\n", header)
        compile_c(self, out, source=os.path.join(GUIDE, "example_ipc.c"),
                  includes=(os.path.join(out, "partitions/example"),),
                  obj="example.o")
        compile_c(self, out)

    def test_the_platform_places_its_region_and_irq(self):
        out = self.run_guide("yaml", "-D", "TFM_PARTITION_EXAMPLE=ON")
        with open(os.path.join(out, "warden_load_info.c"),
                  encoding="utf-8") as stream:
            load_info = stream.read()
        self.assertIn('.name = "A_IRQ",\n        .source = 12, /* TFM_A_IRQ '
                      '*/\n        .signal = A_IRQ_SIGNAL,', load_info)
        self.assertIn('.name = "TFM_PERIPHERAL_A",\n        .base = '
                      '0x40101000u,\n        .size = 0x1000u,', load_info)

    def test_conditional_off_leaves_the_example_out(self):
        out = self.run_guide("yaml", "-D", "TFM_PARTITION_EXAMPLE=OFF")
        files = read_tree(out)
        self.assertNotIn(b"TFM_SP_EXAMPLE (", files["psa_manifest/pid.h"])
        self.assertIn(b'set(WARDEN_MANIFEST_DISABLED "TFM_SP_EXAMPLE")',
                      files["warden_partitions.cmake"])

    def test_sfn_variant_builds_the_in_tree_example(self):
        """The guide's partition: model SFN, no entry_point, optionally
        entry_init."""
        with open(os.path.join(GUIDE, "json", "tfm_example_partition.json"),
                  encoding="utf-8") as stream:
            manifest = json.load(stream)
        manifest["model"] = "SFN"
        del manifest["entry_point"]
        manifest["entry_init"] = "tfm_example_init"
        self.write("tfm_example_partition.json", manifest)
        with open(os.path.join(GUIDE, "crypto.yaml"),
                  encoding="utf-8") as stream:
            self.write("crypto.yaml", stream.read())
        self.write_list([{"name": "TFM Example Service",
                          "short_name": "TFM_SP_EXAMPLE",
                          "manifest": "tfm_example_partition.json",
                          "output_path": "partitions/example", "pid": 290},
                         {"description": "crypto", "manifest": "crypto.yaml"}])
        status, errors = self.run_in_tmp(
            "--platform", os.path.join(GUIDE, "platform.yaml"))
        self.assertEqual((status, errors), (0, []))
        out = self.path("out")
        compile_c(self, out, source=EXAMPLE_C,
                  includes=(os.path.join(out, "partitions/example"),),
                  obj="example.o")
        compile_c(self, out)


if __name__ == "__main__":
    unittest.main()
