/*
 * The ECHO operations' buffers and their check, for the NS driver and the
 * secure client alike (each image has its own copy, in its own memory):
 * 1 x 16 B each way, or 2 x 256 B each way (4 vectors).
 *
 * The buffers start on a 32-byte boundary, so that the figures do not
 * depend on where the linker puts them: the copies move words (as for most
 * callers' buffers, which are word-aligned), and Armv8-M answers a TT for
 * 32-byte granules, so the SPM's range check tests a 16-byte buffer once
 * if it lies in one granule and twice if it straddles two (5 instructions
 * more per buffer).
 */
#ifndef WARDEN_BENCH_VECTORS_H
#define WARDEN_BENCH_VECTORS_H

#include <stdbool.h>
#include <stdint.h>

#include "psa/client.h"

#define BENCH_VECTOR_ALIGN 32

extern psa_invec bench_in16[1];
extern psa_outvec bench_out16[1];
extern psa_invec bench_in256[2];
extern psa_outvec bench_out256[2];

/** Before each repetition: known input bytes, cleared outputs, full
 * output lengths. */
void bench_vectors_reset(void);

/** True if @p ret is PSA_SUCCESS and the 16-byte input came back whole. */
bool bench_echoed16(int32_t ret);

/** True if @p ret is PSA_SUCCESS and both 256-byte inputs came back whole. */
bool bench_echoed256(int32_t ret);

#endif /* WARDEN_BENCH_VECTORS_H */
