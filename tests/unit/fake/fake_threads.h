/*
 * The fake arch's threads (arch/arch.h, IPC backend). Nothing ever switches
 * stacks: the test plays every thread itself, on its own stack.
 *  - arch_thread_init() records stack, size and entry in the context.
 *  - arch_spm_call() calls fn(arg) directly, and counts.
 *  - arch_yield() asks the scheduler for the next thread (sched_switch())
 *    and records the pick. If that is another thread, not one suspended in
 *    an arch_yield() already, the test's player (if any) plays it: the
 *    player runs as that thread until it gives way. Then the yielding
 *    thread resumes if it is ready (it becomes the running thread again).
 *    If it is not (it blocked, or it is dead) it would never resume: it
 *    "parks". A played thread that parks ends its play (the player's frames
 *    are unwound); the test's own thread jumps to fake_threads_park_jmp
 *    when the test armed it (FAKE_UNTIL_PARKED), and fails the test if not.
 */
#ifndef WARDEN_UNIT_FAKE_THREADS_H
#define WARDEN_UNIT_FAKE_THREADS_H

#include <setjmp.h>
#include <stdbool.h>

#include "spm/backend/ipc/sched.h"

#define FAKE_MAX_PICKS 32u

/** Where the test's own thread jumps when it parks (once armed). */
extern jmp_buf fake_threads_park_jmp;

/** Forgets the counts, the picks, the player and the park. */
void fake_threads_reset(void);

/** The test left every thread it played by a jump (a halt, say). */
void fake_threads_abandon(void);

/** arch_spm_call() fails the test once called more than @p n times since
 * the counts were cleared (0, after fake_threads_reset(): no limit): a
 * thread that loops in SPM calls fails instead of hanging. */
void fake_threads_limit_spm_calls(unsigned n);

/** How deep NS interrupts are held now: each arch_ns_irq_hold() adds one,
 * arch_ns_irq_release() sets back what its hold returned. */
unsigned fake_ns_irq_held(void);

/** Calls @p fn (NULL: none) whenever a release lets NS interrupts in
 * again: where NS could preempt and switch contexts. */
void fake_ns_irq_on_release(void (*fn)(void));

/** arch_ns_ctx_park() fails (no stack room) while @p fail is set. */
void fake_ns_ctx_fail_park(bool fail);

/** The NS-context operations since the reset: parks (and of those, the
 * ones that switched out another thread than the context's agent),
 * enters, resets. */
struct fake_ns_counts {
    unsigned parks;
    unsigned detached;
    unsigned enters;
    unsigned resets;
};
struct fake_ns_counts fake_ns_ctx_counts(void);

/** Calls of arch_thread_init() and of arch_spm_call() so far. */
unsigned fake_thread_inits(void);
unsigned fake_spm_calls(void);

/** Calls of arch_yield() so far, and the thread the i-th one picked. */
unsigned fake_yields(void);
struct sched_thread *fake_pick(unsigned i);

/** Forgets the yields, picks and arch_spm_call()s so far. */
void fake_threads_clear_counts(void);

/** @p play plays the thread @p t (the running one). NULL: nobody plays. */
void fake_threads_player(void (*play)(struct sched_thread *t));

/** The next park of the test's own thread jumps to fake_threads_park_jmp. */
void fake_threads_arm_park(void);
void fake_threads_disarm_park(void);

/** The thread that parked last (NULL: none). */
struct sched_thread *fake_parked(void);

/**
 * Makes @p t the running thread, as if the scheduler picked it; the states
 * of the other threads do not change. @p t must be ready.
 */
void fake_threads_run_as(struct sched_thread *t);

/* Runs the statement(s) as the running thread, which must park. */
#define FAKE_UNTIL_PARKED(...)                                         \
    do {                                                               \
        fake_threads_arm_park();                                       \
        if (setjmp(fake_threads_park_jmp) == 0) {                      \
            __VA_ARGS__;                                               \
            fake_threads_disarm_park();                                \
            fail_msg("expected the thread to park: %s", #__VA_ARGS__); \
        }                                                              \
    } while (0)

#endif /* WARDEN_UNIT_FAKE_THREADS_H */
