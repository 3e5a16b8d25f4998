/*
 * Seen only by tools/clang_tidy.py's Armv8-M analysis, before clang's own
 * arm_cmse.h: clang 14's static analyser crashes on the __builtin_bit_cast
 * of a function pointer in clang's cmse_nsfptr_create(), so the analysis
 * gets the same operation as a plain cast (what GCC's arm_cmse.h does).
 */
#include_next <arm_cmse.h>

#include <stdint.h>

#undef cmse_nsfptr_create
#define cmse_nsfptr_create(p) ((__typeof__(p))((uintptr_t)(p) & ~(uintptr_t)1))
