/*
 * The NSCE switch with a secure call in flight (IPC backend with NS
 * contexts of their own, WARDEN_NS_SECURE_CONTEXTS): what an NS RTOS pays
 * when it switches away from a thread preempted inside a secure call.
 *
 * Contexts A and B (NSCE groups 1 and 2), both loaded with the same NS
 * priority, so that a load runs no secure work inside the switch. A's
 * thread (this driver) starts an ECHO call of 2 x 256 B; SysTick, armed to
 * fire a few hundred cycles later, lands inside it (in the partition's
 * code or the agent's wait, wherever NS interrupts are not held off), and
 * its handler times "save A, load B" (untimed after each: "save B, load
 * A") with the harness, SysTick free-running again. Then the call
 * completes and must have echoed.
 */
#include "bench_switch.h"

#include "bench_ops.h"
#include "bench_timer.h"
#include "bench_vectors.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tfm_ns_client_ext.h"
#include "tfm_psa_call_pack.h"
#include "tfm_veneers.h"
#include "warden/config.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define SYST_ARM 0x7u /* enable, processor clock, interrupt */

/* SysTick counts the 20 MHz clock: 8 cycles, 400 instructions (-icount),
 * again and again until a tick lands in secure code. */
#define ARM_CYCLES 8u
#define NSID_A     (-2)
#define NSID_B     (-3)
#define PRIO       1u

void SysTick_Handler(void);
void bench_switch_tick(uint32_t exc_return);

static uint32_t ctx_a = TFM_NS_CLIENT_INVALID_TOKEN;
static uint32_t ctx_b = TFM_NS_CLIENT_INVALID_TOKEN;
static bench_log_fn out;
static volatile int in_call;
static volatile int measured; /* 1 timed, -1 failed, 0 not yet */

static int32_t switch_away(void)
{
    return (int32_t)(tfm_nsce_save_ctx(ctx_a) |
                     warden_nsce_load_ctx_priority(ctx_b, NSID_B, PRIO));
}

static void switch_back(void)
{
    (void)tfm_nsce_save_ctx(ctx_b);
    (void)warden_nsce_load_ctx_priority(ctx_a, NSID_A, PRIO);
}

static bool switched(int32_t ret)
{
    return ret == (int32_t)TFM_NS_CLIENT_ERR_SUCCESS;
}

static const struct bench_op switch_op = {
    .key = "nsce_switch_in_flight",
    .label = "NSCE save_ctx + load_ctx of another, a call in flight",
    .run = switch_away,
    .check = switched,
    .post = switch_back,
};

/* EXC_RETURN.S: the tick interrupted secure code, the call. */
#define EXC_RETURN_S (1u << 6)

__attribute__((naked)) void SysTick_Handler(void)
{
    __asm volatile("mov    r0, lr\n\t"
                   "b      bench_switch_tick\n\t");
}

void bench_switch_tick(uint32_t exc_return)
{
    if (!in_call || (exc_return & EXC_RETURN_S) == 0u || measured != 0) {
        return; /* not in the call yet: the next tick */
    }
    bench_timer_init(); /* free-running, no interrupt */
    measured = bench_run(&switch_op, BENCH_REPS, out) ? 1 : -1;
}

/* In Handler mode (the NS SVC, bench_in_handler()). */
static int32_t start(void)
{
    ctx_a = tfm_nsce_acquire_ctx(1, 1);
    ctx_b = tfm_nsce_acquire_ctx(2, 1);
    if (ctx_a == TFM_NS_CLIENT_INVALID_TOKEN ||
        ctx_b == TFM_NS_CLIENT_INVALID_TOKEN) {
        return -1;
    }
    return (int32_t)warden_nsce_load_ctx_priority(ctx_a, NSID_A, PRIO);
}

static int32_t stop(void)
{
    return (int32_t)(tfm_nsce_save_ctx(ctx_a) | tfm_nsce_release_ctx(ctx_a) |
                     tfm_nsce_release_ctx(ctx_b));
}

bool bench_switch_in_flight(bench_log_fn log)
{
    psa_status_t st;

    if (WARDEN_NS_CONTEXTS == 0) {
        log("BENCH-ABSENT %s\r\n", switch_op.key);
        return true;
    }
    out = log;
    if (bench_in_handler(start) != 0) {
        log("BENCH-FAIL %s: no contexts\r\n", switch_op.key);
        return false;
    }
    bench_vectors_reset();
    SYST_CSR = 0u;
    SYST_RVR = ARM_CYCLES;
    SYST_CVR = 0u;
    in_call = 1;
    SYST_CSR = SYST_ARM;
    st = tfm_psa_call_veneer(BENCH_ECHO_HANDLE, PARAM_PACK(PSA_IPC_CALL, 2, 2),
                             bench_in256, bench_out256);
    in_call = 0;
    bench_timer_init();
    if (measured == 0) {
        log("BENCH-FAIL %s: no tick landed in the call\r\n", switch_op.key);
        return false;
    }
    if (measured != 1 || !bench_echoed256(st) || bench_in_handler(stop) != 0) {
        log("BENCH-FAIL %s: the call in flight failed\r\n", switch_op.key);
        return false;
    }
    return true;
}
