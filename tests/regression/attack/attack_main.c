/*
 * The NS attack suite (Armv8-M, run under QEMU with -icount): what an NS
 * side that breaks the rules can do at the secure boundary, each case with
 * the answer the secure side must give. After every case the secure side
 * must keep serving, and no partition may be blamed for what NS did (the
 * runner also fails the run if the secure console reports a partition
 * stopped or a secure fault).
 *
 *  - A branch to FNC_RETURN with no secure call in flight, from Thread and
 *    from Handler mode: an NS UsageFault INVPC (the secure stacks are
 *    sealed), never a return into the secure side.
 *  - The same, and a second entry through every veneer, while another task
 *    is preempted inside a secure call (an echo of 2 x 256 bytes, so that
 *    the ticks land in the partition, in the SPM's copies and in the NS
 *    agent): the forged return is an NS UsageFault INVPC and the preempted
 *    call completes; a second entry is refused (busy) before it pushes
 *    anything on a secure stack that is not its own.
 *  - PSA calls from NS Handler mode while no call is in flight.
 *  - Every range of the system space (PPB, vendor, top of memory) as an
 *    invec and as an outvec: refused as the caller's programmer error.
 */
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include "kernel.h"
#include "platform_ns.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "warden/config.h"
#include "tfm_psa_call_pack.h"
#include "tfm_veneers.h"
#include "tests/regression/framework/test_framework.h"
#include "tests/partitions/test/warden_test_service.h"

#define REG(a)            (*(volatile uint32_t *)(uintptr_t)(a))
#define SHCSR             REG(0xE000ED24u) /* NS view: NS's own */
#define CFSR              REG(0xE000ED28u)
#define SHPR2             REG(0xE000ED1Cu)
#define SHCSR_USGFAULTENA (1u << 18)
#define CFSR_INVPC        (1u << 18)
#define FNC_RETURN_PC     0xFEFFFFFEu
#define VICTIM_CALLS      300u
#define ECHO_LEN          256u
#define TICK_MIN          30u
#define TICK_MAX          100u

/* ---- Catching NS's own UsageFault ----------------------------------------
 * Armed by forge(): the handler checks it is the INVPC of a failed
 * function return and resumes the forger at catch_up(), which longjmps
 * back into forge(). Anything else is a fault this image did not expect:
 * reported as a failure, and the run ends. */
static jmp_buf *volatile armed;
static volatile uint32_t caught_cfsr;
static volatile uint32_t caught_pc;

void attack_usage_fault(uint32_t *frame);
void UsageFault_Handler(void);

__attribute__((naked)) void UsageFault_Handler(void)
{
    __asm volatile("tst    lr, #4\n\t"
                   "ite    eq\n\t"
                   "mrseq  r0, msp\n\t"
                   "mrsne  r0, psp\n\t"
                   "b      attack_usage_fault\n\t");
}

static void catch_up(void)
{
    jmp_buf *env = armed;

    armed = NULL;
    longjmp(*env, 1);
}

void attack_usage_fault(uint32_t *frame)
{
    caught_cfsr = CFSR;
    caught_pc = frame[6];
    CFSR = caught_cfsr; /* write-one-to-clear */
    if (armed == NULL) {
        tf_log("FAIL: attack/unexpected_usage_fault (CFSR 0x%08lx, PC "
               "0x%08lx)\r\n",
               (unsigned long)caught_cfsr, (unsigned long)caught_pc);
        ns_platform_exit(1);
    }
    frame[6] = (uint32_t)(uintptr_t)catch_up & ~1u;
    frame[7] = (frame[7] & 0x1FFu) | (1u << 24); /* the mode it was in, T */
}

/* Branches to FNC_RETURN. Returns FORGE_INVPC if that raised NS's
 * UsageFault INVPC (the hardware's check failed: a sealed stack),
 * FORGE_HANDED_ON if NS got a UsageFault with FNC_RETURN stacked and no
 * cause bit (the branch popped a preempted secure context and the secure
 * side handed it on: software cannot set INVPC), FORGE_BAD otherwise. One
 * forger at a time: the runner, then the attacker task. */
enum forge_result { FORGE_BAD, FORGE_INVPC, FORGE_HANDED_ON };

__attribute__((noinline)) static enum forge_result forge(void)
{
    static jmp_buf env;

    caught_cfsr = 0u;
    caught_pc = 0u;
    /* The kernel's exceptions masked meanwhile (BASEPRI; UsageFault stays
     * above it): a tick landing between a branch that popped a preempted
     * secure context and its fault would make the kernel resume another
     * task into what the branch left there. The secure side copes with
     * that too (it restores the preempted context whichever NS thread
     * resumes it), but this task's bookkeeping would not. */
    __asm volatile("msr basepri, %0" : : "r"(0x40u) : "memory");
    if (setjmp(env) == 0) {
        armed = &env;
        __asm volatile("mov    r0, #0xFEFFFFFF\n\t"
                       "bx     r0\n\t"
                       :
                       :
                       : "r0", "memory");
        return FORGE_BAD; /* not reached: FNC_RETURN came back here */
    }
    __asm volatile("msr basepri, %0" : : "r"(0u) : "memory");
    if (caught_pc != FNC_RETURN_PC) {
        return FORGE_BAD;
    }
    return (caught_cfsr == CFSR_INVPC) ? FORGE_INVPC
           : (caught_cfsr == 0u)       ? FORGE_HANDED_ON
                                       : FORGE_BAD;
}

/* ---- Helpers ----------------------------------------------------------- */

/*
 * An echo of two 256-byte vectors through the NS lock. With @p done NULL it
 * makes the call and returns its status; otherwise it returns 1 if the
 * call just made (*done its status) echoed every byte.
 */
static psa_status_t echo(const psa_status_t *done)
{
    static uint8_t in[2][ECHO_LEN];
    static uint8_t out[2][ECHO_LEN];
    static uint8_t seq;
    psa_invec iv[] = { { in[0], ECHO_LEN }, { in[1], ECHO_LEN } };
    psa_outvec ov[] = { { out[0], ECHO_LEN }, { out[1], ECHO_LEN } };

    if (done != NULL) {
        return memcmp(in, out, sizeof(in)) == 0;
    }
    seq++;
    memset(in[0], seq, ECHO_LEN);
    memset(in[1], (uint8_t)~seq, ECHO_LEN);
    memset(out, 0, sizeof(out));
    return psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_ECHO, iv, 2, ov, 2);
}

static int echo_ok(void)
{
    psa_status_t st = echo(NULL);

    return st == (psa_status_t)(2u * ECHO_LEN) && echo(&st);
}

/* The secure side still serves, every partition the image calls too. */
static int still_serving(void)
{
    return echo_ok() && psa_framework_version() == PSA_FRAMEWORK_VERSION &&
           psa_version(TEST_STATELESS_SID) != PSA_VERSION_NONE;
}

/* ---- Cases without a call in flight ------------------------------------ */

static void forged_return_thread(struct test_result_t *ret)
{
    for (unsigned i = 0; i < 3u; i++) {
        TEST_CHECK(forge() == FORGE_INVPC,
                   "an NS UsageFault INVPC at FNC_RETURN");
    }
    TEST_CHECK(still_serving(), "the secure side still serves");
}

static uintptr_t forge_in_handler(uintptr_t arg)
{
    (void)arg;
    return (uintptr_t)(forge() == FORGE_INVPC);
}

static void forged_return_handler(struct test_result_t *ret)
{
    TEST_CHECK(kernel_handler_call(forge_in_handler, 0) == 1u,
               "an NS UsageFault INVPC at FNC_RETURN (Handler mode)");
    TEST_CHECK(still_serving(), "the secure side still serves");
}

static uintptr_t echo_in_handler(uintptr_t arg)
{
    (void)arg;
    return (uintptr_t)echo_ok();
}

static void psa_call_in_handler(struct test_result_t *ret)
{
    TEST_CHECK(kernel_handler_call(echo_in_handler, 0) == 1u,
               "a PSA call from NS Handler mode is served");
    TEST_CHECK(still_serving(), "the secure side still serves");
}

/* Ranges no caller may name: the system space from the PPB up. */
static const uintptr_t system_space[] = {
    0xE0000000u,              /* ITM */
    0xE0001000u,              /* DWT */
    0xE0002000u,              /* FPB */
    0xE000E000u,              /* SCS: ICTR */
    0xE000E010u,              /* SysTick */
    0xE000E100u,              /* NVIC */
    0xE000ED00u,              /* CPUID */
    0xE000ED08u,              /* VTOR_S */
    0xE000ED0Cu,              /* AIRCR_S */
    0xE000ED90u,              /* MPU_S */
    0xE000EDD0u,              /* SAU_CTRL */
    0xE000EDD8u,              /* SAU_RNR */
    0xE000EF00u,              /* STIR */
    0xE002E000u,              /* SCS, NS alias */
    0xE002ED08u,              /* VTOR_NS */
    0xE0040000u,              /* TPIU */
    0xE00FF000u,              /* ROM table */
    0xE0100000u,              /* vendor system area */
    0xF0000000u, 0xFFFFFFF0u, /* the top of memory */
};

static void system_space_vectors(struct test_result_t *ret)
{
    for (unsigned i = 0; i < sizeof(system_space) / sizeof(system_space[0]);
         i++) {
        psa_invec iv[] = { { (const void *)system_space[i], 16 } };
        uint8_t buf[16];
        psa_invec good[] = { { buf, sizeof(buf) } };
        psa_outvec ov[] = { { (void *)system_space[i], 16 } };
        psa_outvec mine[] = { { buf, sizeof(buf) } };

        TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_ECHO, iv, 1, mine,
                            1) == PSA_ERROR_PROGRAMMER_ERROR,
                   "an invec in the system space is refused");
        TEST_CHECK(psa_call(TEST_STATELESS_HANDLE, TEST_TYPE_ECHO, good, 1, ov,
                            1) == PSA_ERROR_PROGRAMMER_ERROR,
                   "an outvec in the system space is refused");
    }
    TEST_CHECK(still_serving(), "the secure side still serves");
}

/* ---- Cases while another task is preempted inside a secure call --------- */

static volatile int victim_in_call;
static volatile int victim_done;
static volatile unsigned victim_bad;
static volatile unsigned attacker_done;

struct tally {
    unsigned forged;      /* forged returns, all caught as INVPC */
    unsigned forged_live; /* of those, while the victim was inside */
    unsigned forged_bad;
    unsigned handed_on;      /* popped a preempted context: handed on */
    unsigned entries_busy;   /* second entries refused as busy */
    unsigned entries_served; /* second entries served (NS contexts) */
    unsigned entries_bad;    /* anything else while the victim was inside */
};

static struct tally tally;

/* One echo that may be refused as busy first: the attacker calls the
 * veneers without the NS lock, so a tick may land in its own call. */
static int echo_retried(void)
{
    for (unsigned tries = 0; tries < 1000u; tries++) {
        psa_status_t st = echo(NULL);

        if (st != PSA_ERROR_CONNECTION_BUSY) {
            return st == (psa_status_t)(2u * ECHO_LEN) && echo(&st);
        }
        kernel_yield();
    }
    return 0;
}

static void victim(void *arg)
{
    (void)arg;
    for (unsigned i = 0; i < VICTIM_CALLS; i++) {
        victim_in_call = 1;
        if (!echo_retried()) {
            victim_bad++;
        }
        victim_in_call = 0;
        for (volatile unsigned n = (i * 37u) % 300u; n != 0u; n--) {
        }
    }
    victim_done = 1;
}

/*
 * Every veneer once. While the victim is preempted inside its call each
 * must answer as a busy SPM does; a tick may end that meanwhile (the
 * victim's call completes), so an answer is wrong only if it is neither
 * the refusal nor what the call returns when it is served. Connect and
 * close are left out: served, they would change the connection pool.
 * Returns 1 if every answer was a refusal, 0 if some were served, -1 if
 * one was wrong.
 */
static int second_entries(void)
{
    int32_t id = 0;
    psa_outvec ov[] = { { &id, sizeof(id) } };
    psa_status_t call = tfm_psa_call_veneer(
        TEST_STATELESS_HANDLE, PARAM_PACK(TEST_TYPE_CLIENT_ID, 0, 1), NULL, ov);
    uint32_t version = tfm_psa_version_veneer(TEST_STATELESS_SID);

    if ((call != PSA_ERROR_CONNECTION_BUSY && call != PSA_SUCCESS) ||
        (version != PSA_VERSION_NONE && version != 1u) ||
        tfm_psa_framework_version_veneer() != PSA_FRAMEWORK_VERSION ||
        tfm_nsce_acquire_ctx(1, 1) != TFM_NS_CLIENT_INVALID_TOKEN ||
        tfm_nsce_save_ctx(0) != TFM_NS_CLIENT_ERR_INVALID_ACCESS ||
        tfm_register_client_id(-5) != TFM_ERROR_NS_THREAD_MODE_CALL) {
        return -1;
    }
    return call == PSA_ERROR_CONNECTION_BUSY && version == PSA_VERSION_NONE;
}

static void attacker(void *arg)
{
    (void)arg;
    while (!victim_done) {
        int live = victim_in_call;

        if (live) {
            /* The kernel's exceptions masked, as around a forged branch.
             * With one secure context for all NS threads (SFN backend), a
             * tick landing in the few secure instructions of a refusal
             * stacks the attacker's context on the secure stack above the
             * preempted call's, and a kernel that resumes the two tasks in
             * the other order mixes up its own tasks (never secure
             * state): that is why an RTOS needs the NS lock there. With a
             * secure context per NS context (IPC with NSCE) the attacker's
             * entries are served on its own. */
            __asm volatile("msr basepri, %0" : : "r"(0x40u) : "memory");
            int r = second_entries();

            __asm volatile("msr basepri, %0" : : "r"(0u) : "memory");

            tally.entries_busy += (r == 1) ? 1u : 0u;
            tally.entries_served += (r == 0) ? 1u : 0u;
            tally.entries_bad += (r < 0) ? 1u : 0u;
        }
        live = victim_in_call;
        tally.forged++;
        tally.forged_live += live ? 1u : 0u;
        switch (forge()) {
        case FORGE_HANDED_ON:
            tally.handed_on++;
            break;
        case FORGE_INVPC:
            break;
        default:
            tally.forged_bad++;
            break;
        }
        kernel_yield();
    }
    attacker_done = 1;
}

static void preempted_call(struct test_result_t *ret)
{
    struct kernel_stats before;
    struct kernel_stats after;

    kernel_get_stats(&before);
    TEST_CHECK(kernel_task_create("victim", 3, victim, NULL) != NULL &&
                   kernel_task_create("attacker", 3, attacker, NULL) != NULL,
               "tasks");
    while (!victim_done || !attacker_done) {
        kernel_sleep(100);
    }
    kernel_get_stats(&after);
    tf_log(
        "attack: %u forged returns (%u while a call was preempted, %u "
        "handed on by the secure side), %u second entries refused, %u "
        "served; %lu task switches inside secure calls\r\n",
        tally.forged, tally.forged_live, tally.handed_on, tally.entries_busy,
        tally.entries_served,
        (unsigned long)(after.switches_in_secure - before.switches_in_secure));
    TEST_CHECK(victim_bad == 0u, "every preempted call completed right");
    TEST_CHECK(tally.forged_bad == 0u, "every forged return was NS's fault");
    TEST_CHECK(tally.entries_bad == 0u,
               "every second entry was refused or served");
    /* With a secure context per NS context, the attacker's forged
     * returns meet its own sealed secure stack (INVPC), never the victim's
     * preempted call; with one for all, some pop it and are handed on. */
    TEST_CHECK(tally.forged_live >= 50u &&
                   ((WARDEN_NS_CONTEXTS > 0) ? tally.handed_on == 0u
                                             : tally.handed_on >= 10u) &&
                   ((WARDEN_NS_CONTEXTS > 0) ? tally.entries_served
                                             : tally.entries_busy) >= 50u,
               "the attacks landed inside preempted calls");
    TEST_CHECK(still_serving(), "the secure side still serves");
}

static const struct test_t cases[] = {
    { forged_return_thread, "forged_return_thread",
      "a forged FNC_RETURN in Thread mode is an NS UsageFault INVPC" },
    { forged_return_handler, "forged_return_handler",
      "a forged FNC_RETURN in Handler mode is an NS UsageFault INVPC" },
    { psa_call_in_handler, "psa_call_in_handler",
      "a PSA call from NS Handler mode is served" },
    { system_space_vectors, "system_space_vectors",
      "invecs and outvecs in the system space are refused" },
};

static const struct test_t preempted[] = {
    { preempted_call, "preempted_call",
      "forged returns and second entries while a call is preempted" },
};

static void runner(void *arg)
{
    struct tf_totals totals = { 0, 0 };

    (void)arg;
    tf_run_suite("attack", cases, sizeof(cases) / sizeof(cases[0]), &totals);
    tf_run_suite("attack", preempted, sizeof(preempted) / sizeof(preempted[0]),
                 &totals);
    tf_log("Attack: %lu passed, %lu failed\r\n", (unsigned long)totals.passed,
           (unsigned long)totals.failed);
    ns_platform_exit(totals.failed == 0u ? 0 : 1);
}

int ns_main(void)
{
    /* UsageFault above the kernel's SVC, as an RTOS sets its faults, so a
     * fault inside kernel_handler_call() is NS's UsageFault, not an
     * escalation to HardFault. */
    SHPR2 = 0x80u << 24;
    SHCSR |= SHCSR_USGFAULTENA;
    tf_log("Warden NS attack suite\r\n");
    if (kernel_init(0) == 0u ||
        kernel_task_create("runner", 6, runner, NULL) == NULL) {
        tf_log("FAIL: attack/start (no kernel)\r\n");
        return 1;
    }
    kernel_start(TICK_MIN, TICK_MAX);
}
