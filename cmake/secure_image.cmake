# A secure image from a set of manifest lists (docs/architecture.md,
# "Images").
#
#   warden_secure_image(<target>
#                       MANIFEST_LISTS <lists...>
#                       PARTITION_DIRS <folders...>
#                       [PREFIX <prefix>]
#                       [OBJECTS <object libraries...>])
#
# Runs the manifest tool on MANIFEST_LISTS into
# ${CMAKE_BINARY_DIR}/generated/<target> (at configure time), builds spm/
# and arch/<arch>/ against that output, adds each folder of PARTITION_DIRS
# (its CMakeLists.txt calls warden_partition() for the partitions the
# lists name; relative paths are taken from the source tree; a folder of
# TFM_EXTRA_PARTITION_PATHS with the warning options of
# WARDEN_USER_PARTITION_WARNINGS, the others with Warden's), checks that
# every listed partition was built, builds the platform's per-image
# sources (global property WARDEN_PLATFORM_IMAGE_SOURCES) against that
# output, and links the image with the platform
# (warden_add_secure_image() of platform/<platform>/) and OBJECTS. Its
# build files go to ${CMAKE_BINARY_DIR}/<target>.
#
# Every library the call makes is named <prefix><usual name>: the product
# image has no prefix, so its partitions' libraries are the reference's
# tfm_<psa|app>_rot_partition_<name> and its core warden_spm and
# warden_arch; the test image (PREFIX test_) has test_warden_spm,
# test_tfm_app_rot_partition_example and so on, which the lists'
# linker_pattern "*tfm_app_rot_partition_<name>.*" matches too.
#
# The target's property WARDEN_GENERATED_DIR names the output folder;
# warden_add_ns_image(SECURE <target>) gives the NS image's sources its
# headers (psa_manifest/sid.h ...). WARDEN_IMAGE_OBJECTS lists the object
# libraries linked, for a second image of the same partitions (bench/).

function(warden_secure_image target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "PREFIX"
    "MANIFEST_LISTS;PARTITION_DIRS;OBJECTS")
  if(NOT ARG_MANIFEST_LISTS OR ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "usage: warden_secure_image(<target> MANIFEST_LISTS <lists...> PARTITION_DIRS <folders...> [PREFIX <prefix>] [OBJECTS <object libraries...>])")
  endif()
  # What spm/, arch/<arch>/ and warden_partition() build against.
  set(WARDEN_IMAGE ${target})
  set(WARDEN_IMAGE_PREFIX "${ARG_PREFIX}")
  set(WARDEN_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated/${target})
  set(_bin ${CMAKE_BINARY_DIR}/${target})

  warden_run_manifest_tool(${WARDEN_GENERATED_DIR} ${ARG_MANIFEST_LISTS})
  # What the tool found (WARDEN_MANIFEST_PARTITIONS,
  # WARDEN_PARTITION_<NAME>_*), for warden_partition().
  include(${WARDEN_GENERATED_DIR}/warden_partitions.cmake)
  add_library(${target}_generated INTERFACE)
  target_include_directories(${target}_generated INTERFACE
    ${WARDEN_GENERATED_DIR})

  add_subdirectory(${CMAKE_SOURCE_DIR}/spm ${_bin}/spm)
  add_subdirectory(${CMAKE_SOURCE_DIR}/arch/${WARDEN_ARCH} ${_bin}/arch)
  foreach(_lib warden_spm warden_arch)
    target_link_libraries(${ARG_PREFIX}${_lib} PUBLIC ${target}_generated)
    set_property(TARGET ${ARG_PREFIX}${_lib} PROPERTY WARDEN_SIDE CORE)
  endforeach()

  set(_index 0)
  foreach(_path IN LISTS ARG_PARTITION_DIRS)
    get_filename_component(_dir "${_path}" ABSOLUTE BASE_DIR ${CMAKE_SOURCE_DIR})
    if(NOT EXISTS ${_dir}/CMakeLists.txt)
      message(FATAL_ERROR "Partition folder '${_path}' (TFM_EXTRA_PARTITION_PATHS) has no CMakeLists.txt; each folder listed must hold one that calls warden_partition().")
    endif()
    get_filename_component(_leaf ${_dir} NAME)
    # A user's folder builds with the user's warning options, not with
    # Warden's -Werror (cmake/warnings.cmake).
    get_directory_property(_own_options COMPILE_OPTIONS)
    if(_path IN_LIST TFM_EXTRA_PARTITION_PATHS)
      warden_user_partition_options(_user_options)
      set_directory_properties(PROPERTIES COMPILE_OPTIONS "${_user_options}")
    endif()
    add_subdirectory(${_dir} ${_bin}/partitions/${_index}_${_leaf})
    set_directory_properties(PROPERTIES COMPILE_OPTIONS "${_own_options}")
    math(EXPR _index "${_index} + 1")
  endforeach()
  warden_partition_libraries(_partitions)

  # The platform's sources that read the image's load info (on an505 the
  # PPCs of its MMIO regions), if it has any.
  get_property(_platform_sources GLOBAL PROPERTY WARDEN_PLATFORM_IMAGE_SOURCES)
  set(_platform_image)
  if(_platform_sources)
    get_property(_platform_includes GLOBAL PROPERTY
                 WARDEN_PLATFORM_IMAGE_INCLUDES)
    set(_platform_image ${ARG_PREFIX}warden_platform_image)
    add_library(${_platform_image} OBJECT ${_platform_sources})
    set_property(TARGET ${_platform_image} PROPERTY WARDEN_SIDE CORE)
    target_include_directories(${_platform_image} PRIVATE
      ${_platform_includes})
    target_link_libraries(${_platform_image} PUBLIC warden_includes
      ${target}_generated)
  endif()

  set(_objects ${ARG_PREFIX}warden_spm ${ARG_PREFIX}warden_arch warden_platform
      ${_platform_image} ${ARG_OBJECTS} ${_partitions})
  warden_add_secure_image(TARGET ${target} OBJECTS ${_objects}
    GENERATED_DIR ${WARDEN_GENERATED_DIR})
  set_target_properties(${target} PROPERTIES
    WARDEN_GENERATED_DIR ${WARDEN_GENERATED_DIR}
    WARDEN_IMAGE_OBJECTS "${_objects}")
endfunction()
