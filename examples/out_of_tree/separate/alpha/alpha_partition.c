/* Out-of-tree layout 3: a stateless "Hello World" service. */
#include "psa/service.h"
#include "psa_manifest/alpha_partition.h"

psa_status_t oot_alpha_sfn(const psa_msg_t *msg)
{
    static const char send_buf[] = "Hello World";

    if (msg->type != PSA_IPC_CALL) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    if (msg->out_size[0] < sizeof(send_buf)) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    psa_write(msg->handle, 0, send_buf, sizeof(send_buf));
    return PSA_SUCCESS;
}
