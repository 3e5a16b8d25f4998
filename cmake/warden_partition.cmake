# One CMake call per partition (docs/adding-a-partition.md).
#
#   warden_partition(<NAME>
#                    SOURCES <files...>
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
    "SOURCES;INCLUDE_DIRECTORIES;COMPILE_DEFINITIONS;LINK_LIBRARIES")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "warden_partition(${name}): unexpected arguments '${ARG_UNPARSED_ARGUMENTS}'; the arguments are SOURCES, INCLUDE_DIRECTORIES, COMPILE_DEFINITIONS and LINK_LIBRARIES.")
  endif()
  set(WARDEN_PARTITION_LIBRARY "" PARENT_SCOPE)
  if(NOT name IN_LIST WARDEN_MANIFEST_PARTITIONS)
    if(name IN_LIST WARDEN_MANIFEST_DISABLED)
      message(STATUS "Warden: partition ${name} is switched off by its manifest list's conditional")
      return()
    endif()
    message(FATAL_ERROR "warden_partition(${name}): no manifest list names a partition ${name}. Add its list to TFM_EXTRA_MANIFEST_LIST_FILES (the partitions are: ${WARDEN_MANIFEST_PARTITIONS}).")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "warden_partition(${name}): give its SOURCES.")
  endif()
  get_property(_done GLOBAL PROPERTY WARDEN_PARTITIONS_BUILT_${WARDEN_IMAGE})
  if(name IN_LIST _done)
    message(FATAL_ERROR "warden_partition(${name}): called twice for the same partition.")
  endif()

  set(_lib ${WARDEN_IMAGE_PREFIX}${WARDEN_PARTITION_${name}_LIBRARY})
  add_library(${_lib} OBJECT ${ARG_SOURCES})
  target_include_directories(${_lib} PUBLIC
    ${WARDEN_PARTITION_${name}_INCLUDE_DIR} ${ARG_INCLUDE_DIRECTORIES})
  if(ARG_COMPILE_DEFINITIONS)
    target_compile_definitions(${_lib} PUBLIC ${ARG_COMPILE_DEFINITIONS})
  endif()
  target_link_libraries(${_lib} PUBLIC warden_includes ${WARDEN_IMAGE}_generated
    ${ARG_LINK_LIBRARIES})
  # The load info names stack sizes that may be macros of the partition.
  set_property(SOURCE ${WARDEN_GENERATED_DIR}/warden_load_info.c
    TARGET_DIRECTORY ${WARDEN_IMAGE_PREFIX}warden_spm APPEND PROPERTY COMPILE_DEFINITIONS
    "$<TARGET_PROPERTY:${_lib},INTERFACE_COMPILE_DEFINITIONS>")

  set_property(GLOBAL APPEND PROPERTY WARDEN_PARTITIONS_BUILT_${WARDEN_IMAGE} ${name})
  set_property(GLOBAL APPEND PROPERTY WARDEN_PARTITION_LIBRARIES_${WARDEN_IMAGE} ${_lib})
  set(WARDEN_PARTITION_LIBRARY ${_lib} PARENT_SCOPE)
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
