/*
 * lib/heap: a first-fit free list in address order, merged on free
 * (heap.h has the contract).
 *
 * A block is a header (its whole length, and a tag that says whether it
 * is in use) followed by its payload; a free block keeps the pointer to the
 * next free block in its payload. Tags mix a constant with the block's
 * address, so a stray pointer, or one freed twice, is unlikely to carry a
 * valid tag. Bytes are zeroed and copied by loops of its own, not the C
 * library's memset/memcpy: an image with no heap then pulls in nothing
 * for it (the link drops this file's unused functions, but not the
 * library members they would name).
 */
#include <stdint.h>

#include "lib/heap/heap.h"

struct heap_block {
    size_t size; /* the whole block, header included; HEAP_ALIGN multiple */
    size_t tag;  /* TAG_USED or TAG_FREE, mixed with the address */
};

#define HDR \
    (((sizeof(struct heap_block) + HEAP_ALIGN - 1) / HEAP_ALIGN) * HEAP_ALIGN)
#define MIN_BLOCK (HDR + HEAP_ALIGN)
#define TAG_USED  ((size_t)0x57A11C0Du)
#define TAG_FREE  ((size_t)0xF2EEB10Cu)

_Static_assert(HEAP_ALIGN >= sizeof(struct heap_block *),
               "a free block's payload holds the next pointer");

static size_t tag_of(const struct heap_block *b, size_t kind)
{
    return kind ^ (size_t)(uintptr_t)b;
}

static struct heap_block **next_of(struct heap_block *b)
{
    return (struct heap_block **)(void *)((unsigned char *)b + HDR);
}

static uintptr_t area_start(const struct heap *h)
{
    uintptr_t base = (uintptr_t)h->base;

    return (base + HEAP_ALIGN - 1) & ~(uintptr_t)(HEAP_ALIGN - 1);
}

static uintptr_t area_end(const struct heap *h)
{
    uintptr_t end = (uintptr_t)h->base + h->size;

    return end & ~(uintptr_t)(HEAP_ALIGN - 1);
}

static uintptr_t end_of(const struct heap_block *b)
{
    return (uintptr_t)b + b->size;
}

/* The whole area one free block (none if it is too small). */
static void format(struct heap *h)
{
    uintptr_t start = area_start(h);
    uintptr_t end = area_end(h);

    h->free = NULL;
    if (end > start && end - start >= MIN_BLOCK) {
        h->free = (struct heap_block *)start;
        h->free->size = end - start;
        h->free->tag = tag_of(h->free, TAG_FREE);
        *next_of(h->free) = NULL;
    }
    h->ready = true;
}

static void make_ready(struct heap *h)
{
    if (!h->ready) {
        format(h);
    }
}

/* The block length for a payload of @p size; false if it cannot exist. */
static bool block_size(size_t size, size_t *need)
{
    if (size > SIZE_MAX - HDR - HEAP_ALIGN) {
        return false;
    }
    size = size == 0 ? 1 : size;
    *need = HDR + ((size + HEAP_ALIGN - 1) / HEAP_ALIGN) * HEAP_ALIGN;
    return true;
}

/* The block in use whose payload is @p ptr, or NULL. */
static struct heap_block *used_block(const struct heap *h, const void *ptr)
{
    uintptr_t p = (uintptr_t)ptr;
    uintptr_t start = area_start(h);
    uintptr_t end = area_end(h);
    struct heap_block *b;

    if (p < start + HDR || p >= end || (p - start) % HEAP_ALIGN != 0) {
        return NULL;
    }
    b = (struct heap_block *)(p - HDR);
    if (b->tag != tag_of(b, TAG_USED) || b->size < MIN_BLOCK ||
        b->size % HEAP_ALIGN != 0 || b->size > end - (uintptr_t)b) {
        return NULL;
    }
    return b;
}

/* The link (h->free or a free block's next) that points at free block
 * @p b, or NULL when @p b is not free. */
static struct heap_block **link_to(struct heap *h, uintptr_t b)
{
    struct heap_block **link = &h->free;

    while (*link != NULL && (uintptr_t)*link < b) {
        link = next_of(*link);
    }
    return (uintptr_t)*link == b ? link : NULL;
}

/* Puts @p b in the free list, merged with its free neighbours. */
static void insert(struct heap *h, struct heap_block *b)
{
    struct heap_block **link = &h->free;
    struct heap_block *prev = NULL;
    struct heap_block *next;

    while (*link != NULL && (uintptr_t)*link < (uintptr_t)b) {
        prev = *link;
        link = next_of(prev);
    }
    next = *link;
    b->tag = tag_of(b, TAG_FREE);
    *next_of(b) = next;
    if (next != NULL && end_of(b) == (uintptr_t)next) {
        b->size += next->size;
        *next_of(b) = *next_of(next);
    }
    if (prev != NULL && end_of(prev) == (uintptr_t)b) {
        prev->size += b->size;
        *next_of(prev) = *next_of(b);
    } else {
        *link = b;
    }
}

/* Cuts @p b, in use, to @p need bytes; the rest (if a block fits) is
 * freed. */
static void trim(struct heap *h, struct heap_block *b, size_t need)
{
    struct heap_block *rest;

    if (b->size - need < MIN_BLOCK) {
        return;
    }
    rest = (struct heap_block *)((uintptr_t)b + need);
    rest->size = b->size - need;
    b->size = need;
    insert(h, rest);
}

void *heap_alloc(struct heap *h, size_t size)
{
    struct heap_block **link;
    size_t need;

    make_ready(h);
    if (!block_size(size, &need)) {
        return NULL;
    }
    for (link = &h->free; *link != NULL; link = next_of(*link)) {
        struct heap_block *b = *link;

        if (b->size >= need) {
            *link = *next_of(b);
            b->tag = tag_of(b, TAG_USED);
            trim(h, b, need);
            return (unsigned char *)b + HDR;
        }
    }
    return NULL;
}

void *heap_calloc(struct heap *h, size_t count, size_t size)
{
    size_t bytes;
    void *p;

    if (__builtin_mul_overflow(count, size, &bytes)) {
        return NULL;
    }
    p = heap_alloc(h, bytes);
    for (size_t i = 0; p != NULL && i < bytes; i++) {
        ((unsigned char *)p)[i] = 0;
    }
    return p;
}

enum heap_status heap_free(struct heap *h, void *ptr)
{
    struct heap_block *b;

    make_ready(h);
    if (ptr == NULL) {
        return HEAP_OK;
    }
    b = used_block(h, ptr);
    if (b == NULL) {
        return HEAP_BAD_POINTER;
    }
    insert(h, b);
    return HEAP_OK;
}

/* Grows @p b, in use, into the free block right after it when the two
 * make @p need bytes. */
static bool grow_in_place(struct heap *h, struct heap_block *b, size_t need)
{
    struct heap_block **link = link_to(h, end_of(b));
    struct heap_block *next;

    if (link == NULL || b->size + (*link)->size < need) {
        return false;
    }
    next = *link;
    *link = *next_of(next);
    b->size += next->size;
    trim(h, b, need);
    return true;
}

static void copy(unsigned char *to, const unsigned char *from, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        to[i] = from[i];
    }
}

static enum heap_status resize(struct heap *h, struct heap_block *b,
                               size_t size, void **out)
{
    size_t need;
    void *moved;

    if (!block_size(size, &need)) {
        return HEAP_NO_MEMORY;
    }
    if (need <= b->size) {
        trim(h, b, need);
    } else if (!grow_in_place(h, b, need)) {
        moved = heap_alloc(h, size);
        if (moved == NULL) {
            return HEAP_NO_MEMORY;
        }
        copy(moved, (unsigned char *)b + HDR, b->size - HDR);
        insert(h, b);
        *out = moved;
        return HEAP_OK;
    }
    *out = (unsigned char *)b + HDR;
    return HEAP_OK;
}

enum heap_status heap_realloc(struct heap *h, void *ptr, size_t size,
                              void **out)
{
    struct heap_block *b;

    make_ready(h);
    *out = NULL;
    if (ptr == NULL) {
        *out = heap_alloc(h, size);
        return *out != NULL ? HEAP_OK : HEAP_NO_MEMORY;
    }
    b = used_block(h, ptr);
    if (b == NULL) {
        return HEAP_BAD_POINTER;
    }
    if (size == 0) {
        insert(h, b);
        return HEAP_OK;
    }
    return resize(h, b, size, out);
}

void heap_stats(struct heap *h, size_t *total, size_t *largest)
{
    struct heap_block *b;

    make_ready(h);
    *total = 0;
    *largest = 0;
    for (b = h->free; b != NULL; b = *next_of(b)) {
        *total += b->size - HDR;
        *largest = b->size - HDR > *largest ? b->size - HDR : *largest;
    }
}
