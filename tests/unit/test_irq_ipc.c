/*
 * Secure interrupts under the IPC backend (backend_ipc.c's IRQ operations,
 * spm/irq.c through the cross-call interface), against the IPC fixture
 * with IRQs (fixture/ipc_irq/ipc_irq_fixture.h): an interrupt wakes its
 * partition's waiting thread at once, or waits for sched_unlock() while
 * SPM code holds the lock; the holder's own SPM code takes what was raised
 * meanwhile (ipc_irq_take()); a faulted FLIH stops its partition now or at
 * the unlock; the IRQ API's refusals; the NS agent's bracket
 * (backend_ns_begin()/backend_ns_end()); an SFN-model partition's thread
 * waits for its services' signals only; a switch over NS code.
 */
#include <stdio.h>

#include "irq_common.h"
#include "unit_req.h"
#include "arch/arch.h"
#include "fake_arch.h"
#include "ipc_irq_fixture.h"
#include "ipc_world.h"
#include "psa/client.h"
#include "spm/backend.h"
#include "spm/backend/ipc/backend_ipc.h"
#include "spm/backend/ipc/sched.h"
#include "spm/client_api.h"
#include "spm/irq.h"
#include "spm/ns_agent.h"
#include "tfm_psa_call_pack.h"

#define SERVER (iw_part(FXI_SERVER))
#define SFN    (iw_part(FXI_SFN))
#define CLIENT (iw_part(FXI_CLIENT))
#define PEER   (iw_part(FXI_PEER))

#define SLIH   FXI_SLIH_SIGNAL
#define FLIH   FXI_FLIH_SIGNAL
#define P_SLIH FXI_PEER_SIGNAL

#define BIT(p) (1u << (p)->index) /* its bit in sched_core.irq_parts */

static int setup(void **state)
{
    (void)state;
    fxi_flih_reset();
    iw_boot();
    return 0;
}

static int setup_loaded(void **state)
{
    (void)state;
    fxi_flih_reset();
    iw_load();
    return 0;
}

/* FXI_SERVER runs: it enables the IRQs of @p enable, then waits in
 * psa_wait(@p mask, PSA_BLOCK); NS runs again. */
static void server_waits(psa_signal_t enable, psa_signal_t mask)
{
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    for (psa_signal_t s = FLIH; s != 0u; s <<= 1) {
        if ((enable & s) != 0u) {
            psa_irq_enable(s);
        }
    }
    FAKE_UNTIL_PARKED(psa_wait(mask, PSA_BLOCK));
    assert_ptr_equal(sched_current(), iw_ns_thread());
    assert_int_equal(SERVER->be.wait_mask, mask);
    fake_threads_clear_counts();
}

static psa_signal_t server_saw;
static unsigned server_turns;

/* Plays FXI_SERVER as its interrupt loop would run: what woke it is
 * handled (psa_eoi(), psa_reset_signal()), then it waits again. Other
 * threads as iw_play_waiting does. */
static void play_irq_server(struct sched_thread *t)
{
    if (t != iw_thread(FXI_SERVER)) {
        iw_play_waiting(t);
        return;
    }
    server_turns++;
    server_saw = SERVER->be.woken; /* what its psa_wait() returns */
    if ((server_saw & SLIH) != 0u) {
        psa_eoi(SLIH);
    }
    if ((server_saw & FLIH) != 0u) {
        psa_reset_signal(FLIH);
    }
    (void)psa_wait(SLIH | FLIH, PSA_BLOCK); /* parks: its play ends */
}

static void test_allowed_signals_and_routing(void **state)
{
    (void)state;
    assert_int_equal(SERVER->be.allowed, PSA_DOORBELL | FXI_SIG(0) |
                                             FXI_SIG(1) | FXI_SIG(2) | SLIH |
                                             FLIH);
    assert_int_equal(SFN->be.allowed,
                     PSA_DOORBELL | FXI_SIG(0) | FXI_SIG(1) | FXI_SFN_SIGNAL);
    assert_int_equal(CLIENT->be.allowed, PSA_DOORBELL | FXI_SIG(0));
    assert_int_equal(PEER->be.allowed, PSA_DOORBELL | FXI_SIG(0) | P_SLIH);
    for (uint32_t n = 0; n < FAKE_IRQ_LINES; n++) {
        assert_int_equal(line(n)->routed, n >= FXI_SLIH_LINE && n <= 23u);
    }
    assert_false(line(FXI_SLIH_LINE)->enabled); /* FF-M 1.1 */
    assert_false(line(FXI_FLIH_LINE)->enabled);
    assert_true(line(FXI_SFN_LINE)->enabled); /* FF-M 1.0 */
    assert_true(line(FXI_PEER_LINE)->enabled);
    assert_int_equal(sched_core.irq_parts, 0u);
}

/* Unlocked, an SLIH wakes its partition waiting for it, which runs at once
 * (more urgent than NS), ends it and waits again. */
static void test_slih_wakes_its_waiting_partition_at_once(void **state)
{
    (void)state;
    server_waits(SLIH, SLIH | FXI_SIG(0));
    assert_true(line(FXI_SLIH_LINE)->enabled);
    server_turns = 0;
    fake_threads_player(play_irq_server);
    interrupt(FXI_SLIH_LINE);
    assert_int_equal(server_turns, 1);
    assert_int_equal(server_saw, SLIH);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_SERVER));
    /* Its psa_eoi() ended it: the line enabled again, nothing asserted. */
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_true(line(FXI_SLIH_LINE)->enabled);
    assert_int_equal(line(FXI_SLIH_LINE)->clears, 1);
    /* It waits again; NS runs. */
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_BLOCKED);
    assert_ptr_equal(sched_current(), iw_ns_thread());
    assert_false(sched_core.locked);
    assert_int_equal(fake_platform_stops(), 0);
}

/* A partition waiting for other signals is not woken: the signal stays
 * asserted for a later psa_wait(). */
static void test_slih_of_a_partition_waiting_for_others(void **state)
{
    (void)state;
    server_waits(SLIH, FXI_SIG(0));
    interrupt(FXI_SLIH_LINE);
    assert_int_equal(fake_yields(), 0);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_BLOCKED);
    assert_int_equal(SERVER->be.asserted, SLIH);
    assert_false(line(FXI_SLIH_LINE)->enabled);
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    assert_int_equal(psa_wait(PSA_WAIT_ANY, PSA_POLL), SLIH);
    assert_int_equal(psa_wait(SLIH, PSA_BLOCK), SLIH);
    psa_eoi(SLIH);
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_true(line(FXI_SLIH_LINE)->enabled);
    /* Disabled meanwhile: psa_eoi() leaves it disabled. */
    interrupt(FXI_SLIH_LINE);
    assert_int_equal(psa_irq_disable(SLIH), 1u);
    assert_int_equal(psa_irq_disable(SLIH), 0u);
    psa_eoi(SLIH);
    assert_false(line(FXI_SLIH_LINE)->enabled);
    assert_int_equal(line(FXI_SLIH_LINE)->clears, 2);
    /* Enabled again while asserted: the line waits for psa_eoi(). */
    interrupt(FXI_PEER_LINE); /* another partition's: no matter */
    psa_irq_enable(SLIH);
    assert_true(line(FXI_SLIH_LINE)->enabled);
    interrupt(FXI_SLIH_LINE);
    assert_int_equal(psa_irq_disable(SLIH), 1u);
    psa_irq_enable(SLIH);
    assert_false(line(FXI_SLIH_LINE)->enabled);
    psa_eoi(SLIH);
    assert_true(line(FXI_SLIH_LINE)->enabled);
    assert_int_equal(fake_platform_stops(), 0);
}

static void test_flih_runs_at_once_and_may_signal(void **state)
{
    (void)state;
    server_waits(FLIH, SLIH | FLIH);
    server_turns = 0;
    fake_threads_player(play_irq_server);
    fxi_flih.result = PSA_FLIH_NO_SIGNAL;
    interrupt(FXI_FLIH_LINE);
    assert_int_equal(fxi_flih.calls, 1);
    assert_ptr_equal(fxi_flih.during, SERVER);
    assert_null(spm_irq_flih_partition());
    assert_int_equal(server_turns, 0); /* no signal, no wake */
    assert_int_equal(fake_yields(), 0);
    assert_true(line(FXI_FLIH_LINE)->enabled);
    fxi_flih.result = PSA_FLIH_SIGNAL;
    interrupt(FXI_FLIH_LINE);
    assert_int_equal(fxi_flih.calls, 2);
    assert_int_equal(server_turns, 1);
    assert_int_equal(server_saw, FLIH);
    /* Its psa_reset_signal() cleared it; the line stayed enabled. */
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_true(line(FXI_FLIH_LINE)->enabled);
    assert_int_equal(line(FXI_FLIH_LINE)->clears, 0);
}

/* While SPM code holds the lock an interrupt changes no signal and readies
 * no thread: the unlock delivers it. The controller side (the line
 * disabled, a FLIH function run) happens at once. */
static void test_interrupt_under_the_lock_waits_for_the_unlock(void **state)
{
    (void)state;
    server_waits(SLIH | FLIH, SLIH);
    fxi_flih.result = PSA_FLIH_SIGNAL;
    sched_lock();
    interrupt(FXI_SLIH_LINE);
    interrupt(FXI_FLIH_LINE);
    interrupt(FXI_PEER_LINE);
    assert_false(line(FXI_SLIH_LINE)->enabled);
    assert_int_equal(fxi_flih.calls, 1);
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_int_equal(SERVER->be.irq_raised, SLIH | FLIH);
    assert_int_equal(PEER->be.asserted, 0u);
    assert_int_equal(PEER->be.irq_raised, P_SLIH);
    assert_int_equal(sched_core.irq_parts, BIT(SERVER) | BIT(PEER));
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_BLOCKED);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_BLOCKED);
    assert_int_equal(fake_yields(), 0);
    sched_unlock();
    assert_false(sched_core.locked);
    assert_int_equal(sched_core.irq_parts, 0u);
    assert_int_equal(SERVER->be.irq_raised, 0u);
    assert_int_equal(PEER->be.irq_raised, 0u);
    assert_int_equal(SERVER->be.asserted, SLIH | FLIH);
    assert_int_equal(PEER->be.asserted, P_SLIH);
    /* Each woken with what its wait asked for. */
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_READY);
    assert_int_equal(SERVER->be.woken, SLIH);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_READY);
    assert_int_equal(PEER->be.woken, P_SLIH);
    /* The unlock does not switch; its holder gives way. */
    assert_int_equal(fake_yields(), 0);
    assert_true(sched_preempt_due());
}

static uint32_t slih_interrupt_body(void *arg)
{
    (void)arg;
    interrupt(FXI_SLIH_LINE);
    assert_int_equal(SERVER->be.asserted, 0u);
    return 0u;
}

/* In NS's SPM code (ipc_cross()): delivered at its end, and the partition
 * runs then. */
static void test_interrupt_in_spm_code_is_delivered_at_its_end(void **state)
{
    (void)state;
    server_waits(SLIH, SLIH);
    server_turns = 0;
    fake_threads_player(play_irq_server);
    (void)ipc_cross(slih_interrupt_body, NULL);
    assert_int_equal(server_turns, 1);
    assert_int_equal(server_saw, SLIH);
    assert_ptr_equal(fake_pick(0), iw_thread(FXI_SERVER));
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_true(line(FXI_SLIH_LINE)->enabled);
    assert_ptr_equal(sched_current(), iw_ns_thread());
}

static uint32_t interrupt_then_poll(void *arg)
{
    (void)arg;
    interrupt(FXI_SLIH_LINE);
    return ipc_wait(SLIH, PSA_POLL);
}

static uint32_t interrupt_then_eoi(void *arg)
{
    (void)arg;
    interrupt(FXI_SLIH_LINE);
    spm_irq_eoi(backend_current(), SLIH);
    return 0u;
}

static uint32_t interrupt_then_reset_signal(void *arg)
{
    (void)arg;
    interrupt(FXI_FLIH_LINE);
    spm_irq_reset_signal(backend_current(), FLIH);
    return 0u;
}

/* An interrupt raised for the partition whose own SPM code holds the lock:
 * that code sees it (ipc_irq_take()), and the unlock raises it no more. */
static void test_holder_s_own_code_takes_what_was_raised(void **state)
{
    (void)state;
    server_waits(SLIH | FLIH, SLIH);
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    assert_int_equal(ipc_cross(interrupt_then_poll, NULL), SLIH);
    assert_int_equal(SERVER->be.asserted, SLIH);
    assert_int_equal(SERVER->be.irq_raised, 0u);
    psa_eoi(SLIH);
    /* psa_eoi() in the same SPM code as the interrupt. */
    (void)ipc_cross(interrupt_then_eoi, NULL);
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_int_equal(SERVER->be.irq_raised, 0u);
    assert_true(line(FXI_SLIH_LINE)->enabled);
    assert_int_equal(line(FXI_SLIH_LINE)->clears, 2);
    /* And psa_reset_signal(). */
    fxi_flih.result = PSA_FLIH_SIGNAL;
    (void)ipc_cross(interrupt_then_reset_signal, NULL);
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_int_equal(SERVER->be.irq_raised, 0u);
    assert_int_equal(fake_platform_stops(), 0);
    assert_ptr_equal(sched_current(), iw_thread(FXI_SERVER));
}

/* A FLIH that faulted (ARCH_FLIH_FAULTED): its partition stops at once
 * when no SPM code runs; its lines are disabled, its thread never runs
 * again, its clients are answered. */
static void test_faulted_flih_stops_its_partition_at_once(void **state)
{
    (void)state;
    server_waits(SLIH | FLIH, SLIH | FLIH);
    assert_int_equal(iw_call(IW_NS, FXI_SL_A_HANDLE, 0, 0, 0),
                     SPM_STATUS_PENDING);
    iw_wake(FXI_PEER);
    iw_run_as(PEER); /* NS waits for its reply; the peer runs */
    fake_threads_clear_counts();
    fxi_flih.result = ARCH_FLIH_FAULTED;
    interrupt(FXI_FLIH_LINE);
    assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_DEAD);
    assert_false(line(FXI_SLIH_LINE)->enabled);
    assert_false(line(FXI_FLIH_LINE)->enabled);
    assert_true(line(FXI_PEER_LINE)->enabled);
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_int_equal(spm_irq_disable(SERVER, SLIH), 0u);
    /* NS is answered; the peer, more urgent, goes on. */
    assert_int_equal(iw_ns_thread()->state, SCHED_READY);
    assert_int_equal(fake_yields(), 0);
    assert_ptr_equal(sched_current(), iw_thread(FXI_PEER));
    assert_int_equal(iw_finish(IW_NS), PSA_ERROR_SERVICE_FAILURE);
    assert_int_equal(fake_platform_stops(), 0);
}

/* Under the lock: its lines at once, the rest at the unlock. */
static void
test_faulted_flih_under_the_lock_stops_it_at_the_unlock(void **state)
{
    (void)state;
    server_waits(SLIH | FLIH, SLIH | FLIH);
    fxi_flih.result = ARCH_FLIH_FAULTED;
    sched_lock();
    interrupt(FXI_FLIH_LINE);
    assert_false(line(FXI_SLIH_LINE)->enabled);
    assert_false(line(FXI_FLIH_LINE)->enabled);
    assert_int_equal(SERVER->state, SPM_PART_READY);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_BLOCKED);
    assert_int_equal(SERVER->be.irq_stop, 1u);
    assert_int_equal(sched_core.irq_parts, BIT(SERVER));
    sched_unlock();
    assert_int_equal(SERVER->state, SPM_PART_TERMINATED);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_DEAD);
    assert_int_equal(SERVER->be.irq_stop, 0u);
    assert_int_equal(sched_core.irq_parts, 0u);
    assert_false(sched_core.locked);
    assert_int_equal(fake_yields(), 0);
}

/* backend_irq_stop() itself; a signal raised under the same lock as the
 * stop is not left asserted. */
static void test_irq_stop_now_or_at_the_unlock(void **state)
{
    (void)state;
    backend_irq_stop(PEER);
    assert_int_equal(PEER->state, SPM_PART_TERMINATED);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_DEAD);
    assert_false(line(FXI_PEER_LINE)->enabled);
    assert_int_equal(PEER->be.irq_stop, 0u);
    assert_int_equal(fake_yields(), 0); /* NS goes on */

    iw_boot();
    sched_lock();
    interrupt(FXI_PEER_LINE);
    backend_irq_stop(PEER);
    assert_int_equal(PEER->state, SPM_PART_READY);
    assert_int_equal(PEER->be.irq_raised, P_SLIH);
    sched_unlock();
    assert_int_equal(PEER->state, SPM_PART_TERMINATED);
    assert_int_equal(iw_thread(FXI_PEER)->state, SCHED_DEAD);
    assert_int_equal(PEER->be.asserted, 0u);
    assert_int_equal(PEER->be.irq_raised, 0u);
    assert_false(line(FXI_PEER_LINE)->enabled);
    /* The others untouched. */
    assert_int_equal(SERVER->state, SPM_PART_READY);
    assert_true(line(FXI_SFN_LINE)->enabled);
}

/* ipc_terminate_cleanup() (a panic under `terminate`, a thread's fault)
 * disables the partition's lines and drops what was raised for it. */
static void test_terminated_partition_gets_no_more_interrupts(void **state)
{
    (void)state;
    server_waits(SLIH | FLIH, SLIH);
    sched_lock();
    interrupt(FXI_SLIH_LINE);
    ipc_terminate_cleanup(SERVER);
    sched_unlock();
    assert_false(line(FXI_SLIH_LINE)->enabled);
    assert_false(line(FXI_FLIH_LINE)->enabled);
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_int_equal(SERVER->be.irq_raised, 0u);
    assert_int_equal(iw_thread(FXI_SERVER)->state, SCHED_DEAD);
    assert_true(line(FXI_PEER_LINE)->enabled);
}

/* The statement(s) must stop @p p, with its refusal on the console
 * (irq_common.h). */
#define expect_refusal(p, refusal, ...) \
    IRQ_EXPECT_REFUSAL(expect_iw_panic, p, refusal, __VA_ARGS__)

/* Through the cross-call interface, as under the SFN backend
 * (test_irq.c has every case): a service's signal, the doorbell, two
 * signals, the wrong handling, nothing asserted, another partition's. */
static void test_irq_api_refusals(void **state)
{
    (void)state;
    iw_wake(FXI_SERVER);
    iw_run_as(SERVER);
    expect_refusal(FXI_SERVER,
                   "psa_irq_enable(0x00000010): "
                   "not an IRQ signal of the partition",
                   psa_irq_enable(FXI_SIG(0)));
    expect_refusal(FXI_SERVER,
                   "psa_irq_disable(0x00000008): "
                   "not an IRQ signal of the partition",
                   (void)psa_irq_disable(PSA_DOORBELL));
    expect_refusal(FXI_SERVER,
                   "psa_eoi(0xc0000000): not "
                   "exactly one signal",
                   psa_eoi(SLIH | FLIH));
    expect_refusal(FXI_SERVER,
                   "psa_reset_signal(0x00000000): "
                   "not exactly one signal",
                   psa_reset_signal(0u));
    expect_refusal(FXI_SERVER,
                   "psa_eoi(0x40000000): a "
                   "FLIH signal (psa_reset_signal() clears it)",
                   psa_eoi(FLIH));
    expect_refusal(FXI_SERVER,
                   "psa_reset_signal(0x80000000): "
                   "an SLIH signal (psa_eoi() ends it)",
                   psa_reset_signal(SLIH));
    expect_refusal(FXI_SERVER,
                   "psa_eoi(0x80000000): the "
                   "signal is not asserted",
                   psa_eoi(SLIH));
    expect_refusal(FXI_SERVER,
                   "psa_reset_signal(0x40000000): "
                   "the signal is not asserted",
                   psa_reset_signal(FLIH));
    iw_wake(FXI_PEER);
    iw_run_as(PEER);
    expect_refusal(FXI_PEER,
                   "psa_irq_enable(0x40000000): "
                   "not an IRQ signal of the partition",
                   psa_irq_enable(FLIH));
    /* FXI_CLIENT has none: its psa_wait() of one stops it too. */
    iw_wake(FXI_CLIENT);
    iw_run_as(CLIENT);
    expect_iw_panic(FXI_CLIENT, (void)psa_wait(SLIH, PSA_POLL));
    assert_int_equal(fake_platform_stops(), 10);
    assert_int_equal(SERVER->be.asserted, 0u);
    assert_false(line(FXI_SLIH_LINE)->enabled);
}

/* The NS agent's SPM code holds the lock from its entry to its end; an NS
 * handler's call meanwhile (the lock held) is refused as busy, and leaves
 * the lock to its holder. */
static void test_ns_entry_while_the_lock_is_held_is_busy(void **state)
{
    (void)state;
    sched_lock();
    assert_int_equal(spm_ns_version(FXI_CONN_SID), PSA_VERSION_NONE);
    assert_int_equal(spm_ns_connect(FXI_CONN_SID, 1),
                     PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(spm_ns_call(FXI_SL_A_HANDLE, PARAM_PACK(0, 0, 0),
                                 (uintptr_t)ns_mem.in, (uintptr_t)ns_mem.out),
                     PSA_ERROR_CONNECTION_BUSY);
    assert_int_equal(spm_ns_close(0x101), PSA_ERROR_CONNECTION_BUSY);
    assert_true(sched_core.locked);
    assert_null(SERVER->be.queue);
    assert_int_equal(SERVER->be.asserted, 0u);
    sched_unlock();
    /* Unlocked, NS gets in, and leaves the lock free. */
    assert_int_equal(spm_ns_version(FXI_CONN_SID), 1u);
    assert_false(sched_core.locked);
    assert_int_equal(spm_ns_version(FXI_CLIENT_CONN_SID), PSA_VERSION_NONE);
    assert_false(sched_core.locked);
    assert_int_equal(fake_platform_stops(), 0);
}

static bool locked_while_served;

/* Plays FXI_SERVER serving one stateless call of SL_A, then waiting. */
static void play_sl_a_server(struct sched_thread *t)
{
    if (t != iw_thread(FXI_SERVER)) {
        iw_play_waiting(t);
        return;
    }
    locked_while_served = sched_core.locked;
    assert_int_equal(psa_get(FXI_SIG(1), &iw_msg), PSA_SUCCESS);
    psa_reply(iw_msg.handle, 7);
    (void)psa_wait(FXI_ANY_SERVICE, PSA_BLOCK); /* parks: its play ends */
}

/* An NS call that waits for its reply leaves the lock while it waits (the
 * server's SPM code takes it), and an interrupt meanwhile is delivered at
 * once. */
static void test_ns_call_leaves_the_lock_while_it_waits(void **state)
{
    (void)state;
    locked_while_served = true;
    fake_threads_player(play_sl_a_server);
    assert_int_equal(spm_ns_call(FXI_SL_A_HANDLE, PARAM_PACK(0, 0, 0),
                                 (uintptr_t)ns_mem.in, (uintptr_t)ns_mem.out),
                     7);
    assert_false(locked_while_served);
    assert_false(sched_core.locked);
    assert_ptr_equal(sched_current(), iw_ns_thread());
    assert_int_equal(fake_platform_stops(), 0);
}

/* An SFN-model partition's thread waits for its services' signals: its
 * IRQ signal (asserted, for a psa_wait() in one of its functions) does not
 * end that wait. */
static void test_sfn_model_thread_waits_for_its_services_only(void **state)
{
    (void)state;
    assert_int_equal(iw_call(IW_NS, FXI_SFN_SL_HANDLE, 4, 0, 0),
                     SPM_STATUS_PENDING);
    iw_block(FXI_SERVER);
    iw_block(FXI_CLIENT);
    iw_block(FXI_PEER);
    fake_threads_player(iw_play_waiting);
    iw_run_as(SFN);
    interrupt(FXI_SFN_LINE);
    assert_int_equal(SFN->be.asserted, FXI_SIG(0) | FXI_SFN_SIGNAL);
    iw_allow_stack();
    fake_threads_clear_counts();
    fake_threads_limit_spm_calls(50u);
    FAKE_UNTIL_PARKED(ipc_sfn_thread_main());
    assert_int_equal(fxi.calls[FXI_SFN_SL], 1);
    assert_ptr_equal(fake_parked(), iw_thread(FXI_SFN));
    assert_int_equal(SFN->be.wait_mask, FXI_SIG(0) | FXI_SIG(1));
    assert_int_equal(SFN->be.asserted, FXI_SFN_SIGNAL);
    assert_int_equal(iw_finish(IW_NS), PSA_SUCCESS);
}

/* An SFN-model partition whose entry_init fails is not available: its
 * lines are disabled (its FF-M 1.0 IRQ was enabled at load). */
static void test_failed_init_disables_its_lines(void **state)
{
    (void)state;
    assert_true(line(FXI_SFN_LINE)->enabled);
    fxi.init_status = PSA_ERROR_GENERIC_ERROR;
    iw_block(FXI_SERVER);
    iw_block(FXI_CLIENT);
    iw_block(FXI_PEER);
    fake_threads_player(iw_play_waiting);
    iw_run_as(SFN);
    iw_allow_stack();
    FAKE_UNTIL_PARKED(ipc_sfn_thread_main());
    assert_int_equal(SFN->state, SPM_PART_FAILED);
    assert_false(line(FXI_SFN_LINE)->enabled);
    assert_true(line(FXI_PEER_LINE)->enabled);
}

/* A switch over NS code (PendSV after a secure interrupt while NS ran):
 * from the NS agent's thread it happens, with NS interrupts held off until
 * the port returns to NS code; from a partition's thread (NS preempted its
 * call, and the NS RTOS runs another thread) it waits for secure code. */
static void test_switch_over_ns_code(void **state)
{
    struct sched_thread *urgent = sched_by_rank[0];
    struct sched_thread *other = sched_by_rank[1];

    (void)state;
    for (uint32_t r = 0; r + 1u < SCHED_RANKS; r++) {
        sched_block(sched_by_rank[r]);
    }
    assert_ptr_equal(spm_hook_switch(), &iw_ns_thread()->ctx);
    /* Nothing to switch to: nothing held. */
    assert_ptr_equal(spm_hook_switch_over_ns(), &iw_ns_thread()->ctx);
    assert_false(fake_arch_ns_held());
    sched_ready(urgent);
    assert_ptr_equal(spm_hook_switch_over_ns(), &urgent->ctx);
    assert_true(fake_arch_ns_held());
    fake_arch_return_to_ns();
    /* A partition's thread current, NS code interrupted: no switch, even
     * to a more urgent thread, and nothing held. */
    sched_block(urgent);
    sched_ready(other);
    assert_ptr_equal(spm_hook_switch(), &other->ctx);
    sched_ready(urgent);
    assert_ptr_equal(spm_hook_switch_over_ns(), &other->ctx);
    assert_ptr_equal(sched_current(), other);
    assert_false(fake_arch_ns_held());
    assert_ptr_equal(spm_hook_switch(), &urgent->ctx);
}

#define BOOTED(fn) cmocka_unit_test_setup(fn, setup)
#define LOADED(fn) cmocka_unit_test_setup(fn, setup_loaded)

int main(void)
{
    const struct CMUnitTest tests[] = {
        LOADED(test_allowed_signals_and_routing),
        BOOTED(test_slih_wakes_its_waiting_partition_at_once),
        BOOTED(test_slih_of_a_partition_waiting_for_others),
        BOOTED(test_flih_runs_at_once_and_may_signal),
        BOOTED(test_interrupt_under_the_lock_waits_for_the_unlock),
        BOOTED(test_interrupt_in_spm_code_is_delivered_at_its_end),
        BOOTED(test_holder_s_own_code_takes_what_was_raised),
        BOOTED(test_faulted_flih_stops_its_partition_at_once),
        BOOTED(test_faulted_flih_under_the_lock_stops_it_at_the_unlock),
        BOOTED(test_irq_stop_now_or_at_the_unlock),
        BOOTED(test_terminated_partition_gets_no_more_interrupts),
        BOOTED(test_irq_api_refusals),
        BOOTED(test_ns_entry_while_the_lock_is_held_is_busy),
        BOOTED(test_ns_call_leaves_the_lock_while_it_waits),
        LOADED(test_sfn_model_thread_waits_for_its_services_only),
        LOADED(test_failed_init_disables_its_lines),
        BOOTED(test_switch_over_ns_code),
    };

    return cmocka_run_group_tests_name("irq_ipc", tests, NULL, NULL);
}
