/* W^X victim: writes a static const when called (wx_bad.h);
 * answers PSA_SUCCESS if nothing stopped it. */
#include "psa_manifest/victim_wx_write_rodata.h"
#include "tests/partitions/ipc_test/victim.h"
#include "tests/partitions/wx/wx_bad.h"

void victim_wx_write_rodata_main(void)
{
    for (;;) {
        psa_msg_t msg = victim_take(VICTIM_WX_WRITE_RODATA_SIGNAL);

        wx_do(WX_WRITE_RODATA);
        /* Not stopped: the call succeeds, and the partition serves on. */
        psa_reply(msg.handle, PSA_SUCCESS);
    }
}
