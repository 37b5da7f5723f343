// parley_bench_wasm: the same measurements as parley_bench, as a plain program for WebAssembly under node.
// Each step runs --runs times (default 7); the median of std::chrono::steady_clock times is reported. The plan
// quote (plan_quote_60) is timed in batches of kPlanBatch calls, 3 x --runs batches, and reports the median
// batch's time per call in microseconds. shell_record_outcome records 3 x --runs outcomes and reports the median
// time of step() for one, in microseconds.
//
//   node parley_bench_wasm.js [--accounts N] [--runs R]

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "bench_common.h"
#include "bench_contact.h"
#include "bench_shell.h"
#include "embedded_calendars.h"
#include "parley/demo.h"
#include "parley/journal/journal_json.h"
#include "parley/plans/plan.h"
#include "parley/portfolio_json.h"

namespace {

// Milliseconds of each of `runs` calls of `step`, median returned.
template <class Step>
double median_ms(int runs, Step&& step) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    step();
    const auto stop = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
  }
  std::sort(times.begin(), times.end());
  const std::size_t n = times.size();
  return n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

volatile std::size_t g_sink = 0;  // keeps results observable so no step is optimised away

constexpr int kPlanBatch = 200;  // quotes per timed batch: one quote is too short for steady_clock alone

// The fold and check() of every account against the contact benchmark's journal.
bool contact_figures(const parley::bench::Input& input, int runs, int accounts) {
  const parley::bench::ContactInput contact = parley::bench::make_contact_input(input.portfolio);
  std::printf("journal: %zu events over %zu accounts, built in %.1f ms; checks at %s\n", contact.journal.size(),
              contact.journal.account_count(), contact.build_ms, contact.at.iso().c_str());
  std::vector<parley::AccountState> folds;
  const double fold_ms = median_ms(runs, [&] { folds = parley::bench::fold_every_account(input.portfolio, contact); });
  std::printf("%s (%zu events)\n", parley::bench::figure_line("account_fold_all", fold_ms, 0, accounts).c_str(),
              contact.journal.size());
  std::printf("account_apply_one  %10.3f us per event (from 20,000 applied)\n",
              parley::bench::apply_ns(input.portfolio, contact, 20000) / 1000.0);
  parley::bench::CheckTally tally;
  const double check_ms = median_ms(runs, [&] { tally = parley::bench::check_every_account(contact, folds); });
  std::printf("%s (%zu allowed, %zu blocked)\n",
              parley::bench::figure_line("contact_check_all", check_ms, 0, accounts).c_str(), tally.allowed,
              tally.blocked);

  std::vector<parley::Priority> desk;
  const double desk_ms = median_ms(runs, [&] { desk = parley::bench::rebuild_desk(contact, folds); });
  std::printf("%s (%zu on the desk)\n", parley::bench::figure_line("queue_rebuild_all", desk_ms, 0, accounts).c_str(),
              desk.size());
  parley::NextAccount next;
  const double next_ms = median_ms(runs, [&] { next = parley::bench::get_next(contact, folds, desk); });
  std::printf("queue_get_next     %10.3f us (%zu skipped)\n", next_ms * 1000.0, next.skipped.size());

  const std::string journal_text = parley::save_journal(contact.journal);
  bool journal_loaded = true;
  const double lines_ms = median_ms(runs, [&] {
    const parley::EventLinesLoad load = parley::load_event_lines(journal_text);
    journal_loaded = journal_loaded && load.problems.empty();
    g_sink = g_sink + load.events.size();
  });
  const double journal_ms = median_ms(runs, [&] {
    const parley::JournalLoad load = parley::load_journal(journal_text);
    journal_loaded = journal_loaded && load.problems.empty();
    g_sink = g_sink + (load.journal ? load.journal->size() : 0);
  });
  if (!journal_loaded) {
    std::fprintf(stderr, "the saved journal did not load\n");
    return false;
  }
  std::printf("%s (%zu events, %.1f MB)\n",
              parley::bench::figure_line("journal_lines", lines_ms, journal_text.size(), accounts).c_str(),
              contact.journal.size(), static_cast<double>(journal_text.size()) / 1e6);
  std::printf("%s (%zu events, %.1f MB)\n",
              parley::bench::figure_line("journal_load", journal_ms, journal_text.size(), accounts).c_str(),
              contact.journal.size(), static_cast<double>(journal_text.size()) / 1e6);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const int accounts = parley::bench::take_accounts_flag(argc, argv);
  if (accounts < 0) return 2;
  int runs = 7;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      const std::string_view v = argv[++i];
      const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), runs);
      if (ec != std::errc{} || ptr != v.data() + v.size() || runs < 1) {
        std::fprintf(stderr, "--runs: expected a positive whole number, got '%.*s'\n",
                     static_cast<int>(v.size()), v.data());
        return 2;
      }
    } else {
      std::fprintf(stderr, "%.*s: unknown flag (flags: --accounts N, --runs R)\n",
                   static_cast<int>(arg.size()), arg.data());
      return 2;
    }
  }

  parley::DemoSettings settings;
  settings.seed = parley::bench::bench_seed;
  settings.accounts = accounts;
  const double generate_ms =
      median_ms(runs, [&] { g_sink = g_sink + parley::generate_demo_portfolio(settings).accounts.size(); });
  const parley::bench::Input input = parley::bench::make_input(accounts);
  const std::size_t bytes = input.text.size();
  std::printf("portfolio: %d accounts, %zu bytes of JSON (%.1f MB), median of %d runs\n", accounts, bytes,
              static_cast<double>(bytes) / 1e6, runs);

  const double parse_ms =
      median_ms(runs, [&] { g_sink = g_sink + nlohmann::json::parse(input.text).size(); });
  bool loaded = true;
  const double load_ms = median_ms(runs, [&] {
    const parley::PortfolioLoad load = parley::load_portfolio(input.text);
    loaded = loaded && load.ok();
    g_sink = g_sink + (load.ok() ? load.portfolio->accounts.size() : 0);
  });
  const double save_ms =
      median_ms(runs, [&] { g_sink = g_sink + parley::save_portfolio(input.portfolio).size(); });
  if (!loaded) {
    std::fprintf(stderr, "the generated portfolio did not load\n");
    return 1;
  }

  std::printf("%s\n", parley::bench::figure_line("demo generate", generate_ms, 0, accounts).c_str());
  std::printf("%s\n", parley::bench::figure_line("json_parse", parse_ms, bytes, accounts).c_str());
  std::printf("%s\n", parley::bench::figure_line("load_portfolio", load_ms, bytes, accounts).c_str());
  std::printf("%s\n", parley::bench::figure_line("save_portfolio", save_ms, bytes, accounts).c_str());
  std::printf("load/parse ratio   %10.2f\n", load_ms / parse_ms);

  const parley::plans::PlanRequest request = parley::bench::plan_bench_request();
  const double batch_ms = median_ms(runs * 3, [&] {
    for (int i = 0; i < kPlanBatch; ++i) g_sink = g_sink + parley::plans::quote_plan(request).quote->schedule.size();
  });
  std::printf("plan_quote_60      %10.3f us (median of %d batches of %d; target: under 60 us in wasm)\n",
              batch_ms * 1000.0 / kPlanBatch, runs * 3, kPlanBatch);

  const parley::Calendar us = *parley::load_calendar(parley::testdata::calendar_text("US-FEDERAL")).calendar;
  const double schedules_ms = median_ms(runs, [&] { g_sink = g_sink + parley::bench::calendar_schedules_60(us); });
  std::printf("calendar_schedule_60 %8.3f us per 60-date schedule (roll + add_business_days)\n",
              schedules_ms * 1000.0 / parley::bench::calendar_schedules);

  // Its journal is freed before the shell's is built.
  if (!contact_figures(input, runs, accounts)) return 1;

  parley::bench::ShellBench shell(input.portfolio);
  std::printf("shell state: %zu journal events, set up in %.1f ms\n", shell.journal_events(), shell.setup_ms());
  std::vector<double> outcome_us;
  for (int i = 0; i < runs * 3; ++i) {
    const double took = shell.record_one();
    if (took < 0) break;
    outcome_us.push_back(took);
  }
  if (outcome_us.empty()) {
    std::fprintf(stderr, "shell_record_outcome: no account could be called\n");
    return 1;
  }
  std::sort(outcome_us.begin(), outcome_us.end());
  std::printf("shell_record_outcome %8.3f us per outcome recorded (median of %zu; max %.3f us), journal of %zu "
              "events (target: under 1 ms)\n",
              outcome_us[outcome_us.size() / 2], outcome_us.size(), outcome_us.back(), shell.journal_events());
  return 0;
}
