/*
 * Non-secure image start-up: vector table, reset handler (the secure side
 * has set MSP_NS and VTOR_NS), C runtime, ns_main(), ns_platform_exit().
 */
#include <stdint.h>
#include <string.h>

#include "an505.h"
#include "memory_map.h"
#include "ns/an505_ns.h"
#include "platform_ns.h"

/* Symbols of an505_ns.ld.in. */
extern uint32_t an505_ns_stack_top[];
extern const uint32_t an505_ns_data_load[];
extern uint32_t an505_ns_data_start[];
extern uint32_t an505_ns_data_end[];
extern uint32_t an505_ns_bss_start[];
extern uint32_t an505_ns_bss_end[];

#define NS_SHCSR             (*(volatile uint32_t *)(uintptr_t)0xE000ED24u)
#define NS_SHCSR_MEMFAULTENA (1u << 16)
#define NS_SHCSR_USGFAULTENA (1u << 18)

__attribute__((section(".vectors"), used))
const struct an505_vector_table an505_ns_vectors = {
    .initial_sp = an505_ns_stack_top,
    .exceptions = {
        Reset_Handler,
        NMI_Handler,
        HardFault_Handler,
        MemManage_Handler,
        BusFault_Handler,
        UsageFault_Handler,
        0, /* SecureFault: Secure only */
        0, 0, 0,
        SVC_Handler,
        DebugMon_Handler,
        0,
        PendSV_Handler,
        SysTick_Handler,
    },
    .irqs = {[0 ... AN505_NUM_IRQS - 1] = Interrupt_Handler},
};

/*
 * An image built for an FP ABI (softfp, hard: __ARM_FP) turns the FPU on
 * in its CPACR_NS (CP10, CP11) before any C code, which may use it; the
 * secure boot has granted it (NSACR, docs/floating_point.md).
 */
#if defined(__ARM_FP)
#define ENABLE_FPU                        \
    "movw r0, #0xED88\n\t"                \
    "movt r0, #0xE000\n\t" /* CPACR_NS */ \
    "ldr r1, [r0]\n\t"                    \
    "orr r1, r1, #0xF00000\n\t"           \
    "str r1, [r0]\n\t"                    \
    "dsb\n\t"                             \
    "isb\n\t"
#else
#define ENABLE_FPU ""
#endif

__attribute__((naked, noreturn)) void Reset_Handler(void)
{
    __asm volatile("movw r0, #:lower16:an505_ns_stack_limit\n\t"
                   "movt r0, #:upper16:an505_ns_stack_limit\n\t"
                   "msr msplim, r0\n\t" ENABLE_FPU "b an505_ns_start\n\t");
}

void an505_ns_start(void)
{
    size_t data_len =
        (size_t)((uintptr_t)an505_ns_data_end - (uintptr_t)an505_ns_data_start);
    size_t bss_len =
        (size_t)((uintptr_t)an505_ns_bss_end - (uintptr_t)an505_ns_bss_start);

    memcpy(an505_ns_data_start, an505_ns_data_load, data_len);
    memset(an505_ns_bss_start, 0, bss_len);

    /* Non-secure MemManage and UsageFault get their own handlers (and
     * report); BusFault and HardFault stay with the secure side. */
    NS_SHCSR |= NS_SHCSR_MEMFAULTENA | NS_SHCSR_USGFAULTENA;

    ns_platform_exit(ns_main());
}
