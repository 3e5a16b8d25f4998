/* The ECHO service's work (bench_service.h), for both partition models. */
#include "bench_service.h"

#include <stdint.h>

psa_status_t bench_echo(const psa_msg_t *msg)
{
    uint8_t buf[BENCH_ECHO_MAX];

    if (msg->type < PSA_IPC_CALL) {
        return PSA_SUCCESS; /* connect, disconnect */
    }
    for (uint32_t i = 0; i < PSA_MAX_IOVEC && msg->in_size[i] != 0u; i++) {
        size_t n = msg->in_size[i];

        if (n > msg->out_size[i] || n > sizeof(buf)) {
            return PSA_ERROR_BUFFER_TOO_SMALL;
        }
        (void)psa_read(msg->handle, i, buf, n);
        psa_write(msg->handle, i, buf, n);
    }
    return PSA_SUCCESS;
}
