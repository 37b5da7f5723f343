# Included by tests/core/CMakeLists.txt: embeds assets/rules/*.json into parley_core_tests at build time, with the
# calendars' embedding script.
file(GLOB rule_assets CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/rules/*.json")
set(embedded_rules_cpp "${CMAKE_CURRENT_BINARY_DIR}/generated/embedded_rules.cpp")
set(embed_script "${CMAKE_CURRENT_LIST_DIR}/../calendar/embed_calendars.cmake")
add_custom_command(
  OUTPUT "${embedded_rules_cpp}"
  COMMAND ${CMAKE_COMMAND} "-DDIR=${CMAKE_SOURCE_DIR}/assets/rules" "-DOUT=${embedded_rules_cpp}"
          -DHEADER=embedded_rules.h -DTYPE=EmbeddedRulePack -DARRAY=embedded_rule_files
          -DCOUNT=embedded_rule_file_count -P "${embed_script}"
  DEPENDS ${rule_assets} "${embed_script}"
  COMMENT "Embedding the rule packs of assets/rules")
target_sources(parley_core_tests PRIVATE "${embedded_rules_cpp}")
target_include_directories(parley_core_tests PRIVATE "${CMAKE_CURRENT_LIST_DIR}")
