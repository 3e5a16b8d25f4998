/*
 * armv8m_mpu_configure()'s refusals, on the Secure MPU as Warden booted
 * it: a table it cannot program (a region not 32-byte aligned at either
 * end, an empty one, more regions than the MPU has) returns -1 and leaves
 * the MPU as it was; the platform's own table is accepted again.
 */
#include "tests/memcheck/mpu_table.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/armv8m/armv8m_port.h"
#include "arch/armv8m/armv8m_regs.h"

#define MAX_REGIONS 16u

struct mpu_state {
    uint32_t ctrl;
    uint32_t rbar0;
    uint32_t rlar0;
};

static struct mpu_state mpu_state(void)
{
    struct mpu_state s;

    ARMV8M_MPU_RNR = 0u;
    s.ctrl = ARMV8M_MPU_CTRL;
    s.rbar0 = ARMV8M_MPU_RBAR;
    s.rlar0 = ARMV8M_MPU_RLAR;
    return s;
}

/* True if configuring @p n regions of @p r is refused and changes
 * nothing. */
static bool refused(const struct armv8m_mpu_region *r, size_t n)
{
    struct mpu_state before = mpu_state();
    int rc = armv8m_mpu_configure(r, n);
    struct mpu_state after = mpu_state();

    return rc == -1 && before.ctrl == after.ctrl &&
           before.rbar0 == after.rbar0 && before.rlar0 == after.rlar0;
}

const char *mpu_table_check(void)
{
    static const struct armv8m_mpu_region base_unaligned[] = {
        { 0x38100010u, 0x3810003Fu, ARMV8M_MPU_XN },
    };
    static const struct armv8m_mpu_region limit_unaligned[] = {
        { 0x38100000u, 0x3810003Eu, ARMV8M_MPU_XN },
    };
    static const struct armv8m_mpu_region empty[] = {
        { 0x38100040u, 0x3810003Fu, ARMV8M_MPU_XN },
    };
    static struct armv8m_mpu_region many[MAX_REGIONS + 1u];
    size_t avail = (ARMV8M_MPU_TYPE >> 8) & 0xFFu;

    if ((ARMV8M_MPU_CTRL & ARMV8M_MPU_CTRL_ENABLE) == 0u) {
        return "the Secure MPU is off after boot";
    }
    if (!refused(base_unaligned, 1u) || !refused(limit_unaligned, 1u) ||
        !refused(empty, 1u)) {
        return "a region not 32-byte aligned, or empty, was accepted";
    }
    if (avail > MAX_REGIONS) {
        return "more MPU regions than the test's table";
    }
    for (size_t i = 0; i <= avail; i++) {
        many[i].base = 0x38100000u + 0x20u * i;
        many[i].limit = many[i].base + 0x1Fu;
        many[i].attr = ARMV8M_MPU_XN;
    }
    if (!refused(many, avail + 1u)) {
        return "more regions than the MPU has were accepted";
    }
    if (armv8m_mpu_init() != 0) {
        return "the platform's own table was refused";
    }
    return NULL;
}
