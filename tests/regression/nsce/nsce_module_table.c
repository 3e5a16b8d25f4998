/*
 * The NSCE image's module table (in place of ns/nsid_module_table.c, which
 * is empty): the rows suite_tz_shim.c allocates contexts of. Module 1,
 * RTX's usual tz_module, is not listed: its contexts get automatic NSIDs.
 */
#include "nsce_suites.h"
#include "nsid_manager.h"

static const struct nsid_module_entry rows[] = {
    { TZ_TEST_MODULE_A, TZ_TEST_NSID_A },
    { TZ_TEST_MODULE_B, TZ_TEST_NSID_B },
    /* Refused at allocation: the secure side cannot translate it. */
    { TZ_TEST_MODULE_UNTRANSLATABLE, -70000 },
    /* Refused at allocation: it could be another context's. */
    { TZ_TEST_MODULE_AUTO_NSID, NSID_AUTO(2) },
};
const struct nsid_module_entry *const nsid_module_table = rows;
const uint32_t nsid_module_table_size = sizeof(rows) / sizeof(rows[0]);
