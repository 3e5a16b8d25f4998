/*
 * The FP tests' register helpers (tests/regression/fp), in assembly so
 * that no compiled code runs between loading the registers and looking at
 * them: whatever differs was changed by the call made in between, or by
 * what preempted it.
 *
 * The functions are defined here, static, and each file that includes this
 * header gets its own copy: the two FP test partitions must each have one
 * in their own code (at isolation level 3 neither may run the other's),
 * and the NS test image one too. Every includer is built for an FP ABI
 * (the partitions for the secure one, the NS image for the NS one:
 * cmake/fp.cmake).
 */
#ifndef WARDEN_TESTS_FP_HOLD_H
#define WARDEN_TESTS_FP_HOLD_H

#include <stdint.h>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"

/*
 * Loads s0-s31 from @p in[0..31] and FPSCR from @p in[32], calls
 * @p fn(@p arg), then stores s0-s31 and FPSCR into @p out[0..32] as the
 * call left them. The caller's s16-s31 are kept (pushed first, popped
 * last: AAPCS callee-saved) and the stack stays 8-byte aligned across the
 * call (16 + 64 bytes pushed). @p fn must not use the FP registers if the
 * caller wants to see only what others did to them.
 */
__attribute__((naked, noinline, unused)) static void
fp_hold_call(const uint32_t in[33], uint32_t out[33], void (*fn)(void *),
             void *arg)
{
    __asm volatile("push   {r4, r5, r6, lr}\n\t"
                   "vpush  {s16-s31}\n\t"
                   "mov    r4, r1\n\t"
                   "ldr    r5, [r0, #128]\n\t"
                   "vldmia r0, {s0-s31}\n\t"
                   "vmsr   fpscr, r5\n\t"
                   "mov    r0, r3\n\t"
                   "blx    r2\n\t"
                   "vstmia r4, {s0-s31}\n\t"
                   "vmrs   r5, fpscr\n\t"
                   "str    r5, [r4, #128]\n\t"
                   "vpop   {s16-s31}\n\t"
                   "pop    {r4, r5, r6, pc}\n\t");
}

/* Stores s0-s31 and FPSCR into @p out[0..32], changing none of them. */
__attribute__((naked, noinline, unused)) static void fp_read(uint32_t out[33])
{
    __asm volatile("vstmia r0, {s0-s31}\n\t"
                   "vmrs   r1, fpscr\n\t"
                   "str    r1, [r0, #128]\n\t"
                   "bx     lr\n\t");
}

#pragma GCC diagnostic pop

#endif /* WARDEN_TESTS_FP_HOLD_H */
