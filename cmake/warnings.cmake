# Every C file of Warden is built with these; a warning is an error. The
# partitions of the user's folders (TFM_EXTRA_PARTITION_PATHS) get the
# warning options of WARDEN_USER_PARTITION_WARNINGS instead
# (warden_user_partition_options()).
set(WARDEN_WARNING_OPTIONS)
foreach(_option -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes
                -Wstrict-prototypes)
  list(APPEND WARDEN_WARNING_OPTIONS "$<$<COMPILE_LANGUAGE:C>:${_option}>")
endforeach()
add_compile_options(${WARDEN_WARNING_OPTIONS} -ffunction-sections -fdata-sections)
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

# warden_user_partition_options(<var>)
# Sets <var> to the compile options of the current folder with Warden's
# warning options replaced by WARDEN_USER_PARTITION_WARNINGS: the options
# a folder of TFM_EXTRA_PARTITION_PATHS is added with
# (cmake/secure_image.cmake).
function(warden_user_partition_options var)
  get_directory_property(_options COMPILE_OPTIONS)
  list(REMOVE_ITEM _options ${WARDEN_WARNING_OPTIONS})
  foreach(_option IN LISTS WARDEN_USER_PARTITION_WARNINGS)
    list(APPEND _options "$<$<COMPILE_LANGUAGE:C>:${_option}>")
  endforeach()
  set(${var} ${_options} PARENT_SCOPE)
endfunction()
