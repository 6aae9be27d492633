# SPDX-License-Identifier: MPL-2.0
# Lets scripts/run-fuzz.sh build the harnesses whether or not the top-level CMakeLists.txt has
# `if(CARTOIA_FUZZ) add_subdirectory(tests/fuzz) endif()` yet: passed as CMAKE_PROJECT_INCLUDE, it
# reads tests/fuzz/CMakeLists.txt once the top-level directory is fully read (include(): CMake allows
# no add_subdirectory() in deferred calls), unless the top level already added it.
get_property(_cartoia_fuzz_hooked GLOBAL PROPERTY CARTOIA_FUZZ_HOOKED)
if(NOT _cartoia_fuzz_hooked AND CARTOIA_FUZZ)
  set_property(GLOBAL PROPERTY CARTOIA_FUZZ_HOOKED TRUE)
  function(_cartoia_fuzz_add_subdirectory)
    if(NOT TARGET cartoia-fuzz)
      include(${CMAKE_SOURCE_DIR}/tests/fuzz/CMakeLists.txt)
    endif()
  endfunction()
  cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL _cartoia_fuzz_add_subdirectory)
endif()
