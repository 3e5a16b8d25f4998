/*
 * libFuzzer harness: the partition-side API as a misbehaving partition uses
 * it, on the IPC backend (build/host-ipc). The partition WARDEN_SP_IPC_SERVER
 * runs this file's code instead of its own: with the NS side's request in
 * flight (queued, got or replied) it calls psa_wait, psa_get, psa_read,
 * psa_skip, psa_write, psa_reply, psa_set_rhandle, psa_notify, psa_clear,
 * the interrupt functions, psa_panic and a nested psa_call, with handles,
 * signals, indices, sizes and buffers the input picks. The NS side (the
 * harness's main context) connects, calls and closes as the input says.
 *
 * The harness keeps a model of the request in flight and of the doorbell,
 * predicts for every call whether it is a programmer error, and checks:
 *  - a programmer error stops the partition (the `terminate` policy: the
 *    call never returns, the partition is TERMINATED, its client gets
 *    PSA_ERROR_SERVICE_FAILURE or PSA_ERROR_CONNECTION_REFUSED), and
 *    anything else returns what the model says;
 *  - the message the partition gets is the one the client sent (type,
 *    sizes, client ID), psa_read gives the client's bytes, the client's
 *    outvecs receive exactly what psa_write wrote and nothing else (guard
 *    bytes around them), the client gets the reply status;
 *  - the other partitions keep serving (a nested call, and a call of
 *    another partition's service after every input);
 *  - nothing touches memory it should not (ASan).
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arch/arch.h"
#include "fuzz_input.h"
#include "arch/host/host_mem.h"
#include "tests/partitions/ipc_test/ipc_test.h"
#include "psa/client.h"
#include "psa/service.h"
#include "psa_manifest/ipc_server.h"
#include "psa_manifest/pid.h"
#include "psa_manifest/sid.h"
#include "spm/backend.h"
#include "spm/handle.h"
#include "spm/loader.h"
#include "spm/ns_agent.h"
#include "spm/nsce/ns_client.h"
#include "tfm_psa_call_pack.h"

#define VEC_MAX  32u /* bytes of one NS vector */
#define GUARD    8u  /* guard bytes around each NS outvec */
#define MAX_CONN 4u
#define NSTALE   4u
#define BUF      64u /* the partition's buffers */

#define OWN_SIGNALS                                               \
    (IPC_ECHO_SIGNAL | IPC_STATELESS_SIGNAL | IPC_NESTED_SIGNAL | \
     IPC_RING_SIGNAL)
#define ALLOWED (OWN_SIGNALS | PSA_DOORBELL)

/* NS memory: descriptors, invec data, outvecs with guards. */
struct ns_mem {
    psa_invec in_desc[PSA_MAX_IOVEC];
    psa_outvec out_desc[PSA_MAX_IOVEC];
    uint8_t in[PSA_MAX_IOVEC][VEC_MAX];
    uint8_t out[PSA_MAX_IOVEC][GUARD + VEC_MAX + GUARD];
};

/* The request of the NS side, as the model sees it. */
struct req_model {
    bool active; /* delivered to the partition, not replied */
    bool got;    /* and the partition got it */
    psa_handle_t handle;
    psa_signal_t signal;
    int32_t type;
    size_t in_size[PSA_MAX_IOVEC];
    size_t out_size[PSA_MAX_IOVEC];
    size_t in_done[PSA_MAX_IOVEC];
    size_t out_done[PSA_MAX_IOVEC];
    uint8_t expect_out[PSA_MAX_IOVEC][VEC_MAX];
    bool replied;
    psa_status_t reply;
};

static struct ns_mem ns;
static struct req_model req;
static bool doorbell;     /* the partition's doorbell, raised */
static bool expect_panic; /* the partition's call in progress must stop it */
static psa_handle_t stale[NSTALE];
static unsigned nstale;
static psa_handle_t conns[MAX_CONN]; /* the NS side's open connections */
static uint32_t nopen;               /* connections open, handles lost or not */
static struct spm_partition *rogue;
static struct input in;
static jmp_buf launched;

/* The partition's memory. */
static uint8_t rogue_buf[BUF];
static uint8_t rogue_rbuf[BUF];
static const uint8_t rogue_ro[BUF] = { 0x5a, 0xa5 };
static uint8_t rogue_msg[sizeof(psa_msg_t) + 8u] __attribute__((aligned(8)));

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
void ipc_server_main(void);

void arch_ns_launch(void)
{
    longjmp(launched, 1);
}

/* ---- The partition's side ---------------------------------------------- */

static psa_signal_t model_asserted(void)
{
    psa_signal_t s = doorbell ? PSA_DOORBELL : 0u;

    if (req.active && !req.got) {
        s |= req.signal;
    }
    return s;
}

static void remember_stale(psa_handle_t h)
{
    stale[nstale++ % NSTALE] = h;
}

/* A buffer of the partition, or one it must not use, for @p n bytes:
 * @p ok_read/@p ok_write say what the SPM must allow (n == 0 is always
 * allowed). A usable buffer always has room for @p n. */
static uintptr_t take_buf(uint8_t *rw, size_t *n, bool *ok_read, bool *ok_write)
{
    uint32_t sel = take(&in, 1);
    uint32_t off = take(&in, 1) % BUF;

    *ok_read = false;
    *ok_write = false;
    switch (sel % 8u) {
    case 0:
    case 1:
    case 2:
        *n = (*n > BUF - off) ? BUF - off : *n;
        *ok_read = true;
        *ok_write = true;
        return (uintptr_t)&rw[off];
    case 3:
        *n = (*n > BUF - off) ? BUF - off : *n;
        *ok_read = true;
        return (uintptr_t)&rogue_ro[off];
    case 4:
        return 0u;
    case 5:
        return (uintptr_t)&ns.in[0][off % VEC_MAX]; /* NS memory */
    case 6:
        return (uintptr_t)0 - off;
    default:
        /* Anything not canonical in user space (bit 47 set): never mapped.
         * A fully random address is not a bad buffer for sure: ASan's
         * shadow alone maps some 15 TiB, which the host check rightly
         * takes for the partition's memory. */
        return (uintptr_t)1 << 47 | (uintptr_t)take(&in, 4) << 8 | off;
    }
}

static size_t take_size(void)
{
    uint32_t sel = take(&in, 1);

    if (sel < 240u) {
        return sel % (VEC_MAX + 8u);
    }
    return (size_t)take(&in, 4);
}

static psa_handle_t take_msg_handle(void)
{
    uint32_t sel = take(&in, 1);

    switch (sel % 8u) {
    case 0:
    case 1:
    case 2:
        return req.handle;
    case 3:
        return stale[take(&in, 1) % NSTALE];
    case 4:
        return conns[take(&in, 1) % MAX_CONN];
    case 5:
        return req.handle + (psa_handle_t)(take(&in, 1) % 3u) - 1;
    case 6:
        return IPC_STATELESS_HANDLE;
    default:
        return (psa_handle_t)take(&in, 4);
    }
}

static psa_signal_t take_signal(void)
{
    static const psa_signal_t some[] = { IPC_ECHO_SIGNAL,
                                         IPC_STATELESS_SIGNAL,
                                         IPC_NESTED_SIGNAL,
                                         IPC_RING_SIGNAL,
                                         PSA_DOORBELL,
                                         ALLOWED,
                                         PSA_WAIT_ANY,
                                         0u,
                                         1u,
                                         0x100u,
                                         IPC_ECHO_SIGNAL | PSA_DOORBELL };
    uint32_t sel = take(&in, 1);

    if (sel < 64u) {
        return req.signal;
    }
    if (sel < 240u) {
        return some[sel % (sizeof(some) / sizeof(some[0]))];
    }
    return take(&in, 4);
}

static bool live(psa_handle_t h)
{
    return req.active && req.got && h == req.handle;
}

static bool live_request(psa_handle_t h)
{
    return live(h) && req.type >= PSA_IPC_CALL;
}

static void op_wait(void)
{
    psa_signal_t mask = take_signal();
    uint32_t timeout = (take(&in, 1) & 1u) ? PSA_BLOCK : PSA_POLL;
    psa_signal_t want = model_asserted() & mask;
    psa_signal_t got;

    if (want == 0u) {
        timeout = PSA_POLL; /* blocking now would stop every thread */
    }
    expect_panic = (mask & ALLOWED) == 0u;
    got = psa_wait(mask, timeout);
    FUZZ_CHECK(!expect_panic);
    FUZZ_CHECK(got == want);
}

static void check_msg(const psa_msg_t *msg)
{
    FUZZ_CHECK(msg->type == req.type);
    FUZZ_CHECK(msg->client_id == SPM_NS_CLIENT_ID_LIMIT + 1 + -1);
    for (unsigned i = 0; i < PSA_MAX_IOVEC; i++) {
        FUZZ_CHECK(msg->in_size[i] == req.in_size[i]);
        FUZZ_CHECK(msg->out_size[i] == req.out_size[i]);
    }
}

static void op_get(void)
{
    psa_signal_t signal = take_signal();
    uint32_t where = take(&in, 1) % 6u;
    psa_msg_t local;
    psa_msg_t *dst = &local;
    bool ok_dst = true;
    psa_status_t status;

    if (where == 1u) {
        dst = (psa_msg_t *)(void *)&rogue_msg[take(&in, 1) % 8u];
    } else if (where == 2u) {
        dst = NULL;
        ok_dst = false;
    } else if (where == 3u) {
        dst = (psa_msg_t *)(void *)&ns.in[0][0];
        ok_dst = false;
    } else if (where == 4u) {
        dst = (psa_msg_t *)(uintptr_t)rogue_ro;
        ok_dst = false;
    }
    expect_panic = signal == 0u || (signal & (signal - 1u)) != 0u ||
                   (model_asserted() & signal) == 0u || !ok_dst;
    status = psa_get(signal, dst);
    FUZZ_CHECK(!expect_panic);
    if (signal == PSA_DOORBELL) {
        FUZZ_CHECK(status == PSA_ERROR_DOES_NOT_EXIST);
        return;
    }
    FUZZ_CHECK(status == PSA_SUCCESS);
    memcpy(&local, dst, sizeof(local));
    check_msg(&local);
    req.got = true;
    req.handle = local.handle;
}

static void op_read(bool skip)
{
    psa_handle_t h = take_msg_handle();
    uint32_t idx = (take(&in, 1) < 240u) ? take(&in, 1) % 5u : take(&in, 4);
    size_t n = take_size();
    size_t left = 0;
    size_t want;
    size_t got;
    bool ok_read = true;
    bool ok_write = true;
    uintptr_t dst = skip ? 0u : take_buf(rogue_rbuf, &n, &ok_read, &ok_write);

    if (live_request(h) && idx < PSA_MAX_IOVEC) {
        left = req.in_size[idx] - req.in_done[idx];
    }
    want = (n < left) ? n : left;
    expect_panic =
        !live_request(h) || idx >= PSA_MAX_IOVEC || (want != 0u && !ok_write);
    got = skip ? psa_skip(h, idx, n) : psa_read(h, idx, (void *)dst, n);
    FUZZ_CHECK(!expect_panic);
    FUZZ_CHECK(got == want);
    if (!skip && want != 0u) {
        FUZZ_CHECK(memcmp((void *)dst, &ns.in[idx][req.in_done[idx]], want) ==
                   0);
    }
    if (want != 0u) {
        req.in_done[idx] += want;
    }
}

static void op_write(void)
{
    psa_handle_t h = take_msg_handle();
    uint32_t idx = (take(&in, 1) < 240u) ? take(&in, 1) % 5u : take(&in, 4);
    size_t n = take_size();
    bool ok_read;
    bool ok_write;
    uintptr_t src = take_buf(rogue_buf, &n, &ok_read, &ok_write);
    size_t room = 0;

    for (unsigned i = 0; i < BUF; i++) {
        rogue_buf[i] = (uint8_t)(i * 7u + (uint8_t)take(&in, 1));
    }
    if (live_request(h) && idx < PSA_MAX_IOVEC) {
        room = req.out_size[idx] - req.out_done[idx];
    }
    expect_panic = !live_request(h) || idx >= PSA_MAX_IOVEC ||
                   (n != 0u && !ok_read) || n > room;
    psa_write(h, idx, (const void *)src, n);
    FUZZ_CHECK(!expect_panic);
    if (n != 0u) {
        memcpy(&req.expect_out[idx][req.out_done[idx]], (const void *)src, n);
        req.out_done[idx] += n;
    }
}

static bool connect_status_ok(psa_status_t s)
{
    return s == PSA_SUCCESS || s == PSA_ERROR_CONNECTION_REFUSED ||
           s == PSA_ERROR_CONNECTION_BUSY;
}

static psa_status_t take_status(void)
{
    static const psa_status_t some[] = {
        PSA_SUCCESS,
        1,
        PSA_ERROR_CONNECTION_REFUSED,
        PSA_ERROR_CONNECTION_BUSY,
        PSA_ERROR_PROGRAMMER_ERROR,
        PSA_ERROR_GENERIC_ERROR,
        PSA_ERROR_SERVICE_FAILURE,
        INT32_MAX,
    };
    uint32_t sel = take(&in, 1);

    if (sel < 224u) {
        return some[sel % (sizeof(some) / sizeof(some[0]))];
    }
    return (psa_status_t)take(&in, 4);
}

static void do_reply(psa_handle_t h, psa_status_t status)
{
    expect_panic =
        !live(h) || (req.type == PSA_IPC_CONNECT && !connect_status_ok(status));
    psa_reply(h, status);
    FUZZ_CHECK(!expect_panic);
    req.active = false;
    req.got = false;
    req.replied = true;
    req.reply = status;
    remember_stale(h);
}

static void op_set_rhandle(void)
{
    psa_handle_t h = take_msg_handle();

    expect_panic = !live(h) || req.signal != IPC_ECHO_SIGNAL;
    psa_set_rhandle(h, rogue_buf);
    FUZZ_CHECK(!expect_panic);
}

static void op_notify(void)
{
    static const int32_t pids[] = { WARDEN_SP_IPC_SERVER,
                                    WARDEN_SP_IPC_HIGH,
                                    WARDEN_SP_TEST,
                                    WARDEN_SP_VICTIM_GET,
                                    0,
                                    -1,
                                    3009 };
    uint32_t sel = take(&in, 1);
    int32_t pid = (sel < 240u) ? pids[sel % (sizeof(pids) / sizeof(pids[0]))]
                               : (int32_t)take(&in, 4);

    expect_panic = pid != WARDEN_SP_IPC_SERVER && pid != WARDEN_SP_IPC_HIGH &&
                   pid != WARDEN_SP_TEST && pid != WARDEN_SP_VICTIM_GET;
    for (unsigned i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        expect_panic = expect_panic && spm_partitions[i].info->pid != pid;
    }
    psa_notify(pid);
    FUZZ_CHECK(!expect_panic);
    /* IPC_HIGH, more urgent, takes its doorbell at once and rings this
     * partition's back (tests/partitions/ipc_test/ipc_high.c). */
    if (pid == WARDEN_SP_IPC_SERVER || pid == WARDEN_SP_IPC_HIGH) {
        doorbell = true;
    }
}

static void op_clear(void)
{
    expect_panic = !doorbell;
    psa_clear();
    FUZZ_CHECK(!expect_panic);
    doorbell = false;
}

static void op_always_panics(void)
{
    uint32_t which = take(&in, 1) % 5u;
    psa_signal_t s = take_signal();

    expect_panic = true;
    if (which == 0u) {
        psa_eoi(s);
    } else if (which == 1u) {
        psa_irq_enable(s);
    } else if (which == 2u) {
        (void)psa_irq_disable(s);
    } else if (which == 3u) {
        psa_reset_signal(s);
    } else {
        psa_panic();
    }
    FUZZ_CHECK(false);
}

/* A nested call to the partition it depends on. */
static void op_nested_call(void)
{
    int32_t v = (int32_t)take(&in, 2);
    psa_invec iv[] = { { &v, sizeof(v) } };
    psa_handle_t h = (take(&in, 1) < 200u) ? IPC_HIGH_SVC_HANDLE
                                           : (psa_handle_t)take(&in, 4);
    psa_status_t status;

    /* A random handle may be the good one too. */
    expect_panic = h != IPC_HIGH_SVC_HANDLE;
    status = psa_call(h, IPC_HIGH_ADD, iv, 1, NULL, 0);
    FUZZ_CHECK(!expect_panic);
    FUZZ_CHECK(status == 1000 + v);
}

/* The end of a turn: what is in flight gets a proper reply, the doorbell is
 * taken, and the partition waits until the NS side sends again. */
static void end_turn(void)
{
    psa_msg_t msg;

    if (req.active && !req.got) {
        FUZZ_CHECK(psa_get(req.signal, &msg) == PSA_SUCCESS);
        check_msg(&msg);
        req.got = true;
        req.handle = msg.handle;
    }
    if (req.active) {
        do_reply(req.handle, PSA_SUCCESS);
    }
    if (doorbell) {
        psa_clear();
        doorbell = false;
    }
    (void)psa_wait(ALLOWED, PSA_BLOCK);
}

void ipc_server_main(void)
{
    for (;;) {
        uint32_t op = take(&in, 1);

        if (in.left == 0u) {
            end_turn();
            continue;
        }
        switch (op % 14u) {
        case 0:
            op_wait();
            break;
        case 1:
        case 2:
            op_get();
            break;
        case 3:
            op_read(false);
            break;
        case 4:
            op_read(true);
            break;
        case 5:
            op_write();
            break;
        case 6:
            do_reply(take_msg_handle(), take_status());
            break;
        case 7:
            op_set_rhandle();
            break;
        case 8:
            op_notify();
            break;
        case 9:
            op_clear();
            break;
        case 10:
            op_nested_call();
            break;
        case 11:
            if (take(&in, 1) < 16u) {
                op_always_panics();
            }
            break;
        default:
            end_turn();
            break;
        }
    }
}

/* ---- The NS side ------------------------------------------------------- */

/* After the partition's turn: it was stopped exactly when it had to be. */
static void check_stopped(void)
{
    FUZZ_CHECK((rogue->state == SPM_PART_TERMINATED) == expect_panic);
}

/* Sets up the model of a request to @p signal and the NS vectors. */
static void start_request(psa_signal_t signal, int32_t type, size_t in_len,
                          size_t out_len)
{
    memset(&req, 0, sizeof(req));
    memset(ns.out, 0xEE, sizeof(ns.out));
    req.active = rogue->state != SPM_PART_TERMINATED;
    req.signal = signal;
    req.type = type;
    for (unsigned i = 0; i < PSA_MAX_IOVEC; i++) {
        size_t isz = (i < in_len) ? take(&in, 1) % (VEC_MAX + 1u) : 0u;
        size_t osz = (i < out_len) ? take(&in, 1) % (VEC_MAX + 1u) : 0u;

        for (unsigned b = 0; b < VEC_MAX; b++) {
            ns.in[i][b] = (uint8_t)(b * 13u + i);
        }
        ns.in_desc[i].base = ns.in[i];
        ns.in_desc[i].len = isz;
        ns.out_desc[i].base = &ns.out[i][GUARD];
        ns.out_desc[i].len = osz;
        req.in_size[i] = isz;
        req.out_size[i] = osz;
    }
}

/* The NS side's outvecs hold what the partition wrote, and nothing
 * outside them changed. */
static void check_outvecs(size_t out_len, bool replied)
{
    for (unsigned i = 0; i < PSA_MAX_IOVEC; i++) {
        /* psa_write() copies at once: a partition stopped later leaves
         * what it wrote, but the lengths come back only with a reply. */
        size_t done = (i < out_len) ? req.out_done[i] : 0u;

        if (replied && i < out_len) {
            FUZZ_CHECK(ns.out_desc[i].len == done);
        }
        FUZZ_CHECK(memcmp(&ns.out[i][GUARD], req.expect_out[i], done) == 0);
        for (size_t b = 0; b < sizeof(ns.out[i]); b++) {
            if (b < GUARD || b >= GUARD + done) {
                FUZZ_CHECK(ns.out[i][b] == 0xEEu);
            }
        }
    }
}

static void ns_connect(void)
{
    psa_handle_t h;

    start_request(IPC_ECHO_SIGNAL, PSA_IPC_CONNECT, 0, 0);
    if (nopen == spm_conn_pool_size()) {
        req.active = false; /* no connection left: no message */
        FUZZ_CHECK(spm_ns_connect(IPC_ECHO_SID, IPC_ECHO_VERSION) ==
                   PSA_ERROR_CONNECTION_BUSY);
        return;
    }
    h = spm_ns_connect(IPC_ECHO_SID, IPC_ECHO_VERSION);
    check_stopped();
    if (!req.replied) {
        FUZZ_CHECK(h == PSA_ERROR_CONNECTION_REFUSED);
        return;
    }
    if (req.reply == PSA_SUCCESS) {
        FUZZ_CHECK(h > 0);
        conns[take(&in, 1) % MAX_CONN] = h; /* may lose one: it stays open */
        nopen++;
    } else {
        FUZZ_CHECK(h == req.reply);
    }
}

static void ns_call(void)
{
    static const psa_handle_t stateless[] = { IPC_STATELESS_HANDLE,
                                              IPC_NESTED_HANDLE,
                                              IPC_RING_HANDLE };
    static const psa_signal_t signals[] = { IPC_STATELESS_SIGNAL,
                                            IPC_NESTED_SIGNAL,
                                            IPC_RING_SIGNAL };
    uint32_t sel = take(&in, 1) % 5u;
    psa_handle_t h;
    psa_signal_t signal = IPC_ECHO_SIGNAL;
    int32_t type = (int32_t)(take(&in, 2) % 0x7FFFu);
    size_t in_len = take(&in, 1) % 5u;
    size_t out_len = take(&in, 1) % (5u - in_len);
    psa_status_t status;

    if (sel < 3u) {
        h = stateless[sel];
        signal = signals[sel];
    } else {
        h = conns[take(&in, 1) % MAX_CONN];
        if (h <= 0) {
            return;
        }
    }
    start_request(signal, type, in_len, out_len);
    status = spm_ns_call(h, PARAM_PACK(type, in_len, out_len),
                         (uintptr_t)ns.in_desc, (uintptr_t)ns.out_desc);
    check_stopped();
    FUZZ_CHECK(status == (req.replied ? req.reply : PSA_ERROR_SERVICE_FAILURE));
    check_outvecs(out_len, req.replied);
}

static void ns_close(void)
{
    unsigned i = take(&in, 1) % MAX_CONN;
    psa_status_t status;

    if (conns[i] <= 0) {
        return;
    }
    start_request(IPC_ECHO_SIGNAL, PSA_IPC_DISCONNECT, 0, 0);
    status = spm_ns_close(conns[i]);
    check_stopped();
    FUZZ_CHECK(status == PSA_SUCCESS);
    conns[i] = 0;
    nopen--;
}

/* Another partition still serves: a call of IPC_HIGH_SVC. */
static void ns_others_serve(void)
{
    int32_t v = 41;

    memcpy(ns.in[0], &v, sizeof(v));
    ns.in_desc[0].base = ns.in[0];
    ns.in_desc[0].len = sizeof(v);
    FUZZ_CHECK(spm_ns_call(IPC_HIGH_SVC_HANDLE, PARAM_PACK(IPC_HIGH_ADD, 1, 0),
                           (uintptr_t)ns.in_desc, 0) == 1041);
}

static void boot(void)
{
    memset(&req, 0, sizeof(req));
    memset(conns, 0, sizeof(conns));
    nopen = 0;
    memset(stale, 0, sizeof(stale));
    doorbell = false;
    expect_panic = false;
    spm_ns_client_reset();
    spm_load();
    for (unsigned i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        if (spm_partitions[i].info->pid == WARDEN_SP_IPC_SERVER) {
            rogue = &spm_partitions[i];
        }
    }
    backend_init();
    if (setjmp(launched) == 0) {
        backend_system_run();
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    (void)host_mem_add_ns_region(&ns, sizeof(ns), ARCH_ACCESS_RW);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    in.p = data;
    in.left = size;
    boot();
    check_stopped();
    while (in.left != 0u) {
        switch (take(&in, 1) % 4u) {
        case 0:
            ns_connect();
            break;
        case 1:
        case 2:
            ns_call();
            break;
        default:
            ns_close();
            break;
        }
    }
    ns_others_serve();
    return 0;
}
