# SPDX-License-Identifier: MPL-2.0
# Locates Debian's LibreOffice SDK (package libreoffice-dev) and generates the C++ UNO headers.
set(LO_PROGRAM_DIR "/usr/lib/libreoffice/program" CACHE PATH "LibreOffice program directory")
set(LO_SDK_DIR "/usr/lib/libreoffice/sdk" CACHE PATH "LibreOffice SDK directory")
set(LO_SDK_INCLUDE "/usr/include/libreoffice" CACHE PATH "LibreOffice SDK headers")

find_program(UNOIDL_WRITE unoidl-write HINTS ${LO_SDK_DIR}/bin REQUIRED)
find_program(CPPUMAKER cppumaker HINTS ${LO_SDK_DIR}/bin REQUIRED)
set(LO_TYPES_RDB ${LO_PROGRAM_DIR}/types.rdb)
set(LO_OFFAPI_RDB ${LO_PROGRAM_DIR}/types/offapi.rdb)
foreach(f ${LO_TYPES_RDB} ${LO_OFFAPI_RDB} ${LO_SDK_INCLUDE}/sal/types.h)
  if(NOT EXISTS ${f})
    message(FATAL_ERROR "LibreOffice SDK file missing: ${f} (install libreoffice-dev, see scripts/install-deps.sh)")
  endif()
endforeach()

# Our IDL → types rdb (shipped in the .oxt), then C++ headers for UDK + offapi + ours.
file(GLOB CARTOIA_IDL ${CMAKE_SOURCE_DIR}/idl/fr/cartoia/metiers/*.idl)
set(CARTOIA_RDB ${CMAKE_BINARY_DIR}/idl/carto-ia-metiers.rdb)
set(CARTOIA_UNO_INCLUDE ${CMAKE_BINARY_DIR}/uno-include)
add_custom_command(
  OUTPUT ${CARTOIA_RDB}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/idl
  COMMAND ${UNOIDL_WRITE} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB} ${CMAKE_SOURCE_DIR}/idl ${CARTOIA_RDB}
  DEPENDS ${CARTOIA_IDL}
  COMMENT "unoidl-write carto-ia-metiers.rdb")
set(CARTOIA_UNO_STAMP ${CARTOIA_UNO_INCLUDE}/.stamp)
add_custom_command(
  OUTPUT ${CARTOIA_UNO_STAMP}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CARTOIA_UNO_INCLUDE}
  COMMAND ${CPPUMAKER} -Gc -O${CARTOIA_UNO_INCLUDE} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB} -X${LO_TYPES_RDB} -X${LO_OFFAPI_RDB} ${CARTOIA_RDB}
  COMMAND ${CPPUMAKER} -Gc -O${CARTOIA_UNO_INCLUDE} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB}
  COMMAND ${CMAKE_COMMAND} -E touch ${CARTOIA_UNO_STAMP}
  DEPENDS ${CARTOIA_RDB}
  COMMENT "cppumaker: UNO C++ headers")
add_custom_target(cartoia-uno-headers DEPENDS ${CARTOIA_UNO_STAMP} ${CARTOIA_RDB})

file(MAKE_DIRECTORY ${CARTOIA_UNO_INCLUDE})
add_library(LibreOffice::SDK INTERFACE IMPORTED)
target_include_directories(LibreOffice::SDK INTERFACE ${LO_SDK_INCLUDE} ${CARTOIA_UNO_INCLUDE})
target_compile_definitions(LibreOffice::SDK INTERFACE UNX GCC LINUX CPPU_ENV=gcc3)
target_link_directories(LibreOffice::SDK INTERFACE ${LO_SDK_DIR}/lib ${LO_PROGRAM_DIR})
target_link_libraries(LibreOffice::SDK INTERFACE uno_cppuhelpergcc3 uno_cppu uno_sal)
