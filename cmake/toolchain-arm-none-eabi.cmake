# Cross toolchain for the Armv8-M Mainline platforms (QEMU mps2-an505):
# Debian's gcc-arm-none-eabi + libnewlib-arm-none-eabi.
#   cmake -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-arm-none-eabi.cmake ...

set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

find_program(WARDEN_ARM_GCC arm-none-eabi-gcc)
if(NOT WARDEN_ARM_GCC)
  message(FATAL_ERROR "arm-none-eabi-gcc not found: install gcc-arm-none-eabi and libnewlib-arm-none-eabi (make does this for you).")
endif()
get_filename_component(_warden_arm_bin "${WARDEN_ARM_GCC}" DIRECTORY)

set(CMAKE_C_COMPILER "${WARDEN_ARM_GCC}")
set(CMAKE_ASM_COMPILER "${WARDEN_ARM_GCC}")
set(CMAKE_OBJCOPY "${_warden_arm_bin}/arm-none-eabi-objcopy" CACHE FILEPATH "objcopy")
set(CMAKE_SIZE "${_warden_arm_bin}/arm-none-eabi-size" CACHE FILEPATH "size")

# Libraries only: a test executable cannot link without a linker script.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# newlib-nano for both compiling (its headers) and linking. The float ABI
# is each target's (cmake/fp.cmake): the secure and NS sides may differ.
set(CMAKE_C_FLAGS_INIT "-mcpu=cortex-m33 -mthumb --specs=nano.specs")
set(CMAKE_ASM_FLAGS_INIT "-mcpu=cortex-m33 -mthumb")
# CMake appends its defaults to these: MinSizeRel "-Os -DNDEBUG" (the
# footprint build), Debug "-g" (here -Og -g: -O0 code is too big to judge).
set(CMAKE_C_FLAGS_DEBUG_INIT "-Og")

# Host tools (python3, qemu) are found on the host.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
