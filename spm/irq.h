/*
 * Secure interrupts: the IRQs the manifests name (spm/load_info.h,
 * warden_irqs[]), routed to the secure side at boot, delivered to their
 * partitions as SLIH signals or FLIH calls, and the partition-side API
 * that manages them (psa_irq_enable(), psa_irq_disable(), psa_eoi(),
 * psa_reset_signal()) with the FF-M rules (docs/interrupts.md).
 *
 * Delivery: an SLIH line is disabled at the interrupt controller and its
 * signal asserted; psa_eoi() clears the signal and enables the line again.
 * A FLIH function runs at once, in its partition's context (arch/arch.h,
 * arch_flih_call()); PSA_FLIH_SIGNAL asserts the signal, which
 * psa_reset_signal() clears. The backend asserts a signal from interrupt
 * context (backend_irq_assert(), spm/backend.h).
 */
#ifndef WARDEN_SPM_IRQ_H
#define WARDEN_SPM_IRQ_H

#include <stdint.h>

#include "psa/service.h"

struct spm_partition;

/** Routes every manifest IRQ to the secure side, disabled, then enables
 * those of FF-M 1.0 manifests (WARDEN_IRQ_ENABLED_AT_LOAD). Boot-time,
 * after the backend set up its partitions. */
void spm_irq_init(void);

/**
 * Delivers an interrupt of platform line @p line to the partition whose
 * manifest names it: called by the platform's interrupt handler, in
 * interrupt context. A line no manifest names is an SPM invariant (the
 * platform routes only manifest lines to the secure side).
 */
void spm_irq_dispatch(uint32_t line);

/** The partition whose FLIH function runs now (interrupt context), or
 * NULL. */
struct spm_partition *spm_irq_flih_partition(void);

/** The IRQ signals of @p p, together. */
psa_signal_t spm_irq_signals(const struct spm_partition *p);

/** Disables every IRQ of @p p, a partition being stopped: nothing is
 * delivered to it any more. */
void spm_irq_stop(const struct spm_partition *p);

/** Stops @p self, which broke a rule of @p api with @p signal, under the
 * panic policy: spm_panic() says "<api>(0x<signal>): <why>". */
__attribute__((noreturn)) void spm_irq_refuse(struct spm_partition *self,
                                              const char *api,
                                              psa_signal_t signal,
                                              const char *why);

/* The API bodies, for the running partition @p self (the backends'
 * psa_interface files call them). A signal that is not exactly one IRQ
 * signal of @p self, of the handling the call needs, stops @p self
 * (spm_irq_refuse()), saying why. */
void spm_irq_enable(struct spm_partition *self, psa_signal_t irq_signal);
/** Returns 1 if the IRQ was enabled, 0 if it was disabled already. */
psa_irq_status_t spm_irq_disable(struct spm_partition *self,
                                 psa_signal_t irq_signal);
void spm_irq_eoi(struct spm_partition *self, psa_signal_t irq_signal);
void spm_irq_reset_signal(struct spm_partition *self, psa_signal_t irq_signal);

#endif /* WARDEN_SPM_IRQ_H */
