/*
 * libFuzzer harness: everything the Non-secure side can send through the
 * veneers (handles, control words, descriptor arrays, buffers anywhere, and
 * NSCE calls with any token, NSID, group and thread, from either mode),
 * against the real SPM (NSCE built) and the real partitions of the host
 * build.
 * Properties: no input halts, resets or crashes the secure side (a halt
 * exits the process, which libFuzzer reports), the SPM never writes outside
 * the NS memory the input named (ASan), and the NSID an NS call would take
 * is always -1's default, none (0) or a translatable one.
 */
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include "arch/arch.h"
#include "arch/host/host_ns.h"
#include "host_mem.h"
#include "psa_manifest/sid.h"
#include "spm/backend.h"
#include "spm/loader.h"
#include "spm/ns_agent.h"
#include "spm/ns_client.h"
#include "spm/nsce.h"

#define ARENA_SIZE  512u
#define RO_SIZE     64u
#define MAX_HANDLES 4u

static uint8_t ns_arena[ARENA_SIZE] __attribute__((aligned(8)));
static const uint8_t ns_ro[RO_SIZE] = { 1, 2, 3, 4 };
static uint8_t secure_buf[64];
static jmp_buf launched;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The harness is the NS side: "launching" it returns to the harness. */
void arch_ns_launch(void)
{
    longjmp(launched, 1);
}

struct input {
    const uint8_t *p;
    size_t left;
};

static uint32_t take(struct input *in, unsigned bytes)
{
    uint32_t v = 0;

    for (unsigned i = 0; i < bytes; i++) {
        v <<= 8;
        if (in->left != 0u) {
            v |= *in->p++;
            in->left--;
        }
    }
    return v;
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

    switch (sel % 7u) {
    case 0:
        return open[take(in, 1) % MAX_HANDLES];
    case 5:
        return (psa_handle_t)CLIENT_STORE_HANDLE;
    case 6:
        return (psa_handle_t)CLIENT_TALLY_HANDLE;
    case 1:
        return (psa_handle_t)TEST_STATELESS_HANDLE;
    case 2:
        return (psa_handle_t)TEST_SECURE_ONLY_HANDLE;
    case 3:
        return (psa_handle_t)TEST_S_SUITE_HANDLE + (psa_handle_t)take(in, 1);
    default:
        return (psa_handle_t)take(in, 4);
    }
}

static uint32_t take_sid(struct input *in)
{
    static const uint32_t sids[] = {
        ROT_A_SID,          TEST_CONN_SID,        TEST_STRICT_SID,
        TEST_STATELESS_SID, TEST_SECURE_ONLY_SID, TEST_REFUSE_SID,
        TEST_S_SUITE_SID,   CLIENT_STORE_SID,     CLIENT_TALLY_SID
    };
    uint32_t sel = take(in, 1);

    if (sel < 200u) {
        return sids[sel % (sizeof(sids) / sizeof(sids[0]))];
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
    {
        int32_t nsid = spm_nsce_current_nsid();

        if (nsid != 0 && !spm_nsid_valid(nsid)) {
            __builtin_trap();
        }
    }
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
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct input in = { data, size };
    psa_handle_t open[MAX_HANDLES] = { 0 };
    unsigned next = 0;

    boot();
    memset(ns_arena, 0, sizeof(ns_arena));
    while (in.left != 0u) {
        switch (take(&in, 1) % 7u) {
        case 0:
            (void)spm_ns_version(take_sid(&in));
            break;
        case 1: {
            uint32_t sid = take_sid(&in);
            open[next++ % MAX_HANDLES] = spm_ns_connect(sid, take(&in, 1) % 4u);
            break;
        }
        case 2: {
            psa_handle_t h = take_handle(&in, open);
            uint32_t ctrl = take(&in, 4);
            uintptr_t iv = take_addr(&in);
            (void)spm_ns_call(h, ctrl, iv, take_addr(&in));
            break;
        }
        case 3:
            (void)spm_ns_close(take_handle(&in, open));
            break;
        case 4:
            patch_descriptor(&in);
            break;
        case 5:
            nsce_op(&in);
            break;
        default:
            (void)spm_ns_framework_version();
            break;
        }
    }
    return 0;
}
