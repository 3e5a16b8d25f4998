/*
 * A partition's MMIO regions and the privilege it runs with, read from
 * the load info: what the port maps into a partition's boundary and what
 * a platform grants at its peripheral protection controllers.
 */
#ifndef WARDEN_SPM_MMIO_H
#define WARDEN_SPM_MMIO_H

#include <stdbool.h>
#include <stdint.h>

#include "spm/load_info.h"
#include "warden/config.h" /* TFM_ISOLATION_LEVEL */

/**
 * The MMIO regions partition @p p owns: @p p->nmmio entries of
 * warden_mmio_regions[] from the one returned (never NULL; with none it
 * points at the next partition's first region or at the sentinel).
 */
static inline const struct warden_mmio_info *
warden_mmio_of(const struct warden_partition_info *p)
{
    return &warden_mmio_regions[p->first_mmio];
}

/**
 * True when partition @p p runs unprivileged: at isolation level 3 every
 * partition, at level 2 the Application RoT ones, at level 1 none.
 */
static inline bool
warden_partition_unprivileged(const struct warden_partition_info *p)
{
    return TFM_ISOLATION_LEVEL == 3 ||
           (TFM_ISOLATION_LEVEL == 2 && (p->flags & WARDEN_PART_PSA_ROT) == 0u);
}

#endif /* WARDEN_SPM_MMIO_H */
