/*
 * The port's side of isolation levels 2 and 3 (boundary_mpu.c; at level 1,
 * boundary_none.c does nothing): a thread's privilege and, at level 3, its
 * partition's MPU regions, applied at every switch.
 */
#ifndef WARDEN_ARMV8M_BOUNDARY_H
#define WARDEN_ARMV8M_BOUNDARY_H

#include <stdbool.h>

struct arch_thread;

/* The running thread (thread_v8m.c). */
extern struct arch_thread *armv8m_running;

/** Makes @p t, the boot context's thread, privileged with the SPM's map. */
void armv8m_boundary_adopt(struct arch_thread *t);

/** Makes @p t the thread of an NS context's agent: privileged, with the
 * SPM's map, no SVC stack (ns_ctx.c). Nothing is loaded. */
void armv8m_boundary_init_agent(struct arch_thread *t);

/**
 * Gives Thread mode @p t's privilege and, at level 3, @p t's MPU regions;
 * returns @p t. Called in Handler mode before @p t's context is loaded
 * (PendSV, a recovered fault).
 */
struct arch_thread *armv8m_boundary_enter(struct arch_thread *t);

/** Gives the MPU @p t's regions (level 3) and MMIO slots, now: for a
 * FLIH function (flih_svc.c), which runs in its partition's boundary, and
 * after it. Handler mode. */
void armv8m_boundary_load(const struct arch_thread *t);

/** True while the running thread runs an SVC call (privileged SPM code on
 * its SVC stack): a fault there is the SPM's, not its partition's. */
bool armv8m_boundary_in_svc(void);

#endif /* WARDEN_ARMV8M_BOUNDARY_H */
