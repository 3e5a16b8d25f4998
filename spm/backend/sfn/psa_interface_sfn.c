/*
 * The SFN interface: the PSA API symbols a partition links against under
 * the SFN backend, as plain function calls into the SPM. The calling
 * partition is the backend's current one.
 */
#include "psa/client.h"
#include "psa/service.h"

#include "spm/backend.h"
#include "arch/arch.h"
#include "spm/client_api.h"
#include "spm/irq.h"
#include "spm/panic.h"
#include "warden/stack.h"

/* The request of each call below lives in its frame: the manifest tool's
 * warning counts it (include/warden/stack.h). */
_Static_assert(sizeof(void *) != 4u ||
                   sizeof(struct spm_req) <= WARDEN_STACK_REQ_SFN,
               "include/warden/stack.h's request figure");

uint32_t psa_framework_version(void)
{
    return spm_framework_version();
}

uint32_t psa_version(uint32_t sid)
{
    return spm_version(backend_current(), sid);
}

/* The request of each call below lives in its frame: the SFN backend runs
 * it before the call returns. */
psa_handle_t psa_connect(uint32_t sid, uint32_t version)
{
    struct spm_req req;

    return spm_connect(backend_current(), &req, sid, version);
}

psa_status_t psa_call(psa_handle_t handle, int32_t type,
                      const psa_invec *in_vec, size_t in_len,
                      psa_outvec *out_vec, size_t out_len)
{
    struct spm_req req;

    return spm_call(backend_current(), &req, handle, type,
                    spm_uptr((uintptr_t)in_vec), in_len,
                    spm_uptr((uintptr_t)out_vec), out_len);
}

void psa_close(psa_handle_t handle)
{
    struct spm_req req;

    (void)spm_close(backend_current(), &req, handle);
}

/*
 * An SFN partition replies by returning from its secure function, and its
 * services have no signals: under the SFN backend these are programmer
 * errors.
 */
#define NOT_SFN "%s: not a call of the SFN backend"

void psa_reply(psa_handle_t msg_handle, psa_status_t status)
{
    (void)msg_handle;
    (void)status;
    spm_panic(backend_current(), NOT_SFN, "psa_reply");
}

/* Under the SFN backend a partition's only signals are its IRQs': a wait
 * for them spins (sleeping between interrupts) until one is asserted. */
psa_signal_t psa_wait(psa_signal_t signal_mask, uint32_t timeout)
{
    struct spm_partition *self = backend_current();

    if (spm_is_ns(self) || (signal_mask & spm_irq_signals(self)) == 0u) {
        spm_irq_refuse(self, "psa_wait", signal_mask,
                       "no IRQ signal of the partition in the mask");
    }
    if ((timeout & PSA_BLOCK) != 0u) {
        arch_wait_for(sfn_asserted(self), signal_mask);
    }
    return *sfn_asserted(self) & signal_mask;
}

psa_status_t psa_get(psa_signal_t signal, psa_msg_t *msg)
{
    (void)signal;
    (void)msg;
    spm_panic(backend_current(), NOT_SFN, "psa_get");
}

void psa_notify(int32_t partition_id)
{
    (void)partition_id;
    spm_panic(backend_current(), NOT_SFN, "psa_notify");
}

void psa_clear(void)
{
    spm_panic(backend_current(), NOT_SFN, "psa_clear");
}

void psa_eoi(psa_signal_t irq_signal)
{
    spm_irq_eoi(backend_current(), irq_signal);
}

void psa_irq_enable(psa_signal_t irq_signal)
{
    spm_irq_enable(backend_current(), irq_signal);
}

psa_irq_status_t psa_irq_disable(psa_signal_t irq_signal)
{
    return spm_irq_disable(backend_current(), irq_signal);
}

void psa_reset_signal(psa_signal_t irq_signal)
{
    spm_irq_reset_signal(backend_current(), irq_signal);
}
