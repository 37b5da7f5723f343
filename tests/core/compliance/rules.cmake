# parley_embed_rule_packs(TARGET): compiles the shipped rule packs (assets/rules/*.json) into TARGET at build time
# as embedded_rule_files (embedded_rules.h in this folder), with the calendars' embedding (calendars.cmake). Used by
# the core tests and the benchmarks.
include("${CMAKE_SOURCE_DIR}/tests/core/calendar/calendars.cmake")
function(parley_embed_rule_packs target)
  parley_embed_asset_folder(${target} rules embedded_rules.h EmbeddedRulePack embedded_rule_files
                            embedded_rule_file_count "${CMAKE_SOURCE_DIR}/tests/core/compliance")
endfunction()
