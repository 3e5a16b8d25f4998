/*
 * Victim of the fault policy (SFN model, both backends): an undefined
 * instruction (a UsageFault of the partition's own code), a hang that
 * only the watchdog ends, an NMI that no platform handler claims, and a
 * frame bigger than the partition's stack (IPC backend: its thread's
 * stack limit stops it).
 */
#include <stdint.h>

#include "platform.h"
#include "psa/service.h"
#include "psa_manifest/victim_fault.h"

/* Watchdog ticks (20 MHz) between its expiries: 100 ms, time enough for
 * the NMI handler's words to reach the console before the reset. */
#define VICTIM_WATCHDOG_TICKS 2000000u
/* ICSR.NMIPENDSET (Armv8-M): raises an NMI. */
#define ICSR_ADDRESS    0xE000ED04u
#define ICSR_NMIPENDSET (1u << 31)

psa_status_t victim_fault_udf_sfn(const psa_msg_t *msg)
{
    (void)msg;
    __builtin_trap();
}

/* More than the manifest's stack_size (0x400): the frame's allocation
 * crosses the thread's stack limit. */
#define VICTIM_FRAME_BYTES 2048u

psa_status_t victim_fault_stack_sfn(const psa_msg_t *msg)
{
    volatile uint8_t frame[VICTIM_FRAME_BYTES];

    frame[0] = (uint8_t)msg->type;
    frame[VICTIM_FRAME_BYTES - 1u] = frame[0];
    return (psa_status_t)frame[VICTIM_FRAME_BYTES - 1u];
}

psa_status_t victim_fault_watchdog_sfn(const psa_msg_t *msg)
{
    (void)msg;
    platform_watchdog_start(VICTIM_WATCHDOG_TICKS);
    for (;;) {
        __asm volatile("" : : : "memory"); /* hangs */
    }
}

psa_status_t victim_fault_nmi_sfn(const psa_msg_t *msg)
{
    (void)msg;
    *(volatile uint32_t *)(uintptr_t)ICSR_ADDRESS = ICSR_NMIPENDSET;
    for (;;) {
        __asm volatile("" : : : "memory"); /* the NMI is taken meanwhile */
    }
}
