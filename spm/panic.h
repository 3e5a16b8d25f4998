/*
 * The two failure tiers of the SPM.
 *  - A caller's programmer error: spm_programmer_error() decides, in one
 *    place, what the caller sees (an NS caller gets the status back; a secure
 *    partition is stopped by the panic policy).
 *  - The SPM's own invariants: SPM_ASSERT(), never on caller data.
 */
#ifndef WARDEN_SPM_PANIC_H
#define WARDEN_SPM_PANIC_H

#include <stdbool.h>
#include <stdint.h>

#include "psa/error.h"

struct arch_fault;

struct spm_partition;

/**
 * Applies the FF-M programmer-error rule to @p status, an error the SPM found
 * in a request of @p caller. PSA_ERROR_PROGRAMMER_ERROR and
 * PSA_ERROR_CONNECTION_REFUSED are programmer errors: returned to an NS
 * caller (nothing said: the caller controls that path), fatal for a secure
 * caller, stopped as spm_panic() does with @p why and its numbers (does not
 * return). Other statuses are returned unchanged.
 */
psa_status_t spm_programmer_error(struct spm_partition *caller,
                                  psa_status_t status, const char *why, ...)
    __attribute__((format(printf, 3, 4)));

/**
 * Stops partition @p p, the running one, for breaking a rule the SPM
 * checks, under the panic policy (WARDEN_FAULT_POLICY): `reset` resets the
 * device, `halt` stops the secure side, `terminate` stops only @p p (its
 * clients get error statuses, every other partition keeps serving). The
 * console says first which call broke which rule: @p why, an spm_log()
 * format with its numbers, such as "psa_write: %u bytes do not fit in
 * outvec %u (%u bytes left)", in the line
 * "[Warden] partition <name> (<pid>) stopped: <why>: <policy>"
 * ("[Warden] NS agent stopped: <why>: halt" for the NS agent, which halts
 * the system). Does not return.
 */
__attribute__((noreturn, format(printf, 2, 3))) void
spm_panic(struct spm_partition *p, const char *why, ...);

/**
 * psa_panic() of partition @p p, the running one: the console says
 * "[Warden] partition <name> (<pid>) called psa_panic(): <policy>", then the
 * panic policy applies as for spm_panic(). Does not return.
 */
__attribute__((noreturn)) void spm_psa_panic(struct spm_partition *p);

/**
 * Resets the device (@p reset), recording @p reason (enum
 * platform_reset_reason), fault @p f and partition @p p (either may be
 * NULL), or halts it. Does not return.
 */
__attribute__((noreturn)) void spm_stop_system(bool reset, uint32_t reason,
                                               const struct arch_fault *f,
                                               const struct spm_partition *p);

/** An SPM invariant failed: report and halt. Does not return. */
__attribute__((noreturn)) void spm_fatal(const char *file, int line);

#define SPM_ASSERT(cond)                   \
    do {                                   \
        if (!(cond)) {                     \
            spm_fatal(__FILE__, __LINE__); \
        }                                  \
    } while (0)

#endif /* WARDEN_SPM_PANIC_H */
