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

#include "http.h"
#include "options.h"
#include "parley/demo.h"
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

TEST(ServerOptions, NamesTheOptionAtFault) {
  EXPECT_EQ(parse({"--port", "65536"}), (Problems{{"--port", "must be a whole number from 0 to 65535"}}));
  EXPECT_EQ(parse({"--port", "80x"}), (Problems{{"--port", "must be a whole number from 0 to 65535"}}));
  EXPECT_EQ(parse({}, "http"), (Problems{{"PARLEY_PORT", "must be a whole number from 0 to 65535"}}));
  EXPECT_EQ(parse({"--demo-accounts", "-3"}), (Problems{{"--demo-accounts", "must be a whole number"}}));
  EXPECT_EQ(parse({"--db"}), (Problems{{"--db", "needs a value"}}));
  EXPECT_EQ(parse({"--db", ""}), (Problems{{"--db", "must not be empty"}}));
  EXPECT_EQ(parse({"--colour", "red"}).front(), (Problem{"--colour", "unknown option (see --help)"}));
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
  ASSERT_EQ(sqlite3_exec(db, "UPDATE meta SET value = '2' WHERE key = 'schema_version';", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  std::string error;
  EXPECT_EQ(Store::open(file.string(), error), nullptr);
  EXPECT_NE(error.find("schema version 2"), std::string::npos) << error;
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
