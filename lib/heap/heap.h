/*
 * A small first-fit allocator over one memory area: a partition's heap
 * (its manifest's heap_size; docs/adding-a-partition.md, "Heaps").
 *
 * The area is carved into blocks, each a header followed by its payload.
 * Free blocks form a list in address order; a freed block is merged with
 * the free blocks on either side, so the free list never holds two
 * neighbours. Payloads are aligned to HEAP_ALIGN (the alignment of
 * max_align_t: 8 bytes on Armv8-M, 16 on a 64-bit host). A header costs
 * HEAP_ALIGN bytes.
 *
 * One heap serves one partition; nothing here locks. Under the IPC backend
 * a partition is one thread, and under the SFN backend calls nest but are
 * never concurrent, so a partition's heap is never entered twice at once.
 */
#ifndef WARDEN_LIB_HEAP_H
#define WARDEN_LIB_HEAP_H

#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>

/** The alignment of every pointer the heap returns. */
#define HEAP_ALIGN (alignof(max_align_t))

/** What heap_free() and heap_realloc() found. */
enum heap_status {
    HEAP_OK = 0,
    HEAP_NO_MEMORY,   /* no free block is large enough */
    HEAP_BAD_POINTER, /* not a block of this heap in use: a double free, a
                         pointer of another heap or into a block */
};

struct heap_block;

/**
 * A heap. Fill base and size (HEAP_INITIALIZER); the first call of any
 * heap_*() function formats the area.
 */
struct heap {
    unsigned char *base;     /* the area */
    size_t size;             /* its length in bytes */
    struct heap_block *free; /* the first free block, in address order */
    bool ready;              /* formatted */
};

/** A heap over @p area, an array (sizeof gives its length). */
#define HEAP_INITIALIZER(area)                                              \
    {                                                                       \
        .base = (area), .size = sizeof(area), .free = NULL, .ready = false, \
    }

/**
 * @return a block of at least @p size bytes (a distinct one for 0),
 *         aligned to HEAP_ALIGN; NULL when no free block is large enough.
 */
void *heap_alloc(struct heap *h, size_t size);

/**
 * @return a zeroed block of @p count * @p size bytes; NULL when the product
 *         overflows a size_t or no free block is large enough.
 */
void *heap_calloc(struct heap *h, size_t count, size_t size);

/**
 * Returns the block @p ptr to the heap (nothing for NULL).
 * @return HEAP_OK, or HEAP_BAD_POINTER when @p ptr is not a block of @p h
 *         in use (a block freed twice is detected unless its memory was
 *         handed out again since); the heap is then left as it was.
 */
enum heap_status heap_free(struct heap *h, void *ptr);

/**
 * Resizes block @p ptr to @p size bytes, keeping its first bytes, in place
 * when it can (shrinking, or growing into the free block after it), else
 * by moving it. @p ptr NULL allocates; @p size 0 frees @p ptr and sets
 * *@p out to NULL.
 * @return HEAP_OK with the block in *@p out; HEAP_NO_MEMORY (*@p out NULL,
 *         @p ptr unchanged and still in use); HEAP_BAD_POINTER (as
 *         heap_free(); *@p out NULL).
 */
enum heap_status heap_realloc(struct heap *h, void *ptr, size_t size,
                              void **out);

/**
 * The free bytes of @p h (payloads a single allocation could have, summed
 * over the free blocks) in *@p total, and the largest single allocation
 * possible in *@p largest.
 */
void heap_stats(struct heap *h, size_t *total, size_t *largest);

#endif /* WARDEN_LIB_HEAP_H */
