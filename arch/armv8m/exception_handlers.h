/*
 * The exception handlers an Armv8-M vector table names, for both images of
 * a board (the secure one's come from arch/armv8m/faults.c, the Non-secure
 * one's from the platform's NS start-up). Fault handlers and
 * Default_Handler print the fault and end the run; the others are weak
 * aliases of Default_Handler (ARMV8M_WEAK_DEFAULT_HANDLERS) that an
 * application or kernel may override.
 */
#ifndef WARDEN_ARMV8M_EXCEPTION_HANDLERS_H
#define WARDEN_ARMV8M_EXCEPTION_HANDLERS_H

void HardFault_Handler(void);
void MemManage_Handler(void);
void BusFault_Handler(void);
void UsageFault_Handler(void);
void SecureFault_Handler(void); /* secure image only */
void Default_Handler(void);
void NMI_Handler(void);
void SVC_Handler(void);
void DebugMon_Handler(void);
void PendSV_Handler(void);
void SysTick_Handler(void);
void Interrupt_Handler(void); /* every external IRQ */

#define ARMV8M_WEAK_DEFAULT(name) \
    void name(void) __attribute__((weak, alias("Default_Handler")))

#define ARMV8M_WEAK_DEFAULT_HANDLERS()     \
    ARMV8M_WEAK_DEFAULT(NMI_Handler);      \
    ARMV8M_WEAK_DEFAULT(SVC_Handler);      \
    ARMV8M_WEAK_DEFAULT(DebugMon_Handler); \
    ARMV8M_WEAK_DEFAULT(PendSV_Handler);   \
    ARMV8M_WEAK_DEFAULT(SysTick_Handler);  \
    ARMV8M_WEAK_DEFAULT(Interrupt_Handler)

#endif /* WARDEN_ARMV8M_EXCEPTION_HANDLERS_H */
