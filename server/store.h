#pragma once
// The server's storage: one SQLite database holding the portfolio as canonical JSON rows.
//
// Index of this file:
// [SECTION] Schema       tables and the meta keys
// [SECTION] Store        open, read the document or one account, replace the whole portfolio atomically
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

#include "parley/demo.h"
#include "parley/portfolio.h"
#include "parley/problem.h"

struct sqlite3;

namespace parley::server {

// [SECTION] Schema ------------------------------------------------------------------------------------------
//   meta(key PRIMARY KEY, value)          schema_version, format ("parley.portfolio/1"), as_of ("YYYY-MM-DD")
//   clients(id PRIMARY KEY, body)         body: save_client's canonical JSON
//   accounts(id PRIMARY KEY, client_id, body)   body: save_account's canonical JSON
// The account journal (offline sync of append-only events) arrives as a later schema version: open() refuses
// a database whose schema_version it does not know, so an older server never misreads a newer file.

inline constexpr int schema_version = 1;  // meta `schema_version` written by this server

// [SECTION] Store -------------------------------------------------------------------------------------------

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

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  std::optional<std::string> exec(const char* sql);  // runs statements without results; nullopt on success
  std::optional<std::string> meta_value(const char* key);  // a meta value, or nullopt

  sqlite3* db_ = nullptr;  // owned
  std::mutex mutex_;       // one request at a time on the connection
};

// [SECTION] Operations --------------------------------------------------------------------------------------

// Loads and validates `json_text` with core, then replaces the stored portfolio. Returns every problem found
// (the database then is unchanged); empty on success. A database failure comes back as one problem with the
// path "database".
Problems import_portfolio(Store& store, std::string_view json_text);

// When the database holds no portfolio, generates core's demo portfolio for `settings` and stores it.
// Returns the problems (settings out of range, a failed check, a database failure); sets `generated` when it
// stored one.
Problems ensure_demo_portfolio(Store& store, const DemoSettings& settings, bool& generated);

}  // namespace parley::server
