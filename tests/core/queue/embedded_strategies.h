#pragma once
// The shipped strategies (assets/strategies/*.json), embedded in the test binaries at build time by
// tests/core/queue/strategies.cmake, so that native and wasm runs check the very files that ship.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "parley/queue/strategy.h"

namespace parley::testdata {

struct EmbeddedStrategy {
  std::string_view stem;  // the file name without ".json": "standard"
  std::string_view text;  // the file's bytes
};

extern const EmbeddedStrategy embedded_strategy_files[];  // sorted by file name (generated)
extern const std::size_t embedded_strategy_file_count;

inline std::span<const EmbeddedStrategy> embedded_strategies() {
  return {embedded_strategy_files, embedded_strategy_file_count};
}

// Every shipped strategy, as a host loads them ("strategies/<stem>.json").
inline StrategySet shipped_strategies() {
  StrategySet set;
  for (const EmbeddedStrategy& s : embedded_strategies()) {
    set.add("strategies/" + std::string(s.stem) + ".json", s.text);
  }
  return set;
}

}  // namespace parley::testdata
