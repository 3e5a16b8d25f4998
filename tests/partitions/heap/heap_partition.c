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

/* 0, or the failing step: the heap is whole, then blocks come and go. */
static psa_status_t alloc_and_merge(void)
{
    unsigned char *a = malloc(64);
    unsigned char *b = malloc(64);
    unsigned char *whole;

    if (malloc(HEAP_BYTES) != NULL) {
        return 1; /* more memory than the heap has: not its heap */
    }
    if (a == NULL || b == NULL || a == b || (uintptr_t)a % HEAP_ALIGN != 0 ||
        (uintptr_t)b % HEAP_ALIGN != 0) {
        return 2;
    }
    memset(a, 0x11, 64);
    memset(b, 0x22, 64);
    if (!all_bytes(a, 64, 0x11)) {
        return 3;
    }
    free(b);
    free(a);
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

static psa_status_t calloc_and_realloc(void)
{
    unsigned char *z = calloc(8, 16);
    unsigned char *r;

    if (z == NULL || !all_bytes(z, 128, 0)) {
        return 5;
    }
    free(z);
    if (calloc(huge, 2) != NULL) {
        return 6;
    }
    r = realloc(NULL, 16);
    if (r == NULL) {
        return 7;
    }
    memset(r, 0x5A, 16);
    r = realloc(r, 200);
    if (r == NULL || !all_bytes(r, 16, 0x5A)) {
        return 8;
    }
    r = realloc(r, 8);
    if (r == NULL || !all_bytes(r, 8, 0x5A)) {
        return 9;
    }
    free(NULL);
    return realloc(r, 0) == NULL ? 0 : 10;
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
