# Runs the manifest tool at configure time (like the reference); CMake
# re-runs it when a manifest, a list or the tool changes.

find_program(WARDEN_PYTHON NAMES python3 REQUIRED)
execute_process(COMMAND ${WARDEN_PYTHON} -c "import yaml, jinja2"
                RESULT_VARIABLE _py_ok OUTPUT_QUIET ERROR_QUIET)
if(NOT _py_ok EQUAL 0)
  message(FATAL_ERROR "${WARDEN_PYTHON} cannot import yaml and jinja2: install python3-yaml and python3-jinja2 (make does this for you), or pass -DWARDEN_PYTHON=/usr/bin/python3.")
endif()

set(WARDEN_MANIFEST_LISTS ${CMAKE_SOURCE_DIR}/partitions/manifest_list.yaml
    ${TFM_EXTRA_MANIFEST_LIST_FILES})
if(CONFIG_TFM_SPM_BACKEND STREQUAL "IPC")
  # The IPC backend's own regression partitions.
  list(APPEND WARDEN_MANIFEST_LISTS ${CMAKE_SOURCE_DIR}/partitions/ipc_test/manifest_list.yaml)
endif()
set(_manifest_args)
foreach(_list IN LISTS WARDEN_MANIFEST_LISTS)
  list(APPEND _manifest_args -m ${_list})
endforeach()

execute_process(
  COMMAND ${WARDEN_PYTHON} ${CMAKE_SOURCE_DIR}/tools/manifest/warden_manifest.py
          ${_manifest_args} -o ${WARDEN_GENERATED_DIR}
          --backend ${CONFIG_TFM_SPM_BACKEND}
          --isolation-level ${TFM_ISOLATION_LEVEL}
          --depfile ${CMAKE_BINARY_DIR}/manifest_inputs.txt
  RESULT_VARIABLE _manifest_rc)
if(NOT _manifest_rc EQUAL 0)
  message(FATAL_ERROR "The manifest tool refused the partition manifests (see the errors above).")
endif()
file(STRINGS ${CMAKE_BINARY_DIR}/manifest_inputs.txt _manifest_inputs)
file(GLOB _tool_files ${CMAKE_SOURCE_DIR}/tools/manifest/*.py
     ${CMAKE_SOURCE_DIR}/tools/manifest/templates/*)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${_manifest_inputs} ${_tool_files})

# Generated headers (psa_manifest/*.h, warden_manifest.h) and load info.
add_library(warden_manifest_headers INTERFACE)
target_include_directories(warden_manifest_headers INTERFACE ${WARDEN_GENERATED_DIR})
