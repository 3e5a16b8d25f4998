/* NS suite: partitions' heaps (tests/partitions/heap/), each its own. */
#include <stdint.h>

#include "ns_suites.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/heap/warden_heap_test.h"

static psa_status_t heap_call(psa_handle_t handle, int32_t type)
{
    return psa_call(handle, type, NULL, 0, NULL, 0);
}

static void t_heap_self_test(struct test_result_t *ret)
{
    TEST_CHECK(heap_call(HEAP_A_HANDLE, HEAP_TYPE_SELF_TEST) == 0,
               "malloc & co. on WARDEN_SP_HEAP_A's heap");
    TEST_CHECK(heap_call(HEAP_B_HANDLE, HEAP_TYPE_SELF_TEST) == 0,
               "malloc & co. on WARDEN_SP_HEAP_B's heap");
}

/* A partition that takes its whole heap leaves the other's alone. */
static void t_heaps_are_separate(struct test_result_t *ret)
{
    uint32_t held = 0;
    psa_outvec ov[] = { { &held, sizeof(held) } };

    TEST_CHECK(psa_call(HEAP_A_HANDLE, HEAP_TYPE_FILL, NULL, 0, ov, 1) == 0,
               "A takes its largest block");
    TEST_CHECK(held > HEAP_TEST_LARGEST / 2 && held < HEAP_TEST_LARGEST,
               "A's largest block is most of its heap");
    TEST_CHECK(heap_call(HEAP_A_HANDLE, HEAP_TYPE_PROBE) == 1,
               "A's heap is exhausted: malloc gives NULL");
    TEST_CHECK(heap_call(HEAP_B_HANDLE, HEAP_TYPE_PROBE) == 0,
               "B still allocates");
    TEST_CHECK(heap_call(HEAP_B_HANDLE, HEAP_TYPE_SELF_TEST) == 0,
               "B's whole heap is free");
    TEST_CHECK(heap_call(HEAP_B_HANDLE, HEAP_TYPE_FILL) == 0, "B fills");
    TEST_CHECK(heap_call(HEAP_A_HANDLE, HEAP_TYPE_EMPTY) == 0, "A frees");
    TEST_CHECK(heap_call(HEAP_A_HANDLE, HEAP_TYPE_SELF_TEST) == 0,
               "A's heap is whole again while B's is full");
    TEST_CHECK(heap_call(HEAP_B_HANDLE, HEAP_TYPE_PROBE) == 1,
               "B's heap is still exhausted");
    TEST_CHECK(heap_call(HEAP_B_HANDLE, HEAP_TYPE_EMPTY) == 0, "B frees");
}

static const struct test_t heap_tests[] = {
    { t_heap_self_test, "heap_self_test",
      "malloc, free, calloc, realloc and exhaustion in a partition" },
    { t_heaps_are_separate, "heaps_are_separate",
      "two partitions' heaps are separate" },
};

const struct ns_suite ns_heap_suite = {
    "ns_heap", heap_tests, sizeof(heap_tests) / sizeof(heap_tests[0])
};
