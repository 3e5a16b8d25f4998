/* What the IPC backend keeps per partition and per request (struct
 * spm_partition and struct spm_req embed them). */
#ifndef WARDEN_SPM_BACKEND_TYPES_H
#define WARDEN_SPM_BACKEND_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "psa/service.h"

struct spm_req;

/* Its byte-sized extras, which struct spm_partition places in padding. */
struct backend_part_small {
    /* As a client: 1 + the index of the service that took its stateless
     * request before it was stopped (an orphan, orphan.h), else 0. */
    uint8_t sl_orphan;
    /* 1 while it waits in a psa_wait() that the SVC interface ran in its
     * handler (isolation levels 2 and 3): what that psa_wait() returns is
     * put in the thread's saved r0 as it is switched back in. */
    uint8_t wait_r0;
};

struct backend_part {
    psa_signal_t allowed;    /* service signals, and PSA_DOORBELL */
    psa_signal_t asserted;   /* signals raised and not yet consumed */
    psa_signal_t wait_mask;  /* the mask of the psa_wait() in progress */
    psa_signal_t woken;      /* what the psa_wait() woken last returns */
    struct spm_req *queue;   /* delivered, not yet got: oldest first */
    struct spm_req *pending; /* as a client: its request in flight */
    /* IRQ signals an interrupt raised while SPM code ran (the scheduler
     * locked), not yet in `asserted`: the unlock moves them there
     * (backend_ipc.c). Written by interrupts; taken atomically. */
    volatile psa_signal_t irq_raised;
    /* 1 when its FLIH faulted while SPM code ran: the unlock stops it. */
    volatile uint8_t irq_stop;
};

struct backend_req {
    struct spm_req *next; /* link in the owner's queue */
    psa_status_t reply;   /* the service's reply */
};

#endif /* WARDEN_SPM_BACKEND_TYPES_H */
