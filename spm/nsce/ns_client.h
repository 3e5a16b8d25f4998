/*
 * Who the Non-secure caller is, and one NS call at a time.
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

/** True if @p nsid can be translated (it lies in [-65536, -1]). */
bool spm_nsid_valid(int32_t nsid);

/** The client ID services see for a valid @p nsid: (LIMIT + 1) + nsid. */
int32_t spm_nsid_to_client_id(int32_t nsid);

/**
 * Starts an NS call. Refuses a second one while one is in progress (an NS
 * interrupt handler, or a second NS thread whose RTOS preempted the first
 * inside the secure side), then takes the caller's client ID.
 * @return PSA_SUCCESS: spm_ns_client_id() is the caller's until
 *         spm_ns_leave(), which must follow;
 *         PSA_ERROR_CONNECTION_BUSY: another NS call is in progress;
 *         PSA_ERROR_PROGRAMMER_ERROR: the NS side manages NSIDs (NSCE) and
 *         has no context loaded.
 *         After an error nothing changed and no spm_ns_leave() follows.
 */
psa_status_t spm_ns_enter(void);

/* Set while an NS call is in progress; only spm/nsce/ns_client.c and
 * spm_ns_leave() write it. */
extern atomic_flag spm_ns_busy;

/** Ends the NS call that spm_ns_enter() started. */
static inline void spm_ns_leave(void)
{
    atomic_flag_clear(&spm_ns_busy);
}

/* What spm_ns_client_id() returns; only spm/nsce/ns_client.c writes it. */
extern int32_t spm_ns_call_client_id;

/**
 * The client ID of the NS call in progress, as services see it: always
 * negative, in [-0x3C00FFFF, -0x3C000000]. Outside a call: the last call's,
 * or NSID -1's (0xC4000000) before the first.
 */
static inline int32_t spm_ns_client_id(void)
{
    return spm_ns_call_client_id;
}

/** Boot state: no NS call in progress, NSCE reset (spm_nsce_reset()). */
void spm_ns_client_reset(void);

#endif /* WARDEN_SPM_NS_CLIENT_H */
