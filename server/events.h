#pragma once
// The events API's logic, apart from HTTP: a batch of journal events checked with core against the stored portfolio
// and journal, then stored all together or not at all, with the compliance exceptions the server notes on it. The
// routes (http.cpp) turn the results into JSON.
//
// Index of this file:
// [SECTION] Assets     the holiday calendars offers are quoted with, the rule packs attempts are checked against
// [SECTION] Checks     what a batch is checked with: calendars, rule book, the server's clock and id source
// [SECTION] Results    what a batch led to: per-event acknowledgements, or the one event that refused it
// [SECTION] Batches    post_events, and the JSON answers of the reads
//
// A batch is JSON Lines: one event per line in the journal's JSON form (docs/journal-format.md), blank lines
// skipped. The documented protocol is docs/api.md. Facts and proposals: a proposal (a plan offered) or an event
// that is malformed or contradicts the journal (core's check_event, check_offer) is refused; a well-formed record
// of a contact attempted or a letter sent while the rules blocked it is stored, and the server writes a
// compliance-exception event beside it in the same transaction.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/account/views.h"
#include "parley/assets.h"
#include "parley/compliance/rule_pack.h"
#include "parley/journal/event.h"
#include "parley/problem.h"

namespace parley::server {

class Store;

// [SECTION] Assets --------------------------------------------------------------------------------------------

// The rule packs of `rules` (named "rules/US-MA.json") and the holiday calendars of `calendars`
// ("calendars/US-FEDERAL.json"), through core's one loader (parley/assets.h). A folder that cannot be listed,
// a file that cannot be read or a pack that does not load is kept in assets.rules.failed: check() then blocks
// every contact (rule-pack-failed), so every attempt the server receives is stored with a compliance exception
// until the packs load. A calendar that does not load is a problem; offers naming it are refused.
Assets load_assets(const std::filesystem::path& rules, const std::filesystem::path& calendars);

// [SECTION] Checks --------------------------------------------------------------------------------------------

Instant system_now();       // the system clock, to the second
EventId random_event_id();  // 128 bits from the operating system's random source, never the nil id

// What post_events checks a batch with. The defaults: no calendars, an empty rule book (no pack applies, so every
// outbound attempt is excepted), the system clock and the operating system's random source.
struct Checks {
  Assets assets;                                       // offers are re-quoted with the calendar they name;
                                                       // check() runs every outbound attempt past the rules
  std::function<Instant()> now = system_now;           // the server's clock: check_event's `now`, and the
                                                       // recorded_at of the server's own events
  std::function<EventId()> new_id = random_event_id;   // ids of the server's own events
};

inline constexpr std::string_view server_user = "parley-server";  // author.user of the server's own events
// author.device of the server's own events: "server-" and the database's epoch, so a restored or replaced
// database writes under another device and its sequences never meet the old ones.
std::string server_device(std::string_view epoch);

// [SECTION] Results -------------------------------------------------------------------------------------------

inline constexpr std::size_t max_batch_events = 1000;        // events in one POST
inline constexpr std::size_t max_batch_bytes = 8u << 20;     // bytes in one POST body (8 MiB)
inline constexpr int default_page_events = 500;              // GET /api/events without `limit`
inline constexpr int max_page_events = 1000;                 // largest `limit`

// The compliance exception the server stored beside an attempt.
struct ExceptionAck {
  std::string id;           // the compliance-exception event's id
  std::int64_t seq = 0;     // its server sequence
};

// One event of a stored batch.
struct EventAck {
  std::string id;           // the event's id
  bool duplicate = false;   // it was stored before (same content): nothing written
  std::int64_t seq = 0;     // its server sequence
  std::optional<ExceptionAck> exception;  // an attempt stored although the rules blocked it
};

// Why a batch was refused; nothing of it was stored.
struct BatchRejection {
  int status = 422;          // 400 unreadable, 409 id or (device, sequence) held by another event, 413 too large,
                             // 422 refused, 500 the database failed
  std::optional<std::size_t> index;  // the event at fault: its position among the batch's events, from 0
  std::size_t line = 0;      // its line in the body, from 1; 0 when the batch as a whole is at fault
  std::string id;            // its id, when it could be read
  Problems problems;         // member paths of the event ("payload.quote_digest") and the reasons
  std::string message() const;  // one sentence: "event 2 (line 3, id ...): payload.amount: must be positive"
};

struct BatchResult {
  std::vector<EventAck> acks;               // in batch order (repeats within the batch once), when stored
  std::optional<BatchRejection> rejection;  // set when nothing was stored
  bool ok() const { return !rejection; }
};

// [SECTION] Batches -------------------------------------------------------------------------------------------

// Reads, checks and stores a batch (JSON Lines). Events already stored with the same content are acknowledged as
// duplicates without being checked again. Every other event is checked with core against the account's fold at its
// place in journal order (the stored events and the batch's, merged): check_event with `checks.now()`, and
// check_offer for a plan offered; a compliance-exception (only the server writes them) and an event whose
// (author.device, sequence) another event holds are refused. Any problem refuses the batch: nothing is stored.
// Each new outbound contact-attempted and each new letter-issued (with its purpose) is checked with core's check() at
// its recorded_at, against the fold before it and the folds of the same consumer's other accounts; when blocked, a
// compliance-exception event of the server (naming the event and every reason) is stored with the batch, in the same
// transaction.
BatchResult post_events(Store& store, std::string_view json_lines, const Checks& checks = {});

std::string batch_result_json(const BatchResult& result, std::string_view epoch);  // the POST answer's body
// {"account_id": id, "events": [...]} in journal order, or nullopt when no account has this id.
std::optional<std::string> account_events_json(Store& store, std::string_view account_id);
// {"epoch":..., "events":[...], "next": cursor, "has_more": bool} for events with seq > after.
std::string events_page_json(Store& store, std::int64_t after, int limit);
// {"epoch":..., "exceptions":[{"exception": {...}, "event": {...}}], "next": cursor, "has_more": bool}: the stored
// compliance-exception events with seq > after, each with the event it names (null if not stored).
std::string exceptions_page_json(Store& store, std::int64_t after, int limit);

}  // namespace parley::server
