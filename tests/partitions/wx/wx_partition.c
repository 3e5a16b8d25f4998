/* The WX test partition: its one service does the bad thing its request's
 * type names (wx_bad.h) and answers PSA_SUCCESS if nothing stopped it. */
#include "psa/service.h"
#include "psa_manifest/wx_partition.h"
#include "tests/partitions/wx/wx_bad.h"

psa_status_t wx_bad_sfn(const psa_msg_t *msg)
{
    wx_do((uint32_t)msg->type);
    return PSA_SUCCESS;
}
