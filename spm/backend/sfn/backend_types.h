/* What the SFN backend keeps per partition and per request: nothing;
 * and its backend_current() and backend_client_resolve() (spm/backend.h),
 * inline. */
#ifndef WARDEN_SPM_BACKEND_TYPES_H
#define WARDEN_SPM_BACKEND_TYPES_H

#include <stdbool.h>

#include "psa/error.h"

struct backend_part {
    char unused[0];
};

struct backend_req {
    char unused[0];
};

struct spm_partition;

struct sfn_frame;

/* The backend's state; only spm/backend/sfn/backend_sfn.c writes it. One
 * object, so that a call reaches both fields from one address. */
struct backend_sfn {
    struct spm_partition *current; /* the partition running now */
    struct sfn_frame *frames;      /* the secure functions in progress */
};

extern struct backend_sfn backend_sfn;

/* spm/backend.h's backend_current(). */
static inline struct spm_partition *backend_current(void)
{
    return backend_sfn.current;
}

/* spm/backend.h's backend_client_resolve(): a reply always comes at once. */
static inline psa_status_t backend_client_resolve(struct spm_partition *caller,
                                                  psa_status_t status)
{
    (void)caller;
    return status;
}

/* spm/backend.h's backend_req_taken(): a secure function is called with
 * its request, which no queue ever holds. */
static inline bool backend_req_taken(const struct backend_req *be)
{
    (void)be;
    return true;
}

#endif /* WARDEN_SPM_BACKEND_TYPES_H */
