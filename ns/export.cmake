# The NS export: what an NS application built outside Warden's tree needs,
# made by the secure build in build/<preset>/api_ns/ (TF-M's split build
# calls its folder api_ns too; docs/ns-application.md):
#
#   include/            the PSA client and NSCE headers (include/), the
#                       build's warden/config.h and its product image's
#                       psa_manifest/sid.h, platform_ns.h, and ns/: ns_log.h,
#                       ns_interface.h (the lock hooks), nsid_manager.h
#   lib/libwarden_ns_client.a    the PSA client API over the veneers; it
#                       calls ns_interface_lock()/_unlock() around each call
#   lib/libwarden_ns_lock_none.a those hooks doing nothing (bare metal, or
#                       an RTOS whose threads each have an NS context);
#                       an RTOS that serialises NS calls defines its own
#   lib/libwarden_ns_nsid.a      the NSID manager and the CMSIS TZ shim
#   lib/libwarden_platform_ns.a  the platform's NS side: start-up (which
#                       calls ns_main()), console, exit
#   an505: lib/warden_s_veneers.o (the secure image's CMSE import
#                       library), lib/an505_ns.ld (the NS memory map as a
#                       linker script; include/memory_map.h its numbers),
#                       bin/warden_s.elf, toolchain-arm-none-eabi.cmake
#   host:  lib/libwarden_s.a (the secure image's objects: both worlds are
#                       one program there), lib/ns_sections.ld.in
#   warden_ns.cmake     include() it, then warden_ns_application()
#
# The target warden_api_ns (part of every build) makes it.

set(WARDEN_API_NS ${CMAKE_BINARY_DIR}/api_ns)
set(_api ${WARDEN_API_NS})
set(_outputs)

# _warden_export_archive(<name> <object libraries or object files...>):
# lib/lib<name>.a from their objects.
function(_warden_export_archive name)
  set(_out ${_api}/lib/lib${name}.a)
  set(_objs)
  foreach(_item IN LISTS ARGN)
    if(TARGET ${_item})
      list(APPEND _objs "$<TARGET_OBJECTS:${_item}>")
    else()
      list(APPEND _objs ${_item})
    endif()
  endforeach()
  add_custom_command(OUTPUT ${_out}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${_api}/lib
    COMMAND ${CMAKE_COMMAND} -E rm -f ${_out}
    COMMAND ${CMAKE_AR} qcs ${_out} ${_objs}
    DEPENDS ${_objs}
    COMMENT "api_ns: lib${name}.a"
    COMMAND_EXPAND_LISTS VERBATIM)
  set(_outputs ${_outputs} ${_out} PARENT_SCOPE)
endfunction()

_warden_export_archive(warden_ns_client
  "$<FILTER:$<TARGET_OBJECTS:warden_ns_client>,EXCLUDE,ns_interface_bare>")
_warden_export_archive(warden_ns_lock_none
  "$<FILTER:$<TARGET_OBJECTS:warden_ns_client>,INCLUDE,ns_interface_bare>")
_warden_export_archive(warden_ns_nsid warden_ns_nsid)
_warden_export_archive(warden_platform_ns warden_platform_ns)

# The headers, copied at build time (so they follow their sources).
set(_gen ${CMAKE_BINARY_DIR}/generated/warden_s)
set(_copy ${CMAKE_COMMAND} -E copy_if_different)
set(_headers
  ${CMAKE_SOURCE_DIR}/ns/ns_log.h ${CMAKE_SOURCE_DIR}/ns/ns_interface.h
  ${CMAKE_SOURCE_DIR}/ns/ns_completion.h
  ${CMAKE_SOURCE_DIR}/ns/nsid_manager.h ${CMAKE_SOURCE_DIR}/ns/host_ns_names.h)
set(_header_commands
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/include
          ${_api}/include
  # Secure-side headers: not for NS code.
  COMMAND ${CMAKE_COMMAND} -E rm -f ${_api}/include/tfm_sp_log.h
          ${_api}/include/warden/log.h ${_api}/include/psa/service.h
  COMMAND ${CMAKE_COMMAND} -E make_directory ${_api}/include/ns
          ${_api}/include/psa_manifest ${_api}/lib
  COMMAND ${_copy} ${_headers} ${_api}/include/ns
  COMMAND ${_copy} ${CMAKE_SOURCE_DIR}/platform/include/platform_ns.h
          ${_api}/include
  COMMAND ${_copy} ${WARDEN_CONFIG_DIR}/warden/config.h ${_api}/include/warden
  COMMAND ${_copy} ${_gen}/psa_manifest/sid.h ${_api}/include/psa_manifest)

if(WARDEN_PLATFORM STREQUAL "an505")
  get_target_property(_implib warden_s WARDEN_VENEER_IMPLIB)
  get_property(_ld_dir GLOBAL PROPERTY WARDEN_AN505_LD_DIR)
  list(APPEND _header_commands
    COMMAND ${_copy} ${_implib} ${_ld_dir}/an505_ns.ld ${_api}/lib
    COMMAND ${_copy} ${CMAKE_SOURCE_DIR}/platform/an505/memory_map.h
            ${_api}/include
    COMMAND ${_copy} ${CMAKE_SOURCE_DIR}/cmake/toolchain-arm-none-eabi.cmake
            ${_api}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${_api}/bin
    COMMAND ${_copy} $<TARGET_FILE:warden_s> ${_api}/bin)
  # The NS side's compiler options: the toolchain's, and the NS float ABI.
  set(WARDEN_API_NS_COMPILE_OPTIONS ${_warden_ns_flags})
  set(WARDEN_API_NS_SECURE_IMAGE bin/warden_s.elf)
else()
  get_property(_s_libs TARGET warden_s PROPERTY WARDEN_OBJECTS)
  set(_s_objs)
  foreach(_lib IN LISTS _s_libs)
    get_target_property(_type ${_lib} TYPE)
    if(NOT _type STREQUAL "INTERFACE_LIBRARY")
      list(APPEND _s_objs ${_lib})
    endif()
  endforeach()
  _warden_export_archive(warden_s ${_s_objs})
  list(APPEND _header_commands
    COMMAND ${_copy} ${CMAKE_SOURCE_DIR}/platform/host/ns_sections.ld.in
            ${_api}/lib)
  set(WARDEN_API_NS_COMPILE_OPTIONS)
  set(WARDEN_API_NS_SECURE_IMAGE "")
endif()
if(WARDEN_SANITIZE)
  list(APPEND WARDEN_API_NS_COMPILE_OPTIONS ${_warden_sanitize_flags})
endif()

configure_file(${CMAKE_CURRENT_LIST_DIR}/warden_ns.cmake.in
               ${_api}/warden_ns.cmake @ONLY)
add_custom_target(warden_api_ns ALL
  ${_header_commands}
  DEPENDS ${_outputs}
  COMMENT "api_ns: the NS export in ${_api}"
  VERBATIM)
add_dependencies(warden_api_ns warden_s)
