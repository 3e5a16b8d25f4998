/* What the SFN backend keeps per partition and per request: nothing in
 * them (a partition's IRQ signals are a word of sfn_irq_asserted[], out of
 * struct spm_partition, which stays 16 bytes); and its own state, which its
 * inline operations read. */
#ifndef WARDEN_SPM_BACKEND_TYPES_H
#define WARDEN_SPM_BACKEND_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "psa/error.h"

struct backend_part_small {
    char unused[0];
};

struct backend_part {
    char unused[0];
};

struct backend_req {
    char unused[0];
};

struct spm_partition;

struct sfn_frame;

/* The backend's state; only spm/backend/sfn/backend_sfn.c and
 * spm/backend/sfn/sfn_ns_ctx.c write it. One object, so that a call
 * reaches both fields from one address. With NS contexts of their own
 * (WARDEN_NS_CONTEXTS) it is the loaded NS context's: each load puts it
 * away and takes the next context's (spm/backend/sfn/sfn_ns_ctx.c). */
struct backend_sfn {
    struct spm_partition *current; /* the partition running now */
    struct sfn_frame *frames;      /* the secure functions in progress */
    /* NS contexts only: the partition (its index) whose reach the
     * context's NS call in progress holds, 0 for none; and whether its
     * latest NS call that needed partitions was refused because another
     * context holds some of them. */
    uint8_t held;
    bool refused;
};

extern struct backend_sfn backend_sfn;

/* The NS agent of the loaded NS context (spm_ns_agent without NS
 * contexts); only spm/backend/sfn/sfn_ns_ctx.c writes it. */
extern struct spm_partition *sfn_ns_agent;

/* NS contexts (spm/backend/sfn/sfn_ns_ctx.c; the inline operations call
 * them only in a build with WARDEN_NS_CONTEXTS). */

/** Sets up the NS contexts and what each partition may reach; called by
 * backend_init(). */
void sfn_ns_ctx_init(void);

/**
 * Takes, for the loaded NS context's NS call, partition @p p and every
 * partition it may call (its dependencies, transitively). False, with
 * nothing taken and backend_sfn.refused set, if another NS context's call
 * holds one of them.
 */
bool sfn_ns_take(const struct spm_partition *p);

/**
 * What the NS call of the loaded context returns, given @p status: gives
 * back what sfn_ns_take() took; WARDEN_STATUS_PARTITION_BUSY if it was
 * refused.
 */
psa_status_t sfn_ns_finish(psa_status_t status);

/* Each secure partition's IRQ signals asserted, by its index - 1: set by
 * interrupts, cleared by its psa_eoi() / psa_reset_signal() (atomically). */
extern volatile uint32_t sfn_irq_asserted[];

#endif /* WARDEN_SPM_BACKEND_TYPES_H */
