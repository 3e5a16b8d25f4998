/*
 * The PSA client API on the Non-secure side, over the veneers. Arguments the
 * packed control word cannot carry are refused here, as the reference does;
 * everything else is checked by the SPM. Each veneer call is made under the
 * NS interface lock (ns_interface.h), so NS threads enter one at a time.
 *
 * A connect, call or close refused because a partition it needs is inside
 * another NS context's call (WARDEN_STATUS_PARTITION_BUSY: SFN backend with
 * NS secure contexts; nothing was done) is made again once the RTOS's
 * warden_ns_wait_secure() has let the calling thread sleep, until it gets
 * through; where the caller cannot wait, it gets PSA_ERROR_CONNECTION_BUSY
 * (include/warden/ns_wait.h). A call the secure side deferred
 * (ns_completion.h) waits for its completion interrupt outside the lock.
 */
#include "ns_completion.h"
#include "ns_interface.h"
#include "psa/client.h"
#include "tfm_psa_call_pack.h"
#include "tfm_veneers.h"
#include "warden/ns_wait.h"

/* What an NS call finally returns for @p status, a try's result: true to
 * try again (the thread waited), false with *@p status to return. */
static bool again(psa_status_t *status)
{
    if (*status != WARDEN_STATUS_PARTITION_BUSY) {
        return false;
    }
    if (warden_ns_wait_secure()) {
        return true;
    }
    *status = PSA_ERROR_CONNECTION_BUSY;
    return false;
}

uint32_t psa_framework_version(void)
{
    uint32_t version;

    /* Locked too: any Thread-mode entry stacks a secure frame. */
    ns_interface_lock();
    version = tfm_psa_framework_version_veneer();
    ns_interface_unlock();
    return version;
}

uint32_t psa_version(uint32_t sid)
{
    uint32_t version;

    ns_interface_lock();
    version = tfm_psa_version_veneer(sid);
    ns_interface_unlock();
    return version;
}

psa_handle_t psa_connect(uint32_t sid, uint32_t version)
{
    psa_handle_t handle;

    do {
        ns_interface_lock();
        handle = tfm_psa_connect_veneer(sid, version);
        ns_interface_unlock();
    } while (again(&handle));
    return warden_ns_completion_wait(handle);
}

psa_status_t psa_call(psa_handle_t handle, int32_t type,
                      const psa_invec *in_vec, size_t in_len,
                      psa_outvec *out_vec, size_t out_len)
{
    psa_status_t status;

    if (type < PSA_CALL_TYPE_MIN || type > PSA_CALL_TYPE_MAX ||
        in_len > PSA_MAX_IOVEC || out_len > PSA_MAX_IOVEC) {
        return PSA_ERROR_PROGRAMMER_ERROR;
    }
    do {
        ns_interface_lock();
        status = tfm_psa_call_veneer(handle, PARAM_PACK(type, in_len, out_len),
                                     in_vec, out_vec);
        ns_interface_unlock();
    } while (again(&status));
    return warden_ns_completion_wait(status);
}

void psa_close(psa_handle_t handle)
{
    psa_status_t status;

    do {
        ns_interface_lock();
        status = tfm_psa_close_veneer(handle);
        ns_interface_unlock();
    } while (again(&status));
    (void)warden_ns_completion_wait(status);
}
