// A processor's file of payments: reading (CSV or JSON) and posting (see parley/payments/payment_file.h).
//
// Index of this file:
// [SECTION] Reading
// [SECTION] Posting
#include "parley/payments/payment_file.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "parley/account/account.h"
#include "parley/money.h"

namespace parley {

// [SECTION] Reading -------------------------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 6> kColumns = {"account_id", "amount", "currency", "date", "method",
                                                      "reference"};

std::string* field_of(PaymentFileLine& line, std::size_t column) {
  switch (column) {
    case 0: return &line.account_id;
    case 1: return &line.amount;
    case 2: return &line.currency;
    case 3: return &line.date;
    case 4: return &line.method;
    default: return &line.reference;
  }
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view blank = " \t\r";
  const std::size_t first = text.find_first_not_of(blank);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blank) + 1 - first);
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const std::size_t comma = line.find(',', start);
    out.push_back(trim(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
    if (comma == std::string_view::npos) return out;
    start = comma + 1;
  }
}

std::string at_line(std::size_t n) { return "line " + std::to_string(n); }

PaymentFileRead read_csv(std::string_view text) {
  PaymentFileRead out;
  std::array<std::size_t, kColumns.size()> column_of{};  // file column of each of kColumns
  std::size_t columns = 0;
  bool header = true;
  std::size_t n = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = trim(text.substr(start, end - start));
    start = end + 1;
    ++n;
    if (line.empty()) continue;
    const std::vector<std::string_view> fields = split(line);
    if (header) {
      header = false;
      columns = fields.size();
      std::array<bool, kColumns.size()> seen{};
      for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto known = std::find(kColumns.begin(), kColumns.end(), fields[i]);
        if (known == kColumns.end()) {
          out.problems.push_back({at_line(n), "column \"" + std::string(fields[i]) + "\" is not one of account_id, "
                                                                                     "amount, currency, date, method, "
                                                                                     "reference"});
          continue;
        }
        const std::size_t k = static_cast<std::size_t>(known - kColumns.begin());
        if (seen[k]) out.problems.push_back({at_line(n), "column " + std::string(fields[i]) + " is named twice"});
        seen[k] = true;
        column_of[k] = i;
      }
      for (std::size_t k = 0; k < kColumns.size(); ++k) {
        if (!seen[k]) out.problems.push_back({at_line(n), "the header lacks the column " + std::string(kColumns[k])});
      }
      if (!out.problems.empty()) return out;  // no line can be read without its columns
      continue;
    }
    if (fields.size() != columns) {
      out.problems.push_back({at_line(n), "has " + std::to_string(fields.size()) + " fields; the header names " +
                                              std::to_string(columns)});
      continue;
    }
    if (line.find('"') != std::string_view::npos) {
      out.problems.push_back({at_line(n), "holds a quote mark: fields are not quoted (docs/payments.md)"});
      continue;
    }
    PaymentFileLine p;
    p.line = n;
    for (std::size_t k = 0; k < kColumns.size(); ++k) *field_of(p, k) = std::string(fields[column_of[k]]);
    out.lines.push_back(std::move(p));
  }
  if (header) out.problems.push_back({at_line(1), "the file is empty: a header line is expected"});
  return out;
}

PaymentFileRead read_json(std::string_view text) {
  PaymentFileRead out;
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_array()) {
    out.problems.push_back({"", "must be a JSON array of payments (docs/payments.md)"});
    return out;
  }
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const nlohmann::json& item = doc[i];
    const std::size_t n = i + 1;
    if (!item.is_object()) {
      out.problems.push_back({at_line(n), "must be an object"});
      continue;
    }
    PaymentFileLine p;
    p.line = n;
    bool ok = true;
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      const auto member = item.find(std::string(kColumns[k]));
      if (member == item.end() || !member->is_string()) {
        out.problems.push_back({at_line(n), std::string(kColumns[k]) + " must be a string"});
        ok = false;
        continue;
      }
      *field_of(p, k) = member->get<std::string>();
    }
    for (const auto& [key, value] : item.items()) {
      if (std::find(kColumns.begin(), kColumns.end(), key) == kColumns.end()) {
        out.problems.push_back({at_line(n), key + " is not a member of a payment"});
        ok = false;
      }
    }
    if (ok) out.lines.push_back(std::move(p));
  }
  return out;
}

}  // namespace

PaymentFileRead read_payment_file(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '[') return read_json(text);
  return read_csv(text);
}

// [SECTION] Posting -------------------------------------------------------------------------------------------

EventId payment_event_id(std::string_view processor, std::string_view reference) {
  // FNV-1a over "processor\npayment\nreference", twice with different offsets: 128 bits that name the payment.
  const auto fnv = [&](std::uint64_t hash) {
    const auto add = [&](std::string_view part) {
      for (const char c : part) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
      }
      hash ^= 0x0a;
      hash *= 0x100000001b3ULL;
    };
    add(processor);
    add("payment");
    add(reference);
    return hash;
  };
  return EventId::from_parts(fnv(0xcbf29ce484222325ULL), fnv(0x84222325cbf29ce4ULL));
}

PaymentPosting post_payment_file(const Portfolio& portfolio, const Journal& journal,
                                 std::span<const PaymentFileLine> lines, std::string_view processor,
                                 const Author& author, Instant now, std::uint64_t first_sequence) {
  PaymentPosting out;
  std::unordered_map<std::string_view, const Account*> accounts;
  accounts.reserve(portfolio.accounts.size());
  for (const Account& a : portfolio.accounts) accounts.emplace(a.id, &a);
  std::unordered_map<std::string_view, AccountState> folds;   // the accounts posted to, with this file's lines
  std::unordered_map<std::string_view, std::size_t> references;  // reference -> first line giving it
  std::uint64_t sequence = first_sequence;
  const Date today = agency_today(portfolio, now);
  for (const PaymentFileLine& line : lines) {
    const std::string where = at_line(line.line);
    const auto refuse = [&](std::string message) { out.refused.push_back({where, std::move(message)}); };
    if (line.reference.empty()) {
      refuse("reference is empty: each payment needs the processor's id");
      continue;
    }
    if (line.reference.size() > max_payment_reference_bytes) {
      refuse("reference is longer than " + std::to_string(max_payment_reference_bytes) + " bytes");
      continue;
    }
    const auto [first, fresh] = references.emplace(line.reference, line.line);
    if (!fresh) {
      refuse("reference " + line.reference + " repeats line " + std::to_string(first->second));
      continue;
    }
    const EventId id = payment_event_id(processor, line.reference);
    if (journal.find(id) != nullptr) {
      out.already_posted.push_back(line.line);
      continue;
    }
    const auto account = accounts.find(line.account_id);
    if (account == accounts.end()) {
      refuse("account " + line.account_id + " is not in the portfolio");
      continue;
    }
    const Account& a = *account->second;
    const std::optional<Currency> currency = Currency::find(line.currency);
    if (!currency) {
      refuse("currency " + line.currency + " is not an ISO 4217 code Parley knows");
      continue;
    }
    if (*currency != a.currency) {
      refuse("currency " + line.currency + ": account " + a.id + " is in " + std::string(a.currency.code()));
      continue;
    }
    const std::optional<Money> amount = parse_decimal(line.amount, a.currency);
    if (!amount || amount->minor() <= 0) {
      refuse("amount " + line.amount + " must be more than zero, in " + std::string(a.currency.code()) +
             " such as 125.00");
      continue;
    }
    const std::optional<Date> date = Date::parse(line.date);
    if (!date) {
      refuse("date " + line.date + " must be the day the payment was made, as YYYY-MM-DD");
      continue;
    }
    if (today < *date) {
      refuse("date " + line.date + " is after today, " + today.iso());
      continue;
    }
    const std::optional<PaymentMethod> method = parse_payment_method(line.method);
    if (!method) {
      refuse("method " + line.method + " must be card, bank-transfer or cheque");
      continue;
    }
    auto fold_at = folds.find(a.id);
    if (fold_at == folds.end()) {
      fold_at = folds.emplace(a.id, fold(a, portfolio.find_client(a.client_id), journal.events_for(a.id))).first;
    }
    AccountState& state = fold_at->second;
    PaymentPosted paid;
    paid.amount = *amount;
    paid.date = *date;
    paid.method = *method;
    paid.allocation = allocate(state.balance.owed, *amount, state.waterfall());
    paid.receipt = line.reference;
    Event event{id, a.id, author, now, sequence, std::move(paid)};
    const Problems problems = check_event(state, event, now);
    if (!problems.empty()) {
      for (const Problem& p : problems) refuse(p.text());
      continue;
    }
    apply(state, event);
    ++sequence;
    out.events.push_back(std::move(event));
    out.posted_lines.push_back(line.line);
  }
  return out;
}

}  // namespace parley
