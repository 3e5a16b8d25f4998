/*
 * Out-of-tree layout 4: a partition delivered as a prebuilt archive. Its
 * malloc and free reach the partition's own heap (heap_size 0x200 in its
 * manifest): warden_partition() renames them in its copy of the archive.
 * A block larger than that heap is refused, which the C library's malloc
 * would give.
 */
#include <stdlib.h>
#include <string.h>

#include "psa/service.h"
#include "warden/log.h"

#define HEAP_SIZE 0x200

psa_status_t oot_prebuilt_init(void);
psa_status_t oot_prebuilt_sfn(const psa_msg_t *msg);

psa_status_t oot_prebuilt_init(void)
{
    void *small = malloc(64);
    void *too_big = malloc(HEAP_SIZE);

    warden_log("[oot] TFM_SP_OOT_PREBUILT (layout 4) ready; its heap gives "
               "64 B: %s, %u B: %s\r\n",
               small != NULL ? "yes" : "no", (unsigned)HEAP_SIZE,
               too_big != NULL ? "yes" : "no");
    free(too_big);
    free(small);
    return PSA_SUCCESS;
}

psa_status_t oot_prebuilt_sfn(const psa_msg_t *msg)
{
    static const char hello[] = "Hello World";
    char *reply;

    if (msg->type != PSA_IPC_CALL || msg->out_size[0] < sizeof(hello)) {
        return PSA_ERROR_NOT_SUPPORTED;
    }
    reply = malloc(sizeof(hello));
    if (reply == NULL) {
        return PSA_ERROR_INSUFFICIENT_MEMORY;
    }
    memcpy(reply, hello, sizeof(hello));
    psa_write(msg->handle, 0, reply, sizeof(hello));
    free(reply);
    return PSA_SUCCESS;
}
