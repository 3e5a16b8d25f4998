#include "nsid_manager.h"

#include <string.h>

#include "tfm_ns_client_ext.h"

struct nsid_entry {
    bool used;
    uint32_t token;
    int32_t nsid;
};

static struct nsid_entry entries[NSID_MGR_ENTRIES];

int32_t nsid_map_lookup(const char *name)
{
    if (name == NULL) {
        return NSID_DEFAULT;
    }
    for (uint32_t i = 0; i < nsid_map_table_size; i++) {
        if (strcmp(nsid_map_table[i].task_name, name) == 0) {
            return nsid_map_table[i].nsid;
        }
    }
    return NSID_DEFAULT;
}

int32_t nsid_module_lookup(uint32_t module)
{
    if (module == 0u) {
        return NSID_NONE;
    }
    for (uint32_t i = 0; i < nsid_module_table_size; i++) {
        if (nsid_module_table[i].module == module) {
            return nsid_module_table[i].nsid;
        }
    }
    return NSID_NONE;
}

bool nsid_is_auto(int32_t nsid)
{
    return nsid <= NSID_AUTO_FIRST && nsid > NSID_AUTO_FIRST - NSID_AUTO_COUNT;
}

void nsid_mgr_init(void)
{
    memset(entries, 0, sizeof(entries));
}

static struct nsid_entry *find(uint32_t token)
{
    for (uint32_t i = 0; i < NSID_MGR_ENTRIES; i++) {
        if (entries[i].used && entries[i].token == token) {
            return &entries[i];
        }
    }
    return NULL;
}

uint32_t nsid_mgr_add_entry(uint32_t token, int32_t nsid)
{
    struct nsid_entry *e;

    if (nsid >= 0 || nsid < NSID_MIN) {
        return NSID_MGR_ERR_INVALID_NSID;
    }
    if (token == TFM_NS_CLIENT_INVALID_TOKEN) {
        return NSID_MGR_ERR_INVALID_TOKEN;
    }
    e = find(token);
    for (uint32_t i = 0; e == NULL && i < NSID_MGR_ENTRIES; i++) {
        if (!entries[i].used) {
            e = &entries[i];
        }
    }
    if (e == NULL) {
        return NSID_MGR_ERR_NO_FREE_ENTRY;
    }
    *e = (struct nsid_entry){ true, token, nsid };
    return NSID_MGR_ERR_SUCCESS;
}

uint32_t nsid_mgr_remove_entry(uint32_t token)
{
    struct nsid_entry *e = find(token);

    if (e == NULL) {
        return NSID_MGR_ERR_INVALID_TOKEN;
    }
    *e = (struct nsid_entry){ false, 0u, 0 };
    return NSID_MGR_ERR_SUCCESS;
}

int32_t nsid_mgr_query_nsid(uint32_t token)
{
    const struct nsid_entry *e = find(token);

    return e == NULL ? NSID_NONE : e->nsid;
}
