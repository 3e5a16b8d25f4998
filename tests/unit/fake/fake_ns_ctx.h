/* The recorded NS-context operations of fake_ns_ctx.c. */
#ifndef WARDEN_UNIT_FAKE_NS_CTX_H
#define WARDEN_UNIT_FAKE_NS_CTX_H

#include <stdint.h>

#include "spm/backend.h"

struct fake_ns_ctx_calls {
    unsigned loads;    /* backend_ns_ctx_load() calls */
    uint32_t loaded;   /* the context of the last one */
    unsigned releases; /* backend_ns_ctx_release() calls */
    uint32_t released; /* the context of the last one */
    uint32_t prio_ctx; /* backend_ns_ctx_priority()'s last context */
    uint32_t priority; /* and the priority it told */
};

extern struct fake_ns_ctx_calls fake_ns_ctx;

/** Forgets the calls; gives the NS agents their client indices. */
void fake_ns_ctx_reset(void);

#endif /* WARDEN_UNIT_FAKE_NS_CTX_H */
