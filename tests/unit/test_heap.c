/*
 * lib/heap: allocation, first fit, merging on free, calloc zeroing and
 * overflow, realloc in place and by moving, exhaustion, alignment, and
 * every bad input (NULL, double free, foreign and interior pointers).
 */
#include <stdint.h>

#include "lib/heap/heap.h"
#include "unit.h"

#define AREA 1024

static unsigned char area[AREA] __attribute__((aligned(16)));
static unsigned char other_area[256] __attribute__((aligned(16)));
static struct heap heap;

static int setup(void **state)
{
    (void)state;
    memset(area, 0xA5, sizeof(area));
    heap = (struct heap)HEAP_INITIALIZER(area);
    return 0;
}

/* The free bytes, and the largest allocation possible. */
static size_t free_total(void)
{
    size_t total;
    size_t largest;

    heap_stats(&heap, &total, &largest);
    return total;
}

static size_t largest(void)
{
    size_t total;
    size_t big;

    heap_stats(&heap, &total, &big);
    return big;
}

static void assert_in_area(const void *p, size_t size)
{
    assert_true((uintptr_t)p >= (uintptr_t)area);
    assert_true((uintptr_t)p + size <= (uintptr_t)area + sizeof(area));
}

static void test_fresh_heap_is_one_free_block(void **state)
{
    (void)state;
    assert_int_equal(free_total(), largest());
    assert_int_equal(free_total(), AREA - HEAP_ALIGN);
}

static void test_alloc_and_free(void **state)
{
    size_t before;
    char *p;

    (void)state;
    before = free_total();
    p = heap_alloc(&heap, 100);
    assert_non_null(p);
    assert_in_area(p, 100);
    memset(p, 'x', 100);
    assert_true(free_total() < before);
    assert_int_equal(heap_free(&heap, p), HEAP_OK);
    assert_int_equal(free_total(), before);
    assert_int_equal(largest(), before);
}

static void test_blocks_do_not_overlap(void **state)
{
    char *p[6];
    int i;

    (void)state;
    for (i = 0; i < 6; i++) {
        p[i] = heap_alloc(&heap, 40);
        assert_non_null(p[i]);
        memset(p[i], 'a' + i, 40);
    }
    for (i = 0; i < 6; i++) {
        assert_int_equal(p[i][0], 'a' + i);
        assert_int_equal(p[i][39], 'a' + i);
    }
}

static void test_alignment(void **state)
{
    size_t sizes[] = { 1, 3, 7, 8, 9, 15, 16, 17, 31, 33 };
    size_t i;
    void *p;

    (void)state;
    for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        p = heap_alloc(&heap, sizes[i]);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % HEAP_ALIGN, 0);
    }
}

static void test_unaligned_area(void **state)
{
    struct heap h = {
        .base = &area[3], .size = 200, .free = NULL, .ready = false
    };
    void *p;

    (void)state;
    p = heap_alloc(&h, 10);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % HEAP_ALIGN, 0);
    assert_true((uintptr_t)p >= (uintptr_t)&area[3]);
}

static void test_area_too_small(void **state)
{
    struct heap h = {
        .base = area, .size = HEAP_ALIGN, .free = NULL, .ready = false
    };

    (void)state;
    assert_null(heap_alloc(&h, 1));
    assert_int_equal(heap_free(&h, NULL), HEAP_OK);
}

static void test_zero_size_gives_distinct_blocks(void **state)
{
    void *a;
    void *b;

    (void)state;
    a = heap_alloc(&heap, 0);
    b = heap_alloc(&heap, 0);
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    assert_int_equal(heap_free(&heap, a), HEAP_OK);
    assert_int_equal(heap_free(&heap, b), HEAP_OK);
}

static void test_exhaustion_returns_null(void **state)
{
    void *p[64];
    int n = 0;

    (void)state;
    assert_null(heap_alloc(&heap, AREA));
    assert_null(heap_alloc(&heap, SIZE_MAX));
    assert_null(heap_alloc(&heap, SIZE_MAX - 4));
    while (n < 64 && (p[n] = heap_alloc(&heap, 48)) != NULL) {
        n++;
    }
    assert_true(n > 4 && n < 64);
    assert_null(heap_alloc(&heap, 48));
    while (n > 0) {
        assert_int_equal(heap_free(&heap, p[--n]), HEAP_OK);
    }
    assert_int_equal(largest(), AREA - HEAP_ALIGN);
}

static void test_whole_heap_in_one_block(void **state)
{
    void *p;

    (void)state;
    p = heap_alloc(&heap, AREA - HEAP_ALIGN);
    assert_non_null(p);
    assert_null(heap_alloc(&heap, 1));
    assert_int_equal(free_total(), 0);
    assert_int_equal(heap_free(&heap, p), HEAP_OK);
    assert_int_equal(largest(), AREA - HEAP_ALIGN);
}

/* Freed in every order, neighbours merge back into one block. */
static void test_coalescing(void **state)
{
    static const int orders[][3] = { { 0, 1, 2 }, { 2, 1, 0 }, { 1, 0, 2 },
                                     { 0, 2, 1 }, { 1, 2, 0 }, { 2, 0, 1 } };
    void *p[3];
    size_t o;
    int i;

    (void)state;
    for (o = 0; o < sizeof(orders) / sizeof(orders[0]); o++) {
        for (i = 0; i < 3; i++) {
            p[i] = heap_alloc(&heap, 300);
            assert_non_null(p[i]);
        }
        for (i = 0; i < 3; i++) {
            assert_int_equal(heap_free(&heap, p[orders[o][i]]), HEAP_OK);
        }
        assert_int_equal(largest(), AREA - HEAP_ALIGN);
        assert_int_equal(free_total(), AREA - HEAP_ALIGN);
    }
}

static void test_first_fit_reuses_a_hole(void **state)
{
    void *a;
    void *b;
    void *c;

    (void)state;
    a = heap_alloc(&heap, 64);
    b = heap_alloc(&heap, 64);
    c = heap_alloc(&heap, 64);
    assert_non_null(c);
    assert_int_equal(heap_free(&heap, a), HEAP_OK);
    assert_ptr_equal(heap_alloc(&heap, 32), a);
    (void)b;
}

static void test_calloc_zeroes(void **state)
{
    unsigned char *p;
    size_t i;

    (void)state;
    p = heap_alloc(&heap, 200);
    memset(p, 0xFF, 200);
    assert_int_equal(heap_free(&heap, p), HEAP_OK);
    p = heap_calloc(&heap, 10, 20);
    assert_non_null(p);
    for (i = 0; i < 200; i++) {
        assert_int_equal(p[i], 0);
    }
}

static void test_calloc_overflow_and_exhaustion(void **state)
{
    (void)state;
    assert_null(heap_calloc(&heap, SIZE_MAX / 2 + 1, 2));
    assert_null(heap_calloc(&heap, 2, SIZE_MAX / 2 + 1));
    assert_null(heap_calloc(&heap, SIZE_MAX, SIZE_MAX));
    assert_null(heap_calloc(&heap, AREA, 2));
    assert_non_null(heap_calloc(&heap, 0, 5));
    assert_int_equal(largest() + HEAP_ALIGN * 3, AREA);
}

static void test_free_null(void **state)
{
    (void)state;
    assert_int_equal(heap_free(&heap, NULL), HEAP_OK);
}

static void test_double_free_detected(void **state)
{
    void *a;
    void *b;
    size_t before;

    (void)state;
    a = heap_alloc(&heap, 40);
    b = heap_alloc(&heap, 40);
    assert_int_equal(heap_free(&heap, b), HEAP_OK);
    before = free_total();
    assert_int_equal(heap_free(&heap, b), HEAP_BAD_POINTER);
    assert_int_equal(heap_free(&heap, a), HEAP_OK);
    assert_int_equal(heap_free(&heap, a), HEAP_BAD_POINTER);
    assert_true(free_total() > before);
    assert_int_equal(largest(), AREA - HEAP_ALIGN);
}

static void test_bad_pointers(void **state)
{
    char *p;
    int local;
    struct heap other = HEAP_INITIALIZER(other_area);
    void *theirs;
    void *out = &local;

    (void)state;
    p = heap_alloc(&heap, 64);
    theirs = heap_alloc(&other, 16);
    assert_int_equal(heap_free(&heap, p + HEAP_ALIGN), HEAP_BAD_POINTER);
    assert_int_equal(heap_free(&heap, p + 1), HEAP_BAD_POINTER);
    assert_int_equal(heap_free(&heap, &local), HEAP_BAD_POINTER);
    assert_int_equal(heap_free(&heap, area), HEAP_BAD_POINTER);
    assert_int_equal(heap_free(&heap, &area[AREA - 1]), HEAP_BAD_POINTER);
    assert_int_equal(heap_free(&heap, theirs), HEAP_BAD_POINTER);
    assert_int_equal(heap_realloc(&heap, theirs, 8, &out), HEAP_BAD_POINTER);
    assert_null(out);
    assert_int_equal(heap_free(&other, theirs), HEAP_OK);
    assert_int_equal(heap_free(&heap, p), HEAP_OK);
}

static void test_realloc_null_allocates(void **state)
{
    void *out = NULL;

    (void)state;
    assert_int_equal(heap_realloc(&heap, NULL, 30, &out), HEAP_OK);
    assert_non_null(out);
    assert_int_equal(heap_realloc(&heap, NULL, AREA, &out), HEAP_NO_MEMORY);
    assert_null(out);
}

static void test_realloc_zero_frees(void **state)
{
    void *p;
    void *out = &p;

    (void)state;
    p = heap_alloc(&heap, 30);
    assert_int_equal(heap_realloc(&heap, p, 0, &out), HEAP_OK);
    assert_null(out);
    assert_int_equal(largest(), AREA - HEAP_ALIGN);
}

static void test_realloc_shrinks_in_place(void **state)
{
    char *p;
    void *out;
    size_t before;

    (void)state;
    p = heap_alloc(&heap, 400);
    memcpy(p, "keep", 5);
    before = free_total();
    assert_int_equal(heap_realloc(&heap, p, 40, &out), HEAP_OK);
    assert_ptr_equal(out, p);
    assert_string_equal(p, "keep");
    assert_true(free_total() > before);
    assert_int_equal(heap_realloc(&heap, p, 39, &out), HEAP_OK);
    assert_ptr_equal(out, p);
}

static void test_realloc_grows_in_place(void **state)
{
    char *p;
    void *out;

    (void)state;
    p = heap_alloc(&heap, 40);
    memcpy(p, "grow", 5);
    assert_int_equal(heap_realloc(&heap, p, 600, &out), HEAP_OK);
    assert_ptr_equal(out, p);
    assert_string_equal(p, "grow");
    assert_in_area(p, 600);
}

static void test_realloc_moves(void **state)
{
    char *p;
    char *wall;
    void *out;
    size_t i;

    (void)state;
    p = heap_alloc(&heap, 64);
    wall = heap_alloc(&heap, 16);
    for (i = 0; i < 64; i++) {
        p[i] = (char)i;
    }
    assert_int_equal(heap_realloc(&heap, p, 300, &out), HEAP_OK);
    assert_ptr_not_equal(out, p);
    assert_in_area(out, 300);
    for (i = 0; i < 64; i++) {
        assert_int_equal(((char *)out)[i], (char)i);
    }
    /* The old block went back: a 64-byte allocation fits there again. */
    assert_ptr_equal(heap_alloc(&heap, 64), p);
    (void)wall;
}

static void test_realloc_exhaustion_keeps_the_block(void **state)
{
    char *p;
    void *out = &p;

    (void)state;
    p = heap_alloc(&heap, 64);
    memcpy(p, "mine", 5);
    assert_non_null(heap_alloc(&heap, 16));
    assert_int_equal(heap_realloc(&heap, p, AREA, &out), HEAP_NO_MEMORY);
    assert_null(out);
    assert_int_equal(heap_realloc(&heap, p, SIZE_MAX, &out), HEAP_NO_MEMORY);
    assert_string_equal(p, "mine");
    assert_int_equal(heap_free(&heap, p), HEAP_OK);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_fresh_heap_is_one_free_block),
        T(test_alloc_and_free),
        T(test_blocks_do_not_overlap),
        T(test_alignment),
        T(test_unaligned_area),
        T(test_area_too_small),
        T(test_zero_size_gives_distinct_blocks),
        T(test_exhaustion_returns_null),
        T(test_whole_heap_in_one_block),
        T(test_coalescing),
        T(test_first_fit_reuses_a_hole),
        T(test_calloc_zeroes),
        T(test_calloc_overflow_and_exhaustion),
        T(test_free_null),
        T(test_double_free_detected),
        T(test_bad_pointers),
        T(test_realloc_null_allocates),
        T(test_realloc_zero_frees),
        T(test_realloc_shrinks_in_place),
        T(test_realloc_grows_in_place),
        T(test_realloc_moves),
        T(test_realloc_exhaustion_keeps_the_block),
    };

    return cmocka_run_group_tests_name("heap", tests, NULL, NULL);
}
