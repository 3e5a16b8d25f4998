"""The stack checks (wm_stack): a stack_size below the backend's minimum is
refused, one that cannot hold the request of a call the partition makes is
warned about, and the figures are include/warden/stack.h's."""

import os
import unittest

from tests.manifest import support
from tests.manifest.support import ToolCase, partition, read_tree

import wm_stack  # noqa: E402  pylint: disable=wrong-import-order

IPC_WHY = ("the IPC backend runs each partition in a thread of its own, "
           "whose stack holds the stack seal, the SPM's path into "
           "psa_wait() and a thread switch's frames")
SFN_WHY = ("under the SFN backend a secure function runs on its caller's "
           "stack, and needs at least its first frame and an interrupt's "
           "frame there")


def caller(size, model="SFN"):
    """A partition that calls TFM_SP_A's service, with this stack_size."""
    return partition("TFM_SP_B", [support.service("B_SVC", 0x200)],
                     model=model, stack_size=size, dependencies=["TFM_A_SVC"])


class FiguresTest(unittest.TestCase):

    def test_the_figures_come_from_the_c_header(self):
        fig = wm_stack.figures()
        self.assertEqual(fig["MIN_IPC"], 256)
        self.assertEqual(fig["MIN_SFN"], 64)
        self.assertEqual(fig["CALL_IPC_L1"], 288)
        self.assertEqual(fig["SFN_LOOP"], 64)
        self.assertEqual(fig["CALL_SFN"], 304)
        self.assertEqual(wm_stack.minimum("IPC"), 256)


class MinimumTest(ToolCase):

    def test_ipc_backend_refuses_one_byte_below(self):
        self.assert_error(
            [("a.yaml", partition("TFM_SP_A", model="IPC", stack_size=255))],
            "a.yaml: TFM_SP_A: stack_size: 255 bytes is below the minimum "
            "of 256 bytes for the IPC backend (%s) [E073]" % IPC_WHY,
            backend="IPC")

    def test_ipc_backend_takes_the_minimum(self):
        out = self.generate(
            [("a.yaml", partition("TFM_SP_A", model="IPC", stack_size=256))],
            backend="IPC")
        self.assertIn(".stack_size = 256,", out["warden_load_info.c"])

    def test_ipc_backend_refuses_a_small_sfn_partition(self):
        self.assert_error(
            [("a.yaml", partition("TFM_SP_A", stack_size="0x10"))],
            "a.yaml: TFM_SP_A: stack_size: 16 bytes is below the minimum "
            "of 256 bytes for the IPC backend (%s) [E073]" % IPC_WHY,
            backend="IPC")

    def test_sfn_backend_refuses_one_byte_below(self):
        self.assert_error(
            [("a.yaml", partition("TFM_SP_A", stack_size=63))],
            "a.yaml: TFM_SP_A: stack_size: 63 bytes is below the minimum "
            "of 64 bytes for the SFN backend (%s); under the IPC backend it "
            "would need 256 [E073]" % SFN_WHY)

    def test_sfn_backend_refuses_0x10(self):
        self.assert_error(
            [("a.yaml", partition("TFM_SP_A", stack_size="0x10"))],
            "a.yaml: TFM_SP_A: stack_size: 16 bytes is below the minimum "
            "of 64 bytes for the SFN backend (%s); under the IPC backend it "
            "would need 256 [E073]" % SFN_WHY)

    def test_sfn_backend_takes_the_minimum(self):
        self.generate([("a.yaml", partition("TFM_SP_A", stack_size=64))])

    def test_a_macro_is_checked_by_the_compiler(self):
        out = self.generate(
            [("a.yaml", partition("TFM_SP_A", model="IPC",
                                  stack_size="A_STACK"))], backend="IPC")
        text = out["warden_load_info.c"]
        self.assertIn('#include "warden/stack.h"', text)
        self.assertIn("_Static_assert(A_STACK >= WARDEN_STACK_MIN_IPC,", text)


class CallWarningTest(ToolCase):
    """A warning leaves the outputs written and the exit status 0."""

    def run_parts(self, size, model="SFN", **kwargs):
        self.setup_parts([("a.yaml", partition("TFM_SP_A")),
                          ("b.yaml", caller(size, model))])
        status, lines = self.run_in_tmp(**kwargs)
        self.assertEqual(status, 0, lines)
        self.assertIn("warden_load_info.c", read_tree(self.path("out")))
        return lines

    def test_ipc_level_1_one_byte_below(self):
        self.assertEqual(self.run_parts(287, "IPC", backend="IPC"), [
            "b.yaml: TFM_SP_B: stack_size: warning: 287 bytes cannot hold a "
            "call to the services it depends on: at isolation level 1 a "
            "psa_call() keeps its request (140 bytes) on the calling "
            "thread's stack: with the SPM's frames and a thread switch's, "
            "288 bytes; give it at least 288 bytes plus its own frames "
            "[W001]"])

    def test_ipc_level_1_enough(self):
        self.assertEqual(self.run_parts(288, "IPC", backend="IPC"), [])

    def test_ipc_level_1_sfn_model_counts_its_loop(self):
        self.assertEqual(self.run_parts(351, backend="IPC"), [
            "b.yaml: TFM_SP_B: stack_size: warning: 351 bytes cannot hold a "
            "call to the services it depends on: at isolation level 1 a "
            "psa_call() keeps its request (140 bytes) on the calling "
            "thread's stack: with the SPM's frames and a thread switch's, "
            "288 bytes, and 64 more under an SFN-model partition's service "
            "loop; give it at least 352 bytes plus its own frames [W001]"])
        self.assertEqual(self.run_parts(352, backend="IPC"), [])

    def test_ipc_level_2_keeps_the_request_on_the_svc_stack(self):
        self.assertEqual(self.run_parts(256, "IPC", backend="IPC", level=2),
                         [])

    def test_sfn_backend_one_byte_below(self):
        self.assertEqual(self.run_parts(303), [
            "b.yaml: TFM_SP_B: stack_size: warning: 303 bytes cannot hold a "
            "call to the services it depends on: a psa_call() keeps its "
            "request (132 bytes) and the SPM's frames, 304 bytes in all, on "
            "the stack this partition's function runs on, and the called "
            "function runs on it too; give it at least 304 bytes plus its "
            "own frames [W001]"])
        self.assertEqual(self.run_parts(304), [])

    def test_no_dependencies_no_warning(self):
        self.generate([("a.yaml", partition("TFM_SP_A", stack_size=64))])


class HeaderReadTest(unittest.TestCase):

    def test_the_header_is_where_the_tool_looks(self):
        self.assertTrue(os.path.samefile(
            wm_stack.HEADER,
            os.path.join(support.REPO, "include", "warden", "stack.h")))


if __name__ == "__main__":
    unittest.main()
