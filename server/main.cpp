// parley-server: the reference backend. Serves the web app and the JSON API over a SQLite database.
#include <httplib.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http.h"
#include "options.h"
#include "parley/host/files.h"
#include "store.h"

namespace {

using parley::server::Options;
using parley::server::Store;

void print_problems(const parley::Problems& problems) {
  for (const parley::Problem& problem : problems) std::fprintf(stderr, "  %s\n", problem.text().c_str());
}

int run_import(Store& store, const Options& options) {
  parley::host::FileError error;
  const std::optional<std::string> text = parley::host::read_file(*options.import, error);
  if (!text) {
    std::fprintf(stderr, "parley-server: %s\n", error.message.c_str());
    return 1;
  }
  const parley::Problems problems = parley::server::import_portfolio(store, *text);
  if (!problems.empty()) {
    std::fprintf(stderr, "parley-server: %s was not imported (%zu problem%s); %s is unchanged:\n",
                 options.import->c_str(), problems.size(), problems.size() == 1 ? "" : "s",
                 options.db.c_str());
    print_problems(problems);
    return 1;
  }
  const auto counts = store.counts();
  std::printf("parley-server: imported %s into %s: %lld clients, %lld accounts, as of %s\n",
              options.import->c_str(), options.db.c_str(), static_cast<long long>(counts.clients),
              static_cast<long long>(counts.accounts), store.as_of().value_or("?").c_str());
  return 0;
}

std::string url_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const auto parsed = parley::server::parse_options(args, std::getenv("PARLEY_PORT"));
  if (!parsed.problems.empty()) {
    std::fprintf(stderr, "parley-server: bad arguments:\n");
    print_problems(parsed.problems);
    std::fprintf(stderr, "%s", parley::server::usage_text().c_str());
    return 2;
  }
  const Options& options = parsed.options;
  if (options.help) {
    std::printf("%s", parley::server::usage_text().c_str());
    return 0;
  }
  std::error_code ec;
  if (!options.web_root.empty() && !std::filesystem::is_directory(options.web_root, ec)) {
    std::fprintf(stderr, "parley-server: --web-root %s is not a folder (build the web app first)\n",
                 options.web_root.c_str());
    return 2;
  }

  std::string error;
  auto store = Store::open(options.db, error);
  if (!store) {
    std::fprintf(stderr, "parley-server: %s\n", error.c_str());
    return 1;
  }
  if (options.import) return run_import(*store, options);

  parley::DemoSettings demo;
  demo.accounts = options.demo_accounts;
  demo.seed = options.demo_seed;
  bool generated = false;
  const parley::Problems problems = parley::server::ensure_demo_portfolio(*store, demo, generated);
  if (!problems.empty()) {
    std::fprintf(stderr, "parley-server: cannot store the demo portfolio:\n");
    print_problems(problems);
    return 1;
  }
  const auto counts = store->counts();
  std::fprintf(stderr, "parley-server: %s %s: %lld clients, %lld accounts, as of %s\n",
               generated ? "stored the demo portfolio in" : "serving the portfolio in", options.db.c_str(),
               static_cast<long long>(counts.clients), static_cast<long long>(counts.accounts),
               store->as_of().value_or("?").c_str());

  // SIGINT and SIGTERM are taken by one waiting thread (blocked everywhere else, including the server's
  // worker threads, which inherit this mask), which stops the server from outside any signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  httplib::Server server;
  // An idle keep-alive connection holds its worker until this timeout, so it also bounds the shutdown time.
  server.set_keep_alive_timeout(2);
  server.set_tcp_nodelay(true);
  // SO_REUSEADDR alone: a restart may take a port still in TIME_WAIT, but a second server on a port in use
  // fails instead of sharing it (httplib's default, SO_REUSEPORT, would let both listen).
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  auto checks = std::make_shared<parley::server::Checks>();
  checks->assets = parley::server::load_assets(options.rules, options.calendars);
  const parley::Assets& assets = checks->assets;
  if (!assets.problems.empty()) {
    std::fprintf(stderr, "parley-server: some assets were not loaded (offers naming a calendar that is missing are "
                         "refused; while a rule pack is missing, every contact attempt received is stored as a "
                         "compliance exception):\n");
    print_problems(assets.problems);
  }
  std::fprintf(stderr, "parley-server: %zu rule packs from %s, %zu holiday calendars from %s\n",
               assets.rules.packs.size(), options.rules.c_str(), assets.calendars.size(), options.calendars.c_str());
  parley::server::install_routes(server, *store, options.web_root, checks);
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    std::fprintf(stderr, "parley-server: cannot listen on %s:%d (in use, or not an address here)\n",
                 options.host.c_str(), options.port);
    return 1;
  }

  std::atomic<bool> signalled = false;
  std::thread stopper([&server, &stop_signals, &signalled] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    signalled = true;
    server.stop();
  });
  std::printf("parley-server listening on http://%s:%d\n", url_host(options.host).c_str(), port);
  std::fflush(stdout);
  const bool listened = server.listen_after_bind();
  // When the server ended by itself, wake the waiting thread with a signal it takes.
  if (!signalled) kill(getpid(), SIGTERM);
  stopper.join();
  std::fprintf(stderr, "parley-server: stopped\n");
  return listened ? 0 : 1;
}
