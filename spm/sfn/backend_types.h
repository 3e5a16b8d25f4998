/* What the SFN backend keeps per partition and per connection: nothing. */
#ifndef WARDEN_SPM_BACKEND_TYPES_H
#define WARDEN_SPM_BACKEND_TYPES_H

struct backend_part {
    char unused[0];
};

struct backend_conn {
    char unused[0];
};

#endif /* WARDEN_SPM_BACKEND_TYPES_H */
