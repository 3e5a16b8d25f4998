/* The only place that dereferences caller-supplied addresses. */
#include "spm/umem.h"

#include <string.h>

#include "arch/arch.h"
#include "spm/spm.h"

bool umem_check(const struct spm_partition *caller, spm_uptr_t p, size_t len,
                uint32_t access)
{
    if (len == 0) {
        return true;
    }
    return arch_check_caller_range(spm_is_ns(caller), p.addr, len, access);
}

bool umem_read(const struct spm_partition *caller, void *dst, spm_uptr_t src,
               size_t len)
{
    if (!umem_check(caller, src, len, ARCH_ACCESS_READ)) {
        return false;
    }
    if (len != 0) {
        memcpy(dst, (const void *)src.addr, len);
    }
    return true;
}

bool umem_write(const struct spm_partition *caller, spm_uptr_t dst,
                const void *src, size_t len)
{
    if (!umem_check(caller, dst, len, ARCH_ACCESS_WRITE)) {
        return false;
    }
    if (len != 0) {
        memcpy((void *)dst.addr, src, len);
    }
    return true;
}

void umem_copy_checked(spm_uptr_t dst, spm_uptr_t src, size_t len)
{
    if (len != 0) {
        memmove((void *)dst.addr, (const void *)src.addr, len);
    }
}
