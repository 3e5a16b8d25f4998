/* NS suite: the client API used correctly. */
#include <string.h>

#include "ns_suites.h"
#include "psa/client.h"
#include "psa/lifecycle.h"
#include "psa/service.h"
#include "psa_manifest/sid.h"
#include "warden/config.h"
#include "tests/partitions/test/warden_test_service.h"

int ns_good_call_ok(void)
{
    uint8_t in[4] = { 1, 2, 3, 4 };
    uint8_t out[4] = { 0 };
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) } };

    return psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_ECHO, iv, 1, ov, 1) == 4 &&
           ov[0].len == 4u && memcmp(in, out, 4) == 0;
}

static void t_framework_version(struct test_result_t *ret)
{
    TEST_CHECK(psa_framework_version() == 0x0101u, "framework version");
}

static void t_version(struct test_result_t *ret)
{
    TEST_CHECK(psa_version(ROT_A_SID) == ROT_A_VERSION, "ROT_A version");
    TEST_CHECK(psa_version(TEST_CONN_SID) == 2u, "TEST_CONN version");
    TEST_CHECK(psa_version(TEST_STATELESS_SID) == 1u, "stateless version");
}

static void t_rot_a_hello(struct test_result_t *ret)
{
    char str1[] = "str1";
    char str2[] = "str2";
    char str3[128] = { 0 };
    char str4[128] = { 0 };
    psa_invec invecs[2] = { { str1, sizeof(str1) }, { str2, sizeof(str2) } };
    psa_outvec outvecs[2] = { { str3, sizeof(str3) }, { str4, sizeof(str4) } };
    psa_handle_t handle = psa_connect(ROT_A_SID, ROT_A_VERSION);
    psa_status_t status;

    TEST_CHECK(PSA_HANDLE_IS_VALID(handle), "connect ROT_A");
    status = psa_call(handle, PSA_IPC_CALL, invecs, 2, outvecs, 2);
    psa_close(handle);
    TEST_CHECK(status == PSA_SUCCESS, "call ROT_A");
    TEST_CHECK(strcmp(str3, "Hello World") == 0, "outvec 0");
    TEST_CHECK(strcmp(str4, "Hello World") == 0, "outvec 1");
    TEST_CHECK(outvecs[0].len == 12u && outvecs[1].len == 12u,
               "written lengths");
}

static void t_client_id(struct test_result_t *ret)
{
    int32_t id = 0;
    psa_outvec ov[] = { { &id, sizeof(id) } };

    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_CLIENT_ID, NULL, 0, ov,
                        1) == PSA_SUCCESS,
               "call");
    TEST_CHECK(id == (int32_t)0xC4000000, "NSID -1 as client ID 0xC4000000");
}

static void t_sizes(struct test_result_t *ret)
{
    uint8_t a[3];
    uint8_t b[5];
    uint32_t out[8] = { 0 };
    psa_invec iv[] = { { a, sizeof(a) }, { b, sizeof(b) } };
    psa_outvec ov[] = { { out, sizeof(out) } };

    memset(a, 0, sizeof(a));
    memset(b, 0, sizeof(b));
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_SIZES, iv, 2, ov, 1) ==
                   PSA_SUCCESS,
               "call");
    TEST_CHECK(out[0] == 3u && out[1] == 5u && out[2] == 0u && out[3] == 0u,
               "in_size");
    TEST_CHECK(out[4] == sizeof(out) && out[5] == 0u, "out_size");
}

static void t_read_skip(struct test_result_t *ret)
{
    char in[] = "xxabcdefg";
    char out[16] = { 0 };
    psa_invec iv[] = { { in, 9 } };
    psa_outvec ov[] = { { out, sizeof(out) } };

    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_CHUNKS, iv, 1, ov,
                        1) == PSA_SUCCESS,
               "call");
    TEST_CHECK(ov[0].len == 7u && memcmp(out, "abcdefg", 7) == 0,
               "skip 2 then read in 3-byte chunks");
}

static void t_four_vectors(struct test_result_t *ret)
{
    uint8_t a[16];
    uint8_t b[16];
    uint8_t c[16] = { 0 };
    uint8_t d[16] = { 0 };
    psa_invec iv[] = { { a, sizeof(a) }, { b, sizeof(b) } };
    psa_outvec ov[] = { { c, sizeof(c) }, { d, 8 } };

    memset(a, 0xA5, sizeof(a));
    memset(b, 0x5A, sizeof(b));
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_ECHO, iv, 2, ov, 2) ==
                   24,
               "echo of 2 in + 2 out");
    TEST_CHECK(ov[0].len == 16u && ov[1].len == 8u, "written lengths");
    TEST_CHECK(memcmp(a, c, 16) == 0 && memcmp(b, d, 8) == 0, "data");
}

static void t_rhandle(struct test_result_t *ret)
{
    psa_handle_t h = psa_connect(TEST_CONN_SID, 2);
    uint32_t has = 7;
    psa_outvec ov[] = { { &has, sizeof(has) } };
    psa_status_t a;
    psa_status_t b;

    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "connect");
    a = psa_call(h, TEST_TYPE_RHANDLE, NULL, 0, NULL, 0);
    b = psa_call(h, TEST_TYPE_RHANDLE, NULL, 0, NULL, 0);
    psa_close(h);
    TEST_CHECK(a == 1 && b == 2, "rhandle delivered on later messages");
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_HAS_RHANDLE, NULL, 0,
                        ov, 1) == PSA_SUCCESS &&
                   has == 0u,
               "stateless messages have no rhandle");
}

static void t_service_status(struct test_result_t *ret)
{
    int32_t want[] = { -1, -128, -300, 5 };

    for (unsigned i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        psa_invec iv[] = { { &want[i], sizeof(want[i]) } };

        TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_STATUS, iv, 1,
                            NULL, 0) == want[i],
                   "service status passes through unchanged");
    }
}

static void t_init_ran(struct test_result_t *ret)
{
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_INIT_RAN, NULL, 0,
                        NULL, 0) == 1,
               "entry_init ran at boot");
}

static void t_lifecycle(struct test_result_t *ret)
{
    psa_status_t st =
        psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_LIFECYCLE, NULL, 0, NULL, 0);
    uint32_t psa_state = (uint32_t)st & PSA_LIFECYCLE_PSA_STATE_MASK;

    TEST_CHECK(st >= 0 && psa_state <= PSA_LIFECYCLE_DECOMMISSIONED,
               "a PSA lifecycle state");
}

static void t_refused_connect(struct test_result_t *ret)
{
    TEST_CHECK(psa_connect(TEST_REFUSE_SID, 1) == PSA_ERROR_CONNECTION_REFUSED,
               "the service refused");
    TEST_CHECK(ns_good_call_ok(), "good call after");
}

static void t_connection_busy(struct test_result_t *ret)
{
    psa_handle_t h[WARDEN_CONN_MAX];
    psa_handle_t extra;
    int all_ok = 1;

    for (unsigned i = 0; i < WARDEN_CONN_MAX; i++) {
        h[i] = psa_connect(TEST_CONN_SID, 2);
        all_ok &= PSA_HANDLE_IS_VALID(h[i]);
    }
    extra = psa_connect(TEST_CONN_SID, 2);
    for (unsigned i = 0; i < WARDEN_CONN_MAX; i++) {
        psa_close(h[i]);
    }
    TEST_CHECK(all_ok, "every slot connects");
    TEST_CHECK(extra == PSA_ERROR_CONNECTION_BUSY, "one more is busy");
    h[0] = psa_connect(TEST_CONN_SID, 2);
    TEST_CHECK(PSA_HANDLE_IS_VALID(h[0]), "slots come back after close");
    psa_close(h[0]);
}

static void t_empty_vectors(struct test_result_t *ret)
{
    psa_invec iv[] = { { NULL, 0 } };
    psa_outvec ov[] = { { NULL, 0 } };

    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_ECHO, iv, 1, ov, 1) ==
                   0,
               "NULL base with length 0 is allowed");
    TEST_CHECK(ov[0].len == 0u, "nothing written");
}

static void t_close_null(struct test_result_t *ret)
{
    psa_close(PSA_NULL_HANDLE);
    TEST_CHECK(ns_good_call_ok(), "psa_close(PSA_NULL_HANDLE) is a no-op");
}

/* Descriptor arrays at odd addresses: read and written back bytewise by
 * the SPM, never an alignment fault on the secure side. */
static void t_misaligned_descriptors(struct test_result_t *ret)
{
    uint8_t raw[2 * sizeof(psa_invec) + 1] __attribute__((aligned(8)));
    uint8_t in[6] = { 1, 2, 3, 4, 5, 6 };
    uint8_t out[8] = { 0 };
    psa_invec iv = { in, sizeof(in) };
    psa_outvec ov = { out, sizeof(out) };
    psa_outvec back;
    psa_status_t st;

    memcpy(&raw[1], &iv, sizeof(iv));
    memcpy(&raw[1 + sizeof(iv)], &ov, sizeof(ov));
    st = psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_ECHO,
                  (const psa_invec *)(void *)&raw[1], 1,
                  (psa_outvec *)(void *)&raw[1 + sizeof(iv)], 1);
    memcpy(&back, &raw[1 + sizeof(iv)], sizeof(back));
    TEST_CHECK(st == 6, "echo through misaligned descriptor arrays");
    TEST_CHECK(back.len == 6u && memcmp(in, out, 6) == 0,
               "length written back, data echoed");
}

/* NS memory besides the stack, as any NS program has it. */
static const uint8_t ns_rodata[16] = "NS read-only";
static uint8_t ns_data[16] = "NS data";
static uint8_t ns_bss[16];

/* The bytes of @p in, echoed into @p out (both NS memory of any kind). */
static int echoed(const void *in, void *out, size_t len)
{
    psa_invec iv[] = { { in, len } };
    psa_outvec ov[] = { { out, len } };

    return psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_ECHO, iv, 1, ov, 1) ==
               (psa_status_t)len &&
           memcmp(in, out, len) == 0;
}

static void t_ns_image_memory(struct test_result_t *ret)
{
    static const char literal[] = "a string literal";
    uint8_t stack[16] = { 0 };

    TEST_CHECK(echoed("Hello, secure side", stack, 16),
               "invec: a string literal");
    TEST_CHECK(echoed(literal, ns_bss, 16), "invec: read-only data; "
                                            "outvec: bss");
    TEST_CHECK(echoed(ns_data, stack, 16), "invec: data");
    (void)memset(ns_bss, 0x5A, sizeof(ns_bss));
    TEST_CHECK(echoed(ns_bss, ns_data, 16), "invec: bss; outvec: data");
    TEST_CHECK(echoed(ns_rodata, stack, 16), "invec: a const global");
}

static void t_secure_memory_refused(struct test_result_t *ret)
{
    uintptr_t s[3] = { 0 };
    psa_outvec ov[] = { { s, sizeof(s) } };
    uint8_t buf[16] = { 0 };
    static const char *const what[] = { "secure read-only data", "secure data",
                                        "secure bss" };

    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_SECURE_ADDRESSES, NULL,
                        0, ov, 1) == PSA_SUCCESS,
               "the secure side's addresses");
    for (size_t i = 0; i < 3u; i++) {
        psa_invec bad_in[] = { { (const void *)s[i], sizeof(buf) } };
        psa_outvec bad_out[] = { { (void *)s[i], sizeof(buf) } };
        psa_invec iv[] = { { buf, sizeof(buf) } };
        psa_outvec out[] = { { buf, sizeof(buf) } };

        if (psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_ECHO, bad_in, 1, out,
                     1) != PSA_ERROR_PROGRAMMER_ERROR ||
            psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_ECHO, iv, 1, bad_out,
                     1) != PSA_ERROR_PROGRAMMER_ERROR) {
            TEST_LOG("  %s at 0x%lx\r\n", what[i], (unsigned long)s[i]);
            TEST_FAIL("a vector in secure memory was not refused");
        }
    }
    TEST_CHECK(ns_good_call_ok(), "a good call after");
}

static const struct test_t tests[] = {
    { t_framework_version, "TEST_NS_1001", "framework version" },
    { t_version, "TEST_NS_1002", "psa_version" },
    { t_rot_a_hello, "TEST_NS_1003", "ROT_A says Hello World" },
    { t_client_id, "TEST_NS_1004", "client ID of NS callers" },
    { t_sizes, "TEST_NS_1005", "in_size/out_size" },
    { t_read_skip, "TEST_NS_1006", "psa_read/psa_skip continue" },
    { t_four_vectors, "TEST_NS_1007", "four vectors" },
    { t_rhandle, "TEST_NS_1008", "rhandle" },
    { t_service_status, "TEST_NS_1009", "service status" },
    { t_init_ran, "TEST_NS_1010", "entry_init at boot" },
    { t_lifecycle, "TEST_NS_1011", "lifecycle state" },
    { t_refused_connect, "TEST_NS_1012", "refused connection" },
    { t_connection_busy, "TEST_NS_1013", "connection slots exhausted" },
    { t_empty_vectors, "TEST_NS_1014", "empty vectors" },
    { t_close_null, "TEST_NS_1015", "close of the null handle" },
    { t_misaligned_descriptors, "TEST_NS_1016", "misaligned descriptors" },
    { t_ns_image_memory, "TEST_NS_1017",
      "vectors in NS read-only data, data and bss" },
    { t_secure_memory_refused, "TEST_NS_1018",
      "vectors in the secure side's read-only data, data and bss" },
};

void ns_suite_client_api(struct tf_totals *totals)
{
    tf_run_suite("ns_client_api", tests, sizeof(tests) / sizeof(tests[0]),
                 totals);
}
