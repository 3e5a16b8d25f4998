/*
 * FLIH functions at isolation levels 2 and 3 (flih_svc.c), for the SVC
 * handler (svc.c) and the fault handler (faults.c).
 */
#ifndef WARDEN_ARMV8M_FLIH_H
#define WARDEN_ARMV8M_FLIH_H

#include <stdbool.h>
#include <stdint.h>

#include "warden/config.h"

/* The SVC numbers, the reference's: the interrupt handler's request to run
 * a FLIH function (Handler mode), and the function's return. */
#define ARMV8M_SVC_FLIH_ENTER  0x40
#define ARMV8M_SVC_FLIH_RETURN 0x01

/*
 * What SVC_Handler puts under SVC 0x40's frame on MSP (svc.c), in bytes:
 * the interrupt handler's r4-r11, and with the FPU S16-S31 below them,
 * as the interrupted code left them (the handler uses no FP register).
 * Saving them makes the hardware write a lazily reserved FP state of the
 * interrupted code into its frame first, while its own MPU regions still
 * hold. For a Secure context that holds FP state that frame has all of
 * S0-S31 (FPCCR_S.TS) and the hardware clears the registers as it writes
 * it (here, or when the interrupt came with lazy stacking off), so what
 * is saved, and put back before the interrupt's return, is zeros: a
 * pending NS exception that tail-chains onto that return finds none of
 * the thread's values, whose own return loads them from its frame. Only
 * NS code's values, and a Secure context's without FP state, are saved
 * as they were, which no frame holds (tests/regression/fp checks the
 * tail-chained NS handler). S0-S31 are then zeroed, and the FLIH function
 * starts with no FP value of anyone else's (its first FP instruction gives
 * it FPSCR from FPDSCR_S: it starts with no FP state, CONTROL_S.SFPA 0).
 * S0-S15 are zeroed here because nothing else does it on this path: the
 * SVC's return would clear them (FPCCR.CLRONRET) only with CONTROL.FPCA
 * set, and armv8m_flih_enter() writes CONTROL for the FLIH function
 * without it (the FP test found the interrupted thread's S0-S15 in the
 * FLIH function, tests/partitions/fp/fp_flih.c).
 */
#if WARDEN_FPU
#define ARMV8M_FLIH_SAVED      96
#define ARMV8M_FLIH_SAVE_FP    "vpush  {s16-s31}\n\t" ARMV8M_FP_ZERO_ALL("r2")
#define ARMV8M_FLIH_RESTORE_FP "vpop   {s16-s31}\n\t"
#else
#define ARMV8M_FLIH_SAVED      32
#define ARMV8M_FLIH_SAVE_FP    ""
#define ARMV8M_FLIH_RESTORE_FP ""
#endif

/** True while a FLIH function runs (in Thread mode, unprivileged):
 * flih_svc.c sets it; a weak false at level 1 (faults.c). */
extern volatile bool armv8m_flih_active;

static inline bool armv8m_flih_running(void)
{
    return armv8m_flih_active;
}

/**
 * SVC 0x40, from SVC_Handler (which put the interrupt handler's r4-r11
 * under its frame at @p msp): starts the FLIH function; returns the
 * EXC_RETURN that leaves the SVC for it. Anything but arch_flih_call()'s
 * SVC is refused as the SPM's fault.
 */
uint32_t armv8m_flih_enter(uint32_t exc_return, uint32_t msp);

/** Ends the FLIH function in progress with @p result (its return, SVC
 * 0x01, or its fault): back to the interrupt handler. Does not return. */
__attribute__((noreturn)) void armv8m_flih_leave(uint32_t result);

/** Where a FLIH function returns (unprivileged code): SVC 0x01. */
void armv8m_flih_return(void);

/** The number of the SVC instruction that ends just before @p pc. */
static inline uint32_t armv8m_svc_number(uint32_t pc)
{
    return ((const volatile uint8_t *)(uintptr_t)pc)[-2];
}

/** The fault report (faults.c), entered from the fault stubs with the
 * handler's EXC_RETURN and MSP as they were on exception entry, and from
 * the SVC and FLIH paths for an SVC they refuse (ARCH_FAULT_SVC). */
__attribute__((noreturn)) void armv8m_fault_report(uint32_t exc_return,
                                                   uint32_t msp, uint32_t kind);

#endif /* WARDEN_ARMV8M_FLIH_H */
