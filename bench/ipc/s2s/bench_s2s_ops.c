/*
 * The operations of the benchmark from one secure partition to another:
 * those of bench/ns/bench_ops.c (but the bare veneer and NSCE), each a
 * call of the secure client API with its arguments, so that a figure is
 * the argument set-up, the call and everything the SPM and the service do
 * until the call returns to this partition.
 */
#include "bench_s2s_ops.h"

#include "bench_vectors.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"

/* ---- Framework and version ------------------------------------------------*/

static int32_t s2s_framework_version(void)
{
    return (int32_t)psa_framework_version();
}

static bool is_framework_version(int32_t ret)
{
    return ret == (int32_t)PSA_FRAMEWORK_VERSION;
}

static int32_t s2s_version(void)
{
    return (int32_t)psa_version(BENCH_NOP_SID);
}

static bool is_nop_version(int32_t ret)
{
    return ret == (int32_t)BENCH_NOP_VERSION;
}

/* ---- Connect and close -------------------------------------------------- */

static psa_handle_t handle;

static int32_t s2s_connect(void)
{
    return psa_connect(BENCH_NOP_CONN_SID, BENCH_NOP_CONN_VERSION);
}

static bool connected(int32_t ret)
{
    handle = ret;
    return PSA_HANDLE_IS_VALID(ret);
}

static void close_handle(void)
{
    psa_close(handle);
}

static void connect_nop(void)
{
    handle = psa_connect(BENCH_NOP_CONN_SID, BENCH_NOP_CONN_VERSION);
}

/* psa_close() returns nothing: a close the SPM refuses (an invalid handle)
 * stops this partition instead (FF-M programmer error), and the NS driver
 * then finds BENCH_S2S gone and fails the run. */
static int32_t s2s_close(void)
{
    psa_close(handle);
    return PSA_SUCCESS;
}

/* connect_nop() before each close: check its handle too. */
static bool closed(int32_t ret)
{
    return ret == PSA_SUCCESS && PSA_HANDLE_IS_VALID(handle);
}

/* ---- Calls ---------------------------------------------------------------*/

static enum bench_setup opened(psa_handle_t h)
{
    handle = h;
    return PSA_HANDLE_IS_VALID(h) ? BENCH_READY : BENCH_BROKEN;
}

static enum bench_setup open_nop(void)
{
    return opened(psa_connect(BENCH_NOP_CONN_SID, BENCH_NOP_CONN_VERSION));
}

static enum bench_setup open_echo(void)
{
    return opened(psa_connect(BENCH_ECHO_CONN_SID, BENCH_ECHO_CONN_VERSION));
}

static int32_t s2s_nop_stateless(void)
{
    return psa_call(BENCH_NOP_HANDLE, PSA_IPC_CALL, NULL, 0, NULL, 0);
}

static int32_t s2s_nop_conn(void)
{
    return psa_call(handle, PSA_IPC_CALL, NULL, 0, NULL, 0);
}

static int32_t s2s_echo16_stateless(void)
{
    return psa_call(BENCH_ECHO_HANDLE, PSA_IPC_CALL, bench_in16, 1, bench_out16,
                    1);
}

static int32_t s2s_echo16_conn(void)
{
    return psa_call(handle, PSA_IPC_CALL, bench_in16, 1, bench_out16, 1);
}

static int32_t s2s_echo256_stateless(void)
{
    return psa_call(BENCH_ECHO_HANDLE, PSA_IPC_CALL, bench_in256, 2,
                    bench_out256, 2);
}

static int32_t s2s_echo256_conn(void)
{
    return psa_call(handle, PSA_IPC_CALL, bench_in256, 2, bench_out256, 2);
}

/* ---- The table -----------------------------------------------------------*/

/* Every op but the overhead is measured against the overhead of this
 * harness, not the NS driver's. */
#define S2S(k, l, r, c)                                                  \
    .key = "s2s_" k, .label = "S\u2192S " l, .baseline = "s2s_overhead", \
    .run = (r), .check = (c)

const struct bench_op bench_s2s_ops[] = {
    { .key = "s2s_overhead",
      .label = "S\u2192S harness (subtracted)",
      .run = bench_op_nothing,
      .check = bench_any_result },
    { S2S("calibration", "100 instructions (self-test)", bench_op_calibration,
          bench_any_result) },
    { S2S("framework_version", "psa_framework_version", s2s_framework_version,
          is_framework_version) },
    { S2S("version", "psa_version", s2s_version, is_nop_version) },
    { S2S("connect", "psa_connect", s2s_connect, connected),
      .post = close_handle },
    { S2S("close", "psa_close", s2s_close, closed), .pre = connect_nop },
    { S2S("call_nop_stateless", "psa_call NOP, stateless", s2s_nop_stateless,
          bench_is_success) },
    { S2S("call_nop_conn", "psa_call NOP, connection", s2s_nop_conn,
          bench_is_success),
      .setup = open_nop, .teardown = close_handle },
    { S2S("call_echo16_stateless", "psa_call ECHO 16/16 B, stateless",
          s2s_echo16_stateless, bench_echoed16),
      .pre = bench_vectors_reset },
    { S2S("call_echo16_conn", "psa_call ECHO 16/16 B, connection",
          s2s_echo16_conn, bench_echoed16),
      .setup = open_echo, .pre = bench_vectors_reset,
      .teardown = close_handle },
    { S2S("call_echo4x256_stateless", "psa_call ECHO 2x256/2x256 B, stateless",
          s2s_echo256_stateless, bench_echoed256),
      .pre = bench_vectors_reset },
    { S2S("call_echo4x256_conn", "psa_call ECHO 2x256/2x256 B, connection",
          s2s_echo256_conn, bench_echoed256),
      .setup = open_echo, .pre = bench_vectors_reset,
      .teardown = close_handle },
};

const size_t bench_s2s_op_count =
    sizeof(bench_s2s_ops) / sizeof(bench_s2s_ops[0]);
