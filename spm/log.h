/*
 * The SPM's own console messages. spm_log() knows only what they need
 * (%s, %d, %ld, and %x, which writes all eight hex digits; no width or
 * flags), so the SPM pulls in no printf:
 * lib/fmt, behind warden_log() (warden/log.h), is linked only when a
 * partition prints.
 */
#ifndef WARDEN_SPM_LOG_H
#define WARDEN_SPM_LOG_H

#include "warden/log.h"

/** Writes @p fmt with its %s, %d, %ld and %x conversions; any other '%'
 * sequence is written as it stands. */
void spm_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* WARDEN_SPM_LOG_H */
