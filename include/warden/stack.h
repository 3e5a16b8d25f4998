/*
 * What a partition's stack (its manifest's stack_size) must hold besides
 * the partition's own frames, per backend: the one definition the manifest
 * tool (tools/manifest/wm_stack.py reads the numbers here), the generated
 * load information and the IPC backend's boot check share.
 *
 * Measured on Armv8-M (GCC 12, -Os, the frames of the functions named, from
 * the disassembly), without floating point: a partition that uses the FPU
 * has bigger exception frames, about 256 B more under the IPC backend
 * (docs/floating_point.md). A 64-bit host needs more and gets it
 * (arch/host/thread_host.c gives every thread a big stack of its own).
 */
#ifndef WARDEN_STACK_H
#define WARDEN_STACK_H

/*
 * IPC backend: every partition runs in a thread on its own stack. Under the
 * thread's first instruction lie the stack seal (8 B) and, once it waits,
 * the SPM's path into a psa_wait() (an SFN-model partition's service loop,
 * the deepest: ipc_sfn_thread_main() 64 B with its psa_msg_t,
 * ipc_sfn_take() 40 B, psa_wait() 16 B, ipc_cross() 16 B) and a thread
 * switch's frames (the hardware frame 32 B and the software frame 40 B):
 * 216 B. The minimum leaves 40 B for the partition's first frame.
 */
#define WARDEN_STACK_MIN_IPC 256u

/*
 * SFN backend: a secure function runs on its caller's stack; stack_size is
 * what the partition's functions need there. The least a function needs is
 * its first frame (callee-saved registers and LR: 32 B) and an interrupt's
 * hardware frame taken while it runs (32 B).
 */
#define WARDEN_STACK_MIN_SFN 64u

/*
 * A partition that calls services (its manifest's dependencies) holds the
 * request on the stack its call runs on (struct spm_req: 140 B under IPC,
 * 132 B under SFN, static_asserted where it is declared):
 *  - IPC backend, isolation level 1: psa_call() 32 B, client_call() 160 B
 *    (the request in it), ipc_cross() 16 B and, while it waits for the
 *    reply, a switch's frames 72 B: 280 B, with the seal 288 B; an
 *    SFN-model partition's call is made from its service loop, 64 B more.
 *  - IPC backend, levels 2 and 3: the request lies on the thread's SVC
 *    stack; the partition's holds the SVC's hardware frame only (within
 *    the minimum).
 *  - SFN backend: psa_call() 160 B (the request in it), spm_call() 64 B,
 *    backend_messaging() 80 B: 304 B, and then the called partition's
 *    function runs on the same stack (its stack_size).
 */
#define WARDEN_STACK_CALL_IPC_L1 288u
#define WARDEN_STACK_SFN_LOOP    64u
#define WARDEN_STACK_CALL_SFN    304u

/* The largest request (struct spm_req) the figures above hold, on a
 * 32-bit target. */
#define WARDEN_STACK_REQ_IPC 140u
#define WARDEN_STACK_REQ_SFN 132u

#endif /* WARDEN_STACK_H */
