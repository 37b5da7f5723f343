# Included by tests/core/CMakeLists.txt: embeds assets/calendars/*.json into parley_core_tests at build time.
file(GLOB calendar_assets CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/calendars/*.json")
set(embedded_calendars_cpp "${CMAKE_CURRENT_BINARY_DIR}/generated/embedded_calendars.cpp")
add_custom_command(
  OUTPUT "${embedded_calendars_cpp}"
  COMMAND ${CMAKE_COMMAND} "-DDIR=${CMAKE_SOURCE_DIR}/assets/calendars" "-DOUT=${embedded_calendars_cpp}"
          -P "${CMAKE_CURRENT_LIST_DIR}/embed_calendars.cmake"
  DEPENDS ${calendar_assets} "${CMAKE_CURRENT_LIST_DIR}/embed_calendars.cmake"
  COMMENT "Embedding the holiday calendars of assets/calendars")
target_sources(parley_core_tests PRIVATE "${embedded_calendars_cpp}")
target_include_directories(parley_core_tests PRIVATE "${CMAKE_CURRENT_LIST_DIR}")
