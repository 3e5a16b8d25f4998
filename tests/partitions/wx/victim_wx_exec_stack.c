/* W^X victim: runs code on its stack when called (wx_bad.h);
 * answers PSA_SUCCESS if nothing stopped it. */
#include "psa_manifest/victim_wx_exec_stack.h"
#include "tests/partitions/ipc_test/victim.h"
#include "tests/partitions/wx/wx_bad.h"

void victim_wx_exec_stack_main(void)
{
    for (;;) {
        psa_msg_t msg = victim_take(VICTIM_WX_EXEC_STACK_SIGNAL);

        wx_do(WX_EXEC_STACK);
        /* Not stopped: the call succeeds, and the partition serves on. */
        psa_reply(msg.handle, PSA_SUCCESS);
    }
}
