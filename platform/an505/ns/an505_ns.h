/*
 * The Non-secure image's exception handlers (its vector table). The fault
 * handlers and Default_Handler print the fault on the console and end the
 * run with AN505_EXIT_NS_FAULT; the weak ones may be overridden by the NS
 * application or kernel (SVC, PendSV, SysTick, interrupts).
 */
#ifndef WARDEN_AN505_NS_H
#define WARDEN_AN505_NS_H

void HardFault_Handler(void);
void MemManage_Handler(void);
void BusFault_Handler(void);
void UsageFault_Handler(void);
void Default_Handler(void);
void NMI_Handler(void);       /* weak, Default_Handler */
void SVC_Handler(void);       /* weak, Default_Handler */
void DebugMon_Handler(void);  /* weak, Default_Handler */
void PendSV_Handler(void);    /* weak, Default_Handler */
void SysTick_Handler(void);   /* weak, Default_Handler */
void Interrupt_Handler(void); /* weak, Default_Handler: every external IRQ */

#endif /* WARDEN_AN505_NS_H */
