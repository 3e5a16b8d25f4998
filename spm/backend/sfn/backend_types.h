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

/* The backend's state; only spm/backend/sfn/backend_sfn.c writes it. One
 * object, so that a call reaches both fields from one address. */
struct backend_sfn {
    struct spm_partition *current; /* the partition running now */
    struct sfn_frame *frames;      /* the secure functions in progress */
};

extern struct backend_sfn backend_sfn;

/* Each secure partition's IRQ signals asserted, by its index - 1: set by
 * interrupts, cleared by its psa_eoi() / psa_reset_signal() (atomically). */
extern volatile uint32_t sfn_irq_asserted[];

#endif /* WARDEN_SPM_BACKEND_TYPES_H */
