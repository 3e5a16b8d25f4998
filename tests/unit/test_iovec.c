/* spm/iovec.c: copying and checking a psa_call's vectors. */
#include "fake_arch.h"
#include "spm/iovec.h"
#include "spm/spm.h"
#include "unit.h"

#include <stdio.h>

static const struct warden_partition_info sp_info = { .name = "SP", .pid = 9 };
static struct spm_partition ns = { .info = NULL,
                                   .state = SPM_PART_READY,
                                   .index = 0 };
static struct spm_partition sp = { .info = &sp_info,
                                   .state = SPM_PART_READY,
                                   .index = 1 };

/* Descriptors and buffers, one set per world. */
struct mem {
    psa_invec in[PSA_MAX_IOVEC];
    psa_outvec out[PSA_MAX_IOVEC];
    uint8_t data[128];
};
static struct mem ns_mem;
static struct mem s_mem;
static struct mem ns_ro; /* registered read-only */
static struct spm_req v;

static int setup(void **state)
{
    (void)state;
    fake_arch_reset();
    fake_platform_reset();
    memset(&ns_mem, 0, sizeof(ns_mem));
    memset(&s_mem, 0, sizeof(s_mem));
    memset(&ns_ro, 0, sizeof(ns_ro));
    memset(&v, 0xA5, sizeof(v));
    FAKE_REGION(true, ns_mem, ARCH_ACCESS_RW);
    FAKE_REGION(true, ns_ro, ARCH_ACCESS_READ);
    FAKE_REGION(false, s_mem, ARCH_ACCESS_RW);
    return 0;
}

static void set_in(struct mem *m, unsigned i, const void *base, size_t len)
{
    m->in[i].base = base;
    m->in[i].len = len;
}

static void set_out(struct mem *m, unsigned i, void *base, size_t len)
{
    m->out[i].base = base;
    m->out[i].len = len;
}

static psa_status_t decode(struct spm_partition *caller, const struct mem *m,
                           size_t in_len, size_t out_len)
{
    return spm_iovec_decode(caller, spm_uptr((uintptr_t)m->in), in_len,
                            spm_uptr((uintptr_t)m->out), out_len, &v);
}

/* The statement(s) must stop the secure caller for the reason @p fmt
 * makes with its numbers. */
#define expect_sp_stop(fmt, a, b, ...)                       \
    do {                                                     \
        char why_[160];                                      \
        (void)snprintf(why_, sizeof(why_), (fmt), (a), (b)); \
        expect_stop("SP", 9L, why_, (void)__VA_ARGS__);      \
    } while (0)

/* The low 32 bits of an address, as the SPM's console shows it. */
static unsigned int addr32(const void *p)
{
    return (unsigned int)(uintptr_t)p;
}

static void test_decode_copies_the_descriptors(void **state)
{
    (void)state;
    set_in(&ns_mem, 0, &ns_mem.data[0], 10);
    set_in(&ns_mem, 1, &ns_ro.data[0], 20);
    set_out(&ns_mem, 0, &ns_mem.data[10], 30);
    set_out(&ns_mem, 1, NULL, 0);
    assert_int_equal(decode(&ns, &ns_mem, 2, 2), PSA_SUCCESS);
    assert_int_equal(v.in_len, 2);
    assert_int_equal(v.out_len, 2);
    assert_int_equal(v.in_base[0].addr, (uintptr_t)&ns_mem.data[0]);
    assert_int_equal(v.msg.in_size[0], 10);
    assert_int_equal(v.in_base[1].addr, (uintptr_t)&ns_ro.data[0]);
    assert_int_equal(v.msg.in_size[1], 20);
    assert_int_equal(v.out_base[0].addr, (uintptr_t)&ns_mem.data[10]);
    assert_int_equal(v.msg.out_size[0], 30);
    assert_int_equal(v.out_base[1].addr, 0);
    assert_int_equal(v.msg.out_size[1], 0);
    assert_int_equal(v.out_desc.addr, (uintptr_t)ns_mem.out);
    /* The copy is what counts: the caller changing its array later does
     * not change the decoded request. */
    ns_mem.in[0].len = 99;
    assert_int_equal(v.msg.in_size[0], 10);
}

static void test_decode_fills_in_the_whole_request(void **state)
{
    (void)state;
    set_in(&ns_mem, 0, &ns_mem.data[0], 10);
    set_out(&ns_mem, 0, &ns_mem.data[10], 30);
    assert_int_equal(decode(&ns, &ns_mem, 1, 1), PSA_SUCCESS);
    /* Sizes past the request's vectors are 0 (setup left 0xA5 there), the
     * request's own done counters start at 0. */
    for (unsigned i = 1; i < PSA_MAX_IOVEC; i++) {
        assert_int_equal(v.msg.in_size[i], 0);
        assert_int_equal(v.msg.out_size[i], 0);
    }
    assert_int_equal(v.in_done[0], 0);
    assert_int_equal(v.out_done[0], 0);
    /* Without vectors: every size 0 too. */
    memset(&v, 0xA5, sizeof(v));
    assert_int_equal(spm_iovec_decode(&ns, spm_uptr(0), 0, spm_uptr(4), 0, &v),
                     PSA_SUCCESS);
    for (unsigned i = 0; i < PSA_MAX_IOVEC; i++) {
        assert_int_equal(v.msg.in_size[i], 0);
        assert_int_equal(v.msg.out_size[i], 0);
    }
    assert_int_equal(v.out_desc.addr, 4);
}

static void test_decode_no_vectors(void **state)
{
    (void)state;
    assert_int_equal(spm_iovec_decode(&ns, spm_uptr(0), 0, spm_uptr(0), 0, &v),
                     PSA_SUCCESS);
    assert_int_equal(v.in_len, 0);
    assert_int_equal(v.out_len, 0);
    assert_int_equal(fake_arch_checks(), 0);
}

static void test_decode_vector_counts(void **state)
{
    static const size_t bad[][2] = {
        { 5, 0 },
        { 0, 5 },
        { 2, 3 },
        { 4, 1 },
        /* Huge counts do not wrap the sum. */
        { SIZE_MAX, 1 },
        { 1, SIZE_MAX },
        { SIZE_MAX - 2u, 4 },
        { SIZE_MAX, SIZE_MAX },
    };

    (void)state;
    assert_int_equal(decode(&ns, &ns_mem, 4, 0), PSA_SUCCESS);
    assert_int_equal(decode(&ns, &ns_mem, 0, 4), PSA_SUCCESS);
    assert_int_equal(decode(&ns, &ns_mem, 1, 3), PSA_SUCCESS);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        unsigned checks = fake_arch_checks();

        assert_int_equal(decode(&ns, &ns_mem, bad[i][0], bad[i][1]),
                         PSA_ERROR_PROGRAMMER_ERROR);
        /* Refused before any caller memory is looked at. */
        assert_int_equal(fake_arch_checks(), checks);
    }
}

static void test_decode_descriptor_arrays_must_be_accessible(void **state)
{
    (void)state;
    /* invecs: readable is enough (read-only memory is fine). */
    assert_int_equal(decode(&ns, &ns_ro, 1, 0), PSA_SUCCESS);
    assert_int_equal(spm_iovec_decode(&ns, spm_uptr(0), 1, spm_uptr(0), 0, &v),
                     PSA_ERROR_PROGRAMMER_ERROR);
    assert_int_equal(decode(&ns, &s_mem, 1, 0), PSA_ERROR_PROGRAMMER_ERROR);
    /* outvecs: must be writable, their lengths go back. */
    assert_int_equal(decode(&ns, &ns_ro, 0, 1), PSA_ERROR_PROGRAMMER_ERROR);
    assert_int_equal(fake_arch_last_check().access, ARCH_ACCESS_RW);
    assert_int_equal(decode(&ns, &s_mem, 0, 1), PSA_ERROR_PROGRAMMER_ERROR);
    expect_sp_stop("psa_call: the partition may not write 0x%08x (%u bytes)",
                   addr32(ns_mem.out), (unsigned int)sizeof(psa_outvec),
                   decode(&sp, &ns_mem, 0, 1));
    expect_sp_stop("psa_call: the partition may not read 0x%08x (%u bytes)",
                   addr32(ns_mem.in), (unsigned int)(2u * sizeof(psa_invec)),
                   decode(&sp, &ns_mem, 2, 1));
    assert_int_equal(decode(&sp, &s_mem, 0, 1), PSA_SUCCESS);
}

static void test_decode_wrapping_buffers(void **state)
{
    unsigned checks;

    (void)state;
    set_in(&ns_mem, 0, (const void *)(UINTPTR_MAX - 3u), 8);
    checks = fake_arch_checks();
    assert_int_equal(decode(&ns, &ns_mem, 1, 0), PSA_ERROR_PROGRAMMER_ERROR);
    /* Only the descriptor array reached the arch: the wrap is caught first. */
    assert_int_equal(fake_arch_checks(), checks + 1u);

    set_in(&ns_mem, 0, NULL, 0);
    set_out(&ns_mem, 0, (void *)(UINTPTR_MAX - 3u), 4);
    assert_int_equal(decode(&ns, &ns_mem, 1, 1), PSA_ERROR_PROGRAMMER_ERROR);
    set_out(&ns_mem, 0, (void *)(UINTPTR_MAX - 3u), 3);
    assert_int_equal(decode(&ns, &ns_mem, 1, 1), PSA_ERROR_PROGRAMMER_ERROR);
    set_out(&ns_mem, 0, (void *)(UINTPTR_MAX - 3u), SIZE_MAX);
    assert_int_equal(decode(&ns, &ns_mem, 1, 1), PSA_ERROR_PROGRAMMER_ERROR);
}

static void test_decode_buffer_access(void **state)
{
    (void)state;
    /* An invec the caller may not read. */
    set_in(&ns_mem, 0, s_mem.data, 4);
    assert_int_equal(decode(&ns, &ns_mem, 1, 0), PSA_ERROR_PROGRAMMER_ERROR);
    set_in(&ns_mem, 0, ns_ro.data, 4);
    assert_int_equal(decode(&ns, &ns_mem, 1, 0), PSA_SUCCESS);
    assert_int_equal(fake_arch_last_check().base, (uintptr_t)ns_ro.data);
    assert_int_equal(fake_arch_last_check().access, ARCH_ACCESS_READ);
    /* An invec running past its region. */
    set_in(&ns_mem, 0, &ns_mem.data[100], 100);
    assert_int_equal(decode(&ns, &ns_mem, 1, 0), PSA_ERROR_PROGRAMMER_ERROR);
    /* An outvec the caller may not write. */
    set_out(&ns_mem, 0, ns_ro.data, 4);
    assert_int_equal(decode(&ns, &ns_mem, 0, 1), PSA_ERROR_PROGRAMMER_ERROR);
    set_out(&ns_mem, 0, s_mem.data, 4);
    assert_int_equal(decode(&ns, &ns_mem, 0, 1), PSA_ERROR_PROGRAMMER_ERROR);
    /* The last outvec is checked too. */
    set_out(&ns_mem, 0, ns_mem.data, 4);
    set_out(&ns_mem, 3, ns_ro.data, 4);
    assert_int_equal(decode(&ns, &ns_mem, 0, 4), PSA_ERROR_PROGRAMMER_ERROR);
    /* Empty vectors are never checked, whatever their base. */
    set_in(&ns_mem, 0, s_mem.data, 0);
    set_out(&ns_mem, 0, (void *)1, 0);
    assert_int_equal(decode(&ns, &ns_mem, 1, 1), PSA_SUCCESS);
}

static void test_decode_secure_caller(void **state)
{
    (void)state;
    set_in(&s_mem, 0, s_mem.data, 8);
    set_out(&s_mem, 0, &s_mem.data[8], 8);
    assert_int_equal(decode(&sp, &s_mem, 1, 1), PSA_SUCCESS);
    assert_false(fake_arch_last_check().ns);
    /* NS memory named by a secure caller. */
    set_in(&s_mem, 0, ns_mem.data, 8);
    expect_sp_stop("psa_call: the partition may not read invec 0 (0x%08x, %u "
                   "bytes)",
                   addr32(ns_mem.data), 8u, decode(&sp, &s_mem, 1, 1));
    set_in(&s_mem, 0, s_mem.data, 8);
    set_out(&s_mem, 0, &s_mem.data[8], 8);
    set_out(&s_mem, 1, ns_mem.data, 4);
    expect_sp_stop("psa_call: the partition may not write outvec 1 (0x%08x, %u "
                   "bytes)",
                   addr32(ns_mem.data), 4u, decode(&sp, &s_mem, 1, 2));
    expect_sp_stop("psa_call: %u invecs and %u outvecs, more than 4", 3u, 2u,
                   decode(&sp, &s_mem, 3, 2));
    set_in(&s_mem, 1, &s_mem.data[7], 2);
    expect_sp_stop("psa_call: two invecs overlap%s%s", "", "",
                   decode(&sp, &s_mem, 2, 0));
}

static void test_decode_overlapping_invecs(void **state)
{
    uint8_t *d = ns_mem.data;

    (void)state;
    /* Partial overlap, either order. */
    set_in(&ns_mem, 0, &d[0], 10);
    set_in(&ns_mem, 1, &d[9], 10);
    assert_int_equal(decode(&ns, &ns_mem, 2, 0), PSA_ERROR_PROGRAMMER_ERROR);
    set_in(&ns_mem, 0, &d[9], 10);
    set_in(&ns_mem, 1, &d[0], 10);
    assert_int_equal(decode(&ns, &ns_mem, 2, 0), PSA_ERROR_PROGRAMMER_ERROR);
    /* Identical, and one inside the other. */
    set_in(&ns_mem, 1, &d[9], 10);
    assert_int_equal(decode(&ns, &ns_mem, 2, 0), PSA_ERROR_PROGRAMMER_ERROR);
    set_in(&ns_mem, 1, &d[12], 1);
    assert_int_equal(decode(&ns, &ns_mem, 2, 0), PSA_ERROR_PROGRAMMER_ERROR);
    /* Adjacent is fine, either order. */
    set_in(&ns_mem, 0, &d[10], 10);
    set_in(&ns_mem, 1, &d[0], 10);
    assert_int_equal(decode(&ns, &ns_mem, 2, 0), PSA_SUCCESS);
    set_in(&ns_mem, 0, &d[0], 10);
    set_in(&ns_mem, 1, &d[10], 10);
    assert_int_equal(decode(&ns, &ns_mem, 2, 0), PSA_SUCCESS);
    /* The fourth against the second. */
    set_in(&ns_mem, 2, &d[30], 5);
    set_in(&ns_mem, 3, &d[15], 1);
    assert_int_equal(decode(&ns, &ns_mem, 4, 0), PSA_ERROR_PROGRAMMER_ERROR);
    /* An empty invec overlaps nothing. */
    set_in(&ns_mem, 3, &d[15], 0);
    assert_int_equal(decode(&ns, &ns_mem, 4, 0), PSA_SUCCESS);
    /* Only invecs must be disjoint: outvecs may overlap them and each
     * other (as in the reference). */
    set_out(&ns_mem, 0, &d[0], 10);
    set_in(&ns_mem, 2, &d[40], 5);
    set_in(&ns_mem, 3, &d[50], 5);
    assert_int_equal(decode(&ns, &ns_mem, 2, 2), PSA_SUCCESS);
    set_out(&ns_mem, 1, &d[5], 10);
    assert_int_equal(decode(&ns, &ns_mem, 2, 2), PSA_SUCCESS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_decode_copies_the_descriptors, setup),
        cmocka_unit_test_setup(test_decode_fills_in_the_whole_request, setup),
        cmocka_unit_test_setup(test_decode_no_vectors, setup),
        cmocka_unit_test_setup(test_decode_vector_counts, setup),
        cmocka_unit_test_setup(test_decode_descriptor_arrays_must_be_accessible,
                               setup),
        cmocka_unit_test_setup(test_decode_wrapping_buffers, setup),
        cmocka_unit_test_setup(test_decode_buffer_access, setup),
        cmocka_unit_test_setup(test_decode_secure_caller, setup),
        cmocka_unit_test_setup(test_decode_overlapping_invecs, setup),
    };

    return cmocka_run_group_tests_name("iovec", tests, NULL, NULL);
}
