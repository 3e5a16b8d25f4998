/*
 * The isolation tests' victims (APPLICATION-ROT), this file built once per
 * victim (tests/partitions/CMakeLists.txt): a call's type names a case
 * (enum iso_case of iso_test.h), and the victim crosses that boundary, so
 * that the Secure MPU or the SPM must stop it. A run of the tests gives
 * each case a victim of its own (the SPM's threads are few: the victims
 * are the ISO_VICTIMS of iso_test.h, not one per case). Where nothing
 * stops it, a victim answers PSA_SUCCESS and the word it read.
 */
#include <stdint.h>

#include "psa/client.h"
#include "psa/service.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/isolation/iso_test.h"
#include ISO_VICTIM_MANIFEST_H

/* The SPM's partition table (spm/spm.h): SPM data, privileged. Declared
 * as bytes, as the attacker would: only its address matters. */
extern const volatile uint8_t spm_partitions[];

static uint32_t read_word(uintptr_t addr)
{
    return *(const volatile uint32_t *)addr;
}

/* A call of ISO_PEER whose one vector lies at @p addr: the SPM must refuse
 * it, a programmer error of this caller. */
static uint32_t call_with_vector(uintptr_t addr, int out)
{
    psa_invec in = { (const void *)addr, sizeof(uint32_t) };
    psa_outvec ov = { (void *)addr, sizeof(uint32_t) };

    return (uint32_t)psa_call(ISO_PEER_HANDLE, ISO_TYPE_PING, out ? NULL : &in,
                              out ? 0u : 1u, out ? &ov : NULL, out ? 1u : 0u);
}

static uint32_t violate(int32_t what, uintptr_t addr)
{
    switch (what) {
    case ISO_READ:
        return read_word(addr);
    case ISO_WRITE: {
        uint32_t was = read_word(addr);

        *(volatile uint32_t *)addr = ~was; /* a change the owner sees */
        return was;
    }
    case ISO_READ_SPM_DATA:
        return read_word((uintptr_t)spm_partitions);
    case ISO_INVEC:
        return call_with_vector(addr, 0);
    case ISO_OUTVEC:
        return call_with_vector(addr, 1);
    case ISO_SVC_UNKNOWN:
        __asm volatile("svc #0xFF" : : : "memory");
        return 0u;
    case ISO_SVC_HOLE:
        __asm volatile("svc #0x00" : : : "memory");
        return 0u;
    case ISO_SVC_RETURN:
        __asm volatile("svc #0x04" : : : "memory");
        return 0u;
    default:
        return 0u;
    }
}

psa_status_t ISO_VICTIM_SFN(const psa_msg_t *msg)
{
    uint32_t addr = 0u;
    uint32_t word;

    if (msg->type < PSA_IPC_CALL) {
        return PSA_SUCCESS; /* a connect or a disconnect */
    }
    if (msg->in_size[0] == sizeof(addr)) {
        (void)psa_read(msg->handle, 0, &addr, sizeof(addr));
    }
    word = violate(msg->type, (uintptr_t)addr);
    if (msg->out_size[0] >= sizeof(word)) {
        psa_write(msg->handle, 0, &word, sizeof(word));
    }
    return PSA_SUCCESS;
}
