/*
 * TrustZone set-up of the AN505 (IoT kit): memory protection controllers,
 * peripheral protection (the console here, the partitions' peripherals in
 * ppc.c), NSC code region, SAU, and the secure exception configuration.
 * The memory map is memory_map.h.
 */
#include <stdint.h>

#include "an505.h"
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"
#include "memory_map.h"

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* Secure privilege control block. */
#define SPCTRL_SECRESPCFG   REG32(AN505_SPCTRL_BASE + 0x010u)
#define SPCTRL_NSCCFG       REG32(AN505_SPCTRL_BASE + 0x014u)
#define SPCTRL_APBNSPPCEXP1 REG32(AN505_SPCTRL_BASE + 0x084u)

#define SECRESPCFG_BUS_ERROR \
    (1u << 0)                    /* blocked access: bus error, not RAZ/WI */
#define NSCCFG_CODENSC (1u << 0) /* 0x1000_0000..: IDAU reports NSC */
#define PPCEXP1_UART0  (1u << 5) /* APB PPC EXP1 port 5: UART0 */

/* Memory protection controller registers. */
#define MPC_CTRL    0x000u
#define MPC_BLK_CFG 0x014u
#define MPC_BLK_IDX 0x018u
#define MPC_BLK_LUT 0x01Cu

#define MPC_CTRL_SEC_RESP (1u << 4) /* blocked access: bus error */
#define MPC_CTRL_AUTOINC  (1u << 8)

_Static_assert(AN505_NS_CODE_BASE >= AN505_SSRAM1_NS_BASE &&
                   AN505_NS_CODE_BASE + AN505_NS_CODE_SIZE <=
                       AN505_SSRAM1_NS_BASE + AN505_SSRAM1_SIZE,
               "NS code must lie in SSRAM1");
_Static_assert(AN505_NS_DATA_BASE >= AN505_SSRAM3_NS_BASE &&
                   AN505_NS_DATA_BASE + AN505_NS_DATA_SIZE <=
                       AN505_SSRAM3_NS_BASE + AN505_SSRAM3_SIZE,
               "NS data must lie in SSRAM3");
_Static_assert((AN505_PERSIST_BASE & 0x0FFFFFFF) + AN505_PERSIST_SIZE <=
                   AN505_NS_CODE_BASE - AN505_SSRAM1_NS_BASE,
               "the persistent area must stay in SSRAM1's Secure blocks");
_Static_assert(AN505_S_NSC_BASE == AN505_S_CODE_BASE + AN505_S_CODE_SIZE &&
                   AN505_S_NSC_BASE % 32 == 0 && AN505_S_NSC_SIZE % 32 == 0,
               "the NSC region follows the secure code, 32-byte aligned");

/* Marks [offset, offset + size) of an MPC's memory Non-secure; refuses a
 * range that is not made of whole blocks. Whole LUT words are written with
 * auto-increment off (see shared/platform/an505.md). */
static int mpc_make_ns(uintptr_t mpc, uint32_t offset, uint32_t size)
{
    uint32_t block = 1u << (REG32(mpc + MPC_BLK_CFG) + 5u);
    uint32_t first = offset / block;
    uint32_t end = (offset + size) / block;

    if (offset % block != 0u || size % block != 0u) {
        return -1;
    }
    REG32(mpc + MPC_CTRL) =
        (REG32(mpc + MPC_CTRL) & ~MPC_CTRL_AUTOINC) | MPC_CTRL_SEC_RESP;
    for (uint32_t word = first / 32u; word * 32u < end; word++) {
        uint32_t mask = 0;
        for (uint32_t bit = 0; bit < 32u; bit++) {
            uint32_t b = word * 32u + bit;
            if (b >= first && b < end) {
                mask |= 1u << bit;
            }
        }
        REG32(mpc + MPC_BLK_IDX) = word;
        REG32(mpc + MPC_BLK_LUT) |= mask;
    }
    __asm volatile("dsb" : : : "memory");
    return 0;
}

static const struct armv8m_sau_region an505_sau[] = {
    { AN505_NS_CODE_BASE, AN505_NS_CODE_BASE + AN505_NS_CODE_SIZE - 1, 0 },
    { AN505_S_NSC_BASE, AN505_S_NSC_BASE + AN505_S_NSC_SIZE - 1, 1 },
    { AN505_NS_DATA_BASE, AN505_NS_DATA_BASE + AN505_NS_DATA_SIZE - 1, 0 },
    /* The peripherals' Non-secure alias: the PPCs decide, port by port,
     * what the Non-secure side reaches there (UART0, the console). */
    { AN505_NS_PERIPH_BASE, AN505_NS_PERIPH_BASE + AN505_NS_PERIPH_SIZE - 1,
      0 },
};

int an505_tz_init(void)
{
    int rc = 0;

    /* Faults first, so that anything below is reported precisely. */
    ARMV8M_SHCSR |= ARMV8M_SHCSR_MEMFAULTENA | ARMV8M_SHCSR_BUSFAULTENA |
                    ARMV8M_SHCSR_USGFAULTENA | ARMV8M_SHCSR_SECUREFAULTENA;
    ARMV8M_CCR |= ARMV8M_CCR_DIV_0_TRP;
    /* BusFault/HardFault/NMI stay Secure (BFHFNMINS 0); Secure exceptions
     * take priority over Non-secure ones (PRIS); only Secure code may
     * reset the device (SYSRESETREQS). */
    ARMV8M_AIRCR = ARMV8M_AIRCR_VECTKEY |
                   (ARMV8M_AIRCR & ARMV8M_AIRCR_PRIGROUP) | ARMV8M_AIRCR_PRIS |
                   ARMV8M_AIRCR_SYSRESETREQS;

    rc |=
        mpc_make_ns(AN505_SSRAM1_MPC, AN505_NS_CODE_BASE - AN505_SSRAM1_NS_BASE,
                    AN505_NS_CODE_SIZE);
    rc |=
        mpc_make_ns(AN505_SSRAM3_MPC, AN505_NS_DATA_BASE - AN505_SSRAM3_NS_BASE,
                    AN505_NS_DATA_SIZE);
    /* SSRAM2 (secure data) keeps every block Secure; blocked accesses
     * raise a bus error there too. */
    REG32(AN505_SSRAM2_MPC + MPC_CTRL) =
        (REG32(AN505_SSRAM2_MPC + MPC_CTRL) & ~MPC_CTRL_AUTOINC) |
        MPC_CTRL_SEC_RESP;

    SPCTRL_SECRESPCFG = SECRESPCFG_BUS_ERROR;
    SPCTRL_APBNSPPCEXP1 |= PPCEXP1_UART0;
    rc |= an505_ppc_init();
    /* Every interrupt line Non-secure: the SPM routes the manifests'
     * lines back (platform_irq_route(), irq.c). */
    for (uint32_t n = 0; n < (AN505_NUM_IRQS + 31u) / 32u; n++) {
        ARMV8M_NVIC_ITNS(n) = 0xFFFFFFFFu;
    }
    SPCTRL_NSCCFG |= NSCCFG_CODENSC;

    rc |= armv8m_sau_configure(an505_sau,
                               sizeof(an505_sau) / sizeof(an505_sau[0]));
    return rc;
}
