/*
 * What FP_A and FP_B share (tests/partitions/fp): the record of their
 * first failure and the dispatch of their service. Each includes it once,
 * with its own counts (at isolation level 3 neither may run the other's
 * code).
 */
#ifndef WARDEN_TESTS_FP_SERVE_H
#define WARDEN_TESTS_FP_SERVE_H

#include <stdint.h>

#include "psa/service.h"
#include "tests/fp/fp_hold.h"
#include "tests/partitions/fp/fp_test.h"

/* Records in @p counts the first failure (@p code; register @p reg of
 * @p got, which should have held @p want) and returns @p code. */
static inline psa_status_t fp_fail(struct fp_counts *counts, psa_status_t code,
                                   const uint32_t got[FP_WORDS], uint32_t reg,
                                   uint32_t want)
{
    if (counts->failures == 0u) {
        counts->first_code = (uint32_t)code;
        counts->bad_reg = reg;
        counts->bad_got = reg < FP_WORDS ? got[reg] : 0u;
        counts->bad_want = want;
    }
    return code;
}

/* The service: FP_OP_RUN runs @p run once and counts it, FP_OP_COUNTS
 * writes @p counts out. */
static inline psa_status_t fp_serve(const psa_msg_t *msg,
                                    struct fp_counts *counts,
                                    psa_status_t (*run)(void))
{
    psa_status_t status;

    switch (msg->type) {
    case FP_OP_RUN:
        status = run();
        counts->runs++;
        counts->failures += (status != PSA_SUCCESS) ? 1u : 0u;
        return status;
    case FP_OP_COUNTS:
        if (msg->out_size[0] < sizeof(*counts)) {
            return PSA_ERROR_INVALID_ARGUMENT;
        }
        psa_write(msg->handle, 0, counts, sizeof(*counts));
        return PSA_SUCCESS;
    default:
        return PSA_ERROR_NOT_SUPPORTED;
    }
}

#endif /* WARDEN_TESTS_FP_SERVE_H */
