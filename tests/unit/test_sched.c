/*
 * spm/backend/ipc/sched.c: run order by priority (load order breaks ties, the
 * NS agent last), O(1) selection of the most urgent ready thread, blocking,
 * killing, and the scheduler lock.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "arch/arch.h"
#include "spm/panic.h"
#include "spm/backend/ipc/sched.h"

/* Partitions in load order, with priorities out of order on purpose. */
static const struct warden_partition_info infos[WARDEN_NUM_PARTITIONS] = {
    { .name = "LOW", .pid = 300, .priority = WARDEN_PRIORITY_LOW },
    { .name = "NORMAL_A", .pid = 301, .priority = WARDEN_PRIORITY_NORMAL },
    { .name = "HIGH", .pid = 302, .priority = WARDEN_PRIORITY_HIGH },
    { .name = "NORMAL_B", .pid = 303, .priority = WARDEN_PRIORITY_NORMAL },
};

struct spm_partition spm_ns_agent;
struct spm_partition spm_partitions[SPM_PARTITION_ENTRIES];
struct spm_partition
    spm_ns_ctx_agents[WARDEN_NS_CONTEXTS + (WARDEN_NS_CONTEXTS == 0)];

static unsigned yields;

void arch_thread_adopt(struct arch_thread *t)
{
    (void)t;
}

void arch_yield(void)
{
    yields++;
}

/* The backend's delivery of interrupts raised under the lock: these tests
 * raise none (test_irq_ipc.c tests it). */
void sched_irq_drain(void)
{
    fail_msg("no interrupt was raised");
}

void spm_fatal(const char *file, int line)
{
    (void)file;
    (void)line;
    mock_assert(0, "spm_fatal", file, line);
    abort();
}

static struct sched_thread *thread(uint32_t i)
{
    return sched_thread_of(&spm_partitions[i]);
}

static struct sched_thread *ns_thread(void)
{
    return sched_thread_of(&spm_ns_agent);
}

static int setup(void **state)
{
    (void)state;
    spm_ns_agent.info = NULL;
    spm_ns_agent.index = 0;
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        spm_partitions[i].info = &infos[i];
        spm_partitions[i].index = (uint8_t)(i + 1u);
    }
    sched_init();
    yields = 0;
    return 0;
}

static void test_rank_order(void **state)
{
    (void)state;
    assert_int_equal(thread(2)->rank, 0); /* HIGH */
    assert_int_equal(thread(1)->rank, 1); /* NORMAL_A before NORMAL_B */
    assert_int_equal(thread(3)->rank, 2);
    assert_int_equal(thread(0)->rank, 3); /* LOW */
    assert_int_equal(ns_thread()->rank, 4);
    assert_ptr_equal(sched_current(), ns_thread());
}

static void test_switch_picks_most_urgent(void **state)
{
    (void)state;
    assert_true(sched_preempt_due());
    assert_ptr_equal(sched_switch(ns_thread()), thread(2));
    sched_block(thread(2));
    assert_ptr_equal(sched_switch(thread(2)), thread(1));
    sched_block(thread(1));
    sched_block(thread(3));
    sched_block(thread(0));
    assert_ptr_equal(sched_switch(thread(0)), ns_thread());
    assert_false(sched_preempt_due());
    sched_ready(thread(3));
    assert_true(sched_preempt_due());
    assert_ptr_equal(sched_switch(ns_thread()), thread(3));
}

static void test_current_partition_follows_the_switch(void **state)
{
    (void)state;
    assert_ptr_equal(sched_current_part, &spm_ns_agent);
    assert_ptr_equal(sched_switch(ns_thread()), thread(2));
    assert_ptr_equal(sched_current_part, &spm_partitions[2]);
    sched_lock();
    sched_block(thread(2));
    assert_ptr_equal(sched_switch(thread(2)), thread(2)); /* put off */
    assert_ptr_equal(sched_current_part, &spm_partitions[2]);
    sched_drop_lock();
    assert_ptr_equal(sched_switch(thread(2)), thread(1));
    assert_ptr_equal(sched_current_part, &spm_partitions[1]);
}

static void test_block_and_ready_states(void **state)
{
    (void)state;
    sched_block(thread(2));
    assert_int_equal(thread(2)->state, SCHED_BLOCKED);
    sched_ready(thread(2));
    assert_int_equal(thread(2)->state, SCHED_READY);
}

static void test_block_current_blocks_the_running_thread(void **state)
{
    (void)state;
    assert_ptr_equal(sched_switch(ns_thread()), thread(2));
    sched_block_current();
    assert_int_equal(thread(2)->state, SCHED_BLOCKED);
    assert_true(sched_preempt_due());
    assert_ptr_equal(sched_switch(thread(2)), thread(1));
    sched_block_current();
    assert_int_equal(thread(1)->state, SCHED_BLOCKED);
    assert_ptr_equal(sched_switch(thread(1)), thread(3));
    sched_ready(thread(2));
    assert_ptr_equal(sched_switch(thread(3)), thread(2));
    assert_int_equal(thread(3)->state, SCHED_READY);
}

static void test_dead_threads_stay_dead(void **state)
{
    (void)state;
    sched_kill(thread(2));
    sched_ready(thread(2));
    sched_block(thread(2));
    assert_int_equal(thread(2)->state, SCHED_DEAD);
    assert_ptr_equal(sched_switch(ns_thread()), thread(1));
}

static void test_lock_defers_switch(void **state)
{
    (void)state;
    sched_lock();
    /* The running thread stays while the lock is held... */
    assert_ptr_equal(sched_switch(ns_thread()), ns_thread());
    assert_ptr_equal(sched_current(), ns_thread());
    /* ...unlocking does not switch, and the switch is still due: the
     * holder makes it (ipc_cross() tests sched_preempt_due()). */
    sched_unlock();
    assert_int_equal(yields, 0);
    assert_true(sched_preempt_due());
    assert_ptr_equal(sched_switch(ns_thread()), thread(2));
}

static void test_preempt_due_tracks_the_running_thread(void **state)
{
    (void)state;
    /* HIGH runs: nothing is more urgent, less urgent ready threads do not
     * matter. */
    assert_ptr_equal(sched_switch(ns_thread()), thread(2));
    assert_false(sched_preempt_due());
    sched_block(thread(1));
    sched_ready(thread(1));
    assert_false(sched_preempt_due());
    /* It blocks: due, whatever else is ready. */
    sched_block(thread(2));
    assert_true(sched_preempt_due());
    sched_ready(thread(2));
    assert_false(sched_preempt_due());
    /* It dies: due, and readying it again changes nothing. */
    sched_kill(thread(2));
    assert_true(sched_preempt_due());
    sched_ready(thread(2));
    assert_true(sched_preempt_due());
    assert_ptr_equal(sched_switch(thread(2)), thread(1));
    assert_false(sched_preempt_due());
}

static void test_preempt_due_for_the_least_urgent_thread(void **state)
{
    (void)state;
    /* Only the NS agent (the highest rank, bit 4) is ready and runs. */
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        sched_block(thread(i));
    }
    assert_false(sched_preempt_due());
    sched_ready(thread(0)); /* LOW, still more urgent than the NS agent */
    assert_true(sched_preempt_due());
    sched_block(thread(0));
    sched_block(ns_thread());
    assert_true(sched_preempt_due()); /* nothing ready at all */
}

static void test_unlock_without_request_does_not_switch(void **state)
{
    (void)state;
    sched_lock();
    sched_unlock();
    sched_lock();
    sched_block(ns_thread()); /* even with a switch due */
    sched_unlock();
    assert_int_equal(yields, 0);
}

static void test_lock_is_not_recursive(void **state)
{
    (void)state;
    sched_lock();
    expect_assert_failure(sched_lock());
}

/* Every thread waits (an interrupt among them): the NS agent's thread,
 * blocked for its reply, runs idle. */
static void test_no_ready_thread_runs_the_ns_agent_idle(void **state)
{
    struct sched_thread *first;

    (void)state;
    first = sched_switch(ns_thread());
    assert_ptr_not_equal(first, ns_thread());
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        sched_block(thread(i));
    }
    sched_block(ns_thread());
    assert_ptr_equal(sched_switch(first), ns_thread());
    assert_ptr_equal(sched_current(), ns_thread());
    assert_ptr_equal(sched_current_part, &spm_ns_agent);
    assert_true(sched_preempt_due()); /* it is not ready: anything goes */
    sched_ready(thread(1));
    assert_ptr_equal(sched_switch(ns_thread()), thread(1));
}

/* The NS agent is blocked whenever nothing is ready; not so: an SPM bug. */
static void test_no_ready_thread_and_no_waiting_ns_agent(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        sched_block(thread(i));
    }
    sched_kill(ns_thread());
    expect_assert_failure(sched_switch(thread(0)));
}

/* sched_idle() waits for any bit in the ready bitmap: the reply that
 * makes the waiting NS agent ready, or another thread to run first. */
static const volatile uint32_t *waited_word;
static uint32_t waited_mask;

void arch_wait_for(const volatile uint32_t *word, uint32_t mask)
{
    waited_word = word;
    waited_mask = mask;
    sched_ready(ns_thread()); /* the reply, as an interrupt brings it */
}

static void test_idle_waits_for_any_ready_bit(void **state)
{
    (void)state;
    sched_block(ns_thread());
    sched_idle();
    assert_ptr_equal(waited_word, &sched_core.ready);
    assert_int_equal(waited_mask, ~0u);
    assert_int_equal(ns_thread()->state, SCHED_READY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_rank_order, setup),
        cmocka_unit_test_setup(test_switch_picks_most_urgent, setup),
        cmocka_unit_test_setup(test_current_partition_follows_the_switch,
                               setup),
        cmocka_unit_test_setup(test_block_and_ready_states, setup),
        cmocka_unit_test_setup(test_block_current_blocks_the_running_thread,
                               setup),
        cmocka_unit_test_setup(test_dead_threads_stay_dead, setup),
        cmocka_unit_test_setup(test_lock_defers_switch, setup),
        cmocka_unit_test_setup(test_preempt_due_tracks_the_running_thread,
                               setup),
        cmocka_unit_test_setup(test_preempt_due_for_the_least_urgent_thread,
                               setup),
        cmocka_unit_test_setup(test_unlock_without_request_does_not_switch,
                               setup),
        cmocka_unit_test_setup(test_lock_is_not_recursive, setup),
        cmocka_unit_test_setup(test_no_ready_thread_runs_the_ns_agent_idle,
                               setup),
        cmocka_unit_test_setup(test_no_ready_thread_and_no_waiting_ns_agent,
                               setup),
        cmocka_unit_test_setup(test_idle_waits_for_any_ready_bit, setup),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
