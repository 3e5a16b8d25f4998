/*
 * The secure interrupt tests (tests/regression/irq): what the IRQ test
 * partitions of tests/partitions/irq serve, as their NS clients see it.
 * Each request names an operation (the psa_call type); each answer is a
 * structure of observations written to outvec 0, which the NS suites
 * check: the partitions report what happened, they decide nothing.
 *
 *   WARDEN_SP_IRQ_TIMER   TIMER0 (SLIH) and TIMER1 (FLIH): delivery,
 *                         enable/disable, the bursts (SFN model)
 *   WARDEN_SP_IRQ_UART    UART1 TX (SLIH): a string, a byte per interrupt
 *   WARDEN_SP_IRQ_VICTIM  UART2 TX (SLIH), UART3 TX (FLIH): one misuse of
 *                         the IRQ API per request, which stops it
 *   WARDEN_SP_IRQ_PEER    three IRQs that never fire: bit 29 is an IRQ
 *                         signal of a partition, and not the victim's
 *   WARDEN_SP_IRQ_V10     UART4 TX, an FF-M 1.0 manifest (IPC backend)
 */
#ifndef WARDEN_TESTS_IRQ_TEST_H
#define WARDEN_TESTS_IRQ_TEST_H

#include <stdint.h>

/* ---- IRQ_TIMER (WARDEN_SP_IRQ_TIMER) --------------------------------- */

enum irq_timer_op {
    /* The partition's first request: TIMER0 as FF-M 1.1 leaves it at load
     * (disabled), then enabled, then disabled again. Out: irq_slih_gate. */
    IRQ_TIMER_SLIH_GATE = 1,
    /* In: irq_rounds_args. TIMER0 armed, waited for with
     * psa_wait(PSA_BLOCK), stopped and psa_eoi()'d, args.rounds times.
     * Out: irq_rounds. */
    IRQ_TIMER_SLIH_ROUNDS = 2,
    /* In: irq_nth_args. TIMER1's FLIH counts ticks and returns
     * PSA_FLIH_SIGNAL every args.every-th one. Out: irq_nth. */
    IRQ_TIMER_FLIH_NTH = 3,
    /* TIMER1's FLIH while disabled, then enabled. Out: irq_flih_gate. */
    IRQ_TIMER_FLIH_GATE = 4,
    /* In: irq_burst_args. Starts a burst of TIMER1 FLIH interrupts, each
     * re-arming the timer for the next, and returns at once. */
    IRQ_TIMER_FLIH_BURST = 5,
    /* Out: irq_burst_status, the FLIH burst so far. */
    IRQ_TIMER_FLIH_STATUS = 6,
    /* In: any bytes. Out[0]: the same bytes; out[1]: uint32_t, the FLIH
     * burst's interrupts so far. Returns the sum of the bytes. */
    IRQ_TIMER_PING = 7,
};

struct irq_slih_gate {
    uint32_t disable_at_load;    /* psa_irq_disable() before any enable */
    uint32_t device_fired;       /* TIMER0 raised its interrupt meanwhile */
    uint32_t poll_disabled;      /* psa_wait(PSA_POLL) while disabled */
    uint32_t poll_enabled;       /* the same, once psa_irq_enable() ran */
    uint32_t status_at_signal;   /* TIMER0 INTSTATUS when it was seen */
    uint32_t poll_after_eoi;     /* psa_wait(PSA_POLL) after psa_eoi() */
    uint32_t disable_enabled;    /* psa_irq_disable() once enabled */
    uint32_t disable_disabled;   /* psa_irq_disable() again */
    uint32_t device_fired_again; /* TIMER0 raised it while disabled again */
    uint32_t poll_disabled_again;
    uint32_t poll_reenabled; /* psa_wait(PSA_POLL) after the enable */
    uint32_t poll_final;     /* after its psa_eoi() and disable */
};

struct irq_rounds_args {
    uint32_t rounds;
    /* TIMER0 ticks from arming to the interrupt; 0: 1 to 8 in turn, so
     * that some interrupts land in the SPM code of the psa_wait() that
     * follows the arming */
    uint32_t ticks;
};

/* A count the partition cannot take (irq_rounds.deferred). */
#define IRQ_NOT_COUNTED 0xFFFFFFFFu

struct irq_rounds {
    uint32_t delivered;   /* psa_wait() returned TIMER0_IRQ_SIGNAL, and
                             TIMER0's interrupt was raised */
    uint32_t doubled;     /* ... and it was not */
    uint32_t wrong;       /* psa_wait() returned something else */
    uint32_t poll_after;  /* psa_wait(PSA_POLL) after the last psa_eoi() */
    uint32_t disable_ret; /* psa_irq_disable() at the end */
    /* Interrupts that found SPM code running (the IPC backend's count,
     * which the partition reads where it runs privileged: level 1), or
     * IRQ_NOT_COUNTED */
    uint32_t deferred;
};

struct irq_nth_args {
    uint32_t every;   /* PSA_FLIH_SIGNAL every this many ticks */
    uint32_t signals; /* signals to wait for */
    uint32_t ticks;   /* TIMER1 ticks between interrupts */
};

struct irq_nth {
    uint32_t wakeups;          /* psa_wait() returned TIMER1_IRQ_SIGNAL */
    uint32_t ticks;            /* FLIH calls that found TIMER1's interrupt */
    uint32_t flih_signals;     /* ... of which returned PSA_FLIH_SIGNAL */
    uint32_t misplaced;        /* wakeups at a tick count not every*k */
    uint32_t doubled;          /* FLIH calls with TIMER1's interrupt low */
    uint32_t poll_after_reset; /* psa_wait(PSA_POLL)s after the resets, OR-ed */
    uint32_t flih_privileged;  /* FLIH calls in privileged code */
    uint32_t flih_unprivileged; /* FLIH calls in unprivileged code */
};

struct irq_flih_gate {
    uint32_t disable_at_load; /* psa_irq_disable() before any enable */
    uint32_t device_fired;    /* TIMER1 raised its interrupt meanwhile */
    uint32_t calls_disabled;  /* FLIH calls while disabled */
    uint32_t calls_enabled;   /* FLIH calls once enabled */
    uint32_t poll_after;      /* psa_wait(PSA_POLL): PSA_FLIH_NO_SIGNAL */
    uint32_t disable_enabled; /* psa_irq_disable() once enabled */
};

struct irq_burst_args {
    uint32_t target; /* interrupts in the burst */
    uint32_t ticks;  /* TIMER1 ticks from each re-arm to the next */
};

struct irq_burst_status {
    uint32_t target;
    uint32_t delivered; /* FLIH calls that found TIMER1's interrupt */
    uint32_t doubled;   /* FLIH calls that found it low */
};

/* ---- IRQ_UART (WARDEN_SP_IRQ_UART) ------------------------------------ */

/* In: the bytes to send on UART1. Out: irq_uart_report. Returns the
 * bytes sent. */
struct irq_uart_report {
    uint32_t bytes;       /* written to DATA */
    uint32_t interrupts;  /* psa_wait() returned UART1_TX_IRQ_SIGNAL */
    uint32_t spurious;    /* ... with the TX interrupt not raised */
    uint32_t busy;        /* TXFULL found set before a write */
    uint32_t disable_ret; /* psa_irq_disable() at the end */
};

/* ---- IRQ_VICTIM (WARDEN_SP_IRQ_VICTIM) --------------------------------
 * Type 0 answers PSA_SUCCESS (it is alive); type N does misuse case N,
 * which must stop it. Cases 1..20 pass a bad signal to each API:
 *   case = 1 + 5 * api + bad
 *   api: 0 psa_irq_enable, 1 psa_irq_disable, 2 psa_eoi, 3 psa_reset_signal
 *   bad: 0 no bit, 1 its two IRQ signals, 2 a service signal (its
 *        service's, bit 4, under the IPC backend), 3 PSA_DOORBELL,
 *        4 IRQ_TEST_PEER_SIGNAL (WARDEN_SP_IRQ_PEER's)
 * cases 21..26 break the handling rules with a signal of its own, and
 * cases 27 and 28 (levels 2 and 3) fault in its FLIH function.
 * tests/run_all.py holds the same table with the refusal each must log. */
#define IRQ_VICTIM_ALIVE       0
#define IRQ_VICTIM_APIS        4
#define IRQ_VICTIM_BAD_SIGNALS 5
#define IRQ_VICTIM_EOI_FLIH    21 /* its FLIH signal, asserted */
#define IRQ_VICTIM_RESET_SLIH  22 /* its SLIH signal, asserted */
#define IRQ_VICTIM_EOI_NEVER   23 /* SLIH, never asserted */
#define IRQ_VICTIM_EOI_TWICE   24 /* SLIH, psa_eoi() twice */
#define IRQ_VICTIM_RESET_NEVER 25 /* FLIH, never asserted */
#define IRQ_VICTIM_RESET_TWICE 26 /* FLIH, psa_reset_signal() twice */
/* Isolation levels 2 and 3 (at level 1 a FLIH runs as the SPM's code, and
 * its fault is the SPM's): the FLIH itself breaks its boundary. */
#define IRQ_VICTIM_FLIH_FAULT 27 /* it writes the SPM's partition table */
#define IRQ_VICTIM_FLIH_SVC   28 /* it calls psa_irq_disable() */
#define IRQ_VICTIM_CASES      28

/* A partition's IRQ signals: the manifest tool gives its IRQ j (in
 * manifest order) bit 31 - j. The partitions check their generated
 * macros against these; the NS suites expect them from psa_wait(). */
#define IRQ_TEST_FIRST_IRQ_SIGNAL  0x80000000u
#define IRQ_TEST_SECOND_IRQ_SIGNAL 0x40000000u
/* Bit 29: WARDEN_SP_IRQ_PEER's third IRQ signal (it has three, the
 * victim two: 31 and 30). */
#define IRQ_TEST_PEER_SIGNAL 0x20000000u

/* ---- IRQ_V10 (WARDEN_SP_IRQ_V10, IPC backend) --------------------------
 * Connection-based (FF-M 1.0). A call sends a byte on UART4 without
 * enabling the IRQ and answers with psa_wait(PSA_POLL) of its signal:
 * an FF-M 1.0 partition's IRQs are enabled when it is loaded. */

#endif /* WARDEN_TESTS_IRQ_TEST_H */
