/*
 * The loader's and the backends' checks of the load info: built once per
 * backend and flaw of fixture/flawed/flaws.h (FX_FLAW, FX_BACKEND_FILE),
 * each build must stop at the matching SPM invariant; the FX_FLAW_NONE
 * build must load.
 */
#include "flaws.h"
#include "spm/backend.h"
#include "spm/loader.h"
#include "unit.h"

static void test_flawed_load_info_is_refused(void **state)
{
    (void)state;
    fake_platform_reset();
    if (FX_FLAW == FX_FLAW_NONE) {
        spm_load();
        backend_init();
        assert_int_equal(fake_platform_stops(), 0);
        assert_ptr_equal(spm_service_by_stateless_index(2),
                         &warden_services[2]);
    } else if (FX_FLAW_IN_BACKEND(FX_FLAW)) {
        spm_load();
        assert_int_equal(fake_platform_stops(), 0);
        expect_fatal(FX_BACKEND_FILE, backend_init());
    } else {
        expect_fatal("spm/loader.c:", spm_load());
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flawed_load_info_is_refused),
    };

    return cmocka_run_group_tests_name("loader_flaw", tests, NULL, NULL);
}
