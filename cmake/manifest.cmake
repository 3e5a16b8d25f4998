# Runs the manifest tool at configure time (like the reference); CMake
# re-runs it when a manifest, a list, the platform description or the tool
# changes.
#
# Inputs: partitions/manifest_list.yaml, then TFM_EXTRA_MANIFEST_LIST_FILES
# (a ;-list; relative paths are taken from the source tree). Every @NAME@
# a list's `conditional` uses gets the value of the CMake variable NAME
# (unset: the partition is left out). The platform's named MMIO regions and
# IRQs come from WARDEN_PLATFORM_DESCRIPTION (default:
# platform/<platform>/manifest_platform.yaml when it exists).
#
# Outputs, in ${WARDEN_GENERATED_DIR}: see tools/manifest/README.md; the
# diagram ${CMAKE_BINARY_DIR}/partitions.svg (or .dot without Graphviz).

find_program(WARDEN_PYTHON NAMES python3 REQUIRED)
execute_process(COMMAND ${WARDEN_PYTHON} -c "import yaml, jinja2"
                RESULT_VARIABLE _py_ok OUTPUT_QUIET ERROR_QUIET)
if(NOT _py_ok EQUAL 0)
  message(FATAL_ERROR "${WARDEN_PYTHON} cannot import yaml and jinja2: install python3-yaml and python3-jinja2 (make does this for you), or pass -DWARDEN_PYTHON=/usr/bin/python3.")
endif()

# A benchmark build has the benchmark partitions of its backend instead of
# the default ones (bench/<backend>/manifest_list.yaml).
# WARDEN_BENCH_MINIMAL takes its stateless-only services instead
# (bench/<backend>/minimal/manifest_list.yaml).
if(WARDEN_BENCH AND WARDEN_BENCH_MINIMAL)
  set(WARDEN_MANIFEST_LISTS ${CMAKE_SOURCE_DIR}/bench/${WARDEN_BACKEND_LOWER}/minimal/manifest_list.yaml)
elseif(WARDEN_BENCH)
  set(WARDEN_MANIFEST_LISTS ${CMAKE_SOURCE_DIR}/bench/${WARDEN_BACKEND_LOWER}/manifest_list.yaml)
else()
  set(WARDEN_MANIFEST_LISTS ${CMAKE_SOURCE_DIR}/partitions/manifest_list.yaml)
endif()
foreach(_list IN LISTS TFM_EXTRA_MANIFEST_LIST_FILES)
  get_filename_component(_list "${_list}" ABSOLUTE BASE_DIR ${CMAKE_SOURCE_DIR})
  list(APPEND WARDEN_MANIFEST_LISTS ${_list})
endforeach()
if(CONFIG_TFM_SPM_BACKEND STREQUAL "IPC" AND NOT WARDEN_BENCH)
  # The IPC backend's own regression partitions.
  list(APPEND WARDEN_MANIFEST_LISTS ${CMAKE_SOURCE_DIR}/partitions/ipc_test/manifest_list.yaml)
endif()

set(_default_platform_description
    ${CMAKE_SOURCE_DIR}/platform/${WARDEN_PLATFORM}/manifest_platform.yaml)
if(NOT EXISTS ${_default_platform_description})
  set(_default_platform_description "")
endif()
set(WARDEN_PLATFORM_DESCRIPTION "${_default_platform_description}" CACHE FILEPATH
    "The platform's named MMIO regions and IRQ sources, for the manifest tool")

set(_manifest_args)
set(_manifest_defines)
foreach(_list IN LISTS WARDEN_MANIFEST_LISTS)
  list(APPEND _manifest_args -m ${_list})
  # The values of the @NAME@ conditionals this list uses.
  if(EXISTS ${_list})
    file(READ ${_list} _text)
    string(REGEX MATCHALL "@[A-Za-z_][A-Za-z0-9_]*@" _names "${_text}")
    foreach(_name IN LISTS _names)
      string(REPLACE "@" "" _name "${_name}")
      if(DEFINED ${_name})
        list(APPEND _manifest_defines "-D${_name}=${${_name}}")
      endif()
    endforeach()
  endif()
endforeach()
list(REMOVE_DUPLICATES _manifest_defines)
list(APPEND _manifest_args ${_manifest_defines})
if(WARDEN_PLATFORM_DESCRIPTION)
  list(APPEND _manifest_args --platform ${WARDEN_PLATFORM_DESCRIPTION})
endif()

# The diagram: SVG when Graphviz is installed, its .dot source otherwise.
find_program(WARDEN_DOT NAMES dot)
if(WARDEN_DOT)
  set(_graph ${CMAKE_BINARY_DIR}/partitions.svg)
else()
  set(_graph ${CMAKE_BINARY_DIR}/partitions.dot)
  file(REMOVE ${CMAKE_BINARY_DIR}/partitions.svg)
endif()

execute_process(
  COMMAND ${WARDEN_PYTHON} ${CMAKE_SOURCE_DIR}/tools/manifest/warden_manifest.py
          ${_manifest_args} -o ${WARDEN_GENERATED_DIR}
          --backend ${CONFIG_TFM_SPM_BACKEND}
          --isolation-level ${TFM_ISOLATION_LEVEL}
          --graph ${_graph}
          --depfile ${CMAKE_BINARY_DIR}/manifest_inputs.txt
  RESULT_VARIABLE _manifest_rc)
if(NOT _manifest_rc EQUAL 0)
  message(FATAL_ERROR "The manifest tool refused the partition manifests (see the errors above; tools/manifest/warden_manifest.py --explain <code> says more).")
endif()
file(STRINGS ${CMAKE_BINARY_DIR}/manifest_inputs.txt _manifest_inputs)
file(GLOB _tool_files ${CMAKE_SOURCE_DIR}/tools/manifest/*.py
     ${CMAKE_SOURCE_DIR}/tools/manifest/templates/*)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${WARDEN_MANIFEST_LISTS} ${_manifest_inputs} ${_tool_files})

# Generated headers (psa_manifest/*.h, warden_manifest.h) and load info.
add_library(warden_manifest_headers INTERFACE)
target_include_directories(warden_manifest_headers INTERFACE ${WARDEN_GENERATED_DIR})

# What the tool found (WARDEN_MANIFEST_PARTITIONS, WARDEN_PARTITION_<NAME>_*),
# and warden_partition(), which partitions' CMakeLists.txt call.
include(${WARDEN_GENERATED_DIR}/warden_partitions.cmake)
include(${CMAKE_SOURCE_DIR}/cmake/warden_partition.cmake)
