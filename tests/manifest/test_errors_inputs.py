"""One test per error in reading the inputs (wm_load): manifest lists,
list items, PIDs, conditionals, unreadable or malformed files."""

import io
import unittest
from contextlib import redirect_stderr

from tests.manifest.support import DROP, ToolCase, partition, service


def one(name="TFM_SP_A", svc="ROT_A", sid=1):
    """A valid partition with one service."""
    return partition(name, [service(svc, sid)])


class ListTest(ToolCase):

    def test_list_not_found(self):
        status, errors = self.run_in_tmp(lists=("missing.yaml",))
        self.assertEqual((status, errors), (1, [
            "missing.yaml: cannot read: No such file or directory [E001]"]))

    def test_list_type(self):
        self.write("a.yaml", one())
        self.write_list([{"description": "a", "manifest": "a.yaml"}],
                        type="partition_list")
        status, errors = self.run_in_tmp()
        self.assertEqual((status, errors), (1, [
            "manifest_list.yaml: type: 'partition_list' is not one of "
            "manifest_list [E013]"]))

    def test_list_without_manifest_list(self):
        self.write("manifest_list.yaml", "description: empty\n")
        status, errors = self.run_in_tmp()
        self.assertEqual((status, errors), (1, [
            "manifest_list.yaml: manifest_list: required attribute is "
            "missing [E011]"]))

    def test_list_not_a_mapping(self):
        self.write("manifest_list.yaml", "- a.yaml\n")
        status, errors = self.run_in_tmp()
        self.assertEqual((status, errors), (1, [
            "manifest_list.yaml: expected a mapping, got a list [E012]"]))

    def test_item_not_a_mapping(self):
        self.write_list(["a.yaml"])
        status, errors = self.run_in_tmp()
        self.assertEqual((status, errors), (1, [
            "manifest_list.yaml: manifest_list[0]: expected a mapping, got "
            "'a.yaml' [E012]"]))

    def test_item_attribute_types(self):
        self.assert_errors([("a.yaml", one(), {
            "version_major": "one", "linker_pattern": "*.a",
            "non_ffm_attributes": "ns_agent"})], [
                "manifest_list.yaml: TFM_SP_A: version_major: expected a "
                "number, got 'one' [E012]",
                "manifest_list.yaml: TFM_SP_A: non_ffm_attributes: expected "
                "a list, got 'ns_agent' [E012]",
                "manifest_list.yaml: TFM_SP_A: linker_pattern: expected a "
                "mapping, got '*.a' [E012]"])

    def test_item_without_manifest(self):
        self.assert_error([("a.yaml", one(), {"manifest": None})],
                          "manifest_list.yaml: TFM_SP_A: manifest: expected "
                          "a string, got null [E012]")

    def test_item_unknown_attribute(self):
        self.assert_error([("a.yaml", one(), {"output_folder": "x"})],
                          "manifest_list.yaml: TFM_SP_A: output_folder: "
                          "unknown attribute [E010]")

    def test_item_manifest_missing(self):
        self.setup_parts([("a.yaml", one())])
        self.write_list([{"description": "a", "short_name": "TFM_SP_A",
                          "manifest": "nowhere/a.yaml"}])
        status, errors = self.run_in_tmp()
        self.assertEqual((status, errors), (1, [
            "manifest_list.yaml: TFM_SP_A: manifest: nowhere/a.yaml does not "
            "exist [E001]"]))

    def test_short_name_mismatch(self):
        self.assert_error([("a.yaml", one(), {"short_name": "TFM_SP_B"})],
                          "manifest_list.yaml: TFM_SP_B: short_name: does "
                          "not match the name TFM_SP_A in a.yaml [E021]")


class ItemPathTest(ToolCase):
    """Where an item's manifest and outputs are, and its linker pattern."""

    def test_output_path_and_output_dir(self):
        self.assert_error([("a.yaml", one(), {"output_dir": "x",
                                              "output_path": "y"})],
                          "manifest_list.yaml: TFM_SP_A: output_dir: give "
                          "output_path or output_dir, not both (they mean "
                          "the same) [E016]")

    def test_unset_environment_variable(self):
        self.assert_error([("a.yaml", one(), {"manifest": "$WM_NOPE/a.yaml"})],
                          "manifest_list.yaml: TFM_SP_A: manifest: "
                          "'$WM_NOPE/a.yaml' uses $WM_NOPE, which is not set "
                          "in the environment [E022]")

    def test_unset_environment_variable_in_output_path(self):
        self.assert_error([("a.yaml", one(),
                            {"output_path": "gen/${WM_NOPE}"})],
                          "manifest_list.yaml: TFM_SP_A: output_path: "
                          "'gen/${WM_NOPE}' uses $WM_NOPE, which is not set "
                          "in the environment [E022]")

    def test_library_pattern_form(self):
        self.assert_error([("a.yaml", one(), {"linker_pattern": {
            "library_list": ["*libfoo.a"]}})],
                          "manifest_list.yaml: TFM_SP_A: linker_pattern."
                          "library_list[0]: '*libfoo.a' does not name a "
                          "partition library: use '*tfm_psa_rot_partition_"
                          "<name>.*' or '*tfm_app_rot_partition_<name>.*' "
                          "[E023]")

    def test_library_pattern_of_the_other_rot(self):
        manifest = partition("TFM_SP_A", [service("ROT_A", 1)],
                             type="PSA-ROT")
        self.assert_error([("a.yaml", manifest, {"linker_pattern": {
            "library_list": ["*tfm_app_rot_partition_a.*"]}})],
                          "manifest_list.yaml: TFM_SP_A: linker_pattern."
                          "library_list[0]: '*tfm_app_rot_partition_a.*' is "
                          "a library for APPLICATION-ROT partitions, but this "
                          "one is PSA-ROT: use '*tfm_psa_rot_partition_a.*' "
                          "[E023]")

    def test_linker_pattern_keys(self):
        self.assert_error([("a.yaml", one(), {"linker_pattern": {
            "library_list": ["*tfm_app_rot_partition_a.*"],
            "objects": ["*.o"]}})],
                          "manifest_list.yaml: TFM_SP_A: linker_pattern."
                          "objects: unknown attribute [E010]")

    def test_item_without_description_or_name(self):
        self.assert_error([("a.yaml", one(), {"description": DROP})],
                          "manifest_list.yaml: TFM_SP_A: description: "
                          "required attribute is missing (or give name) "
                          "[E011]")


class PidTest(ToolCase):

    def test_reserved_for_spm(self):
        self.assert_error([("a.yaml", one(), {"pid": 255})],
                          "manifest_list.yaml: TFM_SP_A: pid: 255 is "
                          "reserved: PIDs 0-255 belong to Warden itself (user "
                          "partitions use 256-2999, tests 3000-5999) [E030]")

    def test_reserved_above_5999(self):
        self.assert_error([("a.yaml", one(), {"pid": 6000})],
                          "manifest_list.yaml: TFM_SP_A: pid: 6000 is "
                          "reserved: PIDs from 6000 up are not available "
                          "(user partitions use 256-2999, tests 3000-5999) [E031]")

    def test_negative(self):
        self.assert_error([("a.yaml", one(), {"pid": -1})],
                          "manifest_list.yaml: TFM_SP_A: pid: -1 is "
                          "reserved: PIDs 0-255 belong to Warden itself (user "
                          "partitions use 256-2999, tests 3000-5999) [E030]")

    def test_not_a_number(self):
        self.assert_error([("a.yaml", one(), {"pid": "auto"})],
                          "manifest_list.yaml: TFM_SP_A: pid: expected a "
                          "number, got 'auto' [E012]")

    def test_range_limits_are_accepted(self):
        parts = [("a.yaml", one("TFM_SP_A", "ROT_A", 1), {"pid": 256}),
                 ("b.yaml", one("TFM_SP_B", "ROT_B", 2), {"pid": 5999})]
        pid_h = self.generate(parts)["psa_manifest/pid.h"]
        self.assertIn("#define TFM_SP_A (256)", pid_h)
        self.assertIn("#define TFM_SP_B (5999)", pid_h)


class ConditionalErrorTest(ToolCase):

    def test_bad_value_from_define(self):
        self.assert_error([("a.yaml", one(), {"conditional": "@TFM_A@"})],
                          "manifest_list.yaml: TFM_SP_A: conditional: "
                          "'maybe' (from -D TFM_A) is not a switch value: "
                          "use ON, TRUE, ENABLED or 1 to enable, OFF, FALSE, "
                          "DISABLED or 0 to disable [E020]", "-D", "TFM_A=maybe")

    def test_conditional_not_a_value(self):
        self.assert_error([("a.yaml", one(), {"conditional": ["ON"]})],
                          "manifest_list.yaml: TFM_SP_A: conditional: a list "
                          "is not a switch value [E020]")

    def test_bad_literal_value(self):
        self.assert_error([("a.yaml", one(), {"conditional": "TFM_A"})],
                          "manifest_list.yaml: TFM_SP_A: conditional: "
                          "'TFM_A' is not a switch value: use ON, TRUE, "
                          "ENABLED or 1 to enable, OFF, FALSE, DISABLED or 0 "
                          "to disable, or @NAME@ to read -D NAME=... [E020]")

    def test_malformed_define_is_a_usage_error(self):
        self.setup_parts([("a.yaml", one())])
        with redirect_stderr(io.StringIO()) as err, \
                self.assertRaises(SystemExit) as caught:
            self.run_in_tmp("-D", "TFM_A")
        self.assertEqual(caught.exception.code, 2)
        self.assertIn("expected NAME=VALUE, got 'TFM_A'", err.getvalue())


class FileFormatTest(ToolCase):

    def test_yaml_syntax_error(self):
        self.assert_error([("a.yaml", "name: [TFM_SP_A\n",
                            {"short_name": "TFM_SP_A"})],
                          "a.yaml: TFM_SP_A: line 2, column 1: expected ',' "
                          "or ']', but got '<stream end>' [E002]")

    def test_duplicate_key(self):
        text = ("psa_framework_version: 1.1\nname: TFM_SP_A\n"
                "name: TFM_SP_B\n")
        self.assert_error([("a.yaml", text, {"short_name": "TFM_SP_A"})],
                          "a.yaml: TFM_SP_A: line 3, column 1: duplicate key "
                          "'name' [E003]")

    def test_json_duplicate_key(self):
        self.assert_error([("a.json", '{"name": "TFM_SP_A", "name": "B"}\n',
                            {"short_name": "TFM_SP_A"})],
                          "a.json: TFM_SP_A: duplicate key 'name' [E003]")

    def test_json_is_strict(self):
        # YAML would take this; a .json file is JSON.
        self.assert_error([("a.json", "name: TFM_SP_A\n",
                            {"short_name": "TFM_SP_A"})],
                          "a.json: TFM_SP_A: line 1, column 1: Expecting "
                          "value [E002]")

    def test_not_utf8(self):
        self.write("a.yaml", "")
        with open(self.path("a.yaml"), "wb") as stream:
            stream.write(b"name: \xff\xfe\n")
        self.write_list([{"description": "a", "short_name": "TFM_SP_A",
                          "manifest": "a.yaml"}])
        status, errors = self.run_in_tmp()
        self.assertEqual((status, errors), (1, [
            "a.yaml: TFM_SP_A: not UTF-8 text: invalid start byte [E002]"]))

    def test_json_syntax_error(self):
        self.assert_error([("a.json", '{"name": "TFM_SP_A"\n',
                            {"short_name": "TFM_SP_A"})],
                          "a.json: TFM_SP_A: line 2, column 1: Expecting ',' "
                          "delimiter [E002]")

    def test_nested_too_deeply(self):
        # Found by tests/fuzz/fuzz_manifest.py: the parsers recurse per level.
        deep = "[" * 5000 + "]" * 5000 + "\n"
        for name in ("a.yaml", "a.json"):
            with self.subTest(name=name):
                self.assert_error([(name, deep, {"short_name": "TFM_SP_A"})],
                                  "%s: TFM_SP_A: nested too deeply [E002]"
                                  % name)

    def test_key_that_is_a_sequence(self):
        # Found by tests/fuzz/fuzz_manifest.py (a TypeError before).
        self.assert_error([("a.yaml", "name: TFM_SP_A\n[1, 2]: 3\n",
                            {"short_name": "TFM_SP_A"})],
                          "a.yaml: TFM_SP_A: line 2, column 1: found "
                          "unhashable key [E002]")

    def test_value_that_does_not_fit_its_tag(self):
        # Found by tests/fuzz/fuzz_manifest.py: PyYAML's constructors raise
        # AttributeError, KeyError or ValueError for these.
        for value, exc in (("!!timestamp x", "AttributeError"),
                           ("!!bool maybe", "KeyError"),
                           ("!!int abc", "ValueError")):
            with self.subTest(value=value):
                self.assert_error(
                    [("a.yaml", "name: TFM_SP_A\nstack_size: %s\n" % value,
                      {"short_name": "TFM_SP_A"})],
                    "a.yaml: TFM_SP_A: not valid YAML: a value that does not "
                    "fit its tag (%s) [E002]" % exc)


if __name__ == "__main__":
    unittest.main()
