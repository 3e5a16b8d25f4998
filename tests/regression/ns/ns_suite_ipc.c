/*
 * NS suite of the IPC backend: IPC-model partitions, rhandle, nested calls,
 * doorbells and priorities, and the `terminate` policy: each misuse stops
 * only the partition that made it.
 */
#include <string.h>

#include "tests/partitions/ipc_test/ipc_test.h"
#include "ns_suites.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"

static void t_ipc_connection(struct test_result_t *ret)
{
    char in[] = "ipc";
    char out[8] = { 0 };
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) } };
    psa_handle_t h = psa_connect(IPC_ECHO_SID, IPC_ECHO_VERSION);
    psa_status_t echo;
    psa_status_t c1;
    psa_status_t c2;

    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "connect to an IPC-model service");
    echo = psa_call(h, IPC_TYPE_ECHO, iv, 1, ov, 1);
    c1 = psa_call(h, IPC_TYPE_COUNT, NULL, 0, NULL, 0);
    c2 = psa_call(h, IPC_TYPE_COUNT, NULL, 0, NULL, 0);
    psa_close(h);
    TEST_CHECK(echo == (psa_status_t)sizeof(in) && ov[0].len == sizeof(in) &&
                   memcmp(in, out, sizeof(in)) == 0,
               "echo through psa_get/psa_read/psa_write/psa_reply");
    TEST_CHECK(c1 == 1 && c2 == 2, "rhandle delivered on later messages");
}

static void t_ipc_stateless(struct test_result_t *ret)
{
    uint32_t v = 0xA5A55A5Au;
    uint32_t back = 0;
    psa_invec iv[] = { { &v, sizeof(v) } };
    psa_outvec ov[] = { { &back, sizeof(back) } };

    TEST_CHECK(psa_call(IPC_STATELESS_HANDLE, IPC_TYPE_ECHO, iv, 1, ov, 1) ==
                       (psa_status_t)sizeof(v) &&
                   back == v,
               "stateless IPC service, no rhandle");
}

static void t_ipc_nested(struct test_result_t *ret)
{
    int32_t v = 234;
    psa_invec iv[] = { { &v, sizeof(v) } };

    TEST_CHECK(psa_call(IPC_NESTED_HANDLE, 0, iv, 1, NULL, 0) == 1234,
               "a service answering with a call of its own");
}

static void t_ipc_doorbell_priority(struct test_result_t *ret)
{
    psa_status_t before =
        psa_call(IPC_HIGH_SVC_HANDLE, IPC_HIGH_DOORBELLS, NULL, 0, NULL, 0);
    psa_status_t preempted = psa_call(IPC_RING_HANDLE, 0, NULL, 0, NULL, 0);
    psa_status_t after =
        psa_call(IPC_HIGH_SVC_HANDLE, IPC_HIGH_DOORBELLS, NULL, 0, NULL, 0);

    TEST_CHECK(after == before + 1, "psa_notify rang the doorbell once");
    TEST_CHECK(preempted == 1,
               "the HIGH partition ran before psa_notify returned");
}

/* A victim must fail the request it broke, stay stopped, and leave every
 * other partition serving. */
int victim_stopped(psa_handle_t victim)
{
    uint8_t out[4] = { 0 };
    uint8_t in[4] = { 1, 2, 3, 4 };
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) } };
    psa_status_t first = psa_call(victim, 0, iv, 1, ov, 1);
    psa_status_t again = psa_call(victim, 0, iv, 1, ov, 1);

    psa_outvec ov2[] = { { out, sizeof(out) } };

    return first == PSA_ERROR_SERVICE_FAILURE &&
           again == PSA_ERROR_SERVICE_FAILURE && ns_good_call_ok() &&
           psa_call(IPC_STATELESS_HANDLE, IPC_TYPE_ECHO, iv, 1, ov2, 1) == 4 &&
           memcmp(in, out, sizeof(in)) == 0;
}

static void t_victim_get(struct test_result_t *ret)
{
    TEST_CHECK(victim_stopped(VICTIM_GET_HANDLE),
               "psa_get of a signal not asserted");
}

static void t_victim_reply(struct test_result_t *ret)
{
    TEST_CHECK(victim_stopped(VICTIM_REPLY_HANDLE),
               "psa_reply with a bad handle");
}

static void t_victim_read(struct test_result_t *ret)
{
    TEST_CHECK(victim_stopped(VICTIM_READ_HANDLE), "psa_read of invec 5");
}

static void t_victim_write(struct test_result_t *ret)
{
    TEST_CHECK(victim_stopped(VICTIM_WRITE_HANDLE),
               "psa_write past the outvec");
}

static void t_victim_wait(struct test_result_t *ret)
{
    TEST_CHECK(victim_stopped(VICTIM_WAIT_HANDLE),
               "psa_wait on signals it does not own");
}

static void t_victim_panic(struct test_result_t *ret)
{
    TEST_CHECK(victim_stopped(VICTIM_PANIC_HANDLE), "psa_panic()");
}

static const struct test_t ipc_tests[] = {
    { t_ipc_connection, "TEST_NS_IPC_1001", "IPC-model connection, rhandle" },
    { t_ipc_stateless, "TEST_NS_IPC_1002", "IPC-model stateless service" },
    { t_ipc_nested, "TEST_NS_IPC_1003", "nested calls" },
    { t_ipc_doorbell_priority, "TEST_NS_IPC_1004", "doorbell and priority" },
};

static const struct test_t terminate_tests[] = {
    { t_victim_get, "TEST_NS_TERM_1001", "psa_get misuse" },
    { t_victim_reply, "TEST_NS_TERM_1002", "psa_reply misuse" },
    { t_victim_read, "TEST_NS_TERM_1003", "psa_read misuse" },
    { t_victim_write, "TEST_NS_TERM_1004", "psa_write misuse" },
    { t_victim_wait, "TEST_NS_TERM_1005", "psa_wait misuse" },
    { t_victim_panic, "TEST_NS_TERM_1006", "psa_panic" },
};

static const struct ns_suite ipc_suite = {
    "ns_ipc", ipc_tests, sizeof(ipc_tests) / sizeof(ipc_tests[0])
};
static const struct ns_suite terminate_suite = {
    "ns_terminate", terminate_tests,
    sizeof(terminate_tests) / sizeof(terminate_tests[0])
};

const struct ns_suite *const ns_backend_suites[] = {
    &ipc_suite,
    &terminate_suite,
    &ns_ipc_target_suite,
};
const size_t ns_backend_suite_count =
    sizeof(ns_backend_suites) / sizeof(ns_backend_suites[0]);
