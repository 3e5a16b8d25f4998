/* See bench_vectors.h. */
#include "bench_vectors.h"

#include <string.h>

#include "bench_service.h"

/* BENCH_VECTOR_ALIGN: bench_vectors.h. */
static uint8_t in_data[2][BENCH_ECHO_MAX]
    __attribute__((aligned(BENCH_VECTOR_ALIGN)));
static uint8_t out_data[2][BENCH_ECHO_MAX]
    __attribute__((aligned(BENCH_VECTOR_ALIGN)));

psa_invec bench_in16[1] = { { in_data[0], 16 } };
psa_outvec bench_out16[1] = { { out_data[0], 16 } };
psa_invec bench_in256[2] = { { in_data[0], BENCH_ECHO_MAX },
                             { in_data[1], BENCH_ECHO_MAX } };
psa_outvec bench_out256[2] = { { out_data[0], BENCH_ECHO_MAX },
                               { out_data[1], BENCH_ECHO_MAX } };

void bench_vectors_reset(void)
{
    for (size_t i = 0; i < sizeof(in_data); i++) {
        in_data[i / BENCH_ECHO_MAX][i % BENCH_ECHO_MAX] =
            (uint8_t)(i * 7u + 1u);
    }
    memset(out_data, 0, sizeof(out_data));
    bench_out16[0].len = 16;
    bench_out256[0].len = BENCH_ECHO_MAX;
    bench_out256[1].len = BENCH_ECHO_MAX;
}

static bool echoed(int32_t ret, const psa_outvec *out, size_t n)
{
    if (ret != PSA_SUCCESS) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (out[i].len != (i == 0 && n == 1 ? 16u : BENCH_ECHO_MAX) ||
            memcmp(out_data[i], in_data[i], out[i].len) != 0) {
            return false;
        }
    }
    return true;
}

bool bench_echoed16(int32_t ret)
{
    return echoed(ret, bench_out16, 1);
}

bool bench_echoed256(int32_t ret)
{
    return echoed(ret, bench_out256, 2);
}
