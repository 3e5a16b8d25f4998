/*
 * WARDEN_SP_HEAP_A and WARDEN_SP_HEAP_B: the C library's allocator used
 * from partition code (see warden_heap_test.h). Built once per partition:
 * its CMake call names the service function (HEAP_SFN), the manifest's
 * header (HEAP_MANIFEST_H) and the heap's size (HEAP_BYTES). The calls of
 * malloc & co. below reach the partition's own heap: a request that
 * finds memory the heap does not have (a block of the whole heap's size,
 * which the C library's malloc would give) fails.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/heap/heap.h"
#include "psa/service.h"
#include "tests/partitions/heap/warden_heap_test.h"
#include HEAP_MANIFEST_H

static void *held;

static bool all_bytes(const unsigned char *p, size_t n, unsigned char value)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] != value) {
            return false;
        }
    }
    return true;
}

static bool aligned(const void *p)
{
    return (uintptr_t)p % HEAP_ALIGN == 0;
}

/* 0, or the failing step: a block larger than the heap is refused, two
 * blocks come and go, then the whole heap is one block again. */
static psa_status_t alloc_and_merge(void)
{
    unsigned char *too_big = malloc(HEAP_BYTES);
    unsigned char *a = malloc(64);
    unsigned char *b = malloc(64);
    unsigned char *whole;
    psa_status_t step = 0;

    if (too_big != NULL) {
        step = 1; /* more memory than the heap has: not its heap */
    } else if (a == NULL || b == NULL || a == b || !aligned(a) || !aligned(b)) {
        step = 2;
    } else {
        memset(a, 0x11, 64);
        memset(b, 0x22, 64);
        step = all_bytes(a, 64, 0x11) ? 0 : 3;
    }
    free(too_big);
    free(b);
    free(a);
    if (step != 0) {
        return step;
    }
    whole = malloc(HEAP_BYTES - HEAP_ALIGN); /* merged back into one */
    if (whole == NULL) {
        return 4;
    }
    memset(whole, 0xFF, HEAP_BYTES - HEAP_ALIGN);
    free(whole);
    return 0;
}

/* A count the compiler cannot see, so it does not warn about the size. */
static volatile size_t huge = SIZE_MAX / 2 + 1;

/* True if @p p, what realloc gave for @p old, starts with @p n bytes
 * 0x5A; else frees what is left (@p p, or @p old when @p p is NULL). */
static bool kept(unsigned char *p, unsigned char *old, size_t n)
{
    if (p == NULL) {
        free(old);
        return false;
    }
    if (!all_bytes(p, n, 0x5A)) {
        free(p);
        return false;
    }
    return true;
}

static psa_status_t realloc_steps(void)
{
    unsigned char *r = realloc(NULL, 16);
    unsigned char *grown;
    unsigned char *shrunk;
    unsigned char *none;

    if (r == NULL) {
        return 7;
    }
    memset(r, 0x5A, 16);
    grown = realloc(r, 200);
    if (!kept(grown, r, 16)) {
        return 8;
    }
    shrunk = realloc(grown, 8);
    if (!kept(shrunk, grown, 8)) {
        return 9;
    }
    free(NULL);
    none = realloc(shrunk, 0);
    free(none);
    return none == NULL ? 0 : 10;
}

static psa_status_t calloc_and_realloc(void)
{
    unsigned char *z = calloc(8, 16);
    unsigned char *over = calloc(huge, 2);
    psa_status_t step = 0;

    if (z == NULL || !all_bytes(z, 128, 0)) {
        step = 5;
    } else if (over != NULL) {
        step = 6;
    }
    free(over);
    free(z);
    return step != 0 ? step : realloc_steps();
}

/* 0 if the whole heap is one free block again, and then exhausted. */
static psa_status_t whole_again(void)
{
    void *all = malloc(HEAP_BYTES - HEAP_ALIGN);
    void *more = malloc(1);

    free(all);
    free(more);
    return all != NULL && more == NULL ? 0 : 11;
}

static psa_status_t self_test(void)
{
    psa_status_t step = alloc_and_merge();

    if (step == 0) {
        step = calloc_and_realloc();
    }
    return step == 0 ? whole_again() : step;
}

static psa_status_t fill(const psa_msg_t *msg)
{
    uint32_t size = HEAP_BYTES;

    while (held == NULL && size > 0u) {
        size -= (uint32_t)HEAP_ALIGN;
        held = malloc(size);
    }
    if (held == NULL) {
        return 20;
    }
    if (msg->out_size[0] >= sizeof(size)) {
        psa_write(msg->handle, 0, &size, sizeof(size));
    }
    return 0;
}

static psa_status_t probe(void)
{
    void *p = malloc(16);

    free(p);
    return p != NULL ? 0 : 1;
}

psa_status_t HEAP_SFN(const psa_msg_t *msg)
{
    switch (msg->type) {
    case HEAP_TYPE_SELF_TEST:
        return held == NULL ? self_test() : 30;
    case HEAP_TYPE_FILL:
        return held == NULL ? fill(msg) : 31;
    case HEAP_TYPE_EMPTY:
        free(held);
        held = NULL;
        return 0;
    case HEAP_TYPE_PROBE:
        return probe();
    default:
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
}
