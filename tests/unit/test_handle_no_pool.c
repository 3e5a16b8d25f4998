/* spm/handle.c built for a manifest without connection-based services
 * (fixture/no_pool): no connection slots at all, stateless message handles
 * right after them. */
#include "spm/handle.h"
#include "unit.h"

struct spm_partition spm_ns_agent;
struct spm_partition spm_partitions[SPM_PARTITION_ENTRIES];
struct spm_partition
    spm_ns_ctx_agents[WARDEN_NS_CONTEXTS + (WARDEN_NS_CONTEXTS == 0)];
const struct warden_service_info warden_services[WARDEN_NUM_SERVICES + 1];

_Static_assert(WARDEN_CONN_MAX == 4, "the configuration allows 4");
_Static_assert(SPM_CONN_POOL == 0, "but the manifest needs none");
_Static_assert(sizeof(spm_conns) == 0, "so the pool takes no RAM");

static struct spm_req req;

static int setup(void **state)
{
    (void)state;
    for (unsigned i = 0; i < WARDEN_NUM_PARTITIONS; i++) {
        spm_partitions[i].index = (uint8_t)(i + 1u);
    }
    spm_conn_init();
    return 0;
}

static void test_no_connection_slot(void **state)
{
    (void)state;
    assert_null(spm_conn_alloc());
    assert_null(spm_conn_from_handle(0x101));
    assert_null(spm_conn_from_handle(0x100));
    assert_null(spm_conn_from_handle(0x1FF));
}

static void test_stateless_message_handles(void **state)
{
    struct spm_partition *sp = &spm_partitions[1];
    psa_handle_t h;

    (void)state;
    assert_int_equal(spm_sl_start(&spm_ns_agent), 0x101);
    h = spm_sl_start(sp);
    assert_int_equal(h, 0x103);
    assert_null(spm_req_from_handle(h));
    sp->sl_req = &req;
    assert_ptr_equal(spm_req_from_handle(h), &req);
    assert_null(spm_req_from_handle(h + 0x100));
    assert_null(spm_req_from_handle(0x100 | (SPM_NUM_CLIENTS + 1)));
    assert_null(spm_req_from_handle(0x100));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_no_connection_slot, setup),
        cmocka_unit_test_setup(test_stateless_message_handles, setup),
    };

    return cmocka_run_group_tests_name("handle_no_pool", tests, NULL, NULL);
}
