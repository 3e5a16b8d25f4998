/*
 * The NSCE regression image (warden_ns_nsce): NSCE's misuse matrix, the
 * CMSIS TZ shim and the known-client API from NS Handler mode, then tasks
 * of the NS kernel calling services as different NS clients. Built for
 * every configuration; the suites run depend on TFM_NS_MANAGE_NSID.
 */
#ifndef WARDEN_NSCE_SUITES_H
#define WARDEN_NSCE_SUITES_H

#include <stdint.h>

#include "psa/client.h"
#include "tests/regression/framework/test_framework.h"

/* NSCE calls made in NS Handler mode (the NS kernel's SVC). */
uint32_t h_init(uint32_t ctx_requested);
uint32_t h_acquire(uint8_t group_id, uint8_t thread_id);
uint32_t h_release(uint32_t token);
uint32_t h_load(uint32_t token, int32_t nsid);
uint32_t h_save(uint32_t token);
int32_t h_register(int32_t nsid);

/* The CMSIS TZ API from NS Handler mode. */
uint32_t h_tz_init(void);
uint32_t h_tz_alloc(uint32_t module);
uint32_t h_tz_free(uint32_t id);
uint32_t h_tz_load(uint32_t id);
uint32_t h_tz_store(uint32_t id);

/** The client ID a service sees for a call made now (TEST_TYPE_CLIENT_ID);
 *  returns the call's status. */
psa_status_t who_am_i(int32_t *client_id);

/** The client ID services see for NSID @p nsid. */
int32_t client_id_of(int32_t nsid);

/** True if a call made now reaches services as NSID @p nsid. */
int calls_are(int32_t nsid);

/* Suites run before the NS kernel starts (Thread mode, main's stack). */
void nsce_suite_matrix(struct tf_totals *totals);
void nsce_suite_tz_shim(struct tf_totals *totals);
void nsce_suite_off(struct tf_totals *totals);

/* The suite of kernel tasks: run by the runner task, at priority
 * NSCE_RUNNER_PRIO. */
#define NSCE_RUNNER_PRIO 6u
void nsce_suite_kernel(struct tf_totals *totals);

#endif /* WARDEN_NSCE_SUITES_H */
