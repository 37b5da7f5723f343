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
    install_routes(server_, *store_, root_);
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

  TempDir dir_;
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
  // alternative the policy check suggests), recorded at noon that day.
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
      if (check.compliant() || !check.violations.front().alternative) break;
      request = *check.violations.front().alternative;
    }
    return request;
  }

  Event contact(const Account& account, Instant at) {
    Event event = base(account, at);
    event.payload = ContactAttempted{account.parties.front().id, ContactChannel::phone, "+15555550100",
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
  const std::vector<Event> batch = {make_.contact(account(0), Instant::from_unix_seconds(1'700'000'000)),
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
  const Event stored = make_.contact(account(0), Instant::from_unix_seconds(1'700'000'000));
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
  const Instant at = Instant::from_unix_seconds(1'700'000'000);
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
  auto unknown = post(lines({make_.contact(ghost, Instant::from_unix_seconds(1'700'000'000))}));
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 422);
  const auto body = nlohmann::json::parse(unknown->body);
  EXPECT_EQ(body["problems"][0]["path"], "account_id");
  EXPECT_NE(body["error"].get<std::string>().find("no-such-account"), std::string::npos);

  const std::string good = save_event(make_.contact(account(0), Instant::from_unix_seconds(1'700'000'000)));
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
  const Instant at = Instant::from_unix_seconds(1'700'000'000);
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
  const Instant at = Instant::from_unix_seconds(1'700'000'000);
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
  Problems problems;
  const Calendars calendars = load_calendars(PARLEY_CALENDARS_DIR, problems);
  EXPECT_EQ(problems, Problems{});
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
  const BatchResult with = post_events(*store, save_event(offer), calendars);
  EXPECT_TRUE(with.ok()) << with.rejection->message();
}

TEST_F(ServerEvents, ABatchOverTheSizeLimitIsRefusedUnread) {
  auto res = post(std::string(max_batch_bytes + 1, ' '));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_TRUE(nlohmann::json::parse(res->body).contains("error"));
  EXPECT_EQ(store_->event_count(), 0);
}
