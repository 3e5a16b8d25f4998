/*
 * The IPC backend's inline operations (spm/backend.h declares them and
 * includes this header; nothing else does).
 */
#ifndef WARDEN_SPM_BACKEND_INLINE_H
#define WARDEN_SPM_BACKEND_INLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/arch.h"
#include "psa/service.h"
#include "spm/backend/ipc/sched.h"
#include "spm/backend/ipc/orphan.h"
#include "warden/ns_wait.h"
#include "warden/config.h"

struct spm_partition;

/* The running thread's partition; only spm/backend/ipc/sched.c writes it. */
extern struct spm_partition *sched_current_part;

static inline struct spm_partition *backend_current(void)
{
    return sched_current_part;
}

static inline bool backend_pending(psa_status_t status)
{
    return status == SPM_STATUS_PENDING;
}

/* The body of backend_client_resolve(): spm/backend/ipc/backend_ipc.c. */
psa_status_t ipc_client_resolve(struct spm_partition *caller,
                                psa_status_t status);

static inline psa_status_t backend_client_resolve(struct spm_partition *caller,
                                                  psa_status_t status)
{
    return ipc_client_resolve(caller, status);
}

static inline bool backend_orphan_of(psa_handle_t msg_handle,
                                     const struct spm_partition *self)
{
    struct spm_orphan o;

    return spm_orphan_from_handle(msg_handle, self, &o);
}

/* What a request's reply field holds while it waits in its owner's queue
 * (a queued request has no reply yet; psa_get() clears it). */
#define BACKEND_REQ_QUEUED ((psa_status_t)-253)

/* False while the request waits in its owner's queue. */
static inline bool backend_req_taken(const struct backend_req *be)
{
    return be->reply != BACKEND_REQ_QUEUED;
}

/* MM-IOVEC: at isolation level 1 every client buffer is reachable from
 * every partition already; at levels 2 and 3 the port puts it in the
 * service's boundary (backend_ipc.c: arch_thread_map() for its thread). */
bool ipc_mm_map(struct spm_partition *service, uintptr_t base, size_t len,
                uint32_t access);
void ipc_mm_unmap(struct spm_partition *service, uintptr_t base, size_t len,
                  uint32_t access);

static inline bool backend_mm_map(struct spm_partition *service, uintptr_t base,
                                  size_t len, uint32_t access)
{
    return TFM_ISOLATION_LEVEL == 1 || ipc_mm_map(service, base, len, access);
}

static inline void backend_mm_unmap(struct spm_partition *service,
                                    uintptr_t base, size_t len, uint32_t access)
{
    if (TFM_ISOLATION_LEVEL > 1) {
        ipc_mm_unmap(service, base, len, access);
    }
}

/* The NS agent's SPM code holds the scheduler lock; false if it holds it
 * already (an NS handler's call while the NS agent's is in progress,
 * which the NS agent refuses as busy), and while @p agent has an orphan
 * (spm/backend/ipc/orphan.h): a stateless request of an NS thread that
 * ended mid-call, whose message handle stays its service's until the
 * reply; the next call of that NS context waits for it. */
static inline bool backend_ns_begin(struct spm_partition *agent)
{
    /* (Without NS contexts the one agent never ends mid-call.) */
    return (WARDEN_NS_CONTEXTS == 0 || agent->be_small.sl_orphan == 0u) &&
           sched_try_lock();
}

/* The NS agent of the loaded NS context (spm/backend/ipc/ns_ctx.c). */
extern struct spm_partition *ipc_ns_active_agent;

static inline struct spm_partition *backend_ns_agent(void)
{
    return ipc_ns_active_agent;
}

/* Only the signals an interrupt raised meanwhile can have made a thread
 * more urgent than the NS agent ready: then it runs first. */
void ipc_ns_end_raised(void);

__attribute__((always_inline)) static inline void backend_ns_end(void)
{
    if (sched_unlock()) {
        ipc_ns_end_raised();
    }
}

/* A partition that runs unprivileged has its FLIH functions run inside its
 * boundary (levels 2 and 3); any other calls them as they are. */
psa_flih_result_t ipc_flih_call(struct spm_partition *p,
                                psa_flih_result_t (*flih)(void));

static inline psa_flih_result_t
backend_flih_call(struct spm_partition *p, psa_flih_result_t (*flih)(void))
{
    return spm_is_unprivileged(p) ? ipc_flih_call(p, flih) : flih();
}

/* A service's reply never looks like the SFN backend's refusal for a
 * busy partition, which the NS client library makes again
 * (spm/backend.h). */
static inline psa_status_t backend_ns_call_status(psa_status_t status)
{
    return status == WARDEN_STATUS_PARTITION_BUSY ? PSA_ERROR_SERVICE_FAILURE
                                                  : status;
}

/* Every partition is a thread with its own queue: a request is always
 * delivered (spm/backend.h). */
static inline bool backend_may_enter(const struct spm_partition *caller,
                                     const struct warden_service_info *svc)
{
    (void)caller;
    (void)svc;
    return true;
}

#endif /* WARDEN_SPM_BACKEND_INLINE_H */
