/*
 * libFuzzer harness: everything the Non-secure side can send through the
 * veneers (handles, control words, descriptor arrays, buffers anywhere, and
 * NSCE calls with any token, NSID, group and thread, from either mode),
 * against the real SPM (NSCE built) and the real partitions of a host
 * build. Built twice: fuzz_ns_call (SFN backend, build/host) and
 * fuzz_ns_call_ipc (IPC backend, build/host-ipc); fuzz_targets_*.c name
 * each build's services.
 * Properties:
 *  - no input halts, resets or crashes the secure side (a halt exits the
 *    process, which libFuzzer reports);
 *  - the SPM never writes outside the NS memory the input named: ASan for
 *    everything outside the harness's objects, and checks that the secure
 *    buffer (addresses the input may name, never NS memory) and the
 *    read-only NS buffer keep their contents;
 *  - client identity: the NSID an NS call would take is -1's default, none
 *    (0) or a translatable one, and a service sees exactly the client ID
 *    that NSID translates to (or the call is refused when there is none).
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arch/arch.h"
#include "arch/host/host_ns.h"
#include "fuzz_input.h"
#include "fuzz_ns.h"
#include "arch/host/host_mem.h"
#include "psa_manifest/sid.h"
#include "spm/backend.h"
#include "spm/loader.h"
#include "spm/ns_agent.h"
#include "spm/nsce/ns_client.h"
#include "spm/nsce/nsce.h"
#include "tfm_psa_call_pack.h"
#include "tests/partitions/test/warden_test_service.h"

#define ARENA_SIZE  512u
#define RO_SIZE     64u
#define MAX_HANDLES 4u

static uint8_t ns_arena[ARENA_SIZE] __attribute__((aligned(8)));
static const uint8_t ns_ro[RO_SIZE] = { 1, 2, 3, 4 };
static const uint8_t ns_ro_copy[RO_SIZE] = { 1, 2, 3, 4 };
static uint8_t secure_buf[64];
/* The client-ID probe's own NS memory, which no input names. */
static psa_outvec probe_desc[1];
static int32_t probe_id;
static jmp_buf launched;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The harness is the NS side: "launching" it returns to the harness. */
void arch_ns_launch(void)
{
    longjmp(launched, 1);
}

/* An address the NS side might pass. */
static uintptr_t take_addr(struct input *in)
{
    uint32_t sel = take(in, 1);
    uint32_t off = take(in, 2);

    switch (sel % 6u) {
    case 0:
        return 0;
    case 1:
    case 2:
        return (uintptr_t)&ns_arena[off % ARENA_SIZE];
    case 3:
        return (uintptr_t)&ns_ro[off % RO_SIZE];
    case 4:
        return (uintptr_t)&secure_buf[off % sizeof(secure_buf)];
    default:
        return (uintptr_t)(((uint64_t)take(in, 4) << 32) | take(in, 4));
    }
}

static psa_handle_t take_handle(struct input *in, const psa_handle_t *open)
{
    uint32_t sel = take(in, 1);

    switch (sel % 4u) {
    case 0:
        return open[take(in, 1) % MAX_HANDLES];
    case 1:
        return fuzz_handles[take(in, 1) % fuzz_nhandles];
    case 2:
        return fuzz_handles[0] + (psa_handle_t)take(in, 1);
    default:
        return (psa_handle_t)take(in, 4);
    }
}

static uint32_t take_sid(struct input *in)
{
    uint32_t sel = take(in, 1);

    if (sel < 200u) {
        return fuzz_sids[sel % fuzz_nsids];
    }
    return take(in, 4);
}

/* Writes an iovec descriptor (base, len) into the arena. */
static void patch_descriptor(struct input *in)
{
    uint32_t off = take(in, 2) % (ARENA_SIZE - 2u * sizeof(uintptr_t));
    uintptr_t base = take_addr(in);
    size_t len = take(in, 2) % (ARENA_SIZE + 16u);

    off &= ~(uint32_t)(sizeof(uintptr_t) - 1u);
    memcpy(&ns_arena[off], &base, sizeof(base));
    memcpy(&ns_arena[off + sizeof(uintptr_t)], &len, sizeof(len));
}

/* An NSCE token: mostly near the valid ones, sometimes anything. */
static uint32_t take_token(struct input *in)
{
    uint32_t sel = take(in, 1);

    if (sel < 192u) {
        return ((sel % 5u) << 16) | (take(in, 1) % 4u) << 8 | take(in, 1);
    }
    return take(in, 4);
}

static int32_t take_nsid(struct input *in)
{
    static const int32_t edges[] = { -1, -2, -65536, -65537, 0, 1, INT32_MIN };
    uint32_t sel = take(in, 1);

    if (sel < 128u) {
        return edges[sel % (sizeof(edges) / sizeof(edges[0]))];
    }
    return (int32_t)take(in, 4);
}

/* The NSID the next NS call takes is the default, none or a valid one. */
static void check_nsid(void)
{
    int32_t nsid = spm_nsce_current_nsid();

    FUZZ_CHECK(nsid == 0 || (nsid >= -65536 && nsid <= -1));
}

/* One NSCE call, from Handler or Thread mode as the input says. */
static void nsce_op(struct input *in)
{
    uint32_t op = take(in, 1);
    bool handler = (op & 0x80u) == 0u;

    if (handler) {
        host_ns_handler_enter();
    }
    switch (op % 6u) {
    case 0:
        (void)spm_nsce_init(take(in, 1) % 6u);
        break;
    case 1:
        (void)spm_nsce_acquire(take(in, 1) % 5u, take(in, 1));
        break;
    case 2:
        (void)spm_nsce_release(take_token(in));
        break;
    case 3: {
        uint32_t token = take_token(in);
        (void)spm_nsce_load(token, take_nsid(in));
        break;
    }
    case 4:
        (void)spm_nsce_save(take_token(in));
        break;
    default:
        (void)spm_nsce_register_client_id(take_nsid(in));
        break;
    }
    if (handler) {
        host_ns_handler_exit();
    }
    check_nsid();
}

/* A service sees the client ID of the NSID in force, or the call is
 * refused when the NS side manages NSIDs and none is loaded. */
static void probe_client_id(void)
{
    int32_t nsid = spm_nsce_current_nsid();
    psa_status_t status;

    probe_desc[0].base = &probe_id;
    probe_desc[0].len = sizeof(probe_id);
    probe_id = 0;
    status = spm_ns_call(TEST_STATELESS_HANDLE,
                         PARAM_PACK(TEST_TYPE_CLIENT_ID, 0, 1), 0,
                         (uintptr_t)probe_desc);
    if (nsid == 0) {
        FUZZ_CHECK(status == PSA_ERROR_PROGRAMMER_ERROR);
        return;
    }
    FUZZ_CHECK(status >= 0);
    FUZZ_CHECK(probe_id == SPM_NS_CLIENT_ID_LIMIT + 1 + nsid);
}

static void boot(void)
{
    spm_ns_client_reset();
    spm_load();
    backend_init();
    if (setjmp(launched) == 0) {
        backend_system_run();
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    (void)host_mem_add_ns_region(ns_arena, sizeof(ns_arena), ARCH_ACCESS_RW);
    (void)host_mem_add_ns_region(ns_ro, sizeof(ns_ro), ARCH_ACCESS_READ);
    (void)host_mem_add_ns_region(probe_desc, sizeof(probe_desc),
                                 ARCH_ACCESS_RW);
    (void)host_mem_add_ns_region(&probe_id, sizeof(probe_id), ARCH_ACCESS_RW);
    return 0;
}

static void ns_op(struct input *in, psa_handle_t *open, unsigned *next)
{
    switch (take(in, 1) % 8u) {
    case 0:
        (void)spm_ns_version(take_sid(in));
        break;
    case 1: {
        uint32_t sid = take_sid(in);
        open[(*next)++ % MAX_HANDLES] = spm_ns_connect(sid, take(in, 1) % 4u);
        break;
    }
    case 2: {
        psa_handle_t h = take_handle(in, open);
        uint32_t ctrl = take(in, 4);
        uintptr_t iv = take_addr(in);
        uintptr_t ov = take_addr(in);

        if (!fuzz_call_spins(h, ctrl)) {
            (void)spm_ns_call(h, ctrl, iv, ov);
        }
        break;
    }
    case 3:
        (void)spm_ns_close(take_handle(in, open));
        break;
    case 4:
        patch_descriptor(in);
        break;
    case 5:
        nsce_op(in);
        break;
    case 6:
        probe_client_id();
        break;
    default:
        (void)spm_ns_framework_version();
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct input in = { data, size };
    psa_handle_t open[MAX_HANDLES] = { 0 };
    unsigned next = 0;

    boot();
    memset(ns_arena, 0, sizeof(ns_arena));
    while (in.left != 0u) {
        ns_op(&in, open, &next);
    }
    for (size_t i = 0; i < sizeof(secure_buf); i++) {
        FUZZ_CHECK(secure_buf[i] == 0u);
    }
    FUZZ_CHECK(memcmp(ns_ro, ns_ro_copy, sizeof(ns_ro)) == 0);
    return 0;
}
