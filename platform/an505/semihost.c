/* Semihosting exit (QEMU -semihosting-config enable=on). */
#include "an505.h"

#define SYS_EXIT_EXTENDED            0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

void an505_semihost_exit(int status)
{
    volatile uint32_t block[2] = { ADP_STOPPED_APPLICATION_EXIT,
                                   (uint32_t)status };
    register uint32_t r0 __asm("r0") = SYS_EXIT_EXTENDED;
    register volatile uint32_t *r1 __asm("r1") = block;

    __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
}
