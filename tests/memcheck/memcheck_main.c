/*
 * The memcheck image: a secure image of its own (never the product's) that
 * drives arch_check_caller_range() — the real Armv8-M check, the real TT
 * instruction, the AN505 as Warden sets it up — with many thousands of
 * generated (base, size, access, caller) cases, and compares each answer
 * with the reference model (memcheck_model.c). It runs three times: the NS
 * MPU off (as Warden boots), then with NS MPU regions programmed through
 * the SCS's NS alias (read-only, privileged-only and unmapped parts of the
 * NS data) for a privileged and an unprivileged NS caller (CONTROL_NS.nPRIV).
 * Each group prints "PASS: memcheck/<group> ..." or, after at most a few
 * mismatches, "FAIL: memcheck/<group> (...)"; tests/run_all.py counts them.
 * The Secure MPU is on (the platform's W^X map, as Warden boots): TT
 * answers differently for the secure code and the read-only data after
 * it, so a range across that edge is refused.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/arch.h"
#include "arch/armv8m/armv8m_port.h"
#include "lib/fmt/fmt.h"
#include "memcheck_model.h"
#include "tests/memcheck/mpu_table.h"
#include "platform.h"
#include "spm/ns_agent.h"

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* The Non-secure MPU, through the SCS's NS alias. */
#define MPU_NS_TYPE  REG32(0xE002ED90u)
#define MPU_NS_CTRL  REG32(0xE002ED94u)
#define MPU_NS_RNR   REG32(0xE002ED98u)
#define MPU_NS_RBAR  REG32(0xE002ED9Cu)
#define MPU_NS_RLAR  REG32(0xE002EDA0u)
#define MPU_NS_MAIR0 REG32(0xE002EDC0u)

#define MPU_CTRL_ENABLE     (1u << 0)
#define MPU_CTRL_PRIVDEFENA (1u << 2)
/* RBAR.AP: read-write or read-only, privileged only or any privilege. */
#define AP_RW_PRIV (0u << 1)
#define AP_RW_ANY  (1u << 1)
#define AP_RO_PRIV (2u << 1)
#define AP_RO_ANY  (3u << 1)
#define RLAR_EN    (1u << 0)

#define MAX_REPORTED 6u

static void out(const char *s, size_t len)
{
    platform_console_write(s, len);
}

struct group {
    const char *name;
    enum model_setup setup;
    bool ns;
    uint32_t cases;
    uint32_t accepted;
    uint32_t mismatches;
};

static void run_case(struct group *g, uint32_t base, uint32_t size,
                     uint32_t access)
{
    bool got = arch_check_caller_range(g->ns, base, size, access);
    bool want = model_allows(g->setup, g->ns, base, size, access);

    g->cases++;
    g->accepted += want ? 1u : 0u;
    if (got != want) {
        if (g->mismatches < MAX_REPORTED) {
            fmt_print(out,
                      "  %s: base 0x%08lx size 0x%08lx access %lu: "
                      "check says %s, model %s\r\n",
                      g->name, (unsigned long)base, (unsigned long)size,
                      (unsigned long)access, got ? "yes" : "no",
                      want ? "yes" : "no");
        }
        g->mismatches++;
    }
}

/* xorshift32: the same cases on every run. */
static uint32_t prng_state = 0x5EED1234u;

static uint32_t prng(void)
{
    uint32_t x = prng_state;

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    prng_state = x;
    return x;
}

static const int32_t deltas[] = { -4097, -256, -33, -32, -31, -17, -16, -15,
                                  -2,    -1,   0,   1,   2,   15,  16,  17,
                                  31,    32,   33,  255, 256, 4096 };
static const uint32_t sizes[] = { 1,       2,        3,        4,       15,
                                  16,      17,       31,       32,      33,
                                  63,      64,       65,       256,     0x1000,
                                  0x10000, 0x100000, 0x200000, 0x200001 };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Every point, nudged, with every size and access kind. */
static void sweep(struct group *g)
{
    for (unsigned p = 0; p < model_point_count; p++) {
        for (unsigned d = 0; d < COUNT(deltas); d++) {
            uint32_t base = model_points[p] + (uint32_t)deltas[d];
            for (unsigned s = 0; s < COUNT(sizes); s++) {
                for (uint32_t a = 1; a <= ARCH_ACCESS_RW; a++) {
                    run_case(g, base, sizes[s], a);
                }
            }
            /* Up to the top of the address space, and across it. */
            run_case(g, base, 0u - base - 1u, ARCH_ACCESS_READ);
            run_case(g, base, 0u - base, ARCH_ACCESS_READ);
            run_case(g, base, 0u - base + 1u, ARCH_ACCESS_READ);
            run_case(g, base, 0xFFFFFFFFu, ARCH_ACCESS_READ);
            run_case(g, base, 0u, ARCH_ACCESS_READ);
        }
    }
}

/* A point nudged by up to +-64 bytes. */
static uint32_t near_point(void)
{
    uint32_t r = prng();

    return model_points[(r >> 8) % model_point_count] + (r & 0x7Fu) - 64u;
}

/* Ranges from near one point to near another, and random ones. */
static void random_cases(struct group *g, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        uint32_t base = near_point();
        uint32_t last = near_point();
        uint32_t r = prng();
        uint32_t access = r & 7u; /* 0 and 4..7 must be refused */
        uint32_t size;

        switch ((r >> 3) & 3u) {
        case 0:
            size = last - base + 1u;
            break;
        case 1:
            size = (prng() & 0x3Fu) + 1u;
            break;
        case 2:
            base = prng();
            size = prng() >> (prng() & 31u);
            break;
        default:
            size = (last & 0xFFFFu) + 1u;
            break;
        }
        run_case(g, base, size, access);
    }
}

static bool report(const struct group *g, uint32_t min_accepted)
{
    if (g->mismatches != 0u) {
        fmt_print(out, "FAIL: memcheck/%s (%lu of %lu cases differ)\r\n",
                  g->name, (unsigned long)g->mismatches,
                  (unsigned long)g->cases);
        return false;
    }
    /* A model that refuses (or grants) everything proves nothing. */
    if (g->accepted < min_accepted || g->accepted == g->cases) {
        fmt_print(out,
                  "FAIL: memcheck/%s (only %lu of %lu cases accepted: a "
                  "degenerate run)\r\n",
                  g->name, (unsigned long)g->accepted, (unsigned long)g->cases);
        return false;
    }
    fmt_print(out, "PASS: memcheck/%s (%lu cases, %lu accepted)\r\n", g->name,
              (unsigned long)g->cases, (unsigned long)g->accepted);
    return true;
}

static bool run_group(const char *name, enum model_setup setup, bool ns)
{
    struct group g = { .name = name, .setup = setup, .ns = ns };

    sweep(&g);
    random_cases(&g, 20000u);
    return report(&g, 1000u);
}

static void mpu_region(uint32_t n, uint32_t base, uint32_t last, uint32_t ap)
{
    MPU_NS_RNR = n;
    MPU_NS_RBAR = (base & ~0x1Fu) | ap;
    MPU_NS_RLAR = (last & ~0x1Fu) | RLAR_EN; /* attribute index 0 */
}

/* The NS MPU of memcheck_model.h; false if there is none. */
static bool ns_mpu_setup(void)
{
    if (((MPU_NS_TYPE >> 8) & 0xFFu) < 6u) {
        return false;
    }
    MPU_NS_CTRL = 0u;
    MPU_NS_MAIR0 = 0xFFu; /* attribute 0: normal memory, write-back */
    mpu_region(0, MODEL_MPU_R0_BASE, MODEL_MPU_R0_LAST, AP_RW_ANY);
    mpu_region(1, MODEL_MPU_R1_BASE, MODEL_MPU_R1_LAST, AP_RO_ANY);
    mpu_region(2, MODEL_MPU_R2_BASE, MODEL_MPU_R2_LAST, AP_RW_PRIV);
    mpu_region(3, MODEL_MPU_R3_BASE, MODEL_MPU_R3_LAST, AP_RO_PRIV);
    mpu_region(4, MODEL_MPU_R4_BASE, MODEL_MPU_R4_LAST, AP_RW_ANY);
    mpu_region(5, MODEL_MPU_R5_BASE, MODEL_MPU_R5_LAST, AP_RO_ANY);
    MPU_NS_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
    __asm volatile("dsb\n\tisb" : : : "memory");
    return true;
}

static void set_ns_unprivileged(bool unpriv)
{
    uint32_t control;

    __asm volatile("mrs %0, control_ns" : "=r"(control));
    control = unpriv ? (control | 1u) : (control & ~1u);
    __asm volatile("msr control_ns, %0\n\tisb" : : "r"(control) : "memory");
}

/* The Secure MPU's table refusals (mpu_table.c): one PASS or FAIL line. */
static bool mpu_table_report(void)
{
    const char *why = mpu_table_check();

    if (why != NULL) {
        fmt_print(out, "FAIL: memcheck/mpu_table (%s)\r\n", why);
        return false;
    }
    fmt_print(out, "PASS: memcheck/mpu_table\r\n");
    return true;
}

void spm_main(void)
{
    bool ok = true;

    fmt_print(out,
              "memcheck: arch_check_caller_range() against the model, "
              "%u points\r\n",
              model_point_count);
    ok &= run_group("ns", MODEL_NS_MPU_OFF, true);
    ok &= run_group("secure", MODEL_NS_MPU_OFF, false);
    if (!ns_mpu_setup()) {
        fmt_print(out, "FAIL: memcheck/ns_mpu (no NS MPU with 6 regions)\r\n");
        platform_exit(1);
    }
    ok &= run_group("ns_mpu_privileged", MODEL_NS_MPU_PRIV, true);
    ok &= run_group("secure_ns_mpu", MODEL_NS_MPU_PRIV, false);
    set_ns_unprivileged(true);
    ok &= run_group("ns_mpu_unprivileged", MODEL_NS_MPU_UNPRIV, true);
    set_ns_unprivileged(false);
    ok &= mpu_table_report();
    platform_exit(ok ? 0 : 1);
}

/* No exception is expected: any one ends the run as a failure. */
void Default_Handler(void)
{
    fmt_print(out, "FAIL: memcheck/exception (an exception was taken)\r\n");
    platform_exit(70);
}

ARMV8M_WEAK_DEFAULT_HANDLERS();
ARMV8M_WEAK_DEFAULT(HardFault_Handler);
ARMV8M_WEAK_DEFAULT(MemManage_Handler);
ARMV8M_WEAK_DEFAULT(BusFault_Handler);
ARMV8M_WEAK_DEFAULT(UsageFault_Handler);
ARMV8M_WEAK_DEFAULT(SecureFault_Handler);
/* The platform's NMI handler hands an NMI that is not the watchdog's to
 * this entry of the port's fault handlers, which this image has not. */
void armv8m_nmi_fault(void);
ARMV8M_WEAK_DEFAULT(armv8m_nmi_fault);
