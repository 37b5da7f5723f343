#pragma once
// The journal's JSON form: one event per JSON object, and JSON Lines (one event per line) for files and batches.
//
// Index of this file:
// [SECTION] One event     load_event / save_event
// [SECTION] JSON Lines    load_event_lines / load_journal / save_event_lines
//
// The format is documented in docs/journal-format.md. Loading checks every member's type and spelling, then runs
// validate_event; any problem means nothing is loaded. Problems name the place: `payload.amount` for one
// event, `line 7: payload.amount` for JSON Lines, so that Problem::text() reads "line 7: payload.amount: must
// be positive". Saving writes the canonical form: members in a fixed order, no insignificant whitespace, so
// the same event always gives the same bytes.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/journal/event.h"
#include "parley/journal/journal.h"
#include "parley/problem.h"

namespace parley {

inline constexpr std::size_t journal_max_problems = 200;  // then one closing "... and N more problems" entry

// [SECTION] One event -----------------------------------------------------------------------------------------

struct EventLoad {
  std::optional<Event> event;  // set only when problems is empty
  Problems problems;           // paths are member paths: "type", "author.user", "payload.channels[1]"
  bool ok() const { return event.has_value(); }
};

EventLoad load_event(std::string_view json_object);  // one JSON object (e.g. an element of a sync batch)
std::string save_event(const Event& event);          // canonical compact text, no trailing newline

// [SECTION] JSON Lines ----------------------------------------------------------------------------------------

// Lines are separated by "\n" (a "\r" before it is ignored); blank lines are skipped. Line numbers count from 1.
// Within one text, an event repeated with the same content is kept once (a retried append); the same id with
// different content is a problem at the later line.
struct EventLinesLoad {
  std::vector<Event> events;  // in text order, repeats dropped; empty when there is any problem
  Problems problems;          // "line N: member: reason", or "line N, column C: reason" for a syntax error
  bool ok() const { return problems.empty(); }
};
EventLinesLoad load_event_lines(std::string_view json_lines);

struct JournalLoad {
  std::optional<Journal> journal;  // set only when problems is empty
  Problems problems;
  bool ok() const { return journal.has_value(); }
};
JournalLoad load_journal(std::string_view json_lines);  // load_event_lines, then a Journal of the events

std::string save_event_lines(const EventRange& events);  // each event's save_event text followed by "\n"
std::string save_journal(const Journal& journal);        // save_event_lines(journal.events())

}  // namespace parley
