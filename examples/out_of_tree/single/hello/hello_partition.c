/*
 * Out-of-tree layout 1: the "Hello World" service of TF-M's "Adding a secure
 * partition" guide, built from a folder outside Warden with its own manifest
 * list, logging with TF-M's tfm_sp_log.h.
 */
#include "psa/service.h"
#include "psa_manifest/hello_partition.h"
#include "tfm_sp_log.h"

#define BUFFER_LEN 32

psa_status_t oot_hello_init(void)
{
    LOG_INFFMT("[oot] %s (layout %d) ready\r\n", "TFM_SP_OOT_HELLO", 1);
    /* Printed at TFM_PARTITION_LOG_LEVEL_DEBUG only. */
    LOG_DBGFMT("[oot] TFM_SP_OOT_HELLO: debug output on\r\n");
    return PSA_SUCCESS;
}

psa_status_t oot_hello_sfn(const psa_msg_t *msg)
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
