/*
 * A thread on Armv8-M at isolation levels 2 and 3 (arch_thread.h is level
 * 1's): besides where its context was saved, the privilege its Thread mode
 * runs with, the privileged stack on which its SVC calls run, and at level
 * 3 the MPU regions of its partition's boundary.
 */
#ifndef WARDEN_ARMV8M_ARCH_THREAD_H
#define WARDEN_ARMV8M_ARCH_THREAD_H

#include <stdint.h>

#include "arch/armv8m/ns_ctx.h"

#include "warden/config.h"

/* The MPU regions a thread switch rewrites at level 3: three from each of
 * slots 0 (code), 4 (read-only data) and 8 (RAM), each an RBAR and an RLAR
 * value (boundary_mpu.c). */
#define ARMV8M_BOUNDARY_WORDS 18u
/* Bytes of each partition thread's SVC stack (boundary_mpu.c): the
 * deepest PSA call's frames plus the SPM code under them, with a margin;
 * with the FPU, room for a call's extended frame, a switch's S16-S31 and
 * an NS interrupt's FP frame on top (docs/floating_point.md). */
#define ARMV8M_SVC_STACK_SIZE (640u + (WARDEN_FPU ? 320u : 0u))
/* The MPU regions left for a partition's MMIO regions (slots 14 and 15). */
#define ARMV8M_MMIO_SLOTS 2u

struct arch_thread {
    uint32_t sp;      /* PSP after the software frame was pushed */
    uint32_t control; /* CONTROL of its Thread mode (SPSEL; nPRIV) */
    /* While it runs an SVC call (privileged, on its SVC stack): the PSP
     * and PSPLIM of the partition code that made the call; usp is 0
     * otherwise. */
    uint32_t usp;
    uint32_t usplim;
    uint32_t base_control; /* CONTROL outside SVC calls */
    uint32_t stack_limit;  /* PSPLIM of its own stack */
    uint8_t *kstack;       /* its SVC stack: [kstack, kstack + size) */
    uint32_t mpu[ARMV8M_BOUNDARY_WORDS]; /* level 3 */
    /* The words of its MMIO slots (ARMV8M_MMIO_SLOTS): mmio_words, or a
     * shared all-off set for a thread without MMIO. */
    const uint32_t *mmio;
    uint32_t mmio_words[2u * ARMV8M_MMIO_SLOTS];
    /* Its MMIO slots: the first nfixed hold its MMIO regions
     * (arch_thread_grant()), the others its mapped vectors
     * (arch_thread_map()): vec[0..nvec), each [lo, hi) rounded out to
     * 32 bytes. */
    uint8_t nfixed;
    uint8_t nvec;
    struct armv8m_mapped {
        uint32_t lo;
        uint32_t hi;
        uint32_t writable;
    } vec[ARMV8M_MMIO_SLOTS];
};

#endif /* WARDEN_ARMV8M_ARCH_THREAD_H */
