/*
 * Host build only: the NS world and the secure world are linked into one
 * program there, so every NS translation unit is compiled with this header
 * forced in (-include) to keep the NS client API and the NS copy of the test
 * framework apart from the secure symbols of the same name.
 *
 * The client API: for each row of include/warden/ns_abi.h whose client is
 * VIA(f), the NS definition of and the NS calls to f use the symbol ns_f
 * (an assembler name: the C name stays, only the symbol changes). A row
 * naming a function psa/client.h does not declare, or two renames of one
 * function, fail the compilation.
 *
 * The NS copies of code both worlds link (the test framework, lib/fmt) are
 * renamed by the preprocessor below. tools/check_ns_boundary.py fails the
 * link of every hosted NS program in which an NS object still reaches a
 * secure symbol other than a row of the table or the hosted port's
 * host_* functions: a name missing from either list.
 */
#ifndef WARDEN_HOST_NS_NAMES_H
#define WARDEN_HOST_NS_NAMES_H

#include "psa/client.h"
#include "warden/ns_abi.h"

#define HOST_NS_RENAME(name, ret, args, body, runs, fixed, word, client) \
    HOST_NS_RENAME_##client
#define HOST_NS_RENAME_VIA(fn) __typeof__(fn)(fn) __asm__("ns_" #fn);
#define HOST_NS_RENAME_DIRECT

WARDEN_NS_ABI(HOST_NS_RENAME)

#define tf_run_suite ns_tf_run_suite
#define tf_log       ns_tf_log
#define tf_check     ns_tf_check
#define tf_tally_end ns_tf_tally_end
#define fmt_vprint   ns_fmt_vprint
#define fmt_print    ns_fmt_print

#endif /* WARDEN_HOST_NS_NAMES_H */
