/* Out-of-tree layout 2: the "Hello World" service of TF-M's "Adding a secure
 * partition" guide. */
#include "psa/service.h"
#include "psa_manifest/greeter_partition.h"

#define BUFFER_LEN 32

psa_status_t oot_greeter_sfn(const psa_msg_t *msg)
{
    static const char send_buf[] = "Hello World";
    uint8_t rec_buf[BUFFER_LEN];

    switch (msg->type) {
    case PSA_IPC_CONNECT:
    case PSA_IPC_DISCONNECT:
        return PSA_SUCCESS;
    case PSA_IPC_CALL:
        for (uint32_t i = 0; i < PSA_MAX_IOVEC; i++) {
            if (msg->in_size[i] != 0u) {
                (void)psa_read(msg->handle, i, rec_buf, BUFFER_LEN);
            }
            if (msg->out_size[i] >= sizeof(send_buf)) {
                psa_write(msg->handle, i, send_buf, sizeof(send_buf));
            }
        }
        return PSA_SUCCESS;
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}
