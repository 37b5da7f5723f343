// SQLite storage of the portfolio and the journal: schema, reads that assemble the canonical document, atomic
// replacement, event batches appended in one transaction.
#include "store.h"

#include <sqlite3.h>

#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "parley/compliance/check.h"
#include "parley/portfolio_json.h"

namespace parley::server {
namespace {

// One prepared statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  void bind(int index, std::string_view text) {  // never SQL NULL: an empty view may have no data pointer
    sqlite3_bind_text(stmt_, index, text.empty() ? "" : text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  int step() { return sqlite3_step(stmt_); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string_view text(int column) {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return data == nullptr ? std::string_view() : std::string_view(data, sqlite3_column_bytes(stmt_, column));
  }
  void bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  std::int64_t integer(int column) { return sqlite3_column_int64(stmt_, column); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// The tables, as a new database gets them (an older one gets the columns it lacks from Store::upgrade).
constexpr const char* kCreateTables =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS clients(id TEXT PRIMARY KEY, body TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS accounts(id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id),"
    " consumer TEXT NOT NULL DEFAULT '', body TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS accounts_by_client ON accounts(client_id);"
    "CREATE TABLE IF NOT EXISTS events(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
    " account_id TEXT NOT NULL, type TEXT NOT NULL, recorded_at INTEGER NOT NULL, device TEXT NOT NULL,"
    " sequence INTEGER NOT NULL, body TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS events_by_account ON events(account_id, recorded_at, device, sequence, id);";

// The indexes of version 3, on columns an upgraded database has only once Store::upgrade added them.
constexpr const char* kCreateIndexes =
    "CREATE INDEX IF NOT EXISTS accounts_by_consumer ON accounts(consumer);"
    "CREATE INDEX IF NOT EXISTS events_by_device ON events(device, sequence);"
    "CREATE INDEX IF NOT EXISTS events_by_type ON events(type, seq);";

}  // namespace

std::string random_hex_id() {
  std::random_device device;
  std::string out;
  for (int i = 0; i < 4; ++i) {
    char part[9];
    std::snprintf(part, sizeof part, "%08x", static_cast<unsigned>(device()));
    out += part;
  }
  return out;
}

namespace {

std::string db_error(sqlite3* db, std::string_view doing) {
  return std::string(doing) + ": " + sqlite3_errmsg(db);
}

// The first column of every row of a query with one text parameter, in the query's order.
std::vector<std::string> first_column(sqlite3* db, const char* sql, std::string_view parameter) {
  std::vector<std::string> out;
  Statement query(db, sql);
  if (!query.ok()) return out;
  query.bind(1, parameter);
  while (query.step() == SQLITE_ROW) out.emplace_back(query.text(0));
  return out;
}

// Appends `[b1,b2,...]` from a query whose first column is a JSON body.
bool append_bodies(sqlite3* db, const char* sql, std::string& out) {
  Statement query(db, sql);
  if (!query.ok()) return false;
  out += '[';
  bool first = true;
  int rc = 0;
  while ((rc = query.step()) == SQLITE_ROW) {
    if (!first) out += ',';
    first = false;
    out += query.text(0);
  }
  out += ']';
  return rc == SQLITE_DONE;
}

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& path, std::string& error) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    error = "cannot open database " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  std::unique_ptr<Store> store(new Store(db));
  sqlite3_busy_timeout(db, 5000);
  // WAL lets readers go on while a writer works; in-memory databases keep their own journal mode.
  if (auto failure = store->exec("PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL;")) {
    error = "cannot use database " + path + ": " + *failure;
    return nullptr;
  }
  if (auto failure = store->exec(kCreateTables)) {
    error = "cannot create the tables in " + path + ": " + *failure;
    return nullptr;
  }
  const auto version = store->meta_value("schema_version");
  if (version && *version != "1" && *version != "2" && *version != "3" && *version != std::to_string(schema_version)) {
    error = "database " + path + " has schema version " + *version + "; this server reads version " +
            std::to_string(schema_version);
    return nullptr;
  }
  if (auto failure = store->upgrade(version.value_or(""))) {
    error = "cannot upgrade " + path + " to schema version " + std::to_string(schema_version) + ": " + *failure;
    return nullptr;
  }
  if (!store->meta_value("epoch")) {
    const std::string sql = "INSERT INTO meta(key, value) VALUES('epoch', '" + random_hex_id() + "');";
    if (auto failure = store->exec(sql.c_str())) {
      error = "cannot initialise " + path + ": " + *failure;
      return nullptr;
    }
  }
  return store;
}

Store::~Store() {
  sqlite3_close(db_);
}

// Version 1 had no events table (kCreateTables added it); version 2 no accounts.consumer column and none of
// kCreateIndexes; version 3 linked a consumer's accounts by the national id alone. Each account's consumer comes
// from core (consumer_ids), reading the stored portfolio once.
std::optional<std::string> Store::upgrade(const std::string& from_version) {
  if (from_version == std::to_string(schema_version)) return std::nullopt;
  bool has_consumer = false;
  {
    Statement columns(db_, "SELECT name FROM pragma_table_info('accounts');");
    if (!columns.ok()) return db_error(db_, "cannot read the accounts table's columns");
    while (columns.step() == SQLITE_ROW) has_consumer = has_consumer || columns.text(0) == "consumer";
  }
  std::optional<Portfolio> stored;
  if (auto document = portfolio_document()) {
    PortfolioLoad load = load_portfolio(*document);
    if (!load.portfolio) return "the stored portfolio does not load: " + load.problems.front().text();
    stored = std::move(load.portfolio);
  }
  if (auto failure = exec("BEGIN IMMEDIATE;")) return "cannot start a transaction: " + *failure;
  auto fail = [this](std::string message) -> std::optional<std::string> {
    exec("ROLLBACK;");
    return message;
  };
  if (!has_consumer) {
    if (auto failure = exec("ALTER TABLE accounts ADD COLUMN consumer TEXT NOT NULL DEFAULT '';")) return fail(*failure);
  }
  if (stored) {
    Statement update(db_, "UPDATE accounts SET consumer = ?2 WHERE id = ?1;");
    if (!update.ok()) return fail(db_error(db_, "cannot prepare the consumer update"));
    const std::vector<std::string> consumers = consumer_ids(*stored);
    for (std::size_t i = 0; i < stored->accounts.size(); ++i) {
      update.bind(1, stored->accounts[i].id);
      update.bind(2, consumers[i]);
      if (update.step() != SQLITE_DONE) return fail(db_error(db_, "cannot update account " + stored->accounts[i].id));
      update.reset();
    }
  }
  if (auto failure = exec(kCreateIndexes)) return fail(*failure);
  const std::string sql = "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', '" +
                          std::to_string(schema_version) + "');";
  if (auto failure = exec(sql.c_str())) return fail(*failure);
  if (auto failure = exec("COMMIT;")) return fail("cannot commit: " + *failure);
  return std::nullopt;
}

std::optional<std::string> Store::exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return std::nullopt;
  std::string text = message != nullptr ? message : sqlite3_errmsg(db_);
  sqlite3_free(message);
  return text;
}

std::optional<std::string> Store::meta_value(const char* key) {
  Statement query(db_, "SELECT value FROM meta WHERE key = ?1;");
  if (!query.ok()) return std::nullopt;
  query.bind(1, key);
  if (query.step() != SQLITE_ROW) return std::nullopt;
  return std::string(query.text(0));
}

bool Store::has_portfolio() {
  return as_of().has_value();
}

std::optional<std::string> Store::as_of() {
  std::lock_guard lock(mutex_);
  return meta_value("as_of");
}

StoreCounts Store::counts() {
  std::lock_guard lock(mutex_);
  StoreCounts counts;
  Statement query(db_, "SELECT (SELECT count(*) FROM clients), (SELECT count(*) FROM accounts);");
  if (query.ok() && query.step() == SQLITE_ROW) {
    counts.clients = query.integer(0);
    counts.accounts = query.integer(1);
  }
  return counts;
}

std::optional<std::string> Store::portfolio_document() {
  std::lock_guard lock(mutex_);
  // One read transaction, so the rows and as_of come from the same committed state.
  if (exec("BEGIN;")) return std::nullopt;
  std::optional<std::string> document;
  if (auto as_of = meta_value("as_of")) {
    std::string out = "{\"format\":\"";
    out += portfolio_format;
    out += "\",\"as_of\":\"" + *as_of + "\"";
    if (auto agency = meta_value("agency")) out += ",\"agency\":" + *agency;
    out += ",\"clients\":";
    bool ok = append_bodies(db_, "SELECT body FROM clients ORDER BY id;", out);
    out += ",\"accounts\":";
    ok = ok && append_bodies(db_, "SELECT body FROM accounts ORDER BY id;", out);
    out += '}';
    if (ok) document = std::move(out);
  }
  exec("COMMIT;");
  return document;
}

std::optional<std::string> Store::account_body(std::string_view id) {
  std::lock_guard lock(mutex_);
  Statement query(db_, "SELECT body FROM accounts WHERE id = ?1;");
  if (!query.ok()) return std::nullopt;
  query.bind(1, id);
  if (query.step() != SQLITE_ROW) return std::nullopt;
  return std::string(query.text(0));
}

std::optional<std::string> Store::replace_portfolio(const Portfolio& portfolio) {
  std::lock_guard lock(mutex_);
  if (auto failure = exec("BEGIN IMMEDIATE;")) return "cannot start a transaction: " + *failure;
  auto fail = [this](std::string message) -> std::optional<std::string> {
    exec("ROLLBACK;");
    return message;
  };
  if (auto failure =
          exec("DELETE FROM accounts; DELETE FROM clients; DELETE FROM meta WHERE key IN ('as_of', 'agency');")) {
    return fail("cannot clear the stored portfolio: " + *failure);
  }
  {
    Statement insert(db_, "INSERT INTO clients(id, body) VALUES(?1, ?2);");
    if (!insert.ok()) return fail(db_error(db_, "cannot prepare the client insert"));
    for (const Client& client : portfolio.clients) {
      insert.bind(1, client.id);
      insert.bind(2, save_client(client));
      if (insert.step() != SQLITE_DONE) return fail(db_error(db_, "cannot store client " + client.id));
      insert.reset();
    }
  }
  {
    Statement insert(db_, "INSERT INTO accounts(id, client_id, consumer, body) VALUES(?1, ?2, ?3, ?4);");
    if (!insert.ok()) return fail(db_error(db_, "cannot prepare the account insert"));
    const std::vector<std::string> consumers = consumer_ids(portfolio);
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i) {
      const Account& account = portfolio.accounts[i];
      insert.bind(1, account.id);
      insert.bind(2, account.client_id);
      insert.bind(3, consumers[i]);
      insert.bind(4, save_account(account));
      if (insert.step() != SQLITE_DONE) return fail(db_error(db_, "cannot store account " + account.id));
      insert.reset();
    }
  }
  {
    Statement meta(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2);");
    if (!meta.ok()) return fail(db_error(db_, "cannot prepare the meta update"));
    std::vector<std::pair<std::string_view, std::string>> values{{"format", std::string(portfolio_format)},
                                                                 {"as_of", portfolio.as_of.iso()}};
    if (portfolio.agency) values.emplace_back("agency", save_agency(*portfolio.agency));
    for (const auto& [key, value] : values) {
      meta.bind(1, key);
      meta.bind(2, value);
      if (meta.step() != SQLITE_DONE) return fail(db_error(db_, "cannot store " + std::string(key)));
      meta.reset();
    }
  }
  if (auto failure = exec("COMMIT;")) return fail("cannot commit: " + *failure);
  return std::nullopt;
}

std::optional<std::string> Store::account_document(std::string_view id) {
  std::lock_guard lock(mutex_);
  if (exec("BEGIN;")) return std::nullopt;
  std::optional<std::string> document;
  Statement account(db_, "SELECT client_id, body FROM accounts WHERE id = ?1;");
  if (account.ok()) {
    account.bind(1, id);
    if (account.step() == SQLITE_ROW) {
      std::string out = "{\"format\":\"";
      out += portfolio_format;
      out += "\",\"as_of\":\"" + meta_value("as_of").value_or("") + "\"";
      if (auto agency = meta_value("agency")) out += ",\"agency\":" + *agency;
      out += ",\"clients\":[";
      Statement client(db_, "SELECT body FROM clients WHERE id = ?1;");
      if (client.ok()) {
        client.bind(1, account.text(0));
        if (client.step() == SQLITE_ROW) out += client.text(0);
      }
      out += "],\"accounts\":[";
      out += account.text(1);
      out += "]}";
      document = std::move(out);
    }
  }
  exec("COMMIT;");
  return document;
}

std::string Store::epoch() {
  std::lock_guard lock(mutex_);
  return meta_value("epoch").value_or("");
}

std::vector<std::string> Store::consumer_accounts(std::string_view id) {
  std::lock_guard lock(mutex_);
  return first_column(db_,
                      "SELECT other.id FROM accounts AS self JOIN accounts AS other ON other.consumer = self.consumer"
                      " WHERE self.id = ?1 AND self.consumer != '' AND other.id != self.id ORDER BY other.id;",
                      id);
}

std::optional<StoredEvent> Store::find_event(std::string_view id) {
  std::lock_guard lock(mutex_);
  Statement query(db_, "SELECT seq, account_id, type, body FROM events WHERE id = ?1;");
  if (!query.ok()) return std::nullopt;
  query.bind(1, id);
  if (query.step() != SQLITE_ROW) return std::nullopt;
  return StoredEvent{query.integer(0), std::string(query.text(1)), std::string(query.text(2)),
                     std::string(query.text(3))};
}

AppendResult Store::append_events(const std::vector<NewEvent>& events) {
  std::lock_guard lock(mutex_);
  AppendResult result;
  if (auto failure = exec("BEGIN IMMEDIATE;")) {
    result.error = "cannot start a transaction: " + *failure;
    return result;
  }
  auto fail = [&](std::string message) {
    exec("ROLLBACK;");
    result.seqs.clear();
    result.duplicates.clear();
    result.error = std::move(message);
    return result;
  };
  Statement find(db_, "SELECT seq, body FROM events WHERE id = ?1;");
  Statement insert(db_,
                   "INSERT INTO events(id, account_id, type, recorded_at, device, sequence, body)"
                   " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7);");
  if (!find.ok() || !insert.ok()) return fail(db_error(db_, "cannot prepare the event statements"));
  for (std::size_t i = 0; i < events.size(); ++i) {
    const NewEvent& event = events[i];
    find.bind(1, event.id);
    const int found = find.step();
    if (found == SQLITE_ROW) {
      const bool same = find.text(1) == event.body;
      const std::int64_t seq = find.integer(0);
      find.reset();
      if (!same) {
        exec("ROLLBACK;");
        result.seqs.clear();
        result.duplicates.clear();
        result.conflict = i;
        return result;
      }
      result.seqs.push_back(seq);
      result.duplicates.push_back(true);
      continue;
    }
    find.reset();
    if (found != SQLITE_DONE) return fail(db_error(db_, "cannot look up event " + event.id));
    insert.bind(1, event.id);
    insert.bind(2, event.account_id);
    insert.bind(3, event.type);
    insert.bind(4, event.recorded_at);
    insert.bind(5, event.device);
    insert.bind(6, event.sequence);
    insert.bind(7, event.body);
    if (insert.step() != SQLITE_DONE) return fail(db_error(db_, "cannot store event " + event.id));
    insert.reset();
    result.seqs.push_back(sqlite3_last_insert_rowid(db_));
    result.duplicates.push_back(false);
  }
  if (auto failure = exec("COMMIT;")) return fail("cannot commit: " + *failure);
  return result;
}

std::vector<std::string> Store::account_events(std::string_view account_id) {
  std::lock_guard lock(mutex_);
  return first_column(db_, "SELECT body FROM events WHERE account_id = ?1 ORDER BY recorded_at, device, sequence, id;",
                      account_id);
}

EventPage Store::events_after(std::int64_t after, int limit, std::string_view type) {
  std::lock_guard lock(mutex_);
  EventPage page;
  Statement query(db_, type.empty() ? "SELECT seq, body FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2;"
                                    : "SELECT seq, body FROM events WHERE type = ?3 AND seq > ?1 ORDER BY seq LIMIT ?2;");
  if (!query.ok()) return page;
  query.bind(1, after);
  query.bind(2, static_cast<std::int64_t>(limit) + 1);
  if (!type.empty()) query.bind(3, type);
  while (query.step() == SQLITE_ROW) {
    if (page.events.size() == static_cast<std::size_t>(limit)) {
      page.has_more = true;
      break;
    }
    page.events.emplace_back(query.integer(0), std::string(query.text(1)));
  }
  return page;
}

std::int64_t Store::event_count() {
  std::lock_guard lock(mutex_);
  Statement query(db_, "SELECT count(*) FROM events;");
  if (query.ok() && query.step() == SQLITE_ROW) return query.integer(0);
  return 0;
}

std::optional<std::string> Store::find_device_sequence(std::string_view device, std::int64_t sequence) {
  std::lock_guard lock(mutex_);
  Statement query(db_, "SELECT id FROM events WHERE device = ?1 AND sequence = ?2 LIMIT 1;");
  if (!query.ok()) return std::nullopt;
  query.bind(1, device);
  query.bind(2, sequence);
  if (query.step() != SQLITE_ROW) return std::nullopt;
  return std::string(query.text(0));
}

std::int64_t Store::last_sequence(std::string_view device) {
  std::lock_guard lock(mutex_);
  Statement query(db_, "SELECT max(sequence) FROM events WHERE device = ?1;");
  if (!query.ok()) return 0;
  query.bind(1, device);
  if (query.step() == SQLITE_ROW) return query.integer(0);
  return 0;
}

Problems import_portfolio(Store& store, std::string_view json_text) {
  PortfolioLoad load = load_portfolio(json_text);
  if (!load.ok()) return load.problems;
  if (auto failure = store.replace_portfolio(*load.portfolio)) return {{"database", *failure}};
  return {};
}

Problems ensure_demo_portfolio(Store& store, const DemoSettings& settings, bool& generated) {
  generated = false;
  if (store.has_portfolio()) return {};
  Problems problems = check_demo_settings(settings);
  if (!problems.empty()) return problems;
  const Portfolio portfolio = generate_demo_portfolio(settings);
  problems = validate_portfolio(portfolio);
  if (!problems.empty()) return problems;
  if (auto failure = store.replace_portfolio(portfolio)) return {{"database", *failure}};
  generated = true;
  return {};
}

}  // namespace parley::server
