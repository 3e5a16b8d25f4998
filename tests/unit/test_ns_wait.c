/*
 * ns/psa_api_ns.c's waits (include/warden/ns_wait.h): a connect, call or
 * close refused with WARDEN_STATUS_PARTITION_BUSY is made again after each
 * warden_ns_wait_secure() that waited, and ends PSA_ERROR_CONNECTION_BUSY
 * after one that could not; every other status, a service's negative ones
 * among them, comes back at once. The veneers and the RTOS wait are this
 * file's (scripted); test_ns_wait_default links ns/ns_wait_default.c's
 * weak wait instead (NS_WAIT_DEFAULT).
 */
#include <stdbool.h>

#include "psa/client.h"
#include "tfm_veneers.h"
#include "warden_ns_completion.h"
#include "unit.h"
#include "warden/ns_wait.h"

#define BUSY WARDEN_STATUS_PARTITION_BUSY

/* What the next veneer calls return, in order; then 0. */
static psa_status_t script[8];
static unsigned nscript, tries;
static unsigned waits;
static bool can_wait;

static psa_status_t next(void)
{
    return tries < nscript ? script[tries++] : (tries++, PSA_SUCCESS);
}

static void play(unsigned n, const psa_status_t *s)
{
    for (unsigned i = 0; i < n; i++) {
        script[i] = s[i];
    }
    nscript = n;
    tries = 0u;
    waits = 0u;
}

/* The completion path (ns/ns_completion.c, linked with the library): no
 * call here is deferred, so none of its veneers may be called. */
uint32_t warden_ns_completion_enable(uint32_t on)
{
    (void)on;
    fail_msg("warden_ns_completion_enable() called");
    return 0u;
}

uint32_t warden_ns_completion_take(void)
{
    fail_msg("warden_ns_completion_take() called");
    return 0u;
}

psa_status_t warden_ns_completion_finish(void)
{
    fail_msg("warden_ns_completion_finish() called");
    return PSA_ERROR_PROGRAMMER_ERROR;
}

uint32_t tfm_psa_framework_version_veneer(void)
{
    return (uint32_t)next();
}

uint32_t tfm_psa_version_veneer(uint32_t sid)
{
    (void)sid;
    return (uint32_t)next();
}

psa_handle_t tfm_psa_connect_veneer(uint32_t sid, uint32_t version)
{
    (void)sid;
    (void)version;
    return next();
}

psa_status_t tfm_psa_call_veneer(psa_handle_t handle, uint32_t ctrl_param,
                                 const psa_invec *in_vec, psa_outvec *out_vec)
{
    (void)handle;
    (void)ctrl_param;
    (void)in_vec;
    (void)out_vec;
    return next();
}

psa_status_t tfm_psa_close_veneer(psa_handle_t handle)
{
    (void)handle;
    return next();
}

#ifndef NS_WAIT_DEFAULT
bool warden_ns_wait_secure(void)
{
    if (can_wait) {
        waits++;
    }
    return can_wait;
}

static void test_call_waits_until_served(void **state)
{
    (void)state;
    can_wait = true;
    play(3, (psa_status_t[]){ BUSY, BUSY, 7 });
    assert_int_equal(psa_call(5, PSA_IPC_CALL, NULL, 0, NULL, 0), 7);
    assert_int_equal(tries, 3);
    assert_int_equal(waits, 2);
}

static void test_connect_and_close_wait(void **state)
{
    (void)state;
    can_wait = true;
    play(2, (psa_status_t[]){ BUSY, 0x40000101 });
    assert_int_equal(psa_connect(0x1000u, 1u), 0x40000101);
    assert_int_equal(tries, 2);
    assert_int_equal(waits, 1);
    play(4, (psa_status_t[]){ BUSY, BUSY, BUSY, PSA_SUCCESS });
    psa_close(0x40000101);
    assert_int_equal(tries, 4);
    assert_int_equal(waits, 3);
}

static void test_no_wait_is_busy(void **state)
{
    (void)state;
    can_wait = false;
    play(2, (psa_status_t[]){ BUSY, 7 });
    assert_int_equal(psa_call(5, PSA_IPC_CALL, NULL, 0, NULL, 0),
                     PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(tries, 1);
    play(2, (psa_status_t[]){ BUSY, 7 });
    assert_int_equal(psa_connect(0x1000u, 1u), PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(tries, 1);
    play(2, (psa_status_t[]){ BUSY, 7 });
    psa_close(0x40000101);
    assert_int_equal(tries, 1);
}

/* Only the refusal is tried again: a service's statuses, its neighbours'
 * values and the old busy come back after one try. */
static void test_other_statuses_once(void **state)
{
    const psa_status_t others[] = { PSA_ERROR_CONNECTION_BUSY,
                                    PSA_ERROR_SERVICE_FAILURE,
                                    BUSY - 1,
                                    BUSY + 1,
                                    -(BUSY),
                                    PSA_ERROR_PROGRAMMER_ERROR };

    (void)state;
    can_wait = true;
    for (unsigned i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
        play(2, (psa_status_t[]){ others[i], 7 });
        assert_int_equal(psa_call(5, PSA_IPC_CALL, NULL, 0, NULL, 0),
                         others[i]);
        assert_int_equal(tries, 1);
        assert_int_equal(waits, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_call_waits_until_served),
        cmocka_unit_test(test_connect_and_close_wait),
        cmocka_unit_test(test_no_wait_is_busy),
        cmocka_unit_test(test_other_statuses_once),
    };
    return cmocka_run_group_tests_name("ns_wait", tests, NULL, NULL);
}
#else
/* The library's weak wait: no wait, the refusal ends as busy. */
static void test_default_does_not_wait(void **state)
{
    (void)state;
    play(2, (psa_status_t[]){ BUSY, 7 });
    assert_int_equal(psa_call(5, PSA_IPC_CALL, NULL, 0, NULL, 0),
                     PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(tries, 1);
    assert_false(warden_ns_wait_secure());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_does_not_wait),
    };
    (void)can_wait;
    (void)waits;
    return cmocka_run_group_tests_name("ns_wait_default", tests, NULL, NULL);
}
#endif
