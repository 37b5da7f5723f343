// parley_bench: Google Benchmark of demo generation, bare JSON parsing, load_portfolio and save_portfolio on
// a generated portfolio (100,000 accounts unless --accounts N), then a summary with the load/parse ratio; and
// quote_plan of a 60-instalment amortised monthly plan with its APR (plan_quote_60, in microseconds); and check()
// of every account's debtor for a phone call against a journal of 10 events per account (contact_check_all).
//
//   parley_bench [--accounts N] [Google Benchmark flags, e.g. --benchmark_filter=load]

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "bench_common.h"
#include "bench_contact.h"
#include "parley/demo.h"
#include "parley/plans/plan.h"
#include "parley/portfolio_json.h"

namespace {

using parley::bench::Input;

std::unique_ptr<Input> g_input;  // built once in main, before any benchmark runs
std::unique_ptr<parley::bench::ContactInput> g_contact;  // built on the first contact_check_all run

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

void contact_check_all(benchmark::State& state) {
  if (!g_contact) {
    g_contact = std::make_unique<parley::bench::ContactInput>(parley::bench::make_contact_input(g_input->portfolio));
    std::printf("journal: %zu events over %zu accounts, built in %.1f ms; checks at %s\n", g_contact->journal.size(),
                g_contact->journal.account_count(), g_contact->build_ms, g_contact->at.iso().c_str());
  }
  parley::bench::CheckTally tally;
  for (auto _ : state) {
    tally = parley::bench::check_every_account(g_input->portfolio, *g_contact);
    benchmark::DoNotOptimize(tally);
  }
  set_rates(state, 0);
  state.counters["allowed"] = static_cast<double>(tally.allowed);
  state.counters["blocked"] = static_cast<double>(tally.blocked);
}

BENCHMARK(demo_generate)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(json_parse)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(load_portfolio)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(save_portfolio)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(plan_quote_60)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(contact_check_all)->Unit(benchmark::kMillisecond)->UseRealTime();

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
  if (ms.count("contact_check_all")) {
    std::printf("%s (target: under 200 ms native for 100,000)\n",
                parley::bench::figure_line("contact_check_all", ms.at("contact_check_all"), 0, accounts).c_str());
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
