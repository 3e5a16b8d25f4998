/*
 * spm/ns_agent.c: the veneers' way in. Decoding of the packed control word,
 * refusal of NS re-entry while a secure partition runs, and spm_main().
 */
#include "psa/service.h"
#include "spm/backend.h"
#include "spm/handle.h"
#include "spm/ns_agent.h"
#include "spm/nsce/ns_client.h"
#include "spm/nsce/nsce.h"
#include "tfm_ns_client_ext.h"
#include "tfm_psa_call_pack.h"
#include "warden/ns_wait.h"
#include "world.h"

#define PROG_ERR PSA_ERROR_PROGRAMMER_ERROR

static psa_status_t ns_call_ctrl(psa_handle_t h, uint32_t ctrl)
{
    return spm_ns_call(h, ctrl, (uintptr_t)ns_mem.in, (uintptr_t)ns_mem.out);
}

static psa_handle_t open_strict(void)
{
    psa_handle_t h = spm_ns_connect(FX_STRICT_SID, 2);

    assert_true(h > 0);
    return h;
}

static void test_version_connect_close(void **state)
{
    psa_handle_t h;

    (void)state;
    assert_int_equal(spm_ns_framework_version(), 0x0101);
    assert_int_equal(spm_ns_version(FX_STRICT_SID), 2);
    assert_int_equal(spm_ns_version(FX_SECURE_ONLY_SID), PSA_VERSION_NONE);
    assert_int_equal(spm_ns_connect(FX_SECURE_ONLY_SID, 1),
                     PSA_ERROR_CONNECTION_REFUSED);
    h = open_strict();
    assert_int_equal(fx.last[FX_STRICT].client_id, NS_CLIENT_ID);
    assert_int_equal(spm_ns_close(h), PSA_SUCCESS);
    assert_int_equal(fx.last[FX_STRICT].type, PSA_IPC_DISCONNECT);
    assert_int_equal(spm_ns_close(PSA_NULL_HANDLE), PSA_SUCCESS);
    assert_int_equal(spm_ns_close(h), PROG_ERR);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_ctrl_decoding(void **state)
{
    psa_handle_t h = open_strict();
    const psa_msg_t *m = &fx.last[FX_STRICT];

    (void)state;
    world_in(&ns_mem, 0, "ab", 2);
    world_in(&ns_mem, 1, "cde", 3);
    world_out(&ns_mem, 0, 9);
    fx.reply[FX_STRICT] = 21;
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0x1234, 2, 1)), 21);
    assert_int_equal(m->type, 0x1234);
    assert_int_equal(m->in_size[0], 2);
    assert_int_equal(m->in_size[1], 3);
    assert_int_equal(m->in_size[2], 0);
    assert_int_equal(m->out_size[0], 9);
    assert_int_equal(m->out_size[1], 0);
    assert_int_equal(m->client_id, NS_CLIENT_ID);
    assert_int_equal(ns_mem.out[0].len, 0);
    /* The largest type, and the largest vector counts that fit. */
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(INT16_MAX, 0, 0)), 21);
    assert_int_equal(m->type, INT16_MAX);
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 4, 0)), 21);
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 0, 4)), 21);
    assert_int_equal(fx.calls[FX_STRICT], 5);
}

/* A service's reply of the value the NS client library makes a call
 * again for (include/warden/ns_wait.h) reaches NS as a service failure:
 * a retry would run the call twice. Its neighbours come through. */
static void test_reply_never_the_wait_status(void **state)
{
    psa_handle_t h = open_strict();

    (void)state;
    fx.reply[FX_STRICT] = WARDEN_STATUS_PARTITION_BUSY;
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 0, 0)),
                     PSA_ERROR_SERVICE_FAILURE);
    fx.reply[FX_STRICT] = WARDEN_STATUS_PARTITION_BUSY + 1;
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 0, 0)),
                     WARDEN_STATUS_PARTITION_BUSY + 1);
    fx.reply[FX_STRICT] = WARDEN_STATUS_PARTITION_BUSY - 1;
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 0, 0)),
                     WARDEN_STATUS_PARTITION_BUSY - 1);
    assert_int_equal(fx.calls[FX_STRICT], 4); /* the connect, 3 calls */
}

static void test_ctrl_negative_type(void **state)
{
    psa_handle_t h = open_strict();

    (void)state;
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(-1, 0, 0)), PROG_ERR);
    assert_int_equal(ns_call_ctrl(h, 0xFFFFu), PROG_ERR);
    assert_int_equal(ns_call_ctrl(h, 0x8000u), PROG_ERR); /* -32768 */
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(PSA_IPC_CONNECT, 0, 0)),
                     PROG_ERR);
    assert_int_equal(fx.calls[FX_STRICT], 1);
}

static void test_ctrl_vector_counts(void **state)
{
    psa_handle_t h = open_strict();

    (void)state;
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 5, 0)), PROG_ERR);
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 0, 7)), PROG_ERR);
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 7, 7)), PROG_ERR);
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 3, 2)), PROG_ERR);
    assert_int_equal(fx.calls[FX_STRICT], 1);
}

static void test_ctrl_reserved_bits(void **state)
{
    psa_handle_t h = open_strict();
    unsigned reserved = 0;

    (void)state;
    for (unsigned bit = 0; bit < 31u; bit++) {
        uint32_t b = 1u << bit;

        if ((CTRL_RESERVED_MASK & b) == 0u) {
            continue;
        }
        reserved++;
        assert_int_equal(ns_call_ctrl(h, b), PROG_ERR);
        assert_int_equal(ns_call_ctrl(h, b | PARAM_PACK(1, 1, 1)), PROG_ERR);
    }
    /* Bits 19..23 and 27..30. */
    assert_int_equal(reserved, 9);
    assert_int_equal(CTRL_RESERVED_MASK, 0x78F80000u);
    assert_int_equal(fx.calls[FX_STRICT], 1);
}

static void test_ctrl_bit31_is_ignored(void **state)
{
    psa_handle_t h = open_strict();

    (void)state;
    world_in(&ns_mem, 0, "z", 1);
    assert_int_equal(ns_call_ctrl(h, NS_VEC_DESC_BIT | PARAM_PACK(6, 1, 0)),
                     PSA_SUCCESS);
    assert_int_equal(fx.last[FX_STRICT].type, 6);
    assert_int_equal(fx.last[FX_STRICT].in_size[0], 1);
    /* It buys NS nothing: its vectors are still checked as NS memory. */
    world_in(&s_mem, 0, "s", 1);
    ns_mem.in[0].base = s_mem.in_buf[0];
    assert_int_equal(ns_call_ctrl(h, NS_VEC_DESC_BIT | PARAM_PACK(6, 1, 0)),
                     PROG_ERR);
    assert_int_equal(spm_ns_call(h, NS_VEC_DESC_BIT | PARAM_PACK(0, 1, 0),
                                 (uintptr_t)s_mem.in, (uintptr_t)NULL),
                     PROG_ERR);
    assert_int_equal(fx.calls[FX_STRICT], 2);
}

/* NS entries made while FX_SERVER runs (an NS interrupt in a secure call). */
static psa_handle_t reentry_h;
static uint32_t reentry_version;
static psa_status_t reentry[5];

static psa_status_t reenter(enum fx_svc svc, const psa_msg_t *msg)
{
    (void)svc;
    if (msg->type < 0) {
        return PSA_SUCCESS;
    }
    reentry_version = spm_ns_version(FX_STRICT_SID);
    reentry[0] = spm_ns_connect(FX_RELAXED_SID, 1);
    reentry[1] = spm_ns_call(reentry_h, PARAM_PACK(0, 0, 0), 0, 0);
    reentry[2] = spm_ns_call(reentry_h, 0x40000000u, 0, 0); /* reserved */
    reentry[3] = spm_ns_close(reentry_h);
    reentry[4] = (psa_status_t)spm_ns_framework_version();
    return PSA_SUCCESS;
}

static void test_reentry_is_refused(void **state)
{
    (void)state;
    reentry_h = open_strict();
    fx.handler = reenter;
    assert_int_equal(ns_call_ctrl(FX_STATELESS_HANDLE, PARAM_PACK(0, 0, 0)),
                     PSA_SUCCESS);
    assert_int_equal(reentry_version, PSA_VERSION_NONE);
    assert_int_equal(reentry[0], PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(reentry[1], PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(reentry[2], PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(reentry[3], PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(reentry[4], 0x0101);
    /* Nothing happened: no message, the connection still open. */
    assert_int_equal(fx.calls[FX_RELAXED], 0);
    assert_int_equal(fx.calls[FX_STRICT], 1);
    assert_int_equal(spm_conns[0].state, SPM_CONN_IDLE);
    /* And once the secure call is over, NS gets in again. */
    assert_ptr_equal(backend_current(), &spm_ns_agent);
    fx.handler = NULL;
    assert_int_equal(spm_ns_version(FX_STRICT_SID), 2);
    assert_int_equal(spm_ns_close(reentry_h), PSA_SUCCESS);
}

/* The NS side manages NSIDs and has nothing loaded: refused, no reset. */
static void test_no_context_loaded_is_refused(void **state)
{
    psa_handle_t h = open_strict();

    (void)state;
    fake_arch_set_handler(true);
    assert_int_equal(spm_nsce_init(0), WARDEN_NS_CONTEXT_SLOTS);
    fake_arch_set_handler(false);
    assert_int_equal(spm_ns_version(FX_STRICT_SID), PSA_VERSION_NONE);
    assert_int_equal(spm_ns_connect(FX_STRICT_SID, 2), PROG_ERR);
    assert_int_equal(ns_call_ctrl(FX_STATELESS_HANDLE, PARAM_PACK(0, 0, 0)),
                     PROG_ERR);
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 0, 0)), PROG_ERR);
    assert_int_equal(spm_ns_close(h), PROG_ERR);
    assert_int_equal(spm_ns_framework_version(), 0x0101);
    /* No service saw a message; the connection is still open. */
    assert_int_equal(fx.calls[FX_STRICT], 1);
    assert_int_equal(fx.calls[FX_STATELESS], 0);
    assert_int_equal(spm_conns[0].state, SPM_CONN_IDLE);
    assert_int_equal(fake_platform_stops(), 0);
}

static uint32_t ctx_a;
static uint32_t ctx_b;
static psa_status_t switch_nested;

/* The NS RTOS's tick preempts the NS task inside the service: it saves the
 * task's context, loads another's, and its handler tries a PSA call. */
static psa_status_t preempt(enum fx_svc svc, const psa_msg_t *msg)
{
    (void)svc;
    (void)msg;
    fake_arch_set_handler(true);
    assert_int_equal(spm_nsce_save(ctx_a), TFM_NS_CLIENT_ERR_SUCCESS);
    assert_int_equal(spm_nsce_load(ctx_b, -3), TFM_NS_CLIENT_ERR_SUCCESS);
    switch_nested = ns_call_ctrl(FX_STATELESS_HANDLE, PARAM_PACK(0, 0, 0));
    fake_arch_set_handler(false);
    return 33;
}

static void test_nsid_reaches_services_taken_at_entry(void **state)
{
    psa_handle_t h;

    (void)state;
    fake_arch_set_handler(true);
    ctx_a = spm_nsce_acquire(1, 1);
    ctx_b = spm_nsce_acquire(2, 1);
    assert_int_equal(spm_nsce_load(ctx_a, -5), TFM_NS_CLIENT_ERR_SUCCESS);
    fake_arch_set_handler(false);
    h = open_strict();
    assert_int_equal((uint32_t)fx.last[FX_STRICT].client_id, 0xC3FFFFFCu);
    fx.handler = preempt;
    assert_int_equal(ns_call_ctrl(h, PARAM_PACK(0, 0, 0)), 33);
    fx.handler = NULL;
    /* The call was A's from start to end; B's handler got in nowhere. */
    assert_int_equal((uint32_t)fx.last[FX_STRICT].client_id, 0xC3FFFFFCu);
    assert_int_equal(switch_nested, PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(fx.calls[FX_STATELESS], 0);
    /* The next call is B's. */
    assert_int_equal(ns_call_ctrl(FX_STATELESS_HANDLE, PARAM_PACK(0, 0, 0)),
                     PSA_SUCCESS);
    assert_int_equal((uint32_t)fx.last[FX_STATELESS].client_id, 0xC3FFFFFEu);
    assert_true(fx.last[FX_STATELESS].client_id < 0);
}

static void test_spm_main_boots(void **state)
{
    (void)state;
    world_reset();
    fake_arch_arm_launch();
    if (setjmp(fake_arch_launch_jmp) == 0) {
        spm_main();
    }
    assert_int_equal(fake_arch_launches(), 1);
    assert_string_equal(
        fake_console(),
        "[Warden] SPM SFN backend, isolation level 1, 4 partitions\r\n"
        "[Warden] FX_SP_BROKEN: entry_init returned -132, its services are "
        "not available\r\n");
    assert_int_equal(fx.ninit, 3);
    assert_int_equal(world_part(FX_CLIENT)->state, SPM_PART_READY);
    assert_int_equal(world_part(FX_BROKEN)->state, SPM_PART_FAILED);
    assert_ptr_equal(backend_current(), &spm_ns_agent);
    assert_int_equal(spm_ns_version(FX_RELAXED_SID), 3);
}

#define T(fn) cmocka_unit_test_setup(fn, world_setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_version_connect_close),
        T(test_ctrl_decoding),
        T(test_reply_never_the_wait_status),
        T(test_ctrl_negative_type),
        T(test_ctrl_vector_counts),
        T(test_ctrl_reserved_bits),
        T(test_ctrl_bit31_is_ignored),
        T(test_reentry_is_refused),
        T(test_no_context_loaded_is_refused),
        T(test_nsid_reaches_services_taken_at_entry),
        T(test_spm_main_boots),
    };

    return cmocka_run_group_tests_name("ns_agent", tests, NULL, NULL);
}
