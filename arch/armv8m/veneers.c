/*
 * The Non-secure callable entry points (names of include/tfm_veneers.h).
 * Each one only forwards to spm/ns_agent.h or spm/nsce.h: NS pointers
 * become plain integers here, and spm/ checks them before any use.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch.h"
#include "spm/ns_agent.h"
#include "spm/nsce.h"
#include "tfm_veneers.h"

/* The linker script keeps this section, so --gc-sections never drops an
 * entry point whose only user is the Non-secure image. */
#define WARDEN_VENEER \
    __attribute__((cmse_nonsecure_entry, section(".text.warden_veneers")))

WARDEN_VENEER uint32_t tfm_psa_framework_version_veneer(void)
{
    return spm_ns_framework_version();
}

WARDEN_VENEER uint32_t tfm_psa_version_veneer(uint32_t sid)
{
    return spm_ns_version(sid);
}

WARDEN_VENEER psa_handle_t tfm_psa_connect_veneer(uint32_t sid,
                                                  uint32_t version)
{
    return spm_ns_connect(sid, version);
}

WARDEN_VENEER psa_status_t tfm_psa_call_veneer(psa_handle_t handle,
                                               uint32_t ctrl_param,
                                               const psa_invec *in_vec,
                                               psa_outvec *out_vec)
{
    return spm_ns_call(handle, ctrl_param, (uintptr_t)in_vec,
                       (uintptr_t)out_vec);
}

WARDEN_VENEER psa_status_t tfm_psa_close_veneer(psa_handle_t handle)
{
    return spm_ns_close(handle);
}

/* ---- NSCE and the known-client API --------------------------------------
 * Called from the NS RTOS's handlers, possibly while an NS thread is in the
 * middle of a secure call. They run with every maskable exception masked
 * (PRIMASK_S also masks the Non-secure ones), so a higher-priority NS
 * handler cannot enter the context table half-way through a change, and
 * restore the caller's mask afterwards.
 *
 * Group and thread IDs are taken as 32-bit registers here (the public
 * header says uint8_t): the secure side does not trust the NS caller to
 * have zero-extended them, spm_nsce_acquire() uses the low 8 bits only.
 */
uint32_t tfm_nsce_init(uint32_t ctx_requested);
uint32_t tfm_nsce_acquire_ctx(uint32_t group_id, uint32_t thread_id);
uint32_t tfm_nsce_release_ctx(uint32_t token);
uint32_t tfm_nsce_load_ctx(uint32_t token, int32_t nsid);
uint32_t tfm_nsce_save_ctx(uint32_t token);
int32_t tfm_register_client_id(int32_t ns_client_id);

static inline uint32_t mask_irqs(void)
{
    uint32_t primask;

    __asm volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask) : : "memory");
    return primask;
}

static inline void restore_irqs(uint32_t primask)
{
    __asm volatile("msr primask, %0" : : "r"(primask) : "memory");
}

bool arch_ns_caller_is_handler(void)
{
    uint32_t ipsr;

    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    return (ipsr & 0x1FFu) != 0u;
}

WARDEN_VENEER uint32_t tfm_nsce_init(uint32_t ctx_requested)
{
    uint32_t m = mask_irqs();
    uint32_t r = spm_nsce_init(ctx_requested);

    restore_irqs(m);
    return r;
}

WARDEN_VENEER uint32_t tfm_nsce_acquire_ctx(uint32_t group_id,
                                            uint32_t thread_id)
{
    uint32_t m = mask_irqs();
    uint32_t r = spm_nsce_acquire(group_id, thread_id);

    restore_irqs(m);
    return r;
}

WARDEN_VENEER uint32_t tfm_nsce_release_ctx(uint32_t token)
{
    uint32_t m = mask_irqs();
    uint32_t r = spm_nsce_release(token);

    restore_irqs(m);
    return r;
}

WARDEN_VENEER uint32_t tfm_nsce_load_ctx(uint32_t token, int32_t nsid)
{
    uint32_t m = mask_irqs();
    uint32_t r = spm_nsce_load(token, nsid);

    restore_irqs(m);
    return r;
}

WARDEN_VENEER uint32_t tfm_nsce_save_ctx(uint32_t token)
{
    uint32_t m = mask_irqs();
    uint32_t r = spm_nsce_save(token);

    restore_irqs(m);
    return r;
}

WARDEN_VENEER int32_t tfm_register_client_id(int32_t ns_client_id)
{
    uint32_t m = mask_irqs();
    int32_t r = spm_nsce_register_client_id(ns_client_id);

    restore_irqs(m);
    return r;
}
