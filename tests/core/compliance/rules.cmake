# parley_embed_rule_packs(TARGET): compiles the shipped rule packs (assets/rules/*.json) into TARGET at build time
# as embedded_rule_files (embedded_rules.h in this folder), with the calendars' embedding script. Used by the core
# tests and the benchmarks; the generated source is per calling folder.
function(parley_embed_rule_packs target)
  file(GLOB rule_assets CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/rules/*.json")
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/embedded_rules.cpp")
  set(script "${CMAKE_SOURCE_DIR}/tests/core/calendar/embed_calendars.cmake")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DDIR=${CMAKE_SOURCE_DIR}/assets/rules" "-DOUT=${out}"
            -DHEADER=embedded_rules.h -DTYPE=EmbeddedRulePack -DARRAY=embedded_rule_files
            -DCOUNT=embedded_rule_file_count -P "${script}"
    DEPENDS ${rule_assets} "${script}"
    COMMENT "Embedding the rule packs of assets/rules for ${target}")
  target_sources(${target} PRIVATE "${out}")
  target_include_directories(${target} PRIVATE "${CMAKE_SOURCE_DIR}/tests/core/compliance")
endfunction()
