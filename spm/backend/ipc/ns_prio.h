/*
 * NS priority inheritance of the IPC backend (NS contexts that tell their
 * priority, warden_nsce_load_ctx_priority(); docs/nsce-integration.md):
 * secure work runs at the NS priority of whoever it is done for.
 *
 *  - A partition given a request runs at least at its client's NS
 *    priority while the request waits in its queue (a request of an urgent
 *    NS thread does not wait behind a less urgent thread's work there).
 *  - A partition that takes a request (psa_get()) runs at its client's NS
 *    priority: an NS agent's is its context's, a partition's what it
 *    inherited, so a chain of calls keeps the first caller's.
 *  - A partition signalled by an interrupt runs at the top: secure
 *    interrupts come before every NS thread.
 *  - A partition that blocks in psa_wait() serves nobody meanwhile: it
 *    drops to the bottom, so that the next request it is given sets its
 *    priority (a stale one would run a less urgent thread's request
 *    inside a more urgent thread's time).
 *
 * Nothing is done until an NS context tells a priority (every thread is
 * at the top until then); without NS contexts every call folds away.
 */
#ifndef WARDEN_SPM_NS_PRIO_H
#define WARDEN_SPM_NS_PRIO_H

#include "spm/backend/ipc/sched.h"
#include "spm/spm.h"

__attribute__((always_inline)) static inline void
ipc_ns_prio_queued(struct spm_partition *owner,
                   const struct spm_partition *client)
{
    /* (Always false in a build without NS contexts.) */
    /* cppcheck-suppress knownConditionTrueFalse */
    if (sched_by_ns_prio()) {
        struct sched_thread *t = sched_thread_of(owner);
        uint8_t p = sched_thread_of(client)->ns_prio;

        if (t->ns_prio < p) {
            t->ns_prio = p;
        }
    }
}

__attribute__((always_inline)) static inline void
ipc_ns_prio_taken(struct spm_partition *self,
                  const struct spm_partition *client)
{
    /* (Always false in a build without NS contexts.) */
    /* cppcheck-suppress knownConditionTrueFalse */
    if (sched_by_ns_prio()) {
        sched_thread_of(self)->ns_prio = sched_thread_of(client)->ns_prio;
    }
}

__attribute__((always_inline)) static inline void
ipc_ns_prio_idle(struct spm_partition *self)
{
    /* (Always false in a build without NS contexts.) */
    /* cppcheck-suppress knownConditionTrueFalse */
    if (sched_by_ns_prio()) {
        sched_thread_of(self)->ns_prio = 0u;
    }
}

__attribute__((always_inline)) static inline void
ipc_ns_prio_interrupt(struct spm_partition *p)
{
    /* (Always false in a build without NS contexts.) */
    /* cppcheck-suppress knownConditionTrueFalse */
    if (sched_by_ns_prio()) {
        sched_thread_of(p)->ns_prio = SCHED_NS_PRIO_TOP;
    }
}

#endif /* WARDEN_SPM_NS_PRIO_H */
