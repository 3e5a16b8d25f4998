/* The fake arch's threads: see fake_threads.h. */
#include "fake_threads.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>

#include <cmocka.h>

#include "arch/arch.h"

jmp_buf fake_threads_park_jmp;

/* An arch_yield() whose player plays another thread. */
struct play {
    struct sched_thread *self;    /* suspended in that arch_yield() */
    struct sched_thread *playing; /* the thread played meanwhile */
    jmp_buf env;                  /* where the play ends if it parks */
    struct play *prev;
};

static unsigned inits;
static unsigned spm_calls;
static unsigned spm_call_limit;
static unsigned yields;
static struct sched_thread *picks[FAKE_MAX_PICKS];
static void (*player)(struct sched_thread *t);
static struct play *plays; /* innermost first */
static bool park_armed;
static struct sched_thread *parked;

static unsigned ns_held;
static bool ns_park_fails;
static struct fake_ns_counts ns_counts;

struct fake_ns_counts fake_ns_ctx_counts(void)
{
    return ns_counts;
}

static void (*ns_on_release)(void);

void fake_threads_reset(void)
{
    ns_held = 0u;
    ns_park_fails = false;
    ns_on_release = NULL;
    ns_counts = (struct fake_ns_counts){ 0u, 0u, 0u, 0u };
    inits = 0;
    spm_calls = 0;
    spm_call_limit = 0;
    yields = 0;
    player = NULL;
    plays = NULL;
    park_armed = false;
    parked = NULL;
}

void fake_threads_abandon(void)
{
    plays = NULL;
}

void fake_threads_limit_spm_calls(unsigned n)
{
    spm_call_limit = n;
}

unsigned fake_thread_inits(void)
{
    return inits;
}

unsigned fake_spm_calls(void)
{
    return spm_calls;
}

unsigned fake_yields(void)
{
    return yields;
}

struct sched_thread *fake_pick(unsigned i)
{
    assert_true(i < yields && i < FAKE_MAX_PICKS);
    return picks[i];
}

void fake_threads_clear_counts(void)
{
    yields = 0;
    spm_calls = 0;
}

void fake_threads_player(void (*play)(struct sched_thread *t))
{
    player = play;
}

void fake_threads_arm_park(void)
{
    park_armed = true;
}

void fake_threads_disarm_park(void)
{
    park_armed = false;
}

struct sched_thread *fake_parked(void)
{
    return parked;
}

static struct sched_thread *thread(uint32_t i)
{
    return sched_thread_of(spm_client_by_index(i));
}

void fake_threads_run_as(struct sched_thread *t)
{
    uint8_t saved[SPM_NUM_CLIENTS];

    assert_int_equal(t->state, SCHED_READY);
    for (uint32_t i = 0; i < SPM_NUM_CLIENTS; i++) {
        saved[i] = thread(i)->state;
        if (thread(i) != t) {
            sched_block(thread(i));
        }
    }
    assert_ptr_equal(sched_switch(sched_current()), t);
    for (uint32_t i = 0; i < SPM_NUM_CLIENTS; i++) {
        if (saved[i] == SCHED_READY) {
            sched_ready(thread(i));
        }
    }
}

/* The running thread is the scheduler's (sched_current()). */
void arch_thread_adopt(struct arch_thread *t)
{
    (void)t;
}

/* NS contexts: recorded, nothing switched (the test plays every thread). */

unsigned fake_ns_irq_held(void)
{
    return ns_held;
}

void fake_ns_ctx_fail_park(bool fail)
{
    ns_park_fails = fail;
}

uint32_t arch_ns_irq_hold(void)
{
    ns_held++;
    return ns_held - 1u;
}

/* Like BASEPRI: the level is what the release gives back (a test that
 * jumps out of SPM code leaves its hold behind). */
void fake_ns_irq_on_release(void (*fn)(void))
{
    ns_on_release = fn;
}

void arch_ns_irq_release(uint32_t held)
{
    ns_held = held;
    if (held == 0u && ns_on_release != NULL) {
        ns_on_release();
    }
}

void arch_ns_ctx_init(struct arch_ns_ctx *c, struct arch_thread *agent,
                      uint8_t *stack, size_t size)
{
    (void)size;
    *c = (struct arch_ns_ctx){ agent, stack, 0u, 0u, 0u, 0u };
}

bool arch_ns_ctx_park(struct arch_ns_ctx *c, struct arch_thread *cur,
                      struct arch_thread *agent)
{
    if (ns_park_fails) {
        return false;
    }
    c->parks++;
    c->detached += (cur != agent) ? 1u : 0u;
    ns_counts.parks++;
    ns_counts.detached += (cur != agent) ? 1u : 0u;
    return true;
}

void arch_ns_ctx_enter(struct arch_ns_ctx *c, struct arch_thread *agent)
{
    if (agent != c->agent) {
        fail_msg("arch_ns_ctx_enter() with another agent than its own");
    }
    c->enters++;
    ns_counts.enters++;
}

void arch_ns_ctx_reset(struct arch_ns_ctx *c)
{
    c->resets++;
    ns_counts.resets++;
}

void arch_thread_init(struct arch_thread *t, uint8_t *stack, size_t size,
                      void (*entry)(void))
{
    inits++;
    t->stack = stack;
    t->size = size;
    t->entry = entry;
}

uint32_t arch_spm_call(uint32_t (*fn)(void *arg), void *arg)
{
    spm_calls++;
    if (spm_call_limit != 0u && spm_calls > spm_call_limit) {
        fail_msg("more than %u SPM calls: a thread loops", spm_call_limit);
    }
    return fn(arg);
}

static bool suspended(const struct sched_thread *t)
{
    for (const struct play *p = plays; p != NULL; p = p->prev) {
        if (p->self == t) {
            return true;
        }
    }
    return false;
}

__attribute__((noreturn)) static void park(struct sched_thread *self)
{
    parked = self;
    if (plays != NULL && plays->playing == self) {
        longjmp(plays->env, 1); /* its play ends */
    }
    if (!park_armed) {
        fail_msg("a thread (rank %u) yielded and would never resume",
                 (unsigned)self->rank);
        abort(); /* not reached */
    }
    park_armed = false;
    plays = NULL;
    longjmp(fake_threads_park_jmp, 1);
}

void arch_thread_exit(void)
{
    arch_yield();
    fail_msg("a dead thread resumed");
    abort(); /* not reached */
}

void arch_yield(void)
{
    struct play p = { .self = sched_current(), .prev = plays };
    struct sched_thread *next = sched_switch(p.self);

    if (yields < FAKE_MAX_PICKS) {
        picks[yields] = next;
    }
    yields++;
    if (next != p.self && player != NULL && !suspended(next)) {
        p.playing = next;
        plays = &p;
        if (setjmp(p.env) == 0) {
            player(next);
        }
        plays = p.prev;
    }
    if (p.self->state != SCHED_READY) {
        park(p.self);
    }
    if (sched_current() != p.self) {
        fake_threads_run_as(p.self);
    }
}
