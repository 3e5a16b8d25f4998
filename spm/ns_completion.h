/*
 * Completion for an inactive NS context (WARDEN_NS_COMPLETION_IRQ, IPC
 * backend with NS contexts; include/warden_ns_completion.h is the NS side's
 * view). An NS call of an NSCE context, made from NS Thread mode once the
 * NS side enabled it, that has to wait for its reply does not idle in its
 * NS agent's thread: it returns WARDEN_NS_CALL_PENDING at once, its
 * request kept in flight in the agent's static storage and its NS call
 * still in progress (spm_ns_in_call(): a second call of the context is
 * refused as busy, a release aborts it). The reply (the service's, or a
 * stopped service's) adds the context to the completion set and pends the
 * NS completion interrupt (platform_ns_completion_raise()); the NS side
 * takes the set (spm_ns_completion_take()) and the woken thread ends its
 * call (spm_ns_completion_finish()).
 *
 * Without the option (spm/ns_completion_absent.c) everything here folds
 * away: the request lives in the NS call's frame, and the NS entry points
 * refuse.
 */
#ifndef WARDEN_SPM_NS_COMPLETION_H
#define WARDEN_SPM_NS_COMPLETION_H

#include <stdbool.h>
#include <stdint.h>

#include "psa/client.h"
#include "spm/backend.h"
#include "spm/spm.h"
#include "warden/config.h"
#include "warden_ns_completion.h"

_Static_assert(WARDEN_NS_CALL_PENDING == SPM_STATUS_PENDING,
               "the NS side sees the SPM's own pending status");
/* One bit per NS context in a word (the IPC backend has at most 32
 * clients, sched.h). */
_Static_assert(!WARDEN_NS_COMPLETION_IRQ || SPM_NS_AGENTS <= 32u,
               "a completion set is a word");

/* The request of each NS agent's call, with the option (a call may
 * outlive the veneer's frame); only spm_ns_req() uses it. */
extern struct spm_req spm_ns_reqs[WARDEN_NS_COMPLETION_IRQ ? SPM_NS_AGENTS : 1];

/* Bit c: NS context c's call returned WARDEN_NS_CALL_PENDING and has not
 * been finished (or aborted). Only the option's file writes it. */
extern uint32_t spm_ns_deferred_set;

/** Where @p agent's NS call keeps its request: its static storage with
 * the option, else @p frame (the veneer's frame). */
static inline struct spm_req *spm_ns_req(const struct spm_partition *agent,
                                         struct spm_req *frame)
{
    return WARDEN_NS_COMPLETION_IRQ ? &spm_ns_reqs[spm_ns_ctx_of(agent)]
                                    : frame;
}

/** True while @p agent's call returned to NS before its reply. */
static inline bool spm_ns_deferred(const struct spm_partition *agent)
{
    return WARDEN_NS_COMPLETION_IRQ &&
           (spm_ns_deferred_set & (1u << spm_ns_ctx_of(agent))) != 0u;
}

/**
 * With the option, for a call of @p agent that must wait (@p status is
 * SPM_STATUS_PENDING): if the NS side enabled completion, the context is
 * an NSCE one (not 0) and the caller is in NS Thread mode, the call is
 * deferred — @p agent's thread goes on as NS code, the request stays in
 * flight — and WARDEN_NS_CALL_PENDING is returned; otherwise the agent
 * waits for the reply as without the option (backend_client_resolve()).
 */
psa_status_t spm_ns_completion_defer(struct spm_partition *agent,
                                     psa_status_t status);

/** What an NS call of @p agent returns, given what the client API
 * returned: backend_client_resolve(), or a deferral (above). */
static inline psa_status_t spm_ns_resolve(struct spm_partition *agent,
                                          psa_status_t status)
{
    if (WARDEN_NS_COMPLETION_IRQ && status == SPM_STATUS_PENDING) {
        return spm_ns_completion_defer(agent, status);
    }
    return backend_client_resolve(agent, status);
}

/** The end of a deferred NS call's veneer: the SPM bracket closes and the
 * secure work the call made ready runs if it is more urgent than NS. */
void spm_ns_completion_leave(void);

/** With the option: @p client's deferred call was replied to (IPC
 * ipc_reply()): its context joins the completion set, and the NS
 * completion interrupt is pended. */
void spm_ns_completion_post(const struct spm_partition *client);

/** NS context @p ctx's call was aborted (its release): it leaves the
 * deferred and completion sets. */
void spm_ns_completion_forget(uint32_t ctx);

/* The NS entry points (include/warden_ns_completion.h documents them). */
uint32_t spm_ns_completion_enable(uint32_t on);
uint32_t spm_ns_completion_take(void);
psa_status_t spm_ns_completion_finish(void);

#endif /* WARDEN_SPM_NS_COMPLETION_H */
