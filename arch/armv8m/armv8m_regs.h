/*
 * Armv8-M Mainline system registers used by the port (System Control
 * Space). Addresses are the Secure view; the Non-secure view of a banked
 * register is at the same offset in the 0xE002_xxxx alias.
 */
#ifndef WARDEN_ARMV8M_REGS_H
#define WARDEN_ARMV8M_REGS_H

#include <stdint.h>

#define ARMV8M_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* System control block. */
#define ARMV8M_VTOR    ARMV8M_REG(0xE000ED08u)
#define ARMV8M_VTOR_NS ARMV8M_REG(0xE002ED08u)
#define ARMV8M_AIRCR   ARMV8M_REG(0xE000ED0Cu)
#define ARMV8M_CCR     ARMV8M_REG(0xE000ED14u)
#define ARMV8M_SHCSR   ARMV8M_REG(0xE000ED24u)
#define ARMV8M_CFSR    ARMV8M_REG(0xE000ED28u)
#define ARMV8M_CFSR_NS ARMV8M_REG(0xE002ED28u)
#define ARMV8M_HFSR    ARMV8M_REG(0xE000ED2Cu)
#define ARMV8M_MMFAR   ARMV8M_REG(0xE000ED34u)
#define ARMV8M_BFAR    ARMV8M_REG(0xE000ED38u)

/* Nested vectored interrupt controller: word n of each bank holds the
 * bits of IRQs 32n..32n+31; IPR one byte per IRQ. */
#define ARMV8M_NVIC_ISER(n) ARMV8M_REG(0xE000E100u + 4u * (n))
#define ARMV8M_NVIC_ICER(n) ARMV8M_REG(0xE000E180u + 4u * (n))
#define ARMV8M_NVIC_ISPR(n) ARMV8M_REG(0xE000E200u + 4u * (n))
#define ARMV8M_NVIC_ICPR(n) ARMV8M_REG(0xE000E280u + 4u * (n))
#define ARMV8M_NVIC_ITNS(n) ARMV8M_REG(0xE000E380u + 4u * (n))
#define ARMV8M_NVIC_IPR(irq) \
    (*(volatile uint8_t *)(uintptr_t)(0xE000E400u + (irq)))

/* Memory protection unit (PMSAv8), the Secure one at these addresses. */
#define ARMV8M_MPU_TYPE  ARMV8M_REG(0xE000ED90u)
#define ARMV8M_MPU_CTRL  ARMV8M_REG(0xE000ED94u)
#define ARMV8M_MPU_RNR   ARMV8M_REG(0xE000ED98u)
#define ARMV8M_MPU_RBAR  ARMV8M_REG(0xE000ED9Cu)
#define ARMV8M_MPU_RLAR  ARMV8M_REG(0xE000EDA0u)
#define ARMV8M_MPU_MAIR0 ARMV8M_REG(0xE000EDC0u)

#define ARMV8M_MPU_CTRL_ENABLE     (1u << 0)
#define ARMV8M_MPU_CTRL_PRIVDEFENA (1u << 2)
#define ARMV8M_MPU_RBAR_XN         (1u << 0)
#define ARMV8M_MPU_RBAR_AP_RO      (1u << 2) /* AP[2:1] = 1x: read-only */
#define ARMV8M_MPU_RBAR_AP_UNPRIV  (1u << 1) /* AP[2:1] = x1: any privilege */
#define ARMV8M_MPU_RLAR_ATTR_SHIFT 1u        /* AttrIndx[3:1] */
#define ARMV8M_MPU_RLAR_ENABLE     (1u << 0)

#define ARMV8M_AIRCR_VECTKEY      (0x05FAu << 16)
#define ARMV8M_AIRCR_PRIS         (1u << 14)
#define ARMV8M_AIRCR_BFHFNMINS    (1u << 13)
#define ARMV8M_AIRCR_PRIGROUP     (7u << 8)
#define ARMV8M_AIRCR_SYSRESETREQS (1u << 3)
#define ARMV8M_AIRCR_SYSRESETREQ  (1u << 2)

#define ARMV8M_CCR_DIV_0_TRP (1u << 4)

#define ARMV8M_SHCSR_MEMFAULTENA    (1u << 16)
#define ARMV8M_SHCSR_BUSFAULTENA    (1u << 17)
#define ARMV8M_SHCSR_USGFAULTENA    (1u << 18)
#define ARMV8M_SHCSR_SECUREFAULTENA (1u << 19)

#define ARMV8M_CFSR_IACCVIOL  (1u << 0)
#define ARMV8M_CFSR_DACCVIOL  (1u << 1)
#define ARMV8M_CFSR_MMARVALID (1u << 7)
/* The exception frame may be incomplete: MSTKERR, STKERR, STKOF. */
#define ARMV8M_CFSR_STACKING_ERRORS ((1u << 4) | (1u << 12) | (1u << 20))
#define ARMV8M_CFSR_STKOF           (1u << 20) /* UsageFault: stack limit */
#define ARMV8M_CFSR_BFARVALID       (1u << 15)

/* Security attribution unit. */
#define ARMV8M_SAU_CTRL ARMV8M_REG(0xE000EDD0u)
#define ARMV8M_SAU_TYPE ARMV8M_REG(0xE000EDD4u)
#define ARMV8M_SAU_RNR  ARMV8M_REG(0xE000EDD8u)
#define ARMV8M_SAU_RBAR ARMV8M_REG(0xE000EDDCu)
#define ARMV8M_SAU_RLAR ARMV8M_REG(0xE000EDE0u)
#define ARMV8M_SFSR     ARMV8M_REG(0xE000EDE4u)
#define ARMV8M_SFAR     ARMV8M_REG(0xE000EDE8u)

#define ARMV8M_SAU_CTRL_ENABLE (1u << 0)
#define ARMV8M_SAU_RLAR_ENABLE (1u << 0)
#define ARMV8M_SAU_RLAR_NSC    (1u << 1)
#define ARMV8M_SFSR_SFARVALID  (1u << 6)

#define ARMV8M_CONTROL_NPRIV (1u << 0) /* Thread mode unprivileged */
#define ARMV8M_CONTROL_SPSEL (1u << 1)

/* EXC_RETURN bits. */
#define ARMV8M_EXC_RETURN_SPSEL \
    (1u << 2) /* CONTROL.SPSEL of the handler's state */
#define ARMV8M_EXC_RETURN_MODE (1u << 3) /* 1: Thread mode was interrupted */
#define ARMV8M_EXC_RETURN_DCRS (1u << 5) /* 0: callee registers stacked too */
#define ARMV8M_EXC_RETURN_S    (1u << 6) /* frame on a Secure stack */

#define ARMV8M_EXC_RETURN_ES    (1u << 0) /* 1: taken to Secure state */
#define ARMV8M_EXC_RETURN_FTYPE (1u << 4) /* 1: no FP state stacked */
/* The EXC_RETURN of a return to Non-secure Thread mode from a Secure
 * handler (its SPSEL bit is CONTROL_S.SPSEL's; the frame lies on the NS
 * stack CONTROL_NS.SPSEL names). */
#define ARMV8M_EXC_RETURN_NS_THREAD                                   \
    (0xFFFFFF80u | ARMV8M_EXC_RETURN_DCRS | ARMV8M_EXC_RETURN_FTYPE | \
     ARMV8M_EXC_RETURN_MODE | ARMV8M_EXC_RETURN_ES)

/* The FPU's access and security controls (Armv8-M ARM, "Floating-point
 * support"): arch/armv8m/fp.c. CPACR as seen from Secure state is CPACR_S. */
#define ARMV8M_CPACR           ARMV8M_REG(0xE000ED88u)
#define ARMV8M_CPACR_CP10_CP11 (0xFu << 20) /* full access to the FPU */
#define ARMV8M_NSACR           ARMV8M_REG(0xE000ED8Cu)
#define ARMV8M_NSACR_CP10_CP11 (3u << 10) /* NS may use the FPU */
#define ARMV8M_FPCCR           ARMV8M_REG(0xE000EF34u)
#define ARMV8M_FPCCR_LSPACT    (1u << 0)  /* a lazy FP frame is reserved */
#define ARMV8M_FPCCR_TS        (1u << 26) /* FP registers are Secure state */
#define ARMV8M_FPCCR_CLRONRETS (1u << 27) /* CLRONRET writable by S only */
#define ARMV8M_FPCCR_CLRONRET  (1u << 28) /* clear s0-s15, FPSCR on return */
#define ARMV8M_FPCCR_LSPENS    (1u << 29) /* LSPEN writable by S only */
#define ARMV8M_FPCCR_LSPEN     (1u << 30) /* lazy state preservation */
#define ARMV8M_FPCCR_ASPEN     (1u << 31) /* FP use sets CONTROL.FPCA */

/* Stacked xPSR bits. */
#define ARMV8M_XPSR_T         (1u << 24) /* Thumb state */
#define ARMV8M_XPSR_SPREALIGN (1u << 9)  /* the frame was realigned by 4 */
#define ARMV8M_XPSR_SFPA      (1u << 20) /* CONTROL_S.SFPA of the context */

#define ARMV8M_SHCSR_NS              ARMV8M_REG(0xE002ED24u)
#define ARMV8M_SHCSR_USGFAULTPENDED  (1u << 12)
#define ARMV8M_SHCSR_HARDFAULTPENDED (1u << 21)

/* The special registers the fault code reads: armv8m_read_<reg>(). */
#define ARMV8M_READ_SPECIAL(reg)                   \
    static inline uint32_t armv8m_read_##reg(void) \
    {                                              \
        uint32_t v;                                \
        __asm volatile("mrs %0, " #reg : "=r"(v)); \
        return v;                                  \
    }

ARMV8M_READ_SPECIAL(psp)
ARMV8M_READ_SPECIAL(psplim)
ARMV8M_READ_SPECIAL(msp_ns)
ARMV8M_READ_SPECIAL(psp_ns)
ARMV8M_READ_SPECIAL(control_ns)
ARMV8M_READ_SPECIAL(ipsr)

#endif /* WARDEN_ARMV8M_REGS_H */
