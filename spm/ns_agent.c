/*
 * The NS agent: the veneers' way into the SPM. It decodes what only the
 * veneer ABI has (the packed control word), refuses a second NS entry of
 * one NS context while its secure call is in progress, takes the NS
 * caller's client ID once per call (spm/nsce/ns_client.h) and calls the
 * client API as the NS client, through the NS agent of the caller's NS
 * context (backend_ns_agent()).
 */
#include "spm/ns_agent.h"

#include "spm/backend.h"
#include "spm/fault.h"
#include "spm/irq.h"
#include "spm/client_api.h"
#include "spm/loader.h"
#include "spm/log.h"
#include "spm/ns_completion.h"
#include "spm/nsce/ns_client.h"
#include "tfm_psa_call_pack.h"

/* An NS call starts here, as the NS agent of the NS context loaded now
 * (backend_ns_agent()). It is refused while a secure partition runs (an NS
 * interrupt preempted it and its handler calls), while that agent's NS
 * call is in progress (an NS interrupt handler, or a thread of its NSCE
 * group whose RTOS preempted another one inside a secure call), and while
 * the NS side manages NSIDs with no context loaded; otherwise it takes its
 * client ID, once (spm/nsce/ns_client.h). */
static psa_status_t ns_enter(struct spm_partition *agent)
{
    psa_status_t status;

    /* (The SFN backend's backend_ns_begin() is always true.) */
    /* cppcheck-suppress knownConditionTrueFalse */
    if (backend_current() != agent || !backend_ns_begin(agent)) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    status = spm_ns_enter(agent);
    if (status != PSA_SUCCESS) {
        backend_ns_end();
    }
    return status;
}

/* The end of an NS call that ns_enter() let in. A call deferred to the
 * completion interrupt (spm/ns_completion.h) stays in progress. */
static void ns_leave(const struct spm_partition *agent)
{
    if (spm_ns_deferred(agent)) {
        spm_ns_completion_leave();
        return;
    }
    spm_ns_leave(agent);
    backend_ns_end();
}

uint32_t spm_ns_framework_version(void)
{
    return spm_framework_version();
}

uint32_t spm_ns_version(uint32_t sid)
{
    struct spm_partition *agent = backend_ns_agent();
    uint32_t version;

    if (ns_enter(agent) != PSA_SUCCESS) {
        return PSA_VERSION_NONE;
    }
    version = spm_version(agent, sid);
    ns_leave(agent);
    return version;
}

/* The request of each call below lives in its frame, on the NS agent's
 * stack (its NS context's): the SFN backend runs it at once, and under the
 * IPC backend the agent's thread waits for the reply in
 * backend_client_resolve(). With WARDEN_NS_COMPLETION_IRQ it lives in the
 * agent's static storage instead (spm_ns_req()), and a call that has to
 * wait may return to NS first (spm_ns_resolve()). */
psa_handle_t spm_ns_connect(uint32_t sid, uint32_t version)
{
    struct spm_req frame;
    struct spm_partition *agent = backend_ns_agent();
    psa_handle_t handle = ns_enter(agent);

    if (handle != PSA_SUCCESS) {
        return handle;
    }
    handle = spm_ns_resolve(
        agent, spm_connect(agent, spm_ns_req(agent, &frame), sid, version));
    ns_leave(agent);
    return handle;
}

psa_status_t spm_ns_call(psa_handle_t handle, uint32_t ctrl_param,
                         uintptr_t in_vec, uintptr_t out_vec)
{
    /* Bit 31 is the SPM's own marker: NS cannot claim anything with it. */
    uint32_t ctrl = ctrl_param & ~NS_VEC_DESC_BIT;
    struct spm_req frame;
    struct spm_partition *agent = backend_ns_agent();
    psa_status_t status = ns_enter(agent);

    if (status != PSA_SUCCESS) {
        return status;
    }
    if ((ctrl & CTRL_RESERVED_MASK) != 0u) {
        status = PSA_ERROR_PROGRAMMER_ERROR;
    } else {
        status = spm_ns_resolve(
            agent,
            spm_call(agent, spm_ns_req(agent, &frame), handle,
                     (int32_t)(int16_t)((ctrl & TYPE_MASK) >> TYPE_OFFSET),
                     spm_uptr(in_vec), (ctrl & IN_LEN_MASK) >> IN_LEN_OFFSET,
                     spm_uptr(out_vec),
                     (ctrl & OUT_LEN_MASK) >> OUT_LEN_OFFSET));
    }
    ns_leave(agent);
    return backend_ns_call_status(status);
}

psa_status_t spm_ns_close(psa_handle_t handle)
{
    struct spm_req frame;
    struct spm_partition *agent = backend_ns_agent();
    psa_status_t status = ns_enter(agent);

    if (status != PSA_SUCCESS) {
        return status;
    }
    status = spm_ns_resolve(
        agent, spm_close(agent, spm_ns_req(agent, &frame), handle));
    ns_leave(agent);
    return status;
}

void spm_main(void)
{
    spm_log("[Warden] SPM %s backend, isolation level %d, %d partitions\r\n",
            WARDEN_BACKEND_NAME, TFM_ISOLATION_LEVEL, WARDEN_NUM_PARTITIONS);
    spm_report_last_reset();
    spm_ns_client_reset();
    spm_load();
    backend_init();
    spm_irq_init();
    backend_system_run();
}
