/*
 * The memory map of Warden on QEMU mps2-an505: the one source of addresses
 * for the C code and, through the C preprocessor, for the linker scripts
 * (an505_s.ld.in, an505_ns.ld.in). Plain integer literals only (no casts,
 * no U suffix, no C declarations) so that ld can read every line.
 *
 *   SSRAM1 (4 MiB; NS alias 0x0000_0000, S alias 0x1000_0000)
 *     0x1000_0000..0x1007_FBFF  secure code, rodata, .data load image
 *     0x1007_FC00..0x1007_FFFF  NSC veneers (SAU region with NSC set)
 *     0x1008_0000..0x102F_FBFF  unused, Secure
 *     0x102F_FC00..0x102F_FFFF  persistent area: Secure, loaded by no image,
 *                               survives a reset (see shared/platform/an505.md)
 *     0x0030_0000..0x003F_FFFF  Non-secure code, rodata, .data load image
 *                               (MPC blocks Non-secure, SAU region NS)
 *   SSRAM2 (2 MiB)  0x3800_0000..0x381F_FFFF  secure data: .data, .bss,
 *                               PSP stack, MSP stack (MSP on top)
 *   SSRAM3 (2 MiB)  0x2820_0000..0x283F_FFFF  Non-secure data: .data, .bss,
 *                               heap, stack (on top); all MPC blocks NS
 *   UART0 (CMSDK)   0x4020_0000 (NS alias): the console of both sides,
 *                               Non-secure through APB PPC EXP1 port 5
 */
#ifndef WARDEN_AN505_MEMORY_MAP_H
#define WARDEN_AN505_MEMORY_MAP_H

/* Secure code (SSRAM1, secure alias): vector table first. */
#define AN505_S_CODE_BASE 0x10000000
#define AN505_S_CODE_SIZE 0x0007FC00

/* The Non-secure callable veneers, right after the secure code. */
#define AN505_S_NSC_BASE 0x1007FC00
#define AN505_S_NSC_SIZE 0x00000400

/* Reserved for a persistent area: Secure, never part of an image. */
#define AN505_PERSIST_BASE 0x102FFC00
#define AN505_PERSIST_SIZE 0x00000400

/* Secure data (SSRAM2, secure alias). */
#define AN505_S_DATA_BASE 0x38000000
#define AN505_S_DATA_SIZE 0x00200000
/* Thread mode (boot, spm_main, veneer calls from NS Thread mode) uses PSP;
 * Handler mode and fault reports use MSP. */
#define AN505_S_PSP_STACK_SIZE 0x00001000
#define AN505_S_MSP_STACK_SIZE 0x00000800

/* Non-secure code (SSRAM1, NS alias, upper MiB): NS vector table first. */
#define AN505_NS_CODE_BASE 0x00300000
#define AN505_NS_CODE_SIZE 0x00100000

/* Non-secure data (SSRAM3, NS alias). */
#define AN505_NS_DATA_BASE  0x28200000
#define AN505_NS_DATA_SIZE  0x00200000
#define AN505_NS_STACK_SIZE 0x00002000

/* The SRAMs behind the memory protection controllers. */
#define AN505_SSRAM1_NS_BASE 0x00000000
#define AN505_SSRAM1_SIZE    0x00400000
#define AN505_SSRAM1_S_BASE  0x10000000
#define AN505_SSRAM1_MPC     0x58007000
#define AN505_SSRAM2_NS_BASE 0x28000000
#define AN505_SSRAM2_SIZE    0x00200000
#define AN505_SSRAM2_MPC     0x58008000
#define AN505_SSRAM3_NS_BASE 0x28200000
#define AN505_SSRAM3_SIZE    0x00200000
#define AN505_SSRAM3_MPC     0x58009000

/* Peripherals. */
/* The peripherals' Non-secure alias (their Secure alias: + 0x1000_0000). */
#define AN505_NS_PERIPH_BASE 0x40000000
#define AN505_NS_PERIPH_SIZE 0x10000000
#define AN505_UART0_BASE     0x40200000 /* NS alias; the console */
#define AN505_UART0_SIZE     0x00001000
#define AN505_SPCTRL_BASE    0x50080000 /* secure privilege control block */
#define AN505_SYSCLK_HZ      20000000

/* Interrupts: 32 of the IoT kit + 92 of the FPGA expansion. */
#define AN505_NUM_IRQS 124
/* The NS completion interrupt (WARDEN_NS_COMPLETION_IRQ=ON): a line no
 * device of the board drives, left Non-secure (tz_setup.c), which the SPM
 * pends (NVIC ISPR) when a deferred NS call's reply is ready; the NS side
 * enables it (ns_platform_completion_irq_init()). A manifest must not name
 * it. */
#define AN505_NS_COMPLETION_IRQ 90u

#endif /* WARDEN_AN505_MEMORY_MAP_H */
