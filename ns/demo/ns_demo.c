/*
 * The NS demo that `make run` boots with the product image: the example
 * partition's service ROT_A (partitions/example/, as TF-M's guide "Adding
 * Secure Partition" describes it), step by step, each call printed with
 * what it returned. It uses nothing but the example. Exits 0 when every
 * step did what the example expects.
 */
#include <string.h>

#include "ns/ns_log.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"

static int failures;

static void expect(int ok)
{
    if (!ok) {
        failures++;
        ns_log("        ^ unexpected\r\n");
    }
}

static void rot_a_call(psa_handle_t handle)
{
    char str1[] = "str1";
    char str2[] = "str2";
    char str3[128] = { 0 };
    char str4[128] = { 0 };
    psa_invec invecs[2] = { { str1, sizeof(str1) }, { str2, sizeof(str2) } };
    psa_outvec outvecs[2] = { { str3, sizeof(str3) }, { str4, sizeof(str4) } };
    psa_status_t status = psa_call(handle, PSA_IPC_CALL, invecs, 2, outvecs, 2);

    ns_log("psa_call(ROT_A, 2 invecs, 2 outvecs) = %ld\r\n", (long)status);
    ns_log("    outvec 0: \"%s\" (%lu bytes)\r\n", str3,
           (unsigned long)outvecs[0].len);
    ns_log("    outvec 1: \"%s\" (%lu bytes)\r\n", str4,
           (unsigned long)outvecs[1].len);
    expect(status == PSA_SUCCESS && strcmp(str3, "Hello World") == 0 &&
           strcmp(str4, "Hello World") == 0);
}

int ns_main(void)
{
    uint32_t fw = psa_framework_version();
    uint32_t version = psa_version(ROT_A_SID);
    psa_handle_t handle;
    psa_handle_t refused;

    ns_log("Warden NS demo\r\n");
    ns_log("psa_framework_version() = 0x%04lx\r\n", (unsigned long)fw);
    expect(fw == PSA_FRAMEWORK_VERSION);
    ns_log("psa_version(ROT_A_SID 0x%08lx) = %lu\r\n", (unsigned long)ROT_A_SID,
           (unsigned long)version);
    expect(version == ROT_A_VERSION);

    handle = psa_connect(ROT_A_SID, ROT_A_VERSION);
    ns_log("psa_connect(ROT_A_SID, %lu) = 0x%08lx\r\n",
           (unsigned long)ROT_A_VERSION, (unsigned long)handle);
    expect(PSA_HANDLE_IS_VALID(handle));
    rot_a_call(handle);
    psa_close(handle);
    ns_log("psa_close(0x%08lx)\r\n", (unsigned long)handle);

    refused = psa_connect(0x0BADBEEFu, 1);
    ns_log("psa_connect(unknown SID 0x0BADBEEF, 1) = %ld "
           "(PSA_ERROR_CONNECTION_REFUSED is %ld)\r\n",
           (long)refused, (long)PSA_ERROR_CONNECTION_REFUSED);
    expect(refused == PSA_ERROR_CONNECTION_REFUSED);

    ns_log("Demo %s\r\n",
           failures == 0 ? "complete: all as expected" : "FAILED");
    return failures == 0 ? 0 : 1;
}
