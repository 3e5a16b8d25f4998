/*
 * The requests of the secure-interrupt test partitions, shared with the
 * host's NS suites: WARDEN_SP_IRQ (irq_partition.c, SFN model; its IRQs
 * WARDEN_IRQ_SLIH on host line 40 and WARDEN_IRQ_FLIH on line 41;
 * ns_irq_host.c) and, under the IPC backend, WARDEN_SP_IRQ_IPC
 * (irq_ipc_partition.c, IPC model; WARDEN_IRQ_IPC_SLIH on line 42;
 * ns_ipc_host.c). Every request returns what it says; an unknown one
 * PSA_ERROR_NOT_SUPPORTED.
 */
#ifndef WARDEN_IRQ_TEST_H
#define WARDEN_IRQ_TEST_H

#define IRQ_TEST_SLIH_LINE 40u
#define IRQ_TEST_FLIH_LINE 41u
#define IRQ_TEST_IPC_LINE  42u
/* A line no manifest names. */
#define IRQ_TEST_UNROUTED_LINE 50u

/* psa_irq_enable() of the SLIH; returns 0. */
#define IRQ_TYPE_ENABLE_SLIH 1
/* psa_irq_disable() of the SLIH; returns what it returned (1 if it was
 * enabled). */
#define IRQ_TYPE_DISABLE_SLIH 2
/* If psa_wait(PSA_POLL) finds the SLIH's signal asserted, psa_eoi() and
 * returns 1; else returns 0. */
#define IRQ_TYPE_END_SLIH 3
/* The same three for the FLIH; its "end" is psa_reset_signal(). */
#define IRQ_TYPE_ENABLE_FLIH  4
#define IRQ_TYPE_DISABLE_FLIH 5
#define IRQ_TYPE_RESET_FLIH   6
/* How many times the FLIH function ran; it returns PSA_FLIH_SIGNAL at
 * every second run (the 2nd, the 4th, ...), PSA_FLIH_NO_SIGNAL else. */
#define IRQ_TYPE_FLIH_CALLS 7

/* WARDEN_SP_IRQ_IPC: psa_irq_enable() of its SLIH, returns 0; how many
 * times its thread handled the SLIH (psa_eoi()). */
#define IRQ_IPC_TYPE_ENABLE  1
#define IRQ_IPC_TYPE_HANDLED 2

#endif /* WARDEN_IRQ_TEST_H */
