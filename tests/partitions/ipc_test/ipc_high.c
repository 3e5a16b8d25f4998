/* A HIGH-priority IPC partition: doorbells and a service for nested calls. */
#include <stdint.h>

#include "tests/partitions/ipc_test/ipc_test.h"
#include "psa/service.h"
#include "psa_manifest/ipc_high.h"
#include "psa_manifest/pid.h"

static uint32_t ipc_high_doorbells;

static void serve(void)
{
    psa_msg_t msg;
    int32_t value = 0;
    psa_status_t status = PSA_ERROR_NOT_SUPPORTED;

    if (psa_get(IPC_HIGH_SVC_SIGNAL, &msg) != PSA_SUCCESS) {
        return;
    }
    if (msg.type == IPC_HIGH_DOORBELLS) {
        status = (psa_status_t)ipc_high_doorbells;
    } else if (msg.type == IPC_HIGH_ADD &&
               psa_read(msg.handle, 0, &value, sizeof(value)) ==
                   sizeof(value)) {
        status = 1000 + value;
    }
    psa_reply(msg.handle, status);
}

void ipc_high_main(void)
{
    for (;;) {
        psa_signal_t signals =
            psa_wait(IPC_HIGH_SVC_SIGNAL | PSA_DOORBELL, PSA_BLOCK);

        if (signals & PSA_DOORBELL) {
            psa_clear();
            ipc_high_doorbells++;
            psa_notify(WARDEN_SP_IPC_SERVER); /* it rang: ring back */
        }
        if (signals & IPC_HIGH_SVC_SIGNAL) {
            serve();
        }
    }
}
