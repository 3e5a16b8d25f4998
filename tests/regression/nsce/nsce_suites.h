/*
 * The NSCE regression image (warden_ns_nsce): NSCE's misuse matrix, the
 * CMSIS TZ shim and the known-client API from NS Handler mode, then tasks
 * of the NS kernel calling services as different NS clients. Built for
 * every configuration; the suites run depend on TFM_NS_MANAGE_NSID.
 */
#ifndef WARDEN_NSCE_SUITES_H
#define WARDEN_NSCE_SUITES_H

#include <stdbool.h>
#include <stdint.h>

#include "psa/client.h"
#include "tests/regression/framework/test_framework.h"

/* The calls the wrappers below make. */
enum nsce_op {
    OP_INIT,
    OP_ACQUIRE,
    OP_RELEASE,
    OP_LOAD,
    OP_SAVE,
    OP_REGISTER,
    OP_TZ_INIT,
    OP_TZ_ALLOC,
    OP_TZ_FREE,
    OP_TZ_LOAD,
    OP_TZ_STORE,
};

/* NSCE calls made in NS Handler mode (the NS kernel's SVC). */
uint32_t h_init(uint32_t ctx_requested);
uint32_t h_acquire(uint8_t group_id, uint8_t thread_id);
uint32_t h_release(uint32_t token);
uint32_t h_load(uint32_t token, int32_t nsid);
uint32_t h_save(uint32_t token);
int32_t h_register(int32_t nsid);

/* The CMSIS TZ API from NS Handler mode. */

/* Module IDs of the TZ shim's tests, and the module table of the image
 * (nsce_module_table.c). Module 1, what RTX threads usually pass, is not
 * listed: its contexts get automatic NSIDs. */
#define TZ_TEST_MODULE_RTX            1u
#define TZ_TEST_MODULE_A              5u
#define TZ_TEST_NSID_A                (-20)
#define TZ_TEST_MODULE_B              6u
#define TZ_TEST_NSID_B                (-21)
#define TZ_TEST_MODULE_UNTRANSLATABLE 7u /* listed with NSID -70000 */
#define TZ_TEST_MODULE_AUTO_NSID      8u /* listed with NSID_AUTO(2) */

uint32_t h_tz_init(void);
uint32_t h_tz_alloc(uint32_t module);
uint32_t h_tz_free(uint32_t id);
uint32_t h_tz_load(uint32_t id);
uint32_t h_tz_store(uint32_t id);

/*
 * NS Thread mode's privilege (CONTROL.nPRIV on Armv8-M, nsce_priv_an505.c;
 * the hosted port's simulated one on the host, nsce_priv_host.c): true if
 * Thread mode is now as asked. The AN505 takes it back in Handler mode
 * (the NS kernel's SVC), the only way up. Print nothing while
 * unprivileged: the console's UART is for privileged code only.
 */
bool ns_thread_set_privileged(bool privileged);

/* What in_thread() returns when it could not set the privilege asked. */
#define THREAD_PRIVILEGE_UNSET 0xDEAD0000u

/**
 * Makes call @p op (arguments @p a, @p b as for the h_ wrappers) from NS
 * Thread mode, @p privileged or not, and returns its result; Thread mode
 * is privileged again afterwards.
 */
uint32_t in_thread(bool privileged, enum nsce_op op, uint32_t a, uint32_t b);

#define PRIV   true
#define UNPRIV false

/** The client ID a service sees for a call made now (TEST_TYPE_CLIENT_ID);
 *  returns the call's status. */
psa_status_t who_am_i(int32_t *client_id);

/** The client ID services see for NSID @p nsid. */
int32_t client_id_of(int32_t nsid);

/** CLIENT_TALLY's count of NSID @p nsid's calls; 0xFFFFFFFF if it failed. */
uint32_t tally_count(int32_t nsid);

/** True if a call made now reaches services as NSID @p nsid. */
int calls_are(int32_t nsid);

/* Suites run before the NS kernel starts (Thread mode, main's stack). */
void nsce_suite_matrix(struct tf_totals *totals);
void nsce_suite_tz_shim(struct tf_totals *totals);
void nsce_suite_privilege(struct tf_totals *totals);
void nsce_suite_off(struct tf_totals *totals);

/* The suite of kernel tasks: run by the runner task, at priority
 * NSCE_RUNNER_PRIO. */
#define NSCE_RUNNER_PRIO 6u
void nsce_suite_kernel(struct tf_totals *totals);

#endif /* WARDEN_NSCE_SUITES_H */
