# TF-M's build options, as a TF-M user passes them: each one is honoured
# (it sets the Warden option it means) or refused with a sentence naming
# Warden's equivalent or saying there is none; none is ignored.
# cmake/config.cmake includes this file before Warden's options get their
# defaults, so that an option set here is taken as given.
#
# Honoured:
#   TFM_PLATFORM   arm/mps2/an505 -> WARDEN_PLATFORM=an505
#   TFM_PROFILE    profile_small, profile_medium_arotless, profile_medium,
#                  profile_large -> CONFIG_TFM_SPM_BACKEND,
#                  TFM_ISOLATION_LEVEL (and MM-IOVEC for profile_small)
#   TFM_PARTITION_<NAME>  when a manifest list of the build switches a
#                  partition with "@TFM_PARTITION_<NAME>@"; OFF otherwise
# Already Warden's own names (cmake/config.cmake, cmake/fp.cmake):
#   CONFIG_TFM_SPM_BACKEND, TFM_ISOLATION_LEVEL, TFM_NS_MANAGE_NSID,
#   PSA_FRAMEWORK_HAS_MM_IOVEC, TEST_S, TEST_NS, TFM_EXTRA_*, the FP options.
# Everything else in this file is refused (docs/configuration.md, "TF-M's
# options").

# Whether @p value is one of CMake's false constants (OFF, 0, NO, empty ...).
function(_warden_tfm_is_off out value)
  string(TOUPPER "${value}" _upper)
  if(_upper MATCHES "^(|0|OFF|NO|N|FALSE|IGNORE|NOTFOUND|.*-NOTFOUND)$")
    set(${out} TRUE PARENT_SCOPE)
  else()
    set(${out} FALSE PARENT_SCOPE)
  endif()
endfunction()

# Sets Warden's option @p var to @p value because the TF-M option @p from
# (e.g. "TFM_PROFILE=profile_small") means it. A value of @p var given by
# the user (command line, preset) that differs is refused; a value this
# function set on an earlier configure is not the user's, and is replaced
# (the TF-M option may have changed since).
function(_warden_tfm_sets var value from)
  if(DEFINED CACHE{${var}})
    set(_old "$CACHE{${var}}")
    if(NOT _old STREQUAL value AND NOT _old STREQUAL "$CACHE{_WARDEN_TFM_SET_${var}}")
      message(FATAL_ERROR "${from} means ${var}=${value}, but ${var} is '${_old}' (given on the command line or by a preset, or kept in this build folder's cache): give only one of the two, or configure a new build folder.")
    endif()
    set_property(CACHE ${var} PROPERTY VALUE "${value}")
  else()
    set(${var} "${value}" CACHE STRING "Set by ${from}")
  endif()
  set(_WARDEN_TFM_SET_${var} "${value}" CACHE INTERNAL "")
  set(${var} "${value}" PARENT_SCOPE)
endfunction()

# TFM_PLATFORM: the one TF-M platform Warden has.
if(DEFINED TFM_PLATFORM)
  if(TFM_PLATFORM STREQUAL "arm/mps2/an505")
    _warden_tfm_sets(WARDEN_PLATFORM an505 "TFM_PLATFORM=${TFM_PLATFORM}")
  else()
    message(FATAL_ERROR "TFM_PLATFORM='${TFM_PLATFORM}': Warden has two platforms, arm/mps2/an505 (QEMU mps2-an505; WARDEN_PLATFORM=an505, with the presets an505-*) and the hosted build on Linux (WARDEN_PLATFORM=host, the default), and no other.")
  endif()
endif()

# TFM_PROFILE: what each TF-M profile chooses of the framework (its backend,
# isolation level and MM-IOVEC, as TF-M's profile files do). The partitions
# a profile also chooses in TF-M (Crypto, storage, attestation) are not
# part of Warden.
set(_warden_profile_small "CONFIG_TFM_SPM_BACKEND=SFN;TFM_ISOLATION_LEVEL=1;PSA_FRAMEWORK_HAS_MM_IOVEC=ON")
set(_warden_profile_medium_arotless "CONFIG_TFM_SPM_BACKEND=SFN;TFM_ISOLATION_LEVEL=1")
set(_warden_profile_medium "CONFIG_TFM_SPM_BACKEND=IPC;TFM_ISOLATION_LEVEL=2")
set(_warden_profile_large "CONFIG_TFM_SPM_BACKEND=IPC;TFM_ISOLATION_LEVEL=3")
if(DEFINED TFM_PROFILE AND NOT TFM_PROFILE STREQUAL "")
  if(NOT TFM_PROFILE MATCHES "^profile_(small|medium_arotless|medium|large)$")
    message(FATAL_ERROR "TFM_PROFILE='${TFM_PROFILE}': the TF-M profiles Warden knows are profile_small (SFN backend, isolation level 1, MM-IOVEC), profile_medium_arotless (SFN, level 1), profile_medium (IPC, level 2) and profile_large (IPC, level 3); or leave TFM_PROFILE empty and choose the options themselves.")
  endif()
  foreach(_setting IN LISTS _warden_${TFM_PROFILE})
    string(REPLACE "=" ";" _pair "${_setting}")
    list(GET _pair 0 _var)
    list(GET _pair 1 _value)
    _warden_tfm_sets(${_var} ${_value} "TFM_PROFILE=${TFM_PROFILE}")
  endforeach()
  string(REPLACE ";" ", " _settings "${_warden_${TFM_PROFILE}}")
  message(STATUS "Warden: TFM_PROFILE=${TFM_PROFILE} sets ${_settings}")
endif()

# The names a manifest list's `conditional: "@NAME@"` entries use, in
# @p out (cmake/manifest.cmake passes their values to the manifest tool).
function(warden_list_conditionals out list_file)
  set(_names)
  if(EXISTS "${list_file}")
    file(READ "${list_file}" _text)
    string(REGEX MATCHALL "@[A-Za-z_][A-Za-z0-9_]*@" _found "${_text}")
    foreach(_name IN LISTS _found)
      string(REPLACE "@" "" _name "${_name}")
      list(APPEND _names ${_name})
    endforeach()
  endif()
  set(${out} ${_names} PARENT_SCOPE)
endfunction()

# TF-M options refused whenever they are given, and those refused unless
# they are off: NAME|sentence.
set(_warden_tfm_refused_any
  "TFM_TOOLCHAIN_FILE|Warden takes CMake's own toolchain option: configure a new build folder with a preset (cmake --preset an505-sfn, CMakePresets.json) or with -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-arm-none-eabi.cmake (GCC)."
  "CONFIG_TFM_HALT_ON_CORE_PANIC|Warden's equivalent is WARDEN_FAULT_POLICY: halt, reset, or terminate (the default: only the partition that broke a rule stops)."
  "CONFIG_TFM_CONN_HANDLE_MAX_NUM|Warden's equivalent is WARDEN_CONN_MAX (1..255, default 8)."
  "CONFIG_TFM_SPE_FP|Warden's equivalent is CONFIG_TFM_ENABLE_FP (ON or OFF), with CONFIG_TFM_ENABLE_CP10CP11 and WARDEN_NS_FLOAT_ABI for the NS side (docs/floating_point.md)."
  "TFM_SPM_LOG_LEVEL|Warden's SPM has no log levels: it always prints its few messages (partitions started, the reports of a panic or a fault)."
  "TFM_S_REG_TEST|Warden's name for it is TEST_S."
  "TFM_NS_REG_TEST|Warden's name for it is TEST_NS."
  "TEST_PSA_API|Warden does not build the PSA Architecture Test Suite; its own suites (TEST_S, TEST_NS) test the FF-M behaviour."
  "MBEDCRYPTO_PATH|Warden has no Crypto partition and builds no Mbed TLS."
  "MCUBOOT_PATH|Warden has no bootloader, so no MCUboot."
  "TFM_TEST_REPO_PATH|Warden's tests are in its own tree (tests/); TEST_S and TEST_NS build them."
)
set(_warden_tfm_refused_on
  "BL2|Warden has no bootloader (TF-M's BL2, MCUboot): QEMU loads the secure and NS images themselves; leave BL2 off."
  "TFM_MULTI_CORE_TOPOLOGY|Warden is for one Armv8-M core with TrustZone: there is no multi-core topology."
  "TFM_PARTITION_NS_AGENT_MAILBOX|Warden is for one Armv8-M core with TrustZone: there is no mailbox NS agent."
  "TFM_FIH_PROFILE|Warden has no fault injection hardening library (TF-M's FIH); the only value is OFF."
  "CONFIG_TFM_STACK_WATERMARKS|Warden has no stack watermarks option; make test measures the IPC backend's SPM stack (tools/spm_stack.py)."
  "CONFIG_TFM_ENABLE_PROFILING|Warden has no profiler hooks; make bench counts the instructions of each operation (docs/performance.md)."
)
foreach(_entry IN LISTS _warden_tfm_refused_any _warden_tfm_refused_on)
  string(FIND "${_entry}" "|" _bar)
  string(SUBSTRING "${_entry}" 0 ${_bar} _name)
  math(EXPR _bar "${_bar} + 1")
  string(SUBSTRING "${_entry}" ${_bar} -1 _why)
  if(NOT DEFINED ${_name})
    continue()
  endif()
  _warden_tfm_is_off(_off "${${_name}}")
  if(_entry IN_LIST _warden_tfm_refused_any OR NOT _off)
    message(FATAL_ERROR "${_name}='${${_name}}' is a TF-M option Warden does not have: ${_why}")
  endif()
endforeach()

# TFM_PARTITION_<NAME> and TEST_S_<NAME> / TEST_NS_<NAME>, as many as TF-M
# has: OFF is what Warden has anyway; ON is refused unless a manifest list
# of the build switches a partition with it.
set(_warden_tfm_conditionals)
foreach(_list ${CMAKE_SOURCE_DIR}/partitions/manifest_list.yaml ${TFM_EXTRA_MANIFEST_LIST_FILES})
  get_filename_component(_list "${_list}" ABSOLUTE BASE_DIR ${CMAKE_SOURCE_DIR})
  warden_list_conditionals(_names "${_list}")
  list(APPEND _warden_tfm_conditionals ${_names})
endforeach()
get_cmake_property(_warden_cache_names CACHE_VARIABLES)
foreach(_name IN LISTS _warden_cache_names)
  # TFM_PARTITION_LOG_LEVEL is a log level, not a partition.
  if(NOT _name MATCHES "^(TFM_PARTITION_|TEST_S_|TEST_NS_)"
     OR _name STREQUAL "TFM_PARTITION_LOG_LEVEL"
     OR _name IN_LIST _warden_tfm_conditionals)
    continue()
  endif()
  _warden_tfm_is_off(_off "${${_name}}")
  if(_name STREQUAL "TFM_PARTITION_NS_AGENT_TZ")
    if(_off)
      message(FATAL_ERROR "${_name}='${${_name}}': Warden's TrustZone NS agent cannot be left out: NS code calls the secure side through it. Leave ${_name} unset (or ON).")
    endif()
  elseif(_off)
    continue()
  elseif(_name MATCHES "^TFM_PARTITION_")
    message(FATAL_ERROR "${_name}='${${_name}}' is a TF-M option Warden does not have: Warden ships the SPM and an example partition, none of TF-M's own partitions (Crypto, storage, attestation, platform, firmware update), and no manifest list of this build switches a partition with @${_name}@. A TF-M partition's sources build as an out-of-tree partition (TFM_EXTRA_MANIFEST_LIST_FILES, TFM_EXTRA_PARTITION_PATHS; docs/adding-a-partition.md), and its list's conditional \"@${_name}@\" then takes this value.")
  else()
    message(FATAL_ERROR "${_name}='${${_name}}' is a TF-M option Warden does not have: Warden does not choose its test suites one by one; TEST_S=ON and TEST_NS=ON build every suite this configuration has (the backend's, NSCE's, the secure interrupts' among them), and there are no suites of TF-M's own partitions.")
  endif()
endforeach()
