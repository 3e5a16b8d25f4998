/*
 * The IPC build's services, for fuzz_ns_call.c: the same product and test
 * partitions as the SFN build, run as SFN partitions inside the IPC
 * backend, plus the IPC-model partitions of partitions/ipc_test/ (a
 * server, a more urgent partition reached by nested calls and doorbells,
 * and the victims that break a partition API rule when called).
 */
#include "fuzz_ns.h"
#include "tests/partitions/ipc_test/ipc_test.h"
#include "psa/service.h"
#include "psa_manifest/sid.h"
#include "psa_manifest/victim_stack.h"
#include "tfm_psa_call_pack.h"

const uint32_t fuzz_sids[] = {
    ROT_A_SID,        TEST_CONN_SID,    TEST_STRICT_SID,  TEST_STATELESS_SID,
    TEST_S_SUITE_SID, CLIENT_STORE_SID, IPC_ECHO_SID,     IPC_STATELESS_SID,
    IPC_NESTED_SID,   IPC_RING_SID,     IPC_HIGH_SVC_SID, VICTIM_GET_SID,
    VICTIM_REPLY_SID, VICTIM_READ_SID,  VICTIM_WRITE_SID, VICTIM_WAIT_SID,
    VICTIM_PANIC_SID, VICTIM_STACK_SID,
};
const size_t fuzz_nsids = sizeof(fuzz_sids) / sizeof(fuzz_sids[0]);

const psa_handle_t fuzz_handles[] = {
    TEST_STATELESS_HANDLE, TEST_S_SUITE_HANDLE, CLIENT_STORE_HANDLE,
    IPC_STATELESS_HANDLE,  IPC_NESTED_HANDLE,   IPC_RING_HANDLE,
    IPC_HIGH_SVC_HANDLE,   VICTIM_GET_HANDLE,   VICTIM_REPLY_HANDLE,
    VICTIM_READ_HANDLE,    VICTIM_WRITE_HANDLE, VICTIM_WAIT_HANDLE,
    VICTIM_PANIC_HANDLE,   VICTIM_STACK_HANDLE,
};
const size_t fuzz_nhandles = sizeof(fuzz_handles) / sizeof(fuzz_handles[0]);

/* IPC_STATELESS's IPC_TYPE_SPIN loops as often as invec 0 says. */
bool fuzz_call_spins(psa_handle_t handle, uint32_t ctrl_param)
{
    int32_t type = (int16_t)((ctrl_param & TYPE_MASK) >> TYPE_OFFSET);

    return handle == IPC_STATELESS_HANDLE && type == IPC_TYPE_SPIN;
}

void victim_stack_main(void);

/*
 * The stack-overflow victim needs the Armv8-M stack limit (PSPLIM) to be
 * stopped; the host has none, so here it stands for that fault with the
 * same outcome: the panic policy stops it.
 */
void victim_stack_main(void)
{
    psa_msg_t msg;

    while (psa_wait(VICTIM_STACK_SIGNAL, PSA_BLOCK) == 0u ||
           psa_get(VICTIM_STACK_SIGNAL, &msg) != PSA_SUCCESS) {
    }
    psa_panic();
}
