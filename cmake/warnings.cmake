# Every C file of the project is built with these; a warning is an error.
add_compile_options(
  $<$<COMPILE_LANGUAGE:C>:-Wall>
  $<$<COMPILE_LANGUAGE:C>:-Wextra>
  $<$<COMPILE_LANGUAGE:C>:-Werror>
  $<$<COMPILE_LANGUAGE:C>:-Wshadow>
  $<$<COMPILE_LANGUAGE:C>:-Wmissing-prototypes>
  $<$<COMPILE_LANGUAGE:C>:-Wstrict-prototypes>
  -ffunction-sections
  -fdata-sections)
# __FILE__ (SPM_ASSERT, the test framework) names files relative to the
# source tree, so images do not depend on where the tree is checked out
# (the benchmark's byte counts are the same on every machine).
add_compile_options(-fmacro-prefix-map=${CMAKE_SOURCE_DIR}/=)

# WARDEN_SANITIZE (hosted builds only, cmake/config.cmake refuses it
# elsewhere): AddressSanitizer and UndefinedBehaviorSanitizer on every object
# and program; the first report ends the program with a non-zero status.
if(WARDEN_SANITIZE)
  set(_warden_sanitize_flags -fsanitize=address,undefined
      -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${_warden_sanitize_flags})
  add_link_options(${_warden_sanitize_flags})
endif()
