/*
 * The SVC from Handler mode (isolation level 2 only): ISO_PSA, privileged,
 * starts the secure SysTick, whose handler (iso_psa_tick.c, stronger than
 * the port's weak default) makes the SVC of psa_framework_version(). An
 * exception handler is the SPM's own code: the SVC interface must refuse
 * it as a fault of the SPM (arch/armv8m/svc.c), which the default policy
 * answers with a reset.
 */
#ifndef WARDEN_TESTS_ISO_PSA_TICK_H
#define WARDEN_TESTS_ISO_PSA_TICK_H

/** Starts the secure SysTick, below SVCall's priority (so that its
 * handler's SVC is taken, not escalated to a HardFault); privileged code
 * only. Returns; the first tick follows soon. */
void iso_psa_tick_start(void);

#endif /* WARDEN_TESTS_ISO_PSA_TICK_H */
