/*
 * Host build only: the NS world and the secure world are linked into one
 * program there, so every NS translation unit is compiled with this header
 * forced in (-include) to keep the NS client API and the NS copy of the test
 * framework apart from the secure symbols of the same name.
 */
#ifndef WARDEN_HOST_NS_NAMES_H
#define WARDEN_HOST_NS_NAMES_H

#define psa_framework_version ns_psa_framework_version
#define psa_version           ns_psa_version
#define psa_connect           ns_psa_connect
#define psa_call              ns_psa_call
#define psa_close             ns_psa_close
#define tf_run_suite          ns_tf_run_suite
#define tf_log                ns_tf_log
#define fmt_vprint            ns_fmt_vprint
#define fmt_print             ns_fmt_print

#endif /* WARDEN_HOST_NS_NAMES_H */
