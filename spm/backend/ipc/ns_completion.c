/*
 * Completion for an inactive NS context (spm/ns_completion.h), on the IPC
 * backend with NS contexts: built with WARDEN_NS_COMPLETION_IRQ=ON.
 *
 * A deferred call's NS agent is not blocked: its thread goes on as the NS
 * code of its context (the NS RTOS runs other threads in other contexts,
 * or in this one until it switches). Its request waits in spm_ns_reqs[]
 * as any other client's would, queued or taken; its reply (ipc_reply())
 * posts the context instead of waking a waiting thread.
 */
#include "spm/ns_completion.h"

#include "arch/arch.h"
#include "platform.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/backend/ipc/sched.h"
#include "spm/client_api.h"
#include "spm/nsce/ns_client.h"
#include "tfm_ns_client_ext.h"

struct spm_req spm_ns_reqs[SPM_NS_AGENTS];
uint32_t spm_ns_deferred_set;
/* Bit c: context c's deferred call was replied to, not yet finished. */
static uint32_t replied;
/* Bit c: ... and not yet taken by the NS side (the completion set). */
static volatile uint32_t completed;
/* The NS side handles WARDEN_NS_CALL_PENDING. */
static bool enabled;

static uint32_t bit_of(const struct spm_partition *agent)
{
    return 1u << spm_ns_ctx_of(agent);
}

psa_status_t spm_ns_completion_defer(struct spm_partition *agent,
                                     psa_status_t status)
{
    if (!enabled || spm_ns_ctx_of(agent) == 0u || arch_ns_caller_handler()) {
        return backend_client_resolve(agent, status);
    }
    /* It blocked in backend_messaging(): it is NS code's thread again. */
    spm_ns_deferred_set |= bit_of(agent);
    sched_ready(sched_thread_of(agent));
    return WARDEN_NS_CALL_PENDING;
}

void spm_ns_completion_leave(void)
{
    backend_ns_end();
    ipc_ns_end_raised(); /* the service it made ready, if more urgent */
}

void spm_ns_completion_post(const struct spm_partition *client)
{
    uint32_t bit = bit_of(client);

    replied |= bit;
    __atomic_or_fetch(&completed, bit, __ATOMIC_RELAXED);
    platform_ns_completion_raise();
}

void spm_ns_completion_forget(uint32_t ctx)
{
    uint32_t keep = ~(1u << ctx);

    spm_ns_deferred_set &= keep;
    replied &= keep;
    __atomic_and_fetch(&completed, keep, __ATOMIC_RELAXED);
}

uint32_t spm_ns_completion_enable(uint32_t on)
{
    if (!arch_ns_caller_privileged() || on > 1u) {
        return TFM_NS_CLIENT_ERR_INVALID_ACCESS;
    }
    enabled = on != 0u;
    return TFM_NS_CLIENT_ERR_SUCCESS;
}

uint32_t spm_ns_completion_take(void)
{
    if (!arch_ns_caller_privileged()) {
        return 0u;
    }
    return __atomic_exchange_n(&completed, 0u, __ATOMIC_RELAXED);
}

psa_status_t spm_ns_completion_finish(void)
{
    struct spm_partition *agent = backend_ns_agent();
    uint32_t bit = bit_of(agent);
    psa_status_t status;

    /* Masked against the NSCE calls (the NS RTOS's handlers) by the
     * scheduler lock, which holds NS interrupts off. */
    if (backend_current() != agent || !backend_ns_begin(agent)) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    if ((spm_ns_deferred_set & bit) == 0u) {
        status = PSA_ERROR_PROGRAMMER_ERROR;
    } else if ((replied & bit) == 0u) {
        status = WARDEN_NS_CALL_PENDING;
    } else {
        spm_ns_completion_forget(spm_ns_ctx_of(agent));
        status = spm_client_finish(agent);
        spm_ns_leave(agent);
    }
    backend_ns_end();
    return status;
}
