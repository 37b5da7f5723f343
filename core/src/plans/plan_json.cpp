// JSON forms of plan requests, quotes and policy checks (nlohmann/json read without exceptions, JsonWriter out),
// and the disclosure text.
//
// Index of this file:
// [SECTION] Reader        typed reads of a parsed document, with problems naming JSON paths
// [SECTION] Request       read and write
// [SECTION] Quote         read and write
// [SECTION] Check         write
// [SECTION] Disclosure
#include "parley/plans/plan_json.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <utility>

#include "json_writer.h"
#include "words.h"
#include "json_text.h"
#include "parley/secret.h"

namespace parley::plans {
namespace {

using Json = nlohmann::json;
using json::JsonWriter;


// [SECTION] Reader --------------------------------------------------------------------------------------------

std::string join(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : path + "." + std::string(name);
}

class Reader {
 public:
  explicit Reader(Problems& problems) : problems_(problems) {}

  void add(std::string path, std::string message) { problems_.push_back({std::move(path), std::move(message)}); }

  // Whether `v` is an object; reports unknown members against `known`.
  bool object(const Json& v, const std::string& path, std::initializer_list<std::string_view> known) {
    if (!v.is_object()) {
      add(path, "must be an object");
      return false;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      bool listed = false;
      for (std::string_view name : known) listed = listed || name == it.key();
      if (!listed) add(join(path, it.key()), "unknown member");
    }
    return true;
  }

  // The member `name`, or null (reported when required).
  const Json* member(const Json& obj, const std::string& path, std::string_view name, bool required = true) {
    const auto it = obj.find(std::string(name));
    if (it == obj.end()) {
      if (required) add(join(path, name), "is missing");
      return nullptr;
    }
    return &*it;
  }

  std::optional<std::int64_t> integer(const Json& v, const std::string& path, std::int64_t min, std::int64_t max) {
    std::int64_t value = 0;
    if (v.is_number_unsigned()) {
      const auto u = v.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        add(path, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
      }
      value = static_cast<std::int64_t>(u);
    } else if (v.is_number_integer()) {
      value = v.get<std::int64_t>();
    } else {
      add(path, "must be an integer");
      return std::nullopt;
    }
    if (value < min || value > max) {
      add(path, "must be between " + std::to_string(min) + " and " + std::to_string(max));
      return std::nullopt;
    }
    return value;
  }

  std::optional<int> small(const Json& v, const std::string& path) {
    const auto value = integer(v, path, -1000000000, 1000000000);
    if (!value) return std::nullopt;
    return static_cast<int>(*value);
  }

  std::optional<std::string> string(const Json& v, const std::string& path) {
    if (!v.is_string()) {
      add(path, "must be a string");
      return std::nullopt;
    }
    return v.get<std::string>();
  }

  std::optional<Date> date(const Json& v, const std::string& path) {
    const auto s = string(v, path);
    if (!s) return std::nullopt;
    const auto d = Date::parse(*s);
    if (!d) add(path, "must be a date \"YYYY-MM-DD\"");
    return d;
  }

  std::optional<Money> amount(const Json& v, const std::string& path, Currency currency) {
    const auto value = integer(v, path, -json_text::max_exact_integer, json_text::max_exact_integer);
    if (!value) return std::nullopt;
    return Money(*value, currency);
  }

  template <typename E, typename Parse>
  std::optional<E> spelling(const Json& v, const std::string& path, Parse parse, std::string_view what) {
    const auto s = string(v, path);
    if (!s) return std::nullopt;
    const std::optional<E> e = parse(*s);
    if (!e) add(path, "is not a known " + std::string(what));
    return e;
  }

  // Reads member `name` into `out` with `read(value, path)`; keeps `out` when absent and not required.
  template <typename T, typename Read>
  void field(const Json& obj, const std::string& path, std::string_view name, T& out, Read read,
             bool required = true) {
    const Json* v = member(obj, path, name, required);
    if (v == nullptr) return;
    auto value = read(*v, join(path, name));
    if (value) out = std::move(*value);
  }

 private:
  Problems& problems_;
};

// [SECTION] Request -------------------------------------------------------------------------------------------

void write_policy(JsonWriter& w, const Policy& p) {
  w.begin_object();
  w.key("max_term_months");
  w.integer(p.max_term_months);
  w.key("min_instalment");
  w.integer(p.min_instalment.minor());
  w.key("min_down_payment_bp");
  w.integer(p.min_down_payment_bp);
  w.key("allowed_frequencies");
  w.begin_array();
  for (Frequency f : p.allowed_frequencies) w.string(to_string(f));
  w.end_array();
  w.key("max_interest_rate_bp");
  w.integer(p.max_interest_rate_bp);
  w.key("max_setup_fee");
  w.integer(p.max_setup_fee.minor());
  w.key("convenience_fees");
  w.begin_array();
  for (const ConvenienceFee& f : p.convenience_fees) {
    w.begin_object();
    w.key("method");
    w.string(to_string(f.method));
    w.key("max_fee");
    w.integer(f.max_fee.minor());
    w.end_object();
  }
  w.end_array();
  w.key("settlement_floor_bp");
  w.integer(p.settlement_floor_bp);
  w.key("collector_below_floor_bp");
  w.integer(p.collector_below_floor_bp);
  w.key("supervisor_below_floor_bp");
  w.integer(p.supervisor_below_floor_bp);
  w.key("max_settlement_payments");
  w.integer(p.max_settlement_payments);
  w.key("supervisor_term_months");
  w.integer(p.supervisor_term_months);
  w.key("waterfall");
  w.begin_array();
  for (BalancePart part : p.waterfall) w.string(to_string(part));
  w.end_array();
  w.end_object();
}

void write_request(JsonWriter& w, const PlanRequest& r) {
  w.begin_object();
  w.key("format");
  w.string(request_format);
  w.key("currency");
  w.string(r.currency.code());
  w.key("today");
  w.string(r.today.iso());
  w.key("balance");
  w.begin_object();
  w.key("itemisation_date");
  w.string(r.balance.itemisation_date.iso());
  w.key("principal");
  w.integer(r.balance.principal.minor());
  w.key("interest");
  w.integer(r.balance.interest.minor());
  w.key("fees");
  w.integer(r.balance.fees.minor());
  w.key("payments");
  w.integer(r.balance.payments.minor());
  w.key("credits");
  w.integer(r.balance.credits.minor());
  w.end_object();
  w.key("policy");
  write_policy(w, r.policy);
  w.key("payment_method");
  w.string(to_string(r.method));
  w.key("convenience_fee");
  w.integer(r.convenience_fee.minor());
  w.key("day_roll");
  w.string(to_string(r.day_roll));
  w.key("calendar");
  w.string(r.calendar_id);
  if (r.plan) {
    const InstalmentTerms& t = *r.plan;
    w.key("plan");
    w.begin_object();
    w.key("down_payment");
    w.integer(t.down_payment.minor());
    if (t.instalments) {
      w.key("instalments");
      w.integer(*t.instalments);
    }
    if (t.instalment_amount) {
      w.key("instalment_amount");
      w.integer(t.instalment_amount->minor());
    }
    w.key("frequency");
    w.string(to_string(t.frequency));
    w.key("first_payment");
    w.string(t.first_payment.iso());
    w.key("interest");
    w.string(to_string(t.interest));
    w.key("annual_rate_bp");
    w.integer(t.annual_rate_bp);
    w.key("setup_fee");
    w.integer(t.setup_fee.minor());
    w.end_object();
  }
  if (r.settlement) {
    const SettlementTerms& s = *r.settlement;
    w.key("settlement");
    w.begin_object();
    w.key("amount");
    w.integer(s.amount.minor());
    w.key("payments");
    w.integer(s.payments);
    w.key("frequency");
    w.string(to_string(s.frequency));
    w.key("first_payment");
    w.string(s.first_payment.iso());
    w.end_object();
  }
  w.end_object();
}

Policy read_policy(Reader& rd, const Json& v, const std::string& path, Currency cur) {
  Policy p;
  if (!rd.object(v, path,
                 {"max_term_months", "min_instalment", "min_down_payment_bp", "allowed_frequencies",
                  "max_interest_rate_bp", "max_setup_fee", "convenience_fees", "settlement_floor_bp",
                  "collector_below_floor_bp", "supervisor_below_floor_bp", "max_settlement_payments",
                  "supervisor_term_months", "waterfall"})) {
    return p;
  }
  auto small = [&](const Json& x, const std::string& at) { return rd.small(x, at); };
  auto amount = [&](const Json& x, const std::string& at) { return rd.amount(x, at, cur); };
  rd.field(v, path, "max_term_months", p.max_term_months, small, false);
  rd.field(v, path, "min_instalment", p.min_instalment, amount, false);
  rd.field(v, path, "min_down_payment_bp", p.min_down_payment_bp, small, false);
  if (const Json* a = rd.member(v, path, "allowed_frequencies", false)) {
    const std::string at = join(path, "allowed_frequencies");
    if (!a->is_array()) {
      rd.add(at, "must be an array");
    } else {
      for (std::size_t k = 0; k < a->size(); ++k) {
        const auto f = rd.spelling<Frequency>((*a)[k], at + "[" + std::to_string(k) + "]", parse_frequency,
                                              "frequency");
        if (f) p.allowed_frequencies.push_back(*f);
      }
    }
  }
  rd.field(v, path, "max_interest_rate_bp", p.max_interest_rate_bp, small, false);
  rd.field(v, path, "max_setup_fee", p.max_setup_fee, amount, false);
  if (const Json* a = rd.member(v, path, "convenience_fees", false)) {
    const std::string at = join(path, "convenience_fees");
    if (!a->is_array()) {
      rd.add(at, "must be an array");
    } else {
      for (std::size_t k = 0; k < a->size(); ++k) {
        const std::string item = at + "[" + std::to_string(k) + "]";
        ConvenienceFee fee;
        if (!rd.object((*a)[k], item, {"method", "max_fee"})) continue;
        rd.field((*a)[k], item, "method", fee.method, [&](const Json& x, const std::string& p2) {
          return rd.spelling<PaymentMethod>(x, p2, parse_payment_method, "payment method");
        });
        rd.field((*a)[k], item, "max_fee", fee.max_fee, amount);
        p.convenience_fees.push_back(fee);
      }
    }
  }
  rd.field(v, path, "settlement_floor_bp", p.settlement_floor_bp, small, false);
  rd.field(v, path, "collector_below_floor_bp", p.collector_below_floor_bp, small, false);
  rd.field(v, path, "supervisor_below_floor_bp", p.supervisor_below_floor_bp, small, false);
  rd.field(v, path, "max_settlement_payments", p.max_settlement_payments, small, false);
  rd.field(v, path, "supervisor_term_months", p.supervisor_term_months, small, false);
  if (const Json* a = rd.member(v, path, "waterfall", false)) {
    const std::string at = join(path, "waterfall");
    if (!a->is_array()) {
      rd.add(at, "must be an array");
    } else {
      p.waterfall.clear();
      for (std::size_t k = 0; k < a->size(); ++k) {
        const auto part = rd.spelling<BalancePart>((*a)[k], at + "[" + std::to_string(k) + "]",
                                                   parse_balance_part, "balance part");
        if (part) p.waterfall.push_back(*part);
      }
    }
  }
  return p;
}

std::optional<Json> parse_document(std::string_view text, Problems& problems) {
  Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    problems.push_back({"", "not valid JSON"});
    return std::nullopt;
  }
  return doc;
}

void check_format(Reader& rd, const Json& doc, std::string_view format) {
  const Json* v = rd.member(doc, "", "format");
  if (v == nullptr) return;
  const auto s = rd.string(*v, "format");
  if (s && *s != format) rd.add("format", "must be \"" + std::string(format) + "\"");
}

Currency read_currency(Reader& rd, const Json& doc) {
  Currency cur;
  rd.field(doc, "", "currency", cur, [&](const Json& x, const std::string& at) -> std::optional<Currency> {
    const auto s = rd.string(x, at);
    if (!s) return std::nullopt;
    const auto c = Currency::find(*s);
    if (!c) rd.add(at, "is not a supported ISO 4217 currency");
    return c;
  });
  return cur;
}

// [SECTION] Quote ---------------------------------------------------------------------------------------------

void write_quote(JsonWriter& w, const Quote& q) {
  w.begin_object();
  w.key("format");
  w.string(quote_format);
  w.key("kind");
  w.string(to_string(q.kind));
  w.key("currency");
  w.string(q.currency.code());
  w.key("quote_date");
  w.string(q.quote_date.iso());
  w.key("frequency");
  w.string(to_string(q.frequency));
  w.key("payment_method");
  w.string(to_string(q.method));
  w.key("instalments");
  w.integer(q.instalments);
  w.key("regular_instalment");
  w.integer(q.regular_instalment.minor());
  w.key("final_instalment");
  w.integer(q.final_instalment.minor());
  w.key("term_months");
  w.integer(q.term_months);
  w.key("apr_thousandths");
  if (q.apr_thousandths) {
    w.integer(*q.apr_thousandths);
  } else {
    w.null();
  }
  const QuoteTotals& t = q.totals;
  w.key("totals");
  w.begin_object();
  const std::pair<std::string_view, Money> totals[] = {
      {"balance", t.balance},           {"down_payment", t.down_payment},
      {"amount_financed", t.amount_financed}, {"interest", t.interest},
      {"fees", t.fees},                 {"finance_charge", t.finance_charge},
      {"total_of_payments", t.total_of_payments}, {"total_paid", t.total_paid},
      {"forgiven", t.forgiven}};
  for (const auto& [name, value] : totals) {
    w.key(name);
    w.integer(value.minor());
  }
  w.end_object();
  w.key("schedule");
  w.begin_array();
  for (const ScheduleRow& row : q.schedule) {
    w.begin_object();
    w.key("number");
    w.integer(row.number);
    w.key("kind");
    w.string(to_string(row.kind));
    w.key("scheduled");
    w.string(row.scheduled.iso());
    w.key("due");
    w.string(row.due.iso());
    w.key("amount");
    w.integer(row.amount.minor());
    w.key("principal");
    w.integer(row.principal.minor());
    w.key("interest");
    w.integer(row.interest.minor());
    w.key("fees");
    w.integer(row.fees.minor());
    w.key("balance_after");
    w.integer(row.balance_after.minor());
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

RequestLoad load_request(std::string_view json_text) {
  RequestLoad out;
  const auto doc = parse_document(json_text, out.problems);
  if (!doc) return out;
  Reader rd(out.problems);
  if (!rd.object(*doc, "", {"format", "currency", "today", "balance", "policy", "payment_method",
                            "convenience_fee", "day_roll", "calendar", "plan", "settlement"})) {
    return out;
  }
  PlanRequest r;
  check_format(rd, *doc, request_format);
  r.currency = read_currency(rd, *doc);
  const Currency cur = r.currency;
  auto date = [&](const Json& x, const std::string& at) { return rd.date(x, at); };
  auto amount = [&](const Json& x, const std::string& at) { return rd.amount(x, at, cur); };
  auto small = [&](const Json& x, const std::string& at) { return rd.small(x, at); };
  auto frequency = [&](const Json& x, const std::string& at) {
    return rd.spelling<Frequency>(x, at, parse_frequency, "frequency");
  };
  rd.field(*doc, "", "today", r.today, date);
  if (const Json* b = rd.member(*doc, "", "balance")) {
    if (rd.object(*b, "balance", {"itemisation_date", "principal", "interest", "fees", "payments", "credits"})) {
      rd.field(*b, "balance", "itemisation_date", r.balance.itemisation_date, date);
      rd.field(*b, "balance", "principal", r.balance.principal, amount);
      rd.field(*b, "balance", "interest", r.balance.interest, amount);
      rd.field(*b, "balance", "fees", r.balance.fees, amount);
      rd.field(*b, "balance", "payments", r.balance.payments, amount);
      rd.field(*b, "balance", "credits", r.balance.credits, amount);
    }
  }
  if (const Json* p = rd.member(*doc, "", "policy")) r.policy = read_policy(rd, *p, "policy", cur);
  rd.field(*doc, "", "payment_method", r.method, [&](const Json& x, const std::string& at) {
    return rd.spelling<PaymentMethod>(x, at, parse_payment_method, "payment method");
  });
  rd.field(*doc, "", "convenience_fee", r.convenience_fee, amount, false);
  rd.field(*doc, "", "day_roll", r.day_roll, [&](const Json& x, const std::string& at) {
    return rd.spelling<DayRoll>(x, at, parse_day_roll, "day roll");
  }, false);
  rd.field(*doc, "", "calendar", r.calendar_id, [&](const Json& x, const std::string& at) {
    return rd.string(x, at);
  }, false);
  if (const Json* p = rd.member(*doc, "", "plan", false)) {
    InstalmentTerms t;
    if (rd.object(*p, "plan", {"down_payment", "instalments", "instalment_amount", "frequency", "first_payment",
                               "interest", "annual_rate_bp", "setup_fee"})) {
      rd.field(*p, "plan", "down_payment", t.down_payment, amount, false);
      if (const Json* n = rd.member(*p, "plan", "instalments", false)) {
        if (const auto v = rd.small(*n, "plan.instalments")) t.instalments = *v;
      }
      if (const Json* a = rd.member(*p, "plan", "instalment_amount", false)) {
        if (const auto v = rd.amount(*a, "plan.instalment_amount", cur)) t.instalment_amount = *v;
      }
      rd.field(*p, "plan", "frequency", t.frequency, frequency);
      rd.field(*p, "plan", "first_payment", t.first_payment, date);
      rd.field(*p, "plan", "interest", t.interest, [&](const Json& x, const std::string& at) {
        return rd.spelling<InterestMethod>(x, at, parse_interest_method, "interest method");
      }, false);
      rd.field(*p, "plan", "annual_rate_bp", t.annual_rate_bp, small, false);
      rd.field(*p, "plan", "setup_fee", t.setup_fee, amount, false);
    }
    r.plan = t;
  }
  if (const Json* s = rd.member(*doc, "", "settlement", false)) {
    SettlementTerms t;
    if (rd.object(*s, "settlement", {"amount", "payments", "frequency", "first_payment"})) {
      rd.field(*s, "settlement", "amount", t.amount, amount);
      rd.field(*s, "settlement", "payments", t.payments, small, false);
      rd.field(*s, "settlement", "frequency", t.frequency, frequency, false);
      rd.field(*s, "settlement", "first_payment", t.first_payment, date);
    }
    r.settlement = t;
  }
  if (!out.problems.empty()) return out;
  out.problems = validate_request(r);
  if (out.problems.empty()) out.request = std::move(r);
  return out;
}

std::string save_request(const PlanRequest& request, int indent) {
  JsonWriter w(indent);
  w.reserve(1024);
  write_request(w, request);
  return w.take();
}

QuoteLoad load_quote(std::string_view json_text) {
  QuoteLoad out;
  const auto doc = parse_document(json_text, out.problems);
  if (!doc) return out;
  Reader rd(out.problems);
  if (!rd.object(*doc, "", {"format", "kind", "currency", "quote_date", "frequency", "payment_method", "instalments",
                            "regular_instalment", "final_instalment", "term_months", "apr_thousandths", "totals",
                            "schedule"})) {
    return out;
  }
  Quote q;
  check_format(rd, *doc, quote_format);
  q.currency = read_currency(rd, *doc);
  const Currency cur = q.currency;
  auto date = [&](const Json& x, const std::string& at) { return rd.date(x, at); };
  auto amount = [&](const Json& x, const std::string& at) { return rd.amount(x, at, cur); };
  auto small = [&](const Json& x, const std::string& at) { return rd.small(x, at); };
  rd.field(*doc, "", "kind", q.kind, [&](const Json& x, const std::string& at) {
    return rd.spelling<PlanKind>(x, at, parse_plan_kind, "plan kind");
  });
  rd.field(*doc, "", "quote_date", q.quote_date, date);
  rd.field(*doc, "", "frequency", q.frequency, [&](const Json& x, const std::string& at) {
    return rd.spelling<Frequency>(x, at, parse_frequency, "frequency");
  });
  rd.field(*doc, "", "payment_method", q.method, [&](const Json& x, const std::string& at) {
    return rd.spelling<PaymentMethod>(x, at, parse_payment_method, "payment method");
  });
  rd.field(*doc, "", "instalments", q.instalments, small);
  rd.field(*doc, "", "regular_instalment", q.regular_instalment, amount);
  rd.field(*doc, "", "final_instalment", q.final_instalment, amount);
  rd.field(*doc, "", "term_months", q.term_months, small);
  if (const Json* a = rd.member(*doc, "", "apr_thousandths")) {
    if (!a->is_null()) {
      if (const auto v = rd.integer(*a, "apr_thousandths", 0, std::numeric_limits<int>::max())) {
        q.apr_thousandths = static_cast<int>(*v);
      }
    }
  }
  if (const Json* t = rd.member(*doc, "", "totals")) {
    QuoteTotals& s = q.totals;
    if (rd.object(*t, "totals", {"balance", "down_payment", "amount_financed", "interest", "fees", "finance_charge",
                                 "total_of_payments", "total_paid", "forgiven"})) {
      rd.field(*t, "totals", "balance", s.balance, amount);
      rd.field(*t, "totals", "down_payment", s.down_payment, amount);
      rd.field(*t, "totals", "amount_financed", s.amount_financed, amount);
      rd.field(*t, "totals", "interest", s.interest, amount);
      rd.field(*t, "totals", "fees", s.fees, amount);
      rd.field(*t, "totals", "finance_charge", s.finance_charge, amount);
      rd.field(*t, "totals", "total_of_payments", s.total_of_payments, amount);
      rd.field(*t, "totals", "total_paid", s.total_paid, amount);
      rd.field(*t, "totals", "forgiven", s.forgiven, amount);
    }
  }
  if (const Json* rows = rd.member(*doc, "", "schedule")) {
    if (!rows->is_array()) {
      rd.add("schedule", "must be an array");
    } else {
      for (std::size_t k = 0; k < rows->size(); ++k) {
        const std::string at = "schedule[" + std::to_string(k) + "]";
        const Json& v = (*rows)[k];
        ScheduleRow row;
        if (!rd.object(v, at, {"number", "kind", "scheduled", "due", "amount", "principal", "interest", "fees",
                               "balance_after"})) {
          continue;
        }
        rd.field(v, at, "number", row.number, small);
        rd.field(v, at, "kind", row.kind, [&](const Json& x, const std::string& p) {
          return rd.spelling<RowKind>(x, p, parse_row_kind, "row kind");
        });
        rd.field(v, at, "scheduled", row.scheduled, date);
        rd.field(v, at, "due", row.due, date);
        rd.field(v, at, "amount", row.amount, amount);
        rd.field(v, at, "principal", row.principal, amount);
        rd.field(v, at, "interest", row.interest, amount);
        rd.field(v, at, "fees", row.fees, amount);
        rd.field(v, at, "balance_after", row.balance_after, amount);
        q.schedule.push_back(row);
      }
    }
  }
  if (out.problems.empty()) out.quote = std::move(q);
  return out;
}

std::string save_quote(const Quote& quote, int indent) {
  JsonWriter w(indent);
  w.reserve(256 + 200 * quote.schedule.size());
  write_quote(w, quote);
  return w.take();
}

std::string quote_digest(const Quote& quote) { return to_hex(sha256(save_quote(quote))); }

// [SECTION] Check ---------------------------------------------------------------------------------------------

std::string save_policy_check(const PolicyCheck& check, int indent) {
  JsonWriter w(indent);
  w.begin_object();
  w.key("compliant");
  w.boolean(check.compliant());
  w.key("violations");
  w.begin_array();
  for (const Violation& v : check.violations) {
    w.begin_object();
    w.key("code");
    w.string(to_string(v.code));
    w.key("path");
    w.string(v.path);
    w.key("limit");
    w.integer(v.limit);
    w.key("actual");
    w.integer(v.actual);
    w.key("message");
    w.string(v.message);
    w.key("alternative");
    if (v.alternative) {
      write_request(w, *v.alternative);
    } else {
      w.null();
    }
    w.key("alternative_text");
    w.string(v.alternative_text);
    w.end_object();
  }
  w.end_array();
  w.key("approvals");
  w.begin_array();
  for (const Approval& a : check.approvals) {
    w.begin_object();
    w.key("code");
    w.string(to_string(a.code));
    w.key("path");
    w.string(a.path);
    w.key("limit");
    w.integer(a.limit);
    w.key("actual");
    w.integer(a.actual);
    w.key("message");
    w.string(a.message);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

// [SECTION] Disclosure ----------------------------------------------------------------------------------------

std::string disclosure_text(const Quote& q, Locale locale) {
  const detail::Words& w = detail::words_for(locale);
  auto money = [&](Money m) { return format_money(m, locale); };
  auto line = [&](std::string_view tmpl, const std::string& value) {
    return detail::fill(tmpl, {{"value", value}}) + "\n";
  };
  std::string out;
  const bool plan = q.kind == PlanKind::instalments;
  if (plan) out += line(w.disclosure[0], money(q.totals.amount_financed));
  out += line(w.disclosure[1], money(q.totals.finance_charge));
  out += line(w.disclosure[2], plan && q.apr_thousandths ? detail::percent_text(*q.apr_thousandths, 3, locale)
                                                         : std::string(w.apr_none));
  out += line(w.disclosure[3], money(q.totals.total_of_payments));
  out += line(w.disclosure[4], describe_payments(q, locale));
  out += line(w.disclosure[5], money(q.totals.fees));
  if (!plan) out += line(w.settlement_line, money(q.totals.forgiven));
  return out;
}

}  // namespace parley::plans
