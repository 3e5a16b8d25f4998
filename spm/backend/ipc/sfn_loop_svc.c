/*
 * The thread of an SFN-model partition at isolation levels 2 and 3 (level
 * 1: sfn_thread.c): the same loop, run unprivileged. One SVC a message
 * (WARDEN_SVC_SFN_NEXT) replies to the last message, waits for the next,
 * copies it into this thread's own psa_msg_t and names the service's
 * function, which runs here, behind the partition's boundary. Common code
 * every unprivileged partition may run (an505_s.ld.in).
 */
#include <stdint.h>

#include "psa/service.h"

#include "spm/backend/ipc/backend_ipc.h"
#include "spm/backend/ipc/svc_abi.h"
#include "spm/load_info.h"

void ipc_sfn_thread_main(void)
{
    psa_status_t (*init)(void) = (psa_status_t(*)(void))(uintptr_t)WARDEN_SVC(
        WARDEN_SVC_SFN_START, 0u, 0u, 0u, 0u, 0u);
    psa_handle_t handle = PSA_NULL_HANDLE;
    psa_status_t status = PSA_SUCCESS;
    psa_msg_t msg;

    if (init != NULL && init() < 0) {
        (void)WARDEN_SVC(WARDEN_SVC_SFN_FAILED, 0u, 0u, 0u, 0u, 0u);
    }
    for (;;) {
        warden_sfn_t sfn = (warden_sfn_t)(uintptr_t)WARDEN_SVC(
            WARDEN_SVC_SFN_NEXT, handle, status, &msg, 0u, 0u);

        status = sfn(&msg);
        handle = msg.handle;
    }
}
