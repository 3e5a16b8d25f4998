/*
 * The requests of WARDEN_SP_CLIENT_STORE's services, shared with the NS
 * tests. Both key everything by msg->client_id, so one NS client cannot
 * see or change another's entries or counts.
 */
#ifndef WARDEN_CLIENT_STORE_H
#define WARDEN_CLIENT_STORE_H

#include <stdint.h>

/* CLIENT_STORE. The caller names an entry by a uid (uint32_t, invec 0);
 * the entry is the pair (caller's client ID, uid). */
#define STORE_DATA_MAX 32u /* bytes of one entry */
#define STORE_ENTRIES  8u  /* entries, all clients together */

/* invec 1: 1..STORE_DATA_MAX bytes. Creates or replaces the entry.
 * PSA_ERROR_INVALID_ARGUMENT for a bad size, PSA_ERROR_INSUFFICIENT_STORAGE
 * when every entry is in use. */
#define STORE_TYPE_SET 1
/* outvec 0: the data (its length comes back in out_vec[0].len).
 * PSA_ERROR_DOES_NOT_EXIST if the caller has no such entry,
 * PSA_ERROR_BUFFER_TOO_SMALL if outvec 0 cannot hold it. */
#define STORE_TYPE_GET 2
/* PSA_ERROR_DOES_NOT_EXIST if the caller has no such entry. */
#define STORE_TYPE_REMOVE 3

/* CLIENT_TALLY. */
#define TALLY_CLIENTS 16u /* distinct client IDs counted */

/* invec 0 (optional): uint32_t, loop iterations to spend in the service
 * first (a longer secure call), at most TALLY_SPIN_MAX. outvec 0: struct
 * tally_reply, the caller's client ID and its count after this call.
 * PSA_ERROR_INVALID_ARGUMENT for a bad invec 0, PSA_ERROR_BUFFER_TOO_SMALL
 * for a short outvec 0, PSA_ERROR_INSUFFICIENT_STORAGE when TALLY_CLIENTS
 * other clients are counted already. */
#define TALLY_TYPE_BUMP 1
#define TALLY_SPIN_MAX  5000000u
/* invec 0: int32_t client ID. Returns that client's count (>= 0). */
#define TALLY_TYPE_COUNT 2
/* Forgets every count. Returns PSA_SUCCESS. */
#define TALLY_TYPE_RESET 3
/* TALLY_TYPE_BUMP, and invec 1 (at most TALLY_ECHO_MAX bytes) comes back
 * in outvec 1 (at least as long), read after the spin: the concurrent
 * calls' check (tests/regression/nsce/concurrent_main.c). Returns the
 * bytes echoed, or the errors of TALLY_TYPE_BUMP;
 * PSA_ERROR_INVALID_ARGUMENT for a longer invec 1, and
 * PSA_ERROR_BUFFER_TOO_SMALL for a shorter outvec 1. */
#define TALLY_TYPE_ECHO 4
#define TALLY_ECHO_MAX  64u

struct tally_reply {
    int32_t client_id;
    uint32_t count;
};

#endif /* WARDEN_CLIENT_STORE_H */
