/*
 * An NS application of its own: it calls the example partition's service
 * ROT_A, passing NS memory of every kind (a string literal, a global, a
 * bss buffer, its stack), and prints what came back. Exits 0 when all is
 * as expected.
 */
#include <string.h>

#include "ns/ns_log.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"

static char greeting[16] = "str2";
static char reply[32];

int ns_main(void)
{
    char on_stack[32] = { 0 };
    psa_invec in[2] = { { "str1", 5 }, { greeting, sizeof(greeting) } };
    psa_outvec out[2] = { { on_stack, sizeof(on_stack) },
                          { reply, sizeof(reply) } };
    psa_handle_t handle;
    psa_status_t status;

    ns_log("[ns_app] built outside Warden, framework version 0x%04lx, "
           "ROT_A version %lu\r\n",
           (unsigned long)psa_framework_version(),
           (unsigned long)psa_version(ROT_A_SID));
    handle = psa_connect(ROT_A_SID, ROT_A_VERSION);
    if (!PSA_HANDLE_IS_VALID(handle)) {
        ns_log("[ns_app] psa_connect(ROT_A) = %ld\r\n", (long)handle);
        return 1;
    }
    status = psa_call(handle, PSA_IPC_CALL, in, 2, out, 2);
    psa_close(handle);
    ns_log("[ns_app] ROT_A said \"%s\", \"%s\" (status %ld)\r\n", on_stack,
           reply, (long)status);
    return status == PSA_SUCCESS && strcmp(on_stack, "Hello World") == 0 &&
                   strcmp(reply, "Hello World") == 0
               ? 0
               : 1;
}
