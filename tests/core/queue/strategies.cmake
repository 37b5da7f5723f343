# parley_embed_strategies(TARGET): compiles the shipped strategies (assets/strategies/*.json) into TARGET at build
# time as embedded_strategy_files (embedded_strategies.h in this folder). Used by the core tests and the benchmarks.
include("${CMAKE_SOURCE_DIR}/tests/core/calendar/calendars.cmake")
function(parley_embed_strategies target)
  parley_embed_asset_folder(${target} strategies embedded_strategies.h EmbeddedStrategy embedded_strategy_files
                            embedded_strategy_file_count "${CMAKE_SOURCE_DIR}/tests/core/queue")
endfunction()

# parley_embed_goals(TARGET): the shipped goal plan (assets/goals/*.json) as embedded_goal_files
# (embedded_goals.h in this folder).
function(parley_embed_goals target)
  parley_embed_asset_folder(${target} goals embedded_goals.h EmbeddedGoals embedded_goal_files
                            embedded_goal_file_count "${CMAKE_SOURCE_DIR}/tests/core/queue")
endfunction()
