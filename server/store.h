#pragma once
// The server's storage: one SQLite database holding the portfolio and the accounts' journal events as canonical
// JSON rows.
//
// Index of this file:
// [SECTION] Schema       tables and the meta keys
// [SECTION] Store        open, read the document or one account, replace the whole portfolio atomically
// [SECTION] Events       append a batch of events in one transaction, read them by account, by server sequence,
//                        by (device, sequence) and the compliance exceptions
// [SECTION] Operations   import a portfolio file, store the demo portfolio into an empty database
//
// Rows hold the JSON that core's saver writes (save_client, save_account); the server never edits a body, it
// stores what core validated and serves it back. Every write is one transaction: a failure leaves the
// database as it was.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/demo.h"
#include "parley/portfolio.h"
#include "parley/problem.h"

struct sqlite3;

namespace parley::server {

// [SECTION] Schema ------------------------------------------------------------------------------------------
//   meta(key PRIMARY KEY, value)          schema_version, format ("parley.portfolio/1"), as_of ("YYYY-MM-DD"),
//                                         agency (save_agency's JSON; absent when the portfolio has none)
//   clients(id PRIMARY KEY, body)         body: save_client's canonical JSON
//   accounts(id PRIMARY KEY, client_id, consumer, body)   body: save_account's canonical JSON; consumer: core's
//       consumer_ids (the smallest account id of the accounts linked as one consumer's, "" when none), indexed:
//       the same consumer's accounts
//   events(seq PRIMARY KEY AUTOINCREMENT, id UNIQUE, account_id, type, recorded_at, device, sequence, body)
//       body: save_event's canonical JSON; seq: the server sequence (the sync cursor), never reused;
//       recorded_at in Unix seconds. Events are never updated or deleted, also not by replace_portfolio.
//       Indexed by (device, sequence), not uniquely: a database may hold repeats stored before they were
//       refused, and it still opens; post_events refuses new ones.
// meta `epoch` is a random id made when the database is created: a client that sees it change knows the server
// was replaced or restored and offers its events again. open() upgrades a version 1 database (no events), a
// version 2 one (no consumer column, no (device, sequence) index) or a version 3 one (consumers linked by national
// id only) to version 4 in one transaction, and refuses a
// schema_version it does not know, so an older server never misreads a newer file.

inline constexpr int schema_version = 4;  // meta `schema_version` written by this server

// [SECTION] Store -------------------------------------------------------------------------------------------

// One row of the events table.
struct StoredEvent {
  std::int64_t seq = 0;    // server sequence
  std::string account_id;
  std::string type;        // the JSON "type" ("plan-accepted", ...)
  std::string body;        // save_event's text
};

// An event to append: its canonical body and the columns the queries sort and filter on.
struct NewEvent {
  std::string id;          // 32 lowercase hex digits
  std::string account_id;
  std::string type;
  std::int64_t recorded_at = 0;  // Unix seconds
  std::string device;
  std::int64_t sequence = 0;
  std::string body;        // save_event's text
};

struct AppendResult {
  std::vector<std::int64_t> seqs;       // per event, in order: its seq (new, or the stored one for a duplicate)
  std::vector<bool> duplicates;         // per event: already stored with the same body
  std::optional<std::size_t> conflict;  // index of an event whose id is stored with another body
  std::optional<std::string> error;     // a database failure
  bool ok() const { return !conflict && !error; }
};

struct EventPage {
  std::vector<std::pair<std::int64_t, std::string>> events;  // (seq, body) in seq order
  bool has_more = false;                                     // more events follow the last one
};

struct StoreCounts {
  std::int64_t clients = 0;   // rows in clients
  std::int64_t accounts = 0;  // rows in accounts
};

class Store {
 public:
  // Opens (creating when missing) the database at `path`; ":memory:" gives a private in-memory one.
  // On failure returns null and sets `error` to a sentence naming the file.
  static std::unique_ptr<Store> open(const std::string& path, std::string& error);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  bool has_portfolio();                                          // true once a portfolio was stored
  std::optional<std::string> as_of();                            // the stored portfolio's as_of, if any
  StoreCounts counts();                                          // rows stored now
  std::optional<std::string> portfolio_document();               // the canonical document (rows in id order)
  std::optional<std::string> account_body(std::string_view id);  // one account's JSON, or nullopt
  // Replaces everything stored with `portfolio` in one transaction. Returns nullopt on success, else the
  // database's error (and nothing changed). The portfolio must be valid: validation is the caller's job.
  std::optional<std::string> replace_portfolio(const Portfolio& portfolio);
  // A portfolio document holding one account and its client (when stored), for core's loader; nullopt when no
  // account has this id.
  std::optional<std::string> account_document(std::string_view id);
  std::string epoch();                                           // meta `epoch`: 32 lowercase hex digits
  // The ids of the other stored accounts with the same non-empty consumer as account `id`, in id order.
  std::vector<std::string> consumer_accounts(std::string_view id);

  // [SECTION] Events ----------------------------------------------------------------------------------------
  std::optional<StoredEvent> find_event(std::string_view id);    // the stored event with this id, or nullopt
  // Stores `events` (already validated) in one transaction, in order. An id already stored with the same body
  // is a duplicate (nothing written for it); with another body the whole batch is refused (nothing written).
  AppendResult append_events(const std::vector<NewEvent>& events);
  // One account's event bodies in journal order (recorded_at, device byte-wise, sequence, id).
  std::vector<std::string> account_events(std::string_view account_id);
  // Up to `limit` events with seq > `after`, in seq order; with `type`, only events of that type.
  EventPage events_after(std::int64_t after, int limit, std::string_view type = {});
  std::int64_t event_count();                                    // rows in events
  // The id of a stored event from `device` with this `sequence`, or nullopt.
  std::optional<std::string> find_device_sequence(std::string_view device, std::int64_t sequence);
  std::int64_t last_sequence(std::string_view device);          // the highest sequence stored from it; 0: none

  // Holds off every other batch while a batch is checked and written, so that two batches are never checked
  // against the same journal and then both stored (two outcomes of one attempt, say).
  std::unique_lock<std::mutex> lock_batches() { return std::unique_lock(batch_mutex_); }

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  std::optional<std::string> exec(const char* sql);  // runs statements without results; nullopt on success
  std::optional<std::string> meta_value(const char* key);  // a meta value, or nullopt
  std::optional<std::string> upgrade(const std::string& from_version);  // to schema_version; nullopt on success

  sqlite3* db_ = nullptr;  // owned
  std::mutex mutex_;       // one request at a time on the connection
  std::mutex batch_mutex_; // one batch at a time, from its checks to its commit (lock_batches)
};

// [SECTION] Operations --------------------------------------------------------------------------------------

// 32 lowercase hex digits from the operating system's random source: the epoch, the server's own event ids.
std::string random_hex_id();

// Loads and validates `json_text` with core, then replaces the stored portfolio. Returns every problem found
// (the database then is unchanged); empty on success. A database failure comes back as one problem with the
// path "database".
Problems import_portfolio(Store& store, std::string_view json_text);

// When the database holds no portfolio, generates core's demo portfolio for `settings` and stores it.
// Returns the problems (settings out of range, a failed check, a database failure); sets `generated` when it
// stored one.
Problems ensure_demo_portfolio(Store& store, const DemoSettings& settings, bool& generated);

}  // namespace parley::server
