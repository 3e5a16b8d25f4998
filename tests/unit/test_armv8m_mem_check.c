/*
 * arch/armv8m/mem_check.c built on the host: its arithmetic and each of its
 * checks, against the AN505's region lists (platform/an505/
 * armv8m_regions.h) and a fake TT/TTA (fake/cmse/). Each check is tested
 * with the others permissive, so that removing it, or moving one of its
 * bounds by one, fails a test here. The map below is written out again by
 * hand (not taken from memory_map.h), so a wrong region list fails too.
 * The real TT instruction on the real map is tested on QEMU (the memcheck
 * layer, tests/memcheck/).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "arch/arch.h"
#include "fake_cmse.h"

#define R  ARCH_ACCESS_READ
#define W  ARCH_ACCESS_WRITE
#define RW ARCH_ACCESS_RW

/* TT answers: Non-secure read-write / read-only (TTA), Secure (TT). */
#define NS_RW (FAKE_TT_R | FAKE_TT_RW | FAKE_TT_NSR | FAKE_TT_NSRW)
#define NS_RO (FAKE_TT_R | FAKE_TT_NSR)
#define S_RW  (FAKE_TT_R | FAKE_TT_RW | FAKE_TT_S)
#define S_RO  (FAKE_TT_R | FAKE_TT_S)

/* The AN505 map (docs/architecture.md, "Caller memory"). */
#define NS_DATA      0x28200000u
#define NS_DATA_LAST 0x283FFFFFu
#define NS_CODE      0x00300000u
#define NS_CODE_LAST 0x003FFFFFu
#define S_DATA       0x38000000u
#define S_DATA_LAST  0x381FFFFFu
#define S_CODE       0x10000000u
#define S_CODE_LAST  0x1007FFFFu /* the NSC veneers included */

static bool ok(bool ns, uintptr_t base, size_t size, uint32_t access)
{
    return arch_check_caller_range(ns, base, size, access);
}

/* TT grants everything to both views: only the regions can refuse. */
static int tt_permissive(void **state)
{
    (void)state;
    fake_cmse_reset(S_RW, NS_RW);
    return 0;
}

static void test_size_zero_and_access_kinds(void **state)
{
    (void)state;
    assert_false(ok(true, NS_DATA, 0, R));
    assert_false(ok(false, S_DATA, 0, R));
    for (uint32_t a = 0; a < 16u; a++) {
        bool valid = a == R || a == W || a == RW;
        assert_int_equal(ok(true, NS_DATA, 16, a), valid);
        assert_int_equal(ok(false, S_DATA, 16, a), valid);
        assert_int_equal(arch_check_unpriv_range(S_DATA, 16, a), valid);
    }
}

static void test_wrap_is_refused(void **state)
{
    (void)state;
    /* The last byte wraps to a low address: base and last are each inside
     * a region's bounds (base above its base, last below its limit). */
    assert_false(ok(true, UINTPTR_MAX - 15u, 32, R));
    assert_false(ok(false, UINTPTR_MAX - 15u, 32, R));
    assert_false(ok(true, NS_DATA + 16u, SIZE_MAX, R));
    assert_false(ok(false, S_DATA + 16u, SIZE_MAX, R));
    assert_false(ok(true, NS_DATA + 16u, SIZE_MAX - 15u, R));
    /* Ending at the very top of the address space: refused too. */
    assert_false(ok(true, UINTPTR_MAX - 15u, 16, R));
    assert_false(ok(true, UINTPTR_MAX, 1, R));
}

/* [first, last] of one region, and the bytes just outside it. */
static void edges(bool ns, uintptr_t first, uintptr_t last, uint32_t access)
{
    assert_true(ok(ns, first, 16, access));
    assert_true(ok(ns, last - 15u, 16, access)); /* ends on its last byte */
    assert_true(ok(ns, last, 1, access));        /* its last byte alone */
    assert_true(ok(ns, first, last - first + 1u, access)); /* all of it */
    assert_false(ok(ns, last - 14u, 16, access)); /* one byte further */
    assert_false(ok(ns, last + 1u, 1, access));
    assert_false(ok(ns, first - 1u, 16, access)); /* one byte before */
    assert_false(ok(ns, first - 1u, 1, access));
    assert_false(ok(ns, first, last - first + 2u, access));
}

static void test_region_edges(void **state)
{
    (void)state;
    edges(true, NS_DATA, NS_DATA_LAST, RW);
    edges(true, NS_CODE, NS_CODE_LAST, R);
    edges(false, S_DATA, S_DATA_LAST, RW);
    edges(false, S_CODE, S_CODE_LAST, R);
}

static void test_read_only_images(void **state)
{
    (void)state;
    /* Read, not written: a write flag is not a read flag. */
    assert_false(ok(true, NS_CODE, 16, W));
    assert_false(ok(true, NS_CODE, 16, RW));
    assert_false(ok(true, NS_CODE_LAST, 1, W));
    assert_false(ok(false, S_CODE, 16, W));
    assert_false(ok(false, 0x1007FC00u, 32, W)); /* the veneers */
    assert_true(ok(false, 0x1007FC00u, 32, R));
    assert_false(ok(false, S_CODE_LAST, 1, RW));
    /* First byte outside a read-only image, last byte inside. */
    assert_false(ok(true, NS_CODE - 16u, 32, R));
    assert_false(ok(false, S_CODE - 16u, 32, R));
    /* Data is writable. */
    assert_true(ok(true, NS_DATA_LAST, 1, W));
    assert_true(ok(false, S_DATA_LAST, 1, W));
}

/* Addresses no caller may name, whatever TT says. */
static const uintptr_t nobodys[] = {
    0xE000ED08u, /* VTOR_S */
    0xE000ED0Cu, /* AIRCR */
    0xE000EDD8u, /* SAU_RNR */
    0xE002ED08u, /* VTOR_NS */
    0xE0000000u, /* ITM */
    0xE00FF000u, /* ROM table */
    0xE0100000u, /* vendor system area */
    0xF0000000u, /* IDAU-exempt vendor area */
    0xFFFFFFF0u, /* the top 16 bytes of a 32-bit space */
    0x40200000u, /* UART0, NS alias */
    0x50200000u, /* UART0, secure alias */
    0x58007000u, /* an MPC */
    0x28400000u, /* hole after SSRAM3 */
    0x28000000u, /* SSRAM2, NS alias */
    0x102FFC00u, /* the persistent area */
    0x10080000u, /* SSRAM1's unused secure blocks */
    0x00000000u, /* SSRAM1's secure blocks, NS alias */
    0x20000000u,
};

static void test_nobodys_memory(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(nobodys) / sizeof(nobodys[0]); i++) {
        for (uint32_t a = R; a <= RW; a++) {
            assert_false(ok(true, nobodys[i], 16, a));
            assert_false(ok(false, nobodys[i], 16, a));
        }
    }
}

static void test_other_worlds_memory(void **state)
{
    (void)state;
    assert_false(ok(true, S_DATA, 16, R));
    assert_false(ok(true, S_CODE, 16, R));
    assert_false(ok(true, 0x38200000u, 16, R)); /* NS data's secure alias */
    assert_false(ok(true, 0x10300000u, 16, R)); /* NS code's secure alias */
    assert_false(ok(false, NS_DATA, 16, R));
    assert_false(ok(false, NS_CODE, 16, R));
    /* Spanning two regions of different worlds, or two of one world. */
    assert_false(ok(true, NS_DATA_LAST - 15u, 32, R));
    assert_false(ok(false, S_CODE_LAST - 15u, S_DATA - S_CODE_LAST + 32u, R));
}

/* Inside the regions, TT decides. */
static void test_tta_decides_for_ns(void **state)
{
    (void)state;
    fake_cmse_reset(S_RW, NS_RW);
    fake_cmse_span(true, NS_DATA, NS_DATA + 0xFFu, S_RW); /* Secure to TTA */
    fake_cmse_span(true, NS_DATA + 0x100u, NS_DATA + 0x1FFu, NS_RO);
    fake_cmse_span(true, NS_DATA + 0x200u, NS_DATA + 0x2FFu,
                   FAKE_TT_NSR | FAKE_TT_NSRW); /* NS, and R/RW clear */
    assert_false(ok(true, NS_DATA, 16, R));
    /* Non-secure read-only (the NS MPU): read yes, write no. */
    assert_true(ok(true, NS_DATA + 0x100u, 16, R));
    assert_false(ok(true, NS_DATA + 0x100u, 16, W));
    assert_false(ok(true, NS_DATA + 0x100u, 16, RW));
    /* NSR/NSRW decide for an NS caller, not R/RW. */
    assert_true(ok(true, NS_DATA + 0x200u, 16, RW));
    /* TTA, not TT: TT calling it Secure read-write changes nothing. */
    fake_cmse_reset(NS_RW, S_RW);
    assert_false(ok(true, NS_DATA + 0x400u, 16, R));
}

static void test_tt_decides_for_secure(void **state)
{
    (void)state;
    fake_cmse_reset(S_RW, NS_RW);
    fake_cmse_span(false, S_DATA, S_DATA + 0xFFu, NS_RW); /* Non-secure */
    fake_cmse_span(false, S_DATA + 0x100u, S_DATA + 0x1FFu, S_RO);
    fake_cmse_span(false, S_DATA + 0x200u, S_DATA + 0x2FFu, FAKE_TT_S);
    assert_false(ok(false, S_DATA, 16, R));
    assert_false(ok(false, S_DATA, 16, RW));
    assert_true(ok(false, S_DATA + 0x100u, 16, R));
    assert_false(ok(false, S_DATA + 0x100u, 16, W));
    assert_false(ok(false, S_DATA + 0x200u, 16, R));
    /* TT, not TTA: TTA calling it Secure read-write changes nothing. */
    fake_cmse_reset(NS_RW, S_RW);
    assert_false(ok(false, S_DATA + 0x400u, 16, R));
}

/* An unprivileged secure caller (isolation levels 2 and 3): TTT, the MPU's
 * unprivileged view, decides, not TT; the secure regions still bound it. */
static void test_ttt_decides_for_unprivileged(void **state)
{
    (void)state;
    fake_cmse_reset(S_RW, NS_RW);
    fake_cmse_span_unpriv(S_DATA, S_DATA + 0xFFu, FAKE_TT_S); /* not its */
    fake_cmse_span_unpriv(S_DATA + 0x100u, S_DATA + 0x1FFu, S_RO);
    assert_true(ok(false, S_DATA, 16, R));                /* privileged: TT */
    assert_false(arch_check_unpriv_range(S_DATA, 16, R)); /* TTT */
    assert_true(arch_check_unpriv_range(S_DATA + 0x100u, 16, R));
    assert_false(arch_check_unpriv_range(S_DATA + 0x100u, 16, W));
    assert_true(arch_check_unpriv_range(S_DATA + 0x200u, 16, RW));
    /* Both ends in the same view: a range leaving it is refused. */
    assert_false(arch_check_unpriv_range(S_DATA + 0x1F0u, 32, R));
    /* Outside the secure regions, whatever TTT says; empty or wrapping. */
    assert_false(arch_check_unpriv_range(NS_DATA, 16, R));
    assert_false(arch_check_unpriv_range(S_DATA + 0x200u, 0, R));
    assert_false(arch_check_unpriv_range(UINTPTR_MAX - 7u, 16, R));
}

static void test_both_ends_must_agree(void **state)
{
    uint32_t rw1 = NS_RW | FAKE_TT_MRVALID | FAKE_TT_MREGION(1);
    uint32_t ro2 = NS_RO | FAKE_TT_MRVALID | FAKE_TT_MREGION(2);
    uint32_t rw3 = NS_RW | FAKE_TT_MRVALID | FAKE_TT_MREGION(3);

    (void)state;
    /* The same attribution (NS), different permissions. */
    fake_cmse_reset(S_RW, NS_RW);
    fake_cmse_span(true, NS_DATA, NS_DATA + 0x7Fu, rw1);
    fake_cmse_span(true, NS_DATA + 0x80u, NS_DATA + 0xFFu, ro2);
    assert_false(ok(true, NS_DATA + 0x70u, 32, W));
    assert_false(ok(true, NS_DATA + 0x70u, 32, R));
    /* Both ends read-write, a read-only region between them. */
    fake_cmse_span(true, NS_DATA + 0x100u, NS_DATA + 0x17Fu, rw3);
    assert_false(ok(true, NS_DATA + 0x40u, 0x100u, W));
    assert_false(ok(true, NS_DATA + 0x40u, 0x100u, R));
    assert_true(ok(true, NS_DATA, 0x80u, RW));
    /* The same for a secure caller. */
    fake_cmse_reset(S_RW, NS_RW);
    fake_cmse_span(false, S_DATA + 0x80u, S_DATA + 0xFFu, S_RO);
    fake_cmse_span(false, S_DATA + 0x100u, S_DATA + 0x1FFu,
                   S_RW | FAKE_TT_MRVALID | FAKE_TT_MREGION(4));
    assert_false(ok(false, S_DATA + 0x70u, 32, W));
    assert_false(ok(false, S_DATA + 0x40u, 0x100u, R));
}

static void test_granule_crossing(void **state)
{
    /* A Secure granule inside NS data, at an address with bit 5 set. */
    const uintptr_t island = NS_DATA + 0x10020u;

    (void)state;
    fake_cmse_reset(S_RW, NS_RW);
    fake_cmse_span(true, island, island + 31u, S_RW);
    /* Ends at the granule's last byte before the island: one TTA. */
    assert_true(ok(true, island - 32u, 32, RW));
    assert_int_equal(fake_cmse_calls(), 1);
    /* One byte further: the last byte is Secure (base ^ last == 32). */
    assert_false(ok(true, island - 32u, 33, R));
    /* A short buffer across the granule boundary, from NS into Secure. */
    assert_false(ok(true, island - 1u, 2, R));
    assert_false(ok(true, island - 4u, 8, W));
    /* From Secure into NS, and inside the island. */
    assert_false(ok(true, island + 31u, 2, R));
    assert_false(ok(true, island, 1, R));
    assert_true(ok(true, island + 32u, 1, R));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_size_zero_and_access_kinds, tt_permissive),
        cmocka_unit_test_setup(test_wrap_is_refused, tt_permissive),
        cmocka_unit_test_setup(test_region_edges, tt_permissive),
        cmocka_unit_test_setup(test_read_only_images, tt_permissive),
        cmocka_unit_test_setup(test_nobodys_memory, tt_permissive),
        cmocka_unit_test_setup(test_other_worlds_memory, tt_permissive),
        cmocka_unit_test(test_tta_decides_for_ns),
        cmocka_unit_test(test_tt_decides_for_secure),
        cmocka_unit_test(test_ttt_decides_for_unprivileged),
        cmocka_unit_test(test_both_ends_must_agree),
        cmocka_unit_test(test_granule_crossing),
    };

    return cmocka_run_group_tests_name("armv8m_mem_check", tests, NULL, NULL);
}
