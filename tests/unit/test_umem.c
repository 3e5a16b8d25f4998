/* spm/umem.c: the one place that dereferences caller addresses. */
#include "fake_arch.h"
#include "spm/spm.h"
#include "spm/umem.h"
#include "unit.h"

static const struct warden_partition_info sp_info = { .name = "SP", .pid = 9 };
static struct spm_partition ns = { .info = NULL,
                                   .state = SPM_PART_READY,
                                   .index = 0 };
static struct spm_partition sp = { .info = &sp_info,
                                   .state = SPM_PART_READY,
                                   .index = 1 };

static uint8_t ns_rw[32];
static uint8_t ns_ro[32];
static uint8_t s_rw[32];
static uint8_t local[32];

static int setup(void **state)
{
    (void)state;
    fake_arch_reset();
    FAKE_REGION(true, ns_rw, ARCH_ACCESS_RW);
    FAKE_REGION(true, ns_ro, ARCH_ACCESS_READ);
    FAKE_REGION(false, s_rw, ARCH_ACCESS_RW);
    for (unsigned i = 0; i < sizeof(ns_rw); i++) {
        ns_rw[i] = (uint8_t)i;
        ns_ro[i] = (uint8_t)(0x80u + i);
        s_rw[i] = (uint8_t)(0x40u + i);
    }
    memset(local, 0xEE, sizeof(local));
    return 0;
}

static spm_uptr_t at(const void *p)
{
    return spm_uptr((uintptr_t)p);
}

static void test_check_empty_is_free(void **state)
{
    (void)state;
    assert_true(umem_check(&ns, spm_uptr(0), 0, ARCH_ACCESS_RW));
    assert_true(umem_check(&sp, spm_uptr(UINTPTR_MAX), 0, ARCH_ACCESS_RW));
    assert_int_equal(fake_arch_checks(), 0);
}

static void test_check_asks_the_arch_for_the_caller(void **state)
{
    struct fake_arch_check c;

    (void)state;
    assert_true(umem_check(&ns, at(&ns_rw[4]), 8, ARCH_ACCESS_WRITE));
    c = fake_arch_last_check();
    assert_true(c.ns);
    assert_int_equal(c.base, (uintptr_t)&ns_rw[4]);
    assert_int_equal(c.size, 8);
    assert_int_equal(c.access, ARCH_ACCESS_WRITE);
    assert_true(umem_check(&sp, at(s_rw), sizeof(s_rw), ARCH_ACCESS_READ));
    assert_false(fake_arch_last_check().ns);
    assert_int_equal(fake_arch_checks(), 2);
}

static void test_check_refusals(void **state)
{
    (void)state;
    /* The other world's memory. */
    assert_false(umem_check(&sp, at(ns_rw), 4, ARCH_ACCESS_READ));
    assert_false(umem_check(&ns, at(s_rw), 4, ARCH_ACCESS_READ));
    /* Read-only memory for a write. */
    assert_true(umem_check(&ns, at(ns_ro), 4, ARCH_ACCESS_READ));
    assert_false(umem_check(&ns, at(ns_ro), 4, ARCH_ACCESS_WRITE));
    /* One byte past the region. */
    assert_false(
        umem_check(&ns, at(ns_rw), sizeof(ns_rw) + 1, ARCH_ACCESS_READ));
    /* Wrapping. */
    assert_false(
        umem_check(&ns, spm_uptr(UINTPTR_MAX - 1u), 4, ARCH_ACCESS_READ));
}

static void test_read_copies_when_allowed(void **state)
{
    (void)state;
    assert_true(umem_read(&ns, local, at(&ns_ro[2]), 3));
    assert_int_equal(local[0], 0x82);
    assert_int_equal(local[2], 0x84);
    assert_int_equal(local[3], 0xEE);
    assert_int_equal(fake_arch_last_check().access, ARCH_ACCESS_READ);
}

static void test_read_refused_copies_nothing(void **state)
{
    (void)state;
    assert_false(umem_read(&sp, local, at(ns_rw), 4));
    assert_int_equal(local[0], 0xEE);
    /* Empty: accepted, touches nothing, not even the address. */
    assert_true(umem_read(&sp, local, spm_uptr(0), 0));
    assert_int_equal(local[0], 0xEE);
}

static void test_write_copies_when_allowed(void **state)
{
    const uint8_t data[3] = { 1, 2, 3 };

    (void)state;
    assert_true(umem_write(&ns, at(&ns_rw[10]), data, sizeof(data)));
    assert_memory_equal(&ns_rw[10], data, sizeof(data));
    assert_int_equal(ns_rw[13], 13);
    assert_int_equal(fake_arch_last_check().access, ARCH_ACCESS_WRITE);
}

static void test_write_refused_copies_nothing(void **state)
{
    const uint8_t data[3] = { 1, 2, 3 };

    (void)state;
    assert_false(umem_write(&ns, at(ns_ro), data, sizeof(data)));
    assert_int_equal(ns_ro[0], 0x80);
    assert_false(umem_write(&ns, at(s_rw), data, sizeof(data)));
    assert_int_equal(s_rw[0], 0x40);
    assert_true(umem_write(&ns, spm_uptr(0), data, 0));
}

static void test_copy_checked(void **state)
{
    (void)state;
    umem_copy_checked(at(local), at(s_rw), 4);
    assert_memory_equal(local, s_rw, 4);
    assert_int_equal(local[4], 0xEE);
    /* Overlapping ranges move like memmove. */
    umem_copy_checked(at(&ns_rw[1]), at(&ns_rw[0]), 4);
    assert_int_equal(ns_rw[1], 0);
    assert_int_equal(ns_rw[4], 3);
    assert_int_equal(ns_rw[5], 5);
    umem_copy_checked(spm_uptr(0), spm_uptr(0), 0);
    assert_int_equal(fake_arch_checks(), 0);
}

/* psa_get()'s copy of a message: whole at an aligned destination, bytewise
 * at a misaligned one; nothing around it touched, no check made. */
static void test_copy_msg_checked(void **state)
{
    union {
        psa_msg_t msg;
        uint8_t bytes[sizeof(psa_msg_t)];
    } src;
    union {
        psa_msg_t msg; /* aligned for a message */
        uint8_t bytes[sizeof(psa_msg_t) + 8u];
    } dst;

    (void)state;
    for (size_t i = 0; i < sizeof(src.bytes); i++) {
        src.bytes[i] = (uint8_t)(i + 1u);
    }
    for (size_t off = 0; off < 4u; off++) {
        memset(dst.bytes, 0xEE, sizeof(dst.bytes));
        umem_copy_msg_checked(at(&dst.bytes[off]), &src.msg);
        assert_memory_equal(&dst.bytes[off], src.bytes, sizeof(src.bytes));
        for (size_t i = 0; i < off; i++) {
            assert_int_equal(dst.bytes[i], 0xEE);
        }
        assert_int_equal(dst.bytes[off + sizeof(src.bytes)], 0xEE);
    }
    assert_int_equal(fake_arch_checks(), 0);
}

/* Every path of the copy: words (4 per round and single), bytes for an
 * unaligned source, destination or length, and both overlap directions;
 * each against a byte-by-byte model. */
static void test_copy_paths(void **state)
{
    static const struct {
        size_t dst, src, len;
    } cases[] = {
        { 0, 32, 4 },  { 0, 32, 8 },  { 0, 32, 16 },  { 0, 32, 28 },
        { 0, 32, 32 }, { 1, 33, 16 }, { 0, 33, 15 },  { 4, 40, 13 },
        { 8, 0, 32 },  { 0, 8, 32 },  { 3, 0, 20 },   { 0, 5, 20 },
        { 4, 0, 16 },  { 0, 4, 16 },  { 12, 12, 16 }, { 2, 2, 0 },
    };
    uint32_t words[16]; /* 64 aligned bytes */
    uint8_t *mem = (uint8_t *)words;
    uint8_t model[64];

    (void)state;
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        for (size_t i = 0; i < sizeof(model); i++) {
            model[i] = mem[i] = (uint8_t)(i * 3u + c);
        }
        memmove(&model[cases[c].dst], &model[cases[c].src], cases[c].len);
        umem_copy_checked(at(&mem[cases[c].dst]), at(&mem[cases[c].src]),
                          cases[c].len);
        assert_memory_equal(mem, model, sizeof(model));
    }
}

static void test_read_vecs(void **state)
{
    psa_outvec vecs[2] = { { &ns_rw[0], 3 }, { NULL, 0 } };
    spm_uptr_t base[2] = { { 1 }, { 1 } };
    size_t len[2] = { 7, 7 };

    (void)state;
    /* The caller's own array: registered read-write for the test. */
    FAKE_REGION(true, vecs, ARCH_ACCESS_RW);
    assert_true(umem_read_vecs(&ns, at(vecs), 2, ARCH_ACCESS_RW, base, len));
    assert_int_equal(fake_arch_last_check().access, ARCH_ACCESS_RW);
    assert_int_equal(fake_arch_last_check().size, sizeof(vecs));
    assert_int_equal(base[0].addr, (uintptr_t)&ns_rw[0]);
    assert_int_equal(len[0], 3);
    assert_int_equal(base[1].addr, 0);
    assert_int_equal(len[1], 0);
    /* Refused: nothing read. */
    base[0] = spm_uptr(1);
    assert_false(umem_read_vecs(&sp, at(vecs), 1, ARCH_ACCESS_READ, base, len));
    assert_int_equal(base[0].addr, 1);
}

static void test_write_vec_lens_checked(void **state)
{
    psa_outvec vecs[3] = { { NULL, 7 }, { &ns_rw[0], 7 }, { NULL, 7 } };
    const size_t len[2] = { 0, 12 };

    (void)state;
    umem_write_vec_lens_checked(at(vecs), len, 2);
    assert_int_equal(vecs[0].len, 0);
    assert_int_equal(vecs[1].len, 12);
    assert_ptr_equal(vecs[1].base, &ns_rw[0]);
    assert_int_equal(vecs[2].len, 7);
    assert_int_equal(fake_arch_checks(), 0);
}

/* A caller's misaligned descriptor array is read and written (bytewise),
 * not refused and never dereferenced as psa_invec/psa_outvec. */
static void test_vecs_misaligned(void **state)
{
    uint8_t raw[2 * sizeof(psa_outvec) + 1] __attribute__((aligned(8)));
    uint8_t *odd = &raw[1];
    psa_outvec in[2] = { { &ns_rw[4], 5 }, { &ns_rw[9], 6 } };
    spm_uptr_t base[2];
    size_t len[2];
    const size_t back[2] = { 1, 2 };
    psa_outvec out[2];

    (void)state;
    FAKE_REGION(true, raw, ARCH_ACCESS_RW);
    memcpy(odd, in, sizeof(in));
    assert_true(umem_read_vecs(&ns, at(odd), 2, ARCH_ACCESS_RW, base, len));
    assert_int_equal(base[0].addr, (uintptr_t)&ns_rw[4]);
    assert_int_equal(len[0], 5);
    assert_int_equal(base[1].addr, (uintptr_t)&ns_rw[9]);
    assert_int_equal(len[1], 6);
    umem_write_vec_lens_checked(at(odd), back, 2);
    memcpy(out, odd, sizeof(out));
    assert_ptr_equal(out[0].base, &ns_rw[4]);
    assert_int_equal(out[0].len, 1);
    assert_ptr_equal(out[1].base, &ns_rw[9]);
    assert_int_equal(out[1].len, 2);
    /* More descriptors than a request can have: refused, nothing read. */
    assert_false(umem_read_vecs(&ns, at(raw), PSA_MAX_IOVEC + 1u,
                                ARCH_ACCESS_READ, base, len));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_check_empty_is_free, setup),
        cmocka_unit_test_setup(test_check_asks_the_arch_for_the_caller, setup),
        cmocka_unit_test_setup(test_check_refusals, setup),
        cmocka_unit_test_setup(test_read_copies_when_allowed, setup),
        cmocka_unit_test_setup(test_read_refused_copies_nothing, setup),
        cmocka_unit_test_setup(test_write_copies_when_allowed, setup),
        cmocka_unit_test_setup(test_write_refused_copies_nothing, setup),
        cmocka_unit_test_setup(test_copy_checked, setup),
        cmocka_unit_test_setup(test_copy_paths, setup),
        cmocka_unit_test_setup(test_read_vecs, setup),
        cmocka_unit_test_setup(test_write_vec_lens_checked, setup),
        cmocka_unit_test_setup(test_vecs_misaligned, setup),
        cmocka_unit_test_setup(test_copy_msg_checked, setup),
    };

    return cmocka_run_group_tests_name("umem", tests, NULL, NULL);
}
