/* W^X victim: writes its own code when called (wx_bad.h);
 * answers PSA_SUCCESS if nothing stopped it. */
#include "psa_manifest/victim_wx_write_code.h"
#include "tests/partitions/ipc_test/victim.h"
#include "tests/partitions/wx/wx_bad.h"

void victim_wx_write_code_main(void)
{
    for (;;) {
        psa_msg_t msg = victim_take(VICTIM_WX_WRITE_CODE_SIGNAL);

        wx_do(WX_WRITE_CODE);
        /* Not stopped: the call succeeds, and the partition serves on. */
        psa_reply(msg.handle, PSA_SUCCESS);
    }
}
