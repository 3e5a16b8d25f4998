/* SAU programming from the platform's region table. */
#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"

int armv8m_sau_configure(const struct armv8m_sau_region *regions, size_t n)
{
    size_t avail = ARMV8M_SAU_TYPE & 0xFFu;

    if (n > avail) {
        return -1;
    }
    ARMV8M_SAU_CTRL = 0u;
    for (size_t i = 0; i < avail; i++) {
        ARMV8M_SAU_RNR = (uint32_t)i;
        if (i < n) {
            ARMV8M_SAU_RBAR = (uint32_t)regions[i].base & ~0x1Fu;
            ARMV8M_SAU_RLAR = ((uint32_t)regions[i].limit & ~0x1Fu) |
                              (regions[i].nsc ? ARMV8M_SAU_RLAR_NSC : 0u) |
                              ARMV8M_SAU_RLAR_ENABLE;
        } else {
            ARMV8M_SAU_RLAR = 0u;
        }
    }
    ARMV8M_SAU_CTRL = ARMV8M_SAU_CTRL_ENABLE;
    __asm volatile("dsb\n\tisb" : : : "memory");
    return 0;
}
