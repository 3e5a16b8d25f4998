/* The IPC backend's internals shared by its files. */
#ifndef WARDEN_SPM_BACKEND_IPC_H
#define WARDEN_SPM_BACKEND_IPC_H

#include <stdbool.h>
#include <stdint.h>

#include "spm/spm.h"

/** Raises @p signal on @p p and wakes it if it waits for that signal. */
void ipc_assert_signal(struct spm_partition *p, psa_signal_t signal);

/** Moves the IRQ signals an interrupt raised for @p p while the lock was
 * held into its asserted signals: for @p p's own SPM code, which holds the
 * lock. */
static inline void ipc_irq_take(struct spm_partition *p)
{
    if (p->be.irq_raised != 0u) {
        p->be.asserted |=
            __atomic_exchange_n(&p->be.irq_raised, 0u, __ATOMIC_RELAXED);
    }
}

/** True if a request for @p signal is queued on @p p. */
static inline bool ipc_queued(const struct spm_partition *p,
                              psa_signal_t signal)
{
    for (const struct spm_req *r = p->be.queue; r != NULL; r = r->be.next) {
        if (r->service->signal == signal) {
            return true;
        }
    }
    return false;
}

/**
 * Records the reply of @p req, whose message handle stops being valid, and
 * wakes its client (alive: a stopped client's request is withdrawn or
 * orphaned when it stops, ipc_terminate_cleanup()).
 */
void ipc_reply(struct spm_req *req, psa_status_t status);

/**
 * Runs fn(arg) as SPM code: scheduler locked, on the SPM's stack; then gives
 * way if the calling thread is no longer the most urgent ready one. So when
 * fn blocked the calling thread, ipc_cross() returns once it was woken and
 * picked again: the caller does not wait a second time.
 */
uint32_t ipc_cross(uint32_t (*fn)(void *arg), void *arg);

/** spm_client_finish() for @p caller, as SPM code. */
psa_status_t ipc_spm_call_status(struct spm_partition *caller);

/**
 * Stops @p p: its queued and taken messages are answered with the
 * not-serving statuses, its connections close, its own request in flight
 * is withdrawn from its service's queue or, if taken, orphaned, and its
 * thread never runs again.
 * Does not switch threads (backend_terminate() and the fault path do).
 */
void ipc_terminate_cleanup(struct spm_partition *p);

/** What becomes of client @p p's request in flight when it stops, or when
 * the NS thread of an NS agent ends (backend_ipc.c). */
void ipc_drop_request(struct spm_partition *p);

/** Boot state of the NS agents and their NS contexts (ns_ctx.c): context 0
 * loaded. */
void ipc_ns_ctx_init(void);

/** The thread body of an SFN-model partition under the IPC backend:
 * sfn_thread.c at isolation level 1, sfn_loop_svc.c (unprivileged) at
 * levels 2 and 3. */
void ipc_sfn_thread_main(void);

/**
 * The next message of one of SFN-model partition @p self's services, got
 * into @p msg (its thread's own copy; psa_get() checks where it goes):
 * waits until there is one, and returns the service's function. Through
 * the PSA API as the partition calls it at level 1 (spm/api.h). A
 * partition without services (IRQs alone) never gets one: its thread ends
 * there, and the partition goes on serving its interrupts.
 */
warden_sfn_t ipc_sfn_take(struct spm_partition *self, psa_msg_t *msg);

/** The end of an SFN-model partition whose entry_init failed: its services
 * answer as not serving, its thread never runs again. Does not return. */
__attribute__((noreturn)) void ipc_sfn_init_failed(struct spm_partition *self);

/* The partition-side API bodies (spm/backend/ipc/service_ipc.c); each may panic
 * the calling partition. ipc_wait() returns the raised signals of the mask;
 * with PSA_BLOCK, 0 means it blocked the thread: once it runs again,
 * ipc_wait_result() gives what psa_wait() returns, which
 * ipc_assert_signal() recorded as it woke the thread. It reads one word of
 * the running partition that nothing changes while that partition runs, so
 * it needs no cross call. */
psa_signal_t ipc_wait(psa_signal_t mask, uint32_t timeout);
psa_signal_t ipc_wait_result(void);
psa_status_t ipc_get(psa_signal_t signal, psa_msg_t *msg);
void ipc_reply_api(psa_handle_t msg_handle, psa_status_t status);
void ipc_notify(int32_t partition_id);
void ipc_clear(void);

#endif /* WARDEN_SPM_BACKEND_IPC_H */
