/*
 * The ROT_A "Hello World" service in the IPC model, written against
 * the generated psa_manifest/tfm_example_partition.h: the test compiles it
 * to show that the header gives what the guide's code uses.
 */
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/tfm_example_partition.h"

#define BUFFER_LEN 32

static void rot_a(void)
{
    psa_msg_t msg;
    uint8_t rec_buf[BUFFER_LEN];
    static const uint8_t send_buf[BUFFER_LEN] = "Hello World";

    if (psa_get(ROT_A_SIGNAL, &msg) != PSA_SUCCESS) {
        return;
    }
    switch (msg.type) {
    case PSA_IPC_CONNECT:
    case PSA_IPC_DISCONNECT:
        psa_reply(msg.handle, PSA_SUCCESS);
        break;
    case PSA_IPC_CALL:
        for (uint32_t i = 0; i < PSA_MAX_IOVEC; i++) {
            if (msg.in_size[i] != 0u) {
                (void)psa_read(msg.handle, i, rec_buf, BUFFER_LEN);
            }
            if (msg.out_size[i] != 0u) {
                psa_write(msg.handle, i, send_buf, BUFFER_LEN);
            }
        }
        psa_reply(msg.handle, PSA_SUCCESS);
        break;
    default:
        psa_panic();
    }
}

void tfm_example_main(void)
{
    for (;;) {
        psa_signal_t signals = psa_wait(PSA_WAIT_ANY, PSA_BLOCK);

        if (signals & ROT_A_SIGNAL) {
            rot_a();
        }
        if (signals & A_IRQ_SIGNAL) {
            psa_eoi(A_IRQ_SIGNAL);
        }
    }
}
