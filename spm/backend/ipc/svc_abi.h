/*
 * The SVC interface of the PSA API (isolation levels 2 and 3): the SVC
 * numbers the partitions' stubs (psa_interface_svc.c, sfn_loop_svc.c,
 * log_svc.c) use and the SVC table (svc_table.c) answers. The PSA API's
 * numbers are the reference's (bit 5 set, the function's index below it),
 * so that a debugger's view of a partition's SVCs reads the same; Warden's
 * own calls for the SFN-model loop lie in 0x10..0x1F; 0x04 is the port's
 * (the end of a call, arch/armv8m/svc.c). Arguments go in r0-r3, a fifth
 * in r12; the result comes back in r0.
 */
#ifndef WARDEN_SPM_SVC_ABI_H
#define WARDEN_SPM_SVC_ABI_H

#define WARDEN_SVC_LOG          0x02 /* (text, length) */
#define WARDEN_SVC_SFN_START    0x10 /* () -> entry_init, or 0 */
#define WARDEN_SVC_SFN_FAILED   0x11 /* () -> does not return */
#define WARDEN_SVC_SFN_NEXT     0x12 /* (handle, status, msg) -> sfn */
#define WARDEN_SVC_VERSION      0x21
#define WARDEN_SVC_CALL         0x22 /* (handle, type, in, out, lens) */
#define WARDEN_SVC_CONNECT      0x23
#define WARDEN_SVC_CLOSE        0x24
#define WARDEN_SVC_WAIT         0x25
#define WARDEN_SVC_GET          0x26
#define WARDEN_SVC_SET_RHANDLE  0x27
#define WARDEN_SVC_READ         0x28
#define WARDEN_SVC_SKIP         0x29
#define WARDEN_SVC_WRITE        0x2A
#define WARDEN_SVC_REPLY        0x2B
#define WARDEN_SVC_NOTIFY       0x2C
#define WARDEN_SVC_CLEAR        0x2D
#define WARDEN_SVC_EOI          0x2E
#define WARDEN_SVC_PANIC        0x2F
#define WARDEN_SVC_LIFECYCLE    0x30
#define WARDEN_SVC_IRQ_ENABLE   0x31
#define WARDEN_SVC_IRQ_DISABLE  0x32
#define WARDEN_SVC_RESET_SIGNAL 0x33
/* MM-IOVEC (psa_interface_svc_mmiovec.c; refused in a build without it) */
#define WARDEN_SVC_MAP_INVEC    0x37
#define WARDEN_SVC_UNMAP_INVEC  0x38
#define WARDEN_SVC_MAP_OUTVEC   0x39
#define WARDEN_SVC_UNMAP_OUTVEC 0x3A
#define WARDEN_SVC_COUNT        0x3B /* numbers below this one */

/* psa_call()'s vector counts in its fifth argument: in_len in bits 15..0,
 * out_len in bits 31..16, each saturated at 0xFFFF (any count above
 * PSA_MAX_IOVEC is refused alike). */
#define WARDEN_SVC_LEN_MAX   0xFFFFu
#define WARDEN_SVC_OUT_SHIFT 16u

/*
 * An SVC with number @p n (a constant) and five arguments; its result.
 * The hardware gives every other register back as it was.
 */
#define WARDEN_SVC(n, a0, a1, a2, a3, a4)                                      \
    __extension__({                                                            \
        register uint32_t r0_ __asm("r0") = (uint32_t)(a0);                    \
        register uint32_t r1_ __asm("r1") = (uint32_t)(a1);                    \
        register uint32_t r2_ __asm("r2") = (uint32_t)(a2);                    \
        register uint32_t r3_ __asm("r3") = (uint32_t)(a3);                    \
        register uint32_t r12_ __asm("r12") = (uint32_t)(a4);                  \
        __asm volatile("svc %[num]"                                            \
                       : "+r"(r0_)                                             \
                       : [num] "i"(n), "r"(r1_), "r"(r2_), "r"(r3_), "r"(r12_) \
                       : "memory");                                            \
        r0_;                                                                   \
    })

#endif /* WARDEN_SPM_SVC_ABI_H */
