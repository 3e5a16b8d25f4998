/*
 * The reference model (memcheck_model.h). A caller may name a range when
 * it lies inside one zone of its list that grants the access, where a zone
 * is memory of that caller's over which the TT instruction's answer does
 * not change: a range across two zones is refused even when both grant the
 * access (the check compares TT's answers for the first and last byte).
 * Everything else — the system space from 0xE000_0000, peripherals, the
 * other world's memory, aliases, holes — is in no zone.
 */
#include "memcheck_model.h"

#include <stddef.h>

#define R  1u
#define W  2u
#define RW 3u

struct zone {
    uint32_t base;
    uint32_t last;
    uint32_t access;
};

/* Where the image's code ends and its read-only data starts: the Secure
 * MPU's regions change there (an505_s.ld.in). */
extern const char an505_s_text_end[];
#define CODE_END ((uint32_t)(uintptr_t)an505_s_text_end)

/* Secure partitions: secure data, and the secure image read-only, cut
 * where the Secure MPU's read-only data region starts and where the NSC
 * veneers start (a SAU and an MPU region of their own). */
static const struct zone secure_zones[] = {
    { 0x38000000u, 0x381FFFFFu, RW },
    { 0x10000000u, CODE_END - 1u, R },
    { CODE_END, 0x1007FBFFu, R },
    { 0x1007FC00u, 0x1007FFFFu, R },
};

/* The Non-secure side, its MPU off: NS data, the NS code image read-only. */
static const struct zone ns_zones[] = {
    { 0x28200000u, 0x283FFFFFu, RW },
    { 0x00300000u, 0x003FFFFFu, R },
};

/* The same with memcheck_main.c's NS MPU, privileged and unprivileged. */
static const struct zone ns_mpu_priv_zones[] = {
    { MODEL_MPU_R0_BASE, MODEL_MPU_R0_LAST, RW },
    { MODEL_MPU_R0_LAST + 1u, MODEL_MPU_R1_BASE - 1u, RW }, /* default map */
    { MODEL_MPU_R1_BASE, MODEL_MPU_R1_LAST, R },
    { MODEL_MPU_R2_BASE, MODEL_MPU_R2_LAST, RW },
    { MODEL_MPU_R3_BASE, MODEL_MPU_R3_LAST, R },
    { MODEL_MPU_R4_BASE, MODEL_MPU_R4_LAST, RW },
    { MODEL_MPU_R5_BASE, MODEL_MPU_R5_LAST, R },
};

static const struct zone ns_mpu_unpriv_zones[] = {
    { MODEL_MPU_R0_BASE, MODEL_MPU_R0_LAST, RW },
    { MODEL_MPU_R1_BASE, MODEL_MPU_R1_LAST, R },
    { MODEL_MPU_R4_BASE, MODEL_MPU_R4_LAST, RW },
    { MODEL_MPU_R5_BASE, MODEL_MPU_R5_LAST, R },
};

#define ZONES(z) (z), sizeof(z) / sizeof((z)[0])

static bool in_zones(const struct zone *z, size_t n, uint32_t base,
                     uint32_t last, uint32_t access)
{
    for (size_t i = 0; i < n; i++) {
        if (z[i].base <= base && base <= z[i].last) {
            return last <= z[i].last && (access & ~z[i].access) == 0u;
        }
    }
    return false;
}

bool model_allows(enum model_setup setup, bool ns, uint32_t base, uint32_t size,
                  uint32_t access)
{
    uint64_t end = (uint64_t)base + size;

    /* Empty, wrapping or reaching the top of the address space: no. */
    if (access == 0u || access > RW || size == 0u || end > 0xFFFFFFFFu) {
        return false;
    }
    uint32_t last = (uint32_t)(end - 1u);
    if (!ns) {
        return in_zones(ZONES(secure_zones), base, last, access);
    }
    switch (setup) {
    case MODEL_NS_MPU_PRIV:
        return in_zones(ZONES(ns_mpu_priv_zones), base, last, access);
    case MODEL_NS_MPU_UNPRIV:
        return in_zones(ZONES(ns_mpu_unpriv_zones), base, last, access);
    default:
        return in_zones(ZONES(ns_zones), base, last, access);
    }
}

const uint32_t model_points[] = {
    /* The ends of the address space. */
    0x00000000u,
    0xFFFFFFFFu,
    0xFFFFFFE0u,
    /* SSRAM1: NS alias (Secure blocks, then the NS code), secure alias. */
    0x00200000u,
    0x00300000u,
    0x00310000u,
    0x00400000u,
    0x10000000u,
    CODE_END,
    0x10040000u,
    0x1007FC00u,
    0x10080000u,
    0x102FFC00u,
    0x10300000u,
    0x10400000u,
    /* SSRAM2 and SSRAM3, both aliases, and what follows them. */
    0x28000000u,
    0x28200000u,
    0x28300000u,
    0x28400000u,
    0x38000000u,
    0x38100000u,
    0x38200000u,
    0x38400000u,
    /* The NS MPU's region bounds. */
    MODEL_MPU_R0_LAST + 1u,
    MODEL_MPU_R1_BASE,
    MODEL_MPU_R2_BASE,
    MODEL_MPU_R3_BASE,
    MODEL_MPU_R4_BASE,
    0x28210400u,
    /* Other areas of the map: nothing there, or peripherals. */
    0x20000000u,
    0x30000000u,
    0x40000000u,
    0x40200000u,
    0x50200000u,
    0x50080000u,
    0x58007000u,
    0x80000000u,
    0xA0000000u,
    /* The system space: ITM, SCS (SysTick, SCB, VTOR, AIRCR, SAU, MPU),
     * the SCS's NS alias, the ROM table, the vendor area, the IDAU's other
     * exempt area. */
    0xE0000000u,
    0xE000E000u,
    0xE000E010u,
    0xE000ED08u,
    0xE000ED0Cu,
    0xE000ED90u,
    0xE000EDD8u,
    0xE000F000u,
    0xE002E000u,
    0xE002ED08u,
    0xE00FF000u,
    0xE0100000u,
    0xF0000000u,
    0xF0100000u,
};

const unsigned model_point_count =
    sizeof(model_points) / sizeof(model_points[0]);
