/*
 * The requests of the heap test partitions WARDEN_SP_HEAP_A and
 * WARDEN_SP_HEAP_B (heap_partition.c, one source built into both, each
 * with its own heap_size), shared with the NS suite (ns_suite_heap.c).
 * Every request returns 0 for success or the number of the step that
 * failed (> 0).
 */
#ifndef WARDEN_HEAP_TEST_H
#define WARDEN_HEAP_TEST_H

/* heap_size: A's is the macro WARDEN_TEST_HEAP_A_SIZE, 0x400 (its CMake
 * call defines it), B's the number 0x300. */
#define HEAP_TEST_LARGEST 0x400

/* malloc, free, merging, calloc, realloc and exhaustion on the partition's
 * heap, which must be whole (nothing held) when it starts and ends. */
#define HEAP_TYPE_SELF_TEST 1
/* Takes the largest block the heap has and keeps it; outvec 0 (optional):
 * uint32_t, its size. */
#define HEAP_TYPE_FILL 2
/* Frees the block HEAP_TYPE_FILL took. */
#define HEAP_TYPE_EMPTY 3
/* Returns 0 if malloc(16) got memory (freed again), 1 if it got NULL. */
#define HEAP_TYPE_PROBE 4

#endif /* WARDEN_HEAP_TEST_H */
