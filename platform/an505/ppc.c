/*
 * The AN505's peripheral protection controllers (PPCs) for the image's
 * named MMIO regions (manifest_platform.yaml): a peripheral a partition
 * owns is Secure, and reachable by unprivileged Secure code only when its
 * owner runs unprivileged. Built once per secure image, against its load
 * info (cmake/secure_image.cmake).
 */
#include <stdbool.h>
#include <stdint.h>

#include "an505.h"
#include "memory_map.h"
#include "spm/load_info.h"
#include "spm/mmio.h"

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/*
 * The Secure privilege control block's PPC registers: per bank, one word
 * of Non-secure bits (a port whose bit is set is Non-secure) and one of
 * secure-unprivileged bits (a Secure port whose bit is set is reachable
 * by unprivileged code; otherwise by privileged code only).
 */
#define SPCTRL_APBNSPPC0    0x070u
#define SPCTRL_APBNSPPC1    0x074u
#define SPCTRL_APBNSPPCEXP0 0x080u
#define SPCTRL_APBNSPPCEXP1 0x084u
#define SPCTRL_APBNSPPCEXP2 0x088u
#define SPCTRL_APBNSPPCEXP3 0x08Cu
#define SPCTRL_AHBNSPPCEXP0 0x060u
#define SPCTRL_AHBNSPPCEXP1 0x064u
#define SPCTRL_AHBNSPPCEXP2 0x068u
#define SPCTRL_AHBNSPPCEXP3 0x06Cu
#define SPCTRL_APBSPPPC0    0x0B0u
#define SPCTRL_APBSPPPC1    0x0B4u
#define SPCTRL_APBSPPPCEXP0 0x0C0u
#define SPCTRL_APBSPPPCEXP1 0x0C4u
#define SPCTRL_APBSPPPCEXP2 0x0C8u
#define SPCTRL_APBSPPPCEXP3 0x0CCu
#define SPCTRL_AHBSPPPCEXP0 0x0A0u
#define SPCTRL_AHBSPPPCEXP1 0x0A4u
#define SPCTRL_AHBSPPPCEXP2 0x0A8u
#define SPCTRL_AHBSPPPCEXP3 0x0ACu

#define PPC_PORTS 32u

struct ppc_bank {
    uint16_t ns; /* offset of its Non-secure bits */
    uint16_t sp; /* offset of its secure-unprivileged bits */
};

/* By the bank numbers of manifest_platform.yaml's ppc_banks: a bank the
 * description drops or renames stops the build here. */
static const struct ppc_bank an505_ppc_banks[WARDEN_NUM_PPC_BANKS] = {
    [WARDEN_PPC_BANK_APBNSPPC0] = { SPCTRL_APBNSPPC0, SPCTRL_APBSPPPC0 },
    [WARDEN_PPC_BANK_APBNSPPC1] = { SPCTRL_APBNSPPC1, SPCTRL_APBSPPPC1 },
    [WARDEN_PPC_BANK_APBNSPPCEXP0] = { SPCTRL_APBNSPPCEXP0,
                                       SPCTRL_APBSPPPCEXP0 },
    [WARDEN_PPC_BANK_APBNSPPCEXP1] = { SPCTRL_APBNSPPCEXP1,
                                       SPCTRL_APBSPPPCEXP1 },
    [WARDEN_PPC_BANK_APBNSPPCEXP2] = { SPCTRL_APBNSPPCEXP2,
                                       SPCTRL_APBSPPPCEXP2 },
    [WARDEN_PPC_BANK_APBNSPPCEXP3] = { SPCTRL_APBNSPPCEXP3,
                                       SPCTRL_APBSPPPCEXP3 },
    [WARDEN_PPC_BANK_AHBNSPPCEXP0] = { SPCTRL_AHBNSPPCEXP0,
                                       SPCTRL_AHBSPPPCEXP0 },
    [WARDEN_PPC_BANK_AHBNSPPCEXP1] = { SPCTRL_AHBNSPPCEXP1,
                                       SPCTRL_AHBSPPPCEXP1 },
    [WARDEN_PPC_BANK_AHBNSPPCEXP2] = { SPCTRL_AHBNSPPCEXP2,
                                       SPCTRL_AHBSPPPCEXP2 },
    [WARDEN_PPC_BANK_AHBNSPPCEXP3] = { SPCTRL_AHBNSPPCEXP3,
                                       SPCTRL_AHBSPPPCEXP3 },
};

/* Makes port @p bit of @p bank Secure, reachable unprivileged or not. */
static int ppc_secure(uint8_t bank, uint8_t bit, bool unprivileged)
{
    const struct ppc_bank *regs;
    uint32_t mask;

    /* With no bank at all (a platform description without PPCs) the
     * table is empty and the test always true. */
    /* cppcheck-suppress unsignedPositive */
    if (bank >= sizeof(an505_ppc_banks) / sizeof(an505_ppc_banks[0]) ||
        bit >= PPC_PORTS) {
        return -1;
    }
    regs = &an505_ppc_banks[bank];
    if (regs->ns == 0u) {
        return -1; /* a bank this file does not know */
    }
    mask = 1u << bit;
    REG32(AN505_SPCTRL_BASE + regs->ns) &= ~mask;
    if (unprivileged) {
        REG32(AN505_SPCTRL_BASE + regs->sp) |= mask;
    } else {
        REG32(AN505_SPCTRL_BASE + regs->sp) &= ~mask;
    }
    return 0;
}

int an505_ppc_init(void)
{
    int rc = 0;

    for (const struct warden_mmio_info *r = warden_mmio_regions; r->size != 0u;
         r++) {
        if (r->ppc_bank == WARDEN_MMIO_NO_PPC) {
            continue;
        }
        rc |= ppc_secure(
            r->ppc_bank, r->ppc_bit,
            warden_partition_unprivileged(&warden_partitions[r->partition]));
    }
    __asm volatile("dsb" : : : "memory");
    return rc;
}
