/*
 * The SPM's own console messages. spm_log() knows only what they need
 * (%s, %d, %u, %ld, and %x, which writes all eight hex digits; no width
 * or flags), so the SPM pulls in no printf:
 * lib/fmt, behind warden_log() (warden/log.h), is linked only when a
 * partition prints.
 */
#ifndef WARDEN_SPM_LOG_H
#define WARDEN_SPM_LOG_H

#include <stdarg.h>

#include "warden/log.h"

/** Writes @p fmt with its %s, %d, %u, %ld and %x conversions; any other
 * '%' sequence is written as it stands. */
void spm_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** spm_log() with its arguments in @p ap. */
void spm_vlog(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

#endif /* WARDEN_SPM_LOG_H */
