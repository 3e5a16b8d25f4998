/*
 * The model behind the fake cmse_TT()/cmse_TTA() (arm_cmse.h here): each
 * answers from a list of spans (first match wins), else from a default
 * value. The bits are those of the Armv8-M TT instruction's answer.
 */
#ifndef WARDEN_FAKE_CMSE_H
#define WARDEN_FAKE_CMSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FAKE_TT_MREGION(n) ((uint32_t)(n)&0xFFu)
#define FAKE_TT_SREGION(n) (((uint32_t)(n)&0xFFu) << 8)
#define FAKE_TT_MRVALID    (1u << 16)
#define FAKE_TT_SRVALID    (1u << 17)
#define FAKE_TT_R          (1u << 18)
#define FAKE_TT_RW         (1u << 19)
#define FAKE_TT_NSR        (1u << 20)
#define FAKE_TT_NSRW       (1u << 21)
#define FAKE_TT_S          (1u << 22)
#define FAKE_TT_IRVALID    (1u << 23)
#define FAKE_TT_IREGION(n) (((uint32_t)(n)&0xFFu) << 24)

#define FAKE_CMSE_MAX_SPANS 16

/** Forgets every span; the views answer @p tt_default (TT and TTT) /
 * @p tta_default (TTA). */
void fake_cmse_reset(uint32_t tt_default, uint32_t tta_default);

/** From now on, TTT answers @p value for [base, limit]. */
void fake_cmse_span_unpriv(uintptr_t base, uintptr_t limit, uint32_t value);

/** From now on, TTA (@p alt) or TT answers @p value for [base, limit]. */
void fake_cmse_span(bool alt, uintptr_t base, uintptr_t limit, uint32_t value);

/** Calls of cmse_TT(), cmse_TTA() and cmse_TTT() since the last reset. */
size_t fake_cmse_calls(void);

#endif /* WARDEN_FAKE_CMSE_H */
