/*
 * FLIH functions at isolation levels 2 and 3 (flih_svc.c), for the SVC
 * handler (svc.c) and the fault handler (faults.c).
 */
#ifndef WARDEN_ARMV8M_FLIH_H
#define WARDEN_ARMV8M_FLIH_H

#include <stdbool.h>
#include <stdint.h>

/* The SVC numbers, the reference's: the interrupt handler's request to run
 * a FLIH function (Handler mode), and the function's return. */
#define ARMV8M_SVC_FLIH_ENTER  0x40
#define ARMV8M_SVC_FLIH_RETURN 0x01

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
