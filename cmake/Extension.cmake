# SPDX-License-Identifier: MPL-2.0
# Stages the extension files and zips them into build/carto-ia-metiers.oxt.
set(CARTOIA_OXT ${CMAKE_BINARY_DIR}/carto-ia-metiers.oxt)
set(OXT_STAGE ${CMAKE_BINARY_DIR}/oxt)
find_program(ZIP_EXECUTABLE zip REQUIRED)

configure_file(${CMAKE_SOURCE_DIR}/extension/description.xml.in ${CMAKE_BINARY_DIR}/oxt-config/description.xml @ONLY)
configure_file(${CMAKE_SOURCE_DIR}/extension/META-INF/manifest.xml.in ${CMAKE_BINARY_DIR}/oxt-config/manifest.xml @ONLY)

set(CARTOIA_XCU ${CMAKE_BINARY_DIR}/oxt-config/CalcAddIns.xcu)
add_custom_command(
  OUTPUT ${CARTOIA_XCU}
  COMMAND cartoia-xcugen ${CMAKE_SOURCE_DIR}/registry/functions.json ${CARTOIA_XCU}
  DEPENDS cartoia-xcugen ${CMAKE_SOURCE_DIR}/registry/functions.json
  COMMENT "Generating CalcAddIns.xcu")

# The .component file: its template with the UNO implementations listed in functions.json.
set(CARTOIA_COMPONENT ${CMAKE_BINARY_DIR}/oxt-config/carto-ia-metiers.component)
set(CARTOIA_COMPONENT_IN ${CMAKE_SOURCE_DIR}/extension/carto-ia-metiers.component.in)
add_custom_command(
  OUTPUT ${CARTOIA_COMPONENT}
  COMMAND cartoia-unogen component ${CMAKE_SOURCE_DIR}/registry/functions.json ${CARTOIA_COMPONENT_IN} ${CARTOIA_COMPONENT}
  DEPENDS cartoia-unogen ${CMAKE_SOURCE_DIR}/registry/functions.json ${CARTOIA_COMPONENT_IN}
  COMMENT "Generating carto-ia-metiers.component")

file(GLOB CARTOIA_EXT_STATIC ${CMAKE_SOURCE_DIR}/extension/description/*)

# The template workbook: reviewable .fods in git → .ots (converted by a headless LibreOffice).
set(CARTOIA_TEMPLATE_FODS ${CMAKE_SOURCE_DIR}/templates/cartographie-ia.fods)
set(CARTOIA_TEMPLATE_OTS ${CMAKE_BINARY_DIR}/templates/cartographie-ia.ots)
find_program(SOFFICE soffice HINTS ${LO_PROGRAM_DIR} REQUIRED)
add_custom_command(
  OUTPUT ${CARTOIA_TEMPLATE_OTS}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/templates
  COMMAND ${SOFFICE} --headless --norestore --nologo -env:UserInstallation=file://${CMAKE_BINARY_DIR}/convert-profile
          --convert-to ots --outdir ${CMAKE_BINARY_DIR}/templates ${CARTOIA_TEMPLATE_FODS} > /dev/null
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${CMAKE_BINARY_DIR}/convert-profile
  DEPENDS ${CARTOIA_TEMPLATE_FODS}
  COMMENT "Converting the template to cartographie-ia.ots")
add_custom_command(
  OUTPUT ${CARTOIA_OXT}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${OXT_STAGE} ${CARTOIA_OXT}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${OXT_STAGE}/META-INF ${OXT_STAGE}/data ${OXT_STAGE}/description
          "${OXT_STAGE}/templates/Cartographie IA"
  COMMAND ${CMAKE_COMMAND} -E copy ${CARTOIA_TEMPLATE_OTS} "${OXT_STAGE}/templates/Cartographie IA/"
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/extension/Paths.xcu ${CMAKE_SOURCE_DIR}/extension/Sidebar.xcu
          ${CMAKE_SOURCE_DIR}/extension/Factories.xcu ${OXT_STAGE}/
  COMMAND ${CMAKE_COMMAND} -E make_directory ${OXT_STAGE}/dialogs ${OXT_STAGE}/icons
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/extension/dialogs/Panel.xdl ${OXT_STAGE}/dialogs/
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/extension/icons/deck.png ${OXT_STAGE}/icons/
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_BINARY_DIR}/oxt-config/description.xml ${OXT_STAGE}/
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_BINARY_DIR}/oxt-config/manifest.xml ${OXT_STAGE}/META-INF/
  COMMAND ${CMAKE_COMMAND} -E copy ${CARTOIA_XCU} ${OXT_STAGE}/
  COMMAND ${CMAKE_COMMAND} -E copy ${CARTOIA_COMPONENT} ${OXT_STAGE}/
  COMMAND ${CMAKE_COMMAND} -E copy ${CARTOIA_EXT_STATIC} ${OXT_STAGE}/description/
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/LICENSE ${OXT_STAGE}/LICENSE.txt
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/NOTICE.md ${OXT_STAGE}/NOTICE.md
  COMMAND ${CMAKE_COMMAND} -E copy ${CARTOIA_RDB} ${OXT_STAGE}/carto-ia-metiers.rdb
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE:carto_ia_metiers> ${OXT_STAGE}/
  COMMAND ${CMAKE_COMMAND} -E copy ${CARTOIA_DATA_JSON} ${OXT_STAGE}/data/
  COMMAND ${CMAKE_COMMAND} -E chdir ${OXT_STAGE} ${ZIP_EXECUTABLE} -q -r -X ${CARTOIA_OXT} .
  DEPENDS carto_ia_metiers ${CARTOIA_XCU} ${CARTOIA_TEMPLATE_OTS} ${CMAKE_SOURCE_DIR}/extension/Paths.xcu
          ${CMAKE_SOURCE_DIR}/extension/Sidebar.xcu ${CMAKE_SOURCE_DIR}/extension/Factories.xcu
          ${CMAKE_SOURCE_DIR}/extension/dialogs/Panel.xdl ${CMAKE_SOURCE_DIR}/extension/icons/deck.png ${CARTOIA_RDB} ${CARTOIA_DATA_JSON}
          ${CMAKE_BINARY_DIR}/oxt-config/description.xml ${CMAKE_BINARY_DIR}/oxt-config/manifest.xml
          ${CARTOIA_COMPONENT} ${CARTOIA_EXT_STATIC}
          ${CMAKE_SOURCE_DIR}/LICENSE ${CMAKE_SOURCE_DIR}/NOTICE.md
  COMMENT "Packaging carto-ia-metiers.oxt")
add_custom_target(oxt ALL DEPENDS ${CARTOIA_OXT})
