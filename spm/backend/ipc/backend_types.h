/* What the IPC backend keeps per partition and per request. */
#ifndef WARDEN_SPM_BACKEND_TYPES_H
#define WARDEN_SPM_BACKEND_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "psa/service.h"

struct spm_req;

struct backend_part {
    psa_signal_t allowed;    /* service signals, and PSA_DOORBELL */
    psa_signal_t asserted;   /* signals raised and not yet consumed */
    psa_signal_t wait_mask;  /* the mask of the psa_wait() in progress */
    psa_signal_t woken;      /* what the psa_wait() woken last returns */
    struct spm_req *queue;   /* delivered, not yet got: oldest first */
    struct spm_req *pending; /* as a client: its request in flight */
};

struct backend_req {
    struct spm_req *next; /* link in the owner's queue */
    psa_status_t reply;   /* the service's reply */
};

struct spm_partition;

/* The running thread's partition; only spm/backend/ipc/sched.c writes it. */
extern struct spm_partition *sched_current_part;

/* spm/backend.h's backend_current(). */
static inline struct spm_partition *backend_current(void)
{
    return sched_current_part;
}

/* spm/backend.h's backend_client_resolve(). */
psa_status_t backend_client_resolve(struct spm_partition *caller,
                                    psa_status_t status);

/* What a request's reply field holds while it waits in its owner's queue
 * (a queued request has no reply yet; psa_get() clears it). */
#define BACKEND_REQ_QUEUED ((psa_status_t)-253)

/* spm/backend.h's backend_req_taken(): false while the request waits in
 * its owner's queue. */
static inline bool backend_req_taken(const struct backend_req *be)
{
    return be->reply != BACKEND_REQ_QUEUED;
}

#endif /* WARDEN_SPM_BACKEND_TYPES_H */
