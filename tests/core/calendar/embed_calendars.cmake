# Writes a C++ source holding the bytes of every *.json file of an assets folder, for the core tests: the wasm run
# under node has no file system, and the tests must check the files that ship.
# Usage: cmake -DDIR=<repo>/assets/calendars -DOUT=embedded_calendars.cpp -P embed_calendars.cmake
# Other folders name their header and symbols (defaults: the calendars'):
#   -DHEADER=embedded_rules.h -DTYPE=EmbeddedRulePack -DARRAY=embedded_rule_files -DCOUNT=embedded_rule_file_count
if(NOT DEFINED HEADER)
  set(HEADER "embedded_calendars.h")
endif()
if(NOT DEFINED TYPE)
  set(TYPE "EmbeddedCalendar")
endif()
if(NOT DEFINED ARRAY)
  set(ARRAY "embedded_calendar_files")
endif()
if(NOT DEFINED COUNT)
  set(COUNT "embedded_calendar_file_count")
endif()
file(GLOB files "${DIR}/*.json")
list(SORT files)
list(LENGTH files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no .json files in ${DIR}")
endif()
set(arrays "")
set(entries "")
set(i 0)
foreach(f IN LISTS files)
  get_filename_component(stem "${f}" NAME_WE)
  file(READ "${f}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND arrays "// ${stem}.json\nconst unsigned char k${i}[] = {${bytes}};\n")
  string(APPEND entries "    {\"${stem}\", std::string_view(reinterpret_cast<const char*>(k${i}), sizeof k${i})},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from ${DIR}/*.json by tests/core/calendar/embed_calendars.cmake. Do not edit.
#include \"${HEADER}\"

namespace parley::testdata {
namespace {
${arrays}}  // namespace

const ${TYPE} ${ARRAY}[] = {
${entries}};
const std::size_t ${COUNT} = ${count};

}  // namespace parley::testdata
")
file(RENAME "${OUT}.tmp" "${OUT}")
