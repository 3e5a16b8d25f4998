/*
 * A build without MM-IOVEC (PSA_FRAMEWORK_HAS_MM_IOVEC 0): there is no
 * psa_map_invec() and friends, so no vector is ever mapped and nothing is
 * ever released (spm_mm_end() does not even call this).
 */
#include "spm/mmiovec.h"

void spm_mm_release(struct spm_req *req)
{
    (void)req;
}
