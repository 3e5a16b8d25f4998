/*
 * The W^X tests' bad things (an505 only): each breaks the secure side's
 * W^X map (platform/an505/armv8m_regions.h, ARMV8M_SECURE_MPU_REGIONS)
 * once, so that the Secure MPU must stop it with a MemManage fault. Done
 * by the WX test partition's service (wx_partition.c, under both backends)
 * and by one IPC victim per case (victim_wx_*.c, under the IPC backend).
 * Where nothing stops it, each one leaves everything as it was and returns.
 * Inline, so that each partition does it to its own code and data.
 */
#ifndef WARDEN_WX_BAD_H
#define WARDEN_WX_BAD_H

#include <stdint.h>

#include "memory_map.h"

/* The cases, as the psa_call() type the WX service takes. */
enum wx_case {
    WX_WRITE_CODE = 1,   /* write its own code (.text): DACCVIOL */
    WX_WRITE_RODATA = 2, /* write a static const (.rodata): DACCVIOL */
    WX_EXEC_STACK = 3,   /* run a "bx lr" on its stack: IACCVIOL */
    WX_EXEC_DATA = 4,    /* run a "bx lr" in .data: IACCVIOL */
    WX_WRITE_VENEER = 5, /* write the NSC veneers: DACCVIOL */
    WX_EXEC_SPARE = 6,   /* write and run a "bx lr" in unused SSRAM1 */
    WX_EXEC_PSRAM = 7,   /* write and run a "bx lr" in QEMU's PSRAM */
    WX_EXEC_RODATA = 8,  /* run a "bx lr" in .rodata: IACCVIOL */
};

#define THUMB_BX_LR 0x4770u
#define WX_PSRAM    0x80000000u /* QEMU mps2-an505's PSRAM, in no image */

/* A constant: in .rodata, read-only (a const volatile object would go to
 * .data). */
static const uint32_t wx_constant __attribute__((unused)) = 0x5AFEC0DEu;

/* Two Thumb "bx lr" in read-only data (.rodata): execute-never. */
static const uint16_t wx_rodata_code[2]
    __attribute__((unused)) = { THUMB_BX_LR, THUMB_BX_LR };

/* Two Thumb "bx lr" in writable data (.data): RAM, execute-never. */
static volatile uint16_t wx_data_code[2]
    __attribute__((unused)) = { THUMB_BX_LR, THUMB_BX_LR };

/* Calls the Thumb code at @p code (bit 0 set: Thumb state). */
static inline void wx_call(uintptr_t code)
{
    __asm volatile("dsb\n\tisb" : : : "memory");
    ((void (*)(void))(code | 1u))();
}

/* Writes back what a halfword holds: a no-op where writes are allowed. */
static inline void wx_rewrite(uintptr_t addr)
{
    volatile uint16_t *p = (volatile uint16_t *)(addr & ~(uintptr_t)1u);
    uint16_t was = *p;

    *p = was;
}

static inline void wx_exec_stack(void)
{
    volatile uint16_t code[2] = { THUMB_BX_LR, THUMB_BX_LR };

    wx_call((uintptr_t)code);
}

/* Writes two "bx lr" at @p addr and runs them. */
static inline void wx_exec_at(uintptr_t addr)
{
    volatile uint16_t *code = (volatile uint16_t *)addr;

    code[0] = THUMB_BX_LR;
    code[1] = THUMB_BX_LR;
    wx_call(addr);
}

/** Does the bad thing @p what names; returns if nothing stopped it (or
 * @p what is no case). */
static inline void wx_do(uint32_t what)
{
    switch (what) {
    case WX_WRITE_CODE:
        wx_rewrite((uintptr_t)&wx_do);
        break;
    case WX_WRITE_RODATA: {
        volatile uint32_t *p = (volatile uint32_t *)(uintptr_t)&wx_constant;
        uint32_t was = *p;

        *p = was;
        break;
    }
    case WX_EXEC_STACK:
        wx_exec_stack();
        break;
    case WX_EXEC_DATA:
        wx_call((uintptr_t)wx_data_code);
        break;
    case WX_WRITE_VENEER:
        wx_rewrite(AN505_S_NSC_BASE);
        break;
    case WX_EXEC_SPARE:
        wx_exec_at(AN505_S_NSC_BASE + AN505_S_NSC_SIZE);
        break;
    case WX_EXEC_PSRAM:
        wx_exec_at(WX_PSRAM);
        break;
    case WX_EXEC_RODATA:
        wx_call((uintptr_t)wx_rodata_code);
        break;
    default:
        break;
    }
}

#endif /* WARDEN_WX_BAD_H */
