/*
 * The Non-secure image's exception handlers (its vector table). The fault
 * handlers and Default_Handler print the fault on the console and end the
 * run with AN505_EXIT_NS_FAULT; the weak ones may be overridden by the NS
 * application or kernel (SVC, PendSV, SysTick, interrupts).
 */
#ifndef WARDEN_AN505_NS_H
#define WARDEN_AN505_NS_H

#include "arch/armv8m/exception_handlers.h"

#endif /* WARDEN_AN505_NS_H */
