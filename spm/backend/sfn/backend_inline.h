/*
 * The SFN backend's operations, all inline (spm/backend.h declares them
 * and includes this header; nothing else does).
 */
#ifndef WARDEN_SPM_BACKEND_INLINE_H
#define WARDEN_SPM_BACKEND_INLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "psa/error.h"
#include "psa/service.h"

static inline struct spm_partition *backend_current(void)
{
    return backend_sfn.current;
}

/* A reply always comes at once. */
static inline bool backend_pending(psa_status_t status)
{
    (void)status;
    return false;
}

/* With NS contexts, an NS call ends here (the only caller is the NS
 * agent): what it held is given back (spm/backend/sfn/sfn_ns_ctx.c). */
static inline psa_status_t backend_client_resolve(struct spm_partition *caller,
                                                  psa_status_t status)
{
    (void)caller;
    if (WARDEN_NS_CONTEXTS == 0) {
        return status;
    }
    return sfn_ns_finish(status);
}

/* A service's reply was checked where it came from (run_sfn()). */
static inline psa_status_t backend_ns_call_status(psa_status_t status)
{
    return status;
}

/* Partitions are not reentrant: with NS contexts an NS call takes the
 * partitions it may reach first, and a secure caller runs inside an NS
 * call that holds them already. */
static inline bool backend_may_enter(const struct spm_partition *caller,
                                     const struct warden_service_info *svc)
{
    if (WARDEN_NS_CONTEXTS == 0 || !spm_is_ns(caller)) {
        return true;
    }
    return sfn_ns_take(spm_service_partition(svc));
}

/* A secure function is called with its request, which no queue holds. */
static inline bool backend_req_taken(const struct backend_req *be)
{
    (void)be;
    return true;
}

/* A client stops only between its calls: a request is never orphaned. */
static inline bool backend_orphan_of(psa_handle_t msg_handle,
                                     const struct spm_partition *self)
{
    (void)msg_handle;
    (void)self;
    return false;
}

/* MM-IOVEC at isolation level 1: every client buffer is reachable from
 * every partition already. */
static inline bool backend_mm_map(struct spm_partition *service, uintptr_t base,
                                  size_t len, uint32_t access)
{
    (void)service;
    (void)base;
    (void)len;
    (void)access;
    return true;
}

static inline void backend_mm_unmap(struct spm_partition *service,
                                    uintptr_t base, size_t len, uint32_t access)
{
    (void)service;
    (void)base;
    (void)len;
    (void)access;
}

/** The word of @p p's asserted IRQ signals (a secure partition). */
static inline volatile uint32_t *sfn_asserted(const struct spm_partition *p)
{
    return &sfn_irq_asserted[p->index - 1u];
}

/* One thread: an interrupt only sets a partition's signal bits, which the
 * SFN backend's SPM code never writes but atomically. */
static inline bool backend_ns_begin(struct spm_partition *agent)
{
    (void)agent;
    return true;
}

/* The loaded NS context's agent (spm/backend.h); without NS contexts one
 * secure context for every NS call. */
static inline struct spm_partition *backend_ns_agent(void)
{
    return WARDEN_NS_CONTEXTS > 0 ? sfn_ns_agent : &spm_ns_agent;
}

static inline void backend_ns_end(void)
{
}

/* Isolation level 1 only: the FLIH function is called as it is. */
static inline psa_flih_result_t
backend_flih_call(struct spm_partition *p, psa_flih_result_t (*flih)(void))
{
    (void)p;
    return flih();
}

#endif /* WARDEN_SPM_BACKEND_INLINE_H */
