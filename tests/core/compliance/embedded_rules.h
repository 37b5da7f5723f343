#pragma once
// The shipped rule packs (assets/rules/*.json), embedded in the core test binary at build time by
// tests/core/compliance/rules.cmake, so that native and wasm runs check the very files that ship.
//
// Index of this file:
// [SECTION] Files
// [SECTION] Loading

#include <cstddef>
#include <span>
#include <string_view>

#include "../calendar/embedded_calendars.h"
#include "parley/compliance/rule_pack.h"

namespace parley::testdata {

// [SECTION] Files ---------------------------------------------------------------------------------------------

struct EmbeddedRulePack {
  std::string_view stem;  // the file name without ".json": "US-FEDERAL"
  std::string_view text;  // the file's bytes
};

extern const EmbeddedRulePack embedded_rule_files[];  // sorted by file name (generated)
extern const std::size_t embedded_rule_file_count;

inline std::span<const EmbeddedRulePack> embedded_rule_packs() { return {embedded_rule_files, embedded_rule_file_count}; }

// The text of assets/rules/<stem>.json; empty if there is no such file.
inline std::string_view rule_pack_text(std::string_view stem) {
  for (const EmbeddedRulePack& p : embedded_rule_packs()) {
    if (p.stem == stem) return p.text;
  }
  return {};
}

// [SECTION] Loading -------------------------------------------------------------------------------------------

// A rule book holding every shipped pack (a pack that does not load is recorded in `failed`) and, as the hosts
// hand them in, every shipped calendar (the rest-days rules read them).
inline RuleBook shipped_rule_book() {
  RuleBook book;
  for (const EmbeddedRulePack& p : embedded_rule_packs()) book.add(p.stem, p.text);
  for (const EmbeddedCalendar& c : embedded_calendars()) {
    book.calendars.emplace(std::string(c.stem), shipped_calendar(c.stem));
  }
  return book;
}

}  // namespace parley::testdata
