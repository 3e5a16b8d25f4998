/* The programmer-error rule and the panic policy, written once. */
#include "spm/panic.h"

#include <stdarg.h>

#include "platform.h"
#include "spm/backend.h"
#include "arch/arch.h"
#include "spm/log.h"
#include "spm/spm.h"

/* The panic policy for @p p, once the console said why. */
__attribute__((noreturn)) static void stop(struct spm_partition *p)
{
    if (spm_is_ns(p)) {
        platform_halt();
    }
    if (WARDEN_FAULT_POLICY_TERMINATE) {
        backend_terminate(p); /* does not return for the running partition */
    }
    spm_stop_system(WARDEN_FAULT_POLICY_RESET, PLATFORM_RESET_PANIC, NULL, p);
}

/* "[Warden] partition <name> (<pid>) ", or "[Warden] NS agent ". */
static void say_who(const struct spm_partition *p)
{
    if (spm_is_ns(p)) {
        spm_log("[Warden] NS agent ");
    } else {
        spm_log("[Warden] partition %s (%ld) ", p->info->name,
                (long)p->info->pid);
    }
}

/* What stop() does to @p p, as the console names it. */
static const char *policy_name(const struct spm_partition *p)
{
    return spm_is_ns(p) ? "halt" : WARDEN_FAULT_POLICY_NAME;
}

/* "<who> stopped: <why>: <policy>", the line of a stop the SPM decides. */
static void say_stopped(const struct spm_partition *p, const char *why,
                        va_list ap)
{
    say_who(p);
    spm_log("stopped: ");
    spm_vlog(why, ap);
    spm_log(": %s\r\n", policy_name(p));
}

psa_status_t spm_programmer_error(struct spm_partition *caller,
                                  psa_status_t status, const char *why, ...)
{
    va_list ap;

    if (status != PSA_ERROR_PROGRAMMER_ERROR &&
        status != PSA_ERROR_CONNECTION_REFUSED) {
        return status;
    }
    if (spm_is_ns(caller)) {
        return status;
    }
    va_start(ap, why);
    say_stopped(caller, why, ap);
    va_end(ap);
    stop(caller);
}

void spm_panic(struct spm_partition *p, const char *why, ...)
{
    va_list ap;

    va_start(ap, why);
    say_stopped(p, why, ap);
    va_end(ap);
    stop(p);
}

void spm_psa_panic(struct spm_partition *p)
{
    say_who(p);
    spm_log("called psa_panic(): %s\r\n", policy_name(p));
    stop(p);
}

void spm_stop_system(bool reset, uint32_t reason, const struct arch_fault *f,
                     const struct spm_partition *p)
{
    struct platform_reset_record why = {
        .reason = reason,
        .cause = (f != NULL) ? f->cause : 0u,
        .pc = (f != NULL) ? (uint32_t)f->pc : 0u,
        .pid = (p != NULL && !spm_is_ns(p)) ? p->info->pid : 0,
    };

    if (reset) {
        platform_reset(&why);
    }
    platform_halt();
}

void spm_fatal(const char *file, int line)
{
    spm_log("[Warden] SPM invariant failed at %s:%d\r\n", file, line);
    platform_halt();
}
