/*
 * What the MM-IOVEC regression service (mmiovec_server.c) does for each
 * request type, and what its NS suite (tests/regression/ns/ns_mmiovec.c)
 * expects.
 */
#ifndef WARDEN_MMIOVEC_TEST_H
#define WARDEN_MMIOVEC_TEST_H

/* Maps invec 0 and outvec 0, copies the first into the second in place,
 * unmaps both (the outvec with the bytes copied); replies with them. */
#define MMIOVEC_TYPE_COPY 1
/* Maps outvec 0, writes MMIOVEC_KEPT into it and replies without unmapping
 * (and invec 0 too): the SPM releases both, the outvec with 0 bytes. */
#define MMIOVEC_TYPE_KEEP 2
/* Maps outvec 0, fills it with 0x5A, unmaps it with half its size. */
#define MMIOVEC_TYPE_HALF 3
/* Each vector its own way: invec 0 mapped, invec 1 read, outvec 0
 * written with psa_write(), outvec 1 mapped; both outvecs get the
 * concatenation of the invecs, each up to its size. */
#define MMIOVEC_TYPE_MIXED 4

#define MMIOVEC_KEPT "kept"

#endif /* WARDEN_MMIOVEC_TEST_H */
