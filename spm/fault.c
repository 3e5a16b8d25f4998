/*
 * The port's fault and thread-exit hooks (arch/arch.h): the fault policy
 * for what the processor raises, applied here and nowhere in arch/.
 */
#include "arch/arch.h"
#include "spm/backend.h"
#include "spm/log.h"
#include "spm/panic.h"

struct arch_thread *spm_hook_fault(const struct arch_fault *f)
{
    struct spm_partition *p = backend_current();

    /* Only a fault of a partition's own code in its thread can be undone
     * by stopping that partition: not one of the NS side, of a handler or
     * of SPM code. */
    if (!WARDEN_FAULT_POLICY_TERMINATE || !f->in_thread || spm_is_ns(p)) {
        return NULL;
    }
    spm_log("[Warden] partition %s (%ld) faulted: terminate\r\n", p->info->name,
            (long)p->info->pid);
    return backend_stop_faulted(p);
}

void spm_hook_thread_returned(void)
{
    spm_panic(backend_current());
}
