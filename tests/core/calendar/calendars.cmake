# parley_embed_asset_folder(TARGET FOLDER HEADER TYPE ARRAY COUNT INCLUDE_DIR): compiles the shipped files of
# assets/FOLDER/*.json into TARGET at build time as ARRAY of TYPE, declared in HEADER (in INCLUDE_DIR), with
# embed_calendars.cmake. The generated source is per calling folder.
function(parley_embed_asset_folder target folder header type array count include_dir)
  file(GLOB assets CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/${folder}/*.json")
  get_filename_component(stem "${header}" NAME_WE)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/${stem}.cpp")
  set(script "${CMAKE_SOURCE_DIR}/tests/core/calendar/embed_calendars.cmake")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DDIR=${CMAKE_SOURCE_DIR}/assets/${folder}" "-DOUT=${out}" "-DHEADER=${header}"
            "-DTYPE=${type}" "-DARRAY=${array}" "-DCOUNT=${count}" -P "${script}"
    DEPENDS ${assets} "${script}"
    COMMENT "Embedding assets/${folder} for ${target}")
  target_sources(${target} PRIVATE "${out}")
  target_include_directories(${target} PRIVATE "${include_dir}")
endfunction()

# parley_embed_calendars(TARGET): the shipped holiday calendars (assets/calendars/*.json) as embedded_calendar_files
# (embedded_calendars.h in this folder). Used by the core tests, the quote corpus and the benchmarks.
function(parley_embed_calendars target)
  parley_embed_asset_folder(${target} calendars embedded_calendars.h EmbeddedCalendar embedded_calendar_files
                            embedded_calendar_file_count "${CMAKE_SOURCE_DIR}/tests/core/calendar")
endfunction()
