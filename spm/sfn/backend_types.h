/* What the SFN backend keeps per partition and per connection: nothing;
 * and its backend_current() (spm/backend.h), inline. */
#ifndef WARDEN_SPM_BACKEND_TYPES_H
#define WARDEN_SPM_BACKEND_TYPES_H

struct backend_part {
    char unused[0];
};

struct backend_conn {
    char unused[0];
};

struct spm_partition;

/* The partition running now; only spm/backend_sfn.c writes it. */
extern struct spm_partition *backend_sfn_current;

/* spm/backend.h's backend_current(). */
static inline struct spm_partition *backend_current(void)
{
    return backend_sfn_current;
}

#endif /* WARDEN_SPM_BACKEND_TYPES_H */
