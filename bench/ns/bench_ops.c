/*
 * The operations of the benchmark (issue 6; docs/performance.md), each
 * a call of one veneer with its arguments, so that a figure is the
 * argument set-up, the call and everything the secure side does.
 */
#include "bench_ops.h"

#include "arch/armv8m/exception_handlers.h" /* SVC_Handler */
#include "bench_veneer.h"
#include "bench_vectors.h"
#include "psa/client.h"
#include "psa_manifest/sid.h"
#include "tfm_ns_client_ext.h"
#include "tfm_psa_call_pack.h"
#include "tfm_veneers.h"

/* ---- Framework and version ------------------------------------------------*/

static int32_t op_floor(void)
{
    return (int32_t)warden_bench_floor_veneer();
}

static int32_t op_framework_version(void)
{
    return (int32_t)tfm_psa_framework_version_veneer();
}

static bool is_framework_version(int32_t ret)
{
    return ret == (int32_t)PSA_FRAMEWORK_VERSION;
}

static int32_t op_version(void)
{
    return (int32_t)tfm_psa_version_veneer(BENCH_NOP_SID);
}

static bool is_nop_version(int32_t ret)
{
    return ret == (int32_t)BENCH_NOP_VERSION;
}

/* ---- Connect and close -------------------------------------------------- */

static psa_handle_t handle;

static int32_t op_connect(void)
{
    return tfm_psa_connect_veneer(BENCH_NOP_CONN_SID, BENCH_NOP_CONN_VERSION);
}

static bool connected(int32_t ret)
{
    handle = ret;
    return PSA_HANDLE_IS_VALID(ret);
}

static void close_handle(void)
{
    (void)tfm_psa_close_veneer(handle);
}

static void connect_nop(void)
{
    handle = tfm_psa_connect_veneer(BENCH_NOP_CONN_SID, BENCH_NOP_CONN_VERSION);
}

static int32_t op_close(void)
{
    return tfm_psa_close_veneer(handle);
}

/* ---- Calls ---------------------------------------------------------------*/

static enum bench_setup opened(psa_handle_t h)
{
    handle = h;
    return PSA_HANDLE_IS_VALID(h) ? BENCH_READY : BENCH_BROKEN;
}

static enum bench_setup open_nop(void)
{
    return opened(
        tfm_psa_connect_veneer(BENCH_NOP_CONN_SID, BENCH_NOP_CONN_VERSION));
}

static enum bench_setup open_echo(void)
{
    return opened(
        tfm_psa_connect_veneer(BENCH_ECHO_CONN_SID, BENCH_ECHO_CONN_VERSION));
}

static int32_t op_nop_stateless(void)
{
    return tfm_psa_call_veneer(BENCH_NOP_HANDLE, PARAM_PACK(PSA_IPC_CALL, 0, 0),
                               NULL, NULL);
}

static int32_t op_nop_conn(void)
{
    return tfm_psa_call_veneer(handle, PARAM_PACK(PSA_IPC_CALL, 0, 0), NULL,
                               NULL);
}

static int32_t op_echo16_stateless(void)
{
    return tfm_psa_call_veneer(BENCH_ECHO_HANDLE,
                               PARAM_PACK(PSA_IPC_CALL, 1, 1), bench_in16,
                               bench_out16);
}

static int32_t op_echo16_conn(void)
{
    return tfm_psa_call_veneer(handle, PARAM_PACK(PSA_IPC_CALL, 1, 1),
                               bench_in16, bench_out16);
}

static int32_t op_echo256_stateless(void)
{
    return tfm_psa_call_veneer(BENCH_ECHO_HANDLE,
                               PARAM_PACK(PSA_IPC_CALL, 2, 2), bench_in256,
                               bench_out256);
}

static int32_t op_echo256_conn(void)
{
    return tfm_psa_call_veneer(handle, PARAM_PACK(PSA_IPC_CALL, 2, 2),
                               bench_in256, bench_out256);
}

/* ---- Floating point: the call made while NS holds FP state -------------
 * An NS image built for an FP ABI (__ARM_FP) marks its context as holding
 * FP state before each repetition (one FP instruction sets CONTROL.FPCA):
 * the call's exceptions then stack extended frames and a switch saves
 * S16-S31 (docs/floating_point.md). Absent in a soft-float NS image. */
#if defined(__ARM_FP)
static enum bench_setup nsfp_setup(void)
{
    return BENCH_READY;
}

static void hold_fp(void)
{
    __asm volatile("vmov.f32 s16, s16" : : : "memory");
}
#else
static enum bench_setup nsfp_setup(void)
{
    return BENCH_ABSENT;
}

static void hold_fp(void)
{
}
#endif

/* ---- NSCE: from NS Handler mode, as an RTOS scheduler calls it ---------- */

/* The NS SVC handler runs handler_op; an operation that must run in
 * Handler mode is timed as "svc" and compared with an SVC that does
 * nothing (the baseline "svc_overhead"). */
static int32_t (*volatile handler_op)(void);
static volatile int32_t handler_ret;

void SVC_Handler(void)
{
    handler_ret = handler_op();
}

int32_t bench_in_handler(int32_t (*op)(void))
{
    handler_op = op;
    __asm volatile("svc #0" : : : "memory");
    return handler_ret;
}

static int32_t nothing(void)
{
    return 0;
}

static int32_t op_svc_overhead(void)
{
    return bench_in_handler(nothing);
}

static uint32_t token = TFM_NS_CLIENT_INVALID_TOKEN;

static int32_t nsce_start(void)
{
    /* Two slots: bench_switch.c uses both after this op. */
    if (tfm_nsce_init(2) == 0u) {
        return 0; /* NSCE not built (TFM_NS_MANAGE_NSID=OFF) */
    }
    token = tfm_nsce_acquire_ctx(1, 1);
    return token != TFM_NS_CLIENT_INVALID_TOKEN ? 1 : -1;
}

/* After this, NS calls need a loaded context: the NSCE op comes last. */
static enum bench_setup nsce_setup(void)
{
    int32_t started = bench_in_handler(nsce_start);

    if (started == 0) {
        return BENCH_ABSENT;
    }
    return started > 0 ? BENCH_READY : BENCH_BROKEN;
}

static int32_t load_save(void)
{
    uint32_t loaded = tfm_nsce_load_ctx(token, -2);
    uint32_t saved = tfm_nsce_save_ctx(token);

    return (int32_t)(loaded | saved);
}

static int32_t op_nsce_load_save(void)
{
    return bench_in_handler(load_save);
}

static int32_t nsce_release(void)
{
    return (int32_t)tfm_nsce_release_ctx(token);
}

static void nsce_teardown(void)
{
    (void)bench_in_handler(nsce_release);
}

static bool nsce_ok(int32_t ret)
{
    return ret == (int32_t)TFM_NS_CLIENT_ERR_SUCCESS;
}

/* ---- The table -----------------------------------------------------------*/

#define OP(k, l, r, c) .key = (k), .label = (l), .run = (r), .check = (c)

const struct bench_op bench_ops[] = {
    { OP("overhead", "harness (subtracted)", bench_op_nothing,
         bench_any_result) },
    { OP("calibration", "100 instructions (self-test)", bench_op_calibration,
         bench_any_result) },
    { OP("veneer_floor", "bare NSC veneer (floor)", op_floor,
         bench_is_success) },
    { OP("framework_version", "psa_framework_version", op_framework_version,
         is_framework_version) },
    { OP("version", "psa_version", op_version, is_nop_version) },
    { OP("connect", "psa_connect", op_connect, connected),
      .post = close_handle },
    { OP("close", "psa_close", op_close, bench_is_success),
      .pre = connect_nop },
    { OP("call_nop_stateless", "psa_call NOP, stateless", op_nop_stateless,
         bench_is_success) },
    { OP("call_nop_stateless_nsfp",
         "psa_call NOP, stateless, NS holding FP state", op_nop_stateless,
         bench_is_success),
      .setup = nsfp_setup, .pre = hold_fp },
    { OP("call_nop_conn", "psa_call NOP, connection", op_nop_conn,
         bench_is_success),
      .setup = open_nop, .teardown = close_handle },
    { OP("call_echo16_stateless", "psa_call ECHO 16/16 B, stateless",
         op_echo16_stateless, bench_echoed16),
      .pre = bench_vectors_reset },
    { OP("call_echo16_conn", "psa_call ECHO 16/16 B, connection",
         op_echo16_conn, bench_echoed16),
      .setup = open_echo, .pre = bench_vectors_reset,
      .teardown = close_handle },
    { OP("call_echo4x256_stateless", "psa_call ECHO 2x256/2x256 B, stateless",
         op_echo256_stateless, bench_echoed256),
      .pre = bench_vectors_reset },
    { OP("call_echo4x256_conn", "psa_call ECHO 2x256/2x256 B, connection",
         op_echo256_conn, bench_echoed256),
      .setup = open_echo, .pre = bench_vectors_reset,
      .teardown = close_handle },
    { OP("svc_overhead", "NS SVC round trip (subtracted)", op_svc_overhead,
         bench_any_result) },
    { OP("nsce_load_save", "NSCE load_ctx + save_ctx", op_nsce_load_save,
         nsce_ok),
      .baseline = "svc_overhead", .setup = nsce_setup,
      .teardown = nsce_teardown },
};

const size_t bench_op_count = sizeof(bench_ops) / sizeof(bench_ops[0]);
