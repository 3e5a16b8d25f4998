/*
 * Internal interfaces of platform/an505, shared by its secure and
 * Non-secure halves. Not for spm/, partitions or applications.
 */
#ifndef WARDEN_AN505_H
#define WARDEN_AN505_H

#include <stddef.h>
#include <stdint.h>

#include "memory_map.h"

/* Exit status of a run ended by a fault in the Non-secure image. */
#define AN505_EXIT_NS_FAULT 71

/** Enables the console UART's transmitter (secure boot, once). */
void an505_uart_init(void);

/**
 * Writes @p len bytes to the console UART (CMSDK UART0, NS alias). Waits
 * while the transmit buffer is full, but gives up if the transmitter has
 * been disabled, so it never hangs.
 */
void an505_uart_write(const char *s, size_t len);

/**
 * Ends the QEMU run with @p status through semihosting SYS_EXIT_EXTENDED.
 * Works from either security state in privileged mode. Returns only when
 * no semihosting host took the call (a debugger without semihosting).
 */
void an505_semihost_exit(int status);

/**
 * Programs the MPCs, the PPC, NSCCFG, the SAU and the secure exception
 * configuration (secure boot, once). Returns 0, or -1 if the memory map
 * does not fit the hardware (MPC block size, number of SAU regions).
 */
int an505_tz_init(void);

/**
 * Sets the peripheral protection controllers for the image's named MMIO
 * regions (ppc.c; an505_tz_init() calls it): each owned peripheral Secure,
 * and reachable unprivileged exactly when its owner runs unprivileged.
 * Returns 0, or -1 if a region names a PPC bank or bit the AN505 does not
 * have (the load info does not fit this platform).
 */
int an505_ppc_init(void);

struct platform_reset_record;

/** Writes @p why where a reset keeps it (reset_record.c). */
void an505_reset_record_write(const struct platform_reset_record *why);

/** The secure C entry after the reset handler set up the stacks. */
__attribute__((noreturn)) void an505_secure_start(void);

/** The Non-secure C entry after its reset handler set the stack limit. */
__attribute__((noreturn)) void an505_ns_start(void);

/* Reset handlers of the two images (each image has its own). */
void Reset_Handler(void);

/* The newlib system calls the images provide (console output; a heap
 * bounded by the stack on the Non-secure side, none on the secure side). */
/* NOLINTBEGIN(bugprone-reserved-identifier): the names newlib calls */
int _write(int fd, const void *buf, size_t len);
void *_sbrk(ptrdiff_t incr);
/* NOLINTEND(bugprone-reserved-identifier) */

/* A vector table of this board (both images have one). */
typedef void (*an505_handler_t)(void);

struct an505_vector_table {
    void *initial_sp;
    an505_handler_t exceptions[15]; /* exception numbers 1..15 */
    an505_handler_t irqs[AN505_NUM_IRQS];
};

#endif /* WARDEN_AN505_H */
