#include "spm/client_api.h"

#include <stddef.h>

#include "spm/backend.h"
#include "spm/handle.h"
#include "spm/iovec.h"
#include "spm/loader.h"
#include "spm/mmiovec.h"
#include "spm/nsce/ns_client.h"
#include "spm/panic.h"

/* The reasons a secure caller is stopped for (spm_programmer_error()):
 * the call, the SID (and the version asked for). */
#define WHY_NOT_DEPENDENCY "%s: SID 0x%x is not a dependency of the partition"
#define WHY_VERSION        "%s: SID 0x%x does not accept version %u"
/* The call, the handle. */
#define WHY_NOT_IDLE "%s: 0x%x is not an idle connection of the partition"

uint32_t spm_framework_version(void)
{
    return PSA_FRAMEWORK_VERSION;
}

/* Access control for a secure caller: its `dependencies`. */
static bool may_call_secure(const struct spm_partition *caller,
                            const struct warden_service_info *svc)
{
    const struct warden_partition_info *info = caller->info;

    for (uint32_t i = 0; i < info->ndeps; i++) {
        if (warden_deps[info->first_dep + i] == svc->sid) {
            return true;
        }
    }
    return false;
}

/* Access control: non_secure_clients for NS, `dependencies` for an SP. */
static inline __attribute__((always_inline)) bool
may_call(const struct spm_partition *caller,
         const struct warden_service_info *svc)
{
    if (spm_is_ns(caller)) {
        return (svc->flags & WARDEN_SVC_NS_CLIENTS) != 0u;
    }
    return may_call_secure(caller, svc);
}

/* STRICT (in the service's @p flags): exactly the service's version;
 * RELAXED: up to it. */
static inline bool version_ok(uint32_t flags, uint32_t service_version,
                              uint32_t requested)
{
    if ((flags & WARDEN_SVC_STRICT) != 0u) {
        return requested == service_version;
    }
    return requested <= service_version;
}

uint32_t spm_version(struct spm_partition *caller, uint32_t sid)
{
    const struct warden_service_info *svc = spm_service_by_sid(sid);

    if (svc == NULL || !may_call(caller, svc)) {
        return PSA_VERSION_NONE;
    }
    return svc->version;
}

/* Starts request @p req of @p caller to @p svc: its message header. */
static inline __attribute__((always_inline)) void
prepare_msg(struct spm_req *req, struct spm_partition *caller,
            const struct warden_service_info *svc, int32_t type)
{
    req->msg.type = type;
    req->service = svc;
    req->client = caller;
    spm_mm_start(req);
}

/* The message of a connect or a disconnect: no vectors (every size 0; the
 * request's vector counts are never read for these). */
static inline __attribute__((always_inline)) void
no_vectors(struct spm_req *req)
{
#pragma GCC unroll 4
    for (uint32_t i = 0; i < PSA_MAX_IOVEC; i++) {
        req->msg.in_size[i] = 0u;
        req->msg.out_size[i] = 0u;
    }
}

/* A request on @p conn, which it now carries: decoded, then committed. */
static void start_conn_req(struct spm_req *req, struct spm_partition *caller,
                           struct spm_conn *conn, int32_t type)
{
    prepare_msg(req, caller, &warden_services[conn->service], type);
    req->conn = conn;
    req->msg.handle = spm_conn_handle(conn);
    req->msg.rhandle = conn->rhandle;
    req->msg.client_id = conn->client_id;
    conn->req = req;
    conn->state = SPM_CONN_ACTIVE;
}

/* Tells the client how much the service wrote in each outvec (into the
 * outvec array spm_iovec_decode() checked read-write). */
static void write_back_lengths(const struct spm_req *req)
{
    if (req->out_len != 0u) { /* no call for a request without outvecs */
        umem_write_vec_lens_checked(req->out_desc, req->out_done, req->out_len);
    }
}

/* What the client gets for its call (PSA_IPC_CALL or above) once the
 * service replied. */
static inline __attribute__((always_inline)) psa_status_t
complete_call(struct spm_req *req, struct spm_partition *caller,
              struct spm_conn *conn, psa_status_t status)
{
    write_back_lengths(req);
    if (conn == NULL) {
        caller->sl_req = NULL; /* its message handle is stale now */
    } else {
        conn->state = SPM_CONN_IDLE;
        conn->req = NULL;
    }
    /* A service may blame the client: FF-M's rule applies to it too. */
    if (status == PSA_ERROR_PROGRAMMER_ERROR) {
        return spm_programmer_error(
            caller, status,
            "psa_call: its service answered PSA_ERROR_PROGRAMMER_ERROR");
    }
    return status;
}

/* What the client gets for its connect or disconnect on @p conn once the
 * service replied. */
static psa_status_t complete_control(struct spm_conn *conn, int32_t type,
                                     psa_status_t status)
{
    if (type == PSA_IPC_CONNECT && status == PSA_SUCCESS) {
        conn->state = SPM_CONN_IDLE;
        conn->req = NULL;
        return spm_conn_handle(conn);
    }
    /* A refused connect, or a disconnect (the service cannot refuse it).
     * The backends stop a service that answers a connect otherwise. */
    SPM_ASSERT(type != PSA_IPC_CONNECT || spm_connect_reply_ok(status));
    spm_conn_free(conn);
    return type == PSA_IPC_CONNECT ? status : PSA_SUCCESS;
}

/* What the client of request @p req (of @p type, on @p conn or stateless)
 * gets once the service replied with @p status. */
static inline __attribute__((always_inline)) psa_status_t
complete(struct spm_req *req, struct spm_partition *caller,
         struct spm_conn *conn, int32_t type, psa_status_t status)
{
    if (type >= PSA_IPC_CALL) {
        return complete_call(req, caller, conn, status);
    }
    return complete_control(conn, type, status);
}

/* Hands request @p req to the backend: what complete() says of the reply
 * now (SFN), or SPM_STATUS_PENDING and spm_client_finish() once the reply
 * came (IPC). @p type is a constant at each call site, so that complete()'s
 * test on it is decided at build time. */
static inline __attribute__((always_inline)) psa_status_t
deliver(struct spm_req *req, struct spm_partition *caller,
        struct spm_conn *conn, int32_t type)
{
    psa_status_t status = backend_messaging(req);

    if (backend_pending(status)) {
        return status; /* the client waits for the reply (IPC) */
    }
    return complete(req, caller, conn, type, status);
}

psa_handle_t spm_connect(struct spm_partition *caller, struct spm_req *req,
                         uint32_t sid, uint32_t version)
{
    const struct warden_service_info *svc = spm_service_by_sid(sid);
    struct spm_conn *conn;

    /* The reference's order: unknown, stateless, not allowed, version. */
    if (svc == NULL) {
        return spm_programmer_error(caller, PSA_ERROR_CONNECTION_REFUSED,
                                    "psa_connect: no service has SID 0x%x",
                                    (unsigned int)sid);
    }
    /* Without a connection-based service there is no pool: the first test
     * is known at build time, so that what follows is left out of such a
     * build. */
    if (!WARDEN_HAS_CONNECTION_BASED ||
        (svc->flags & WARDEN_SVC_CONNECTION) == 0u) {
        return spm_programmer_error(
            caller, PSA_ERROR_PROGRAMMER_ERROR,
            "psa_connect: SID 0x%x is a stateless service", (unsigned int)sid);
    }
    if (!may_call(caller, svc)) {
        return spm_programmer_error(caller, PSA_ERROR_CONNECTION_REFUSED,
                                    WHY_NOT_DEPENDENCY, "psa_connect",
                                    (unsigned int)sid);
    }
    if (!version_ok(svc->flags, svc->version, version)) {
        return spm_programmer_error(caller, PSA_ERROR_CONNECTION_REFUSED,
                                    WHY_VERSION, "psa_connect",
                                    (unsigned int)sid, (unsigned int)version);
    }
    if (!backend_may_enter(caller, svc)) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    conn = spm_conn_alloc();
    if (conn == NULL) {
        return PSA_ERROR_CONNECTION_BUSY;
    }

    conn->service = (uint8_t)(svc - warden_services);
    conn->client = spm_conn_owner(caller);
    conn->client_id = spm_client_id(caller);
    no_vectors(req);
    start_conn_req(req, caller, conn, PSA_IPC_CONNECT);
    return deliver(req, caller, conn, PSA_IPC_CONNECT);
}

/* The stateless service a handle names, checked for this caller (a
 * programmer error is spm_programmer_error()'s to answer). */
static psa_status_t decode_stateless(struct spm_partition *caller,
                                     psa_handle_t handle,
                                     const struct warden_service_info **out_svc)
{
    uint32_t h = (uint32_t)handle;
    const struct warden_service_info *svc = NULL;
    uint32_t sid;
    uint32_t flags;
    uint32_t version;
    uint32_t asked;

    if ((h & SPM_STATELESS_RESERVED) == 0u) {
        svc = spm_service_by_stateless_index((h & SPM_STATELESS_IDX_MASK) + 1u);
    }
    if (svc == NULL) {
        return spm_programmer_error(caller, PSA_ERROR_PROGRAMMER_ERROR,
                                    "psa_call: 0x%x names no stateless "
                                    "service",
                                    (unsigned int)h);
    }
    /* Each field read once, before may_call()'s call for a secure caller. */
    sid = svc->sid;
    flags = svc->flags;
    version = svc->version & SPM_STATELESS_VER_MASK;
    if (!may_call(caller, svc)) {
        return spm_programmer_error(caller, PSA_ERROR_CONNECTION_REFUSED,
                                    WHY_NOT_DEPENDENCY, "psa_call",
                                    (unsigned int)sid);
    }
    /* The handle carries the version's low bits. */
    asked = (h >> SPM_STATELESS_VER_SHIFT) & SPM_STATELESS_VER_MASK;
    if (!version_ok(flags, version, asked)) {
        return spm_programmer_error(caller, PSA_ERROR_PROGRAMMER_ERROR,
                                    WHY_VERSION, "psa_call", (unsigned int)sid,
                                    (unsigned int)asked);
    }
    if (caller->sl_req != NULL) { /* its stateless request is in flight */
        return PSA_ERROR_CONNECTION_BUSY;
    }
    *out_svc = svc;
    return PSA_SUCCESS;
}

/*
 * True if @p conn is an open connection with no message in flight that
 * belongs to this caller: the same client, and for NS the same client ID
 * (an NS task cannot use the connection another task opened).
 */
static inline __attribute__((always_inline)) bool
idle_connection_of(const struct spm_conn *conn,
                   const struct spm_partition *caller)
{
    return conn != NULL && conn->client == spm_conn_owner(caller) &&
           conn->state == SPM_CONN_IDLE &&
           conn->client_id == spm_client_id(caller);
}

/* The open, idle connection of this caller a handle names. */
static psa_status_t decode_connection(struct spm_partition *caller,
                                      psa_handle_t handle,
                                      struct spm_conn **out)
{
    struct spm_conn *conn = spm_conn_from_handle(handle);

    if (!idle_connection_of(conn, caller)) {
        return spm_programmer_error(caller, PSA_ERROR_PROGRAMMER_ERROR,
                                    WHY_NOT_IDLE, "psa_call",
                                    (unsigned int)handle);
    }
    *out = conn;
    return PSA_SUCCESS;
}

/* The service a call names: a stateless one (*conn left NULL), or one of
 * the caller's connections (*conn set). A programmer error is
 * spm_programmer_error()'s to answer. */
static psa_status_t decode_call(struct spm_partition *caller,
                                psa_handle_t handle, int32_t type,
                                struct spm_conn **conn,
                                const struct warden_service_info **svc)
{
    if (type < PSA_CALL_TYPE_MIN || type > PSA_CALL_TYPE_MAX) {
        return spm_programmer_error(caller, PSA_ERROR_PROGRAMMER_ERROR,
                                    "psa_call: type %d is out of range",
                                    (int)type);
    }
    if (handle <= 0) {
        return spm_programmer_error(caller, PSA_ERROR_PROGRAMMER_ERROR,
                                    "psa_call: 0x%x is not a handle",
                                    (unsigned int)handle);
    }
    if (spm_handle_is_stateless(handle)) {
        return decode_stateless(caller, handle, svc);
    }
    if (!WARDEN_HAS_CONNECTION_BASED) { /* no connection to name */
        return spm_programmer_error(caller, PSA_ERROR_PROGRAMMER_ERROR,
                                    WHY_NOT_IDLE, "psa_call",
                                    (unsigned int)handle);
    }
    return decode_connection(caller, handle, conn);
}

psa_status_t spm_call(struct spm_partition *caller, struct spm_req *req,
                      psa_handle_t handle, int32_t type, spm_uptr_t in_vec,
                      size_t in_len, spm_uptr_t out_vec, size_t out_len)
{
    struct spm_conn *conn = NULL;
    const struct warden_service_info *svc = NULL;
    psa_status_t status = decode_call(caller, handle, type, &conn, &svc);

    /* The vectors go straight into the request, which nobody sees until it
     * is committed below. */
    if (status == PSA_SUCCESS) {
        status =
            spm_iovec_decode(caller, in_vec, in_len, out_vec, out_len, req);
    }
    if (status != PSA_SUCCESS) {
        /* A programmer error stopped a secure caller where it was found
         * (spm_programmer_error()): what is left is busy, or an NS
         * caller's programmer error. */
        return status;
    }
    if (!backend_may_enter(
            caller, (conn != NULL) ? &warden_services[conn->service] : svc)) {
        return PSA_ERROR_CONNECTION_BUSY;
    }

    if (conn == NULL) {
        prepare_msg(req, caller, svc, type);
        req->conn = NULL;
        req->msg.handle = spm_sl_start(caller);
        req->msg.rhandle = NULL;
        req->msg.client_id = spm_client_id(caller);
        caller->sl_req = req;
    } else {
        start_conn_req(req, caller, conn, type);
    }
    return deliver(req, caller, conn, PSA_IPC_CALL); /* any call type */
}

psa_status_t spm_close(struct spm_partition *caller, struct spm_req *req,
                       psa_handle_t handle)
{
    struct spm_conn *conn;

    if (handle == PSA_NULL_HANDLE) {
        return PSA_SUCCESS;
    }
    conn = WARDEN_HAS_CONNECTION_BASED ? spm_conn_from_handle(handle) : NULL;
    if (!idle_connection_of(conn, caller)) { /* no connection to name */
        return spm_programmer_error(caller, PSA_ERROR_PROGRAMMER_ERROR,
                                    WHY_NOT_IDLE, "psa_close",
                                    (unsigned int)handle);
    }
    if (!backend_may_enter(caller, &warden_services[conn->service])) {
        return PSA_ERROR_CONNECTION_BUSY;
    }
    no_vectors(req);
    start_conn_req(req, caller, conn, PSA_IPC_DISCONNECT);
    return deliver(req, caller, conn, PSA_IPC_DISCONNECT);
}

psa_status_t spm_client_finish(struct spm_partition *caller)
{
    psa_status_t status;
    struct spm_req *req = backend_replied(caller, &status);

    return complete(req, caller, req->conn, req->msg.type, status);
}
