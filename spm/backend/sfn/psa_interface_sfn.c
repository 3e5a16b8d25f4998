/*
 * The SFN interface: the PSA API symbols a partition links against under
 * the SFN backend, as plain function calls into the SPM. The calling
 * partition is the backend's current one.
 */
#include "psa/client.h"
#include "psa/service.h"

#include "spm/backend.h"
#include "spm/client_api.h"
#include "spm/panic.h"

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
 * An SFN partition replies by returning from its secure function and has no
 * signals to wait for: under the SFN backend these are programmer errors.
 */
void psa_reply(psa_handle_t msg_handle, psa_status_t status)
{
    (void)msg_handle;
    (void)status;
    spm_panic(backend_current());
}

psa_signal_t psa_wait(psa_signal_t signal_mask, uint32_t timeout)
{
    (void)signal_mask;
    (void)timeout;
    spm_panic(backend_current());
}

psa_status_t psa_get(psa_signal_t signal, psa_msg_t *msg)
{
    (void)signal;
    (void)msg;
    spm_panic(backend_current());
}

void psa_notify(int32_t partition_id)
{
    (void)partition_id;
    spm_panic(backend_current());
}

void psa_clear(void)
{
    spm_panic(backend_current());
}

void psa_eoi(psa_signal_t irq_signal)
{
    (void)irq_signal;
    spm_panic(backend_current());
}

void psa_irq_enable(psa_signal_t irq_signal)
{
    (void)irq_signal;
    spm_panic(backend_current());
}

psa_irq_status_t psa_irq_disable(psa_signal_t irq_signal)
{
    (void)irq_signal;
    spm_panic(backend_current());
}

void psa_reset_signal(psa_signal_t irq_signal)
{
    (void)irq_signal;
    spm_panic(backend_current());
}
