/* The SFN build's services, for fuzz_ns_call.c. */
#include "fuzz_ns.h"
#include "psa_manifest/sid.h"

const uint32_t fuzz_sids[] = {
    ROT_A_SID,          TEST_CONN_SID,        TEST_STRICT_SID,
    TEST_STATELESS_SID, TEST_SECURE_ONLY_SID, TEST_REFUSE_SID,
    TEST_S_SUITE_SID,   CLIENT_STORE_SID,     CLIENT_TALLY_SID,
};
const size_t fuzz_nsids = sizeof(fuzz_sids) / sizeof(fuzz_sids[0]);

const psa_handle_t fuzz_handles[] = {
    TEST_STATELESS_HANDLE, TEST_SECURE_ONLY_HANDLE, TEST_S_SUITE_HANDLE,
    CLIENT_STORE_HANDLE,   CLIENT_TALLY_HANDLE,
};
const size_t fuzz_nhandles = sizeof(fuzz_handles) / sizeof(fuzz_handles[0]);

/* CLIENT_TALLY's spin is bounded (TALLY_SPIN_MAX, some milliseconds). */
bool fuzz_call_spins(psa_handle_t handle, uint32_t ctrl_param)
{
    (void)handle;
    (void)ctrl_param;
    return false;
}
