# Floating point (docs/floating_point.md): which side may use the FPU, the
# float ABI each side is compiled for, and the compiler and linker options
# that follow, per target.
#
#   CONFIG_TFM_ENABLE_FP       secure side hard-float: partitions may use the
#                              FPU (TF-M's name; OFF by default)
#   CONFIG_TFM_FLOAT_ABI       the secure side's ABI, "soft" or "hard"; left
#                              empty it follows CONFIG_TFM_ENABLE_FP, as in
#                              TF-M
#   CONFIG_TFM_FP_ARCH         the FPU for -mfpu (the AN505's Cortex-M33:
#                              fpv5-sp-d16)
#   CONFIG_TFM_LAZY_STACKING   lazy FP state preservation (FPCCR.LSPEN), set
#                              by the secure side for both
#   CONFIG_TFM_ENABLE_CP10CP11 the FPU granted to NS with a soft-float
#                              secure side
#   CONFIG_TFM_DISABLE_CP10CP11 the FPU for neither side
#   WARDEN_NS_FLOAT_ABI        the NS libraries' and images' ABI: "soft",
#                              "softfp" or "hard"; left empty, "hard" when
#                              either option above gives NS the FPU, else
#                              "soft"
#
# Targets say which side they are with the property WARDEN_SIDE: "NS" (the
# NS libraries and images: warden_ns_sources(), warden_add_ns_image()),
# "CORE" (the SPM, its port and the platform: with the FPU on they are
# compiled with -mgeneral-regs-only, so that SPM code never holds a value in
# an FP register), or unset (partitions and the secure image: the secure
# ABI).

option(CONFIG_TFM_ENABLE_FP "Secure side hard-float: secure partitions may use the FPU" OFF)
set(CONFIG_TFM_FLOAT_ABI "" CACHE STRING "The secure side's float ABI: soft or hard (empty: hard if CONFIG_TFM_ENABLE_FP, else soft)")
set(CONFIG_TFM_FP_ARCH "fpv5-sp-d16" CACHE STRING "The FPU (-mfpu): fpv5-sp-d16 on the Cortex-M33")
option(CONFIG_TFM_LAZY_STACKING "Lazy FP state preservation (FPCCR.LSPEN), for both sides" ON)
option(CONFIG_TFM_ENABLE_CP10CP11 "Grant the FPU to NS with a soft-float secure side" OFF)
option(CONFIG_TFM_DISABLE_CP10CP11 "The FPU for neither side" OFF)
set(WARDEN_NS_FLOAT_ABI "" CACHE STRING "The NS side's float ABI: soft, softfp or hard (empty: hard when NS has the FPU, else soft)")
set_property(CACHE WARDEN_NS_FLOAT_ABI PROPERTY STRINGS "" soft softfp hard)

foreach(_switch CONFIG_TFM_ENABLE_FP CONFIG_TFM_LAZY_STACKING
        CONFIG_TFM_ENABLE_CP10CP11 CONFIG_TFM_DISABLE_CP10CP11)
  string(TOUPPER "${${_switch}}" _upper)
  if(NOT _upper MATCHES "^(ON|OFF|TRUE|FALSE|YES|NO|1|0)$")
    message(FATAL_ERROR "${_switch}='${${_switch}}': it is a switch, ON or OFF.")
  endif()
endforeach()

# Each side's ABI: given, or when empty "hard" if the condition that follows
# holds, else "soft".
function(_warden_abi out given)
  if(NOT given STREQUAL "")
    set(${out} "${given}" PARENT_SCOPE)
  elseif(${ARGN})
    set(${out} hard PARENT_SCOPE)
  else()
    set(${out} soft PARENT_SCOPE)
  endif()
endfunction()

# The secure ABI: given, or taken from CONFIG_TFM_ENABLE_FP.
_warden_abi(WARDEN_S_FLOAT_ABI "${CONFIG_TFM_FLOAT_ABI}" CONFIG_TFM_ENABLE_FP)
if(NOT WARDEN_S_FLOAT_ABI MATCHES "^(soft|hard)$")
  message(FATAL_ERROR "CONFIG_TFM_FLOAT_ABI='${CONFIG_TFM_FLOAT_ABI}': the secure side is built 'soft' or 'hard' (softfp is an NS choice: WARDEN_NS_FLOAT_ABI).")
endif()
if(WARDEN_S_FLOAT_ABI STREQUAL "hard" AND NOT CONFIG_TFM_ENABLE_FP)
  message(FATAL_ERROR "CONFIG_TFM_FLOAT_ABI=hard needs CONFIG_TFM_ENABLE_FP=ON: a hard-float secure side uses the FPU, which the secure boot grants only with that option.")
endif()
if(WARDEN_S_FLOAT_ABI STREQUAL "soft" AND CONFIG_TFM_ENABLE_FP)
  message(FATAL_ERROR "CONFIG_TFM_ENABLE_FP=ON with CONFIG_TFM_FLOAT_ABI=soft: FP-using partitions need the secure side built hard-float; leave CONFIG_TFM_FLOAT_ABI empty or set it to 'hard'.")
endif()

# The NS ABI: given, or hard when NS has the FPU.
_warden_abi(WARDEN_NS_ABI "${WARDEN_NS_FLOAT_ABI}"
            CONFIG_TFM_ENABLE_FP OR CONFIG_TFM_ENABLE_CP10CP11)
if(NOT WARDEN_NS_ABI MATCHES "^(soft|softfp|hard)$")
  message(FATAL_ERROR "WARDEN_NS_FLOAT_ABI='${WARDEN_NS_FLOAT_ABI}': the NS float ABIs are 'soft', 'softfp' and 'hard'.")
endif()

# Who gets the FPU: the secure side when it is hard-float; NS when its ABI
# uses FP instructions or CONFIG_TFM_ENABLE_CP10CP11 says so.
_warden_flag(WARDEN_FP_SECURE CONFIG_TFM_ENABLE_FP)
_warden_flag(WARDEN_FP_NS NOT WARDEN_NS_ABI STREQUAL soft
             OR CONFIG_TFM_ENABLE_CP10CP11)
_warden_flag(WARDEN_FPU WARDEN_FP_SECURE OR WARDEN_FP_NS)
if(CONFIG_TFM_DISABLE_CP10CP11 AND WARDEN_FPU)
  message(FATAL_ERROR "CONFIG_TFM_DISABLE_CP10CP11=ON keeps the FPU from both sides, but CONFIG_TFM_ENABLE_FP=${CONFIG_TFM_ENABLE_FP}, CONFIG_TFM_ENABLE_CP10CP11=${CONFIG_TFM_ENABLE_CP10CP11} and WARDEN_NS_FLOAT_ABI=${WARDEN_NS_ABI} ask for it: turn those off (NS soft-float) or leave CONFIG_TFM_DISABLE_CP10CP11 OFF.")
endif()
if(WARDEN_FPU AND NOT WARDEN_PLATFORM STREQUAL "an505")
  message(FATAL_ERROR "Floating point (CONFIG_TFM_ENABLE_FP, CONFIG_TFM_ENABLE_CP10CP11, WARDEN_NS_FLOAT_ABI=${WARDEN_NS_ABI}) needs WARDEN_PLATFORM=an505: the hosted build uses the host's own FPU and ABI, with no FP state of its own to protect.")
endif()
if(WARDEN_FPU AND NOT CONFIG_TFM_FP_ARCH MATCHES "^(fpv5-sp-d16|auto)$")
  message(FATAL_ERROR "CONFIG_TFM_FP_ARCH='${CONFIG_TFM_FP_ARCH}': the AN505's Cortex-M33 has a single-precision FPU, FPv5-SP-D16: use 'fpv5-sp-d16' (or 'auto').")
endif()
_warden_flag(WARDEN_FP_LAZY CONFIG_TFM_LAZY_STACKING)
# TF-M's numbering of the ABI in C: 0 soft, 2 hard.
math(EXPR WARDEN_S_FLOAT_ABI_NUMBER "2 * ${WARDEN_FP_SECURE}")

# The options of each ABI (Armv8-M targets only; the host has its own).
function(_warden_abi_flags out abi)
  if(abi STREQUAL "soft")
    set(${out} -mfloat-abi=soft PARENT_SCOPE)
  else()
    set(${out} -mfloat-abi=${abi} -mfpu=${CONFIG_TFM_FP_ARCH} PARENT_SCOPE)
  endif()
endfunction()
if(WARDEN_PLATFORM STREQUAL "an505")
  _warden_abi_flags(_warden_s_flags ${WARDEN_S_FLOAT_ABI})
  _warden_abi_flags(_warden_ns_flags ${WARDEN_NS_ABI})
  # The core saves and clears FP registers whenever either side has the
  # FPU: with a soft-float secure side it is built softfp (the same calling
  # convention as soft) so that its assembly may name them.
  set(_warden_core_flags ${_warden_s_flags})
  if(WARDEN_FPU AND NOT WARDEN_FP_SECURE)
    _warden_abi_flags(_warden_core_flags softfp)
  endif()
  if(WARDEN_FPU)
    list(APPEND _warden_core_flags -mgeneral-regs-only)
  endif()
  set(_side "$<TARGET_PROPERTY:WARDEN_SIDE>")
  add_compile_options(
    "$<$<STREQUAL:${_side},NS>:${_warden_ns_flags}>"
    "$<$<STREQUAL:${_side},CORE>:${_warden_core_flags}>"
    "$<$<STREQUAL:${_side},>:${_warden_s_flags}>")
  # The linker picks the C library of the image's ABI.
  add_link_options(
    "$<$<STREQUAL:${_side},NS>:${_warden_ns_flags}>"
    "$<$<NOT:$<STREQUAL:${_side},NS>>:${_warden_s_flags}>")
endif()
message(STATUS "Warden: floating point: secure ${WARDEN_S_FLOAT_ABI}-float, NS ${WARDEN_NS_ABI}-float, FPU granted to secure ${WARDEN_FPU}, to NS ${WARDEN_FP_NS}, lazy stacking ${CONFIG_TFM_LAZY_STACKING}")
