/*
 * Stands in for the compiler's <arm_cmse.h> when arch/armv8m/mem_check.c is
 * built on the host (test_armv8m_mem_check): cmse_TT(), cmse_TTA() and
 * cmse_TTT() answer from the test's model (fake_cmse.h) instead of the TT
 * instruction.
 */
#ifndef WARDEN_FAKE_ARM_CMSE_H
#define WARDEN_FAKE_ARM_CMSE_H

#include <stdint.h>

/* The answer of TT/TTA: only its raw value is used. */
typedef union {
    uint32_t value;
} cmse_address_info_t;

/** TT: the current (Secure, privileged) state's view of @p p. */
cmse_address_info_t cmse_TT(void *p);

/** TTA: the Non-secure state's view of @p p. */
cmse_address_info_t cmse_TTA(void *p);

/** TTT: the current (Secure) state's unprivileged view of @p p. */
cmse_address_info_t cmse_TTT(void *p);

#endif /* WARDEN_FAKE_ARM_CMSE_H */
