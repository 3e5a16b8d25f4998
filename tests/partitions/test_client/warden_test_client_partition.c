/*
 * TEST_S_SUITE: the secure regression suite, run inside a partition so that
 * the client API is exercised by a secure caller. Returns the number of
 * failed tests (the results are printed on the secure console).
 */
#include <string.h>

#include "psa/client.h"
#include "psa/service.h"
#include "psa_manifest/pid.h"
#include "psa_manifest/sid.h"
#include "psa_manifest/warden_test_client_partition.h"
#include "tests/regression/framework/test_framework.h"
#include "tests/partitions/test/warden_test_service.h"

static void s_framework_version(struct test_result_t *ret)
{
    TEST_CHECK(psa_framework_version() == PSA_FRAMEWORK_VERSION,
               "framework version");
}

static void s_version_of_dependency(struct test_result_t *ret)
{
    TEST_CHECK(psa_version(TEST_CONN_SID) == TEST_CONN_VERSION,
               "version of a dependency");
    TEST_CHECK(psa_version(TEST_SECURE_ONLY_SID) == TEST_SECURE_ONLY_VERSION,
               "version of a secure-only dependency");
}

static void s_version_not_dependency(struct test_result_t *ret)
{
    TEST_CHECK(psa_version(ROT_A_SID) == PSA_VERSION_NONE,
               "a service outside dependencies must be invisible");
    TEST_CHECK(psa_version(0x0BADBEEFu) == PSA_VERSION_NONE, "unknown SID");
}

static void s_connect_call_close(struct test_result_t *ret)
{
    char in[] = "secure echo";
    char out[sizeof(in)] = { 0 };
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) } };
    psa_handle_t h = psa_connect(TEST_CONN_SID, TEST_CONN_VERSION);
    psa_status_t st;

    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "connect");
    st = psa_call(h, TEST_TYPE_ECHO, iv, 1, ov, 1);
    psa_close(h);
    TEST_CHECK(st == (psa_status_t)sizeof(in), "echo status");
    TEST_CHECK(ov[0].len == sizeof(in), "written length");
    TEST_CHECK(memcmp(in, out, sizeof(in)) == 0, "echo data");
}

static void s_client_id_is_pid(struct test_result_t *ret)
{
    int32_t id = 0;
    psa_outvec ov[] = { { &id, sizeof(id) } };
    psa_status_t st =
        psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_CLIENT_ID, NULL, 0, ov, 1);

    TEST_CHECK(st == PSA_SUCCESS, "call");
    TEST_CHECK(id == WARDEN_SP_TEST_CLIENT, "client_id must be the PID");
}

static void s_stateless_secure_only(struct test_result_t *ret)
{
    uint32_t v = 0x12345678u;
    uint32_t back = 0;
    psa_invec iv[] = { { &v, sizeof(v) } };
    psa_outvec ov[] = { { &back, sizeof(back) } };
    psa_status_t st =
        psa_call(TEST_SECURE_ONLY_HANDLE, TEST_TYPE_ECHO, iv, 1, ov, 1);

    TEST_CHECK(st == (psa_status_t)sizeof(v), "secure-only stateless call");
    TEST_CHECK(back == v, "echo");
}

static void s_rhandle(struct test_result_t *ret)
{
    psa_handle_t h = psa_connect(TEST_CONN_SID, 1);
    psa_status_t a;
    psa_status_t b;

    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "connect (RELAXED, older version)");
    a = psa_call(h, TEST_TYPE_RHANDLE, NULL, 0, NULL, 0);
    b = psa_call(h, TEST_TYPE_RHANDLE, NULL, 0, NULL, 0);
    psa_close(h);
    TEST_CHECK(a == 1 && b == 2, "rhandle follows the connection");
}

static void s_service_status(struct test_result_t *ret)
{
    int32_t want = -1000;
    psa_invec iv[] = { { &want, sizeof(want) } };

    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_STATUS, iv, 1, NULL,
                        0) == want,
               "a service's own error status reaches the client");
}

static void s_secure_only_connection(struct test_result_t *ret)
{
    psa_handle_t h =
        psa_connect(TEST_SECURE_CONN_SID, TEST_SECURE_CONN_VERSION);
    int32_t id = 0;
    psa_outvec ov[] = { { &id, sizeof(id) } };
    psa_status_t st;

    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "connect to a secure-only service");
    st = psa_call(h, TEST_TYPE_CLIENT_ID, NULL, 0, ov, 1);
    psa_close(h);
    TEST_CHECK(st == PSA_SUCCESS && id == WARDEN_SP_TEST_CLIENT,
               "call on it, as this partition");
}

static const struct test_t s_tests[] = {
    { s_framework_version, "TEST_S_1001", "framework version" },
    { s_version_of_dependency, "TEST_S_1002", "psa_version of dependencies" },
    { s_version_not_dependency, "TEST_S_1003",
      "psa_version outside dependencies" },
    { s_connect_call_close, "TEST_S_1004", "connect, call, close" },
    { s_client_id_is_pid, "TEST_S_1005", "client_id of a secure caller" },
    { s_stateless_secure_only, "TEST_S_1006", "secure-only stateless service" },
    { s_rhandle, "TEST_S_1007", "rhandle across calls" },
    { s_service_status, "TEST_S_1008", "service status passes through" },
    { s_secure_only_connection, "TEST_S_1009", "secure-only connection" },
};

psa_status_t test_s_suite_sfn(const psa_msg_t *msg)
{
    struct tf_totals totals = { 0u, 0u };

    (void)msg;
    tf_run_suite("secure", s_tests, sizeof(s_tests) / sizeof(s_tests[0]),
                 &totals);
    return (psa_status_t)totals.failed;
}
