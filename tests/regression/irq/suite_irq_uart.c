/*
 * An interrupt-driven UART (WARDEN_SP_IRQ_UART): the service sends a
 * string on UART1 a byte at a time, waiting in psa_wait() for the TX
 * interrupt after each. Every byte must take exactly one interrupt, the
 * line must come back enabled for the next request, and the bytes must
 * reach UART1 (tests/run_all.py compares the text each request logs
 * with what QEMU's UART1 received).
 */
#include <string.h>

#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tests/partitions/irq/irq_test.h"
#include "tests/regression/irq/irq_suites.h"

static void send(struct test_result_t *ret, const char *text)
{
    size_t n = strlen(text);
    struct irq_uart_report r = { 0 };
    psa_invec iv[] = { { text, n } };
    psa_outvec ov[] = { { &r, sizeof(r) } };
    psa_status_t st = psa_call(IRQ_UART_HANDLE, PSA_IPC_CALL, iv, 1, ov, 1);

    TEST_LOG("[irq] uart1 sent \"%s\"\r\n", text);
    TEST_LOG("irq: UART1 %lu bytes, %lu TX interrupts, %lu spurious\r\n",
             (unsigned long)r.bytes, (unsigned long)r.interrupts,
             (unsigned long)r.spurious);
    TEST_CHECK(st == (psa_status_t)n && r.bytes == n,
               "the service did not send every byte");
    TEST_CHECK(r.interrupts == n, "not one TX interrupt per byte");
    TEST_CHECK(r.spurious == 0u, "a signal came with the TX interrupt low");
    TEST_CHECK(r.busy == 0u, "a byte was written before the last had left");
    TEST_CHECK(r.disable_ret == 1u,
               "psa_irq_disable() at the end did not return 1");
}

static void t_uart_tx(struct test_result_t *ret)
{
    send(ret, "Warden UART1: one byte per TX interrupt.");
}

static void t_uart_tx_again(struct test_result_t *ret)
{
    send(ret, " Again, after psa_irq_disable().");
}

static const struct test_t tests[] = {
    { t_uart_tx, "uart_tx_per_byte", "a string, one TX interrupt per byte" },
    { t_uart_tx_again, "uart_tx_again", "the same after a disable" },
};

const struct irq_suite irq_uart_suite = { "irq_uart", tests,
                                          sizeof(tests) / sizeof(tests[0]) };
