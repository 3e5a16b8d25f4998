/*
 * The request types of the test services (WARDEN_SP_TEST), shared by the
 * regression suites of both worlds.
 */
#ifndef WARDEN_TEST_SERVICE_H
#define WARDEN_TEST_SERVICE_H

/* Copies invec i to outvec i for every i; returns the bytes copied. */
#define TEST_TYPE_ECHO 0
/* Writes msg->client_id (int32_t) to outvec 0. */
#define TEST_TYPE_CLIENT_ID 1
/* Returns how many calls this connection made (counted through rhandle). */
#define TEST_TYPE_RHANDLE 2
/* Writes in_size[4] and out_size[4] (uint32_t each) to outvec 0. */
#define TEST_TYPE_SIZES 3
/* Reads invec 0 three bytes at a time after skipping two; echoes that. */
#define TEST_TYPE_CHUNKS 4
/* Returns the int32_t status found in invec 0. */
#define TEST_TYPE_STATUS 5
/* Returns 1 if entry_init ran before the first request, else 0. */
#define TEST_TYPE_INIT_RAN 6
/* Writes rhandle != NULL (uint32_t 0/1) to outvec 0. */
#define TEST_TYPE_HAS_RHANDLE 7
/* Returns psa_rot_lifecycle_state(). */
#define TEST_TYPE_LIFECYCLE 8
/* Writes the addresses (uintptr_t each) of a string literal, an initialised
 * global and a bss buffer of the secure side's to outvec 0. */
#define TEST_TYPE_SECURE_ADDRESSES 9

#endif /* WARDEN_TEST_SERVICE_H */
