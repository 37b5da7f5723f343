#pragma once
// The shipped goal plan (assets/goals/*.json), embedded in the test binaries at build time by
// tests/core/queue/strategies.cmake, so that native and wasm runs check the very file that ships.

#include <cstddef>
#include <span>
#include <string_view>

namespace parley::testdata {

struct EmbeddedGoals {
  std::string_view stem;  // the file name without ".json": "agency"
  std::string_view text;  // the file's bytes
};

extern const EmbeddedGoals embedded_goal_files[];  // sorted by file name (generated)
extern const std::size_t embedded_goal_file_count;

inline std::span<const EmbeddedGoals> embedded_goals() { return {embedded_goal_files, embedded_goal_file_count}; }

}  // namespace parley::testdata
