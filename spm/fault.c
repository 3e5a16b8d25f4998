/*
 * The fault policy, applied here and nowhere else: to a secure partition's
 * panic, programmer error or fault (WARDEN_FAULT_POLICY), to a fault of the
 * SPM itself, and to a Non-secure fault that reaches the secure side
 * (WARDEN_NS_FAULT_POLICY). The port's fault and thread-exit hooks
 * (arch/arch.h) lead here; so does spm_panic() (spm/panic.h).
 */
#include "arch/arch.h"
#include "platform.h"
#include "spm/backend.h"
#include "spm/fault.h"
#include "spm/irq.h"
#include "spm/log.h"
#include "spm/panic.h"

/* A fault the SPM cannot pin on a partition: its own code, a handler, an
 * NMI. Nothing to terminate: `terminate` resets, like `reset`. */
static void spm_faulted(const struct arch_fault *f)
{
    spm_log("[Warden] SPM fault: %s\r\n",
            WARDEN_FAULT_POLICY_HALT ? "halt" : "reset");
    spm_stop_system(!WARDEN_FAULT_POLICY_HALT, PLATFORM_RESET_SPM_FAULT, f,
                    NULL);
}

/* Partition @p p faulted (@p where: "" or where in it). */
static void say_faulted(const struct spm_partition *p, const char *where)
{
    spm_log("[Warden] partition %s (%ld, %s, isolation level %d) faulted%s: "
            "%s\r\n",
            p->info->name, (long)p->info->pid,
            spm_is_unprivileged(p) ? "unprivileged" : "privileged",
            TFM_ISOLATION_LEVEL, where, WARDEN_FAULT_POLICY_NAME);
}

/* A FLIH function faulted (levels 2 and 3): its partition's fault. Under
 * `terminate` the port ends the function (as if it returned
 * ARCH_FLIH_FAULTED) and spm/irq.c stops the partition. */
static void flih_faulted(const struct arch_fault *f)
{
    const struct spm_partition *p = spm_irq_flih_partition();

    SPM_ASSERT(p != NULL);
    say_faulted(p, " in a FLIH function");
    if (!WARDEN_FAULT_POLICY_TERMINATE) {
        spm_stop_system(WARDEN_FAULT_POLICY_RESET, PLATFORM_RESET_FAULT, f, p);
    }
}

struct arch_thread *spm_hook_fault(struct arch_fault *f)
{
    struct spm_partition *p = backend_current();

    if (f->in_flih) {
        flih_faulted(f);
        return NULL;
    }

    if (f->ns) {
        spm_log("[Warden] Non-secure fault: %s\r\n",
                WARDEN_NS_FAULT_POLICY_RESET ? "reset" : "halt");
        spm_stop_system(WARDEN_NS_FAULT_POLICY_RESET, PLATFORM_RESET_NS_FAULT,
                        f, NULL);
    }
    /* An NMI is nobody's code: the SPM's to answer. */
    if (!f->in_thread || f->cause == ARCH_FAULT_NMI || spm_is_ns(p)) {
        spm_faulted(f);
    }
    if (f->stack_overflow) {
        spm_log("[Warden] stack overflow in partition %s (stack_size %ld): "
                "%s\r\n",
                p->info->name, (long)p->info->stack_size,
                WARDEN_FAULT_POLICY_NAME);
    } else {
        say_faulted(p, "");
    }
    if (!WARDEN_FAULT_POLICY_TERMINATE) {
        spm_stop_system(WARDEN_FAULT_POLICY_RESET, PLATFORM_RESET_FAULT, f, p);
    }
    return backend_stop_faulted(p, f);
}

void spm_hook_thread_returned(void)
{
    spm_panic(backend_current(), "its thread's function returned");
}

void spm_report_last_reset(void)
{
    static const char *const reasons[] = {
        "",
        "a partition's panic",
        "a partition's fault",
        "a fault of the SPM",
        "a Non-secure fault",
        "the watchdog",
    };
    struct platform_reset_record why;

    platform_reset_taken(&why);
    if (why.reason == PLATFORM_RESET_NONE ||
        why.reason > PLATFORM_RESET_WATCHDOG) {
        return;
    }
    spm_log("[Warden] last reset: %s (partition %ld, fault %ld at %ld)\r\n",
            reasons[why.reason], (long)why.pid, (long)why.cause, (long)why.pc);
}
