/*
 * NSCE with TFM_NS_MANAGE_NSID=ON: a table of group contexts.
 *
 * A slot belongs to one group while at least one of the group's threads
 * holds it; which threads do is a 256-bit set, so a release of a thread that
 * is not in the group (a second release, a forged thread ID) is refused
 * instead of dropping another thread's reference. At most one slot is
 * loaded; the loaded thread and its NSID are the slot's. Each change ends
 * in publish(), which writes the one word the NS entry path reads.
 */
#include "spm/nsce/nsce.h"

#include <stdbool.h>

#include "arch/arch.h"
#include "spm/backend.h"
#include "spm/nsce/ns_client.h"
#include "spm/spm.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"

#define TOKEN_TID_MASK   (0xFFu)
#define TOKEN_GID_SHIFT  (8u)
#define TOKEN_IDX_SHIFT  (16u)
#define TOKEN_FIELD_MASK (0xFFu)
#define TOKEN_RESERVED   (0xFF000000u)
#define NO_SLOT          (0xFFFFu)
#define NSID_NONE        (0)

_Static_assert(WARDEN_NS_CONTEXT_SLOTS >= 1 && WARDEN_NS_CONTEXT_SLOTS <= 255,
               "a token has 8 bits for the slot index");

struct nsce_slot {
    uint32_t threads[256u / 32u]; /* bit t: thread t of the group is in */
    uint16_t nthreads;            /* 0: the slot is free */
    uint8_t gid;
    uint8_t loaded_tid; /* the thread that loaded it, when it is loaded */
    int32_t nsid;       /* the loaded thread's NSID */
    /* The thread whose secure call was in progress when the slot was
     * saved (CALL_NONE: none): the one whose release aborts it. */
    uint16_t call_tid;
};

#define CALL_NONE (0xFFFFu)

static struct nsce_slot slots[WARDEN_NS_CONTEXT_SLOTS];
static uint32_t granted = WARDEN_NS_CONTEXT_SLOTS;
static uint32_t in_use;
static uint32_t loaded = NO_SLOT;
static bool managed;
static int32_t default_nsid = SPM_NS_DEFAULT_NSID;
volatile int32_t spm_nsce_nsid = SPM_NS_DEFAULT_NSID;

/* Empties @p s and gives it to group @p gid, field by field (a compound
 * literal would make GCC call memset(), a library routine only this needs). */
static void clear_slot(struct nsce_slot *s, uint32_t gid)
{
    for (uint32_t w = 0; w < 256u / 32u; w++) {
        s->threads[w] = 0u;
    }
    s->nthreads = 0u;
    s->gid = (uint8_t)gid;
    s->loaded_tid = 0u;
    s->nsid = NSID_NONE;
    s->call_tid = CALL_NONE;
}

/* Slot @p idx's NS context (spm/backend.h), and whether a secure call of
 * its is in progress. */
static uint32_t ctx_of(uint32_t idx)
{
    return idx + 1u;
}

static bool in_call(uint32_t idx)
{
    /* (Always false in a build without NS contexts.) */
    /* cppcheck-suppress unsignedLessThanZero */
    return spm_ns_contexts() > 0u &&
           spm_ns_in_call(spm_ns_agent_of(ctx_of(idx)));
}

void spm_nsce_reset(void)
{
    for (uint32_t i = 0; i < WARDEN_NS_CONTEXT_SLOTS; i++) {
        clear_slot(&slots[i], 0u);
    }
    granted = WARDEN_NS_CONTEXT_SLOTS;
    in_use = 0;
    loaded = NO_SLOT;
    managed = false;
    default_nsid = SPM_NS_DEFAULT_NSID;
    spm_nsce_nsid = SPM_NS_DEFAULT_NSID;
}

static void publish(void)
{
    if (loaded != NO_SLOT) {
        spm_nsce_nsid = slots[loaded].nsid;
    } else {
        spm_nsce_nsid = managed ? NSID_NONE : default_nsid;
    }
}

static bool has_thread(const struct nsce_slot *s, uint32_t tid)
{
    return (s->threads[tid / 32u] & (1u << (tid % 32u))) != 0u;
}

static void set_thread(struct nsce_slot *s, uint32_t tid, bool in)
{
    uint32_t bit = 1u << (tid % 32u);

    if (in) {
        s->threads[tid / 32u] |= bit;
        s->nthreads++;
    } else {
        s->threads[tid / 32u] &= ~bit;
        s->nthreads--;
    }
}

static uint32_t make_token(uint32_t idx, uint32_t gid, uint32_t tid)
{
    return (idx << TOKEN_IDX_SHIFT) | (gid << TOKEN_GID_SHIFT) | tid;
}

/* The slot a token names, if the token's thread is in the slot's group;
 * NULL for anything else. */
static struct nsce_slot *decode(uint32_t token, uint32_t *idx, uint32_t *tid)
{
    uint32_t i = (token >> TOKEN_IDX_SHIFT) & TOKEN_FIELD_MASK;
    uint32_t gid = (token >> TOKEN_GID_SHIFT) & TOKEN_FIELD_MASK;
    uint32_t t = token & TOKEN_TID_MASK;
    struct nsce_slot *s;

    if ((token & TOKEN_RESERVED) != 0u || i >= WARDEN_NS_CONTEXT_SLOTS) {
        return NULL;
    }
    s = &slots[i];
    if (s->nthreads == 0u || s->gid != gid || !has_thread(s, t)) {
        return NULL;
    }
    *idx = i;
    *tid = t;
    return s;
}

static void start_managing(void)
{
    managed = true;
    publish();
}

uint32_t spm_nsce_init(uint32_t ctx_requested)
{
    if (!arch_ns_caller_privileged()) {
        return 0u;
    }
    granted = (ctx_requested == 0u || ctx_requested > WARDEN_NS_CONTEXT_SLOTS)
                  ? WARDEN_NS_CONTEXT_SLOTS
                  : ctx_requested;
    start_managing();
    return granted;
}

uint32_t spm_nsce_acquire(uint32_t group_id, uint32_t thread_id)
{
    uint32_t gid = group_id & TOKEN_FIELD_MASK;
    uint32_t tid = thread_id & TOKEN_FIELD_MASK;
    uint32_t idx = NO_SLOT;

    if (!arch_ns_caller_privileged()) {
        return TFM_NS_CLIENT_INVALID_TOKEN;
    }
    for (uint32_t i = 0; i < WARDEN_NS_CONTEXT_SLOTS; i++) {
        if (slots[i].nthreads != 0u && slots[i].gid == gid) {
            idx = i;
            break;
        }
    }
    if (idx == NO_SLOT) {
        if (in_use >= granted) {
            return TFM_NS_CLIENT_INVALID_TOKEN;
        }
        for (idx = 0; slots[idx].nthreads != 0u; idx++) {
        }
        clear_slot(&slots[idx], gid);
        in_use++;
    } else if (has_thread(&slots[idx], tid)) {
        return TFM_NS_CLIENT_INVALID_TOKEN;
    }
    set_thread(&slots[idx], tid, true);
    start_managing();
    return make_token(idx, gid, tid);
}

uint32_t spm_nsce_release(uint32_t token)
{
    uint32_t idx;
    uint32_t tid;
    uint32_t caller;
    bool ends_call;
    struct nsce_slot *s;

    if (!arch_ns_caller_privileged()) {
        return TFM_NS_CLIENT_ERR_INVALID_ACCESS;
    }
    s = decode(token, &idx, &tid);
    if (s == NULL) {
        return TFM_NS_CLIENT_ERR_INVALID_TOKEN;
    }
    /* The thread in the slot's secure call: the one switched out in it,
     * else the loaded one. Its release aborts the call (it ended in it);
     * the last thread's frees the context. */
    caller = (s->call_tid != CALL_NONE)
                 ? s->call_tid
                 : ((loaded == idx) ? s->loaded_tid : CALL_NONE);
    ends_call = caller == tid && in_call(idx);
    set_thread(s, tid, false);
    if (loaded == idx && s->loaded_tid == tid) {
        loaded = NO_SLOT;
        backend_ns_ctx_load(0u);
    }
    if (s->nthreads == 0u) {
        in_use--;
    }
    if (ends_call || s->nthreads == 0u) {
        backend_ns_ctx_release(ctx_of(idx));
        s->call_tid = CALL_NONE;
    }
    publish();
    return TFM_NS_CLIENT_ERR_SUCCESS;
}

uint32_t spm_nsce_load(uint32_t token, int32_t nsid)
{
    return spm_nsce_load_priority(token, nsid, WARDEN_NS_PRIORITY_MAX);
}

uint32_t spm_nsce_load_priority(uint32_t token, int32_t nsid, uint32_t priority)
{
    uint32_t idx;
    uint32_t tid;
    struct nsce_slot *s;

    if (!arch_ns_caller_privileged()) {
        return TFM_NS_CLIENT_ERR_INVALID_ACCESS;
    }
    if (!spm_nsid_valid(nsid)) {
        return TFM_NS_CLIENT_ERR_INVALID_NSID;
    }
    s = decode(token, &idx, &tid);
    if (s == NULL) {
        return TFM_NS_CLIENT_ERR_INVALID_TOKEN;
    }
    if (priority > WARDEN_NS_PRIORITY_MAX) {
        return WARDEN_NS_CLIENT_ERR_INVALID_PRIORITY;
    }
    backend_ns_ctx_priority(ctx_of(idx), priority);
    s->loaded_tid = (uint8_t)tid;
    s->nsid = nsid;
    loaded = idx;
    if (!in_call(idx)) {
        s->call_tid = CALL_NONE;
    }
    backend_ns_ctx_load(ctx_of(idx));
    publish();
    return TFM_NS_CLIENT_ERR_SUCCESS;
}

uint32_t spm_nsce_save(uint32_t token)
{
    uint32_t idx;
    uint32_t tid;
    struct nsce_slot *s;

    if (!arch_ns_caller_privileged()) {
        return TFM_NS_CLIENT_ERR_INVALID_ACCESS;
    }
    s = decode(token, &idx, &tid);
    if (s == NULL || loaded != idx || s->loaded_tid != tid) {
        return TFM_NS_CLIENT_ERR_INVALID_TOKEN;
    }
    if (in_call(idx) && s->call_tid == CALL_NONE) {
        s->call_tid = (uint16_t)tid;
    }
    loaded = NO_SLOT;
    backend_ns_ctx_load(0u);
    publish();
    return TFM_NS_CLIENT_ERR_SUCCESS;
}

int32_t spm_nsce_register_client_id(int32_t nsid)
{
    if (!arch_ns_caller_privileged()) {
        return TFM_ERROR_NS_THREAD_MODE_CALL;
    }
    if (!spm_nsid_valid(nsid)) {
        return TFM_ERROR_INVALID_PARAMETER;
    }
    if (loaded != NO_SLOT) {
        slots[loaded].nsid = nsid;
    } else if (!managed) {
        default_nsid = nsid;
    } else {
        return TFM_ERROR_GENERIC;
    }
    publish();
    return TFM_SUCCESS;
}
