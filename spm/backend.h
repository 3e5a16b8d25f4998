/*
 * The backend contract (seed 004's backend operations). Exactly one backend
 * is built: backend_sfn.c (this version) or backend_ipc.c.
 */
#ifndef WARDEN_SPM_BACKEND_H
#define WARDEN_SPM_BACKEND_H

#include "spm/spm.h"

struct arch_thread;

/** Checks the loaded partitions suit this backend; halts if not. */
void backend_init(void);

/*
 * struct spm_partition *backend_current(void): the partition running now
 * (the client of a new call): NS agent or SP. Each backend's
 * backend_types.h declares it (the SFN backend's is inline).
 */

/**
 * Delivers request @p req (msg filled in, its connection ACTIVE or its
 * client's sl_req set) to the service. Returns the service's reply status
 * (SFN), or SPM_STATUS_PENDING when the client must wait for the reply (IPC). A
 * partition whose initialisation failed, or that was terminated, is not called:
 * connect gets PSA_ERROR_CONNECTION_REFUSED, a call PSA_ERROR_SERVICE_FAILURE,
 * and a disconnect PSA_SUCCESS.
 */
psa_status_t backend_messaging(struct spm_req *req);

/**
 * What a client API call of @p caller finally returns, given what
 * spm_connect()/spm_call()/spm_close() returned: @p status itself, or, for
 * SPM_STATUS_PENDING, the caller's thread waits for the reply (IPC) and the
 * result of spm_client_finish(). Called outside the SPM's own stack.
 * Each backend's backend_types.h declares it (the SFN backend's is
 * inline):
 *
 * psa_status_t backend_client_resolve(struct spm_partition *caller,
 *                                     psa_status_t status);
 */

/*
 * bool backend_req_taken(const struct backend_req *be):
 * true if the service partition has taken the request whose backend part
 * is @p be (IPC: got it with psa_get(); SFN: always, a secure function is
 * called with it), so that its message handle is the partition's to use.
 * A partition that names a request still queued for it (a guessed handle)
 * breaks the rules. Each backend's backend_types.h defines it inline.
 */

/**
 * The request @p caller waited for, now replied, and the reply status
 * (IPC backend; the SFN backend never leaves a request pending).
 */
struct spm_req *backend_replied(struct spm_partition *caller,
                                psa_status_t *status);

/**
 * Stops partition @p p for good (the `terminate` panic policy): its pending
 * and later requests get the not-serving statuses of backend_messaging().
 * Does not return when @p p is the running partition.
 */
void backend_terminate(struct spm_partition *p);

/**
 * Stops @p p, the running partition, whose own code faulted (the
 * `terminate` fault policy, spm/fault.c), from the port's fault handler:
 * what backend_terminate() does, but instead of switching it returns the
 * context of the thread to resume (spm_hook_fault(), arch/arch.h), or NULL
 * when there is none (SFN: one thread, the run ends).
 */
struct arch_thread *backend_stop_faulted(struct spm_partition *p);

/** Initialises the partitions in load order, then starts the NS image. */
__attribute__((noreturn)) void backend_system_run(void);

#endif /* WARDEN_SPM_BACKEND_H */
