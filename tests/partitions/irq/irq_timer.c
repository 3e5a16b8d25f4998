/*
 * WARDEN_SP_IRQ_TIMER's service (irq_test.h, IRQ_TIMER): decodes a
 * request, runs its operation, writes the observations to outvec 0.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include "psa/service.h"
#include "psa_manifest/irq_timer.h"
#include "tests/partitions/irq/irq_test.h"
#include "tests/partitions/irq/irq_timer_ops.h"

static_assert(TIMER0_IRQ_SIGNAL == IRQ_TEST_FIRST_IRQ_SIGNAL &&
                  TIMER1_IRQ_SIGNAL == IRQ_TEST_SECOND_IRQ_SIGNAL,
              "the NS suite expects TIMER0 and TIMER1 at bits 31 and 30");

/* Bounds that keep a request finite and its interrupts apart. */
#define MAX_ROUNDS  1000u
#define MIN_TICKS   20u
#define MAX_SIGNALS 64u
#define PING_BYTES  64u
#define POLL_SPINS  1000u

psa_signal_t irq_timer_poll(psa_signal_t signal)
{
    psa_signal_t seen = 0u;

    for (uint32_t i = 0; i < POLL_SPINS && seen == 0u; i++) {
        seen = psa_wait(signal, PSA_POLL);
    }
    return seen;
}

static int read_args(const psa_msg_t *msg, void *args, size_t size)
{
    return msg->in_size[0] == size &&
           psa_read(msg->handle, 0, args, size) == size;
}

static psa_status_t answer(const psa_msg_t *msg, const void *r, size_t size)
{
    if (msg->out_size[0] < size) {
        return PSA_ERROR_BUFFER_TOO_SMALL;
    }
    psa_write(msg->handle, 0, r, size);
    return PSA_SUCCESS;
}

static psa_status_t ping(const psa_msg_t *msg)
{
    uint8_t buf[PING_BYTES];
    struct irq_burst_status burst;
    size_t n = psa_read(msg->handle, 0, buf, sizeof(buf));
    psa_status_t sum = 0;

    for (size_t i = 0; i < n; i++) {
        sum += buf[i];
    }
    if (msg->out_size[0] != 0u) {
        psa_write(msg->handle, 0, buf,
                  n < msg->out_size[0] ? n : msg->out_size[0]);
    }
    irq_timer_flih_status(&burst);
    if (msg->out_size[1] >= sizeof(burst.delivered)) {
        psa_write(msg->handle, 1, &burst.delivered, sizeof(burst.delivered));
    }
    return sum;
}

static psa_status_t slih_rounds(const psa_msg_t *msg)
{
    struct irq_rounds_args a;
    struct irq_rounds r = { 0 };

    /* ticks 0: the short ones in turn (irq_test.h) */
    if (!read_args(msg, &a, sizeof(a)) || a.rounds > MAX_ROUNDS ||
        (a.ticks != 0u && a.ticks < MIN_TICKS)) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    irq_timer_slih_rounds(&a, &r);
    return answer(msg, &r, sizeof(r));
}

static psa_status_t flih_nth(const psa_msg_t *msg)
{
    struct irq_nth_args a;
    struct irq_nth r = { 0 };

    if (!read_args(msg, &a, sizeof(a)) || a.every == 0u ||
        a.signals > MAX_SIGNALS || a.ticks < MIN_TICKS) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    irq_timer_flih_nth(&a, &r);
    return answer(msg, &r, sizeof(r));
}

static psa_status_t flih_burst(const psa_msg_t *msg)
{
    struct irq_burst_args a;

    if (!read_args(msg, &a, sizeof(a)) || a.ticks < MIN_TICKS) {
        return PSA_ERROR_INVALID_ARGUMENT;
    }
    irq_timer_flih_burst(&a);
    return PSA_SUCCESS;
}

psa_status_t irq_timer_sfn(const psa_msg_t *msg)
{
    struct irq_slih_gate slih_gate = { 0 };
    struct irq_flih_gate flih_gate = { 0 };
    struct irq_burst_status status = { 0 };

    switch (msg->type) {
    case IRQ_TIMER_SLIH_GATE:
        irq_timer_slih_gate(&slih_gate);
        return answer(msg, &slih_gate, sizeof(slih_gate));
    case IRQ_TIMER_SLIH_ROUNDS:
        return slih_rounds(msg);
    case IRQ_TIMER_FLIH_NTH:
        return flih_nth(msg);
    case IRQ_TIMER_FLIH_GATE:
        irq_timer_flih_gate(&flih_gate);
        return answer(msg, &flih_gate, sizeof(flih_gate));
    case IRQ_TIMER_FLIH_BURST:
        return flih_burst(msg);
    case IRQ_TIMER_FLIH_STATUS:
        irq_timer_flih_status(&status);
        return answer(msg, &status, sizeof(status));
    case IRQ_TIMER_PING:
        return ping(msg);
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}
