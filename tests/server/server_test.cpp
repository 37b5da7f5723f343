// The reference server: command line, SQLite storage (atomic replacement, import, demo on first start) and
// the HTTP API and static files as a browser sees them.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "events.h"
#include "http.h"
#include "options.h"
#include "parley/account/account.h"
#include "parley/compliance/check.h"
#include "parley/demo.h"
#include "parley/journal/journal_json.h"
#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"
#include "parley/portfolio_json.h"
#include "store.h"

namespace fs = std::filesystem;
using namespace parley;
using namespace parley::server;

namespace {

// A fresh folder under the system temporary folder, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("parley-server-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

Portfolio demo(int accounts, std::uint64_t seed) {
  DemoSettings settings;
  settings.accounts = accounts;
  settings.seed = seed;
  return generate_demo_portfolio(settings);
}

// The portfolio as the store serves it back: clients and accounts in id order.
Portfolio sorted_by_id(Portfolio p) {
  std::sort(p.clients.begin(), p.clients.end(), [](const Client& a, const Client& b) { return a.id < b.id; });
  std::sort(p.accounts.begin(), p.accounts.end(),
            [](const Account& a, const Account& b) { return a.id < b.id; });
  return p;
}

std::unique_ptr<Store> open_store(const fs::path& file) {
  std::string error;
  auto store = Store::open(file.string(), error);
  EXPECT_TRUE(store) << error;
  return store;
}

Problems parse(std::vector<std::string> args, const char* env_port = nullptr) {
  return parse_options(args, env_port).problems;
}

}  // namespace

// -- Command line -------------------------------------------------------------------------------------------

TEST(ServerOptions, DefaultsServeLocalhost8080FromParleyDb) {
  const auto parsed = parse_options({}, nullptr);
  ASSERT_TRUE(parsed.problems.empty());
  EXPECT_EQ(parsed.options.host, "127.0.0.1");
  EXPECT_EQ(parsed.options.port, 8080);
  EXPECT_EQ(parsed.options.db, "parley.db");
  EXPECT_EQ(parsed.options.demo_accounts, 500);
  EXPECT_EQ(parsed.options.demo_seed, 1u);
  EXPECT_FALSE(parsed.options.import);
}

TEST(ServerOptions, PortComesFromEnvironmentUnlessGivenOnTheCommandLine) {
  EXPECT_EQ(parse_options({}, "9001").options.port, 9001);
  EXPECT_EQ(parse_options({"--port", "9002"}, "9001").options.port, 9002);
  EXPECT_EQ(parse_options({"--port", "0"}, nullptr).options.port, 0);
}

TEST(ServerOptions, ReadsEveryValue) {
  const auto parsed =
      parse_options({"--host", "0.0.0.0", "--db", "x.db", "--web-root", "app", "--demo-accounts", "25",
                     "--demo-seed", "18446744073709551615", "--import", "p.json"},
                    nullptr);
  ASSERT_TRUE(parsed.problems.empty());
  EXPECT_EQ(parsed.options.host, "0.0.0.0");
  EXPECT_EQ(parsed.options.db, "x.db");
  EXPECT_EQ(parsed.options.web_root, "app");
  EXPECT_EQ(parsed.options.demo_accounts, 25);
  EXPECT_EQ(parsed.options.demo_seed, 18446744073709551615u);
  EXPECT_EQ(parsed.options.import, "p.json");
}

TEST(ServerOptions, CalendarsDefaultToTheSourceTreesAssets) {
  EXPECT_EQ(parse_options({}, nullptr).options.calendars, PARLEY_CALENDARS_DIR);
  EXPECT_EQ(parse_options({"--calendars", "cal"}, nullptr).options.calendars, "cal");
  EXPECT_EQ(parse({"--calendars"}), (Problems{{"--calendars", "needs a value"}}));
}

TEST(ServerOptions, NamesTheOptionAtFault) {
  EXPECT_EQ(parse({"--port", "65536"}), (Problems{{"--port", "expected a number from 0 to 65535, got \"65536\""}}));
  EXPECT_EQ(parse({"--port", "80x"}), (Problems{{"--port", "expected a number from 0 to 65535, got \"80x\""}}));
  EXPECT_EQ(parse({}, "http"), (Problems{{"PARLEY_PORT", "expected a number from 0 to 65535, got \"http\""}}));
  EXPECT_EQ(parse({"--demo-accounts", "-3"}), (Problems{{"--demo-accounts", "expected a whole number, got \"-3\""}}));
  EXPECT_EQ(parse({"--db"}), (Problems{{"--db", "needs a value"}}));
  EXPECT_EQ(parse({"--db", ""}), (Problems{{"--db", "must not be empty"}}));
  EXPECT_EQ(parse({"--colour", "red"}).front().text(), "unknown option --colour");
  EXPECT_EQ(parse({"--port", "x", "--demo-seed", "y"}).size(), 2u);
}

// -- Static files and errors --------------------------------------------------------------------------------

TEST(ServerFiles, MimeTypesLetTheBrowserCompileWasm) {
  EXPECT_EQ(mime_type("app/parley.wasm"), "application/wasm");
  EXPECT_EQ(mime_type("app/parley.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(mime_type("app/parley.data"), "application/octet-stream");
}

TEST(ServerFiles, ResolvesOnlyRegularFilesInsideTheRoot) {
  TempDir dir;
  const fs::path root = dir.path() / "app";
  fs::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<html></html>";
  std::ofstream(root / "assets" / "a.js") << "1";
  std::ofstream(root / ".env") << "secret";
  std::ofstream(dir.path() / "outside.txt") << "secret";

  EXPECT_EQ(resolve_static(root, "/"), root / "index.html");
  EXPECT_EQ(resolve_static(root, "/assets/a.js"), root / "assets" / "a.js");
  EXPECT_EQ(resolve_static(root, "/../outside.txt"), std::nullopt);
  EXPECT_EQ(resolve_static(root, "/assets/../../outside.txt"), std::nullopt);
  EXPECT_EQ(resolve_static(root, "/.env"), std::nullopt);
  EXPECT_EQ(resolve_static(root, "/missing.js"), std::nullopt);
  EXPECT_EQ(resolve_static(root, "/assets"), std::nullopt);  // a folder without index.html
}

TEST(ServerFiles, ErrorsAreJsonWithTheMessageEscaped) {
  const auto parsed = nlohmann::json::parse(json_error("no account with id \"a\\b\""));
  EXPECT_EQ(parsed, (nlohmann::json{{"error", "no account with id \"a\\b\""}}));
}

TEST(ServerFiles, GzipOnlyWhenTheClientAcceptsIt) {
  EXPECT_TRUE(accepts_gzip("gzip, deflate, br, zstd"));
  EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("br, deflate"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0.000, br"));
  EXPECT_FALSE(accepts_gzip("*, gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("identity, *;q=0"));
}

// -- Storage ------------------------------------------------------------------------------------------------

TEST(ServerStore, EmptyDatabaseHasNoPortfolio) {
  TempDir dir;
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  EXPECT_FALSE(store->has_portfolio());
  EXPECT_EQ(store->portfolio_document(), std::nullopt);
  EXPECT_EQ(store->account_body("A1"), std::nullopt);
}

TEST(ServerStore, ServesBackTheCanonicalDocumentInIdOrder) {
  TempDir dir;
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  const Portfolio portfolio = demo(40, 7);
  ASSERT_EQ(store->replace_portfolio(portfolio), std::nullopt);

  const auto document = store->portfolio_document();
  ASSERT_TRUE(document);
  const auto json = nlohmann::json::parse(*document);
  EXPECT_EQ(json["format"], "parley.portfolio/1");
  EXPECT_EQ(json["as_of"], portfolio.as_of.iso());
  const PortfolioLoad load = load_portfolio(*document);
  ASSERT_TRUE(load.ok()) << load.problems.front().text();
  EXPECT_EQ(*load.portfolio, sorted_by_id(portfolio));
  EXPECT_EQ(store->counts().accounts, 40);
  EXPECT_EQ(store->counts().clients, static_cast<std::int64_t>(portfolio.clients.size()));
}

TEST(ServerStore, OneAccountIsItsCanonicalJson) {
  TempDir dir;
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  const Portfolio portfolio = demo(5, 3);
  ASSERT_EQ(store->replace_portfolio(portfolio), std::nullopt);
  const Account& account = portfolio.accounts.at(3);
  EXPECT_EQ(store->account_body(account.id), save_account(account));
  EXPECT_EQ(store->account_body("no-such-account"), std::nullopt);
}

TEST(ServerStore, PortfolioSurvivesReopening) {
  TempDir dir;
  const Portfolio portfolio = demo(12, 2);
  {
    auto store = open_store(dir.path() / "p.db");
    ASSERT_TRUE(store);
    ASSERT_EQ(store->replace_portfolio(portfolio), std::nullopt);
  }
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->has_portfolio());
  EXPECT_EQ(*load_portfolio(*store->portfolio_document()).portfolio, sorted_by_id(portfolio));
}

TEST(ServerStore, FailedReplacementLeavesThePreviousPortfolio) {
  TempDir dir;
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  ASSERT_EQ(store->replace_portfolio(demo(10, 1)), std::nullopt);
  const auto before = store->portfolio_document();

  // The last account repeats an id: the insert fails after clients and most accounts were written.
  Portfolio broken = demo(20, 2);
  broken.accounts.back().id = broken.accounts.front().id;
  const auto failure = store->replace_portfolio(broken);
  ASSERT_TRUE(failure);
  EXPECT_NE(failure->find(broken.accounts.front().id), std::string::npos) << *failure;
  EXPECT_EQ(store->portfolio_document(), before);
  EXPECT_EQ(store->counts().accounts, 10);
}

TEST(ServerStore, RefusesADatabaseFromANewerSchema) {
  TempDir dir;
  const fs::path file = dir.path() / "p.db";
  ASSERT_TRUE(open_store(file));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  const std::string newer = std::to_string(schema_version + 1);
  const std::string sql = "UPDATE meta SET value = '" + newer + "' WHERE key = 'schema_version';";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  std::string error;
  EXPECT_EQ(Store::open(file.string(), error), nullptr);
  EXPECT_NE(error.find("schema version " + newer), std::string::npos) << error;
}

TEST(ServerImport, ValidFileReplacesTheStoredPortfolio) {
  TempDir dir;
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  ASSERT_EQ(store->replace_portfolio(demo(10, 1)), std::nullopt);
  const Portfolio incoming = demo(25, 9);
  EXPECT_EQ(import_portfolio(*store, save_portfolio(incoming)), Problems{});
  EXPECT_EQ(*load_portfolio(*store->portfolio_document()).portfolio, sorted_by_id(incoming));
}

TEST(ServerImport, InvalidFileReportsEveryProblemAndChangesNothing) {
  TempDir dir;
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  ASSERT_EQ(store->replace_portfolio(demo(10, 1)), std::nullopt);
  const auto before = store->portfolio_document();

  Portfolio bad = demo(8, 4);
  bad.accounts[2].client_id = "no-such-client";
  bad.accounts[5].client_id = "no-such-client";
  const Problems problems = import_portfolio(*store, save_portfolio(bad));
  EXPECT_EQ(problems, load_portfolio(save_portfolio(bad)).problems);
  EXPECT_GE(problems.size(), 2u);
  EXPECT_EQ(store->portfolio_document(), before);

  EXPECT_FALSE(import_portfolio(*store, "{\"format\":").empty());
  EXPECT_EQ(store->portfolio_document(), before);
}

TEST(ServerDemo, StoresTheDemoOnlyIntoAnEmptyDatabase) {
  TempDir dir;
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  DemoSettings settings;
  settings.accounts = 30;
  settings.seed = 5;
  bool generated = false;
  EXPECT_EQ(ensure_demo_portfolio(*store, settings, generated), Problems{});
  EXPECT_TRUE(generated);
  EXPECT_EQ(*load_portfolio(*store->portfolio_document()).portfolio,
            sorted_by_id(generate_demo_portfolio(settings)));

  const auto before = store->portfolio_document();
  settings.seed = 6;
  EXPECT_EQ(ensure_demo_portfolio(*store, settings, generated), Problems{});
  EXPECT_FALSE(generated);
  EXPECT_EQ(store->portfolio_document(), before);
}

TEST(ServerDemo, SettingsOutOfRangeStoreNothing) {
  TempDir dir;
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  DemoSettings settings;
  settings.accounts = 0;
  bool generated = true;
  const Problems problems = ensure_demo_portfolio(*store, settings, generated);
  EXPECT_EQ(problems, check_demo_settings(settings));
  EXPECT_FALSE(problems.empty());
  EXPECT_FALSE(generated);
  EXPECT_FALSE(store->has_portfolio());
}

// -- HTTP ---------------------------------------------------------------------------------------------------

// The routes on a free port of 127.0.0.1, with a store holding a small demo portfolio and a tiny web root.
class ServerHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(dir_.path() / "p.db");
    ASSERT_TRUE(store_);
    portfolio_ = demo(6, 11);
    ASSERT_EQ(store_->replace_portfolio(portfolio_), std::nullopt);
    root_ = dir_.path() / "app";
    fs::create_directories(root_);
    std::ofstream(root_ / "index.html") << "<!doctype html><title>Parley</title>";
    std::ofstream(root_ / "parley.wasm", std::ios::binary) << std::string("\0asm\1\0\0\0", 8);
    // The server checks events as it does in production: with the source tree's calendars and rule packs, and a
    // clock fixed on the portfolio's as_of, 18:00 UTC.
    checks_ = std::make_shared<Checks>();
    checks_->assets = load_assets(PARLEY_RULES_DIR, PARLEY_CALENDARS_DIR);
    ASSERT_EQ(checks_->assets.problems, Problems{});
    ASSERT_TRUE(checks_->assets.rules.failed.empty());
    now_ = at_hour(portfolio_.as_of, 18);
    checks_->now = [this] { return now_; };
    install_routes(server_, *store_, root_, checks_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void TearDown() override {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Client client() { return httplib::Client("127.0.0.1", port_); }
  static Instant at_hour(Date day, int hour) {
    return Instant::from_unix_seconds(std::int64_t{day.days_since_epoch()} * 86400 + hour * 3600);
  }

  TempDir dir_;
  std::shared_ptr<Checks> checks_;
  Instant now_;
  std::unique_ptr<Store> store_;
  Portfolio portfolio_;
  fs::path root_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(ServerHttp, HealthIsOk) {
  auto res = client().Get("/api/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(nlohmann::json::parse(res->body), (nlohmann::json{{"status", "ok"}}));
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(ServerHttp, PortfolioIsTheStoredDocument) {
  auto res = client().Get("/api/portfolio");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, *store_->portfolio_document());
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");
  const PortfolioLoad load = load_portfolio(res->body);
  ASSERT_TRUE(load.ok());
  EXPECT_EQ(load.portfolio->accounts.size(), 6u);
}

TEST_F(ServerHttp, OneAccountOr404) {
  const Account& account = portfolio_.accounts.at(2);
  auto res = client().Get("/api/accounts/" + account.id);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, save_account(account));

  auto missing = client().Get("/api/accounts/nobody");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(nlohmann::json::parse(missing->body), (nlohmann::json{{"error", "no account with id nobody"}}));
}

TEST_F(ServerHttp, UnknownApiPathsAndOtherMethodsAnswerJsonErrors) {
  auto res = client().Get("/api/nothing-here");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_TRUE(nlohmann::json::parse(res->body).contains("error"));

  auto post = client().Post("/api/portfolio", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  EXPECT_TRUE(nlohmann::json::parse(post->body).contains("error"));
}

TEST_F(ServerHttp, ServesTheAppWithItsTypesAndRevalidation) {
  auto index = client().Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->body, "<!doctype html><title>Parley</title>");

  auto wasm = client().Get("/parley.wasm");
  ASSERT_TRUE(wasm);
  EXPECT_EQ(wasm->status, 200);
  EXPECT_EQ(wasm->get_header_value("Content-Type"), "application/wasm");
  EXPECT_EQ(wasm->body, std::string("\0asm\1\0\0\0", 8));
  EXPECT_EQ(wasm->get_header_value("Cache-Control"), "no-cache");
  const std::string tag = wasm->get_header_value("ETag");
  ASSERT_FALSE(tag.empty());

  auto again = client().Get("/parley.wasm", {{"If-None-Match", tag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(client().Get("/parley.wasm", {{"If-None-Match", "\"old\", W/" + tag}})->status, 304);
  EXPECT_EQ(client().Get("/parley.wasm", {{"If-None-Match", "\"old\""}})->status, 200);

  // A rebuilt file gets a new tag, so the browser fetches it again.
  std::ofstream(root_ / "parley.wasm", std::ios::binary) << std::string("\0asm\1\0\0\0\0", 9);
  auto rebuilt = client().Get("/parley.wasm", {{"If-None-Match", tag}});
  ASSERT_TRUE(rebuilt);
  EXPECT_EQ(rebuilt->status, 200);
  EXPECT_NE(rebuilt->get_header_value("ETag"), tag);
}

TEST_F(ServerHttp, LargeBodiesGoGzippedToClientsThatAcceptThem) {
  std::string script;
  for (int i = 0; i < 400; ++i) script += "console.log('line " + std::to_string(i) + "');\n";
  std::ofstream(root_ / "big.js") << script;

  auto c = client();
  c.set_decompress(false);
  for (const char* path : {"/big.js", "/api/portfolio"}) {
    auto plain = c.Get(path);
    ASSERT_TRUE(plain) << path;
    EXPECT_EQ(plain->get_header_value("Content-Encoding"), "") << path;
    auto packed = c.Get(path, {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_TRUE(packed) << path;
    EXPECT_EQ(packed->status, 200) << path;
    EXPECT_EQ(packed->get_header_value("Content-Encoding"), "gzip") << path;
    EXPECT_EQ(packed->get_header_value("Vary"), "Accept-Encoding") << path;
    EXPECT_LT(packed->body.size(), plain->body.size() / 2) << path;
    // Decompressed once, the body is the plain one: compressed exactly once.
    auto inflated = client().Get(path, {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(inflated) << path;
    EXPECT_EQ(inflated->body, plain->body) << path;
  }
  EXPECT_EQ(c.Get("/big.js")->body, script);

  // The compressed and the plain file are different representations: a tag matches only its own.
  const std::string plain_tag = c.Get("/big.js")->get_header_value("ETag");
  const std::string packed_tag = c.Get("/big.js", {{"Accept-Encoding", "gzip"}})->get_header_value("ETag");
  EXPECT_NE(plain_tag, packed_tag);
  EXPECT_EQ(c.Get("/big.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", packed_tag}})->status, 304);
  EXPECT_EQ(c.Get("/big.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", plain_tag}})->status, 200);
}

TEST_F(ServerHttp, MissingFilesAre404Json) {
  std::ofstream(dir_.path() / "secret.txt") << "secret";
  for (const char* path : {"/missing.js", "/../secret.txt", "/%2e%2e/secret.txt"}) {
    auto res = client().Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_TRUE(nlohmann::json::parse(res->body).contains("error")) << path;
  }
}

// -- Journal events -----------------------------------------------------------------------------------------

namespace {

// Builds events for the accounts of a portfolio, as a host records them: ids from a counter, one device.
class EventMaker {
 public:
  explicit EventMaker(const Portfolio& portfolio) : portfolio_(portfolio) {}

  Event base(const Account& account, Instant at) {
    Event event;
    event.id = EventId::from_parts(0x0190f3a1b2c37d4eULL, ++next_id_);
    event.account_id = account.id;
    event.author = {"u-collector-1", "d-test"};
    event.recorded_at = at;
    event.sequence = next_id_;
    return event;
  }

  // A compliant offer for `account` quoted on `today` (the opening offer, or the nearest compliant
  // alternative the policy check suggests, shortened to a term a collector may offer without a supervisor),
  // recorded at noon that day.
  Event offer(const Account& account, Date today) {
    plans::PlanRequest request = opening(account, today);
    Event event = base(account, Instant::from_unix_seconds(std::int64_t{today.days_since_epoch()} * 86400 + 43200));
    const plans::QuoteResult result = plans::quote_plan(request);
    EXPECT_TRUE(result.ok());
    event.payload = PlanAccepted{plans::save_request(request), plans::quote_digest(*result.quote)};
    return event;
  }

  plans::PlanRequest opening(const Account& account, Date today) const {
    const Client* client = portfolio_.find_client(account.client_id);
    EXPECT_NE(client, nullptr);
    plans::PlanRequest request = plans::opening_request(account, *client, today);
    for (int i = 0; i < 5; ++i) {
      const plans::QuoteResult result = plans::quote_plan(request);
      if (!result.ok()) break;
      const plans::PolicyCheck check = plans::check_policy(request, *result.quote);
      if (!check.compliant()) {
        if (!check.violations.front().alternative) break;
        request = *check.violations.front().alternative;
        continue;
      }
      const auto term = std::find_if(check.approvals.begin(), check.approvals.end(), [](const plans::Approval& a) {
        return a.code == plans::FindingCode::term_needs_supervisor;
      });
      if (term == check.approvals.end() || !request.plan || !request.plan->instalments) break;
      request.plan->instalments = plans::max_instalments_in(static_cast<int>(term->limit), request.plan->frequency);
    }
    return request;
  }

  // A call the first party made to the agency from its first phone: a fact the contact rules do not govern, so
  // the server stores it without a compliance exception of its own.
  Event contact(const Account& account, Instant at) {
    Event event = base(account, at);
    const Party& party = account.parties.front();
    event.payload = ContactAttempted{party.id, ContactChannel::phone,
                                     party.phones.empty() ? "+15555550100" : party.phones.front().number,
                                     ContactDirection::inbound};
    return event;
  }

  // A call from the agency to `number` of the account's first party.
  Event call(const Account& account, Instant at, std::string number) {
    Event event = base(account, at);
    event.payload = ContactAttempted{account.parties.front().id, ContactChannel::phone, std::move(number),
                                     ContactDirection::outbound};
    return event;
  }

 private:
  const Portfolio& portfolio_;
  std::uint64_t next_id_ = 0;
};

std::string lines(const std::vector<Event>& events) {
  std::string out;
  for (const Event& event : events) out += save_event(event) + "\n";
  return out;
}

}  // namespace

class ServerEvents : public ServerHttp {
 protected:
  void SetUp() override {
    ServerHttp::SetUp();
    today_ = portfolio_.as_of;
    at_ = at_hour(today_, 15);
  }
  httplib::Result post(const std::string& body) {
    return client().Post("/api/events", body, "application/x-ndjson");
  }
  const Account& account(int i) const { return portfolio_.accounts.at(static_cast<std::size_t>(i)); }
  nlohmann::json account_events(const std::string& id) {
    auto res = client().Get("/api/accounts/" + id + "/events");
    EXPECT_TRUE(res);
    if (!res) return nullptr;
    EXPECT_EQ(res->status, 200) << res->body;
    return nlohmann::json::parse(res->body)["events"];
  }

  Date today_;
  Instant at_;  // within every demo account's life, before the server's now
  EventMaker make_{portfolio_};
};

TEST_F(ServerEvents, AcceptsAnOfferTheServerQuotesIdentically) {
  const Event offer = make_.offer(account(1), today_);
  auto res = post(lines({offer}));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const auto body = nlohmann::json::parse(res->body);
  ASSERT_EQ(body["results"].size(), 1u);
  EXPECT_EQ(body["results"][0]["id"], offer.id.hex());
  EXPECT_EQ(body["results"][0]["status"], "stored");
  EXPECT_EQ(body["results"][0]["seq"], body["last_seq"]);
  EXPECT_EQ(body["epoch"], store_->epoch());
  EXPECT_EQ(store_->epoch().size(), 32u);

  // The account's journal holds the very event, byte for byte.
  auto raw = client().Get("/api/accounts/" + account(1).id + "/events");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->body, "{\"account_id\":\"" + account(1).id + "\",\"events\":[" + save_event(offer) + "]}");
  const auto events = account_events(account(1).id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(account_events(account(2).id).size(), 0u);
  const EventLoad back = load_event(events[0].dump());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back.event, offer);
}

TEST_F(ServerEvents, ResendingTheSameEventsIsANoOp) {
  const std::vector<Event> batch = {make_.contact(account(0), at_),
                                    make_.offer(account(0), today_)};
  auto first = post(lines(batch));
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  auto again = post(lines(batch));
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 200) << again->body;
  const auto a = nlohmann::json::parse(first->body)["results"];
  const auto b = nlohmann::json::parse(again->body)["results"];
  ASSERT_EQ(b.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(a[i]["status"], "stored");
    EXPECT_EQ(b[i]["status"], "duplicate");
    EXPECT_EQ(b[i]["seq"], a[i]["seq"]);
  }
  EXPECT_EQ(store_->event_count(), 2);
  // A repeat inside one batch counts once.
  auto doubled = post(lines({batch[0], batch[0]}));
  ASSERT_TRUE(doubled);
  EXPECT_EQ(doubled->status, 200);
  EXPECT_EQ(nlohmann::json::parse(doubled->body)["results"].size(), 1u);
  EXPECT_EQ(account_events(account(0).id).size(), 2u);
}

TEST_F(ServerEvents, SameIdWithOtherContentIsAConflictNamingTheId) {
  const Event stored = make_.contact(account(0), at_);
  ASSERT_EQ(post(lines({stored}))->status, 200);
  Event other = stored;
  other.recorded_at = stored.recorded_at.plus_seconds(60);
  auto res = post(lines({make_.contact(account(0), stored.recorded_at), other}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 409);
  const auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["index"], 1);
  EXPECT_EQ(body["id"], stored.id.hex());
  EXPECT_NE(body["error"].get<std::string>().find(stored.id.hex()), std::string::npos) << body["error"];
  EXPECT_EQ(store_->event_count(), 1);  // the good first event was not stored either

  // Inside one batch too.
  Event twin = make_.contact(account(1), stored.recorded_at);
  Event changed = twin;
  changed.sequence += 100;
  auto inside = post(lines({twin, changed}));
  ASSERT_TRUE(inside);
  EXPECT_EQ(inside->status, 409);
  EXPECT_EQ(nlohmann::json::parse(inside->body)["id"], twin.id.hex());
  EXPECT_EQ(store_->event_count(), 1);
}

TEST_F(ServerEvents, ATamperedDigestIsRefusedNamingTheEventAndTheMember) {
  Event offer = make_.offer(account(2), today_);
  auto& plan = std::get<PlanAccepted>(offer.payload);
  plan.quote_digest[0] = plan.quote_digest[0] == '0' ? '1' : '0';
  auto res = post(lines({make_.contact(account(2), offer.recorded_at), offer}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  const auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["index"], 1);
  EXPECT_EQ(body["line"], 2);
  EXPECT_EQ(body["id"], offer.id.hex());
  ASSERT_EQ(body["problems"].size(), 1u);
  EXPECT_EQ(body["problems"][0]["path"], "payload.quote_digest");
  EXPECT_EQ(store_->event_count(), 0);
}

TEST_F(ServerEvents, ARequestThatIsNotTheAccountsIsRefused) {
  // Another balance than the account's: the digest matches the request, but the request is not the account's.
  Event offer = make_.offer(account(3), today_);
  plans::PlanRequest request = make_.opening(account(3), today_);
  request.balance.principal = request.balance.principal + Money(100, request.currency);
  const auto quote = plans::quote_plan(request);
  ASSERT_TRUE(quote.ok());
  offer.payload = PlanAccepted{plans::save_request(request), plans::quote_digest(*quote.quote)};
  auto res = post(lines({offer}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  const auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["problems"][0]["path"], "payload.request.balance") << body;
  EXPECT_EQ(store_->event_count(), 0);
}

TEST_F(ServerEvents, APolicyViolationIsRefusedWithTheReason) {
  // A term far beyond the policy's longest: the request quotes and its digest is right, the policy says no.
  Event offer = make_.offer(account(4), today_);
  plans::PlanRequest request = make_.opening(account(4), today_);
  request.plan->instalments = 600;
  request.plan->instalment_amount.reset();
  const auto quote = plans::quote_plan(request);
  ASSERT_TRUE(quote.ok());
  const auto check = plans::check_policy(request, *quote.quote);
  ASSERT_FALSE(check.compliant());
  offer.payload = PlanAccepted{plans::save_request(request), plans::quote_digest(*quote.quote)};
  auto res = post(lines({offer}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  const auto body = nlohmann::json::parse(res->body);
  ASSERT_EQ(body["problems"].size(), check.violations.size()) << body;
  EXPECT_EQ(body["problems"][0]["path"], "payload.request." + check.violations[0].path);
  EXPECT_NE(body["error"].get<std::string>().find(check.violations[0].message), std::string::npos) << body;
  EXPECT_EQ(store_->event_count(), 0);
}

TEST_F(ServerEvents, ABatchIsStoredWhollyOrNotAtAll) {
  const Instant at = at_;
  Event bad_party = make_.contact(account(1), at);
  std::get<ContactAttempted>(bad_party.payload).party_id = "no-such-party";
  const std::vector<Event> good = {make_.contact(account(0), at), make_.offer(account(0), today_)};
  auto res = post(lines({good[0], good[1], bad_party}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  const auto body = nlohmann::json::parse(res->body);
  EXPECT_EQ(body["index"], 2);
  EXPECT_EQ(body["problems"][0]["path"], "payload.party_id");
  EXPECT_EQ(store_->event_count(), 0);
  EXPECT_EQ(account_events(account(0).id).size(), 0u);

  // An outcome must follow an attempt of the same account, held or in the batch.
  Event outcome = make_.base(account(0), at.plus_seconds(30));
  outcome.payload = OutcomeRecorded{good[0].id, ContactOutcome::no_answer, false};
  Event stray = make_.base(account(1), at.plus_seconds(30));
  stray.payload = OutcomeRecorded{good[0].id, ContactOutcome::no_answer, false};
  auto wrong_account = post(lines({good[0], stray}));
  ASSERT_TRUE(wrong_account);
  EXPECT_EQ(wrong_account->status, 422);
  EXPECT_EQ(nlohmann::json::parse(wrong_account->body)["problems"][0]["path"], "payload.attempt_id");

  auto fixed = post(lines({good[0], good[1], outcome}));
  ASSERT_TRUE(fixed);
  EXPECT_EQ(fixed->status, 200) << fixed->body;
  EXPECT_EQ(store_->event_count(), 3);
}

TEST_F(ServerEvents, AnUnknownAccountOrAnUnreadableLineIsRefused) {
  Account ghost = account(0);
  ghost.id = "no-such-account";
  auto unknown = post(lines({make_.contact(ghost, at_)}));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 422);
  const auto body = nlohmann::json::parse(unknown->body);
  EXPECT_EQ(body["problems"][0]["path"], "account_id");
  EXPECT_NE(body["error"].get<std::string>().find("no-such-account"), std::string::npos);

  const std::string good = save_event(make_.contact(account(0), at_));
  std::string broken = good;
  broken.replace(broken.find("\"phone\""), 7, "\"fax\"");
  auto unreadable = post(good + "\n\n" + broken + "\n");
  ASSERT_TRUE(unreadable);
  EXPECT_EQ(unreadable->status, 400);
  const auto why = nlohmann::json::parse(unreadable->body);
  EXPECT_EQ(why["index"], 1);
  EXPECT_EQ(why["line"], 3);
  EXPECT_EQ(why["problems"][0]["path"], "payload.channel");

  EXPECT_EQ(post("")->status, 400);
  EXPECT_EQ(post("{\"id\":")->status, 400);
  EXPECT_EQ(store_->event_count(), 0);
  EXPECT_EQ(client().Get("/api/accounts/no-such-account/events")->status, 404);
}

TEST_F(ServerEvents, AnAccountsEventsComeInJournalOrder) {
  // Recorded times out of posting order: the account's journal reads them by recorded_at.
  const Instant at = at_;
  const Event late = make_.contact(account(5), at.plus_seconds(600));
  const Event early = make_.contact(account(5), at);
  const Event middle = make_.contact(account(5), at.plus_seconds(300));
  ASSERT_EQ(post(lines({late}))->status, 200);
  ASSERT_EQ(post(lines({early, middle}))->status, 200);
  const auto events = account_events(account(5).id);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0]["id"], early.id.hex());
  EXPECT_EQ(events[1]["id"], middle.id.hex());
  EXPECT_EQ(events[2]["id"], late.id.hex());
}

TEST_F(ServerEvents, ThePullCursorPagesByServerSequence) {
  const Instant at = at_;
  std::vector<Event> batch;
  for (int i = 0; i < 5; ++i) batch.push_back(make_.contact(account(i % 3), at.plus_seconds(-i)));
  ASSERT_EQ(post(lines(batch))->status, 200);

  auto page = nlohmann::json::parse(client().Get("/api/events?after=0&limit=2")->body);
  ASSERT_EQ(page["events"].size(), 2u);
  EXPECT_TRUE(page["has_more"]);
  EXPECT_EQ(page["events"][0]["id"], batch[0].id.hex());  // arrival order, not journal order
  std::vector<std::string> seen;
  std::int64_t next = 0;
  for (int guard = 0; guard < 10; ++guard) {
    page = nlohmann::json::parse(client().Get("/api/events?limit=2&after=" + std::to_string(next))->body);
    for (const auto& e : page["events"]) seen.push_back(e["id"]);
    next = page["next"];
    if (!page["has_more"]) break;
  }
  ASSERT_EQ(seen.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(seen[i], batch[i].id.hex());
  // Past the end: nothing, and the cursor stays.
  page = nlohmann::json::parse(client().Get("/api/events?after=" + std::to_string(next))->body);
  EXPECT_EQ(page["events"].size(), 0u);
  EXPECT_EQ(page["next"], next);
  EXPECT_FALSE(page["has_more"]);
  EXPECT_EQ(client().Get("/api/events?after=-1")->status, 400);
  EXPECT_EQ(client().Get("/api/events?limit=0")->status, 400);
}

TEST(ServerEventStore, EventsSurviveReopeningAndPortfolioReplacement) {
  TempDir dir;
  const Portfolio portfolio = demo(6, 11);
  EventMaker make(portfolio);
  const Event offer = make.offer(portfolio.accounts[0], portfolio.as_of);
  std::string epoch;
  {
    auto store = open_store(dir.path() / "p.db");
    ASSERT_TRUE(store);
    ASSERT_EQ(store->replace_portfolio(portfolio), std::nullopt);
    epoch = store->epoch();
    ASSERT_TRUE(post_events(*store, save_event(offer)).ok());
    ASSERT_EQ(store->replace_portfolio(portfolio), std::nullopt);
  }
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  EXPECT_EQ(store->epoch(), epoch);
  EXPECT_EQ(store->account_events(portfolio.accounts[0].id), std::vector<std::string>{save_event(offer)});
  const BatchResult again = post_events(*store, save_event(offer));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again.acks.at(0).duplicate);
}

TEST(ServerEventStore, UpgradesAVersion1Database) {
  TempDir dir;
  const fs::path file = dir.path() / "p.db";
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                           "INSERT INTO meta VALUES('schema_version', '1');",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = open_store(file);
  ASSERT_TRUE(store);
  ASSERT_EQ(store->replace_portfolio(demo(3, 1)), std::nullopt);
  EXPECT_EQ(store->event_count(), 0);
  store.reset();
  store = open_store(file);  // now version 2
  ASSERT_TRUE(store);
}

TEST(ServerEventStore, OffersRollingDueDatesNeedTheServersCalendar) {
  TempDir dir;
  const Portfolio portfolio = demo(6, 11);
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  ASSERT_EQ(store->replace_portfolio(portfolio), std::nullopt);
  const Assets assets = load_assets(PARLEY_RULES_DIR, PARLEY_CALENDARS_DIR);
  EXPECT_EQ(assets.problems, Problems{});
  const CalendarSet& calendars = assets.calendars;
  ASSERT_TRUE(calendars.contains("US-FEDERAL"));

  EventMaker make(portfolio);
  Event offer = make.offer(portfolio.accounts[0], portfolio.as_of);
  plans::PlanRequest request = make.opening(portfolio.accounts[0], portfolio.as_of);
  request.day_roll = DayRoll::following;
  request.calendar_id = "US-FEDERAL";
  const Calendar& calendar = calendars.at("US-FEDERAL");
  const auto quote = plans::quote_plan(request, &calendar);
  ASSERT_TRUE(quote.ok());
  offer.payload = PlanAccepted{plans::save_request(request), plans::quote_digest(*quote.quote)};

  const BatchResult without = post_events(*store, save_event(offer));
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.rejection->problems.at(0).path, "payload.request.calendar");
  Checks checks;
  checks.assets.calendars = calendars;
  const BatchResult with = post_events(*store, save_event(offer), checks);
  EXPECT_TRUE(with.ok()) << with.rejection->message();
}

TEST_F(ServerEvents, ABatchOverTheSizeLimitIsRefusedUnread) {
  auto res = post(std::string(max_batch_bytes + 1, ' '));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_TRUE(nlohmann::json::parse(res->body).contains("error"));
  EXPECT_EQ(store_->event_count(), 0);
}

// -- What the server refuses: malformed facts, facts that contradict the journal, proposals against policy ------

namespace {

// The account's fold over the placement alone: what a first payment is allocated over.
AccountState placement_of(const Portfolio& portfolio, const Account& account) {
  return placement_state(account, portfolio.find_client(account.client_id));
}

}  // namespace

class ServerRefusals : public ServerEvents {
 protected:
  // A payment of `amount` minor units made on `date`, allocated in the client's waterfall over the placement.
  Event payment(const Account& a, Instant at, std::int64_t amount, Date date, Currency currency) {
    Event event = make_.base(a, at);
    const AccountState state = placement_of(portfolio_, a);
    const Money money(amount, currency);
    // What exceeds the whole balance goes on the principal share, so the allocation adds up to the amount.
    Money unapplied = Money::zero(currency);
    BalanceParts allocation = currency == a.currency
                                  ? allocate(state.balance.owed, money, state.waterfall(), &unapplied)
                                  : BalanceParts{Money::zero(currency), Money::zero(currency), money};
    allocation.principal += unapplied;
    event.payload = PaymentPosted{money, date, PaymentMethod::card, allocation, "R-1"};
    return event;
  }
  // The refusal of `batch`: its status and the first problem's path, with nothing stored.
  nlohmann::json refused(const std::vector<Event>& batch, int status) {
    const std::int64_t before = store_->event_count();
    auto res = post(lines(batch));
    EXPECT_TRUE(res);
    if (!res) return nullptr;
    EXPECT_EQ(res->status, status) << res->body;
    EXPECT_EQ(store_->event_count(), before) << "a refused batch stores nothing";
    return nlohmann::json::parse(res->body);
  }
  // The answer to `batch`, which the server stores (200).
  nlohmann::json stored(const std::vector<Event>& batch) {
    auto res = post(lines(batch));
    EXPECT_TRUE(res);
    if (!res) return nullptr;
    EXPECT_EQ(res->status, 200) << res->body;
    return nlohmann::json::parse(res->body);
  }
  const Account& us_account() const { return account(2); }  // A000003, US-TX, in USD
};

TEST_F(ServerRefusals, APaymentOrPromiseInAnotherCurrencyThanTheAccounts) {
  ASSERT_EQ(us_account().currency.code(), "USD");
  const Currency eur = *Currency::find("EUR");
  auto body = refused({payment(us_account(), at_, 1000, today_, eur)}, 422);
  EXPECT_EQ(body["problems"][0]["path"], "payload.currency") << body;
  EXPECT_NE(body["error"].get<std::string>().find("is EUR; account A000003 is in USD"), std::string::npos) << body;

  Event promise = make_.base(us_account(), at_);
  promise.payload = PromiseMade{Money(1000, eur), today_.plus_days(7)};
  EXPECT_EQ(refused({promise}, 422)["problems"][0]["path"], "payload.currency");
}

TEST_F(ServerRefusals, InstantsAndDatesFarOutsideTheAccountsLife) {
  // A cease request recorded in year 0001.
  Event cease = make_.base(us_account(), *Instant::parse("0001-01-01T00:00:00Z"));
  cease.payload = CeaseRequested{us_account().parties.front().id, CeaseScope::all, {}};
  auto body = refused({cease}, 422);
  EXPECT_EQ(body["problems"][0]["path"], "recorded_at") << body;
  EXPECT_NE(body["error"].get<std::string>().find("before the account was opened"), std::string::npos) << body;

  // A payment dated 9999-12-31, and one recorded in 9999.
  body = refused({payment(us_account(), at_, 1000, *Date::from_ymd(9999, 12, 31), us_account().currency)}, 422);
  EXPECT_EQ(body["problems"][0]["path"], "payload.date") << body;
  body = refused({payment(us_account(), *Instant::parse("9999-12-31T23:59:59Z"), 1000, today_,
                          us_account().currency)}, 422);
  EXPECT_EQ(body["problems"][0]["path"], "recorded_at") << body;
  EXPECT_NE(body["error"].get<std::string>().find("more than a day after now"), std::string::npos) << body;
}

TEST_F(ServerRefusals, APaymentOf2To53CentsOrAnyMoreThanIsOwed) {
  // 2^53 - 1 cents is a well-formed amount, far more than the balance owed.
  auto body = refused({payment(us_account(), at_, 9'007'199'254'740'991, today_, us_account().currency)}, 422);
  EXPECT_EQ(body["problems"][0]["path"], "payload.amount") << body;
  EXPECT_NE(body["error"].get<std::string>().find("more than the balance owed"), std::string::npos) << body;
  // 2^53 cents is not an amount the journal format holds: the line does not load.
  std::string line = save_event(payment(us_account(), at_, 1000, today_, us_account().currency));
  line.replace(line.find("\"amount\":1000"), 13, "\"amount\":9007199254740992");
  auto res = post(line + "\n");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
  EXPECT_EQ(store_->event_count(), 0);
}

TEST_F(ServerRefusals, ASecondContradictingOutcomeForOneAttempt) {
  const Event attempt = make_.contact(us_account(), at_);
  Event first = make_.base(us_account(), at_.plus_seconds(60));
  first.payload = OutcomeRecorded{attempt.id, ContactOutcome::no_answer, false};
  Event second = make_.base(us_account(), at_.plus_seconds(120));
  second.payload = OutcomeRecorded{attempt.id, ContactOutcome::right_party_contact, true};

  // In one batch.
  auto body = refused({attempt, first, second}, 422);
  EXPECT_EQ(body["index"], 2) << body;
  EXPECT_EQ(body["problems"][0]["path"], "payload.attempt_id") << body;
  EXPECT_NE(body["error"].get<std::string>().find("already has the outcome \"no-answer\""), std::string::npos);

  // Against the stored outcome, whether the second comes after it or before it in journal order.
  ASSERT_EQ(post(lines({attempt, first}))->status, 200);
  EXPECT_EQ(refused({second}, 422)["problems"][0]["path"], "payload.attempt_id");
  Event earlier = make_.base(us_account(), at_.plus_seconds(30));
  earlier.payload = OutcomeRecorded{attempt.id, ContactOutcome::refused, false};
  body = refused({earlier}, 422);
  EXPECT_EQ(body["problems"][0]["path"], "recorded_at") << body;
  EXPECT_NE(body["error"].get<std::string>().find("comes before the stored event " + first.id.hex()),
            std::string::npos) << body;
}

TEST_F(ServerRefusals, ARepeatedDeviceAndSequence) {
  const Event stored = make_.contact(us_account(), at_);
  ASSERT_EQ(post(lines({stored}))->status, 200);
  Event again = make_.contact(us_account(), at_.plus_seconds(60));
  again.sequence = stored.sequence;  // same device "d-test", same sequence, another id
  auto body = refused({again}, 409);
  EXPECT_EQ(body["problems"][0]["path"], "sequence") << body;
  EXPECT_NE(body["error"].get<std::string>().find("device d-test already recorded sequence " +
                                                  std::to_string(stored.sequence) + " as event " + stored.id.hex()),
            std::string::npos) << body;

  // Inside one batch.
  Event a = make_.contact(account(0), at_);
  Event b = make_.contact(account(1), at_);
  b.sequence = a.sequence;
  body = refused({a, b}, 409);
  EXPECT_EQ(body["index"], 1) << body;
  EXPECT_EQ(body["problems"][0]["path"], "sequence") << body;

  // An event that also breaks core's rules is refused for those first: a copy of a stored offer under a new id
  // (its device and sequence too) with a changed digest.
  const Event offer = make_.offer(us_account(), today_);
  ASSERT_EQ(post(lines({offer}))->status, 200);
  Event tampered = offer;
  tampered.id = EventId::from_parts(0xffffffffffffffffULL, 1);
  auto& plan = std::get<PlanAccepted>(tampered.payload);
  plan.quote_digest[0] = plan.quote_digest[0] == '0' ? '1' : '0';
  body = refused({offer, tampered}, 422);
  EXPECT_EQ(body["index"], 1) << body;
  EXPECT_EQ(body["problems"][0]["path"], "payload.quote_digest") << body;
  tampered.payload = offer.payload;  // the same offer again under another id: only the sequence is at fault
  EXPECT_EQ(refused({tampered}, 409)["problems"][0]["path"], "sequence");

  // Another device may use the same number.
  again.author.device = "d-other";
  EXPECT_EQ(post(lines({again}))->status, 200);
}

TEST_F(ServerRefusals, FreeTextOfMegabytes) {
  Event dispute = make_.base(us_account(), at_);
  dispute.payload = DisputeOpened{us_account().parties.front().id, std::string(1 << 20, 'x'), today_};
  auto body = refused({dispute}, 400);
  EXPECT_EQ(body["problems"][0]["path"], "payload.reason") << body;
  EXPECT_NE(body["error"].get<std::string>().find("must be at most 4096 bytes"), std::string::npos) << body;
}

TEST_F(ServerRefusals, APlanThatNeedsASupervisorsApprovalIsReferredAndDecidedByAnotherUser) {
  // A term past the client's supervisor_term_months but within its max_term_months: no violation, an approval.
  for (int i = 0; i < 6; ++i) {
    const Account& a = account(i);
    const Client& client = *portfolio_.find_client(a.client_id);
    if (client.policy.supervisor_term_months == 0 ||
        client.policy.supervisor_term_months >= client.policy.max_term_months) {
      continue;
    }
    plans::PlanRequest request = make_.opening(a, today_);
    ASSERT_TRUE(request.plan && request.plan->frequency == Frequency::monthly);
    request.plan->instalments = client.policy.supervisor_term_months + 1;
    request.plan->instalment_amount.reset();
    const auto quote = plans::quote_plan(request);
    ASSERT_TRUE(quote.ok());
    const plans::PolicyCheck check = plans::check_policy(request, *quote.quote);
    ASSERT_TRUE(check.compliant()) << check.violations.front().message;
    ASSERT_FALSE(check.approvals.empty());
    Event offer = make_.offer(a, today_);
    offer.payload = PlanAccepted{plans::save_request(request), plans::quote_digest(*quote.quote)};
    auto body = refused({offer}, 422);
    EXPECT_EQ(body["problems"][0]["path"], "payload.request.plan.instalments") << body;
    EXPECT_NE(body["error"].get<std::string>().find("needs a supervisor's approval (term-needs-supervisor)"),
              std::string::npos) << body;

    // Referred instead, it is stored; the collector who referred it cannot approve it, a supervisor can.
    const PlanAccepted& plan = *offer.get<PlanAccepted>();
    Event referral = offer;
    referral.payload = ApprovalRequested{plan.request, plan.quote_digest, "hardship"};
    stored({referral});
    Event own = make_.base(a, referral.recorded_at.plus_seconds(60));
    own.payload = ApprovalDecided{referral.id, true, ""};
    auto mine = refused({own}, 422);
    EXPECT_EQ(mine["problems"][0]["path"], "author.user") << mine;
    Event decision = make_.base(a, referral.recorded_at.plus_seconds(120));
    decision.author = {"u-supervisor-1", "d-office"};
    decision.payload = ApprovalDecided{referral.id, true, "seen the pay stubs"};
    stored({decision});
    return;
  }
  FAIL() << "no demo account's client asks for approval of long plans";
}

TEST_F(ServerRefusals, AClientCannotPostAComplianceException) {
  const Event attempt = make_.contact(us_account(), at_);
  ASSERT_EQ(post(lines({attempt}))->status, 200);
  Event forged = make_.base(us_account(), at_.plus_seconds(60));
  forged.payload = ComplianceException{attempt.id, {BrokenRule{"us-convenient-hours", "12 CFR 1006.6(b)(1)(i)", "late"}}};
  auto body = refused({forged}, 422);
  EXPECT_EQ(body["problems"][0]["path"], "type") << body;
  // Nor write as the server's device.
  Event posing = make_.contact(us_account(), at_.plus_seconds(90));
  posing.author = {"parley-server", server_device(store_->epoch())};
  EXPECT_EQ(refused({posing}, 422)["problems"][0]["path"], "author.device");
}

// -- Compliance exceptions: facts stored although the rules blocked them ----------------------------------------

class ServerExceptions : public ServerRefusals {
 protected:
  // A000003's debtor: a Texas address (America/Chicago) and a mobile with consent to calls.
  void SetUp() override {
    ServerRefusals::SetUp();
    ASSERT_EQ(us_account().jurisdiction, "US-TX");
    const Party& debtor = us_account().parties.front();
    ASSERT_FALSE(debtor.phones.empty());
    number_ = debtor.phones.front().number;
  }
  nlohmann::json exceptions(const std::string& query = "") {
    auto res = client().Get("/api/exceptions" + query);
    EXPECT_TRUE(res);
    if (!res) return nullptr;
    EXPECT_EQ(res->status, 200) << res->body;
    return nlohmann::json::parse(res->body);
  }
  std::string number_;
};

TEST_F(ServerExceptions, ACallAt23DebtorsTimeIsStoredWithAnExceptionASupervisorSees) {
  // 2026-11-02T05:00:00Z is 23:00 on Sunday 1 November in Chicago (CST, UTC-6).
  const Event call = make_.call(us_account(), *Instant::parse("2026-11-02T05:00:00Z"), number_);
  const auto answer = stored({call});
  const auto& result = answer["results"][0];
  EXPECT_EQ(result["id"], call.id.hex());
  EXPECT_EQ(result["status"], "stored");
  ASSERT_TRUE(result.contains("exception")) << answer;
  EXPECT_EQ(answer["last_seq"], result["exception"]["seq"]);
  EXPECT_EQ(store_->event_count(), 2);

  // GET /api/exceptions: the exception with the call it names.
  const auto page = exceptions();
  ASSERT_EQ(page["exceptions"].size(), 1u) << page;
  const auto& entry = page["exceptions"][0];
  EXPECT_EQ(entry["event"], nlohmann::json::parse(save_event(call)));
  const EventLoad exception = load_event(entry["exception"].dump());
  ASSERT_TRUE(exception.ok());
  EXPECT_EQ(exception.event->id.hex(), result["exception"]["id"]);
  EXPECT_EQ(exception.event->account_id, us_account().id);
  EXPECT_EQ(exception.event->author, (Author{"parley-server", server_device(store_->epoch())}));
  EXPECT_EQ(exception.event->recorded_at, now_);
  EXPECT_EQ(exception.event->sequence, 1u);
  const auto* noted = exception.event->get<ComplianceException>();
  ASSERT_NE(noted, nullptr);
  EXPECT_EQ(noted->event_id, call.id);
  // The federal hours, and Florida's: the debtor also has a current address in Florida, whose law then applies.
  ASSERT_EQ(noted->rules.size(), 2u);
  EXPECT_EQ(noted->rules[0].rule_id, "us-convenient-hours");
  EXPECT_EQ(noted->rules[1].rule_id, "fl-calling-hours");
  EXPECT_NE(noted->rules[1].words.find("(US-FL law: the party has an address there.)"), std::string::npos);
  EXPECT_FALSE(noted->rules[0].citation.empty());
  EXPECT_FALSE(noted->rules[0].words.empty());
  EXPECT_FALSE(page["has_more"]);

  // The account's events hold both, in journal order; the pull gives both.
  const auto events = account_events(us_account().id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["id"], call.id.hex());
  EXPECT_EQ(events[1]["type"], "compliance-exception");
  EXPECT_EQ(nlohmann::json::parse(client().Get("/api/events")->body)["events"].size(), 2u);

  // A client replaying what the server sent it: the call and the exception are duplicates, not refused.
  auto replay = post(lines({call}) + entry["exception"].dump() + "\n");
  ASSERT_TRUE(replay);
  ASSERT_EQ(replay->status, 200) << replay->body;
  for (const auto& r : nlohmann::json::parse(replay->body)["results"]) EXPECT_EQ(r["status"], "duplicate");
  EXPECT_EQ(store_->event_count(), 2);

  // The next exception takes the server's next sequence.
  const Event again = make_.call(us_account(), *Instant::parse("2026-11-02T05:30:00Z"), number_);
  ASSERT_EQ(post(lines({again}))->status, 200);
  const auto both = exceptions();
  ASSERT_EQ(both["exceptions"].size(), 2u);
  EXPECT_EQ(both["exceptions"][1]["exception"]["sequence"], 2);
  EXPECT_EQ(both["exceptions"][1]["event"]["id"], again.id.hex());
  const auto paged = exceptions("?limit=1");
  EXPECT_EQ(paged["exceptions"].size(), 1u);
  EXPECT_TRUE(paged["has_more"]);
  EXPECT_EQ(exceptions("?after=" + paged["next"].dump())["exceptions"][0]["event"]["id"], again.id.hex());
  EXPECT_EQ(client().Get("/api/exceptions?limit=0")->status, 400);
}

TEST_F(ServerExceptions, ACallInsideTheRulesGetsNone) {
  // 15:00 UTC is 09:00 in Chicago, a Monday: the first call to the debtor's own mobile.
  const Event call = make_.call(us_account(), at_, number_);
  const auto answer = stored({call});
  EXPECT_EQ(answer["results"][0]["status"], "stored");
  EXPECT_FALSE(answer["results"][0].contains("exception")) << answer;
  EXPECT_EQ(store_->event_count(), 1);
  EXPECT_EQ(exceptions()["exceptions"].size(), 0u);
}

TEST_F(ServerExceptions, AFailedRulePackMakesEveryAttemptAnException) {
  checks_->assets.rules.failed.push_back({"rules/US-TX.json", "does not load"});
  const Event call = make_.call(us_account(), at_, number_);
  ASSERT_EQ(post(lines({call}))->status, 200);
  const auto page = exceptions();
  ASSERT_EQ(page["exceptions"].size(), 1u);
  EXPECT_EQ(page["exceptions"][0]["exception"]["payload"]["rules"][0]["rule_id"], "rule-pack-failed");
}

TEST_F(ServerExceptions, AnAttemptAndItsOutcomeInOneBatch) {
  const Event call = make_.call(us_account(), at_, number_);
  Event outcome = make_.base(us_account(), at_.plus_seconds(240));
  outcome.payload = OutcomeRecorded{call.id, ContactOutcome::right_party_contact, true};
  EXPECT_EQ(stored({call, outcome})["results"].size(), 2u);
  EXPECT_EQ(store_->event_count(), 2);
  // The conversation counts: a second call the same day breaks the rule of 7 days after a conversation.
  const Event later = make_.call(us_account(), at_.plus_seconds(3600), number_);
  EXPECT_TRUE(stored({later})["results"][0].contains("exception"));
  const auto page = exceptions();
  ASSERT_EQ(page["exceptions"].size(), 1u);
  EXPECT_EQ(page["exceptions"][0]["event"]["id"], later.id.hex());
  EXPECT_EQ(page["exceptions"][0]["exception"]["payload"]["rules"][0]["rule_id"], "us-after-conversation");
}

TEST_F(ServerExceptions, APaymentThenItsReversalInOneBatch) {
  const Event paid = payment(us_account(), at_, 2500, today_, us_account().currency);
  Event reversal = make_.base(us_account(), at_.plus_seconds(60));
  reversal.payload = PaymentReversed{paid.id, ReversalReason::returned, today_};
  EXPECT_EQ(stored({paid, reversal})["results"].size(), 2u);
  EXPECT_EQ(store_->event_count(), 2);
  // Reversing it again contradicts the journal.
  Event twice = make_.base(us_account(), at_.plus_seconds(120));
  twice.payload = PaymentReversed{paid.id, ReversalReason::returned, today_};
  EXPECT_EQ(refused({twice}, 422)["problems"][0]["path"], "payload.payment_id");
}

TEST_F(ServerExceptions, AnEventIsCheckedAtItsPlaceInTheJournal) {
  // A payment of everything owed, stored; then one recorded earlier: at its place nothing was paid yet, so it is
  // within the balance, but it would leave the stored payment above what is owed then.
  const Money owed = placement_of(portfolio_, us_account()).balance.owed.total();
  const Event whole = payment(us_account(), at_, owed.minor(), today_, us_account().currency);
  ASSERT_EQ(post(lines({whole}))->status, 200);
  const Event earlier = payment(us_account(), at_.plus_seconds(-3600), 100, today_, us_account().currency);
  auto body = refused({earlier}, 422);
  EXPECT_EQ(body["problems"][0]["path"], "recorded_at") << body;
  EXPECT_NE(body["error"].get<std::string>().find("comes before the stored event " + whole.id.hex()),
            std::string::npos) << body;
  // An earlier attempt is checked against the state at its place: a call before the stored conversation is not
  // "after" it.
  const Event call = make_.call(us_account(), at_, number_);
  Event talked = make_.base(us_account(), at_.plus_seconds(60));
  talked.payload = OutcomeRecorded{call.id, ContactOutcome::right_party_contact, true};
  ASSERT_EQ(post(lines({call, talked}))->status, 200);
  const Event before = make_.call(us_account(), at_.plus_seconds(-600), number_);
  EXPECT_FALSE(stored({before})["results"][0].contains("exception"));
}

// A letter is a communication: the server checks it with its purpose. After a written cease request a collection
// letter is stored with an exception (12 CFR 1006.6(c)(1)); the notice that efforts end is not (1006.6(c)(2)(i)).
TEST_F(ServerExceptions, ALetterIsCheckedWithItsPurpose) {
  const Party& debtor = us_account().parties.front();
  ASSERT_FALSE(debtor.addresses.empty());
  Event cease = make_.base(us_account(), at_);
  cease.payload = CeaseRequested{debtor.id, CeaseScope::all, {}, ContactChannel::letter};
  ASSERT_EQ(post(lines({cease}))->status, 200);
  const auto letter_of = [&](const char* template_id, LetterPurpose purpose, int seconds) {
    Event e = make_.base(us_account(), at_.plus_seconds(seconds));
    e.payload = LetterIssued{debtor.id, template_id, "external", "en-US", address_key(debtor.addresses[0].postal),
                             today_, placement_of(portfolio_, us_account()).balance.itemised, "digest", purpose};
    return e;
  };
  const Event reminder = letter_of("payment-reminder", LetterPurpose::collection, 60);
  const auto answer = stored({reminder});
  ASSERT_TRUE(answer["results"][0].contains("exception")) << answer;
  const auto page = exceptions();
  ASSERT_EQ(page["exceptions"].size(), 1u);
  EXPECT_EQ(page["exceptions"][0]["event"]["id"], reminder.id.hex());
  EXPECT_EQ(page["exceptions"][0]["exception"]["payload"]["rules"][0]["rule_id"], "us-cease-communication");

  const Event ending = letter_of("termination-notice", LetterPurpose::termination, 120);
  EXPECT_FALSE(stored({ending})["results"][0].contains("exception"));
  EXPECT_EQ(exceptions()["exceptions"].size(), 1u);
}

// The same consumer's other accounts count for the rules counted per consumer (Washington: 3 a week).
TEST(ServerConsumer, AttemptsOnTheConsumersOtherAccountsCount) {
  TempDir dir;
  Portfolio portfolio = demo(6, 11);
  portfolio.accounts.at(2).jurisdiction = "US-WA";
  Account second = portfolio.accounts.at(2);
  second.id = "A000099";
  portfolio.accounts.push_back(second);
  const Account& first = portfolio.accounts.at(2);
  const Account& stranger = portfolio.accounts.at(5);  // US-MI: another consumer
  const std::vector<std::string> consumers = consumer_ids(portfolio);
  ASSERT_EQ(consumers.at(2), first.id);
  ASSERT_EQ(consumers.at(5), "") << "the stranger shares no key with anyone";
  auto store = open_store(dir.path() / "p.db");
  ASSERT_TRUE(store);
  ASSERT_EQ(store->replace_portfolio(portfolio), std::nullopt);
  EXPECT_EQ(store->consumer_accounts(first.id), std::vector<std::string>{"A000099"});
  EXPECT_EQ(store->consumer_accounts("A000099"), std::vector<std::string>{first.id});
  EXPECT_EQ(store->consumer_accounts(stranger.id), std::vector<std::string>{});

  Checks checks;
  checks.assets = load_assets(PARLEY_RULES_DIR, PARLEY_CALENDARS_DIR);
  const Date today = portfolio.as_of;
  checks.now = [today] { return Instant::from_unix_seconds(std::int64_t{today.days_since_epoch()} * 86400 + 86399); };
  const std::string number = first.parties.front().phones.front().number;
  EventMaker make(portfolio);
  const Instant nine = Instant::from_unix_seconds(std::int64_t{today.days_since_epoch()} * 86400 + 15 * 3600);
  std::vector<Event> calls;
  for (int i = 0; i < 3; ++i) calls.push_back(make.call(first, nine.plus_seconds(i * 600), number));
  const BatchResult three = post_events(*store, lines(calls), checks);
  ASSERT_TRUE(three.ok()) << three.rejection->message();
  for (const EventAck& ack : three.acks) EXPECT_FALSE(ack.exception) << ack.id;

  // A fourth call that week to the same consumer, on the other account: an exception.
  const BatchResult fourth = post_events(*store, lines({make.call(portfolio.accounts.back(), nine.plus_seconds(3600),
                                                                  number)}), checks);
  ASSERT_TRUE(fourth.ok()) << fourth.rejection->message();
  ASSERT_TRUE(fourth.acks.at(0).exception);
  const auto page = nlohmann::json::parse(exceptions_page_json(*store, 0, 10));
  EXPECT_EQ(page["exceptions"][0]["exception"]["payload"]["rules"][0]["rule_id"], "wa-three-communications-per-week");
}

TEST(ServerEventStore, UpgradesAVersion2DatabaseHoldingRepeatedDeviceSequences) {
  TempDir dir;
  const fs::path file = dir.path() / "p.db";
  Portfolio portfolio = demo(6, 11);
  portfolio.agency.reset();  // a version 2 database kept no agency
  Account twin = portfolio.accounts.at(2);
  twin.id = "A000099";
  portfolio.accounts.push_back(twin);
  EventMaker make(portfolio);
  const Instant at = Instant::from_unix_seconds(std::int64_t{portfolio.as_of.days_since_epoch()} * 86400 + 15 * 3600);
  const Event one = make.contact(portfolio.accounts[2], at);
  Event two = make.contact(portfolio.accounts[2], at.plus_seconds(60));
  two.sequence = one.sequence;  // stored by a server that did not refuse them
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    std::string sql =
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE clients(id TEXT PRIMARY KEY, body TEXT NOT NULL);"
        "CREATE TABLE accounts(id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), body TEXT NOT NULL);"
        "CREATE TABLE events(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL,"
        " type TEXT NOT NULL, recorded_at INTEGER NOT NULL, device TEXT NOT NULL, sequence INTEGER NOT NULL,"
        " body TEXT NOT NULL);"
        "INSERT INTO meta VALUES('schema_version', '2'), ('format', 'parley.portfolio/1'), ('as_of', '" +
        portfolio.as_of.iso() + "'), ('epoch', '0123456789abcdef0123456789abcdef');";
    const auto quote = [](const std::string& text) {
      std::string out = "'";
      for (const char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
      return out + "'";
    };
    for (const Client& c : portfolio.clients) sql += "INSERT INTO clients VALUES(" + quote(c.id) + "," + quote(save_client(c)) + ");";
    for (const Account& a : portfolio.accounts) {
      sql += "INSERT INTO accounts VALUES(" + quote(a.id) + "," + quote(a.client_id) + "," + quote(save_account(a)) + ");";
    }
    for (const Event& e : {one, two}) {
      sql += "INSERT INTO events(id, account_id, type, recorded_at, device, sequence, body) VALUES(" + quote(e.id.hex()) +
             "," + quote(e.account_id) + ",'contact-attempted'," + std::to_string(e.recorded_at.unix_seconds()) + "," +
             quote(e.author.device) + "," + std::to_string(e.sequence) + "," + quote(save_event(e)) + ");";
    }
    char* message = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK) << message;
    sqlite3_close(db);
  }
  auto store = open_store(file);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->event_count(), 2);
  EXPECT_EQ(store->epoch(), "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(store->consumer_accounts("A000099"), std::vector<std::string>{portfolio.accounts[2].id});
  EXPECT_EQ(*load_portfolio(*store->portfolio_document()).portfolio, sorted_by_id(portfolio));
  // The old repeats stay; a new one is refused, a new sequence is stored.
  Event three = make.contact(portfolio.accounts[2], at.plus_seconds(120));
  three.sequence = one.sequence;
  const BatchResult repeated = post_events(*store, lines({three}));
  ASSERT_FALSE(repeated.ok());
  EXPECT_EQ(repeated.rejection->status, 409);
  EXPECT_EQ(repeated.rejection->problems.at(0).path, "sequence");
  const Event four = make.contact(portfolio.accounts[2], at.plus_seconds(180));
  EXPECT_TRUE(post_events(*store, lines({four})).ok());
  store.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* query = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema_version';", -1, &query, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(query), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(query, 0))), std::to_string(schema_version));
  sqlite3_finalize(query);
  sqlite3_close(db);
  EXPECT_EQ(schema_version, 4);
}

// Version 3 linked a consumer's accounts by the national id alone; opening it links them as core does now: two
// accounts of a debtor without a national id, by name and birth date.
TEST(ServerEventStore, UpgradesAVersion3DatabaseToLinkConsumersByNameAndBirthDate) {
  TempDir dir;
  const fs::path file = dir.path() / "p.db";
  Portfolio portfolio = demo(6, 11);
  portfolio.accounts.at(2).parties.front().national_id.reset();
  Account twin = portfolio.accounts.at(2);
  twin.id = "A000099";
  portfolio.accounts.push_back(twin);
  {
    auto store = open_store(file);
    ASSERT_TRUE(store);
    ASSERT_EQ(store->replace_portfolio(portfolio), std::nullopt);
    EXPECT_EQ(store->consumer_accounts("A000099"), std::vector<std::string>{portfolio.accounts[2].id});
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE accounts SET consumer = '';"
                               "UPDATE meta SET value = '3' WHERE key = 'schema_version';",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = open_store(file);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->consumer_accounts("A000099"), std::vector<std::string>{portfolio.accounts[2].id});
  EXPECT_EQ(store->consumer_accounts(portfolio.accounts[2].id), std::vector<std::string>{"A000099"});
}

TEST(ServerRules, APackThatDoesNotLoadOrAMissingFolderFailsClosed) {
  TempDir dir;
  std::ofstream(dir.path() / "US-FEDERAL.json") << "{\"format\":\"parley.rules/1\",";
  const RuleBook broken = load_assets(dir.path(), PARLEY_CALENDARS_DIR).rules;
  ASSERT_EQ(broken.failed.size(), 1u);
  EXPECT_EQ(broken.failed[0].path, "rules/US-FEDERAL.json");
  ASSERT_TRUE(broken.holidays);
  EXPECT_EQ(broken.holidays->id, "US-FEDERAL");
  const RuleBook missing = load_assets(dir.path() / "nothing-here", PARLEY_CALENDARS_DIR).rules;
  ASSERT_EQ(missing.failed.size(), 1u);
  EXPECT_EQ(missing.failed[0].path, "rules/");
  EXPECT_NE(missing.failed[0].message.find("cannot list"), std::string::npos);
  const RuleBook good = load_assets(PARLEY_RULES_DIR, PARLEY_CALENDARS_DIR).rules;
  EXPECT_TRUE(good.failed.empty());
  EXPECT_EQ(good.packs.size(), 8u);
}

TEST(ServerOptions, RulesDefaultToTheSourceTreesAssets) {
  EXPECT_EQ(parse_options({}, nullptr).options.rules, PARLEY_RULES_DIR);
  EXPECT_EQ(parse_options({"--rules", "r"}, nullptr).options.rules, "r");
  EXPECT_EQ(parse({"--rules"}), (Problems{{"--rules", "needs a value"}}));
}
