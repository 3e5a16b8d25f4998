/*
 * NS memory the Non-secure MPU makes read-only (QEMU models the Armv8-M
 * MPU): the SPM writes outvecs in Secure state, which the NS MPU does not
 * govern, so only the range check's TTA answer (NSRW, not NSR) keeps it
 * from writing there. The NS side programs its own MPU (privileged Thread
 * mode), one read-only region over part of a buffer, the default map
 * elsewhere, and switches it off again after each test.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ns_suites.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/test/warden_test_service.h"

/* The Non-secure MPU (the NS view of the banked registers). */
#define MPU_REG(off) (*(volatile uint32_t *)(uintptr_t)(0xE000ED90u + (off)))
#define MPU_TYPE     MPU_REG(0x00u)
#define MPU_CTRL     MPU_REG(0x04u)
#define MPU_RNR      MPU_REG(0x08u)
#define MPU_RBAR     MPU_REG(0x0Cu)
#define MPU_RLAR     MPU_REG(0x10u)
#define MPU_MAIR0    MPU_REG(0x30u)

#define MPU_CTRL_ENABLE     (1u << 0)
#define MPU_CTRL_PRIVDEFENA (1u << 2)
#define RBAR_AP_RO_ANY      (3u << 1)
#define RLAR_EN             (1u << 0)

#define PE PSA_ERROR_PROGRAMMER_ERROR

/* Bytes 32..63 become read-only; 0..31 and 64..95 stay read-write. */
static uint8_t window[96] __attribute__((aligned(32)));
#define RO (&window[32])

static bool mpu_read_only(void *base, size_t size)
{
    uintptr_t b = (uintptr_t)base;

    if (((MPU_TYPE >> 8) & 0xFFu) == 0u) {
        return false;
    }
    MPU_CTRL = 0u;
    MPU_MAIR0 = 0xFFu; /* attribute 0: normal memory, write-back */
    MPU_RNR = 0u;
    MPU_RBAR = b | RBAR_AP_RO_ANY;
    MPU_RLAR = ((b + size - 1u) & ~0x1Fu) | RLAR_EN;
    MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
    __asm volatile("dsb\n\tisb" : : : "memory");
    return true;
}

static void mpu_off(void)
{
    MPU_CTRL = 0u;
    MPU_RNR = 0u;
    MPU_RLAR = 0u;
    __asm volatile("dsb\n\tisb" : : : "memory");
}

static void read_only_vectors(struct test_result_t *ret)
{
    uint8_t out[16] = { 0 };
    psa_invec in_ro[] = { { RO, 16 } };
    psa_outvec ov[] = { { out, sizeof(out) } };
    psa_invec iv[] = { { window, 16 } };
    psa_outvec out_ro[] = { { RO, 16 } };
    psa_outvec out_ro_last[] = { { RO + 31, 1 } };
    psa_outvec out_across_in[] = { { RO - 16, 32 } };
    psa_outvec out_across_out[] = { { RO + 16, 32 } };
    psa_outvec out_before[] = { { window, 32 } };
    psa_outvec out_after[] = { { RO + 32, 32 } };

    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, 0, iv, 1, out_ro, 1) == PE,
               "outvec in NS MPU read-only memory");
    TEST_CHECK(ns_good_call_ok(), "a good call after it");
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, 0, iv, 1, out_ro_last, 1) == PE,
               "outvec on the read-only region's last byte");
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, 0, iv, 1, out_across_in, 1) ==
                   PE,
               "outvec from read-write into read-only memory");
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, 0, iv, 1, out_across_out, 1) ==
                   PE,
               "outvec from read-only into read-write memory");
    TEST_CHECK(memcmp(RO, "read-only window", 16) == 0,
               "the read-only bytes unchanged");
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, 0, in_ro, 1, ov, 1) == 16,
               "an invec in NS MPU read-only memory is fine");
    TEST_CHECK(memcmp(out, "read-only window", 16) == 0,
               "read from NS MPU read-only memory");
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, 0, iv, 1, out_before, 1) == 16,
               "an outvec ending just before the read-only region");
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, 0, iv, 1, out_after, 1) == 16,
               "an outvec starting just after it");
}

static void t_read_only_vectors(struct test_result_t *ret)
{
    memset(window, 0x5A, sizeof(window));
    memcpy(RO, "read-only window", 16);
    TEST_CHECK(mpu_read_only(RO, 32), "no NS MPU");
    read_only_vectors(ret);
    mpu_off();
}

static const struct test_t tests[] = {
    { t_read_only_vectors, "TEST_NS_2101",
      "vectors in memory the NS MPU makes read-only" },
};

const struct ns_suite ns_mpu_suite = { "ns_mpu", tests,
                                       sizeof(tests) / sizeof(tests[0]) };
