/*
 * The memcheck image's reference model: which ranges of the AN505 a caller
 * may name, written from the memory map (docs/architecture.md, "Caller
 * memory") and the NS MPU set-up of memcheck_main.c, independently of
 * arch/armv8m/mem_check.c and of platform/an505's headers.
 */
#ifndef WARDEN_MEMCHECK_MODEL_H
#define WARDEN_MEMCHECK_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/* What the test has set up around the checks. */
enum model_setup {
    MODEL_NS_MPU_OFF,    /* the NS MPU off (as Warden boots) */
    MODEL_NS_MPU_PRIV,   /* the NS MPU of memcheck_main.c, NS privileged */
    MODEL_NS_MPU_UNPRIV, /* the same, CONTROL_NS.nPRIV = 1 */
};

/* The NS MPU regions memcheck_main.c programs (limits inclusive). */
#define MODEL_MPU_R0_BASE 0x28200000u /* RW, any privilege */
#define MODEL_MPU_R0_LAST 0x2820FFFFu
/* 0x2821_0000..0x2821_001F: no region (privileged: the default map) */
#define MODEL_MPU_R1_BASE 0x28210020u /* read-only, any privilege */
#define MODEL_MPU_R1_LAST 0x282100FFu
#define MODEL_MPU_R2_BASE 0x28210100u /* RW, privileged only */
#define MODEL_MPU_R2_LAST 0x282101FFu
#define MODEL_MPU_R3_BASE 0x28210200u /* read-only, privileged only */
#define MODEL_MPU_R3_LAST 0x282102FFu
#define MODEL_MPU_R4_BASE 0x28210300u /* RW, any privilege */
#define MODEL_MPU_R4_LAST 0x283FFFFFu
#define MODEL_MPU_R5_BASE 0x00300000u /* read-only, any: the NS code */
#define MODEL_MPU_R5_LAST 0x003FFFFFu

/**
 * True if a caller (@p ns: the Non-secure side, else a secure partition)
 * may pass [@p base, @p base + @p size) for @p access (1 read, 2 write,
 * 3 both; anything else is refused) under @p setup.
 */
bool model_allows(enum model_setup setup, bool ns, uint32_t base, uint32_t size,
                  uint32_t access);

/** Addresses worth testing around: every bound of the model's map, the
 * system space, peripherals, holes, the ends of the address space. */
extern const uint32_t model_points[];
extern const unsigned model_point_count;

#endif /* WARDEN_MEMCHECK_MODEL_H */
