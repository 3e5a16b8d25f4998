/* The programmer-error rule and the panic policy, written once. */
#include "spm/panic.h"

#include "platform.h"
#include "spm/backend.h"
#include "arch/arch.h"
#include "spm/log.h"
#include "spm/spm.h"

psa_status_t spm_programmer_error(struct spm_partition *caller,
                                  psa_status_t status)
{
    if (status != PSA_ERROR_PROGRAMMER_ERROR &&
        status != PSA_ERROR_CONNECTION_REFUSED) {
        return status;
    }
    if (spm_is_ns(caller)) {
        return status;
    }
    spm_panic(caller);
}

void spm_panic(struct spm_partition *p)
{
    if (spm_is_ns(p)) {
        spm_log("[Warden] panic in the NS agent\r\n");
        platform_halt();
    }
    spm_log("[Warden] partition %s (%ld) panicked: %s\r\n", p->info->name,
            (long)p->info->pid, WARDEN_FAULT_POLICY_NAME);
    if (WARDEN_FAULT_POLICY_TERMINATE) {
        backend_terminate(p); /* does not return for the running partition */
    }
    spm_stop_system(WARDEN_FAULT_POLICY_RESET, PLATFORM_RESET_PANIC, NULL, p);
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
