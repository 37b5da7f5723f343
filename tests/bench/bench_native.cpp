// parley_bench: Google Benchmark of demo generation, bare JSON parsing, load_portfolio and save_portfolio on
// a generated portfolio (100,000 accounts unless --accounts N), then a summary with the load/parse ratio; and
// quote_plan of a 60-instalment amortised monthly plan with its APR (plan_quote_60, in microseconds); and check()
// of every account's debtor for a phone call against a journal of 10 events per account (contact_check_all), on
// the folds of every account (account_fold_all), and one apply() (account_apply_one); 2,000 rolled schedules of 60
// due dates (calendar_schedule_60); recording a call's outcome in the shell with that journal
// (shell_record_outcome: step() of FinishContact, in microseconds); consumer_ids of the whole portfolio
// (consumer_link_all); the desk of every account by the shipped strategy (queue_rebuild_all) and get-next from its
// top (queue_get_next, in microseconds); a processor's file of one payment per account read and posted
// (payments_post_file).
//
//   parley_bench [--accounts N] [Google Benchmark flags, e.g. --benchmark_filter=load]

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "bench_common.h"
#include "bench_contact.h"
#include "bench_shell.h"
#include "embedded_calendars.h"
#include "parley/compliance/check.h"
#include "parley/demo.h"
#include "parley/journal/journal_json.h"
#include "parley/payments/payment_file.h"
#include "parley/plans/plan.h"
#include "parley/portfolio_json.h"

namespace {

using parley::bench::Input;

std::unique_ptr<Input> g_input;  // built once in main, before any benchmark runs
std::unique_ptr<parley::bench::ContactInput> g_contact;  // built on the first account_fold_all run
std::vector<parley::AccountState> g_folds;                  // the folds of the last account_fold_all run
std::string g_journal_text;  // save_journal of the contact journal, made on the first journal_load run
std::unique_ptr<parley::bench::ShellBench> g_shell;          // built on the first shell_record_outcome run

void set_rates(benchmark::State& state, std::size_t bytes) {
  const auto iterations = static_cast<std::int64_t>(state.iterations());
  if (bytes > 0) state.SetBytesProcessed(iterations * static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(iterations * g_input->accounts);
  state.counters["accounts"] = g_input->accounts;
}

void demo_generate(benchmark::State& state) {
  parley::DemoSettings settings;
  settings.seed = parley::bench::bench_seed;
  settings.accounts = g_input->accounts;
  for (auto _ : state) {
    parley::Portfolio p = parley::generate_demo_portfolio(settings);
    benchmark::DoNotOptimize(p.accounts.data());
  }
  set_rates(state, 0);
}

void json_parse(benchmark::State& state) {
  for (auto _ : state) {
    nlohmann::json document = nlohmann::json::parse(g_input->text);
    benchmark::DoNotOptimize(document);
  }
  set_rates(state, g_input->text.size());
}

void load_portfolio(benchmark::State& state) {
  for (auto _ : state) {
    parley::PortfolioLoad load = parley::load_portfolio(g_input->text);
    if (!load.ok()) {
      state.SkipWithError("the generated portfolio did not load");
      break;
    }
    benchmark::DoNotOptimize(load.portfolio->accounts.data());
  }
  set_rates(state, g_input->text.size());
}

void save_portfolio(benchmark::State& state) {
  for (auto _ : state) {
    std::string text = parley::save_portfolio(g_input->portfolio);
    benchmark::DoNotOptimize(text.data());
  }
  set_rates(state, g_input->text.size());
}

void plan_quote_60(benchmark::State& state) {
  const parley::plans::PlanRequest request = parley::bench::plan_bench_request();
  for (auto _ : state) {
    parley::plans::QuoteResult result = parley::plans::quote_plan(request);
    benchmark::DoNotOptimize(result.quote->schedule.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void calendar_schedule_60(benchmark::State& state) {
  const parley::Calendar us = *parley::load_calendar(parley::testdata::calendar_text("US-FEDERAL")).calendar;
  for (auto _ : state) benchmark::DoNotOptimize(parley::bench::calendar_schedules_60(us));
}

void ensure_contact_input() {
  if (g_contact) return;
  g_contact = std::make_unique<parley::bench::ContactInput>(parley::bench::make_contact_input(g_input->portfolio));
  std::printf("journal: %zu events over %zu accounts, built in %.1f ms; checks at %s\n", g_contact->journal.size(),
              g_contact->journal.account_count(), g_contact->build_ms, g_contact->at.iso().c_str());
}

void account_fold_all(benchmark::State& state) {
  ensure_contact_input();
  for (auto _ : state) {
    g_folds = parley::bench::fold_every_account(g_input->portfolio, *g_contact);
    benchmark::DoNotOptimize(g_folds.data());
  }
  set_rates(state, 0);
  state.counters["events"] = static_cast<double>(g_contact->journal.size());
}

void account_apply_one(benchmark::State& state) {
  ensure_contact_input();
  double ns = 0;
  for (auto _ : state) {
    ns = parley::bench::apply_ns(g_input->portfolio, *g_contact, 20000);
    benchmark::DoNotOptimize(ns);
  }
  state.counters["ns_per_event"] = ns;
}

void ensure_journal_text() {
  ensure_contact_input();
  if (g_journal_text.empty()) {
    g_journal_text = parley::save_journal(g_contact->journal);
    std::printf("journal text: %zu events, %zu bytes (%.1f MB)\n", g_contact->journal.size(), g_journal_text.size(),
                static_cast<double>(g_journal_text.size()) / 1e6);
  }
}

void set_journal_rates(benchmark::State& state) {
  const auto iterations = static_cast<std::int64_t>(state.iterations());
  state.SetBytesProcessed(iterations * static_cast<std::int64_t>(g_journal_text.size()));
  state.SetItemsProcessed(iterations * static_cast<std::int64_t>(g_contact->journal.size()));
  state.counters["events"] = static_cast<double>(g_contact->journal.size());
}

// The JSON Lines alone: load_event_lines, the events in text order.
void journal_lines(benchmark::State& state) {
  ensure_journal_text();
  for (auto _ : state) {
    parley::EventLinesLoad load = parley::load_event_lines(g_journal_text);
    if (!load.problems.empty()) {
      state.SkipWithError("the saved journal did not load");
      break;
    }
    benchmark::DoNotOptimize(load.events.data());
  }
  set_journal_rates(state);
}

// load_journal: the lines, then the journal's indexes (Journal::add_all).
void journal_load(benchmark::State& state) {
  ensure_journal_text();
  for (auto _ : state) {
    parley::JournalLoad load = parley::load_journal(g_journal_text);
    if (!load.problems.empty()) {
      state.SkipWithError("the saved journal did not load");
      break;
    }
    benchmark::DoNotOptimize(load.journal);
  }
  set_journal_rates(state);
}

void contact_check_all(benchmark::State& state) {
  ensure_contact_input();
  if (g_folds.empty()) g_folds = parley::bench::fold_every_account(g_input->portfolio, *g_contact);
  parley::bench::CheckTally tally;
  for (auto _ : state) {
    tally = parley::bench::check_every_account(*g_contact, g_folds);
    benchmark::DoNotOptimize(tally);
  }
  set_rates(state, 0);
  state.counters["allowed"] = static_cast<double>(tally.allowed);
  state.counters["blocked"] = static_cast<double>(tally.blocked);
}

// consumer_ids: which accounts are one consumer's, linking the whole portfolio (the shell and the server do it on
// every load or import).
void consumer_link_all(benchmark::State& state) {
  std::size_t linked = 0;
  for (auto _ : state) {
    const std::vector<std::string> consumers = parley::consumer_ids(g_input->portfolio);
    linked = static_cast<std::size_t>(
        std::count_if(consumers.begin(), consumers.end(), [](const std::string& c) { return !c.empty(); }));
    benchmark::DoNotOptimize(consumers.data());
  }
  set_rates(state, 0);
  state.counters["linked"] = static_cast<double>(linked);
}

// The desk of every account from its fold: facts, risk tier and score by the shipped strategy, then the order.
void queue_rebuild_all(benchmark::State& state) {
  ensure_contact_input();
  if (g_folds.empty()) g_folds = parley::bench::fold_every_account(g_input->portfolio, *g_contact);
  std::vector<parley::Priority> desk;
  for (auto _ : state) {
    desk = parley::bench::rebuild_desk(*g_contact, g_folds);
    benchmark::DoNotOptimize(desk.data());
  }
  set_rates(state, 0);
  state.counters["desk"] = static_cast<double>(desk.size());
}

// get-next from the top of the desk: the compliance check of each account in order until one may be called.
void queue_get_next(benchmark::State& state) {
  ensure_contact_input();
  if (g_folds.empty()) g_folds = parley::bench::fold_every_account(g_input->portfolio, *g_contact);
  const std::vector<parley::Priority> desk = parley::bench::rebuild_desk(*g_contact, g_folds);
  parley::NextAccount next;
  for (auto _ : state) {
    next = parley::bench::get_next(*g_contact, g_folds, desk);
    benchmark::DoNotOptimize(next.account);
  }
  state.counters["skipped"] = static_cast<double>(next.skipped.size());
}

// A processor's CSV file of one payment per account (1.00 in the account's currency, dated the portfolio's day):
// read_payment_file, then post_payment_file against an empty journal.
void payments_post_file(benchmark::State& state) {
  const parley::Portfolio& portfolio = g_input->portfolio;
  std::string csv = "account_id,amount,currency,date,method,reference\n";
  for (std::size_t i = 0; i < portfolio.accounts.size(); ++i) {
    const parley::Account& a = portfolio.accounts[i];
    const bool whole = a.currency.minor_digits() == 0;
    csv += a.id + (whole ? ",100," : ",1.00,") + std::string(a.currency.code()) + "," + portfolio.as_of.iso() +
           ",card,bench-" + std::to_string(i) + "\n";
  }
  const parley::Journal journal;
  const parley::Instant now = parley::Instant::from_unix_seconds(
      std::int64_t{portfolio.as_of.days_since_epoch()} * 86400 + 17 * 3600);
  std::size_t posted = 0;
  for (auto _ : state) {
    const parley::PaymentFileRead read = parley::read_payment_file(csv);
    const parley::PaymentPosting posting =
        parley::post_payment_file(portfolio, journal, read.lines, "bench", {"u", "d"}, now, 1);
    posted = posting.events.size();
    benchmark::DoNotOptimize(posting.events.data());
  }
  set_rates(state, 0);
  state.counters["posted"] = static_cast<double>(posted);
}

// One outcome recorded per iteration, on the next account that may be called; only step() is timed.
void shell_record_outcome(benchmark::State& state) {
  if (!g_shell) {
    g_shell = std::make_unique<parley::bench::ShellBench>(g_input->portfolio);
    std::printf("shell state: %zu journal events, set up in %.1f ms\n", g_shell->journal_events(), g_shell->setup_ms());
  }
  for (auto _ : state) {
    const double us = g_shell->record_one();
    if (us < 0) {
      state.SkipWithError("no account left to call");
      break;
    }
    state.SetIterationTime(us / 1e6);
  }
  state.counters["journal_events"] = static_cast<double>(g_shell->journal_events());
  state.counters["refolds"] = static_cast<double>(g_shell->refolds());
}

BENCHMARK(demo_generate)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(json_parse)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(load_portfolio)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(save_portfolio)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(plan_quote_60)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(calendar_schedule_60)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(account_fold_all)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(account_apply_one)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(contact_check_all)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(consumer_link_all)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(queue_rebuild_all)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(queue_get_next)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(payments_post_file)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(journal_lines)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(journal_load)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(shell_record_outcome)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(200);

// The console report, keeping each benchmark's real and CPU time per iteration (ms) for the summary: the
// median when --benchmark_repetitions produced one, else the last run.
class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  using Times = std::map<std::string, double>;

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      const std::string& name = run.run_name.function_name;
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (median || (run.run_type == Run::RT_Iteration && !has_median_[name])) {
        real_[name] = run.GetAdjustedRealTime();  // in the benchmark's unit: ms, or us for plan_quote_60
        cpu_[name] = run.GetAdjustedCPUTime();
      }
      if (median) has_median_[name] = true;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  const Times& real() const { return real_; }
  const Times& cpu() const { return cpu_; }

 private:
  Times real_;
  Times cpu_;
  std::map<std::string, bool> has_median_;
};

void print_summary(const char* clock, const SummaryReporter::Times& ms, std::size_t bytes, int accounts) {
  std::printf("\nsummary, %s time per run (the median with --benchmark_repetitions)\n", clock);
  if (ms.count("demo_generate")) {
    std::printf("%s\n",
                parley::bench::figure_line("demo generate", ms.at("demo_generate"), 0, accounts).c_str());
  }
  for (const char* name : {"json_parse", "load_portfolio", "save_portfolio"}) {
    if (ms.count(name))
      std::printf("%s\n", parley::bench::figure_line(name, ms.at(name), bytes, accounts).c_str());
  }
  if (ms.count("json_parse") && ms.count("load_portfolio")) {
    std::printf("load/parse ratio   %10.2f\n", ms.at("load_portfolio") / ms.at("json_parse"));
  }
  if (ms.count("plan_quote_60")) {
    std::printf("plan_quote_60      %10.3f us (target: under 20 us native)\n", ms.at("plan_quote_60"));
  }
  if (ms.count("calendar_schedule_60")) {
    std::printf("calendar_schedule_60 %8.3f us per 60-date schedule (roll + add_business_days)\n",
                ms.at("calendar_schedule_60") * 1000.0 / parley::bench::calendar_schedules);
  }
  if (ms.count("account_fold_all")) {
    std::printf("%s (1,000,000 events for 100,000; goal: under 300 ms native)\n",
                parley::bench::figure_line("account_fold_all", ms.at("account_fold_all"), 0, accounts).c_str());
  }
  if (ms.count("account_apply_one")) {
    std::printf("account_apply_one  %10.3f us per event (from 20,000 applied; goal: under 1 us)\n",
                ms.at("account_apply_one") * 1000.0 / 20000);
  }
  if (ms.count("contact_check_all")) {
    std::printf("%s (on the folds; goal: under 50 ms native for 100,000)\n",
                parley::bench::figure_line("contact_check_all", ms.at("contact_check_all"), 0, accounts).c_str());
  }
  if (ms.count("consumer_link_all")) {
    std::printf("%s (consumer_ids of the whole portfolio)\n",
                parley::bench::figure_line("consumer_link_all", ms.at("consumer_link_all"), 0, accounts).c_str());
  }
  if (ms.count("queue_rebuild_all")) {
    std::printf("%s (on the folds; target: under 100 ms native for 100,000, goal 30)\n",
                parley::bench::figure_line("queue_rebuild_all", ms.at("queue_rebuild_all"), 0, accounts).c_str());
  }
  if (ms.count("payments_post_file")) {
    std::printf("%s (a CSV of one payment per account; target: under 2 s native for 100,000)\n",
                parley::bench::figure_line("payments_post_file", ms.at("payments_post_file"), 0, accounts).c_str());
  }
  if (ms.count("queue_get_next")) {
    std::printf("queue_get_next     %10.3f us from the top of the desk (target: under 1 ms)\n",
                ms.at("queue_get_next"));  // kept in the benchmark's unit, microseconds
  }
  for (const char* name : {"journal_lines", "journal_load"}) {
    if (ms.count(name) == 0 || g_journal_text.empty()) continue;
    std::printf("%s (%zu events; goal: 300 MB/s native)\n",
                parley::bench::figure_line(name, ms.at(name), g_journal_text.size(), accounts).c_str(),
                g_contact->journal.size());
  }
  if (ms.count("shell_record_outcome") && g_shell) {
    std::printf("shell_record_outcome %8.3f us per outcome recorded, journal of %zu events (target: under 1 ms)\n",
                ms.at("shell_record_outcome") * 1000.0, g_shell->journal_events());
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int accounts = parley::bench::take_accounts_flag(argc, argv);
  if (accounts < 0) return 2;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  g_input = std::make_unique<Input>(parley::bench::make_input(accounts));
  std::printf("portfolio: %d accounts, %zu bytes of JSON (%.1f MB)\n", accounts, g_input->text.size(),
              static_cast<double>(g_input->text.size()) / 1e6);
  SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  print_summary("real", reporter.real(), g_input->text.size(), accounts);
  print_summary("CPU", reporter.cpu(), g_input->text.size(), accounts);
  return 0;
}
