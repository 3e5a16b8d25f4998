"""Partition heaps (heap_size): the generated heap source, and what the
partition's calls of the C library's allocator become (the CMake file)."""

import unittest

from tests.manifest.support import ToolCase, compile_c, partition, service


class HeapTest(ToolCase):

    def test_heap_size_gives_a_heap_source(self):
        out = self.generate([("a.yaml", partition("TFM_SP_A",
                                                  heap_size="0x400"))])
        heap = out["warden_heap_tfm_sp_a.c"]
        self.assertIn("static _Alignas(max_align_t) unsigned char "
                      "tfm_sp_a_heap_area[1024];\n", heap)
        self.assertIn("static struct heap tfm_sp_a_heap = "
                      "HEAP_INITIALIZER(tfm_sp_a_heap_area);\n", heap)
        for declaration in ("void *tfm_sp_a_heap_malloc(size_t size)",
                            "void *tfm_sp_a_heap_calloc(size_t count, "
                            "size_t size)",
                            "void *tfm_sp_a_heap_realloc(void *ptr, "
                            "size_t size)",
                            "void tfm_sp_a_heap_free(void *ptr)"):
            self.assertIn(declaration + ";\n", heap)
            self.assertIn(declaration + "\n{\n", heap)
        self.assertIn("if (heap_free(&tfm_sp_a_heap, ptr) != HEAP_OK) {\n"
                      "        psa_panic();\n", heap)
        compile_c(self, self.path("out"), source="warden_heap_tfm_sp_a.c")

    def test_the_cmake_file_names_the_heap_and_the_renaming(self):
        out = self.generate([("a.yaml", partition("TFM_SP_A",
                                                  heap_size=256))])
        cmake = out["warden_partitions.cmake"]
        self.assertIn('set(WARDEN_PARTITION_TFM_SP_A_HEAP_SOURCE '
                      '"${CMAKE_CURRENT_LIST_DIR}/warden_heap_tfm_sp_a.c")\n',
                      cmake)
        self.assertIn('set(WARDEN_PARTITION_TFM_SP_A_ALLOCATOR '
                      '"malloc=tfm_sp_a_heap_malloc;calloc=tfm_sp_a_heap_calloc;'
                      'realloc=tfm_sp_a_heap_realloc;free=tfm_sp_a_heap_free")\n',
                      cmake)

    def test_a_macro_heap_size_compiles_where_it_is_defined(self):
        out = self.generate([("a.yaml", partition("TFM_SP_A",
                                                  heap_size="MY_HEAP"))])
        self.assertIn("tfm_sp_a_heap_area[MY_HEAP];",
                      out["warden_heap_tfm_sp_a.c"])
        compile_c(self, self.path("out"), source="warden_heap_tfm_sp_a.c",
                  defines=("MY_HEAP=0x200",))

    def test_no_heap_size_no_heap_and_names_that_say_why(self):
        for changes in ({}, {"heap_size": 0}, {"heap_size": "0"}):
            with self.subTest(changes=changes):
                out = self.generate([("a.yaml",
                                      partition("TFM_SP_A", **changes))])
                self.assertNotIn("warden_heap_tfm_sp_a.c", out)
                cmake = out["warden_partitions.cmake"]
                self.assertIn('set(WARDEN_PARTITION_TFM_SP_A_HEAP_SOURCE "")',
                              cmake)
                self.assertIn(
                    "malloc=TFM_SP_A_calls_malloc_but_its_manifest_has_no_"
                    "heap_size;calloc=TFM_SP_A_calls_calloc_but_its_manifest_"
                    "has_no_heap_size;", cmake)

    def test_each_partition_its_own_heap(self):
        out = self.generate([
            ("a.yaml", partition("TFM_SP_A", [service("A", 1)], heap_size=64)),
            ("b.yaml", partition("TFM_SP_B", [service("B", 2)],
                                 heap_size=128))])
        self.assertIn("tfm_sp_a_heap_area[64];", out["warden_heap_tfm_sp_a.c"])
        self.assertIn("tfm_sp_b_heap_area[128];",
                      out["warden_heap_tfm_sp_b.c"])


if __name__ == "__main__":
    unittest.main()
