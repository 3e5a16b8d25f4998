/*
 * What a platform provides to the secure side. platform/an505 and
 * platform/host implement it; the SPM calls nothing else of a platform.
 */
#ifndef WARDEN_PLATFORM_H
#define WARDEN_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

/** A range of addresses, limit inclusive. */
struct platform_region {
    uintptr_t base;
    uintptr_t limit;
};

/** Writes @p len bytes to the secure console. */
void platform_console_write(const char *s, size_t len);

/** Ends the run with @p status (QEMU exits with it; the host process too). */
__attribute__((noreturn)) void platform_exit(int status);

/** Stops the secure side for good (the `halt` fault policy). */
__attribute__((noreturn)) void platform_halt(void);

/** Resets the device (the `reset` fault policy). */
__attribute__((noreturn)) void platform_reset(void);

/** PSA lifecycle state of the device (PSA_LIFECYCLE_*). */
uint32_t platform_lifecycle_state(void);

#endif /* WARDEN_PLATFORM_H */
