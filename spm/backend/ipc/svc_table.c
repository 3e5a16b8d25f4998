/*
 * The SVC table (isolation levels 2 and 3): what each SVC number of the
 * partitions' stubs runs (spm_hook_svc(), arch/arch.h). The port runs it in
 * privileged Thread mode on the calling thread's SVC stack, so every entry
 * is the PSA API function that level 1 runs for a direct call
 * (spm/api.h): the same decode step, the same checks of caller memory
 * (now against the caller's boundary: umem_check()), the same blocking and
 * panics. Only arguments that do not fit in registers are unpacked here,
 * and the SFN-model loop's and the console's calls are served.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/arch.h"
#include "platform.h"
#include "spm/api.h"
#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/backend/ipc/svc_abi.h"
#include "spm/panic.h"
#include "spm/panic_why.h"
#include "spm/spm.h"

static uint32_t svc_call(psa_handle_t handle, int32_t type,
                         const psa_invec *in_vec, psa_outvec *out_vec,
                         uint32_t lens)
{
    return (uint32_t)SPM_API(psa_call)(handle, type, in_vec,
                                       lens & WARDEN_SVC_LEN_MAX, out_vec,
                                       lens >> WARDEN_SVC_OUT_SHIFT);
}

/* The running partition, which must be of the SFN model. */
static struct spm_partition *sfn_self(void)
{
    struct spm_partition *self = backend_current();

    if ((self->info->flags & WARDEN_PART_MODEL_IPC) != 0u) {
        spm_panic(self, "SVC of the SFN model from an IPC-model partition");
    }
    return self;
}

static uint32_t svc_sfn_start(void)
{
    return (uint32_t)(uintptr_t)sfn_self()->info->entry_init;
}

static uint32_t svc_sfn_failed(void)
{
    struct spm_partition *self = sfn_self();

    if (self->state != SPM_PART_UNINIT) {
        spm_panic(self, "an init failure reported after its init");
    }
    ipc_sfn_init_failed(self);
}

/*
 * One turn of the SFN-model loop in one call: replies to the message the
 * loop handled last (none the first time), waits for a message of one of
 * the partition's services, gets it into @p msg (the partition's memory,
 * checked by psa_get()) and returns the service's function.
 */
static uint32_t svc_sfn_next(psa_handle_t handle, psa_status_t status,
                             psa_msg_t *msg)
{
    struct spm_partition *self = sfn_self();

    if (handle != PSA_NULL_HANDLE) {
        SPM_API(psa_reply)(handle, status);
    }
    self->state = SPM_PART_READY;
    return (uint32_t)(uintptr_t)ipc_sfn_take(self, msg);
}

/*
 * psa_wait() in the SVC handler: when it must block, the thread blocks
 * here and the SVC returns into the switch; the scheduler hook puts what
 * psa_wait() returns in the thread's r0 when it is switched back in
 * (spm_hook_switch()). The checks are ipc_wait()'s.
 */
static uint32_t svc_wait(psa_signal_t mask, uint32_t timeout)
{
    psa_signal_t ready = ipc_wait(mask, timeout);

    if (ready != 0u || (timeout & PSA_BLOCK) == 0u) {
        return ready;
    }
    backend_current()->be_small.wait_r0 = 1u;
    arch_yield(); /* taken once the handler returns */
    return 0u;
}

/* A partition's console output: text it can read, and nothing else. */
static uint32_t svc_log(const char *text, size_t len)
{
    struct spm_partition *self = backend_current();

    if (!umem_check(self, spm_uptr((uintptr_t)text), len, ARCH_ACCESS_READ)) {
        spm_panic(self, SPM_WHY_BUFFER, "console output", "read",
                  (unsigned int)(uintptr_t)text, (unsigned int)len);
    }
    if (len != 0u) {
        platform_console_write(text, len);
    }
    return 0u;
}

/*
 * MM-IOVEC's functions exist only in a build with PSA_FRAMEWORK_HAS_MM_IOVEC
 * (spm/mmiovec.c): weak references here, so that without it their entries
 * are 0, numbers that name nothing (refused like any unknown number).
 */
__attribute__((weak))
const void *SPM_API(psa_map_invec)(psa_handle_t h, uint32_t idx);
__attribute__((weak)) void SPM_API(psa_unmap_invec)(psa_handle_t h,
                                                    uint32_t idx);
__attribute__((weak)) void *SPM_API(psa_map_outvec)(psa_handle_t h,
                                                    uint32_t idx);
__attribute__((weak)) void SPM_API(psa_unmap_outvec)(psa_handle_t h,
                                                     uint32_t idx, size_t len);

/* A call that never blocks runs in the SVC's handler (HANDLER); one that
 * may block runs in Thread mode on the caller's SVC stack (THREAD). */
struct svc_entry {
    uintptr_t fn;
    bool in_handler;
};

#define HANDLER(number, fn) [number] = { (uintptr_t)(fn), true }
#define THREAD(number, fn)  [number] = { (uintptr_t)(fn), false }

static const struct svc_entry svc_table[WARDEN_SVC_COUNT] = {
    HANDLER(WARDEN_SVC_LOG, svc_log),
    HANDLER(WARDEN_SVC_SFN_START, svc_sfn_start),
    THREAD(WARDEN_SVC_SFN_FAILED, svc_sfn_failed),
    THREAD(WARDEN_SVC_SFN_NEXT, svc_sfn_next),
    HANDLER(WARDEN_SVC_VERSION, SPM_API(psa_version)),
    THREAD(WARDEN_SVC_CALL, svc_call),
    THREAD(WARDEN_SVC_CONNECT, SPM_API(psa_connect)),
    THREAD(WARDEN_SVC_CLOSE, SPM_API(psa_close)),
    HANDLER(WARDEN_SVC_WAIT, svc_wait),
    HANDLER(WARDEN_SVC_GET, SPM_API(psa_get)),
    HANDLER(WARDEN_SVC_SET_RHANDLE, SPM_API(psa_set_rhandle)),
    HANDLER(WARDEN_SVC_READ, SPM_API(psa_read)),
    HANDLER(WARDEN_SVC_SKIP, SPM_API(psa_skip)),
    HANDLER(WARDEN_SVC_WRITE, SPM_API(psa_write)),
    HANDLER(WARDEN_SVC_REPLY, SPM_API(psa_reply)),
    HANDLER(WARDEN_SVC_NOTIFY, SPM_API(psa_notify)),
    HANDLER(WARDEN_SVC_CLEAR, SPM_API(psa_clear)),
    HANDLER(WARDEN_SVC_EOI, SPM_API(psa_eoi)),
    HANDLER(WARDEN_SVC_PANIC, SPM_API(psa_panic)),
    HANDLER(WARDEN_SVC_LIFECYCLE, SPM_API(psa_rot_lifecycle_state)),
    HANDLER(WARDEN_SVC_IRQ_ENABLE, SPM_API(psa_irq_enable)),
    HANDLER(WARDEN_SVC_IRQ_DISABLE, SPM_API(psa_irq_disable)),
    HANDLER(WARDEN_SVC_RESET_SIGNAL, SPM_API(psa_reset_signal)),
    HANDLER(WARDEN_SVC_MAP_INVEC, SPM_API(psa_map_invec)),
    HANDLER(WARDEN_SVC_UNMAP_INVEC, SPM_API(psa_unmap_invec)),
    HANDLER(WARDEN_SVC_MAP_OUTVEC, SPM_API(psa_map_outvec)),
    HANDLER(WARDEN_SVC_UNMAP_OUTVEC, SPM_API(psa_unmap_outvec)),
};

uintptr_t spm_hook_svc(uint32_t number, bool *in_handler)
{
    if (number >= WARDEN_SVC_COUNT) {
        return 0u;
    }
    *in_handler = svc_table[number].in_handler;
    return svc_table[number].fn;
}
