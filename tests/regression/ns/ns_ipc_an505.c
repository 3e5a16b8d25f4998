/*
 * IPC tests that need the machine: a partition's stack overflow caught by
 * PSPLIM and stopped by the terminate policy, the W^X victims stopped the
 * same way after the Secure MPU's fault, and Non-secure SysTick
 * interrupts preempting a secure thread in the middle of a call.
 */
#include <stdint.h>

#include "tests/partitions/ipc_test/ipc_test.h"
#include "ns_suites.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"

/* The Non-secure SysTick (the NS view of the banked registers). */
#define SYST_CSR                (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR                (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR                (*(volatile uint32_t *)0xE000E018u)
#define SYST_ENABLE_TICKINT_CPU 7u

static volatile uint32_t ticks;
static volatile uint32_t ticks_in_secure;

void SysTick_Handler(void);
void ns_tick(uint32_t exc_return);

void ns_tick(uint32_t exc_return)
{
    ticks++;
    if ((exc_return & (1u << 6)) != 0u) { /* EXC_RETURN.S: Secure code */
        ticks_in_secure++;
    }
}

__attribute__((naked)) void SysTick_Handler(void)
{
    __asm volatile("mov r0, lr\n\t"
                   "b   ns_tick\n\t");
}

static void t_stack_overflow(struct test_result_t *ret)
{
    TEST_CHECK(victim_stopped(VICTIM_STACK_HANDLE),
               "a stack overflow stops only its partition");
}

/* The W^X victims (tests/partitions/wx/): each is stopped by a MemManage
 * fault of the Secure MPU. The marker line before each call lets
 * tests/run_all.py find the secure report that follows it and check its
 * CFSR bit (DACCVIOL for a write, IACCVIOL for an execution). */
static int wx_victim_stopped(const char *name, psa_handle_t victim)
{
    TEST_LOG("[wx] %s\r\n", name);
    return victim_stopped(victim);
}

static void t_wx_write_code(struct test_result_t *ret)
{
    TEST_CHECK(wx_victim_stopped("write_code", VICTIM_WX_WRITE_CODE_HANDLE),
               "a partition that writes its own code is stopped");
}

static void t_wx_write_rodata(struct test_result_t *ret)
{
    TEST_CHECK(wx_victim_stopped("write_rodata", VICTIM_WX_WRITE_RODATA_HANDLE),
               "a partition that writes a constant is stopped");
}

static void t_wx_exec_stack(struct test_result_t *ret)
{
    TEST_CHECK(wx_victim_stopped("exec_stack", VICTIM_WX_EXEC_STACK_HANDLE),
               "a partition that runs code on its stack is stopped");
}

static void t_wx_exec_data(struct test_result_t *ret)
{
    TEST_CHECK(wx_victim_stopped("exec_data", VICTIM_WX_EXEC_DATA_HANDLE),
               "a partition that runs code in its data is stopped");
}

static void t_ns_interrupts(struct test_result_t *ret)
{
    uint32_t n = 200000u;
    psa_invec iv[] = { { &n, sizeof(n) } };
    psa_status_t st;

    ticks = 0u;
    ticks_in_secure = 0u;
    SYST_RVR = 4000u - 1u;
    SYST_CVR = 0u;
    SYST_CSR = SYST_ENABLE_TICKINT_CPU;
    st = psa_call(IPC_STATELESS_HANDLE, IPC_TYPE_SPIN, iv, 1, NULL, 0);
    SYST_CSR = 0u;
    TEST_LOG("%lu NS ticks, %lu of them in secure code\r\n",
             (unsigned long)ticks, (unsigned long)ticks_in_secure);
    TEST_CHECK(ticks_in_secure > 0u, "NS interrupts preempted secure code");
    TEST_CHECK(st == (psa_status_t)n, "the secure call still completed");
    TEST_CHECK(ns_good_call_ok(), "and the next call too");
}

static const struct test_t tests[] = {
    { t_stack_overflow, "TEST_NS_TERM_1007", "stack overflow (a fault)" },
    { t_wx_write_code, "TEST_NS_WX_1001", "W^X: write code (a fault)" },
    { t_wx_write_rodata, "TEST_NS_WX_1002", "W^X: write a const (a fault)" },
    { t_wx_exec_stack, "TEST_NS_WX_1003", "W^X: run the stack (a fault)" },
    { t_wx_exec_data, "TEST_NS_WX_1004", "W^X: run .data (a fault)" },
    { t_ns_interrupts, "TEST_NS_IPC_1005", "NS interrupts preempt" },
};

const struct ns_suite ns_ipc_target_suite = {
    "ns_ipc_target", tests, sizeof(tests) / sizeof(tests[0])
};
