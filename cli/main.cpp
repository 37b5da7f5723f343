// parley: the command-line tool.
//
// Index of this file:
// [SECTION] Usage       help texts, exit codes and each command's options (parley/host/options.h)
// [SECTION] Files       write through FILE.tmp and rename (files are read with parley/host/files.h)
// [SECTION] demo        parley demo --accounts N --seed S [--as-of YYYY-MM-DD] [--indent N] [--out FILE]
// [SECTION] validate    parley validate FILE
// [SECTION] quote       parley quote REQUEST.json [--calendar FILE] [--assets DIR] [--locale TAG]
// [SECTION] check       parley check ACCOUNT_OR_FILE [--channel C] [--at INSTANT] [--portfolio FILE] [--journal FILE]
//                       [--party ID] [--to NUMBER] [--purpose P] [--assets DIR]
// [SECTION] queue       parley queue --portfolio FILE [--journal FILE] [--at INSTANT] [--assets DIR]
// [SECTION] assign      parley assign ACCOUNT[,ACCOUNT...] --to COLLECTOR --portfolio FILE --journal FILE
// [SECTION] escalate    parley escalate --portfolio FILE --journal FILE [--at INSTANT] [--assets DIR]
// [SECTION] goals       parley goals --portfolio FILE [--journal FILE] [--at INSTANT] [--assets DIR]
// [SECTION] payments    parley payments post FILE --portfolio FILE --journal FILE [--processor NAME] [--at INSTANT]
// [SECTION] main        command dispatch
//
// Exit codes: 0 success; 1 the work failed (invalid portfolio, unreadable or unwritable file; a quote the policy
// forbids; a contact that is blocked); 2 bad usage (for quote and check: also input that does not load).

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "parley/calendar/business_days.h"
#include "parley/compliance/check.h"
#include "parley/compliance/rule_pack.h"
#include "parley/demo.h"
#include "parley/host/files.h"
#include "parley/host/options.h"
#include "parley/journal/journal_json.h"
#include "parley/plans/plan.h"
#include "parley/plans/plan_json.h"
#include "parley/account/views.h"
#include "parley/assets.h"
#include "parley/plans/policy_check.h"
#include "parley/payments/payment_file.h"
#include "parley/portfolio_json.h"
#include "parley/queue/desk.h"
#include "parley/time_zone.h"

#ifndef PARLEY_ASSETS_DIR
#define PARLEY_ASSETS_DIR "assets"  // the build passes the source tree's assets folder
#endif

namespace {

// [SECTION] Usage -----------------------------------------------------------------------------------------------------

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

constexpr std::string_view kHelp =
    "parley: the Parley collections workstation's command-line tool\n"
    "\n"
    "Usage:\n"
    "  parley demo [--accounts N] [--seed S] [--as-of YYYY-MM-DD] [--indent N] [--out FILE]\n"
    "      Write a deterministic demo portfolio as JSON (parley.portfolio/1): to FILE, or to standard "
    "output.\n"
    "      --accounts N      number of accounts, 1 to 100,000 (default 500)\n"
    "      --seed S          any unsigned 64-bit integer; same seed, same bytes (default 1)\n"
    "      --as-of DATE      the snapshot date (default 2026-11-02)\n"
    "      --indent N        pretty-print with N spaces, 0 to 8 (default: compact)\n"
    "      --out FILE        written to FILE.tmp, then renamed, so FILE is never half-written\n"
    "  parley validate FILE\n"
    "      Load and check a portfolio file. Prints \"ok: N clients, M accounts\" and exits 0, or prints "
    "every\n"
    "      problem as \"FILE: path: message\" and exits 1.\n"
    "  parley quote REQUEST.json [--calendar FILE] [--assets DIR] [--locale TAG]\n"
    "      Quote a payment-plan request (parley.plan-request/1) and check it against the creditor's policy.\n"
    "      Prints {\"quote\":...,\"policy_check\":...} (canonical JSON); exits 0 when compliant, 1 when the\n"
    "      policy is violated (each violation also on stderr), 2 on bad input (\"FILE: path: message\" lines).\n"
    "      --calendar FILE   the holiday calendar for due dates (default: ASSETS/calendars/<calendar>.json)\n"
    "      --assets DIR      the assets folder (default: the source tree's assets)\n"
    "      --locale TAG      words of the policy check: en-US (default), en-GB, fr-FR\n"
    "  parley check ACCOUNT_OR_FILE [--channel C] [--at INSTANT] [--portfolio FILE] [--journal FILE.jsonl]\n"
    "               [--party ID] [--to NUMBER] [--purpose P] [--assets DIR]\n"
    "      May the party be contacted now? Checks every rule of the rule packs (ASSETS/rules/*.json) against the\n"
    "      party's local time and the account's journal; prints the decision as JSON: allowed, the reasons\n"
    "      (rule_id, words, citation), next_allowed in UTC and in the party's local time zone(s).\n"
    "      Exits 0 when allowed, 1 when blocked, 2 on bad input (the argument, or \"FILE: path: message\").\n"
    "      ACCOUNT_OR_FILE   an account id of --portfolio FILE; without --portfolio, a portfolio file holding\n"
    "                        exactly one account\n"
    "      --channel C       phone (default), sms, email, letter or in-person\n"
    "      --at INSTANT      UTC instant, e.g. 2026-03-08T13:30:00Z (default: now)\n"
    "      --journal FILE    the account's events, JSON Lines (parley journal format); default: none\n"
    "      --party ID        the party to contact (default: the account's debtor)\n"
    "      --to NUMBER       the party's phone called or texted (E.164); rules for some kinds of number (work,\n"
    "                        mobile) then apply only to their kind; without it they apply to every call\n"
    "      --purpose P       what a letter is for: collection (default), prior-letter, validation-notice,\n"
    "                        verification, original-creditor, termination or remedy; a cease request or an\n"
    "                        unanswered dispute lets through only the purposes its rule allows\n"
    "      --assets DIR      the assets folder: rules/*.json and calendars/*.json\n"
    "  parley queue --portfolio FILE [--journal FILE.jsonl] [--collector ID] [--at INSTANT] [--assets DIR]\n"
    "      The desk in the order the strategy (ASSETS/strategies/*.json) puts it, as JSON: each account with its\n"
    "      score, the points of each factor, its risk tier with the reasons, its callback, and, when compliance\n"
    "      blocks a call to its debtor at INSTANT, why (rule_id, words, citation) and when it becomes callable;\n"
    "      \"next\" is the account get-next gives. Exits 0, 1 on a file error, 2 on bad input.\n"
    "      --at INSTANT      UTC instant, e.g. 2026-03-08T13:30:00Z (default: now)\n"
    "      --journal FILE    the accounts' events, JSON Lines (parley journal format); default: none\n"
    "      --collector ID    only the accounts assigned to this collector (default: every account)\n"
    "      --assets DIR      the assets folder: rules/, calendars/ and strategies/\n"
    "  parley assign ACCOUNT[,ACCOUNT...] --to COLLECTOR --portfolio FILE --journal FILE.jsonl [--reason TEXT]\n"
    "                [--at INSTANT]\n"
    "      Put the accounts on the collector's desk: one account-assigned event each, appended to the journal\n"
    "      file. An account the portfolio lacks is refused, and then nothing is written. Exits 0, 1 on a file\n"
    "      error, 2 on bad input.\n"
    "      --at INSTANT      the instant the assignment is recorded at, UTC (default: now)\n"
    "  parley escalate --portfolio FILE --journal FILE.jsonl [--at INSTANT] [--assets DIR]\n"
    "      Record every escalation the strategies' rules (ASSETS/strategies/*.json) find due at INSTANT: one\n"
    "      escalated event each, appended to the journal file, and listed as JSON with its rule. Run again, it\n"
    "      finds them recorded and appends nothing. Exits 0, 1 on a file error, 2 on bad input.\n"
    "      --at INSTANT      UTC instant, e.g. 2026-03-08T13:30:00Z (default: now)\n"
    "      --assets DIR      the assets folder: strategies/ and calendars/\n"
    "  parley goals --portfolio FILE [--journal FILE.jsonl] [--at INSTANT] [--assets DIR]\n"
    "      Each collector's figures for the month or quarter of the agency's day at INSTANT, by the goal plan\n"
    "      (ASSETS/goals/*.json, docs/goals.md), as JSON: collected (payments net of reversals, minor units), the\n"
    "      goal, the commission, payments, reversals and promises made, kept and broken. Exits 0, 1 on a file\n"
    "      error, 2 on bad input.\n"
    "      --at INSTANT      UTC instant, e.g. 2026-03-08T13:30:00Z (default: now)\n"
    "      --journal FILE    the accounts' events, JSON Lines (parley journal format); default: none\n"
    "  parley payments post FILE --portfolio FILE --journal FILE.jsonl [--processor NAME] [--at INSTANT]\n"
    "      Post a processor's file of payments (CSV or JSON, docs/payments.md) to the journal file, each in the\n"
    "      client's allocation order; a line that does not match an account, its currency or a day it could be\n"
    "      paid, or that repeats a reference, posts nothing and is listed with its line number. Posting a file\n"
    "      again posts each payment once. Prints a summary; exits 0, 1 when a line was refused or on a file\n"
    "      error, 2 on bad usage.\n"
    "      --processor NAME  the processor the references are of (default: file)\n"
    "      --at INSTANT      the instant the payments are recorded at, UTC (default: now)\n"
    "  parley help | parley --help | parley COMMAND --help\n"
    "\n"
    "Exit codes: 0 success (check: allowed), 1 invalid portfolio, file error, policy violation or a blocked\n"
    "contact, 2 bad usage or bad input.\n";

int usage_error(std::string_view command, const std::string& message) {
  std::fprintf(stderr, "parley %.*s: %s\n(run 'parley help' for usage)\n", static_cast<int>(command.size()),
               command.data(), message.c_str());
  return kUsage;
}

// Every problem of a command's arguments on its own line, then the pointer to the help.
int usage_errors(std::string_view command, const parley::Problems& problems) {
  for (std::size_t i = 0; i + 1 < problems.size(); ++i) {
    std::fprintf(stderr, "parley %.*s: %s\n", static_cast<int>(command.size()), command.data(),
                 problems[i].text().c_str());
  }
  return usage_error(command, problems.back().text());
}

int print_help() {
  std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
  return kOk;
}

// A command's option parser, --help (and -h) already among its options.
struct CommandLine {
  parley::host::OptionParser parser;
  bool help = false;
  CommandLine() { parser.flag("--help", help).alias("-h", "--help"); }
  // The problems of `args` (the arguments after the command's name); none when --help was given.
  parley::Problems parse(std::span<char* const> args) {
    const std::vector<std::string> texts(args.begin(), args.end());
    parley::Problems problems = parser.parse(texts);
    if (help) problems.clear();
    return problems;
  }
};

// The options the desk's commands (queue, escalate, goals) share: the portfolio, its journal, the assets folder and
// the instant, which defaults to now once parsed.
struct DeskOptions {
  std::optional<std::string> portfolio_file;
  std::optional<std::string> journal_file;
  std::string assets = PARLEY_ASSETS_DIR;
  std::optional<parley::Instant> at;
  explicit DeskOptions(CommandLine& line) {
    line.parser.text("--portfolio", portfolio_file)
        .text("--journal", journal_file)
        .parsed("--at", at, "a UTC instant like 2026-03-08T13:30:00Z", parley::Instant::parse)
        .text("--assets", assets);
  }
  parley::Instant instant() const {
    return at.value_or(parley::Instant::from_unix_seconds(static_cast<std::int64_t>(std::time(nullptr))));
  }
};

// [SECTION] Files -----------------------------------------------------------------------------------------------------

bool write_all(std::FILE* f, std::string_view text) {
  return std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0;
}

// Writes FILE.tmp completely, then renames it over FILE: readers see the old file or the whole new one.
bool write_file_atomically(const std::string& path, std::string_view text, std::string& error) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) {
    error = "cannot create " + tmp + ": " + std::strerror(errno);
    return false;
  }
  const bool written = write_all(f, text);
  const int saved_errno = errno;
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed) {
    error = "cannot write " + tmp + ": " + std::strerror(written ? errno : saved_errno);
    std::remove(tmp.c_str());
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = "cannot rename " + tmp + " to " + path + ": " + std::strerror(errno);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

// [SECTION] demo ------------------------------------------------------------------------------------------------------

std::string flag_of_setting(std::string_view field) {
  if (field == "accounts") return "--accounts";
  if (field == "seed") return "--seed";
  if (field == "as_of") return "--as-of";
  return std::string(field);
}

int run_demo(std::span<char* const> args) {
  parley::DemoSettings settings;
  int indent = -1;
  std::optional<std::string> out;
  CommandLine line;
  line.parser.number("--accounts", settings.accounts)
      .number("--seed", settings.seed)
      .parsed("--as-of", settings.as_of, "a date YYYY-MM-DD", parley::Date::parse)
      .number("--indent", indent, 0, 8)
      .text("--out", out);
  if (const parley::Problems problems = line.parse(args); !problems.empty()) return usage_errors("demo", problems);
  if (line.help) return print_help();
  const parley::Problems problems = parley::check_demo_settings(settings);
  if (!problems.empty())
    return usage_error("demo", flag_of_setting(problems.front().path) + ": " + problems.front().message);

  const parley::Portfolio portfolio = parley::generate_demo_portfolio(settings);
  std::string text = parley::save_portfolio(portfolio, indent);
  text.push_back('\n');
  if (out) {
    std::string error;
    if (!write_file_atomically(*out, text, error)) {
      std::fprintf(stderr, "parley demo: %s\n", error.c_str());
      return kFailed;
    }
    return kOk;
  }
  if (!write_all(stdout, text)) {
    std::fprintf(stderr, "parley demo: cannot write to standard output: %s\n", std::strerror(errno));
    return kFailed;
  }
  return kOk;
}

// [SECTION] validate --------------------------------------------------------------------------------------------------

int run_validate(std::span<char* const> args) {
  std::optional<std::string> file;
  CommandLine line;
  line.parser.positional("FILE", file);
  if (const parley::Problems problems = line.parse(args); !problems.empty()) return usage_errors("validate", problems);
  if (line.help) return print_help();
  if (!file) return usage_error("validate", "FILE: missing (parley validate FILE)");

  parley::host::FileError error;
  const std::optional<std::string> text = parley::host::read_file(*file, error);
  if (!text) {
    std::fprintf(stdout, "%s: cannot read: %s\n", file->c_str(), error.reason.c_str());
    return kFailed;
  }
  const parley::PortfolioLoad load = parley::load_portfolio(*text);
  if (!load.ok()) {
    for (const parley::Problem& p : load.problems)
      std::fprintf(stdout, "%s: %s\n", file->c_str(), p.text().c_str());
    return kFailed;
  }
  std::fprintf(stdout, "ok: %zu clients, %zu accounts\n", load.portfolio->clients.size(),
               load.portfolio->accounts.size());
  return kOk;
}

// [SECTION] quote -----------------------------------------------------------------------------------------------------

// Prints every problem as "FILE: path: message" on stderr; returns the bad-input exit code.
int report_problems(const std::string& file, const parley::Problems& problems) {
  for (const parley::Problem& p : problems) std::fprintf(stderr, "%s: %s\n", file.c_str(), p.text().c_str());
  return kUsage;
}

// A calendar id usable as a file name: letters, digits, '-' and '_' only.
bool safe_calendar_id(std::string_view id) {
  if (id.empty()) return false;
  for (const char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_';
    if (!ok) return false;
  }
  return true;
}

int run_quote(std::span<char* const> args) {
  std::optional<std::string> request_file;
  std::optional<std::string> calendar_file;
  std::string assets = PARLEY_ASSETS_DIR;
  parley::Locale locale = parley::Locale::en_US;
  CommandLine line;
  line.parser.positional("REQUEST.json", request_file)
      .text("--calendar", calendar_file)
      .text("--assets", assets)
      .parsed("--locale", locale, "en-US, en-GB or fr-FR", parley::find_locale);
  if (const parley::Problems problems = line.parse(args); !problems.empty()) return usage_errors("quote", problems);
  if (line.help) return print_help();
  if (!request_file) return usage_error("quote", "REQUEST.json: missing (parley quote REQUEST.json)");

  parley::host::FileError error;
  const std::optional<std::string> text = parley::host::read_file(*request_file, error);
  if (!text) return report_problems(*request_file, {{"", "cannot read: " + error.reason}});
  const parley::plans::RequestLoad load = parley::plans::load_request(*text);
  if (!load.request) return report_problems(*request_file, load.problems);
  const parley::plans::PlanRequest& request = *load.request;

  // The calendar: --calendar FILE, else ASSETS/calendars/<calendar>.json when the request names one.
  std::optional<parley::Calendar> calendar;
  if (!calendar_file && !request.calendar_id.empty()) {
    if (!safe_calendar_id(request.calendar_id))
      return report_problems(*request_file, {{"calendar", "not a calendar id: '" + request.calendar_id + "'"}});
    calendar_file = assets + "/calendars/" + request.calendar_id + ".json";
  }
  if (calendar_file) {
    const std::optional<std::string> calendar_text = parley::host::read_file(*calendar_file, error);
    if (!calendar_text) return report_problems(*calendar_file, {{"", "cannot read: " + error.reason}});
    parley::CalendarLoad loaded = parley::load_calendar(*calendar_text);
    if (!loaded.calendar) return report_problems(*calendar_file, loaded.problems);
    if (!request.calendar_id.empty() && loaded.calendar->id != request.calendar_id) {
      return report_problems(*calendar_file, {{"id", "calendar '" + loaded.calendar->id +
                                                         "' is not the request's calendar '" +
                                                         request.calendar_id + "'"}});
    }
    calendar = std::move(loaded.calendar);
  }
  const parley::Calendar* calendar_ptr = calendar ? &*calendar : nullptr;

  const parley::plans::QuoteResult result = parley::plans::quote_plan(request, calendar_ptr);
  if (!result.quote) return report_problems(*request_file, result.problems);
  const parley::plans::PolicyCheck check =
      parley::plans::check_policy(request, *result.quote, calendar_ptr, locale);

  std::string out = "{\"quote\":";
  out += parley::plans::save_quote(*result.quote);
  out += ",\"policy_check\":";
  out += parley::plans::save_policy_check(check);
  out += "}\n";
  if (!write_all(stdout, out)) {
    std::fprintf(stderr, "parley quote: cannot write to standard output: %s\n", std::strerror(errno));
    return kFailed;
  }
  if (check.compliant()) return kOk;
  for (const parley::plans::Violation& v : check.violations) {
    const std::string_view code = parley::plans::to_string(v.code);
    std::fprintf(stderr, "%s: %s: %.*s: %s\n", request_file->c_str(), v.path.c_str(), static_cast<int>(code.size()),
                 code.data(), v.message.c_str());
  }
  return kFailed;
}

// [SECTION] Accounts --------------------------------------------------------------------------------------------------

// What check and account work on: a portfolio, one of its accounts and the journal of events.
struct AccountInput {
  parley::Portfolio portfolio;
  std::size_t account = 0;  // index into portfolio.accounts
  parley::Journal journal;
  const parley::Account& the_account() const { return portfolio.accounts[account]; }
};

// A portfolio file, loaded; nullopt after printing why (`rc` is then the exit code).
std::optional<parley::Portfolio> read_portfolio(const std::string& file, int& rc) {
  parley::host::FileError read_error;
  const std::optional<std::string> text = parley::host::read_file(file, read_error);
  if (!text) {
    rc = report_problems(file, {{"", "cannot read: " + read_error.reason}});
    return std::nullopt;
  }
  parley::PortfolioLoad load = parley::load_portfolio(*text);
  if (!load.portfolio) {
    rc = report_problems(file, load.problems);
    return std::nullopt;
  }
  return std::move(*load.portfolio);
}

// A journal file (JSON Lines), loaded, and its text in `text` when given; nullopt after printing why (`rc` is then
// the exit code).
std::optional<parley::Journal> read_journal(const std::string& file, int& rc, std::string* text = nullptr) {
  parley::host::FileError read_error;
  std::optional<std::string> lines = parley::host::read_file(file, read_error);
  if (!lines) {
    rc = report_problems(file, {{"", "cannot read: " + read_error.reason}});
    return std::nullopt;
  }
  parley::JournalLoad loaded = parley::load_journal(*lines);
  if (!loaded.journal) {
    rc = report_problems(file, loaded.problems);
    return std::nullopt;
  }
  if (text != nullptr) *text = std::move(*lines);
  return std::move(*loaded.journal);
}

// The journal of --journal FILE, or an empty one when the option is not given. nullopt after printing why.
std::optional<parley::Journal> read_journal_if_given(const std::optional<std::string>& file, int& rc) {
  if (!file) return parley::Journal{};
  return read_journal(*file, rc);
}

// Reads the portfolio (--portfolio FILE with ACCOUNT its id, or ACCOUNT_OR_FILE a one-account portfolio file) and
// the journal (--journal FILE, or none). nullopt after printing why; `rc` is then the exit code.
std::optional<AccountInput> read_account_input(std::string_view command, const std::string& target,
                                               const std::optional<std::string>& portfolio_file,
                                               const std::optional<std::string>& journal_file, int& rc) {
  AccountInput in;
  const std::string file = portfolio_file.value_or(target);
  std::optional<parley::Portfolio> portfolio = read_portfolio(file, rc);
  if (!portfolio) return std::nullopt;
  in.portfolio = std::move(*portfolio);
  const std::vector<parley::Account>& accounts = in.portfolio.accounts;
  if (portfolio_file) {
    const auto found = std::find_if(accounts.begin(), accounts.end(), [&](const parley::Account& a) { return a.id == target; });
    if (found == accounts.end()) {
      rc = usage_error(command, "ACCOUNT: no account '" + target + "' in " + file);
      return std::nullopt;
    }
    in.account = static_cast<std::size_t>(found - accounts.begin());
  } else if (accounts.size() != 1) {
    rc = usage_error(command, file + ": holds " + std::to_string(accounts.size()) + " accounts; name one: parley " +
                                  std::string(command) + " ACCOUNT --portfolio " + file);
    return std::nullopt;
  }
  std::optional<parley::Journal> journal = read_journal_if_given(journal_file, rc);
  if (!journal) return std::nullopt;
  in.journal = std::move(*journal);
  return in;
}

// The rule packs and calendars of an assets folder; nullopt after printing why when its rules/ cannot be listed.
std::optional<parley::Assets> read_assets(const std::string& folder, int& rc) {
  parley::Assets assets = parley::host::load_assets(folder);
  for (const parley::Problem& p : assets.problems) {
    if (p.path == parley::rules_folder) {
      rc = report_problems("--assets", {{"", p.message}});
      return std::nullopt;
    }
  }
  return assets;
}

// read_assets, and then every strategy must load, and one at least: a desk is not worked by half its strategies.
std::optional<parley::Assets> read_strategy_assets(const std::string& folder, int& rc) {
  std::optional<parley::Assets> assets = read_assets(folder, rc);
  if (!assets) return assets;
  if (!assets->strategies.failed.empty() || assets->strategies.strategies.empty()) {
    parley::Problems problems = assets->strategies.failed;
    if (problems.empty()) problems.push_back({"strategies/", "no strategy in the assets folder"});
    rc = report_problems("--assets", problems);
    return std::nullopt;
  }
  return assets;
}

// The reasons of a compliance decision as JSON.
nlohmann::ordered_json reasons_json(const parley::Decision& decision) {
  nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
  for (const parley::Reason& r : decision.reasons) {
    reasons.push_back({{"rule_id", r.rule_id}, {"words", r.words}, {"citation", r.citation}});
  }
  return reasons;
}

// [SECTION] check -----------------------------------------------------------------------------------------------------

int run_check(std::span<char* const> args) {
  std::optional<std::string> target;
  std::optional<std::string> portfolio_file;
  std::optional<std::string> journal_file;
  std::optional<std::string> party_id;
  std::string to;
  std::string assets = PARLEY_ASSETS_DIR;
  parley::ContactChannel channel = parley::ContactChannel::phone;
  parley::LetterPurpose purpose = parley::LetterPurpose::collection;
  std::optional<parley::Instant> at;
  CommandLine line;
  line.parser.positional("ACCOUNT_OR_FILE", target)
      .parsed("--channel", channel, "phone, sms, email, letter or in-person", parley::parse_contact_channel)
      .parsed("--purpose", purpose,
              "collection, prior-letter, validation-notice, verification, original-creditor, termination or remedy",
              parley::parse_letter_purpose)
      .parsed("--at", at, "a UTC instant like 2026-03-08T13:30:00Z", parley::Instant::parse)
      .text("--portfolio", portfolio_file)
      .text("--journal", journal_file)
      .text("--party", party_id)
      .text("--to", to)
      .text("--assets", assets);
  if (const parley::Problems problems = line.parse(args); !problems.empty()) return usage_errors("check", problems);
  if (line.help) return print_help();
  if (!target) return usage_error("check", "ACCOUNT_OR_FILE: missing (parley check ACCOUNT_OR_FILE)");
  if (!at) at = parley::Instant::from_unix_seconds(static_cast<std::int64_t>(std::time(nullptr)));

  int rc = kUsage;
  const std::optional<AccountInput> in = read_account_input("check", *target, portfolio_file, journal_file, rc);
  if (!in) return rc;
  const parley::Portfolio& portfolio = in->portfolio;
  const parley::Account* account = &in->the_account();
  const parley::Journal& journal = in->journal;
  // The account's fold (its parties: placed, and added since), and those of the consumer's other accounts for the
  // rules counted per consumer.
  const auto fold_of = [&](const parley::Account& a) {
    return parley::fold(a, portfolio.find_client(a.client_id), journal.events_for(a.id));
  };
  const parley::AccountState state = fold_of(*account);
  const parley::PartyRecord* record = nullptr;
  if (party_id) {
    record = state.party(*party_id);
    if (record == nullptr) return usage_error("check", "--party: no party '" + *party_id + "' on account " + account->id);
  } else {
    const parley::Party* debtor = account->debtor();
    if (debtor == nullptr) return usage_error("check", "account " + account->id + " has no debtor: pass --party ID");
    record = state.party(debtor->id);
  }
  const parley::Party* party = record->party;

  if (!to.empty() && (channel == parley::ContactChannel::phone || channel == parley::ContactChannel::sms) &&
      record->find(parley::ContactPointKind::phone, to) == nullptr) {
    return usage_error("check", "--to: party " + party->id + " has no phone " + to);
  }

  const std::optional<parley::Assets> assets_read = read_assets(assets, rc);
  if (!assets_read) return rc;
  const parley::RuleBook& book = assets_read->rules;
  std::vector<parley::AccountState> other_states;
  for (const std::string& id : parley::same_consumer_accounts(portfolio, *account)) {
    for (const parley::Account& a : portfolio.accounts) {
      if (a.id == id) other_states.push_back(fold_of(a));
    }
  }
  std::vector<const parley::AccountState*> others;
  for (const parley::AccountState& s : other_states) others.push_back(&s);
  const parley::Decision decision = parley::check(state, *party, channel, to, *at, book, others, purpose);

  nlohmann::ordered_json out;
  out["account_id"] = account->id;
  out["party_id"] = party->id;
  out["channel"] = std::string(parley::to_string(channel));
  out["at"] = at->iso();
  out["allowed"] = decision.allowed;
  out["reasons"] = reasons_json(decision);
  const std::vector<parley::TimeZone> zones = parley::candidate_zones(*record, *at);
  nlohmann::ordered_json zone_names = nlohmann::ordered_json::array();
  for (const parley::TimeZone z : zones) zone_names.push_back(std::string(z.name()));
  out["time_zones"] = std::move(zone_names);
  if (decision.next_allowed) {
    out["next_allowed"] = decision.next_allowed->iso();
    nlohmann::ordered_json local = nlohmann::ordered_json::object();
    for (const parley::TimeZone z : zones) local[std::string(z.name())] = parley::format_local(z, *decision.next_allowed);
    out["next_allowed_local"] = std::move(local);
  } else {
    out["next_allowed"] = nullptr;
    out["next_allowed_local"] = nullptr;
  }
  const std::string printed = out.dump(2) + "\n";
  if (!write_all(stdout, printed)) {
    std::fprintf(stderr, "parley check: cannot write to standard output: %s\n", std::strerror(errno));
    return kUsage;
  }
  return decision.allowed ? kOk : kFailed;
}

// [SECTION] account ---------------------------------------------------------------------------------------------------

int run_account(std::span<char* const> args) {
  std::optional<std::string> target;
  std::optional<std::string> portfolio_file;
  std::optional<std::string> journal_file;
  std::string assets = PARLEY_ASSETS_DIR;
  std::optional<parley::Instant> at;
  CommandLine line;
  line.parser.positional("ACCOUNT_OR_FILE", target)
      .parsed("--at", at, "a UTC instant like 2026-03-08T13:30:00Z", parley::Instant::parse)
      .text("--portfolio", portfolio_file)
      .text("--journal", journal_file)
      .text("--assets", assets);
  if (const parley::Problems problems = line.parse(args); !problems.empty()) return usage_errors("account", problems);
  if (line.help) return print_help();
  if (!target) return usage_error("account", "ACCOUNT_OR_FILE: missing (parley account ACCOUNT --portfolio FILE)");
  if (!at) at = parley::Instant::from_unix_seconds(static_cast<std::int64_t>(std::time(nullptr)));
  int rc = kUsage;
  const std::optional<AccountInput> in = read_account_input("account", *target, portfolio_file, journal_file, rc);
  if (!in) return rc;
  const std::optional<parley::Assets> assets_read = read_assets(assets, rc);
  if (!assets_read) return rc;
  const parley::Account& account = in->the_account();
  const parley::AccountState state = parley::fold(account, in->portfolio.find_client(account.client_id),
                                                  in->journal.events_for(account.id), *at);
  const std::string printed = parley::save_account_state(state, parley::agency_today(in->portfolio, *at),
                                                         assets_read->calendars, 2) + "\n";
  if (!write_all(stdout, printed)) {
    std::fprintf(stderr, "parley account: cannot write to standard output: %s\n", std::strerror(errno));
    return kFailed;
  }
  return kOk;
}

// [SECTION] queue -----------------------------------------------------------------------------------------------------

int run_queue(std::span<char* const> args) {
  std::optional<std::string> collector;
  CommandLine line;
  DeskOptions options(line);
  line.parser.text("--collector", collector);
  if (const parley::Problems problems = line.parse(args); !problems.empty()) return usage_errors("queue", problems);
  if (line.help) return print_help();
  if (!options.portfolio_file) return usage_error("queue", "--portfolio: missing (parley queue --portfolio FILE)");
  const std::optional<parley::Instant> at = options.instant();
  int rc = kUsage;
  const std::optional<parley::Portfolio> portfolio = read_portfolio(*options.portfolio_file, rc);
  if (!portfolio) return rc;
  const std::optional<parley::Journal> read = read_journal_if_given(options.journal_file, rc);
  if (!read) return rc;
  const parley::Journal& journal = *read;
  const std::optional<parley::Assets> assets_read = read_strategy_assets(options.assets, rc);
  if (!assets_read) return rc;

  // Every account's fold, and each consumer's accounts for the rules counted per consumer.
  const std::vector<parley::Account>& accounts = portfolio->accounts;
  std::vector<parley::AccountState> folds;
  folds.reserve(accounts.size());
  for (const parley::Account& a : accounts) {
    folds.push_back(parley::fold(a, portfolio->find_client(a.client_id), journal.events_for(a.id), *at));
  }
  const std::vector<std::string> consumers = parley::consumer_ids(*portfolio);
  std::map<std::string_view, std::vector<std::uint32_t>> by_consumer;
  for (std::uint32_t i = 0; i < consumers.size(); ++i) {
    if (!consumers[i].empty()) by_consumer[consumers[i]].push_back(i);
  }
  const parley::Date today = parley::agency_today(*portfolio, *at);
  std::vector<parley::Priority> desk;
  std::vector<std::uint32_t> unworked;  // accounts whose client no strategy works
  for (std::uint32_t i = 0; i < accounts.size(); ++i) {
    if (collector && folds[i].assigned_to != *collector) continue;  // on another desk, or on none
    const parley::Strategy* strategy = assets_read->strategies.for_client(accounts[i].client_id);
    if (strategy == nullptr) {
      unworked.push_back(i);
      continue;
    }
    desk.push_back(parley::prioritise(*strategy, parley::desk_facts(folds[i], today, *at, assets_read->calendars), i,
                                      today, *at));
  }
  parley::order_desk(desk, *at);
  const auto decide = [&](std::uint32_t i) {
    std::vector<const parley::AccountState*> others;
    if (!consumers[i].empty()) {
      for (std::uint32_t k : by_consumer[consumers[i]]) {
        if (k != i) others.push_back(&folds[k]);
      }
    }
    return parley::next_call_decision(folds[i], collector.value_or(""),
                                      [&](const parley::Party& debtor, std::string_view number) {
                                        return parley::check(folds[i], debtor, parley::ContactChannel::phone, number,
                                                             *at, assets_read->rules, others);
                                      });
  };

  nlohmann::ordered_json out;
  out["at"] = at->iso();
  out["today"] = today.iso();
  out["collector"] = collector ? nlohmann::ordered_json(*collector) : nlohmann::ordered_json(nullptr);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  std::optional<std::string> next;
  for (std::size_t position = 0; position < desk.size(); ++position) {
    const parley::Priority& p = desk[position];
    const parley::Account& a = accounts[p.account];
    const parley::Strategy& strategy = *assets_read->strategies.for_client(a.client_id);
    nlohmann::ordered_json row;
    row["account_id"] = a.id;
    row["client_id"] = a.client_id;
    const std::optional<std::string>& owner = folds[p.account].assigned_to;
    row["assigned_to"] = owner ? nlohmann::ordered_json(*owner) : nlohmann::ordered_json(nullptr);
    row["strategy"] = strategy.id;
    row["score"] = p.score;
    nlohmann::ordered_json factors = nlohmann::ordered_json::object();
    for (int f = 0; f < parley::score_factor_count; ++f) {
      if (p.points[f] != 0) factors[std::string(parley::to_string(static_cast<parley::ScoreFactor>(f)))] = p.points[f];
    }
    row["factors"] = std::move(factors);
    nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
    for (std::string_view r : p.risk.reasons(strategy)) reasons.push_back(std::string(r));
    row["risk"] = {{"tier", std::string(parley::to_string(p.risk.tier))}, {"points", p.risk.points},
                   {"reasons", std::move(reasons)}};
    row["callback"] = p.callback ? nlohmann::ordered_json(p.callback->iso()) : nlohmann::ordered_json(nullptr);
    row["callback_due"] = p.callback_due(*at);
    const parley::Decision decision = decide(p.account);
    row["callable"] = decision.allowed;
    if (decision.allowed) {
      row["skipped"] = nullptr;
      if (!next) next = a.id;
    } else {
      row["skipped"] = {{"reasons", reasons_json(decision)},
                        {"callable_at", decision.next_allowed ? nlohmann::ordered_json(decision.next_allowed->iso())
                                                              : nlohmann::ordered_json(nullptr)}};
    }
    rows.push_back(std::move(row));
  }
  out["next"] = next ? nlohmann::ordered_json(*next) : nlohmann::ordered_json(nullptr);
  out["accounts"] = std::move(rows);
  nlohmann::ordered_json without = nlohmann::ordered_json::array();
  for (std::uint32_t i : unworked) without.push_back(accounts[i].id);
  out["without_strategy"] = std::move(without);
  const std::string printed = out.dump(2) + "\n";
  if (!write_all(stdout, printed)) {
    std::fprintf(stderr, "parley queue: cannot write to standard output: %s\n", std::strerror(errno));
    return kFailed;
  }
  return kOk;
}

// [SECTION] assign ----------------------------------------------------------------------------------------------------

// The journal file's text and its journal; an absent file is an empty journal. nullopt after printing why.
std::optional<std::pair<std::string, parley::Journal>> read_journal_or_none(const std::string& file, int& rc) {
  if (!std::filesystem::exists(file)) return std::pair<std::string, parley::Journal>{};
  std::string text;
  std::optional<parley::Journal> journal = read_journal(file, rc, &text);
  if (!journal) return std::nullopt;
  return std::pair<std::string, parley::Journal>{std::move(text), std::move(*journal)};
}

// Appends the events' lines to the journal file's text and writes it through FILE.tmp.
bool append_events(const std::string& file, std::string text, std::span<const parley::Event> events,
                   std::string_view command) {
  if (events.empty()) return true;
  if (!text.empty() && text.back() != '\n') text += '\n';
  for (const parley::Event& e : events) text += parley::save_event(e) + "\n";
  std::string error;
  if (write_file_atomically(file, text, error)) return true;
  std::fprintf(stderr, "parley %.*s: %s\n", static_cast<int>(command.size()), command.data(), error.c_str());
  return false;
}

int run_assign(std::span<char* const> args) {
  std::optional<std::string> targets;
  std::optional<std::string> to;
  std::optional<std::string> portfolio_file;
  std::optional<std::string> journal_file;
  std::string reason;
  std::optional<parley::Instant> at;
  CommandLine line;
  line.parser.positional("ACCOUNT", targets)
      .text("--to", to)
      .text("--portfolio", portfolio_file)
      .text("--journal", journal_file)
      .text("--reason", reason)
      .parsed("--at", at, "a UTC instant like 2026-03-08T13:30:00Z", parley::Instant::parse);
  if (const parley::Problems problems = line.parse(args); !problems.empty()) return usage_errors("assign", problems);
  if (line.help) return print_help();
  if (!targets) return usage_error("assign", "ACCOUNT: missing (parley assign ACCOUNT --to COLLECTOR ...)");
  if (!to || to->empty()) return usage_error("assign", "--to: missing (the collector's user id)");
  if (!portfolio_file) return usage_error("assign", "--portfolio: missing");
  if (!journal_file) return usage_error("assign", "--journal: missing (the JSON Lines file the events go to)");
  int rc = kUsage;
  const std::optional<parley::Portfolio> portfolio = read_portfolio(*portfolio_file, rc);
  if (!portfolio) return rc;
  std::optional<std::pair<std::string, parley::Journal>> journal = read_journal_or_none(*journal_file, rc);
  if (!journal) return rc;
  const parley::Author author{"assign", "parley-cli"};
  const parley::Instant now =
      at.value_or(parley::Instant::from_unix_seconds(static_cast<std::int64_t>(std::time(nullptr))));
  std::uint64_t sequence = journal->second.last_sequence(author.device);
  // The id: the device's sequence in the low half, the instant in the high half, so that ids never repeat.
  const std::uint64_t high = 0x0a55000000000000ULL | static_cast<std::uint64_t>(now.unix_seconds());
  std::vector<parley::Event> events;
  parley::Problems problems;
  for (std::size_t start = 0; start <= targets->size();) {
    const std::size_t comma = std::min(targets->find(',', start), targets->size());
    const std::string id = targets->substr(start, comma - start);
    start = comma + 1;
    if (id.empty()) continue;
    const auto known = std::find_if(portfolio->accounts.begin(), portfolio->accounts.end(),
                                    [&](const parley::Account& a) { return a.id == id; });
    if (known == portfolio->accounts.end()) {
      problems.push_back({"ACCOUNT", "no account '" + id + "' in " + *portfolio_file});
      continue;
    }
    ++sequence;
    events.push_back(parley::Event{parley::EventId::from_parts(high, sequence), id, author, now, sequence,
                                   parley::AccountAssigned{*to, reason}});
  }
  if (!problems.empty()) return usage_errors("assign", problems);
  if (!append_events(*journal_file, std::move(journal->first), events, "assign")) return kFailed;
  std::printf("assigned %zu %s to %s\n", events.size(), events.size() == 1 ? "account" : "accounts", to->c_str());
  return kOk;
}

// [SECTION] escalate --------------------------------------------------------------------------------------------------

// parley escalate: every escalation a strategy's rules find due at the instant, appended to the journal file as
// escalated events (all or none), and listed. Run again, it finds them recorded and appends nothing.
int run_escalate(std::span<char* const> args) {
  CommandLine line;
  const DeskOptions options(line);
  if (const parley::Problems problems = line.parse(args); !problems.empty()) return usage_errors("escalate", problems);
  if (line.help) return print_help();
  if (!options.portfolio_file) return usage_error("escalate", "--portfolio: missing");
  if (!options.journal_file) {
    return usage_error("escalate", "--journal: missing (the JSON Lines file the events go to)");
  }
  const std::optional<parley::Instant> at = options.instant();
  const std::string& journal_file = *options.journal_file;
  int rc = kUsage;
  const std::optional<parley::Portfolio> portfolio = read_portfolio(*options.portfolio_file, rc);
  if (!portfolio) return rc;
  std::optional<std::pair<std::string, parley::Journal>> journal = read_journal_or_none(journal_file, rc);
  if (!journal) return rc;
  const std::optional<parley::Assets> assets_read = read_strategy_assets(options.assets, rc);
  if (!assets_read) return rc;

  const parley::Author author{"escalation-rules", "parley-cli"};
  std::uint64_t sequence = journal->second.last_sequence(author.device);
  const std::uint64_t high = 0xe5ca000000000000ULL | static_cast<std::uint64_t>(at->unix_seconds());
  const parley::Date today = parley::agency_today(*portfolio, *at);
  std::vector<parley::Event> events;
  nlohmann::ordered_json listed = nlohmann::ordered_json::array();
  parley::Problems refused;
  for (const parley::Account& a : portfolio->accounts) {
    const parley::Strategy* strategy = assets_read->strategies.for_client(a.client_id);
    if (strategy == nullptr || strategy->escalation.empty()) continue;
    const parley::AccountState state =
        parley::fold(a, portfolio->find_client(a.client_id), journal->second.events_for(a.id), *at);
    const parley::DeskFacts facts = parley::desk_facts(state, today, *at, assets_read->calendars);
    const parley::EscalationRule* rule = parley::escalation_due(*strategy, facts, *at);
    if (rule == nullptr) continue;
    ++sequence;
    parley::Event e{parley::EventId::from_parts(high, sequence), a.id, author, *at, sequence,
                    parley::escalation_of(*rule)};
    for (const parley::Problem& p : parley::check_event(state, e, *at)) {
      refused.push_back({a.id + "." + p.path, p.message});
    }
    listed.push_back({{"account_id", a.id},
                      {"strategy", strategy->id},
                      {"rule", rule->id},
                      {"to", std::string(parley::to_string(rule->to))},
                      {"reason", rule->reason}});
    events.push_back(std::move(e));
  }
  if (!refused.empty()) return report_problems("escalate", refused);
  if (!append_events(journal_file, std::move(journal->first), events, "escalate")) return kFailed;
  nlohmann::ordered_json out;
  out["at"] = at->iso();
  out["today"] = today.iso();
  out["escalated"] = std::move(listed);
  if (!write_all(stdout, out.dump(2) + "\n")) {
    std::fprintf(stderr, "parley escalate: cannot write to standard output: %s\n", std::strerror(errno));
    return kFailed;
  }
  return kOk;
}

// [SECTION] goals -----------------------------------------------------------------------------------------------------

// parley goals: each collector's figures for the period of the agency's day, their goal and their commission.
int run_goals(std::span<char* const> args) {
  CommandLine line;
  const DeskOptions options(line);
  if (const parley::Problems problems = line.parse(args); !problems.empty()) return usage_errors("goals", problems);
  if (line.help) return print_help();
  if (!options.portfolio_file) return usage_error("goals", "--portfolio: missing");
  const std::optional<parley::Instant> at = options.instant();
  int rc = kUsage;
  const std::optional<parley::Portfolio> portfolio = read_portfolio(*options.portfolio_file, rc);
  if (!portfolio) return rc;
  const std::optional<parley::Journal> journal = read_journal_if_given(options.journal_file, rc);
  if (!journal) return rc;
  const std::optional<parley::Assets> assets_read = read_assets(options.assets, rc);
  if (!assets_read) return rc;
  parley::Problems goal_problems;
  for (const parley::Problem& p : assets_read->problems) {
    if (p.path.starts_with(parley::goals_folder)) goal_problems.push_back(p);
  }
  if (!assets_read->goals && goal_problems.empty()) {
    goal_problems.push_back({std::string(parley::goals_folder), "no goal plan in the assets folder"});
  }
  if (!goal_problems.empty()) return report_problems("--assets", goal_problems);
  const parley::GoalPlan& plan = *assets_read->goals;
  const parley::Date today = parley::agency_today(*portfolio, *at);
  const parley::DateRange period = parley::goal_period(plan.period, today);
  parley::PeriodNumbers numbers(period, today, plan.currency);
  for (const parley::Account& a : portfolio->accounts) {
    numbers.add(parley::fold(a, portfolio->find_client(a.client_id), journal->events_for(a.id), *at));
  }
  nlohmann::ordered_json out;
  out["at"] = at->iso();
  out["today"] = today.iso();
  out["plan"] = plan.id;
  out["currency"] = std::string(plan.currency.code());
  out["period"] = {{"kind", std::string(parley::to_string(plan.period))},
                   {"first", period.first.iso()},
                   {"last", period.last.iso()}};
  numbers.include_goals(plan);  // and those the plan gives a goal who have no figures yet
  nlohmann::ordered_json collectors = nlohmann::ordered_json::array();
  for (const auto& [collector, n] : numbers.collectors()) {
    collectors.push_back({{"collector", collector},
                          {"goal", plan.goal_of(collector).minor()},
                          {"collected", n.collected.minor()},
                          {"commission", parley::commission(plan.commission, n.collected).minor()},
                          {"payments", n.payments},
                          {"reversals", n.reversals},
                          {"promises", {{"made", n.promises_made},
                                        {"kept", n.promises_kept},
                                        {"broken", n.promises_broken}}}});
  }
  out["collectors"] = std::move(collectors);
  out["other_currency_payments"] = numbers.other_currency();
  out["no_collector_payments"] = numbers.no_collector();
  if (!write_all(stdout, out.dump(2) + "\n")) {
    std::fprintf(stderr, "parley goals: cannot write to standard output: %s\n", std::strerror(errno));
    return kFailed;
  }
  return kOk;
}

// [SECTION] payments --------------------------------------------------------------------------------------------------

// parley payments post FILE: the processor's payments appended to the journal file (FILE.tmp, then renamed), each
// payment once however often the file is posted; every refused line listed with its number.
int run_payments(std::span<char* const> all) {
  if (all.empty() || std::string_view(all[0]) != "post") {
    if (!all.empty() && (std::string_view(all[0]) == "--help" || std::string_view(all[0]) == "-h")) return print_help();
    return usage_error("payments", "post: missing (parley payments post FILE --portfolio FILE --journal FILE)");
  }
  const std::span<char* const> args = all.subspan(1);
  std::optional<std::string> file;
  std::optional<std::string> portfolio_file;
  std::optional<std::string> journal_file;
  std::string processor = "file";
  std::optional<parley::Instant> at;
  CommandLine line;
  line.parser.positional("FILE", file)
      .text("--portfolio", portfolio_file)
      .text("--journal", journal_file)
      .text("--processor", processor)
      .parsed("--at", at, "a UTC instant like 2026-03-08T13:30:00Z", parley::Instant::parse);
  if (const parley::Problems problems = line.parse(args); !problems.empty()) return usage_errors("payments", problems);
  if (line.help) return print_help();
  if (!file) return usage_error("payments", "FILE: missing (parley payments post FILE)");
  if (!portfolio_file) return usage_error("payments", "--portfolio: missing");
  if (!journal_file) return usage_error("payments", "--journal: missing (the JSON Lines file the payments go to)");
  if (processor.empty()) return usage_error("payments", "--processor: must not be empty");
  if (!at) at = parley::Instant::from_unix_seconds(static_cast<std::int64_t>(std::time(nullptr)));
  int rc = kUsage;
  const std::optional<parley::Portfolio> portfolio = read_portfolio(*portfolio_file, rc);
  if (!portfolio) return rc;
  std::optional<std::pair<std::string, parley::Journal>> held = read_journal_or_none(*journal_file, rc);
  if (!held) return rc;
  const parley::Journal& journal = held->second;
  parley::host::FileError error;
  const std::optional<std::string> text = parley::host::read_file(*file, error);
  if (!text) return report_problems(*file, {{"", "cannot read: " + error.reason}});
  const parley::PaymentFileRead read = parley::read_payment_file(*text);
  const parley::Author author{"payments-import", "parley-cli"};
  const parley::PaymentPosting posting = parley::post_payment_file(
      *portfolio, journal, read.lines, processor, author, *at, journal.last_sequence(author.device) + 1);
  if (!append_events(*journal_file, std::move(held->first), posting.events, "payments")) return kFailed;
  std::map<std::string, parley::Money> sums;
  for (const parley::Event& e : posting.events) {
    const parley::Money amount = std::get<parley::PaymentPosted>(e.payload).amount;
    const std::string code(amount.currency().code());
    const auto it = sums.find(code);
    if (it == sums.end()) {
      sums.emplace(code, amount);
    } else {
      it->second = it->second + amount;
    }
  }
  const std::size_t n = posting.events.size();
  std::string summary = "posted " + std::to_string(n) + (n == 1 ? " payment to " : " payments to ") + *journal_file;
  for (const auto& [code, sum] : sums) summary += ", " + parley::format_money(sum, parley::Locale::en_US);
  summary += "\nalready posted: " + std::to_string(posting.already_posted.size());
  summary += "\nrefused: " + std::to_string(read.problems.size() + posting.refused.size()) + "\n";
  parley::Problems refused = read.problems;
  refused.insert(refused.end(), posting.refused.begin(), posting.refused.end());
  std::stable_sort(refused.begin(), refused.end(), [](const parley::Problem& a, const parley::Problem& b) {
    const auto number = [](const std::string& path) {
      return path.rfind("line ", 0) == 0 ? std::stoul(path.substr(5)) : 0UL;
    };
    return number(a.path) < number(b.path);
  });
  for (const parley::Problem& p : refused) summary += "  " + *file + ": " + p.text() + "\n";
  if (!write_all(stdout, summary)) return kFailed;
  return refused.empty() ? kOk : kFailed;
}

}  // namespace

// [SECTION] main ------------------------------------------------------------------------------------------------------

int main(int argc, char** argv) {
  const std::span<char* const> all(argv, static_cast<std::size_t>(argc));
  if (argc < 2) {
    std::fwrite(kHelp.data(), 1, kHelp.size(), stderr);
    return kUsage;
  }
  const std::string_view command = argv[1];
  const std::span<char* const> rest = all.subspan(2);
  if (command == "help" || command == "--help" || command == "-h") return print_help();
  if (command == "demo") return run_demo(rest);
  if (command == "validate") return run_validate(rest);
  if (command == "quote") return run_quote(rest);
  if (command == "check") return run_check(rest);
  if (command == "account") return run_account(rest);
  if (command == "queue") return run_queue(rest);
  if (command == "escalate") return run_escalate(rest);
  if (command == "goals") return run_goals(rest);
  if (command == "payments") return run_payments(rest);
  if (command == "assign") return run_assign(rest);
  return usage_error(command, "unknown command (commands: demo, validate, quote, check, account, queue, assign, "
                              "escalate, goals, payments, help)");
}
