/*
 * NS Thread mode's privilege on Armv8-M: CONTROL.nPRIV of the Non-secure
 * side, written in Handler mode (the NS kernel's SVC: an unprivileged
 * thread cannot take privilege back itself) and read back in Thread mode.
 */
#include <stdint.h>

#include "kernel.h"
#include "nsce_suites.h"

#define CONTROL_NPRIV 1u

static uintptr_t write_npriv(uintptr_t npriv)
{
    uint32_t control;

    __asm volatile("mrs %0, control" : "=r"(control));
    control =
        npriv != 0u ? (control | CONTROL_NPRIV) : (control & ~CONTROL_NPRIV);
    __asm volatile("msr control, %0\n\tisb" : : "r"(control) : "memory");
    return 0u;
}

bool ns_thread_set_privileged(bool privileged)
{
    uint32_t control;

    (void)kernel_handler_call(write_npriv, privileged ? 0u : 1u);
    __asm volatile("mrs %0, control" : "=r"(control));
    return ((control & CONTROL_NPRIV) == 0u) == privileged;
}
