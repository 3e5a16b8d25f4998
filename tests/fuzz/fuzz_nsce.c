/*
 * libFuzzer harness: NSCE call sequences (tfm_nsce_init/acquire/release/
 * load/save and tfm_register_client_id) in any order, with any arguments,
 * from NS Handler or Thread mode, against a model of the state machine
 * written from the contracts in include/tfm_ns_client_ext.h,
 * include/tfm_api.h and docs/nsce-integration.md (after the NSCE
 * integration guide of TF-M).
 * Properties: every call returns what the model says (tokens, statuses,
 * slots granted), and after every call the NSID the next NS call takes,
 * and so the client ID a service sees, is the model's; an NS call with no
 * NSID to take is refused, and a second NS entry meanwhile is busy.
 *
 * The model leaves one choice to the SPM: which free slot a group's first
 * acquire takes. It accepts any slot that is free, and follows the SPM's.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arch/host/host_ns.h"
#include "fuzz_input.h"
#include "spm/nsce/ns_client.h"
#include "spm/nsce/nsce.h"
#include "spm/spm.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"

#define SLOTS      WARDEN_NS_CONTEXT_SLOTS
#define NSID_MIN   (-65536)
#define MAX_TOKENS 16u

struct model_slot {
    bool used;
    uint8_t gid;
    bool threads[256];
};

struct model {
    struct model_slot slot[SLOTS];
    uint32_t granted;
    bool managed;
    int32_t default_nsid;
    int loaded;                  /* slot index, or -1 */
    uint8_t loaded_tid;          /* the thread that loaded it */
    int32_t nsid;                /* the loaded context's NSID */
    uint32_t tokens[MAX_TOKENS]; /* tokens the SPM handed out, for reuse */
    unsigned ntokens;
};

static struct model m;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void model_reset(void)
{
    memset(&m, 0, sizeof(m));
    m.granted = SLOTS;
    m.default_nsid = -1;
    m.loaded = -1;
}

static bool nsid_ok(int32_t nsid)
{
    return nsid >= NSID_MIN && nsid <= -1;
}

/* The NSID of an NS call starting now, per the model: 0 for none. */
static int32_t model_nsid(void)
{
    if (!m.managed) {
        return m.default_nsid;
    }
    return (m.loaded >= 0) ? m.nsid : 0;
}

static unsigned used_slots(void)
{
    unsigned n = 0;

    for (unsigned i = 0; i < SLOTS; i++) {
        n += m.slot[i].used ? 1u : 0u;
    }
    return n;
}

/* The model's slot for @p token, or NULL when the SPM must refuse it. */
static struct model_slot *model_decode(uint32_t token)
{
    uint32_t idx = (token >> 16) & 0xFFu;
    struct model_slot *s;

    if ((token & 0xFF000000u) != 0u || idx >= SLOTS) {
        return NULL;
    }
    s = &m.slot[idx];
    if (!s->used || s->gid != ((token >> 8) & 0xFFu) ||
        !s->threads[token & 0xFFu]) {
        return NULL;
    }
    return s;
}

static int slot_index(const struct model_slot *s)
{
    return (int)(s - m.slot);
}

static void remember(uint32_t token)
{
    m.tokens[m.ntokens++ % MAX_TOKENS] = token;
}

static void op_init(uint32_t req, bool handler)
{
    uint32_t got = spm_nsce_init(req);

    if (!handler) {
        FUZZ_CHECK(got == 0u);
        return;
    }
    m.granted = (req == 0u || req > SLOTS) ? SLOTS : req;
    m.managed = true;
    FUZZ_CHECK(got == m.granted);
}

static void op_acquire(uint32_t group, uint32_t thread, bool handler)
{
    uint8_t gid = (uint8_t)group;
    uint8_t tid = (uint8_t)thread;
    uint32_t token = spm_nsce_acquire(group, thread);
    struct model_slot *s = NULL;
    uint32_t idx;

    if (!handler) {
        FUZZ_CHECK(token == TFM_NS_CLIENT_INVALID_TOKEN);
        return;
    }
    for (unsigned i = 0; i < SLOTS; i++) {
        if (m.slot[i].used && m.slot[i].gid == gid) {
            s = &m.slot[i];
        }
    }
    if ((s != NULL && s->threads[tid]) ||
        (s == NULL && used_slots() >= m.granted)) {
        FUZZ_CHECK(token == TFM_NS_CLIENT_INVALID_TOKEN);
        return;
    }
    FUZZ_CHECK(token != TFM_NS_CLIENT_INVALID_TOKEN);
    FUZZ_CHECK((token & 0xFF00FFFFu) == ((uint32_t)gid << 8 | tid));
    idx = token >> 16;
    if (s == NULL) {
        FUZZ_CHECK(idx < SLOTS && !m.slot[idx].used);
        s = &m.slot[idx];
        memset(s, 0, sizeof(*s));
        s->used = true;
        s->gid = gid;
    } else {
        FUZZ_CHECK((int)idx == slot_index(s));
    }
    s->threads[tid] = true;
    m.managed = true;
    remember(token);
}

static void op_release(uint32_t token, bool handler)
{
    uint32_t status = spm_nsce_release(token);
    struct model_slot *s = model_decode(token);
    uint8_t tid = (uint8_t)token;

    if (!handler) {
        FUZZ_CHECK(status == TFM_NS_CLIENT_ERR_INVALID_ACCESS);
        return;
    }
    if (s == NULL) {
        FUZZ_CHECK(status == TFM_NS_CLIENT_ERR_INVALID_TOKEN);
        return;
    }
    FUZZ_CHECK(status == TFM_NS_CLIENT_ERR_SUCCESS);
    s->threads[tid] = false;
    if (m.loaded == slot_index(s) && m.loaded_tid == tid) {
        m.loaded = -1;
    }
    s->used = false;
    for (unsigned t = 0; t < 256u; t++) {
        s->used = s->used || s->threads[t];
    }
}

static void op_load(uint32_t token, int32_t nsid, bool handler)
{
    uint32_t status = spm_nsce_load(token, nsid);
    struct model_slot *s = model_decode(token);

    if (!handler) {
        FUZZ_CHECK(status == TFM_NS_CLIENT_ERR_INVALID_ACCESS);
    } else if (!nsid_ok(nsid)) {
        FUZZ_CHECK(status == TFM_NS_CLIENT_ERR_INVALID_NSID);
    } else if (s == NULL) {
        FUZZ_CHECK(status == TFM_NS_CLIENT_ERR_INVALID_TOKEN);
    } else {
        FUZZ_CHECK(status == TFM_NS_CLIENT_ERR_SUCCESS);
        m.loaded = slot_index(s);
        m.loaded_tid = (uint8_t)token;
        m.nsid = nsid;
    }
}

static void op_save(uint32_t token, bool handler)
{
    uint32_t status = spm_nsce_save(token);
    const struct model_slot *s = model_decode(token);

    if (!handler) {
        FUZZ_CHECK(status == TFM_NS_CLIENT_ERR_INVALID_ACCESS);
    } else if (s == NULL || m.loaded != slot_index(s) ||
               m.loaded_tid != (uint8_t)token) {
        FUZZ_CHECK(status == TFM_NS_CLIENT_ERR_INVALID_TOKEN);
    } else {
        FUZZ_CHECK(status == TFM_NS_CLIENT_ERR_SUCCESS);
        m.loaded = -1;
    }
}

static void op_register(int32_t nsid, bool handler)
{
    int32_t status = spm_nsce_register_client_id(nsid);

    if (!handler) {
        FUZZ_CHECK(status == TFM_ERROR_NS_THREAD_MODE_CALL);
    } else if (!nsid_ok(nsid)) {
        FUZZ_CHECK(status == TFM_ERROR_INVALID_PARAMETER);
    } else if (m.loaded >= 0) {
        FUZZ_CHECK(status == TFM_SUCCESS);
        m.nsid = nsid;
    } else if (!m.managed) {
        FUZZ_CHECK(status == TFM_SUCCESS);
        m.default_nsid = nsid;
    } else {
        FUZZ_CHECK(status == TFM_ERROR_GENERIC);
    }
}

/* An NS call starting now: refused without an NSID, else made as the
 * model's client; a second entry meanwhile is busy. */
static void op_ns_call(void)
{
    int32_t nsid = model_nsid();
    psa_status_t status = spm_ns_enter(&spm_ns_agent);

    if (nsid == 0) {
        FUZZ_CHECK(status == PSA_ERROR_PROGRAMMER_ERROR);
        return;
    }
    FUZZ_CHECK(status == PSA_SUCCESS);
    FUZZ_CHECK(spm_ns_client_id(&spm_ns_agent) ==
               SPM_NS_CLIENT_ID_LIMIT + 1 + nsid);
    FUZZ_CHECK(spm_ns_enter(&spm_ns_agent) == PSA_ERROR_CONNECTION_BUSY);
    spm_ns_leave(&spm_ns_agent);
}

/* A token: one the SPM handed out, one near it, or anything. */
static uint32_t take_token(struct input *in)
{
    uint32_t sel = take(in, 1);
    uint32_t t = (m.ntokens != 0u) ? m.tokens[take(in, 1) % MAX_TOKENS] : 0u;

    switch (sel % 5u) {
    case 0:
    case 1:
        return t;
    case 2:
        return t ^ (1u << (take(in, 1) % 32u));
    case 3:
        return (take(in, 1) % (SLOTS + 1u)) << 16 | (take(in, 1) % 4u) << 8 |
               (take(in, 1) % 4u);
    default:
        return take(in, 4);
    }
}

static uint32_t take_id(struct input *in)
{
    uint32_t sel = take(in, 1);

    return (sel < 224u) ? sel % 4u : take(in, 4);
}

static int32_t take_nsid(struct input *in)
{
    static const int32_t edges[] = { -1, -2,        NSID_MIN,  NSID_MIN - 1, 0,
                                     1,  INT32_MIN, INT32_MAX, -0x3C000000 };
    uint32_t sel = take(in, 1);

    if (sel < 160u) {
        return edges[sel % (sizeof(edges) / sizeof(edges[0]))];
    }
    return (int32_t)take(in, 4);
}

static void one_op(struct input *in)
{
    uint32_t op = take(in, 1);
    bool handler = (op & 0x80u) == 0u;

    if (handler) {
        host_ns_handler_enter();
    }
    switch (op % 7u) {
    case 0:
        op_init(take(in, 1) % (SLOTS + 2u), handler);
        break;
    case 1: {
        uint32_t group = take_id(in);
        op_acquire(group, take_id(in), handler);
        break;
    }
    case 2:
        op_release(take_token(in), handler);
        break;
    case 3: {
        uint32_t token = take_token(in);
        op_load(token, take_nsid(in), handler);
        break;
    }
    case 4:
        op_save(take_token(in), handler);
        break;
    case 5:
        op_register(take_nsid(in), handler);
        break;
    default:
        break;
    }
    if (handler) {
        host_ns_handler_exit();
    }
    FUZZ_CHECK(spm_nsce_current_nsid() == model_nsid());
    op_ns_call();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct input in = { data, size };

    spm_ns_client_reset();
    model_reset();
    while (in.left != 0u) {
        one_op(&in);
    }
    return 0;
}
