/*
 * Reading a libFuzzer input as a stream of operations and arguments: past
 * its end every read gives zeros, so any input is a complete program.
 */
#ifndef WARDEN_FUZZ_INPUT_H
#define WARDEN_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct input {
    const uint8_t *p;
    size_t left;
};

/** The next @p bytes bytes (at most 4) of @p in, big-endian. */
static inline uint32_t take(struct input *in, unsigned bytes)
{
    uint32_t v = 0;

    for (unsigned i = 0; i < bytes; i++) {
        v <<= 8;
        if (in->left != 0u) {
            v |= *in->p++;
            in->left--;
        }
    }
    return v;
}

/** A property failed: says which, then aborts (libFuzzer keeps the input). */
static inline void fuzz_fail(const char *what, const char *file, int line)
{
    (void)fprintf(stderr, "FUZZ PROPERTY FAILED: %s at %s:%d\n", what, file,
                  line);
    abort();
}

#define FUZZ_CHECK(cond)                          \
    do {                                          \
        if (!(cond)) {                            \
            fuzz_fail(#cond, __FILE__, __LINE__); \
        }                                         \
    } while (0)

#endif /* WARDEN_FUZZ_INPUT_H */
