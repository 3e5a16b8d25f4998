/*
 * The NS ABI's table (include/warden/ns_abi.h) against what it describes:
 * at compile time, every row against the public declaration of its entry
 * (tfm_veneers.h, tfm_ns_client_ext.h, tfm_api.h) and its assembler word
 * against its named value; at run time, the hosted veneers
 * (arch/host/veneers.c, made from the table) against expectations written
 * here by hand: each entry runs the body of spm/ it should, on the secure
 * side, with its arguments unchanged and in order, and returns the body's
 * result.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/host/host_ns.h"
#include "spm/ns_agent.h"
#include "spm/ns_completion.h"
#include "spm/nsce/nsce.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "tfm_veneers.h"
#include "unit.h"
#include "warden/ns_abi.h"

#define CHECK_ROW(name, ret, args, body, runs, fixed, word, client)           \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&name),            \
                                                ret(*) NS_ABI_TYPES(args)),   \
                   #name ": the row and the public declaration differ");      \
    _Static_assert((ret)(word) == (ret)(fixed), #name ": word is not fixed"); \
    CHECK_CLIENT_##client
#define CHECK_CLIENT_VIA(fn) \
    _Static_assert(sizeof(&(fn)) != 0u, #fn " is declared in psa/client.h");
#define CHECK_CLIENT_DIRECT
WARDEN_NS_ABI(CHECK_ROW)

/* What the last body saw. */
static struct {
    const char *body;
    unsigned count;
    uintptr_t args[4];
    bool on_secure_side;
} seen;
static bool in_secure_call;

void host_secure_call(host_secure_fn_t fn, void *arg)
{
    in_secure_call = true;
    fn(arg);
    in_secure_call = false;
}

static void record(const char *body, unsigned count, uintptr_t a0, uintptr_t a1,
                   uintptr_t a2, uintptr_t a3)
{
    seen.body = body;
    seen.count = count;
    seen.args[0] = a0;
    seen.args[1] = a1;
    seen.args[2] = a2;
    seen.args[3] = a3;
    seen.on_secure_side = in_secure_call;
}

uint32_t spm_ns_framework_version(void)
{
    record("spm_ns_framework_version", 0u, 0u, 0u, 0u, 0u);
    return PSA_FRAMEWORK_VERSION;
}

uint32_t spm_ns_version(uint32_t sid)
{
    record("spm_ns_version", 1u, sid, 0u, 0u, 0u);
    return 0x0102u;
}

psa_handle_t spm_ns_connect(uint32_t sid, uint32_t version)
{
    record("spm_ns_connect", 2u, sid, version, 0u, 0u);
    return 0x40000011;
}

psa_status_t spm_ns_call(psa_handle_t handle, uint32_t ctrl_param,
                         uintptr_t in_vec, uintptr_t out_vec)
{
    record("spm_ns_call", 4u, (uintptr_t)handle, ctrl_param, in_vec, out_vec);
    return PSA_ERROR_PROGRAMMER_ERROR;
}

psa_status_t spm_ns_close(psa_handle_t handle)
{
    record("spm_ns_close", 1u, (uintptr_t)handle, 0u, 0u, 0u);
    return PSA_ERROR_CONNECTION_BUSY;
}

uint32_t spm_nsce_init(uint32_t ctx_requested)
{
    record("spm_nsce_init", 1u, ctx_requested, 0u, 0u, 0u);
    return 4u;
}

uint32_t spm_nsce_acquire(uint32_t group_id, uint32_t thread_id)
{
    record("spm_nsce_acquire", 2u, group_id, thread_id, 0u, 0u);
    return 0x00010203u;
}

uint32_t spm_nsce_release(uint32_t token)
{
    record("spm_nsce_release", 1u, token, 0u, 0u, 0u);
    return TFM_NS_CLIENT_ERR_INVALID_TOKEN;
}

uint32_t spm_nsce_load(uint32_t token, int32_t nsid)
{
    record("spm_nsce_load", 2u, token, (uintptr_t)nsid, 0u, 0u);
    return TFM_NS_CLIENT_ERR_INVALID_NSID;
}

uint32_t spm_nsce_load_priority(uint32_t token, int32_t nsid, uint32_t priority)
{
    record("spm_nsce_load_priority", 3u, token, (uintptr_t)nsid, priority, 0u);
    return WARDEN_NS_CLIENT_ERR_INVALID_PRIORITY;
}

uint32_t spm_nsce_save(uint32_t token)
{
    record("spm_nsce_save", 1u, token, 0u, 0u, 0u);
    return TFM_NS_CLIENT_ERR_INVALID_ACCESS;
}

int32_t spm_nsce_register_client_id(int32_t nsid)
{
    record("spm_nsce_register_client_id", 1u, (uintptr_t)nsid, 0u, 0u, 0u);
    return TFM_ERROR_INVALID_PARAMETER;
}

uint32_t spm_ns_completion_enable(uint32_t on)
{
    record("spm_ns_completion_enable", 1u, on, 0u, 0u, 0u);
    return TFM_NS_CLIENT_ERR_INVALID_ACCESS;
}

uint32_t spm_ns_completion_take(void)
{
    record("spm_ns_completion_take", 0u, 0u, 0u, 0u, 0u);
    return 0x0Cu;
}

psa_status_t spm_ns_completion_finish(void)
{
    record("spm_ns_completion_finish", 0u, 0u, 0u, 0u, 0u);
    return 0x7FFFFFFF;
}

/* The last body was @p body, run on the secure side with @p count
 * arguments, the first of them @p args. */
static void expect(const char *body, unsigned count, uintptr_t a0, uintptr_t a1,
                   uintptr_t a2, uintptr_t a3)
{
    const uintptr_t args[4] = { a0, a1, a2, a3 };

    assert_non_null(seen.body);
    assert_string_equal(seen.body, body);
    assert_int_equal(seen.count, count);
    for (unsigned i = 0u; i < count; i++) {
        assert_int_equal(seen.args[i], args[i]);
    }
    assert_true(seen.on_secure_side);
    assert_false(in_secure_call);
    seen.body = NULL;
}

static void test_psa_entries(void **state)
{
    psa_invec *in = (psa_invec *)(uintptr_t)0x1000u;
    psa_outvec *out = (psa_outvec *)(uintptr_t)0x2000u;

    (void)state;
    assert_int_equal(tfm_psa_framework_version_veneer(), 0x0101u);
    expect("spm_ns_framework_version", 0u, 0u, 0u, 0u, 0u);
    assert_int_equal(tfm_psa_version_veneer(0x1234u), 0x0102u);
    expect("spm_ns_version", 1u, 0x1234u, 0u, 0u, 0u);
    assert_int_equal(tfm_psa_connect_veneer(0x40u, 3u), 0x40000011);
    expect("spm_ns_connect", 2u, 0x40u, 3u, 0u, 0u);
    assert_int_equal(tfm_psa_call_veneer(7, 0x5A5u, in, out),
                     PSA_ERROR_PROGRAMMER_ERROR);
    expect("spm_ns_call", 4u, 7u, 0x5A5u, 0x1000u, 0x2000u);
    assert_int_equal(tfm_psa_close_veneer(-3), PSA_ERROR_CONNECTION_BUSY);
    expect("spm_ns_close", 1u, (uintptr_t)(psa_handle_t)-3, 0u, 0u, 0u);
}

static void test_nsce_entries(void **state)
{
    (void)state;
    assert_int_equal(tfm_nsce_init(2u), 4u);
    expect("spm_nsce_init", 1u, 2u, 0u, 0u, 0u);
    assert_int_equal(tfm_nsce_acquire_ctx(2u, 5u), 0x00010203u);
    expect("spm_nsce_acquire", 2u, 2u, 5u, 0u, 0u);
    assert_int_equal(tfm_nsce_release_ctx(0x0201u),
                     TFM_NS_CLIENT_ERR_INVALID_TOKEN);
    expect("spm_nsce_release", 1u, 0x0201u, 0u, 0u, 0u);
    assert_int_equal(tfm_nsce_load_ctx(0x0202u, -7),
                     TFM_NS_CLIENT_ERR_INVALID_NSID);
    expect("spm_nsce_load", 2u, 0x0202u, (uintptr_t)(int32_t)-7, 0u, 0u);
    assert_int_equal(warden_nsce_load_ctx_priority(0x0204u, -8, 300u),
                     WARDEN_NS_CLIENT_ERR_INVALID_PRIORITY);
    expect("spm_nsce_load_priority", 3u, 0x0204u, (uintptr_t)(int32_t)-8, 300u,
           0u);
    assert_int_equal(tfm_nsce_save_ctx(0x0203u),
                     TFM_NS_CLIENT_ERR_INVALID_ACCESS);
    expect("spm_nsce_save", 1u, 0x0203u, 0u, 0u, 0u);
    assert_int_equal(tfm_register_client_id(-9), TFM_ERROR_INVALID_PARAMETER);
    expect("spm_nsce_register_client_id", 1u, (uintptr_t)(int32_t)-9, 0u, 0u,
           0u);
}

static void test_completion_entries(void **state)
{
    (void)state;
    assert_int_equal(warden_ns_completion_enable(1u),
                     TFM_NS_CLIENT_ERR_INVALID_ACCESS);
    expect("spm_ns_completion_enable", 1u, 1u, 0u, 0u, 0u);
    assert_int_equal(warden_ns_completion_take(), 0x0Cu);
    expect("spm_ns_completion_take", 0u, 0u, 0u, 0u, 0u);
    assert_int_equal(warden_ns_completion_finish(), 0x7FFFFFFF);
    expect("spm_ns_completion_finish", 0u, 0u, 0u, 0u, 0u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_psa_entries),
        cmocka_unit_test(test_nsce_entries),
        cmocka_unit_test(test_completion_entries),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
