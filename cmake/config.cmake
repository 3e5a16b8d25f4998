# The one configuration source: CMake options (set by the presets) are
# validated here and written to one generated header, warden/config.h.
# TF-M's options come first: some of them set Warden's.
include(${CMAKE_CURRENT_LIST_DIR}/tfm_options.cmake)

set(WARDEN_PLATFORM "host" CACHE STRING "Platform: host or an505")
set_property(CACHE WARDEN_PLATFORM PROPERTY STRINGS host an505)
set(CONFIG_TFM_SPM_BACKEND "SFN" CACHE STRING "SPM backend: SFN or IPC")
set_property(CACHE CONFIG_TFM_SPM_BACKEND PROPERTY STRINGS SFN IPC)
set(TFM_ISOLATION_LEVEL "1" CACHE STRING "Isolation level: 1, 2 or 3")
set(WARDEN_CONN_MAX "8" CACHE STRING "Connection slots (1..255)")
option(PSA_FRAMEWORK_HAS_MM_IOVEC "MM-IOVEC: psa_map_invec() and friends, for services whose manifest says mm_iovec: enable" OFF)
option(TFM_NS_MANAGE_NSID "NSCE: the NS RTOS manages NS client contexts and NSIDs" ON)
set(WARDEN_NS_CONTEXT_SLOTS "4" CACHE STRING "NSCE context slots (1..255)")
# IPC backend with NSCE: every context slot has a secure context of its own
# (an NS-agent thread and its stack), so NS threads make secure calls
# concurrently (docs/nsce-integration.md).
option(WARDEN_NS_SECURE_CONTEXTS "With NSCE: every context slot a secure context of its own, so that NS threads call concurrently without an NS lock (IPC: an NS agent thread each; SFN: a secure stack each, a call waits for a partition another context is in; docs/nsce-integration.md)" OFF)
set(WARDEN_NS_CONTEXT_STACK_SIZE "1024" CACHE STRING
    "Bytes of the secure stack of each NS context (IPC backend with TFM_NS_MANAGE_NSID), a multiple of 8, 256..65536")
option(WARDEN_NS_COMPLETION_IRQ "NS contexts (WARDEN_NS_SECURE_CONTEXTS): an NS call that has to wait returns to the NS RTOS at once, and a reserved NS interrupt tells it when the reply is ready (docs/nsce-integration.md)" OFF)
option(WARDEN_NSCE_PRIVILEGED_THREAD "NSCE: also accept the tfm_nsce_* calls, tfm_register_client_id and the TZ context calls from privileged NS Thread mode (CONTROL_NS.nPRIV clear), not only from NS Handler mode" OFF)
set(WARDEN_FAULT_POLICY "terminate" CACHE STRING
    "What a secure partition's panic or fault does: reset, halt or terminate")
set_property(CACHE WARDEN_FAULT_POLICY PROPERTY STRINGS reset halt terminate)
set(WARDEN_NS_FAULT_POLICY "reset" CACHE STRING
    "What a Non-secure fault that reaches the secure side does: reset or halt")
set_property(CACHE WARDEN_NS_FAULT_POLICY PROPERTY STRINGS reset halt)
# The IPC backend's SPM stack (Armv8-M; cross calls run SPM code on it).
# The default is the high-water mark measured by tools/spm_stack.py plus a
# margin (docs/performance.md); make test checks that it still holds.
# Empty: 416, or 800 with the FPU on (cmake/fp.cmake), whose frames are
# bigger.
set(WARDEN_SPM_STACK_SIZE "" CACHE STRING
    "Bytes of the IPC backend's SPM stack (Armv8-M), a multiple of 8, 256..65536 (empty: 416, 800 with the FPU on)")
# Isolation levels 2 and 3: the stack a partition's FLIH functions run on,
# unprivileged, in its own memory (one per partition that has one).
set(WARDEN_FLIH_STACK_SIZE "512" CACHE STRING
    "Bytes of the stack of a partition's FLIH functions at isolation levels 2 and 3, a multiple of 8, 256..65536")
set(TFM_EXTRA_MANIFEST_LIST_FILES "" CACHE STRING "Extra manifest lists (;-separated)")
set(TFM_EXTRA_PARTITION_PATHS "" CACHE STRING "Extra partition source folders (;-separated)")
set(TFM_PARTITION_LOG_LEVEL "TFM_PARTITION_LOG_LEVEL_INFO" CACHE STRING
    "What the partitions' tfm_sp_log.h macros print: TFM_PARTITION_LOG_LEVEL_DEBUG, _INFO, _ERROR or _SILENCE")
set(WARDEN_USER_PARTITION_WARNINGS "-Wall;-Wextra;-Wshadow;-Wmissing-prototypes;-Wstrict-prototypes" CACHE STRING
    "The warning options of the partitions in TFM_EXTRA_PARTITION_PATHS (;-separated; add -Werror to make their warnings errors, empty for the compiler's own)")
option(WARDEN_BENCH "Build the benchmark images (bench/) instead of the normal ones" OFF)
option(WARDEN_SANITIZE "Hosted build: compile and link everything with AddressSanitizer and UndefinedBehaviorSanitizer; any report stops the program" OFF)
option(TEST_S "Build the test secure image: the product partitions and the test partitions of tests/partitions/ (their services, the secure regression suite); on an505 also the memcheck image" OFF)
option(TEST_NS "Build the NS test images (regression, NSCE, soak, attack, fault), linked against the test secure image; needs TEST_S" OFF)
option(WARDEN_BENCH_MINIMAL "With WARDEN_BENCH: only the secure image, with stateless benchmark services alone (bench/<backend>/minimal/), for its footprint" OFF)

# Illegal combinations stop here, with a sentence that says why.
if(NOT WARDEN_PLATFORM MATCHES "^(host|an505)$")
  message(FATAL_ERROR "WARDEN_PLATFORM='${WARDEN_PLATFORM}': the platforms are 'host' and 'an505'.")
endif()
if(NOT CONFIG_TFM_SPM_BACKEND MATCHES "^(SFN|IPC)$")
  message(FATAL_ERROR "CONFIG_TFM_SPM_BACKEND='${CONFIG_TFM_SPM_BACKEND}': the backends are 'SFN' and 'IPC'.")
endif()
if(NOT TFM_ISOLATION_LEVEL MATCHES "^[123]$")
  message(FATAL_ERROR "TFM_ISOLATION_LEVEL='${TFM_ISOLATION_LEVEL}': the isolation levels are 1, 2 and 3.")
endif()
if(CONFIG_TFM_SPM_BACKEND STREQUAL "SFN" AND NOT TFM_ISOLATION_LEVEL EQUAL 1)
  message(FATAL_ERROR "TFM_ISOLATION_LEVEL=${TFM_ISOLATION_LEVEL} needs the IPC backend: the SFN backend runs every partition on one stack with no boundaries between them, so it only provides isolation level 1.")
endif()
if(WARDEN_PLATFORM STREQUAL "host" AND NOT TFM_ISOLATION_LEVEL EQUAL 1)
  message(FATAL_ERROR "TFM_ISOLATION_LEVEL=${TFM_ISOLATION_LEVEL} needs a platform with a memory protection unit: the hosted build runs everything in one Linux process, so it only provides isolation level 1 (build for an505 to get levels 2 and 3).")
endif()
if(NOT WARDEN_FAULT_POLICY MATCHES "^(reset|halt|terminate)$")
  message(FATAL_ERROR "WARDEN_FAULT_POLICY='${WARDEN_FAULT_POLICY}': the policies are 'reset' (the device resets), 'halt' (the secure side stops) and 'terminate' (only the offending partition stops).")
endif()
if(NOT WARDEN_NS_FAULT_POLICY MATCHES "^(reset|halt)$")
  message(FATAL_ERROR "WARDEN_NS_FAULT_POLICY='${WARDEN_NS_FAULT_POLICY}': a Non-secure fault that reaches the secure side either resets the device ('reset') or halts it ('halt'); there is no partition to terminate.")
endif()
if(NOT WARDEN_CONN_MAX MATCHES "^[0-9]+$" OR WARDEN_CONN_MAX LESS 1 OR WARDEN_CONN_MAX GREATER 255)
  message(FATAL_ERROR "WARDEN_CONN_MAX='${WARDEN_CONN_MAX}': the number of connection slots must be 1..255.")
endif()
# A stack size option: bytes, 256..65536, a multiple of 8 (the AAPCS aligns
# the stack to 8 bytes). @p what names the stack in the refusal.
function(_warden_check_stack_size var what)
  set(v "${${var}}")
  if(NOT v MATCHES "^[0-9]+$" OR v LESS 256 OR v GREATER 65536)
    message(FATAL_ERROR "${var}='${v}': the ${what} stack size is a number of bytes, 256..65536.")
  endif()
  math(EXPR rem "${v} % 8")
  if(NOT rem EQUAL 0)
    message(FATAL_ERROR "${var}=${v}: the ${what} stack size must be a multiple of 8 (the AAPCS aligns the stack to 8 bytes).")
  endif()
endfunction()
_warden_check_stack_size(WARDEN_FLIH_STACK_SIZE FLIH)
_warden_check_stack_size(WARDEN_NS_CONTEXT_STACK_SIZE "NS context")
string(TOUPPER "${TFM_NS_MANAGE_NSID}" _warden_nsce_upper)
if(NOT _warden_nsce_upper MATCHES "^(ON|OFF|TRUE|FALSE|YES|NO|1|0)$")
  message(FATAL_ERROR "TFM_NS_MANAGE_NSID='${TFM_NS_MANAGE_NSID}': it is a switch, ON or OFF.")
endif()
if(NOT WARDEN_NS_CONTEXT_SLOTS MATCHES "^[0-9]+$" OR WARDEN_NS_CONTEXT_SLOTS LESS 1 OR WARDEN_NS_CONTEXT_SLOTS GREATER 255)
  message(FATAL_ERROR "WARDEN_NS_CONTEXT_SLOTS='${WARDEN_NS_CONTEXT_SLOTS}': the number of NS context slots must be 1..255 (a token has 8 bits for the slot index).")
endif()
string(TOUPPER "${WARDEN_NSCE_PRIVILEGED_THREAD}" _warden_nsce_priv_upper)
if(NOT _warden_nsce_priv_upper MATCHES "^(ON|OFF|TRUE|FALSE|YES|NO|1|0)$")
  message(FATAL_ERROR "WARDEN_NSCE_PRIVILEGED_THREAD='${WARDEN_NSCE_PRIVILEGED_THREAD}': it is a switch, ON or OFF.")
endif()
if(WARDEN_NSCE_PRIVILEGED_THREAD AND NOT TFM_NS_MANAGE_NSID)
  message(FATAL_ERROR "WARDEN_NSCE_PRIVILEGED_THREAD=ON needs TFM_NS_MANAGE_NSID=ON: it says from which NS modes the NSCE calls are accepted, and without NSCE they are refused from every mode.")
endif()
string(TOUPPER "${PSA_FRAMEWORK_HAS_MM_IOVEC}" _warden_mm_iovec_upper)
if(NOT _warden_mm_iovec_upper MATCHES "^(ON|OFF|TRUE|FALSE|YES|NO|1|0)$")
  message(FATAL_ERROR "PSA_FRAMEWORK_HAS_MM_IOVEC='${PSA_FRAMEWORK_HAS_MM_IOVEC}': it is a switch, ON or OFF.")
endif()
# Sets @p out to 1 if the condition that follows holds, else to 0: the
# form warden/config.h takes a switch in.
function(_warden_flag out)
  if(${ARGN})
    set(${out} 1 PARENT_SCOPE)
  else()
    set(${out} 0 PARENT_SCOPE)
  endif()
endfunction()
_warden_flag(WARDEN_MM_IOVEC_ENABLED PSA_FRAMEWORK_HAS_MM_IOVEC)
_warden_flag(WARDEN_NSCE_ENABLED TFM_NS_MANAGE_NSID)
# The secure contexts of NS contexts: one per slot with NSCE (either
# backend); none otherwise (every NS call runs on the one NS agent).
string(TOUPPER "${WARDEN_NS_SECURE_CONTEXTS}" _warden_nsctx_upper)
if(NOT _warden_nsctx_upper MATCHES "^(ON|OFF|TRUE|FALSE|YES|NO|1|0)$")
  message(FATAL_ERROR "WARDEN_NS_SECURE_CONTEXTS='${WARDEN_NS_SECURE_CONTEXTS}': it is a switch, ON or OFF.")
endif()
if(WARDEN_NS_SECURE_CONTEXTS AND NOT WARDEN_NSCE_ENABLED)
  message(FATAL_ERROR "WARDEN_NS_SECURE_CONTEXTS=ON needs TFM_NS_MANAGE_NSID=ON: the secure contexts are those of the NSCE context slots.")
endif()
if(WARDEN_NS_SECURE_CONTEXTS)
  set(WARDEN_NS_CONTEXTS ${WARDEN_NS_CONTEXT_SLOTS})
else()
  set(WARDEN_NS_CONTEXTS 0)
endif()
_warden_flag(WARDEN_NSCE_PRIVILEGED_THREAD_ENABLED WARDEN_NSCE_PRIVILEGED_THREAD)
string(TOUPPER "${WARDEN_NS_COMPLETION_IRQ}" _warden_completion_upper)
if(NOT _warden_completion_upper MATCHES "^(ON|OFF|TRUE|FALSE|YES|NO|1|0)$")
  message(FATAL_ERROR "WARDEN_NS_COMPLETION_IRQ='${WARDEN_NS_COMPLETION_IRQ}': it is a switch, ON or OFF.")
endif()
if(WARDEN_NS_COMPLETION_IRQ AND NOT WARDEN_NS_SECURE_CONTEXTS)
  message(FATAL_ERROR "WARDEN_NS_COMPLETION_IRQ=ON needs WARDEN_NS_SECURE_CONTEXTS=ON: a call that returns to NS before its reply keeps its request in its NS context's secure context, which only that option gives each NS context.")
endif()
_warden_flag(WARDEN_NS_COMPLETION_IRQ_ENABLED WARDEN_NS_COMPLETION_IRQ)

if(WARDEN_BENCH_MINIMAL AND NOT WARDEN_BENCH)
  message(FATAL_ERROR "WARDEN_BENCH_MINIMAL=ON is a kind of benchmark build: it needs WARDEN_BENCH=ON too.")
endif()
if(WARDEN_BENCH AND WARDEN_PLATFORM STREQUAL "host")
  message(FATAL_ERROR "WARDEN_BENCH=ON needs WARDEN_PLATFORM=an505: the benchmark counts instructions under QEMU -icount, which the hosted build cannot do.")
endif()

if(TEST_NS AND NOT TEST_S)
  message(FATAL_ERROR "TEST_NS=ON needs TEST_S=ON: the NS test images call the services of the test partitions and start the secure regression suite, which only the test secure image (built with TEST_S=ON) has.")
endif()
if(WARDEN_BENCH AND (TEST_S OR TEST_NS))
  message(FATAL_ERROR "WARDEN_BENCH=ON builds the benchmark images only: leave TEST_S and TEST_NS off in a benchmark build.")
endif()

if(WARDEN_SANITIZE AND NOT WARDEN_PLATFORM STREQUAL "host")
  message(FATAL_ERROR "WARDEN_SANITIZE=ON needs WARDEN_PLATFORM=host: AddressSanitizer and UndefinedBehaviorSanitizer need a hosted C library and shadow memory, which the bare-metal an505 images do not have.")
endif()

set(_levels DEBUG INFO ERROR SILENCE)
list(TRANSFORM _levels PREPEND TFM_PARTITION_LOG_LEVEL_)
if(NOT TFM_PARTITION_LOG_LEVEL IN_LIST _levels)
  message(FATAL_ERROR "TFM_PARTITION_LOG_LEVEL='${TFM_PARTITION_LOG_LEVEL}': the partition log levels are TFM_PARTITION_LOG_LEVEL_DEBUG (every tfm_sp_log.h macro prints), TFM_PARTITION_LOG_LEVEL_INFO (all but LOG_DBGFMT), TFM_PARTITION_LOG_LEVEL_ERROR (LOG_ERRFMT only) and TFM_PARTITION_LOG_LEVEL_SILENCE (none).")
endif()

include(${CMAKE_CURRENT_LIST_DIR}/fp.cmake)  # floating point
# The SPM stack's default follows the FPU (docs/performance.md, "The SPM
# stack"); a given size is checked as it is.
if(WARDEN_SPM_STACK_SIZE STREQUAL "")
  if(WARDEN_FPU)
    set(WARDEN_SPM_STACK_SIZE 800)
  else()
    set(WARDEN_SPM_STACK_SIZE 416)
  endif()
endif()
_warden_check_stack_size(WARDEN_SPM_STACK_SIZE SPM)

# an505 needs the Arm cross compiler: the host's compiler would stop on the
# first secure file (-mcmse). The toolchain file comes before project(), so
# a build folder made without it cannot be fixed: it takes a new one.
if(WARDEN_PLATFORM STREQUAL "an505")
  include(CheckCCompilerFlag)
  check_c_compiler_flag(-mcmse WARDEN_CC_HAS_CMSE)
  if(NOT WARDEN_CC_HAS_CMSE)
    message(FATAL_ERROR "WARDEN_PLATFORM=an505 needs the Arm cross compiler, but this build folder uses ${CMAKE_C_COMPILER}, which cannot compile secure code (-mcmse): configure a new build folder with a preset (cmake --preset an505-sfn; CMakePresets.json has the others) or with -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-arm-none-eabi.cmake.")
  endif()
endif()

if(WARDEN_PLATFORM STREQUAL "host")
  set(WARDEN_ARCH host)
else()
  set(WARDEN_ARCH armv8m)
endif()
# A thread behind an isolation boundary carries more state (its privilege,
# its SVC stack, its MPU regions): arch/<arch>/arch_thread_iso.h.
if(TFM_ISOLATION_LEVEL GREATER 1)
  set(WARDEN_ARCH_THREAD arch_thread_iso)
else()
  set(WARDEN_ARCH_THREAD arch_thread)
endif()

string(TOLOWER "${CONFIG_TFM_SPM_BACKEND}" WARDEN_BACKEND_LOWER)
foreach(_policy reset halt terminate)
  string(TOUPPER ${_policy} _upper)
  if(WARDEN_FAULT_POLICY STREQUAL _policy)
    set(WARDEN_FAULT_POLICY_IS_${_upper} 1)
  else()
    set(WARDEN_FAULT_POLICY_IS_${_upper} 0)
  endif()
endforeach()
if(WARDEN_NS_FAULT_POLICY STREQUAL "reset")
  set(WARDEN_NS_FAULT_POLICY_IS_RESET 1)
else()
  set(WARDEN_NS_FAULT_POLICY_IS_RESET 0)
endif()
# warden/config.h, in a folder of its own: each secure image's manifest
# output is in another (generated/<image>, cmake/secure_image.cmake), and
# nothing else of generated/ is on an include path.
set(WARDEN_CONFIG_DIR ${CMAKE_BINARY_DIR}/generated/config)
configure_file(${CMAKE_SOURCE_DIR}/cmake/config.h.in
               ${WARDEN_CONFIG_DIR}/warden/config.h @ONLY)
message(STATUS "Warden: platform ${WARDEN_PLATFORM}, backend ${CONFIG_TFM_SPM_BACKEND}, isolation level ${TFM_ISOLATION_LEVEL}, fault policy ${WARDEN_FAULT_POLICY} (Non-secure faults: ${WARDEN_NS_FAULT_POLICY}), TFM_NS_MANAGE_NSID ${TFM_NS_MANAGE_NSID} (${WARDEN_NS_CONTEXT_SLOTS} context slots, privileged NS threads ${WARDEN_NSCE_PRIVILEGED_THREAD}), PSA_FRAMEWORK_HAS_MM_IOVEC ${PSA_FRAMEWORK_HAS_MM_IOVEC}, TEST_S ${TEST_S}, TEST_NS ${TEST_NS}")
