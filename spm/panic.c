/* The programmer-error rule and the panic policy, written once. */
#include "spm/panic.h"

#include "platform.h"
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
        warden_log("[Warden] panic in the NS agent\r\n");
    } else {
        warden_log("[Warden] partition %s (%ld) panicked: halted\r\n",
                   p->info->name, (long)p->info->pid);
    }
    platform_halt();
}

void spm_fatal(const char *file, int line)
{
    warden_log("[Warden] SPM invariant failed at %s:%d\r\n", file, line);
    platform_halt();
}
