/*
 * A partition's console output at isolation levels 2 and 3: an SVC, with
 * which the SPM prints only what the partition may read (svc_table.c).
 * Code every unprivileged partition may run (an505_s.ld.in).
 */
#include <stddef.h>
#include <stdint.h>

#include "spm/backend/ipc/svc_abi.h"

void warden_log_sink(const char *s, size_t len);

void warden_log_sink(const char *s, size_t len)
{
    (void)WARDEN_SVC(WARDEN_SVC_LOG, s, len, 0u, 0u, 0u);
}
