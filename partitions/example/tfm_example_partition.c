/*
 * The example RoT service ROT_A of TF-M's guide "Adding Secure Partition",
 * in the SFN model: it reads every invec and answers "Hello World" on every
 * outvec.
 */
#include <string.h>

#include "psa/service.h"
#include "psa_manifest/tfm_example_partition.h"

#define BUFFER_LEN 32

psa_status_t tfm_example_init(void)
{
    return PSA_SUCCESS;
}

psa_status_t rot_a_sfn(const psa_msg_t *msg)
{
    uint8_t rec_buf[BUFFER_LEN];
    static const char send_buf[] = "Hello World";

    switch (msg->type) {
    case PSA_IPC_CONNECT:
    case PSA_IPC_DISCONNECT:
        /* No set-up or tear-down for this service. */
        return PSA_SUCCESS;
    case PSA_IPC_CALL:
        for (uint32_t i = 0; i < PSA_MAX_IOVEC; i++) {
            if (msg->in_size[i] != 0u) {
                (void)psa_read(msg->handle, i, rec_buf, BUFFER_LEN);
            }
            if (msg->out_size[i] != 0u) {
                size_t n = sizeof(send_buf);
                psa_write(msg->handle, i, send_buf,
                          n < msg->out_size[i] ? n : msg->out_size[i]);
            }
        }
        return PSA_SUCCESS;
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}
