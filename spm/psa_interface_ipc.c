/*
 * The cross-call interface (IPC backend, isolation level 1): the PSA API
 * symbols a partition thread links against. Each runs its body as SPM code
 * (scheduler locked, on the SPM's stack, preemptible by interrupts) through
 * ipc_cross(); a call that must wait for a reply or a signal blocks the
 * thread afterwards, back on its own stack.
 */
#include "psa/client.h"
#include "psa/service.h"

#include "arch/arch.h"
#include "spm/backend.h"
#include "spm/backend_ipc.h"
#include "spm/client_api.h"
#include "spm/panic.h"
#include "spm/sched.h"

struct api_args {
    uint32_t a0;
    uint32_t a1;
    uintptr_t p0;
    uintptr_t p1;
    size_t n0;
    size_t n1;
    int32_t type;
};

static uint32_t version_body(void *arg)
{
    const struct api_args *a = arg;

    return spm_version(backend_current(), a->a0);
}

/*
 * What a client call's body gets: the caller's arguments and the storage of
 * its request. The storage is client_call()'s, on the calling thread's own
 * stack (the bodies run on the SPM's): the thread waits there for the
 * reply, so it stays in place until the request completes.
 */
struct client_args {
    const struct api_args *a;
    struct spm_req *req;
};

static uint32_t connect_body(void *arg)
{
    const struct client_args *c = arg;

    return (uint32_t)spm_connect(backend_current(), c->req, c->a->a0, c->a->a1);
}

static uint32_t call_body(void *arg)
{
    const struct client_args *c = arg;
    const struct api_args *a = c->a;

    return (uint32_t)spm_call(backend_current(), c->req, (psa_handle_t)a->a0,
                              a->type, spm_uptr(a->p0), a->n0, spm_uptr(a->p1),
                              a->n1);
}

static uint32_t close_body(void *arg)
{
    const struct client_args *c = arg;

    return (uint32_t)spm_close(backend_current(), c->req,
                               (psa_handle_t)c->a->a0);
}

static psa_status_t client_call(uint32_t (*body)(void *), struct api_args *a)
{
    struct spm_req req;
    struct client_args c = { a, &req };
    psa_status_t status = (psa_status_t)ipc_cross(body, &c);

    return backend_client_resolve(backend_current(), status);
}

uint32_t psa_framework_version(void)
{
    return spm_framework_version();
}

uint32_t psa_version(uint32_t sid)
{
    struct api_args a = { .a0 = sid };

    return ipc_cross(version_body, &a);
}

psa_handle_t psa_connect(uint32_t sid, uint32_t version)
{
    struct api_args a = { .a0 = sid, .a1 = version };

    return client_call(connect_body, &a);
}

psa_status_t psa_call(psa_handle_t handle, int32_t type,
                      const psa_invec *in_vec, size_t in_len,
                      psa_outvec *out_vec, size_t out_len)
{
    struct api_args a = { .a0 = (uint32_t)handle,
                          .type = type,
                          .p0 = (uintptr_t)in_vec,
                          .n0 = in_len,
                          .p1 = (uintptr_t)out_vec,
                          .n1 = out_len };

    return client_call(call_body, &a);
}

void psa_close(psa_handle_t handle)
{
    struct api_args a = { .a0 = (uint32_t)handle };

    (void)client_call(close_body, &a);
}

struct wait_args {
    psa_signal_t mask;
    uint32_t timeout;
    bool blocked;
};

static uint32_t wait_body(void *arg)
{
    struct wait_args *w = arg;

    return ipc_wait(w->mask, w->timeout, &w->blocked);
}

static uint32_t wait_result_body(void *arg)
{
    (void)arg;
    return ipc_wait_result();
}

psa_signal_t psa_wait(psa_signal_t signal_mask, uint32_t timeout)
{
    struct wait_args w = { signal_mask, timeout, false };
    psa_signal_t ready = ipc_cross(wait_body, &w);

    if (!w.blocked) {
        return ready;
    }
    arch_yield(); /* back once a signal of the mask was raised */
    return ipc_cross(wait_result_body, NULL);
}

static uint32_t get_body(void *arg)
{
    const struct api_args *a = arg;

    return (uint32_t)ipc_get(a->a0, (psa_msg_t *)a->p0);
}

psa_status_t psa_get(psa_signal_t signal, psa_msg_t *msg)
{
    struct api_args a = { .a0 = signal, .p0 = (uintptr_t)msg };

    return (psa_status_t)ipc_cross(get_body, &a);
}

static uint32_t reply_body(void *arg)
{
    const struct api_args *a = arg;

    ipc_reply_api((psa_handle_t)a->a0, (psa_status_t)a->a1);
    return 0u;
}

void psa_reply(psa_handle_t msg_handle, psa_status_t status)
{
    struct api_args a = { .a0 = (uint32_t)msg_handle, .a1 = (uint32_t)status };

    (void)ipc_cross(reply_body, &a);
}

static uint32_t notify_body(void *arg)
{
    const struct api_args *a = arg;

    ipc_notify((int32_t)a->a0);
    return 0u;
}

void psa_notify(int32_t partition_id)
{
    struct api_args a = { .a0 = (uint32_t)partition_id };

    (void)ipc_cross(notify_body, &a);
}

static uint32_t clear_body(void *arg)
{
    (void)arg;
    ipc_clear();
    return 0u;
}

void psa_clear(void)
{
    (void)ipc_cross(clear_body, NULL);
}

/* Interrupts are not supported yet: any use is a programmer error. */
static uint32_t no_irq_body(void *arg)
{
    (void)arg;
    spm_panic(backend_current());
}

void psa_eoi(psa_signal_t irq_signal)
{
    (void)irq_signal;
    (void)ipc_cross(no_irq_body, NULL);
}

void psa_irq_enable(psa_signal_t irq_signal)
{
    (void)irq_signal;
    (void)ipc_cross(no_irq_body, NULL);
}

psa_irq_status_t psa_irq_disable(psa_signal_t irq_signal)
{
    (void)irq_signal;
    return ipc_cross(no_irq_body, NULL);
}

void psa_reset_signal(psa_signal_t irq_signal)
{
    (void)irq_signal;
    (void)ipc_cross(no_irq_body, NULL);
}
