/*
 * An NS image whose call makes a secure partition fault: an undefined
 * instruction in WARDEN_SP_VICTIM_FAULT, or (VICTIM_FAULT_HANDLE and
 * VICTIM_FAULT_SID set by CMake to its VICTIM_FAULT_STACK service) a
 * frame bigger than its stack. Under the `terminate` policy the
 * call and every later one to that partition get
 * PSA_ERROR_SERVICE_FAILURE, and the other partitions keep serving; under
 * `reset` and `halt` the call never returns (the test driver checks what
 * the secure console says instead).
 */
#include <string.h>

#include "ns_log.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"

#ifndef VICTIM_FAULT_HANDLE
#define VICTIM_FAULT_HANDLE VICTIM_FAULT_UDF_HANDLE
#define VICTIM_FAULT_SID    VICTIM_FAULT_UDF_SID
#endif

static int failures;

static void expect(const char *name, psa_status_t got, psa_status_t want)
{
    if (got == want) {
        ns_log("PASS: fault/%s\r\n", name);
        return;
    }
    ns_log("FAIL: fault/%s: %ld, expected %ld\r\n", name, (long)got,
           (long)want);
    failures++;
}

int ns_main(void)
{
    char in[] = "ping";
    char out[8] = { 0 };
    psa_invec iv[] = { { in, sizeof(in) } };
    psa_outvec ov[] = { { out, sizeof(out) } };

    ns_log("NS: a call that makes its partition fault\r\n");
    expect("faulted_call",
           psa_call(VICTIM_FAULT_HANDLE, PSA_IPC_CALL, NULL, 0, NULL, 0),
           PSA_ERROR_SERVICE_FAILURE);
    expect("terminated_call",
           psa_call(VICTIM_FAULT_HANDLE, PSA_IPC_CALL, NULL, 0, NULL, 0),
           PSA_ERROR_SERVICE_FAILURE);
    expect("terminated_version", (psa_status_t)psa_version(VICTIM_FAULT_SID),
           1);
    expect("other_partition_serves",
           psa_call(TEST_STATELESS_HANDLE, PSA_IPC_CALL, iv, 1, ov, 1),
           (psa_status_t)sizeof(in));
    expect("other_partition_echo", strcmp(out, "ping"), 0);
    return failures == 0 ? 0 : 1;
}
