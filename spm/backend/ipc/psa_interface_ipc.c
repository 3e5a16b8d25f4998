/*
 * The cross-call interface (IPC backend, isolation level 1): the PSA API
 * symbols a partition thread links against. Each runs its body as SPM code
 * (scheduler locked, on the SPM's stack, preemptible by interrupts) through
 * ipc_cross(); a call that must wait for a reply or a signal blocks the
 * thread afterwards, back on its own stack.
 *
 * The argument structs below are this secure client interface's own, not
 * the NS ABI (include/warden/ns_abi.h): NS calls arrive through the veneers
 * with psa_call()'s control word packed, and never come here.
 */
#include "psa/client.h"
#include "psa/service.h"

#include "arch/arch.h"
#include "spm/api.h"
#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/client_api.h"
#include "spm/irq.h"
#include "spm/panic.h"
#include "spm/backend/ipc/sched.h"
#include "warden/stack.h"

/* client_call() holds the request on the calling thread's stack: the
 * manifest tool's warning counts it (include/warden/stack.h). */
_Static_assert(sizeof(void *) != 4u ||
                   sizeof(struct spm_req) <= WARDEN_STACK_REQ_IPC,
               "include/warden/stack.h's request figure");

/*
 * The arguments a body gets: one value is passed as the pointer itself,
 * several in a struct whose every member the caller sets from its own
 * arguments (a partial initialiser has GCC clear the struct first, with a
 * memset() call).
 */
struct two_args {
    uint32_t a0;
    uint32_t a1;
};

struct call_args {
    psa_handle_t handle;
    int32_t type;
    uintptr_t in_vec;
    size_t in_len;
    uintptr_t out_vec;
    size_t out_len;
};

static void *value_arg(uint32_t v)
{
    return (void *)(uintptr_t)v;
}

static uint32_t arg_value(const void *arg)
{
    return (uint32_t)(uintptr_t)arg;
}

static uint32_t version_body(void *arg)
{
    return spm_version(backend_current(), arg_value(arg));
}

/*
 * What a client call's body gets: the caller's arguments and the storage of
 * its request. The storage is client_call()'s, on the calling thread's own
 * stack (the bodies run on the SPM's): the thread waits there for the
 * reply, so it stays in place until the request completes.
 */
struct client_args {
    const void *a; /* the body's own arguments, as above */
    struct spm_req *req;
};

static uint32_t connect_body(void *arg)
{
    const struct client_args *c = arg;
    const struct two_args *a = c->a;

    return (uint32_t)spm_connect(backend_current(), c->req, a->a0, a->a1);
}

static uint32_t call_body(void *arg)
{
    const struct client_args *c = arg;
    const struct call_args *a = c->a;

    return (uint32_t)spm_call(backend_current(), c->req, a->handle, a->type,
                              spm_uptr(a->in_vec), a->in_len,
                              spm_uptr(a->out_vec), a->out_len);
}

static uint32_t close_body(void *arg)
{
    const struct client_args *c = arg;

    return (uint32_t)spm_close(backend_current(), c->req,
                               (psa_handle_t)arg_value(c->a));
}

static psa_status_t client_call(uint32_t (*body)(void *), const void *a)
{
    struct spm_req req;
    struct client_args c = { a, &req };
    psa_status_t status = (psa_status_t)ipc_cross(body, &c);

    return backend_client_resolve(backend_current(), status);
}

uint32_t SPM_API(psa_framework_version)(void)
{
    return spm_framework_version();
}

uint32_t SPM_API(psa_version)(uint32_t sid)
{
    return ipc_cross(version_body, value_arg(sid));
}

psa_handle_t SPM_API(psa_connect)(uint32_t sid, uint32_t version)
{
    struct two_args a = { .a0 = sid, .a1 = version };

    return client_call(connect_body, &a);
}

psa_status_t SPM_API(psa_call)(psa_handle_t handle, int32_t type,
                               const psa_invec *in_vec, size_t in_len,
                               psa_outvec *out_vec, size_t out_len)
{
    struct call_args a = { .handle = handle,
                           .type = type,
                           .in_vec = (uintptr_t)in_vec,
                           .in_len = in_len,
                           .out_vec = (uintptr_t)out_vec,
                           .out_len = out_len };

    return client_call(call_body, &a);
}

void SPM_API(psa_close)(psa_handle_t handle)
{
    (void)client_call(close_body, value_arg((uint32_t)handle));
}

static uint32_t wait_body(void *arg)
{
    const struct two_args *a = arg;

    return ipc_wait(a->a0, a->a1);
}

psa_signal_t SPM_API(psa_wait)(psa_signal_t signal_mask, uint32_t timeout)
{
    struct two_args a = { .a0 = signal_mask, .a1 = timeout };
    psa_signal_t ready = ipc_cross(wait_body, &a);

    if (ready != 0u || (timeout & PSA_BLOCK) == 0u) {
        return ready;
    }
    /* The wait blocked the thread, and ipc_cross() gave the processor
     * away: the thread is back, so a signal of the mask was raised, and
     * recorded. */
    return ipc_wait_result();
}

struct get_args {
    psa_signal_t signal;
    psa_msg_t *msg;
};

static uint32_t get_body(void *arg)
{
    const struct get_args *a = arg;

    return (uint32_t)ipc_get(a->signal, a->msg);
}

psa_status_t SPM_API(psa_get)(psa_signal_t signal, psa_msg_t *msg)
{
    struct get_args a = { .signal = signal, .msg = msg };

    return (psa_status_t)ipc_cross(get_body, &a);
}

static uint32_t reply_body(void *arg)
{
    const struct two_args *a = arg;

    ipc_reply_api((psa_handle_t)a->a0, (psa_status_t)a->a1);
    return 0u;
}

void SPM_API(psa_reply)(psa_handle_t msg_handle, psa_status_t status)
{
    struct two_args a = { .a0 = (uint32_t)msg_handle, .a1 = (uint32_t)status };

    (void)ipc_cross(reply_body, &a);
}

static uint32_t notify_body(void *arg)
{
    ipc_notify((int32_t)arg_value(arg));
    return 0u;
}

void SPM_API(psa_notify)(int32_t partition_id)
{
    (void)ipc_cross(notify_body, value_arg((uint32_t)partition_id));
}

static uint32_t clear_body(void *arg)
{
    (void)arg;
    ipc_clear();
    return 0u;
}

void SPM_API(psa_clear)(void)
{
    (void)ipc_cross(clear_body, NULL);
}

static uint32_t eoi_body(void *arg)
{
    spm_irq_eoi(backend_current(), arg_value(arg));
    return 0u;
}

void SPM_API(psa_eoi)(psa_signal_t irq_signal)
{
    (void)ipc_cross(eoi_body, value_arg(irq_signal));
}

static uint32_t irq_enable_body(void *arg)
{
    spm_irq_enable(backend_current(), arg_value(arg));
    return 0u;
}

void SPM_API(psa_irq_enable)(psa_signal_t irq_signal)
{
    (void)ipc_cross(irq_enable_body, value_arg(irq_signal));
}

static uint32_t irq_disable_body(void *arg)
{
    return spm_irq_disable(backend_current(), arg_value(arg));
}

psa_irq_status_t SPM_API(psa_irq_disable)(psa_signal_t irq_signal)
{
    return ipc_cross(irq_disable_body, value_arg(irq_signal));
}

static uint32_t reset_signal_body(void *arg)
{
    spm_irq_reset_signal(backend_current(), arg_value(arg));
    return 0u;
}

void SPM_API(psa_reset_signal)(psa_signal_t irq_signal)
{
    (void)ipc_cross(reset_signal_body, value_arg(irq_signal));
}
