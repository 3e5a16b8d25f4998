/*
 * NS client contexts (NSCE): the secure side of the tfm_nsce_* veneers and
 * of tfm_register_client_id(), and the NSID of the NS caller.
 *
 * Exactly one implementation is built: nsce.c (TFM_NS_MANAGE_NSID=ON, a
 * table of WARDEN_NS_CONTEXT_SLOTS group contexts) or nsce_absent.c (OFF:
 * every NS call uses NSID -1 and the veneers refuse everything).
 *
 * The NS side calls these from its exception handlers, possibly while an NS
 * thread is in the middle of a secure call (its RTOS preempted it): they
 * touch only the context table, never the caller's memory, and the Armv8-M
 * veneers run them with interrupts masked. What each one returns is the
 * contract of include/tfm_ns_client_ext.h and include/tfm_api.h; group and
 * thread IDs arrive as 32-bit values of which only the low 8 bits count (an
 * NS caller's narrow arguments are not trusted to be extended).
 */
#ifndef WARDEN_SPM_NSCE_H
#define WARDEN_SPM_NSCE_H

#include <stdint.h>

/** tfm_nsce_init(). */
uint32_t spm_nsce_init(uint32_t ctx_requested);

/** tfm_nsce_acquire_ctx(). */
uint32_t spm_nsce_acquire(uint32_t group_id, uint32_t thread_id);

/** tfm_nsce_release_ctx(). */
uint32_t spm_nsce_release(uint32_t token);

/** warden_nsce_load_ctx_priority(). */
uint32_t spm_nsce_load_priority(uint32_t token, int32_t nsid,
                                uint32_t priority);

/** tfm_nsce_load_ctx(). */
uint32_t spm_nsce_load(uint32_t token, int32_t nsid);

/** tfm_nsce_save_ctx(). */
uint32_t spm_nsce_save(uint32_t token);

/**
 * tfm_register_client_id(): an enum tfm_status_e value. While the NS side
 * does not manage NSIDs (before its first tfm_nsce_init() or acquire), it
 * sets the NSID of the single default context (TF-M's NS client
 * management document: an NS side that uses only this API); afterwards,
 * the loaded context's.
 */
int32_t spm_nsce_register_client_id(int32_t nsid);

/* What spm_nsce_current_nsid() returns; only spm/nsce/nsce.c (or nsce_absent.c)
 * writes it. */
extern volatile int32_t spm_nsce_nsid;

/**
 * The NSID of an NS call starting now:
 *  - the default NSID (-1, or what tfm_register_client_id() set) while the
 *    NS side does not manage NSIDs;
 *  - the loaded context's NSID, always in [-65536, -1];
 *  - 0 when the NS side manages NSIDs and no context is loaded.
 * One word is read, so an NSCE veneer of an NS handler that preempts the
 * reader cannot tear it.
 */
static inline int32_t spm_nsce_current_nsid(void)
{
    return spm_nsce_nsid;
}

/** Boot state: no slot in use, none loaded, NSIDs not managed. */
void spm_nsce_reset(void);

#endif /* WARDEN_SPM_NSCE_H */
