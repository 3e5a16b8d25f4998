/*
 * Which Non-secure callers NSCE accepts (arch_ns_caller_privileged()): the
 * one rule both ports apply to what they read of the caller (Armv8-M: IPSR
 * and CONTROL_NS; host: what the hosted NS side declared). Handler mode is
 * always privileged; Thread mode counts only with
 * WARDEN_NSCE_PRIVILEGED_THREAD, and then only with CONTROL_NS.nPRIV
 * clear (the NS client management document's open item: NS privilege
 * taken from CONTROL_NS).
 */
#ifndef WARDEN_ARCH_NS_PRIVILEGE_H
#define WARDEN_ARCH_NS_PRIVILEGE_H

#include <stdbool.h>

#include "warden/config.h"

/**
 * @param handler           the NS caller was in Handler mode.
 * @param thread_privileged the NS caller's Thread mode is privileged
 *                          (CONTROL_NS.nPRIV clear); not looked at for
 *                          Handler mode.
 * @return true for Handler mode; for Thread mode, @p thread_privileged if
 *         WARDEN_NSCE_PRIVILEGED_THREAD is 1, else false.
 */
static inline bool arch_ns_privileged(bool handler, bool thread_privileged)
{
    if (handler) {
        return true;
    }
    return WARDEN_NSCE_PRIVILEGED_THREAD != 0 && thread_privileged;
}

#endif /* WARDEN_ARCH_NS_PRIVILEGE_H */
