/*
 * The veneers on the host: the same entry points as the secure image's
 * Non-secure-callable ones, switching to the secure stack for the call.
 */
#include "arch/host/host_ns.h"
#include "spm/ns_agent.h"
#include "spm/nsce/nsce.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "tfm_veneers.h"

struct veneer_args {
    uint32_t op;
    uint32_t a0;
    uint32_t a1;
    uintptr_t p0;
    uintptr_t p1;
    uint32_t ret;
};

enum {
    OP_FRAMEWORK,
    OP_VERSION,
    OP_CONNECT,
    OP_CALL,
    OP_CLOSE,
    OP_NSCE_INIT,
    OP_NSCE_ACQUIRE,
    OP_NSCE_RELEASE,
    OP_NSCE_LOAD,
    OP_NSCE_SAVE,
    OP_REGISTER_ID,
};

static uint32_t dispatch_nsce(const struct veneer_args *a)
{
    switch (a->op) {
    case OP_NSCE_INIT:
        return spm_nsce_init(a->a0);
    case OP_NSCE_ACQUIRE:
        return spm_nsce_acquire(a->a0, a->a1);
    case OP_NSCE_RELEASE:
        return spm_nsce_release(a->a0);
    case OP_NSCE_LOAD:
        return spm_nsce_load(a->a0, (int32_t)a->a1);
    case OP_NSCE_SAVE:
        return spm_nsce_save(a->a0);
    default:
        return (uint32_t)spm_nsce_register_client_id((int32_t)a->a0);
    }
}

static void dispatch(void *arg)
{
    struct veneer_args *a = arg;

    switch (a->op) {
    case OP_FRAMEWORK:
        a->ret = spm_ns_framework_version();
        break;
    case OP_VERSION:
        a->ret = spm_ns_version(a->a0);
        break;
    case OP_CONNECT:
        a->ret = (uint32_t)spm_ns_connect(a->a0, a->a1);
        break;
    case OP_CALL:
        a->ret =
            (uint32_t)spm_ns_call((psa_handle_t)a->a0, a->a1, a->p0, a->p1);
        break;
    case OP_CLOSE:
        a->ret = (uint32_t)spm_ns_close((psa_handle_t)a->a0);
        break;
    default:
        a->ret = dispatch_nsce(a);
        break;
    }
}

static uint32_t enter(struct veneer_args *a)
{
    host_secure_call(dispatch, a);
    return a->ret;
}

uint32_t tfm_psa_framework_version_veneer(void)
{
    struct veneer_args a = { .op = OP_FRAMEWORK };
    return enter(&a);
}

uint32_t tfm_psa_version_veneer(uint32_t sid)
{
    struct veneer_args a = { .op = OP_VERSION, .a0 = sid };
    return enter(&a);
}

psa_handle_t tfm_psa_connect_veneer(uint32_t sid, uint32_t version)
{
    struct veneer_args a = { .op = OP_CONNECT, .a0 = sid, .a1 = version };
    return (psa_handle_t)enter(&a);
}

psa_status_t tfm_psa_call_veneer(psa_handle_t handle, uint32_t ctrl_param,
                                 const psa_invec *in_vec, psa_outvec *out_vec)
{
    struct veneer_args a = { .op = OP_CALL,
                             .a0 = (uint32_t)handle,
                             .a1 = ctrl_param,
                             .p0 = (uintptr_t)in_vec,
                             .p1 = (uintptr_t)out_vec };
    return (psa_status_t)enter(&a);
}

psa_status_t tfm_psa_close_veneer(psa_handle_t handle)
{
    struct veneer_args a = { .op = OP_CLOSE, .a0 = (uint32_t)handle };
    return (psa_status_t)enter(&a);
}

/* NSCE and the known-client API: the hosted NS side says whether it stands
 * for a handler (host_ns_handler_enter()); the secure side asks the arch. */
uint32_t tfm_nsce_init(uint32_t ctx_requested)
{
    struct veneer_args a = { .op = OP_NSCE_INIT, .a0 = ctx_requested };
    return enter(&a);
}

uint32_t tfm_nsce_acquire_ctx(uint8_t group_id, uint8_t thread_id)
{
    struct veneer_args a = { .op = OP_NSCE_ACQUIRE,
                             .a0 = group_id,
                             .a1 = thread_id };
    return enter(&a);
}

uint32_t tfm_nsce_release_ctx(uint32_t token)
{
    struct veneer_args a = { .op = OP_NSCE_RELEASE, .a0 = token };
    return enter(&a);
}

uint32_t tfm_nsce_load_ctx(uint32_t token, int32_t nsid)
{
    struct veneer_args a = { .op = OP_NSCE_LOAD,
                             .a0 = token,
                             .a1 = (uint32_t)nsid };
    return enter(&a);
}

uint32_t tfm_nsce_save_ctx(uint32_t token)
{
    struct veneer_args a = { .op = OP_NSCE_SAVE, .a0 = token };
    return enter(&a);
}

enum tfm_status_e tfm_register_client_id(int32_t ns_client_id)
{
    struct veneer_args a = { .op = OP_REGISTER_ID,
                             .a0 = (uint32_t)ns_client_id };
    return (enum tfm_status_e)enter(&a);
}
