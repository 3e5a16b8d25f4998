/*
 * NS suite: every bad input the SPM must refuse with a status (never a
 * reset, a hang or a fault), each followed by a good call.
 */
#include <string.h>

#include "ns_suites.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tfm_psa_call_pack.h"
#include "tfm_veneers.h"
#include "tests/partitions/test/warden_test_service.h"

#define PE PSA_ERROR_PROGRAMMER_ERROR

/* A stateless echo through the raw veneer with a chosen control word. */
static psa_status_t raw_call(psa_handle_t h, uint32_t ctrl, const psa_invec *iv,
                             psa_outvec *ov)
{
    return tfm_psa_call_veneer(h, ctrl, iv, ov);
}

#define CHECK_THEN_GOOD(cond, msg)                                \
    do {                                                          \
        TEST_CHECK(cond, msg);                                    \
        TEST_CHECK(ns_good_call_ok(), "a good call after: " msg); \
    } while (0)

static void t_handle_zero(struct test_result_t *ret)
{
    CHECK_THEN_GOOD(psa_call(PSA_NULL_HANDLE, 0, NULL, 0, NULL, 0) == PE,
                    "handle 0");
    CHECK_THEN_GOOD(psa_call(-5, 0, NULL, 0, NULL, 0) == PE, "negative handle");
}

static void t_forged_handle(struct test_result_t *ret)
{
    psa_handle_t h = psa_connect(TEST_CONN_SID, 2);

    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "connect");
    CHECK_THEN_GOOD(psa_call(h + 0x100, 0, NULL, 0, NULL, 0) == PE,
                    "wrong generation");
    CHECK_THEN_GOOD(psa_call((h & ~0xFF) | 0xFE, 0, NULL, 0, NULL, 0) == PE,
                    "slot out of range");
    CHECK_THEN_GOOD(psa_call(0x3FFFFF01, 0, NULL, 0, NULL, 0) == PE,
                    "made-up handle");
    CHECK_THEN_GOOD(tfm_psa_close_veneer(h + 0x100) == PE, "close forged");
    psa_close(h);
}

static void t_closed_handle(struct test_result_t *ret)
{
    psa_handle_t h = psa_connect(TEST_CONN_SID, 2);

    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "connect");
    psa_close(h);
    CHECK_THEN_GOOD(psa_call(h, 0, NULL, 0, NULL, 0) == PE, "call closed");
    CHECK_THEN_GOOD(tfm_psa_close_veneer(h) == PE, "close twice");
}

static void t_stale_handle(struct test_result_t *ret)
{
    psa_handle_t old = psa_connect(TEST_CONN_SID, 2);
    psa_handle_t fresh;

    TEST_CHECK(PSA_HANDLE_IS_VALID(old), "connect");
    psa_close(old);
    fresh = psa_connect(TEST_CONN_SID, 2); /* the same slot again */
    TEST_CHECK(PSA_HANDLE_IS_VALID(fresh), "reconnect");
    TEST_CHECK((fresh & 0xFF) == (old & 0xFF), "slot reused");
    TEST_CHECK(fresh != old, "a new generation");
    CHECK_THEN_GOOD(psa_call(old, 0, NULL, 0, NULL, 0) == PE, "stale handle");
    TEST_CHECK(psa_call(fresh, TEST_TYPE_RHANDLE, NULL, 0, NULL, 0) == 1,
               "the new connection works");
    psa_close(fresh);
}

static void t_negative_type(struct test_result_t *ret)
{
    CHECK_THEN_GOOD(psa_call(TEST_STATELESS_HANDLE, -1, NULL, 0, NULL, 0) == PE,
                    "type -1 (library)");
    CHECK_THEN_GOOD(raw_call(TEST_STATELESS_HANDLE, 0x8000u, NULL, NULL) == PE,
                    "type -32768 (veneer)");
    CHECK_THEN_GOOD(raw_call(TEST_STATELESS_HANDLE, 0xFFFFu, NULL, NULL) == PE,
                    "type -1 (veneer)");
}

static void t_too_many_vectors(struct test_result_t *ret)
{
    uint8_t b[4][4];
    psa_invec iv[4] = { { b[0], 4 }, { b[1], 4 }, { b[2], 4 }, { b[3], 4 } };
    psa_outvec ov[4] = { { b[0], 4 }, { b[1], 4 }, { b[2], 4 }, { b[3], 4 } };

    CHECK_THEN_GOOD(psa_call(TEST_STATELESS_HANDLE, 0, iv, 3, ov, 2) == PE,
                    "3 + 2 vectors");
    CHECK_THEN_GOOD(psa_call(TEST_STATELESS_HANDLE, 0, iv, 5, NULL, 0) == PE,
                    "5 invecs (library)");
    CHECK_THEN_GOOD(
        raw_call(TEST_STATELESS_HANDLE, PARAM_PACK(0, 5, 0), iv, ov) == PE,
        "5 invecs (veneer)");
    CHECK_THEN_GOOD(
        raw_call(TEST_STATELESS_HANDLE, PARAM_PACK(0, 0, 7), iv, ov) == PE,
        "7 outvecs (veneer)");
    CHECK_THEN_GOOD(raw_call(TEST_STATELESS_HANDLE, 0x00100000u, iv, ov) == PE,
                    "reserved control bits");
}

static void t_secure_descriptors(struct test_result_t *ret)
{
    uint8_t out[4];
    psa_outvec ov[] = { { out, sizeof(out) } };
    void *s = ns_platform_secure_ram();

    CHECK_THEN_GOOD(psa_call(TEST_STATELESS_HANDLE, 0, (const psa_invec *)s, 1,
                             ov, 1) == PE,
                    "invec descriptors in secure memory");
    CHECK_THEN_GOOD(
        psa_call(TEST_STATELESS_HANDLE, 0, NULL, 0, (psa_outvec *)s, 1) == PE,
        "outvec descriptors in secure memory");
}

static void t_secure_buffers(struct test_result_t *ret)
{
    uint8_t buf[8] = { 0 };
    void *s = ns_platform_secure_ram();
    psa_invec bad_in[] = { { s, 16 } };
    psa_outvec bad_out[] = { { s, 16 } };
    psa_invec iv[] = { { buf, sizeof(buf) } };
    psa_outvec ov[] = { { buf, sizeof(buf) } };

    CHECK_THEN_GOOD(psa_call(TEST_STATELESS_HANDLE, 0, bad_in, 1, ov, 1) == PE,
                    "invec in secure memory");
    CHECK_THEN_GOOD(psa_call(TEST_STATELESS_HANDLE, 0, iv, 1, bad_out, 1) == PE,
                    "outvec in secure memory");
}

static void t_overlap_and_wrap(struct test_result_t *ret)
{
    uint8_t buf[32] = { 0 };
    psa_invec overlap[] = { { buf, 16 }, { buf + 8, 16 } };
    psa_invec wrap[] = { { (const void *)(UINTPTR_MAX - 15u), 32 } };
    psa_invec adjacent[] = { { buf, 16 }, { buf + 16, 16 } };

    CHECK_THEN_GOOD(psa_call(TEST_STATELESS_HANDLE, 0, overlap, 2, NULL, 0) ==
                        PE,
                    "overlapping invecs");
    CHECK_THEN_GOOD(psa_call(TEST_STATELESS_HANDLE, 0, wrap, 1, NULL, 0) == PE,
                    "invec wrapping the address space");
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, 0, adjacent, 2, NULL, 0) == 0,
               "adjacent invecs are fine");
}

static void t_outvec_in_rom(struct test_result_t *ret)
{
    const void *rom = ns_platform_ns_rom();
    psa_invec iv[] = { { rom, 16 } };
    psa_outvec bad[] = { { (void *)(uintptr_t)rom, 16 } };
    uint8_t out[16] = { 0 };
    psa_outvec ov[] = { { out, sizeof(out) } };

    CHECK_THEN_GOOD(psa_call(TEST_STATELESS_HANDLE, 0, NULL, 0, bad, 1) == PE,
                    "outvec in read-only memory");
    TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, 0, iv, 1, ov, 1) == 16,
               "an invec in read-only memory is fine");
    TEST_CHECK(memcmp(out, rom, 16) == 0, "read from read-only memory");
}

/*
 * Addresses that are not memory of the NS side's, although the Armv8-M
 * TTA instruction calls the first ones Non-secure and read-write: the
 * system space is exempt from SAU/IDAU attribution (the PPB, and on the
 * AN505's IDAU 0xF000_0000..0xF00F_FFFF too), and the SPM, running in
 * Secure state, would reach the Secure banked registers there. On the host
 * none of them is registered NS memory.
 */
static const struct {
    uintptr_t addr;
    size_t size;
    const char *what;
} not_ns_memory[] = {
    { 0xE000ED08u, 4, "VTOR_S" },
    { 0xE000ED0Cu, 4, "AIRCR" },
    { 0xE000EDD8u, 4, "SAU_RNR" },
    { 0xE000E010u, 16, "SysTick" },
    { 0xE000E000u, 32, "first bytes of the SCS" },
    { 0xE000EFF0u, 16, "last bytes of the SCS" },
    { 0xE002ED08u, 4, "VTOR_NS (the SCS's NS alias)" },
    { 0xE0000000u, 16, "ITM (first bytes of the PPB)" },
    { 0xE00FF000u, 16, "ROM table" },
    { 0xE00FFFF0u, 16, "last bytes of the PPB" },
    { 0xE0100000u, 16, "vendor system area" },
    { 0xF0000000u, 16, "IDAU-exempt vendor area" },
    { 0xFFFFFFF0u, 16, "top of the address space" },
    { 0x40200000u, 4, "UART0 (an NS peripheral)" },
    { 0x28400000u, 16, "hole after the NS data" },
    { 0x283FFFF0u, 32, "NS data's last bytes and the hole after them" },
    { 0x00000000u, 16, "SSRAM1's Secure blocks (NS alias)" },
};

static void t_not_ns_memory(struct test_result_t *ret)
{
    uint8_t buf[16] = { 0 };
    psa_invec good_in[] = { { buf, sizeof(buf) } };
    psa_outvec good_out[] = { { buf, sizeof(buf) } };

    for (size_t i = 0; i < sizeof(not_ns_memory) / sizeof(not_ns_memory[0]);
         i++) {
        const void *p = (const void *)not_ns_memory[i].addr;
        psa_invec bad_in[] = { { p, not_ns_memory[i].size } };
        psa_outvec bad_out[] = { { (void *)(uintptr_t)p,
                                   not_ns_memory[i].size } };
        psa_status_t in_st =
            psa_call(TEST_STATELESS_HANDLE, 0, bad_in, 1, good_out, 1);
        int in_then = ns_good_call_ok();
        psa_status_t out_st =
            psa_call(TEST_STATELESS_HANDLE, 0, good_in, 1, bad_out, 1);
        int out_then = ns_good_call_ok();
        /* The descriptor arrays themselves there (the outvec array gets
         * the lengths written back). */
        psa_status_t in_desc_st = psa_call(
            TEST_STATELESS_HANDLE, 0, (const psa_invec *)p, 1, good_out, 1);
        psa_status_t out_desc_st =
            psa_call(TEST_STATELESS_HANDLE, 0, good_in, 1, (psa_outvec *)p, 1);
        int desc_then = ns_good_call_ok();

        if (in_st != PE || !in_then || out_st != PE || !out_then ||
            in_desc_st != PE || out_desc_st != PE || !desc_then) {
            TEST_LOG("  %s (0x%08lx, %u bytes): invec %d, outvec %d, "
                     "descriptors %d %d\r\n",
                     not_ns_memory[i].what,
                     (unsigned long)not_ns_memory[i].addr,
                     (unsigned)not_ns_memory[i].size, (int)in_st, (int)out_st,
                     (int)in_desc_st, (int)out_desc_st);
            TEST_FAIL("a vector outside NS memory was not refused");
        }
    }
}

static void t_version_policy(struct test_result_t *ret)
{
    psa_handle_t h;

    CHECK_THEN_GOOD(psa_connect(TEST_STRICT_SID, 1) ==
                        PSA_ERROR_CONNECTION_REFUSED,
                    "STRICT refuses an older version");
    CHECK_THEN_GOOD(psa_connect(TEST_STRICT_SID, 3) ==
                        PSA_ERROR_CONNECTION_REFUSED,
                    "STRICT refuses a newer version");
    CHECK_THEN_GOOD(psa_connect(TEST_CONN_SID, 3) ==
                        PSA_ERROR_CONNECTION_REFUSED,
                    "RELAXED refuses a newer version");
    h = psa_connect(TEST_STRICT_SID, 2);
    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "STRICT accepts its version");
    psa_close(h);
    h = psa_connect(TEST_CONN_SID, 1);
    TEST_CHECK(PSA_HANDLE_IS_VALID(h), "RELAXED accepts an older version");
    psa_close(h);
    CHECK_THEN_GOOD(
        psa_call(TEST_STATELESS_HANDLE + 0x100, 0, NULL, 0, NULL, 0) == PE,
        "stateless handle of another version (STRICT)");
}

static void t_unknown_sid(struct test_result_t *ret)
{
    CHECK_THEN_GOOD(psa_version(0x0BADBEEFu) == PSA_VERSION_NONE,
                    "version of an unknown SID");
    CHECK_THEN_GOOD(psa_connect(0x0BADBEEFu, 1) == PSA_ERROR_CONNECTION_REFUSED,
                    "connect to an unknown SID");
}

static void t_not_ns_client(struct test_result_t *ret)
{
    CHECK_THEN_GOOD(psa_version(TEST_SECURE_ONLY_SID) == PSA_VERSION_NONE,
                    "version of a secure-only service");
    CHECK_THEN_GOOD(psa_version(TEST_SECURE_CONN_SID) == PSA_VERSION_NONE,
                    "version of a secure-only connection-based service");
    CHECK_THEN_GOOD(psa_connect(TEST_SECURE_CONN_SID, 1) ==
                        PSA_ERROR_CONNECTION_REFUSED,
                    "connect to a secure-only service");
    CHECK_THEN_GOOD(psa_call(TEST_SECURE_ONLY_HANDLE, 0, NULL, 0, NULL, 0) ==
                        PSA_ERROR_CONNECTION_REFUSED,
                    "stateless call to a secure-only service");
}

static void t_stateless_misuse(struct test_result_t *ret)
{
    CHECK_THEN_GOOD(psa_connect(TEST_STATELESS_SID, 1) == PE,
                    "connect to a stateless service");
    CHECK_THEN_GOOD(psa_connect(TEST_SECURE_ONLY_SID, 1) == PE,
                    "connect to a stateless service NS may not call");
    CHECK_THEN_GOOD(tfm_psa_close_veneer(TEST_STATELESS_HANDLE) == PE,
                    "close of a stateless handle");
    CHECK_THEN_GOOD(psa_call(0x4000001F, 0, NULL, 0, NULL, 0) == PE,
                    "stateless index with no service");
    CHECK_THEN_GOOD(
        psa_call(TEST_STATELESS_HANDLE | 0x00010000, 0, NULL, 0, NULL, 0) == PE,
        "stateless handle with reserved bits");
}

static const struct test_t tests[] = {
    { t_handle_zero, "TEST_NS_2001", "handle 0 and negative handles" },
    { t_forged_handle, "TEST_NS_2002", "forged handles" },
    { t_closed_handle, "TEST_NS_2003", "closed handle" },
    { t_stale_handle, "TEST_NS_2004", "stale handle after slot reuse" },
    { t_negative_type, "TEST_NS_2005", "negative type" },
    { t_too_many_vectors, "TEST_NS_2006", "in_len + out_len > 4" },
    { t_secure_descriptors, "TEST_NS_2007", "descriptors in secure memory" },
    { t_secure_buffers, "TEST_NS_2008", "buffers in secure memory" },
    { t_overlap_and_wrap, "TEST_NS_2009", "overlapping and wrapping invecs" },
    { t_outvec_in_rom, "TEST_NS_2010", "outvec in read-only memory" },
    { t_version_policy, "TEST_NS_2011", "version policies" },
    { t_unknown_sid, "TEST_NS_2012", "unknown SID" },
    { t_not_ns_client, "TEST_NS_2013", "SID without non_secure_clients" },
    { t_stateless_misuse, "TEST_NS_2014", "stateless handle misuse" },
    { t_not_ns_memory, "TEST_NS_2015",
      "vectors and descriptors in system space, peripherals and holes" },
};

void ns_suite_bad_input(struct tf_totals *totals)
{
    tf_run_suite("ns_bad_input", tests, sizeof(tests) / sizeof(tests[0]),
                 totals);
}
