# The one configuration source: CMake options (set by the presets) are
# validated here and written to one generated header, warden/config.h.

set(WARDEN_PLATFORM "host" CACHE STRING "Platform: host or an505")
set_property(CACHE WARDEN_PLATFORM PROPERTY STRINGS host an505)
set(CONFIG_TFM_SPM_BACKEND "SFN" CACHE STRING "SPM backend: SFN or IPC")
set_property(CACHE CONFIG_TFM_SPM_BACKEND PROPERTY STRINGS SFN IPC)
set(TFM_ISOLATION_LEVEL "1" CACHE STRING "Isolation level: 1, 2 or 3")
set(WARDEN_CONN_MAX "8" CACHE STRING "Connection slots (1..255)")
set(TFM_EXTRA_MANIFEST_LIST_FILES "" CACHE STRING "Extra manifest lists (;-separated)")
set(TFM_EXTRA_PARTITION_PATHS "" CACHE STRING "Extra partition source folders (;-separated)")
option(WARDEN_BENCH "Build the benchmark images (bench/) instead of the normal ones" OFF)

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
if(CONFIG_TFM_SPM_BACKEND STREQUAL "IPC")
  message(FATAL_ERROR "CONFIG_TFM_SPM_BACKEND=IPC is not available yet in this version of Warden; use SFN.")
endif()
if(NOT WARDEN_CONN_MAX MATCHES "^[0-9]+$" OR WARDEN_CONN_MAX LESS 1 OR WARDEN_CONN_MAX GREATER 255)
  message(FATAL_ERROR "WARDEN_CONN_MAX='${WARDEN_CONN_MAX}': the number of connection slots must be 1..255.")
endif()

if(WARDEN_BENCH AND WARDEN_PLATFORM STREQUAL "host")
  message(FATAL_ERROR "WARDEN_BENCH=ON needs WARDEN_PLATFORM=an505: the benchmark counts instructions under QEMU -icount, which the hosted build cannot do.")
endif()

if(WARDEN_PLATFORM STREQUAL "host")
  set(WARDEN_ARCH host)
else()
  set(WARDEN_ARCH armv8m)
endif()

string(TOLOWER "${CONFIG_TFM_SPM_BACKEND}" WARDEN_BACKEND_LOWER)
set(WARDEN_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)
configure_file(${CMAKE_SOURCE_DIR}/cmake/config.h.in
               ${WARDEN_GENERATED_DIR}/warden/config.h @ONLY)
message(STATUS "Warden: platform ${WARDEN_PLATFORM}, backend ${CONFIG_TFM_SPM_BACKEND}, isolation level ${TFM_ISOLATION_LEVEL}")
