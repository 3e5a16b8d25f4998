/* Calls malloc, but its manifest gives no heap_size. */
#include <stdlib.h>

#include "psa/service.h"
#include "psa_manifest/no_heap_partition.h"

psa_status_t oot_no_heap_sfn(const psa_msg_t *msg)
{
    void *p = malloc(msg->in_size[0]);

    free(p);
    return p != NULL ? PSA_SUCCESS : PSA_ERROR_INSUFFICIENT_MEMORY;
}
