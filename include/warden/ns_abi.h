/*
 * The Non-secure ABI of the secure image: every entry point NS code can
 * call, one row each. Everything that used to be written by hand per entry
 * is made from these rows:
 *  - include/tfm_veneers.h declares the VIA(...) rows (the NSCE and
 *    known-client rows keep their documented declarations in
 *    tfm_ns_client_ext.h and tfm_api.h; tests/unit/test_ns_abi.c checks
 *    that every row matches its declaration);
 *  - arch/armv8m/veneers.c emits each row's assembly entry (gate, body,
 *    refusal) in the order of the rows;
 *  - arch/host/veneers.c defines each row as a call of its body on the
 *    secure stack;
 *  - ns/host_ns_names.h renames each VIA(...) row's NS client function on
 *    the host, where both worlds share one program, and
 *    tools/check_ns_boundary.py fails the host build when an NS object
 *    reaches a secure symbol that is not a row (a name the renames missed).
 *
 * An X-macro rather than a table a script turns into C: the rows are read
 * by the C compiler, the assembler and the host build alike, each of them
 * checks its use of a row at once (a wrong type or a missing body is a
 * compile error where it is used), and nothing generated has to be found
 * under build/ to read a declaration.
 *
 * Adding an entry point: one row here, the body in spm/ (declared in
 * spm/ns_agent.h or spm/nsce/nsce.h), and, for an entry NS code calls by
 * its own name (DIRECT), its documented declaration in the public header
 * the reference puts it in.
 *
 * A row: X(name, ret, args, body, runs, fixed, word, client)
 *  name   the entry's symbol (with __acle_se_name on Armv8-M).
 *  ret    its return type: a 32-bit value, returned in r0.
 *  args   NS_ARGS0() ... NS_ARGS4(type, name, ...): at most four, the
 *         argument registers r0-r3; the gate leaves them as they came, so
 *         nothing of the call is ever read from the caller's stack.
 *  body   the spm/ function the entry calls with the same arguments,
 *         register for register; it takes NS pointers as plain integers.
 *  runs   GATED: the body runs if the secure stack the call arrived on is
 *                free (arch/armv8m/veneers.c), else the entry returns fixed;
 *         MASKED: the same, the body with every maskable exception masked
 *                (PRIMASK), for the calls an NS handler makes;
 *         CONSTANT: the entry returns fixed and touches no stack (on the
 *                host it calls the body, which returns the same).
 *  fixed  what the entry returns without running its body: when refused
 *         (GATED, MASKED) or always (CONSTANT), as the reference names it.
 *  word   the same value as a literal the assembler takes (a negative
 *         number for a value with the top bit set); checked equal to fixed.
 *  client VIA(f): the psa/client.h function f the NS client library
 *         (ns/psa_api_ns.c) builds on the entry; declared in tfm_veneers.h.
 *         DIRECT: NS code calls the entry by its own name.
 */
#ifndef WARDEN_NS_ABI_H
#define WARDEN_NS_ABI_H

#include <stdint.h>

#include "psa/client.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "warden_ns_completion.h"

/* clang-format off */
#define WARDEN_NS_ABI(X)                                                      \
    X(tfm_psa_framework_version_veneer, uint32_t, NS_ARGS0(),                 \
      spm_ns_framework_version, CONSTANT, PSA_FRAMEWORK_VERSION, 0x0101,      \
      VIA(psa_framework_version))                                             \
    X(tfm_psa_version_veneer, uint32_t, NS_ARGS1(uint32_t, sid),              \
      spm_ns_version, GATED, PSA_VERSION_NONE, 0, VIA(psa_version))           \
    X(tfm_psa_connect_veneer, psa_handle_t,                                   \
      NS_ARGS2(uint32_t, sid, uint32_t, version),                             \
      spm_ns_connect, GATED, PSA_ERROR_CONNECTION_BUSY, -131,                 \
      VIA(psa_connect))                                                       \
    X(tfm_psa_call_veneer, psa_status_t,                                      \
      NS_ARGS4(psa_handle_t, handle, uint32_t, ctrl_param,                    \
               const psa_invec *, in_vec, psa_outvec *, out_vec),             \
      spm_ns_call, GATED, PSA_ERROR_CONNECTION_BUSY, -131, VIA(psa_call))     \
    X(tfm_psa_close_veneer, psa_status_t, NS_ARGS1(psa_handle_t, handle),     \
      spm_ns_close, GATED, PSA_ERROR_CONNECTION_BUSY, -131, VIA(psa_close))   \
    X(tfm_nsce_init, uint32_t, NS_ARGS1(uint32_t, ctx_requested),             \
      spm_nsce_init, MASKED, 0u, 0, DIRECT)                                   \
    X(tfm_nsce_acquire_ctx, uint32_t,                                         \
      NS_ARGS2(uint8_t, group_id, uint8_t, thread_id),                        \
      spm_nsce_acquire, MASKED, TFM_NS_CLIENT_INVALID_TOKEN, -1, DIRECT)      \
    X(tfm_nsce_release_ctx, uint32_t, NS_ARGS1(uint32_t, token),              \
      spm_nsce_release, MASKED, TFM_NS_CLIENT_ERR_INVALID_ACCESS, 3, DIRECT)  \
    X(tfm_nsce_load_ctx, uint32_t,                                            \
      NS_ARGS2(uint32_t, token, int32_t, nsid),                               \
      spm_nsce_load, MASKED, TFM_NS_CLIENT_ERR_INVALID_ACCESS, 3, DIRECT)     \
    X(tfm_nsce_save_ctx, uint32_t, NS_ARGS1(uint32_t, token),                 \
      spm_nsce_save, MASKED, TFM_NS_CLIENT_ERR_INVALID_ACCESS, 3, DIRECT)     \
    X(warden_nsce_load_ctx_priority, uint32_t,                                \
      NS_ARGS3(uint32_t, token, int32_t, nsid, uint32_t, priority),           \
      spm_nsce_load_priority, MASKED, TFM_NS_CLIENT_ERR_INVALID_ACCESS, 3,    \
      DIRECT)                                                                 \
    X(tfm_register_client_id, enum tfm_status_e,                              \
      NS_ARGS1(int32_t, ns_client_id),                                        \
      spm_nsce_register_client_id, MASKED, TFM_ERROR_NS_THREAD_MODE_CALL, 5,  \
      DIRECT)                                                                 \
    X(warden_ns_completion_enable, uint32_t, NS_ARGS1(uint32_t, on),          \
      spm_ns_completion_enable, MASKED, TFM_NS_CLIENT_ERR_INVALID_ACCESS, 3,  \
      DIRECT)                                                                 \
    X(warden_ns_completion_take, uint32_t, NS_ARGS0(),                        \
      spm_ns_completion_take, MASKED, 0u, 0, DIRECT)                          \
    X(warden_ns_completion_finish, psa_status_t, NS_ARGS0(),                  \
      spm_ns_completion_finish, GATED, PSA_ERROR_CONNECTION_BUSY, -131,       \
      DIRECT)
/* clang-format on */

/*
 * An argument list, as a tuple the macros below take apart: the parameter
 * list, the parameter types, each argument as the register word it travels
 * in, and the count.
 */
#define NS_ARGS0()       ((void), (void), (0u), 0)
#define NS_ARGS1(t0, n0) ((t0 n0), (t0), (NS_ABI_WORD(n0)), 1)
#define NS_ARGS2(t0, n0, t1, n1) \
    ((t0 n0, t1 n1), (t0, t1), (NS_ABI_WORD(n0), NS_ABI_WORD(n1)), 2)
#define NS_ARGS3(t0, n0, t1, n1, t2, n2)  \
    ((t0 n0, t1 n1, t2 n2), (t0, t1, t2), \
     (NS_ABI_WORD(n0), NS_ABI_WORD(n1), NS_ABI_WORD(n2)), 3)
#define NS_ARGS4(t0, n0, t1, n1, t2, n2, t3, n3)     \
    ((t0 n0, t1 n1, t2 n2, t3 n3), (t0, t1, t2, t3), \
     (NS_ABI_WORD(n0), NS_ABI_WORD(n1), NS_ABI_WORD(n2), NS_ABI_WORD(n3)), 4)
#define NS_ABI_WORD(arg) ((uintptr_t)(arg))

/*
 * The parts of an argument list: NS_ABI_PARAMS(args) is "(uint32_t sid)",
 * NS_ABI_TYPES(args) "(uint32_t)", NS_ABI_WORDS(args) the elements of an
 * initialiser of an array of uintptr_t, "((uintptr_t)(sid))",
 * NS_ABI_COUNT(args) "1".
 */
#define NS_ABI_PARAMS(args)      NS_ABI_PART0 args
#define NS_ABI_TYPES(args)       NS_ABI_PART1 args
#define NS_ABI_WORDS(args)       NS_ABI_BARE(NS_ABI_PART2 args)
#define NS_ABI_COUNT(args)       NS_ABI_PART3 args
#define NS_ABI_PART0(p, t, w, n) p
#define NS_ABI_PART1(p, t, w, n) t
#define NS_ABI_PART2(p, t, w, n) w
#define NS_ABI_PART3(p, t, w, n) n
#define NS_ABI_BARE(list)        NS_ABI_BARE_ list
#define NS_ABI_BARE_(...)        __VA_ARGS__

/* The declaration of an entry: "uint32_t tfm_psa_version_veneer(...);". */
#define NS_ABI_DECLARE(name, ret, args) ret name NS_ABI_PARAMS(args);

#endif /* WARDEN_NS_ABI_H */
