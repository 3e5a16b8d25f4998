# The manifest tool, run at configure time (like the reference); CMake
# re-runs it when a manifest, a list, the platform description or the tool
# changes.
#
#   warden_run_manifest_tool(<output dir> <manifest lists...>)
#
# Runs tools/manifest on the lists, in order, into <output dir>; relative
# list paths are taken from the source tree. Every @NAME@ a list's
# `conditional` uses gets the value of the CMake variable NAME (unset: the
# partition is left out). The platform's named MMIO regions and IRQs come
# from WARDEN_PLATFORM_DESCRIPTION (default:
# platform/<platform>/manifest_platform.yaml when it exists).
#
# Outputs, in <output dir>: see tools/manifest/README.md, and the diagram
# partitions.svg (partitions.dot without Graphviz).
# warden_secure_image() (cmake/secure_image.cmake) calls it, one output
# folder per secure image.

find_program(WARDEN_PYTHON NAMES python3 REQUIRED)
execute_process(COMMAND ${WARDEN_PYTHON} -c "import yaml, jinja2"
                RESULT_VARIABLE _py_ok OUTPUT_QUIET ERROR_QUIET)
if(NOT _py_ok EQUAL 0)
  message(FATAL_ERROR "${WARDEN_PYTHON} cannot import yaml and jinja2: install python3-yaml and python3-jinja2 (make does this for you), or pass -DWARDEN_PYTHON=/usr/bin/python3.")
endif()

set(_default_platform_description
    ${CMAKE_SOURCE_DIR}/platform/${WARDEN_PLATFORM}/manifest_platform.yaml)
if(NOT EXISTS ${_default_platform_description})
  set(_default_platform_description "")
endif()
# Empty: the platform's own description, looked for at every configure (a
# build folder made before the platform had one still finds it).
set(WARDEN_PLATFORM_DESCRIPTION "" CACHE FILEPATH
    "The platform's named MMIO regions and IRQ sources, for the manifest tool (empty: platform/<platform>/manifest_platform.yaml, if it exists)")
if(WARDEN_PLATFORM_DESCRIPTION)
  set(_platform_description ${WARDEN_PLATFORM_DESCRIPTION})
else()
  set(_platform_description ${_default_platform_description})
endif()
# The diagram: SVG when Graphviz is installed, its .dot source otherwise.
find_program(WARDEN_DOT NAMES dot)

function(warden_run_manifest_tool out_dir)
  set(_lists)
  set(_args)
  set(_defines)
  foreach(_list IN LISTS ARGN)
    get_filename_component(_list "${_list}" ABSOLUTE BASE_DIR ${CMAKE_SOURCE_DIR})
    list(APPEND _lists ${_list})
    list(APPEND _args -m ${_list})
    # The values of the @NAME@ conditionals this list uses.
    warden_list_conditionals(_names ${_list})  # cmake/tfm_options.cmake
    foreach(_name IN LISTS _names)
      if(DEFINED ${_name})
        list(APPEND _defines "-D${_name}=${${_name}}")
      endif()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES _defines)
  list(APPEND _args ${_defines})
  if(_platform_description)
    list(APPEND _args --platform ${_platform_description})
  endif()
  if(PSA_FRAMEWORK_HAS_MM_IOVEC)
    list(APPEND _args --mm-iovec)
  endif()
  if(WARDEN_DOT)
    set(_graph ${out_dir}/partitions.svg)
  else()
    set(_graph ${out_dir}/partitions.dot)
    file(REMOVE ${out_dir}/partitions.svg)
  endif()

  execute_process(
    COMMAND ${WARDEN_PYTHON} ${CMAKE_SOURCE_DIR}/tools/manifest/warden_manifest.py
            ${_args} -o ${out_dir}
            --backend ${CONFIG_TFM_SPM_BACKEND}
            --isolation-level ${TFM_ISOLATION_LEVEL}
            --graph ${_graph}
            --depfile ${out_dir}/manifest_inputs.txt
    RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "The manifest tool refused the partition manifests (see the errors above; tools/manifest/warden_manifest.py --explain <code> says more).")
  endif()
  file(STRINGS ${out_dir}/manifest_inputs.txt _inputs)
  file(GLOB _tool_files ${CMAKE_SOURCE_DIR}/tools/manifest/*.py
       ${CMAKE_SOURCE_DIR}/tools/manifest/templates/*)
  set_property(DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY
               CMAKE_CONFIGURE_DEPENDS ${_lists} ${_inputs} ${_tool_files})
endfunction()
