/*
 * Secure image start-up: vector table, reset handler (stack limits, Thread
 * mode on PSP), C runtime, TrustZone and console set-up, then spm_main().
 */
#include <stdint.h>
#include <string.h>

#include "an505.h"
#include "arch/armv8m/armv8m_port.h"
#include "memory_map.h"
#include "platform.h"
#include "spm/ns_agent.h"

/* Symbols of an505_s.ld.in. */
extern uint32_t an505_s_msp_top[];
extern const uint32_t an505_s_data_load[];
extern uint32_t an505_s_data_start[];
extern uint32_t an505_s_data_end[];
extern uint32_t an505_s_bss_start[];
extern uint32_t an505_s_bss_end[];

__attribute__((section(".vectors"), used))
const struct an505_vector_table an505_s_vectors = {
    .initial_sp = an505_s_msp_top,
    .exceptions = {
        Reset_Handler,
        NMI_Handler,
        HardFault_Handler,
        MemManage_Handler,
        BusFault_Handler,
        UsageFault_Handler,
        SecureFault_Handler,
        0, 0, 0,
        SVC_Handler,
        DebugMon_Handler,
        0,
        PendSV_Handler,
        SysTick_Handler,
    },
    .irqs = {[0 ... AN505_NUM_IRQS - 1] = Interrupt_Handler},
};

/* MSP (from the vector table) serves Handler mode; Thread mode moves to
 * its own stack so that a Thread-mode stack overflow is still reported on
 * an intact MSP. */
__attribute__((naked, noreturn)) void Reset_Handler(void)
{
    __asm volatile("movw r0, #:lower16:an505_s_msp_limit\n\t"
                   "movt r0, #:upper16:an505_s_msp_limit\n\t"
                   "msr msplim, r0\n\t"
                   "movw r0, #:lower16:an505_s_psp_limit\n\t"
                   "movt r0, #:upper16:an505_s_psp_limit\n\t"
                   "msr psplim, r0\n\t"
                   "movw r0, #:lower16:an505_s_psp_top\n\t"
                   "movt r0, #:upper16:an505_s_psp_top\n\t"
                   "msr psp, r0\n\t"
                   "movs r0, #2\n\t" /* CONTROL.SPSEL: Thread mode on PSP */
                   "msr control, r0\n\t"
                   "isb\n\t"
                   "b an505_secure_start\n\t");
}

/* The unprivileged partitions' RAM at isolation levels 2 and 3
 * (warden_partition_init.ld): for each, its data's load address, address
 * and size, then its zeroed data's address and size. */
struct part_ram_init {
    const uint32_t *load;
    uint32_t *data;
    uint32_t data_size;
    uint32_t *bss;
    uint32_t bss_size;
};
extern const struct part_ram_init an505_s_part_init_start[];
extern const struct part_ram_init an505_s_part_init_end[];

static void init_partition_ram(void)
{
    for (const struct part_ram_init *p = an505_s_part_init_start;
         p != an505_s_part_init_end; p++) {
        memcpy(p->data, p->load, p->data_size);
        memset(p->bss, 0, p->bss_size);
    }
}

void an505_secure_start(void)
{
    size_t data_len =
        (size_t)((uintptr_t)an505_s_data_end - (uintptr_t)an505_s_data_start);
    size_t bss_len =
        (size_t)((uintptr_t)an505_s_bss_end - (uintptr_t)an505_s_bss_start);

    armv8m_fp_init();
    memcpy(an505_s_data_start, an505_s_data_load, data_len);
    memset(an505_s_bss_start, 0, bss_len);
    init_partition_ram();
    armv8m_seal_main_stack(an505_s_msp_top);

    if (an505_tz_init() != 0 || armv8m_mpu_init() != 0) {
        /* The console may be unreachable: end the run without a word. */
        an505_semihost_exit(ARMV8M_EXIT_SECURE_FAULT);
        platform_halt();
    }
    an505_uart_init();
    spm_main();
}
