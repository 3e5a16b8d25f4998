/*
 * Pieces both fault reporters share (the secure one in arch/armv8m/faults.c
 * and the Non-secure one of the platform's NS image): the naked entry stub
 * and allocation-free console output that cannot fault.
 */
#ifndef WARDEN_ARMV8M_FAULT_PRINT_H
#define WARDEN_ARMV8M_FAULT_PRINT_H

#include <stddef.h>
#include <stdint.h>

/* A handler that captures LR (EXC_RETURN) and MSP before any C code moves
 * MSP, then jumps to report(exc_return, msp, kind). */
#define ARMV8M_FAULT_STUB(name, kind, report)    \
    __attribute__((naked)) void name(void)       \
    {                                            \
        __asm volatile("mov r0, lr\n\t"          \
                       "mrs r1, msp\n\t"         \
                       "movs r2, #" #kind "\n\t" \
                       "b " #report "\n\t");     \
    }

typedef void (*armv8m_console_t)(const char *s, size_t len);

static inline void armv8m_put(armv8m_console_t out, const char *s)
{
    size_t n = 0;

    while (s[n] != '\0') {
        n++;
    }
    out(s, n);
}

static inline void armv8m_put_hex(armv8m_console_t out, const char *label,
                                  uint32_t v)
{
    char buf[11] = "0x";

    for (int i = 0; i < 8; i++) {
        buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFu];
    }
    buf[10] = '\0';
    armv8m_put(out, label);
    armv8m_put(out, buf);
}

#endif /* WARDEN_ARMV8M_FAULT_PRINT_H */
