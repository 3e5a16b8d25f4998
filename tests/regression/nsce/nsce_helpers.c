/* Handler-mode and Thread-mode wrappers and client-ID helpers of the NSCE
 * suites. */
#include "kernel.h"
#include "nsce_suites.h"
#include "psa_manifest/sid.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "tz_context.h"
#include "tests/partitions/client_store/warden_client_store.h"
#include "tests/partitions/test/warden_test_service.h"

struct op_args {
    enum nsce_op op;
    uint32_t a;
    uint32_t b;
};

static uint32_t run_tz(const struct op_args *o)
{
    switch (o->op) {
    case OP_TZ_INIT:
        return TZ_InitContextSystem_S();
    case OP_TZ_ALLOC:
        return TZ_AllocModuleContext_S(o->a);
    case OP_TZ_FREE:
        return TZ_FreeModuleContext_S(o->a);
    case OP_TZ_LOAD:
        return TZ_LoadContext_S(o->a);
    default:
        return TZ_StoreContext_S(o->a);
    }
}

static uintptr_t run_op(uintptr_t p)
{
    const struct op_args *o = (const struct op_args *)p;

    switch (o->op) {
    case OP_INIT:
        return tfm_nsce_init(o->a);
    case OP_ACQUIRE:
        return tfm_nsce_acquire_ctx((uint8_t)o->a, (uint8_t)o->b);
    case OP_RELEASE:
        return tfm_nsce_release_ctx(o->a);
    case OP_LOAD:
        return tfm_nsce_load_ctx(o->a, (int32_t)o->b);
    case OP_SAVE:
        return tfm_nsce_save_ctx(o->a);
    case OP_REGISTER:
        return (uint32_t)tfm_register_client_id((int32_t)o->a);
    default:
        return run_tz(o);
    }
}

static uint32_t in_handler(enum nsce_op op, uint32_t a, uint32_t b)
{
    struct op_args o = { op, a, b };

    return (uint32_t)kernel_handler_call(run_op, (uintptr_t)&o);
}

uint32_t in_thread(bool privileged, enum nsce_op op, uint32_t a, uint32_t b)
{
    struct op_args o = { op, a, b };
    uint32_t r = THREAD_PRIVILEGE_UNSET;

    if (ns_thread_set_privileged(privileged)) {
        r = (uint32_t)run_op((uintptr_t)&o);
    }
    (void)ns_thread_set_privileged(true);
    return r;
}

uint32_t h_init(uint32_t ctx_requested)
{
    return in_handler(OP_INIT, ctx_requested, 0u);
}

uint32_t h_acquire(uint8_t group_id, uint8_t thread_id)
{
    return in_handler(OP_ACQUIRE, group_id, thread_id);
}

uint32_t h_release(uint32_t token)
{
    return in_handler(OP_RELEASE, token, 0u);
}

uint32_t h_load(uint32_t token, int32_t nsid)
{
    return in_handler(OP_LOAD, token, (uint32_t)nsid);
}

uint32_t h_save(uint32_t token)
{
    return in_handler(OP_SAVE, token, 0u);
}

int32_t h_register(int32_t nsid)
{
    return (int32_t)in_handler(OP_REGISTER, (uint32_t)nsid, 0u);
}

uint32_t h_tz_init(void)
{
    return in_handler(OP_TZ_INIT, 0u, 0u);
}

uint32_t h_tz_alloc(uint32_t module)
{
    return in_handler(OP_TZ_ALLOC, module, 0u);
}

uint32_t h_tz_free(uint32_t id)
{
    return in_handler(OP_TZ_FREE, id, 0u);
}

uint32_t h_tz_load(uint32_t id)
{
    return in_handler(OP_TZ_LOAD, id, 0u);
}

uint32_t h_tz_store(uint32_t id)
{
    return in_handler(OP_TZ_STORE, id, 0u);
}

psa_status_t who_am_i(int32_t *client_id)
{
    int32_t id = 0;
    psa_outvec ov[] = { { &id, sizeof(id) } };
    psa_status_t st =
        psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_CLIENT_ID, NULL, 0, ov, 1);

    *client_id = id;
    return st;
}

int32_t client_id_of(int32_t nsid)
{
    return -0x3C000000 + 1 + nsid;
}

uint32_t tally_count(int32_t nsid)
{
    int32_t id = client_id_of(nsid);
    psa_invec iv[] = { { &id, sizeof(id) } };
    psa_status_t st =
        psa_call(CLIENT_TALLY_HANDLE, TALLY_TYPE_COUNT, iv, 1, NULL, 0);

    return st < 0 ? 0xFFFFFFFFu : (uint32_t)st;
}

int calls_are(int32_t nsid)
{
    int32_t id = 0;

    return who_am_i(&id) == PSA_SUCCESS && id == client_id_of(nsid);
}
