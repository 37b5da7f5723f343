# Generates core's time-zone data from Debian's tzdata: the sorted IANA zone and link names of a tzdata.zi file,
# its version, and for every zone a compact table of its local-time types and transitions from
# 1970-01-01T00:00:00Z to 2101-01-01T00:00:00Z, read from the compiled zone files beside tzdata.zi with zdump
# (libc-bin, present on every Debian system). Two steps, so that the slow zdump part runs in parallel:
#   cmake -DTZDATA=.../tzdata.zi -DCHUNK=i -DCHUNKS=n -DOUT=zdump_i.txt -P generate_zones.cmake
#       zdump output for the i-th of n contiguous slices of the sorted zone names
#   cmake -DTZDATA=.../tzdata.zi -DCHUNKS=n -DDUMP_DIR=dir -DOUT=zones_data.cpp -P generate_zones.cmake
#       parses dir/zdump_0.txt .. zdump_<n-1>.txt and writes the C++ source
# Optional: -DZDUMP=/usr/bin/zdump.
#
# Index of this file:
# [SECTION] Names      zone and link names from tzdata.zi
# [SECTION] zdump      step 1
# [SECTION] Calendar   days before each year and month, for turning zdump's local dates into instants
# [SECTION] Tables     step 2: one table per distinct history, shared by zones with identical histories
# [SECTION] Output     the C++ source; its layout is described in core/src/zone_tables.h
cmake_minimum_required(VERSION 3.25)  # list() keeps empty fields (CMP0007)

set(first_year 1970)
set(end_year 2101)  # exclusive: the tables end at 2101-01-01T00:00:00Z
get_filename_component(tzdir "${TZDATA}" DIRECTORY)

# [SECTION] Names -------------------------------------------------------------------------------------------------
file(STRINGS "${TZDATA}" lines REGEX "^(Z |L |# version )")
set(zones "")
set(links "")
set(version "unknown")
foreach(line IN LISTS lines)
  if(line MATCHES "^# version (.+)$")
    set(version "${CMAKE_MATCH_1}")
  elseif(line MATCHES "^Z ([^ ]+)")
    list(APPEND zones "${CMAKE_MATCH_1}")
  elseif(line MATCHES "^L ([^ ]+) ([^ ]+)")
    list(APPEND links "${CMAKE_MATCH_2}")
    set("target_of_${CMAKE_MATCH_2}" "${CMAKE_MATCH_1}")
  endif()
endforeach()
list(REMOVE_DUPLICATES zones)
list(SORT zones)
set(names ${zones} ${links})
list(REMOVE_DUPLICATES names)
list(SORT names)
list(LENGTH names count)
list(LENGTH zones zone_count)
if(count LESS 300)
  message(FATAL_ERROR "${TZDATA}: found only ${count} zone names")
endif()

# [SECTION] zdump -------------------------------------------------------------------------------------------------
# zdump -i prints, per zone, 'TZ="name"', the type in force at the start of the range ("-<TAB>-<TAB>offset<TAB>abbr")
# and one line per transition with the local date and time just after it: "2026-03-08<TAB>03<TAB>-04<TAB>EDT<TAB>1".
# The abbreviation is left out when it equals the numeric offset; a trailing 1 marks daylight-saving time.
# One process per few zones: glibc slows down as one process switches between many zones.
if(DEFINED CHUNK)
  if(NOT ZDUMP)
    find_program(ZDUMP zdump PATHS /usr/bin /usr/sbin /bin NO_CACHE REQUIRED)
  endif()
  math(EXPR from "${zone_count} * ${CHUNK} / ${CHUNKS}")
  math(EXPR to "${zone_count} * (${CHUNK} + 1) / ${CHUNKS}")
  set(ENV{TZDIR} "${tzdir}")
  set(dump "")
  set(batch "")
  set(i ${from})
  while(i LESS to)
    list(GET zones ${i} z)
    if(NOT EXISTS "${tzdir}/${z}")
      message(FATAL_ERROR "${tzdir}/${z}: compiled zone file missing")
    endif()
    list(APPEND batch "${z}")
    math(EXPR i "${i} + 1")
    list(LENGTH batch n)
    if(n EQUAL 8 OR i EQUAL to)
      execute_process(COMMAND "${ZDUMP}" -i -c ${first_year},${end_year} ${batch}
                      OUTPUT_VARIABLE out RESULT_VARIABLE status ERROR_VARIABLE errors)
      if(NOT status EQUAL 0 OR NOT errors STREQUAL "")
        message(FATAL_ERROR "${ZDUMP} failed (${status}): ${errors}")
      endif()
      string(APPEND dump "${out}")
      set(batch "")
    endif()
  endwhile()
  file(WRITE "${OUT}.tmp" "${dump}")
  file(RENAME "${OUT}.tmp" "${OUT}")
  return()
endif()

# [SECTION] Calendar ----------------------------------------------------------------------------------------------
# days_<y>: days from 1970-01-01 to January 1 of year y; leap_<y>: 1 in leap years; month_<leap>_<mm>: days of the
# year before month mm.
set(days 0)
foreach(y RANGE ${first_year} ${end_year})
  set(days_${y} ${days})
  math(EXPR r4 "${y} % 4")
  math(EXPR r100 "${y} % 100")
  math(EXPR r400 "${y} % 400")
  if(r4 EQUAL 0 AND (NOT r100 EQUAL 0 OR r400 EQUAL 0))
    set(leap_${y} 1)
    math(EXPR days "${days} + 366")
  else()
    set(leap_${y} 0)
    math(EXPR days "${days} + 365")
  endif()
endforeach()
set(before 0)
set(m 1)
foreach(len 31 28 31 30 31 30 31 31 30 31 30 31)
  if(m LESS 10)
    set(mm "0${m}")
  else()
    set(mm "${m}")
  endif()
  set(month_0_${mm} ${before})
  if(m GREATER 2)
    math(EXPR month_1_${mm} "${before} + 1")
  else()
    set(month_1_${mm} ${before})
  endif()
  math(EXPR before "${before} + ${len}")
  math(EXPR m "${m} + 1")
endforeach()

# [SECTION] Tables ------------------------------------------------------------------------------------------------
set(dump_lines "")
math(EXPR last_chunk "${CHUNKS} - 1")
foreach(i RANGE ${last_chunk})
  file(STRINGS "${DUMP_DIR}/zdump_${i}.txt" chunk_lines)
  list(APPEND dump_lines ${chunk_lines})
endforeach()

# offset_seconds(<"+0530"> <out>): seconds east of UTC of a zdump offset (+hh, +hhmm or +hhmmss).
function(offset_seconds text out)
  if(NOT text MATCHES "^([-+])([0-9][0-9])([0-9][0-9])?([0-9][0-9])?$")
    message(FATAL_ERROR "unexpected zdump offset '${text}'")
  endif()
  math(EXPR v "${CMAKE_MATCH_1}(${CMAKE_MATCH_2} * 3600 + 0${CMAKE_MATCH_3} * 60 + 0${CMAKE_MATCH_4})")
  set(${out} ${v} PARENT_SCOPE)
endfunction()

set(abbreviations "")      # distinct abbreviations, in order of first use
set(abbreviation_count 0)
set(table_count 0)
set(type_total 0)          # types emitted so far, over every table
set(transition_total 0)    # transitions emitted so far, over every table
set(out_tables "")
set(out_types "")
set(out_times "")
set(out_time_types "")
set(zone "")
set(zones_read 0)

# finish_zone(): deduplicates the history just read for ${zone} against earlier tables and records its table.
macro(finish_zone)
  if(NOT zone STREQUAL "")
    if(zone_types STREQUAL "")
      message(FATAL_ERROR "${zone}: zdump printed no initial type")
    endif()
    string(SHA1 key "${zone_types}#${zone_times}#${zone_time_types}")
    if(NOT DEFINED table_${key})
      set(table_${key} ${table_count})
      list(LENGTH zone_types n_types)
      string(APPEND out_tables "    {${type_total}, ${transition_total}, ${zone_transition_count}, ${n_types}},  // ${zone}\n")
      foreach(t IN LISTS zone_types)
        string(REPLACE "_" ";" parts "${t}")
        list(GET parts 0 off)
        list(GET parts 1 dst)
        list(GET parts 2 abbr)
        if(NOT DEFINED abbreviation_${abbr})
          set(abbreviation_${abbr} ${abbreviation_count})
          list(APPEND abbreviations "${abbr}")
          math(EXPR abbreviation_count "${abbreviation_count} + 1")
        endif()
        string(APPEND out_types "    {${off}, ${abbreviation_${abbr}}, ${dst}},\n")
      endforeach()
      if(NOT zone_times STREQUAL "")
        string(APPEND out_times "    // ${zone}\n   ${zone_times}\n")
        string(APPEND out_time_types "    // ${zone}\n   ${zone_time_types}\n")
      endif()
      math(EXPR table_count "${table_count} + 1")
      math(EXPR type_total "${type_total} + ${n_types}")
      math(EXPR transition_total "${transition_total} + ${zone_transition_count}")
    endif()
    set(table_of_${zone} ${table_${key}})
    math(EXPR zones_read "${zones_read} + 1")
  endif()
endmacro()

# add_type(): the index of the type ${offset} ${abbr} ${dst} among the current zone's types, added if new.
macro(add_type)
  if(NOT DEFINED seconds_of_${offset})
    offset_seconds("${offset}" seconds_of_${offset})
  endif()
  if(abbr STREQUAL "")
    set(abbr "${offset}")
  endif()
  if(dst STREQUAL "")
    set(dst 0)
  endif()
  set(type "${seconds_of_${offset}}_${dst}_${abbr}")
  list(FIND zone_types "${type}" type_index)
  if(type_index LESS 0)
    list(LENGTH zone_types type_index)
    list(APPEND zone_types "${type}")
  endif()
endmacro()

foreach(line IN LISTS dump_lines)
  if(line MATCHES "^([0-9]+)-([0-9]+)-([0-9]+)\t([0-9]+):?([0-9]*):?([0-9]*)\t([-+0-9]+)\t?([-+A-Za-z0-9]*)\t?([01]?)$")
    set(y "${CMAKE_MATCH_1}")
    set(mm "${CMAKE_MATCH_2}")
    set(dd "${CMAKE_MATCH_3}")
    set(h "${CMAKE_MATCH_4}")
    set(mi "${CMAKE_MATCH_5}")
    set(s "${CMAKE_MATCH_6}")
    set(offset "${CMAKE_MATCH_7}")
    set(abbr "${CMAKE_MATCH_8}")
    set(dst "${CMAKE_MATCH_9}")
    if(zone_types STREQUAL "" OR NOT DEFINED days_${y} OR NOT DEFINED month_0_${mm})
      message(FATAL_ERROR "${zone}: unexpected zdump line '${line}'")
    endif()
    add_type()
    math(EXPR at "(${days_${y}} + ${month_${leap_${y}}_${mm}} + ${dd} - 1) * 86400 + ${h} * 3600 + 0${mi} * 60 + 0${s} - (${seconds_of_${offset}})")
    if(at LESS_EQUAL zone_last_time OR at GREATER_EQUAL 4294967296)
      message(FATAL_ERROR "${zone}: transition out of order or out of range at '${line}'")
    endif()
    set(zone_last_time ${at})
    string(APPEND zone_times " ${at},")
    string(APPEND zone_time_types " ${type_index},")
    math(EXPR zone_transition_count "${zone_transition_count} + 1")
  elseif(line MATCHES "^-\t-\t([-+0-9]+)\t?([-+A-Za-z0-9]*)\t?([01]?)$")
    set(offset "${CMAKE_MATCH_1}")
    set(abbr "${CMAKE_MATCH_2}")
    set(dst "${CMAKE_MATCH_3}")
    if(NOT zone_types STREQUAL "")
      message(FATAL_ERROR "${zone}: unexpected zdump line '${line}'")
    endif()
    add_type()
  elseif(line MATCHES "^TZ=\"(.+)\"$")
    finish_zone()
    set(zone "${CMAKE_MATCH_1}")
    set(zone_types "")
    set(zone_times "")
    set(zone_time_types "")
    set(zone_transition_count 0)
    set(zone_last_time -1)
  elseif(NOT line STREQUAL "")
    message(FATAL_ERROR "unexpected zdump line '${line}'")
  endif()
endforeach()
finish_zone()
if(NOT zones_read EQUAL zone_count)
  message(FATAL_ERROR "zdump printed ${zones_read} zones, expected ${zone_count}")
endif()

# [SECTION] Output ------------------------------------------------------------------------------------------------
set(out_names "")
set(out_entries "")
set(index 0)
foreach(n IN LISTS names)
  set(name_index_${n} ${index})
  math(EXPR index "${index} + 1")
endforeach()
foreach(n IN LISTS names)
  set(z "${n}")
  set(hops 0)
  while(NOT DEFINED table_of_${z})
    if(NOT DEFINED target_of_${z} OR hops GREATER 8)
      message(FATAL_ERROR "${n}: link does not lead to a zone")
    endif()
    set(z "${target_of_${z}}")
    math(EXPR hops "${hops} + 1")
  endwhile()
  string(LENGTH "${n}" len)
  string(APPEND out_names "    {\"${n}\", ${len}},\n")
  string(APPEND out_entries "    {${name_index_${z}}, ${table_of_${z}}},  // ${n}\n")
endforeach()
if(NOT DEFINED table_of_Etc/UTC)
  message(FATAL_ERROR "${TZDATA}: no zone Etc/UTC")
endif()
set(utc_entry "{${name_index_Etc/UTC}, ${table_of_Etc/UTC}}")
set(out_abbreviations "")
foreach(a IN LISTS abbreviations)
  string(LENGTH "${a}" len)
  string(APPEND out_abbreviations "    {\"${a}\", ${len}},\n")
endforeach()
string(LENGTH "${version}" version_length)
# Tables without transitions add no elements; a final 0 keeps each array non-empty. constinit and explicit
# lengths make every string_view a compile-time constant, so no code runs before main to fill the arrays.
file(WRITE "${OUT}.tmp" "// Generated from ${TZDATA} (tzdata ${version}) by core/generate_zones.cmake with zdump. Do not edit.
// ${count} names, ${zone_count} zones, ${table_count} distinct tables, ${transition_total} transitions, ${type_total} types.
#include \"zone_tables.h\"

namespace parley::generated {
extern constinit const std::string_view tzdata_version = {\"${version}\", ${version_length}};
extern const std::size_t zone_name_count = ${count};
extern constinit const std::string_view zone_names[] = {
${out_names}};
extern const ZoneEntry zone_entries[] = {
${out_entries}};
extern const ZoneEntry utc_entry = ${utc_entry};
extern const ZoneTable zone_tables[] = {
${out_tables}};
extern const LocalType local_types[] = {
${out_types}};
extern constinit const std::string_view abbreviations[] = {
${out_abbreviations}};
extern const std::uint32_t transition_times[] = {
${out_times}    0};
extern const std::uint8_t transition_types[] = {
${out_time_types}    0};
}  // namespace parley::generated
")
file(RENAME "${OUT}.tmp" "${OUT}")
