# parley_embed_calendars(TARGET): compiles the shipped holiday calendars (assets/calendars/*.json) into TARGET at
# build time as embedded_calendar_files (embedded_calendars.h in this folder). Used by the core tests, the quote
# corpus and the benchmarks; the generated source is per calling folder.
function(parley_embed_calendars target)
  file(GLOB calendar_assets CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/calendars/*.json")
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/embedded_calendars.cpp")
  set(script "${CMAKE_SOURCE_DIR}/tests/core/calendar/embed_calendars.cmake")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DDIR=${CMAKE_SOURCE_DIR}/assets/calendars" "-DOUT=${out}" -P "${script}"
    DEPENDS ${calendar_assets} "${script}"
    COMMENT "Embedding the holiday calendars of assets/calendars for ${target}")
  target_sources(${target} PRIVATE "${out}")
  target_include_directories(${target} PRIVATE "${CMAKE_SOURCE_DIR}/tests/core/calendar")
endfunction()
