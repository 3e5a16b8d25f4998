/* See bench_timer.h. The loops are assembly: their lengths are the method. */
#include "bench_timer.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)

#define SYST_CSR_ENABLE    (1u << 0)
#define SYST_CSR_CLKSOURCE (1u << 2) /* processor clock */

void bench_timer_init(void)
{
    SYST_CSR = 0u;
    SYST_RVR = 0xFFFFFFu;
    SYST_CVR = 0u;
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_CLKSOURCE;
}

/*
 * Vernier: read the counter every 51 instructions. Each reading lands one
 * instruction later in its tick than the one before, so two consecutive
 * readings are 1 tick apart, except once per 50 when the earlier one stood
 * on the last instruction of a tick: then they are 2 apart and the later
 * one stands on the first instruction of a tick. From there, k rounds of a
 * 3-instruction loop.
 *
 * Loop body (label 1): 45 nops + ldr + subs + mov + lsls + cmp + bne = 51.
 */
__attribute__((naked)) void bench_align(__attribute__((unused)) uint32_t k)
{
    __asm volatile(
        "movw   r12, #0xE018\n\t"
        "movt   r12, #0xE000\n\t"
        "ldr    r1, [r12]\n\t"
        "1:\n\t"
        ".rept 45\n\t"
        "nop\n\t"
        ".endr\n\t"
        "ldr    r2, [r12]\n\t"
        "subs   r3, r1, r2\n\t"
        "mov    r1, r2\n\t"
        "lsls   r3, r3, #8\n\t" /* 24-bit difference, in bits 31..8 */
        "cmp    r3, #0x200\n\t" /* 2 ticks apart? */
        "bne    1b\n\t"
        "adds   r0, r0, #1\n\t"
        "2:\n\t"
        "nop\n\t"
        "subs   r0, r0, #1\n\t"
        "bne    2b\n\t"
        "bx     lr\n\t");
}
