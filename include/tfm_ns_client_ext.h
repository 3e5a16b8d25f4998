/*
 * The Non-secure Client Extension (NSCE): how an NS RTOS tells the secure
 * side which NS client is running, so that each secure call is made with
 * that client's ID (TF-M's NSCE integration guide; the reference's names,
 * values and token layout). Built with TFM_NS_MANAGE_NSID=ON; with it OFF the
 * five veneers still exist but refuse everything (init returns 0, acquire
 * TFM_NS_CLIENT_INVALID_TOKEN, the others TFM_NS_CLIENT_ERR_INVALID_ACCESS)
 * and every NS call uses NSID -1.
 *
 * Every function must be called from NS Handler mode (the RTOS scheduler,
 * its SVC or PendSV handler), or, in a build with
 * WARDEN_NSCE_PRIVILEGED_THREAD=1 (warden/config.h), from privileged NS
 * Thread mode (CONTROL_NS.nPRIV clear). From any other Thread mode ("Thread
 * mode" below) they change nothing: init returns 0, acquire
 * TFM_NS_CLIENT_INVALID_TOKEN, the others TFM_NS_CLIENT_ERR_INVALID_ACCESS.
 *
 * Until the NS side calls tfm_nsce_init() (or acquires a context), NS calls
 * use the default NSID -1. From then on, a PSA call made while no context
 * is loaded is refused (psa_connect/psa_call: PSA_ERROR_PROGRAMMER_ERROR;
 * psa_version: PSA_VERSION_NONE); it never resets the device.
 *
 * Token: bits 7..0 thread ID, 15..8 group ID, 23..16 context slot index,
 * 31..24 zero. A token whose top byte is not zero is invalid.
 */
#ifndef WARDEN_TFM_NS_CLIENT_EXT_H
#define WARDEN_TFM_NS_CLIENT_EXT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TFM_NS_CLIENT_INVALID_TOKEN 0xFFFFFFFFu

#define TFM_NS_CLIENT_ERR_SUCCESS        0x0u
#define TFM_NS_CLIENT_ERR_INVALID_TOKEN  0x1u
#define TFM_NS_CLIENT_ERR_INVALID_NSID   0x2u
#define TFM_NS_CLIENT_ERR_INVALID_ACCESS 0x3u

/**
 * Asks for @p ctx_requested context slots for the NS side (0: all there
 * are). Also declares that the NS side manages NSIDs from now on.
 * @return the slots granted, min(ctx_requested, WARDEN_NS_CONTEXT_SLOTS)
 *         (all of them for 0); 0 from Thread mode or when NSCE is not built.
 *         Later acquires take new slots only while fewer than the granted
 *         number are in use. May be called again to change the grant.
 */
uint32_t tfm_nsce_init(uint32_t ctx_requested);

/**
 * Adds thread @p thread_id to group @p group_id's context: the group's slot
 * if the group has one, else a free slot (the group's threads share it).
 * @return the token, or TFM_NS_CLIENT_INVALID_TOKEN when: called from
 *         Thread mode; the thread is already in the group; the group has no
 *         slot and every granted slot is in use.
 */
uint32_t tfm_nsce_acquire_ctx(uint8_t group_id, uint8_t thread_id);

/**
 * Takes the token's thread out of its group; the slot returns to the pool
 * when its last thread leaves. Allowed without a save first; if the token's
 * thread is the loaded one, nothing is loaded afterwards.
 * @return TFM_NS_CLIENT_ERR_SUCCESS;
 *         TFM_NS_CLIENT_ERR_INVALID_TOKEN for a token with reserved bits
 *         set, a slot index out of range or not in use, another group's
 *         slot, or a thread not in the group (already released);
 *         TFM_NS_CLIENT_ERR_INVALID_ACCESS from Thread mode.
 */
uint32_t tfm_nsce_release_ctx(uint32_t token);

/**
 * Makes the token's context the loaded one, with NSID @p nsid: the NS calls
 * that follow reach services as client ID (-0x3C000000 + 1) + nsid. Loading
 * another token without saving first is allowed (an implied save), and so
 * is loading the same token again with another NSID.
 * @return TFM_NS_CLIENT_ERR_SUCCESS;
 *         TFM_NS_CLIENT_ERR_INVALID_NSID if @p nsid is not in
 *         [-65536, -1] (checked first);
 *         TFM_NS_CLIENT_ERR_INVALID_TOKEN as for release;
 *         TFM_NS_CLIENT_ERR_INVALID_ACCESS from Thread mode.
 */
uint32_t tfm_nsce_load_ctx(uint32_t token, int32_t nsid);

/**
 * Unloads the token's context: no NS call is accepted until the next load.
 * @return TFM_NS_CLIENT_ERR_SUCCESS;
 *         TFM_NS_CLIENT_ERR_INVALID_TOKEN as for release, and when the
 *         token's context is not the loaded one or another thread of the
 *         group loaded it;
 *         TFM_NS_CLIENT_ERR_INVALID_ACCESS from Thread mode.
 */
uint32_t tfm_nsce_save_ctx(uint32_t token);

/* Warden's extension (not in TF-M): NS priorities. */

/** warden_nsce_load_ctx_priority(): @p priority above this. */
#define WARDEN_NS_CLIENT_ERR_INVALID_PRIORITY 0x10u
/** The most urgent NS priority: what tfm_nsce_load_ctx() tells. */
#define WARDEN_NS_PRIORITY_MAX 255u

/**
 * tfm_nsce_load_ctx(), telling the SPM the NS priority of the context's
 * thread (0 least urgent .. WARDEN_NS_PRIORITY_MAX; CMSIS-RTOS2's
 * osPriority_t values and FreeRTOS's task priorities fit as they are).
 * With the IPC backend and NS contexts of their own
 * (WARDEN_NS_SECURE_CONTEXTS), secure work done for the context runs at
 * that priority: before the NS code of less urgent contexts, after that of
 * more urgent ones (docs/nsce-integration.md). Elsewhere the priority is
 * checked and ignored.
 * @return as tfm_nsce_load_ctx(), checked in that order, then
 *         WARDEN_NS_CLIENT_ERR_INVALID_PRIORITY for @p priority above
 *         WARDEN_NS_PRIORITY_MAX (nothing loaded).
 */
uint32_t warden_nsce_load_ctx_priority(uint32_t token, int32_t nsid,
                                       uint32_t priority);

#ifdef __cplusplus
}
#endif

#endif /* WARDEN_TFM_NS_CLIENT_EXT_H */
