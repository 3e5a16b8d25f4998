/*
 * The MM-IOVEC NS image (a build with PSA_FRAMEWORK_HAS_MM_IOVEC=ON): the
 * service of tests/partitions/mmiovec/ maps this client's vectors and uses
 * them in place; what it leaves mapped is released at its reply; and each
 * victim, breaking one rule, is stopped by the panic policy (under
 * `terminate`, its calls fail with PSA_ERROR_SERVICE_FAILURE while the
 * service keeps serving).
 */
#include <stdint.h>
#include <string.h>

#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/mmiovec/mmiovec_test.h"
#include "tests/regression/framework/test_framework.h"

static psa_handle_t open_service(void)
{
    return psa_connect(MMIOVEC_SERVICE_SID, MMIOVEC_SERVICE_VERSION);
}

static void t_copy_in_place(struct test_result_t *ret)
{
    psa_handle_t h = open_service();
    uint8_t in[12] = "mapped bytes";
    uint8_t out[16];
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) } };

    TEST_CHECK(h > 0, "connect");
    for (int round = 0; round < 2; round++) {
        memset(out, 0xEE, sizeof(out));
        ov[0].len = sizeof(out);
        psa_status_t st = psa_call(h, MMIOVEC_TYPE_COPY, iv, 1, ov, 1);

        TEST_CHECK(st == (psa_status_t)sizeof(in), "the service copied 12");
        TEST_CHECK(memcmp(out, in, sizeof(in)) == 0, "the bytes arrived");
        TEST_CHECK(out[12] == 0xEE, "nothing past them");
        TEST_CHECK(ov[0].len == sizeof(in), "the length is the unmap's");
    }
    psa_close(h);
}

static void t_reply_releases(struct test_result_t *ret)
{
    psa_handle_t h = open_service();
    uint8_t in[4] = { 1, 2, 3, 4 };
    uint8_t out[8];
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) } };

    TEST_CHECK(h > 0, "connect");
    memset(out, 0, sizeof(out));
    TEST_CHECK(psa_call(h, MMIOVEC_TYPE_KEEP, iv, 1, ov, 1) == PSA_SUCCESS,
               "a reply with both vectors still mapped");
    TEST_CHECK(memcmp(out, MMIOVEC_KEPT, 4) == 0,
               "written in place before the reply");
    TEST_CHECK(ov[0].len == 0, "never unmapped: 0 bytes written");
    /* Released: the next request on the connection maps them again. */
    ov[0].len = sizeof(out);
    TEST_CHECK(psa_call(h, MMIOVEC_TYPE_COPY, iv, 1, ov, 1) == 4,
               "the next request maps again");
    TEST_CHECK(ov[0].len == 4, "and unmaps with its length");
    psa_close(h);
}

static void t_unmap_length(struct test_result_t *ret)
{
    psa_handle_t h = open_service();
    uint8_t out[10];
    psa_outvec ov[] = { { out, sizeof(out) } };

    TEST_CHECK(h > 0, "connect");
    memset(out, 0, sizeof(out));
    TEST_CHECK(psa_call(h, MMIOVEC_TYPE_HALF, NULL, 0, ov, 1) == PSA_SUCCESS,
               "half");
    TEST_CHECK(ov[0].len == 5, "the client is told the unmapped length");
    TEST_CHECK(out[9] == 0x5A, "every mapped byte was writable");
    psa_close(h);
}

static void t_each_vector_its_own_way(struct test_result_t *ret)
{
    psa_handle_t h = open_service();
    char a[3] = { 'm', 'a', 'p' };
    char b[4] = { 'r', 'e', 'a', 'd' };
    char o0[7];
    char o1[5];
    psa_invec iv[] = { { a, sizeof(a) }, { b, sizeof(b) } };
    psa_outvec ov[] = { { o0, sizeof(o0) }, { o1, sizeof(o1) } };

    TEST_CHECK(h > 0, "connect");
    TEST_CHECK(psa_call(h, MMIOVEC_TYPE_MIXED, iv, 2, ov, 2) == PSA_SUCCESS,
               "mixed");
    TEST_CHECK(ov[0].len == 7 && memcmp(o0, "mapread", 7) == 0,
               "psa_write's outvec");
    TEST_CHECK(ov[1].len == 5 && memcmp(o1, "mapre", 5) == 0,
               "the mapped outvec");
    psa_close(h);
}

/* The victim of @p sid breaks its rule at its first request: stopped, its
 * calls fail, and the service still serves. */
static int victim_stopped(uint32_t sid)
{
    psa_handle_t v = psa_connect(sid, 1);
    uint8_t in[4] = { 1, 2, 3, 4 };
    uint8_t out[4];
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) } };
    psa_handle_t h;
    psa_status_t first;
    psa_status_t again;
    int served;

    if (v <= 0) {
        return 0;
    }
    first = psa_call(v, PSA_IPC_CALL, iv, 1, ov, 1);
    again = psa_call(v, PSA_IPC_CALL, iv, 1, ov, 1);
    psa_close(v);
    h = open_service();
    ov[0].len = sizeof(out);
    served = h > 0 && psa_call(h, MMIOVEC_TYPE_COPY, iv, 1, ov, 1) == 4 &&
             memcmp(in, out, sizeof(in)) == 0;
    psa_close(h);
    return first == PSA_ERROR_SERVICE_FAILURE &&
           again == PSA_ERROR_SERVICE_FAILURE && served &&
           psa_connect(sid, 1) == PSA_ERROR_CONNECTION_REFUSED;
}

#define VICTIM(name, what)                                        \
    static void t_##name(struct test_result_t *ret)               \
    {                                                             \
        TEST_CHECK(victim_stopped(VICTIM_MM_##name##_SID), what); \
    }

VICTIM(READ_AFTER_MAP, "psa_read of a mapped invec")
VICTIM(MAP_AFTER_READ, "psa_map_invec after psa_read")
VICTIM(UNMAP_TWICE, "psa_unmap_invec twice")
VICTIM(UNMAP_OVER, "psa_unmap_outvec one byte past the outvec")
VICTIM(WRITE_AFTER_MAP, "psa_write to a mapped outvec")
VICTIM(NOT_ENABLED, "psa_map_invec by a service without mm_iovec")
VICTIM(MAP_EMPTY, "psa_map_invec of an empty vector")
VICTIM(MAP_TWICE, "psa_map_outvec twice")

/*
 * The boundary cases (isolation levels 2 and 3): the client's buffers are
 * each in a 32-byte granule of its own, so that a mapped vector takes an
 * MPU slot of its own, and stay where they are between the two requests
 * (at level 1, where every buffer is reachable, the victims' accesses
 * succeed). On the stack: the hosted NS side's memory is its stack.
 */
#define BOUNDARY (MMIOVEC_ISOLATION_LEVEL > 1)

/* True if the service still serves a copy. */
static int service_serves(void)
{
    psa_handle_t h = open_service();
    uint8_t in[4] = { 5, 6, 7, 8 };
    uint8_t out[4] = { 0 };
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) } };
    int served = h > 0 && psa_call(h, MMIOVEC_TYPE_COPY, iv, 1, ov, 1) == 4 &&
                 memcmp(in, out, sizeof(in)) == 0;

    psa_close(h);
    return served;
}

/*
 * Two requests with @p nin invecs (granules 0, 1, 2) to the victim of
 * @p sid, which breaks its boundary at request @p nth (1 or 2). Levels 2
 * and 3: that request and the next fail, the victim is stopped, the
 * service still serves. Level 1: both succeed.
 */
static int boundary_stop(uint32_t sid, size_t nin, int nth)
{
    uint8_t granules[3][64] __attribute__((aligned(32)));
    psa_invec iv[3];
    psa_handle_t v = psa_connect(sid, 1);
    psa_status_t s[2];

    for (size_t i = 0; i < 3u; i++) {
        granules[i][0] = (uint8_t)(0x10u + i);
        iv[i].base = granules[i];
        iv[i].len = 4u;
    }
    if (v <= 0) {
        return 0;
    }
    s[0] = psa_call(v, PSA_IPC_CALL, iv, nin, NULL, 0);
    s[1] = psa_call(v, PSA_IPC_CALL, iv, nin, NULL, 0);
    psa_close(v);
    if (!BOUNDARY) {
        return s[0] == PSA_SUCCESS && s[1] == PSA_SUCCESS;
    }
    return s[0] == (nth == 1 ? PSA_ERROR_SERVICE_FAILURE : PSA_SUCCESS) &&
           s[1] == PSA_ERROR_SERVICE_FAILURE && service_serves() &&
           psa_connect(sid, 1) == PSA_ERROR_CONNECTION_REFUSED;
}

static void t_third_map(struct test_result_t *ret)
{
    TEST_CHECK(boundary_stop(VICTIM_MM_THIRD_MAP_SID, 3u, 1),
               "a third mapped vector: no MPU slot left, the service "
               "panics (levels 2, 3)");
}

static void t_write_invec(struct test_result_t *ret)
{
    TEST_CHECK(boundary_stop(VICTIM_MM_WRITE_INVEC_SID, 1u, 1),
               "a mapped invec is read-only for its service (levels 2, 3)");
}

static void t_after_unmap(struct test_result_t *ret)
{
    TEST_CHECK(boundary_stop(VICTIM_MM_AFTER_UNMAP_SID, 1u, 1),
               "an unmapped invec is out of reach (levels 2, 3)");
}

static void t_after_reply(struct test_result_t *ret)
{
    TEST_CHECK(boundary_stop(VICTIM_MM_AFTER_REPLY_SID, 1u, 2),
               "an invec left mapped is out of reach after the reply "
               "(levels 2, 3)");
}

static const struct test_t mmiovec_tests[] = {
    { t_copy_in_place, "copy_in_place", "map, use in place, unmap" },
    { t_reply_releases, "reply_releases", "the reply unmaps what is left" },
    { t_unmap_length, "unmap_length", "the unmap's length is reported" },
    { t_each_vector_its_own_way, "each_vector_its_own_way",
      "mapped and copied vectors in one request" },
    { t_READ_AFTER_MAP, "victim_read_after_map", "read after map" },
    { t_MAP_AFTER_READ, "victim_map_after_read", "map after read" },
    { t_UNMAP_TWICE, "victim_unmap_twice", "unmap twice" },
    { t_UNMAP_OVER, "victim_unmap_over", "unmap past the size" },
    { t_WRITE_AFTER_MAP, "victim_write_after_map", "write after map" },
    { t_NOT_ENABLED, "victim_not_enabled", "map without mm_iovec" },
    { t_MAP_EMPTY, "victim_map_empty", "map an empty vector" },
    { t_MAP_TWICE, "victim_map_twice", "map twice" },
    { t_third_map, "boundary_third_map", "two mapped vectors at most" },
    { t_write_invec, "boundary_write_invec", "a mapped invec is read-only" },
    { t_after_unmap, "boundary_after_unmap", "gone after the unmap" },
    { t_after_reply, "boundary_after_reply", "gone after the reply" },
};

int ns_main(void)
{
    struct tf_totals totals = { 0u, 0u };

    tf_run_suite("ns_mmiovec", mmiovec_tests,
                 sizeof(mmiovec_tests) / sizeof(mmiovec_tests[0]), &totals);
    tf_log("NS suites: %u passed, %u failed\r\n", (unsigned)totals.passed,
           (unsigned)totals.failed);
    return totals.failed == 0u ? 0 : 1;
}
