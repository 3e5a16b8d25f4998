# One CMake call per partition (docs/adding-a-partition.md).
#
#   warden_partition(<NAME>
#                    [SOURCES <files...>]
#                    [LIBRARIES <archives...>]
#                    [INCLUDE_DIRECTORIES <dirs...>]
#                    [COMPILE_DEFINITIONS <defs...>]
#                    [LINK_LIBRARIES <libs...>])
#
# <NAME> is the partition's `name` in its manifest (its list item's
# short_name). The call builds the partition's library with the name the
# linker places it by (its list item's linker_pattern, else
# tfm_<psa|app>_rot_partition_<name>; in an image other than the product
# image, with that image's prefix, see cmake/secure_image.cmake), lets its
# sources include "psa_manifest/<manifest>.h" wherever the list's
# output_path put it, and links it into the secure image being made. It
# sets WARDEN_PARTITION_LIBRARY in the caller's scope to the library's
# name, for further target_*() calls.
#
# SOURCES, LIBRARIES or both: LIBRARIES names prebuilt static archives
# (.a files; relative paths are taken from the calling folder) that hold
# the partition's code, e.g. a vendor's partition built elsewhere against
# this build's psa_manifest headers. Each is copied at configure time to
# <library>.<archive file name> in the calling folder's build folder, a
# name the partition's linker_pattern matches, so the linker places the
# archive's code and data with the partition's; the copy is remade when
# the archive changes. Without SOURCES (and without a heap) the library
# is an INTERFACE library.
#
# A partition whose manifest gives heap_size gets its heap: the manifest
# tool's warden_heap_<name>.c is compiled into its library, and its code's
# calls of malloc, calloc, realloc and free become calls of that heap's
# functions (a definition malloc=warden_<name>_malloc ... for its SOURCES;
# the same renaming, by objcopy, in the copies of its LIBRARIES). Without
# heap_size they become symbols that no object defines and whose names
# say why, e.g. TFM_SP_X_calls_malloc_but_its_manifest_has_no_heap_size,
# so the link fails with that name. Libraries of LINK_LIBRARIES are not
# renamed.
#
# Its sources see TFM_PARTITION_LOG_LEVEL, the level of TF-M's partition
# log macros (include/tfm_sp_log.h). A partition in a folder of
# TFM_EXTRA_PARTITION_PATHS is compiled with the warning options of
# WARDEN_USER_PARTITION_WARNINGS (Warden's own set without -Werror unless
# given), not with Warden's -Werror.
#
# A partition its list switched off (conditional) builds nothing: the call
# returns with WARDEN_PARTITION_LIBRARY empty. A name in no manifest list is
# an error. INCLUDE_DIRECTORIES and COMPILE_DEFINITIONS are PUBLIC; the
# public definitions also reach the load info, so a manifest's stack_size
# may be a macro defined there (e.g. COMPILE_DEFINITIONS MY_STACK=0x800).
#
# warden_secure_image() adds each partition folder once per image that
# lists it; these are the functions it uses:
#
#   warden_partition_libraries(<var>)
#
# Sets <var> to the libraries of every partition built for the image being
# made, after checking that each partition in its manifest lists has one.

function(warden_partition name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG ""  ""
    "SOURCES;LIBRARIES;INCLUDE_DIRECTORIES;COMPILE_DEFINITIONS;LINK_LIBRARIES")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "warden_partition(${name}): unexpected arguments '${ARG_UNPARSED_ARGUMENTS}'; the arguments are SOURCES, LIBRARIES, INCLUDE_DIRECTORIES, COMPILE_DEFINITIONS and LINK_LIBRARIES.")
  endif()
  set(WARDEN_PARTITION_LIBRARY "" PARENT_SCOPE)
  if(NOT name IN_LIST WARDEN_MANIFEST_PARTITIONS)
    if(name IN_LIST WARDEN_MANIFEST_DISABLED)
      message(STATUS "Warden: partition ${name} is switched off by its manifest list's conditional")
      return()
    endif()
    message(FATAL_ERROR "warden_partition(${name}): no manifest list names a partition ${name}. Add its list to TFM_EXTRA_MANIFEST_LIST_FILES (the partitions are: ${WARDEN_MANIFEST_PARTITIONS}).")
  endif()
  if(NOT ARG_SOURCES AND NOT ARG_LIBRARIES)
    message(FATAL_ERROR "warden_partition(${name}): give its SOURCES, or the prebuilt archives that hold its code (LIBRARIES), or both.")
  endif()
  get_property(_done GLOBAL PROPERTY WARDEN_PARTITIONS_BUILT_${WARDEN_IMAGE})
  if(name IN_LIST _done)
    message(FATAL_ERROR "warden_partition(${name}): called twice for the same partition.")
  endif()

  set(_lib ${WARDEN_IMAGE_PREFIX}${WARDEN_PARTITION_${name}_LIBRARY})
  _warden_partition_archives(${name} ${_lib} _archives ${ARG_LIBRARIES})
  set(_sources ${ARG_SOURCES} ${WARDEN_PARTITION_${name}_HEAP_SOURCE})
  if(_sources)
    add_library(${_lib} OBJECT ${_sources})
    # Its calls of malloc & co. reach its own heap (or name what is missing).
    target_compile_definitions(${_lib} PRIVATE ${WARDEN_PARTITION_${name}_ALLOCATOR}
      TFM_PARTITION_LOG_LEVEL=${TFM_PARTITION_LOG_LEVEL})
    set(_scope PUBLIC)
  else()
    add_library(${_lib} INTERFACE)
    set(_scope INTERFACE)
  endif()
  target_include_directories(${_lib} ${_scope}
    ${WARDEN_PARTITION_${name}_INCLUDE_DIR} ${ARG_INCLUDE_DIRECTORIES})
  if(ARG_COMPILE_DEFINITIONS)
    target_compile_definitions(${_lib} ${_scope} ${ARG_COMPILE_DEFINITIONS})
  endif()
  target_link_libraries(${_lib} ${_scope} warden_includes ${WARDEN_IMAGE}_generated
    ${ARG_LINK_LIBRARIES} ${_archives})
  # The load info names stack sizes that may be macros of the partition.
  set_property(SOURCE ${WARDEN_GENERATED_DIR}/warden_load_info.c
    TARGET_DIRECTORY ${WARDEN_IMAGE_PREFIX}warden_spm APPEND PROPERTY COMPILE_DEFINITIONS
    "$<TARGET_PROPERTY:${_lib},INTERFACE_COMPILE_DEFINITIONS>")

  set_property(GLOBAL APPEND PROPERTY WARDEN_PARTITIONS_BUILT_${WARDEN_IMAGE} ${name})
  set_property(GLOBAL APPEND PROPERTY WARDEN_PARTITION_LIBRARIES_${WARDEN_IMAGE} ${_lib})
  set(WARDEN_PARTITION_LIBRARY ${_lib} PARENT_SCOPE)
endfunction()

# _warden_partition_archives(<NAME> <library> <var> <archives...>)
# Sets <var> to the copies of the archives, named for the linker_pattern
# and with the partition's allocator renaming (see above); refuses a
# missing archive.
function(_warden_partition_archives name lib var)
  set(_copies)
  set(_renames)
  foreach(_pair IN LISTS WARDEN_PARTITION_${name}_ALLOCATOR)
    list(APPEND _renames --redefine-sym ${_pair})
  endforeach()
  foreach(_archive IN LISTS ARGN)
    get_filename_component(_path "${_archive}" ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    if(NOT EXISTS "${_path}" OR IS_DIRECTORY "${_path}")
      message(FATAL_ERROR "warden_partition(${name}): the archive '${_archive}' of LIBRARIES does not exist (looked for ${_path}); build it first, or name it by its full path.")
    endif()
    get_filename_component(_file "${_path}" NAME)
    set(_copy ${CMAKE_CURRENT_BINARY_DIR}/${lib}.${_file})
    execute_process(COMMAND ${CMAKE_OBJCOPY} ${_renames} ${_path} ${_copy}
      RESULT_VARIABLE _rc ERROR_VARIABLE _err)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR "warden_partition(${name}): '${_archive}' of LIBRARIES is not an archive ${CMAKE_OBJCOPY} can read: ${_err}")
    endif()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_path})
    list(APPEND _copies ${_copy})
  endforeach()
  set(${var} ${_copies} PARENT_SCOPE)
endfunction()

function(warden_partition_libraries var)
  get_property(_done GLOBAL PROPERTY WARDEN_PARTITIONS_BUILT_${WARDEN_IMAGE})
  set(_missing)
  foreach(_name IN LISTS WARDEN_MANIFEST_PARTITIONS)
    if(NOT _name IN_LIST _done)
      list(APPEND _missing ${_name})
    endif()
  endforeach()
  if(_missing)
    string(REPLACE ";" ", " _missing "${_missing}")
    message(FATAL_ERROR "The manifest lists name ${_missing}, but no CMakeLists.txt called warden_partition() for it: add the partition's folder to TFM_EXTRA_PARTITION_PATHS.")
  endif()
  get_property(_libs GLOBAL PROPERTY WARDEN_PARTITION_LIBRARIES_${WARDEN_IMAGE})
  set(${var} ${_libs} PARENT_SCOPE)
endfunction()
