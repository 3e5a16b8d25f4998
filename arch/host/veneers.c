/*
 * The veneers on the host: the same entry points as the secure image's
 * Non-secure-callable ones, the rows of include/warden/ns_abi.h. Each calls
 * its body on the secure stack (host_secure_call()) with its arguments as
 * the register words they travel in on Armv8-M, and returns the body's
 * result. Nothing here refuses a call: both worlds run one at a time, so
 * the gate of arch/armv8m/veneers.c has nothing to see (a CONSTANT row
 * calls its body, which returns the same value).
 *
 * NSCE and the known-client API: the hosted NS side says whether it stands
 * for a handler (host_ns_handler_enter()); the secure side asks the arch.
 */
#include "arch/host/host_ns.h"
#include "spm/ns_agent.h"
#include "spm/ns_completion.h"
#include "spm/nsce/nsce.h"
#include "tfm_api.h"
#include "tfm_ns_client_ext.h"
#include "tfm_veneers.h"
#include "warden/ns_abi.h"

/* An entry's arguments and result, as they cross to the secure stack. */
struct host_ns_frame {
    uintptr_t w[4];
    uint32_t result;
};

/* The body called with the first @p n words: BODY_CALL(f, 2, w) is
 * f(w[0], w[1]). */
#define BODY_CALL(body, n, w)  BODY_CALL_(body, n, w)
#define BODY_CALL_(body, n, w) BODY_CALL_##n(body, w)
#define BODY_CALL_0(body, w)   body()
#define BODY_CALL_1(body, w)   body((w)[0])
#define BODY_CALL_2(body, w)   body((w)[0], (w)[1])
#define BODY_CALL_3(body, w)   body((w)[0], (w)[1], (w)[2])
#define BODY_CALL_4(body, w)   body((w)[0], (w)[1], (w)[2], (w)[3])

/* A row: its body on the secure stack, and the entry that gets it there. */
#define HOST_ENTRY(name, ret, args, body, runs, fixed, word, client)     \
    static void name##_secure(void *arg)                                 \
    {                                                                    \
        struct host_ns_frame *f = arg;                                   \
                                                                         \
        f->result = (uint32_t)BODY_CALL(body, NS_ABI_COUNT(args), f->w); \
    }                                                                    \
                                                                         \
    ret name NS_ABI_PARAMS(args)                                         \
    {                                                                    \
        struct host_ns_frame f = { .w = { NS_ABI_WORDS(args) } };        \
                                                                         \
        host_secure_call(name##_secure, &f);                             \
        return (ret)f.result;                                            \
    }

WARDEN_NS_ABI(HOST_ENTRY)
