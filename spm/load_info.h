/*
 * The load information the manifest tool generates (warden_load_info.c):
 * plain constant tables the SPM builds its runtime state from at boot.
 * Arrays carry one zeroed sentinel entry so that none is ever empty.
 */
#ifndef WARDEN_SPM_LOAD_INFO_H
#define WARDEN_SPM_LOAD_INFO_H

#include <stdint.h>

#include "psa/service.h"
#include "warden/config.h"
#include "warden_manifest.h" /* generated: WARDEN_NUM_PARTITIONS, ... */

/* warden_partition_info.flags */
#define WARDEN_PART_MODEL_IPC (1u << 0) /* IPC model (else SFN) */
#define WARDEN_PART_PSA_ROT   (1u << 1) /* PSA-ROT (else APPLICATION-ROT) */

/* warden_partition_info.priority (lower value = more urgent) */
#define WARDEN_PRIORITY_HIGH   (0x0Fu)
#define WARDEN_PRIORITY_NORMAL (0x1Fu)
#define WARDEN_PRIORITY_LOW    (0x7Fu)

/* warden_service_info.flags */
#define WARDEN_SVC_NS_CLIENTS (1u << 0) /* non_secure_clients: true */
#define WARDEN_SVC_CONNECTION (1u << 1) /* connection_based: true */
#define WARDEN_SVC_STRICT     (1u << 2) /* version_policy STRICT (else RELAXED) */
#define WARDEN_SVC_MM_IOVEC   (1u << 3) /* mm_iovec: enable */

typedef psa_status_t (*warden_sfn_t)(const psa_msg_t *msg);

struct warden_service_info {
    const char *name; /* manifest name, e.g. "ROT_A" */
    uint32_t sid;
    uint32_t version;
    warden_sfn_t sfn;        /* SFN model: <name>_sfn; NULL for IPC model */
    psa_signal_t signal;     /* 1 << (4 + i); 0 for SFN under SFN backend */
    uint16_t partition;      /* index into warden_partitions[] */
    uint8_t flags;           /* WARDEN_SVC_* */
    uint8_t stateless_index; /* 1..32 for a stateless service, else 0 */
};

struct warden_partition_info {
    const char *name; /* manifest name, e.g. "TFM_SP_EXAMPLE" */
    int32_t pid;
    uint32_t flags;                   /* WARDEN_PART_* */
    uint32_t priority;                /* WARDEN_PRIORITY_* */
    void (*entry_point)(void);        /* IPC model; NULL for SFN */
    psa_status_t (*entry_init)(void); /* SFN model, optional; else NULL */
    uint32_t stack_size;              /* bytes, from the manifest */
    uint8_t *stack;                   /* IPC backend only; NULL under SFN */
    uint16_t first_service;           /* range in warden_services[] */
    uint16_t nservices;
    uint16_t first_dep; /* range in warden_deps[] */
    uint16_t ndeps;
    uint16_t first_irq; /* range in warden_irqs[] */
    uint16_t nirqs;
    uint16_t first_mmio; /* range in warden_mmio_regions[] */
    uint16_t nmmio;
    /* Isolation levels 2 and 3, a partition that runs unprivileged and has
     * a FLIH: the stack (WARDEN_FLIH_STACK_SIZE bytes, in its own memory)
     * its FLIH functions run on; else NULL. */
    uint8_t *flih_stack;
};

/* In load order: after the partitions they depend on, then by priority. */
extern const struct warden_partition_info
    warden_partitions[WARDEN_NUM_PARTITIONS + 1];
extern const struct warden_service_info
    warden_services[WARDEN_NUM_SERVICES + 1];
/* Stateless index - 1 -> 1 + the service's index in warden_services[],
 * or 0 when no service has that index; WARDEN_STATELESS_SLOTS is the
 * highest index in use. */
extern const uint8_t warden_stateless_services[WARDEN_STATELESS_SLOTS + 1];
/* SIDs each partition may call (its `dependencies`). */
extern const uint32_t warden_deps[WARDEN_NUM_DEPS + 1];

/* warden_irq_info.flags */
#define WARDEN_IRQ_FLIH (1u << 0) /* handling FLIH (else SLIH) */
/* Enabled when its partition is loaded: an FF-M 1.0 manifest's IRQs (an
 * FF-M 1.1 partition enables its own with psa_irq_enable()). */
#define WARDEN_IRQ_ENABLED_AT_LOAD (1u << 1)

struct warden_irq_info {
    const char *name;                /* manifest name (1.1) or signal (1.0) */
    uint32_t source;                 /* the platform's IRQ number */
    psa_signal_t signal;             /* 1 << (31 - j) for the j-th IRQ */
    psa_flih_result_t (*flih)(void); /* FLIH: <name>_flih; NULL for SLIH */
    uint16_t partition;              /* index into warden_partitions[] */
    uint8_t flags;                   /* WARDEN_IRQ_* */
};

/* warden_mmio_info.flags */
#define WARDEN_MMIO_READ_WRITE (1u << 0) /* READ-WRITE (else READ-ONLY) */
/* warden_mmio_info.ppc_bank and .ppc_bit of a region behind no PPC: a
 * numbered region, or a platform without peripheral protection. */
#define WARDEN_MMIO_NO_PPC (0xFFu)

struct warden_mmio_info {
    const char *name; /* a named region; NULL for base + size */
    uint32_t base;    /* from the platform description if named */
    uint32_t size;
    uint16_t partition; /* index into warden_partitions[] */
    uint8_t flags;      /* WARDEN_MMIO_* */
    uint8_t ppc_bank;   /* WARDEN_PPC_BANK_<name> (warden_manifest.h) */
    uint8_t ppc_bit;    /* the region's bit in that bank's registers */
};

/*
 * IRQs and MMIO regions, grouped by partition in load order; sized
 * WARDEN_NUM_IRQS + 1 and WARDEN_NUM_MMIO + 1 (zeroed sentinel).
 */
extern const struct warden_irq_info warden_irqs[];
extern const struct warden_mmio_info warden_mmio_regions[];

#endif /* WARDEN_SPM_LOAD_INFO_H */
