/*
 * What a platform provides to the Non-secure side (the NS demo, the NS
 * regression suites and the benchmark driver).
 */
#ifndef WARDEN_PLATFORM_NS_H
#define WARDEN_PLATFORM_NS_H

#include <stddef.h>
#include <stdint.h>

/** Writes @p len bytes to the console from the NS side. */
void ns_platform_console_write(const char *s, size_t len);

/** Ends the run with @p status (QEMU exits with it). Does not return. */
__attribute__((noreturn)) void ns_platform_exit(int status);

/** An address of secure RAM, at least 64 bytes, for negative tests. */
void *ns_platform_secure_ram(void);

/** 64 bytes of Non-secure read-only memory (the NS image's code/rodata). */
const void *ns_platform_ns_rom(void);

/**
 * Enables the NS completion interrupt (WARDEN_NS_COMPLETION_IRQ=ON,
 * include/warden_ns_completion.h) at the NS side's interrupt controller,
 * at the least urgent priority: its handler (the application's interrupt
 * handler, when ns_platform_completion_irq_active() says so) calls
 * warden_ns_completion_irq() (ns/ns_completion.h). The host has no NS
 * interrupts: nothing to do there.
 */
void ns_platform_completion_irq_init(void);

/** True inside the handler of the NS completion interrupt. */
int ns_platform_completion_irq_active(void);

/** The NS application: returns the run's exit status. */
int ns_main(void);

#endif /* WARDEN_PLATFORM_NS_H */
