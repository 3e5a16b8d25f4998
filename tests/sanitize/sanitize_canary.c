/*
 * The sanitized layer's canary (WARDEN_SANITIZE builds only): proves that a
 * sanitizer report ends a program of this build. `sanitize_canary asan`
 * writes past a stack array, `sanitize_canary ubsan` overflows a signed
 * int; each on a fiber stack, as partition threads and the secure world
 * run on the host, so the fiber hooks are tested too. Either run must die
 * with the sanitizer's report; returning 0 means the build is not
 * sanitized.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arch/host/host_fiber.h"

static uint8_t fiber_stack[64u * 1024u] __attribute__((aligned(16)));
static struct host_fiber main_fiber;
static struct host_fiber bad_fiber;
static void (*bad_deed)(void);

static void write_past_array(void)
{
    char buf[8] = { 0 };
    char *volatile p = buf; /* through a pointer: for ASan, not UBSan */

    p[sizeof(buf)] = 1;
    printf("canary: buf[0] %d\n", buf[0]);
}

static void overflow_int(void)
{
    volatile int big = INT_MAX;
    volatile int one = 1;
    int sum = big + one;

    printf("canary: sum %d\n", sum);
}

static void bad_fiber_entry(void)
{
    bad_deed();
    host_fiber_leave(&bad_fiber, &main_fiber);
}

int main(int argc, char **argv)
{
    if (argc != 2 ||
        (strcmp(argv[1], "asan") != 0 && strcmp(argv[1], "ubsan") != 0)) {
        fprintf(stderr, "usage: sanitize_canary asan|ubsan\n");
        return 2;
    }
    bad_deed = strcmp(argv[1], "asan") == 0 ? write_past_array : overflow_int;
    host_fiber_make(&bad_fiber, fiber_stack, sizeof(fiber_stack),
                    bad_fiber_entry);
    host_fiber_swap(&main_fiber, &bad_fiber);
    printf("canary: no sanitizer report\n");
    return 0;
}
