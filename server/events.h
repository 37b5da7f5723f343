#pragma once
// The events API's logic, apart from HTTP: a batch of journal events checked against the stored portfolio and
// journal, then stored all together or not at all. The routes (http.cpp) turn the results into JSON.
//
// Index of this file:
// [SECTION] Calendars  the holiday calendars offers may be quoted with
// [SECTION] Results    what a batch led to: per-event acknowledgements, or the one event that refused it
// [SECTION] Checks     the checks beyond validate_event: account, party, attempt, and the re-quoted plan
// [SECTION] Batches    post_events, and the JSON answers of the reads
//
// A batch is JSON Lines: one event per line in the journal's JSON form (docs/journal-format.md), blank lines
// skipped. The documented protocol is docs/api.md.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/calendar/business_days.h"
#include "parley/journal/event.h"
#include "parley/portfolio.h"
#include "parley/problem.h"

namespace parley::server {

class Store;

// [SECTION] Calendars -----------------------------------------------------------------------------------------

using Calendars = std::map<std::string, Calendar, std::less<>>;  // by Calendar::id

// Every *.json file of `folder` loaded with core's load_calendar; a file that does not load adds problems (path:
// the file name) and is left out. A missing folder gives no calendars and one problem.
Calendars load_calendars(const std::filesystem::path& folder, Problems& problems);

// [SECTION] Results -------------------------------------------------------------------------------------------

inline constexpr std::size_t max_batch_events = 1000;        // events in one POST
inline constexpr std::size_t max_batch_bytes = 8u << 20;     // bytes in one POST body (8 MiB)
inline constexpr int default_page_events = 500;              // GET /api/events without `limit`
inline constexpr int max_page_events = 1000;                 // largest `limit`

// One event of a stored batch.
struct EventAck {
  std::string id;           // the event's id
  bool duplicate = false;   // it was stored before (same content): nothing written
  std::int64_t seq = 0;     // its server sequence
};

// Why a batch was refused; nothing of it was stored.
struct BatchRejection {
  int status = 422;          // 400 unreadable, 409 id held with other content, 413 too large, 422 refused, 500
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

// [SECTION] Checks --------------------------------------------------------------------------------------------

// The re-quote of a PlanAccepted event against the account and client the server holds now: the request text
// must load and be canonical, carry the account's currency, balance and the client's policy, be dated within a
// day of recorded_at, use no holiday calendar the server lacks, quote, give the same digest byte for byte and
// have no policy violation. The server quotes exactly as the shell does: with the request's calendar when it names
// one, else none. Problems name paths of the event ("payload.request.balance", "payload.quote_digest").
// The request's calendar is looked up in `calendars` (a request naming one the server lacks is refused).
Problems check_plan_accepted(const Event& event, const PlanAccepted& plan, const Account& account,
                             const Client* client, const Calendars& calendars);

// The checks that need the portfolio: the account exists (done by the caller), party ids name its parties.
Problems check_parties(const Event& event, const Account& account);

// [SECTION] Batches -------------------------------------------------------------------------------------------

// Reads, checks and stores a batch (JSON Lines). Events already stored with the same content are acknowledged
// as duplicates without being checked again; everything else must pass every check, or nothing is stored.
BatchResult post_events(Store& store, std::string_view json_lines, const Calendars& calendars = {});

std::string batch_result_json(const BatchResult& result, std::string_view epoch);  // the POST answer's body
// {"account_id": id, "events": [...]} in journal order, or nullopt when no account has this id.
std::optional<std::string> account_events_json(Store& store, std::string_view account_id);
// {"epoch":..., "events":[...], "next": cursor, "has_more": bool} for events with seq > after.
std::string events_page_json(Store& store, std::int64_t after, int limit);

}  // namespace parley::server
