/*
 * Who the Non-secure caller is, and one NS call at a time per NS agent.
 *
 * An NS call takes its client ID once, when it starts (spm_ns_enter()):
 * the NSID of the NSCE context loaded at that moment (spm/nsce/nsce.h; NSID -1
 * without NSCE), translated into the NS client-ID range. An NS RTOS that
 * switches tasks while the call runs (it saves and loads contexts from its
 * handlers) does not change whom the call is for.
 */
#ifndef WARDEN_SPM_NS_CLIENT_H
#define WARDEN_SPM_NS_CLIENT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "psa/error.h"
#include "spm/spm.h"

/** True if @p nsid can be translated (it lies in [-65536, -1]). */
bool spm_nsid_valid(int32_t nsid);

/** The client ID services see for a valid @p nsid: (LIMIT + 1) + nsid. */
int32_t spm_nsid_to_client_id(int32_t nsid);

/**
 * Starts an NS call of NS agent @p agent (spm/spm.h: NS context 0's, or
 * the loaded NS context's). Refuses a second one of the same agent while
 * one is in progress (an NS interrupt handler's, or a second NS thread of
 * one NSCE group whose RTOS preempted the first inside the secure side),
 * then takes the caller's client ID.
 * @return PSA_SUCCESS: spm_ns_client_id(@p agent) is the caller's until
 *         spm_ns_leave(@p agent), which must follow;
 *         PSA_ERROR_CONNECTION_BUSY: @p agent's NS call is in progress;
 *         PSA_ERROR_PROGRAMMER_ERROR: the NS side manages NSIDs (NSCE) and
 *         has no context loaded.
 *         After an error nothing changed and no spm_ns_leave() follows.
 */
psa_status_t spm_ns_enter(const struct spm_partition *agent);

/* Per NS agent (its NS context, spm_ns_ctx_of()): set while its NS call is
 * in progress; only spm/nsce/ns_client.c and spm_ns_leave() write them. */
extern atomic_flag spm_ns_busy[SPM_NS_AGENTS];

/** Ends the NS call that spm_ns_enter(@p agent) started. */
static inline void spm_ns_leave(const struct spm_partition *agent)
{
    atomic_flag_clear(&spm_ns_busy[spm_ns_ctx_of(agent)]);
}

/** True while an NS call of @p agent is in progress. */
bool spm_ns_in_call(const struct spm_partition *agent);

/* What spm_ns_client_id() returns, per NS agent; only
 * spm/nsce/ns_client.c writes them. */
extern int32_t spm_ns_call_client_id[SPM_NS_AGENTS];

/**
 * The client ID of @p agent's NS call in progress, as services see it:
 * always negative, in [-0x3C00FFFF, -0x3C000000]. Outside a call: its last
 * call's, or NSID -1's (0xC4000000) before the first.
 */
static inline int32_t spm_ns_client_id(const struct spm_partition *agent)
{
    return spm_ns_call_client_id[spm_ns_ctx_of(agent)];
}

/** Boot state: no NS call in progress, NSCE reset (spm_nsce_reset()). */
void spm_ns_client_reset(void);

#endif /* WARDEN_SPM_NS_CLIENT_H */
