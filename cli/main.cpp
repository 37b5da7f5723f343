// parley: the command-line tool.
//
// Index of this file:
// [SECTION] Usage       help texts and exit codes
// [SECTION] Arguments   flag parsing with errors that name the flag
// [SECTION] Files       whole-file read; write through FILE.tmp and rename
// [SECTION] demo        parley demo --accounts N --seed S [--as-of YYYY-MM-DD] [--indent N] [--out FILE]
// [SECTION] validate    parley validate FILE
// [SECTION] quote       parley quote REQUEST.json [--calendar FILE] [--assets DIR] [--locale TAG]
// [SECTION] check       parley check ACCOUNT_OR_FILE [--channel C] [--at INSTANT] [--portfolio FILE] [--journal FILE]
//                       [--party ID] [--to NUMBER] [--assets DIR]
// [SECTION] main        command dispatch
//
// Exit codes: 0 success; 1 the work failed (invalid portfolio, unreadable or unwritable file; a quote the policy
// forbids; a contact that is blocked); 2 bad usage (for quote and check: also input that does not load).

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <initializer_list>
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
#include "parley/journal/journal_json.h"
#include "parley/plans/plan.h"
#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"
#include "parley/portfolio_json.h"
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
    "               [--party ID] [--to NUMBER] [--assets DIR]\n"
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
    "      --assets DIR      the assets folder: rules/*.json and calendars/US-FEDERAL.json\n"
    "  parley help | parley --help | parley COMMAND --help\n"
    "\n"
    "Exit codes: 0 success (check: allowed), 1 invalid portfolio, file error, policy violation or a blocked\n"
    "contact, 2 bad usage or bad input.\n";

int usage_error(std::string_view command, const std::string& message) {
  std::fprintf(stderr, "parley %.*s: %s\n(run 'parley help' for usage)\n", static_cast<int>(command.size()),
               command.data(), message.c_str());
  return kUsage;
}

// [SECTION] Arguments -------------------------------------------------------------------------------------------------

// Flags of one command as "--name value" or "--name=value"; the first error met is kept and names the flag.
class FlagReader {
 public:
  explicit FlagReader(std::span<char* const> args) {
    for (char* a : args) args_.emplace_back(a);
  }

  // Steps to the next argument; false at the end. `flag()` is then the flag name (with "--").
  bool next() {
    if (pos_ >= args_.size()) return false;
    std::string_view arg = args_[pos_++];
    inline_value_.reset();
    const std::size_t eq = arg.find('=');
    if (arg.starts_with("--") && eq != std::string_view::npos) {
      inline_value_ = std::string(arg.substr(eq + 1));
      arg = arg.substr(0, eq);
    }
    flag_ = std::string(arg);
    return true;
  }

  const std::string& flag() const { return flag_; }
  bool is_flag() const { return flag_.starts_with("-") && flag_ != "-"; }

  std::optional<std::string> value() {  // the flag's value; sets the error when it is missing
    if (inline_value_) return inline_value_;
    if (pos_ >= args_.size()) {
      fail(flag_ + ": needs a value");
      return std::nullopt;
    }
    return std::string(args_[pos_++]);
  }

  bool is_help() const { return flag_ == "--help" || flag_ == "-h"; }

  // Whether the argument is positional (not a flag): the first is kept in `slot`, a second one is an error naming
  // `what` ("REQUEST.json").
  bool positional(std::optional<std::string>& slot, std::string_view what) {
    if (is_flag()) return false;
    if (slot)
      fail("expected one " + std::string(what) + ", got a second: '" + flag_ + "'");
    else
      slot = flag_;
    return true;
  }

  // Whether the flag is one of `names`; an unknown flag is an error.
  bool known(std::initializer_list<std::string_view> names) {
    for (const std::string_view name : names) {
      if (flag_ == name) return true;
    }
    fail(flag_ + ": unknown flag");
    return false;
  }

  void fail(std::string message) {
    if (!error_) error_ = std::move(message);
  }
  const std::optional<std::string>& error() const { return error_; }

 private:
  std::vector<std::string_view> args_;
  std::size_t pos_ = 0;
  std::string flag_;
  std::optional<std::string> inline_value_;
  std::optional<std::string> error_;
};

template <class Int>
std::optional<Int> parse_integer(std::string_view text) {
  Int value{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc{} || ptr != end) return std::nullopt;
  return value;
}

// [SECTION] Files -----------------------------------------------------------------------------------------------------

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    error = "read error";
    return std::nullopt;
  }
  return text;
}

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
  FlagReader reader(args);
  while (!reader.error() && reader.next()) {
    const std::string flag = reader.flag();
    if (reader.is_help()) {
      std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
      return kOk;
    }
    if (!reader.is_flag()) {
      reader.fail("unexpected argument '" + flag + "'");
      break;
    }
    if (!reader.known({"--accounts", "--seed", "--as-of", "--indent", "--out"})) break;
    const std::optional<std::string> value = reader.value();
    if (!value) break;
    if (flag == "--accounts") {
      const auto n = parse_integer<int>(*value);
      if (!n)
        reader.fail("--accounts: expected a whole number, got '" + *value + "'");
      else
        settings.accounts = *n;
    } else if (flag == "--seed") {
      const auto n = parse_integer<std::uint64_t>(*value);
      if (!n)
        reader.fail("--seed: expected an unsigned 64-bit integer, got '" + *value + "'");
      else
        settings.seed = *n;
    } else if (flag == "--as-of") {
      const auto d = parley::Date::parse(*value);
      if (!d)
        reader.fail("--as-of: expected a date YYYY-MM-DD, got '" + *value + "'");
      else
        settings.as_of = *d;
    } else if (flag == "--indent") {
      const auto n = parse_integer<int>(*value);
      if (!n || *n < 0 || *n > 8)
        reader.fail("--indent: expected 0 to 8, got '" + *value + "'");
      else
        indent = *n;
    } else {
      if (value->empty())
        reader.fail("--out: expected a file name");
      else
        out = *value;
    }
  }
  if (reader.error()) return usage_error("demo", *reader.error());
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
  for (char* raw : args) {
    const std::string_view arg = raw;
    if (arg == "--help" || arg == "-h") {
      std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
      return kOk;
    }
    if (arg.starts_with("-") && arg != "-")
      return usage_error("validate", std::string(arg) + ": unknown flag");
    if (file) return usage_error("validate", "expected one FILE, got a second: '" + std::string(arg) + "'");
    file = std::string(arg);
  }
  if (!file) return usage_error("validate", "FILE: missing (parley validate FILE)");

  std::string error;
  const std::optional<std::string> text = read_file(*file, error);
  if (!text) {
    std::fprintf(stdout, "%s: cannot read: %s\n", file->c_str(), error.c_str());
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
  FlagReader reader(args);
  while (!reader.error() && reader.next()) {
    const std::string flag = reader.flag();
    if (reader.is_help()) {
      std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
      return kOk;
    }
    if (reader.positional(request_file, "REQUEST.json")) continue;
    if (!reader.known({"--calendar", "--assets", "--locale"})) break;
    const std::optional<std::string> value = reader.value();
    if (!value) break;
    if (value->empty()) {
      reader.fail(flag + ": expected a value");
    } else if (flag == "--calendar") {
      calendar_file = *value;
    } else if (flag == "--assets") {
      assets = *value;
    } else {
      const std::optional<parley::Locale> found = parley::find_locale(*value);
      if (!found)
        reader.fail("--locale: expected en-US, en-GB or fr-FR, got '" + *value + "'");
      else
        locale = *found;
    }
  }
  if (reader.error()) return usage_error("quote", *reader.error());
  if (!request_file) return usage_error("quote", "REQUEST.json: missing (parley quote REQUEST.json)");

  std::string error;
  const std::optional<std::string> text = read_file(*request_file, error);
  if (!text) return report_problems(*request_file, {{"", "cannot read: " + error}});
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
    const std::optional<std::string> calendar_text = read_file(*calendar_file, error);
    if (!calendar_text) return report_problems(*calendar_file, {{"", "cannot read: " + error}});
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

// [SECTION] check -----------------------------------------------------------------------------------------------------

// Loads every ASSETS/rules/*.json in name order into the book (a pack that does not load is kept as failed, so
// check() blocks), and the US-FEDERAL holiday calendar when there is one. False with `error` set when the rules
// folder cannot be listed.
bool load_rule_book(const std::string& assets, parley::RuleBook& book, std::string& error) {
  namespace fs = std::filesystem;
  const fs::path rules = fs::path(assets) / "rules";
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(rules, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec) {
    error = rules.string() + ": cannot list: " + ec.message();
    return false;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const std::string source = "rules/" + f.filename().string();
    std::string read_error;
    const std::optional<std::string> text = read_file(f.string(), read_error);
    if (!text) {
      book.failed.push_back({source, "cannot read: " + read_error});
      continue;
    }
    book.add(source, *text);
  }
  const fs::path holidays = fs::path(assets) / "calendars" / "US-FEDERAL.json";
  if (fs::exists(holidays, ec)) {
    std::string read_error;
    const std::optional<std::string> text = read_file(holidays.string(), read_error);
    if (!text) {
      error = holidays.string() + ": cannot read: " + read_error;
      return false;
    }
    parley::CalendarLoad loaded = parley::load_calendar(*text);
    if (!loaded.calendar) {
      error = holidays.string() + ": " + (loaded.problems.empty() ? "does not load" : loaded.problems[0].text());
      return false;
    }
    book.holidays = std::move(loaded.calendar);
  }
  return true;
}

int run_check(std::span<char* const> args) {
  std::optional<std::string> target;
  std::optional<std::string> portfolio_file;
  std::optional<std::string> journal_file;
  std::optional<std::string> party_id;
  std::string to;
  std::string assets = PARLEY_ASSETS_DIR;
  parley::ContactChannel channel = parley::ContactChannel::phone;
  std::optional<parley::Instant> at;
  FlagReader reader(args);
  while (!reader.error() && reader.next()) {
    const std::string flag = reader.flag();
    if (reader.is_help()) {
      std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
      return kOk;
    }
    if (reader.positional(target, "ACCOUNT_OR_FILE")) continue;
    if (!reader.known({"--channel", "--at", "--portfolio", "--journal", "--party", "--to", "--assets"})) break;
    const std::optional<std::string> value = reader.value();
    if (!value) break;
    if (value->empty()) {
      reader.fail(flag + ": expected a value");
    } else if (flag == "--channel") {
      const std::optional<parley::ContactChannel> c = parley::parse_contact_channel(*value);
      if (!c)
        reader.fail("--channel: expected phone, sms, email, letter or in-person, got '" + *value + "'");
      else
        channel = *c;
    } else if (flag == "--at") {
      at = parley::Instant::parse(*value);
      if (!at) reader.fail("--at: expected a UTC instant like 2026-03-08T13:30:00Z, got '" + *value + "'");
    } else if (flag == "--portfolio") {
      portfolio_file = *value;
    } else if (flag == "--journal") {
      journal_file = *value;
    } else if (flag == "--party") {
      party_id = *value;
    } else if (flag == "--to") {
      to = *value;
    } else {
      assets = *value;
    }
  }
  if (reader.error()) return usage_error("check", *reader.error());
  if (!target) return usage_error("check", "ACCOUNT_OR_FILE: missing (parley check ACCOUNT_OR_FILE)");
  if (!at) at = parley::Instant::from_unix_seconds(static_cast<std::int64_t>(std::time(nullptr)));

  // The portfolio and the account.
  const std::string file = portfolio_file.value_or(*target);
  std::string error;
  const std::optional<std::string> text = read_file(file, error);
  if (!text) return report_problems(file, {{"", "cannot read: " + error}});
  const parley::PortfolioLoad load = parley::load_portfolio(*text);
  if (!load.portfolio) return report_problems(file, load.problems);
  const parley::Portfolio& portfolio = *load.portfolio;
  const parley::Account* account = nullptr;
  if (portfolio_file) {
    for (const parley::Account& a : portfolio.accounts) {
      if (a.id == *target) account = &a;
    }
    if (account == nullptr) return usage_error("check", "ACCOUNT: no account '" + *target + "' in " + file);
  } else if (portfolio.accounts.size() != 1) {
    return usage_error("check", file + ": holds " + std::to_string(portfolio.accounts.size()) +
                                    " accounts; name one: parley check ACCOUNT --portfolio " + file);
  } else {
    account = &portfolio.accounts[0];
  }
  const parley::Party* party = nullptr;
  if (party_id) {
    for (const parley::Party& p : account->parties) {
      if (p.id == *party_id) party = &p;
    }
    if (party == nullptr) return usage_error("check", "--party: no party '" + *party_id + "' on account " + account->id);
  } else {
    party = account->debtor();
    if (party == nullptr) return usage_error("check", "account " + account->id + " has no debtor: pass --party ID");
  }

  if (!to.empty() && (channel == parley::ContactChannel::phone || channel == parley::ContactChannel::sms) &&
      std::none_of(party->phones.begin(), party->phones.end(), [&](const parley::Phone& p) { return p.number == to; })) {
    return usage_error("check", "--to: party " + party->id + " has no phone " + to);
  }

  // The journal.
  parley::Journal journal;
  if (journal_file) {
    const std::optional<std::string> lines = read_file(*journal_file, error);
    if (!lines) return report_problems(*journal_file, {{"", "cannot read: " + error}});
    parley::JournalLoad loaded = parley::load_journal(*lines);
    if (!loaded.journal) return report_problems(*journal_file, loaded.problems);
    journal = std::move(*loaded.journal);
  }

  // The rules.
  parley::RuleBook book;
  if (!load_rule_book(assets, book, error)) return report_problems("--assets", {{"", error}});

  // The account's fold, and those of the consumer's other accounts for the rules counted per consumer.
  const auto fold_of = [&](const parley::Account& a) {
    return parley::fold(a, portfolio.find_client(a.client_id), journal.events_for(a.id));
  };
  const parley::AccountState state = fold_of(*account);
  std::vector<parley::AccountState> other_states;
  for (const std::string& id : parley::same_consumer_accounts(portfolio, *account)) {
    for (const parley::Account& a : portfolio.accounts) {
      if (a.id == id) other_states.push_back(fold_of(a));
    }
  }
  std::vector<const parley::AccountState*> others;
  for (const parley::AccountState& s : other_states) others.push_back(&s);
  const parley::Decision decision = parley::check(state, *party, channel, to, *at, book, others);

  nlohmann::ordered_json out;
  out["account_id"] = account->id;
  out["party_id"] = party->id;
  out["channel"] = std::string(parley::to_string(channel));
  out["at"] = at->iso();
  out["allowed"] = decision.allowed;
  nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
  for (const parley::Reason& r : decision.reasons) {
    reasons.push_back({{"rule_id", r.rule_id}, {"words", r.words}, {"citation", r.citation}});
  }
  out["reasons"] = std::move(reasons);
  const std::vector<parley::TimeZone> zones = parley::candidate_zones(*state.party(party->id));
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
  if (command == "help" || command == "--help" || command == "-h") {
    std::fwrite(kHelp.data(), 1, kHelp.size(), stdout);
    return kOk;
  }
  if (command == "demo") return run_demo(rest);
  if (command == "validate") return run_validate(rest);
  if (command == "quote") return run_quote(rest);
  if (command == "check") return run_check(rest);
  return usage_error(command, "unknown command (commands: demo, validate, quote, check, help)");
}
