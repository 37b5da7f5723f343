// JSON forms of plan requests, quotes and policy checks: one field table per type, read by json::Reader and
// written by json::write, and the disclosure text.
//
// Index of this file:
// [SECTION] Values        the codecs of amounts, dates, spellings, with the words of these formats
// [SECTION] Request       the tables of a request, its policy and its terms
// [SECTION] Quote         the tables of a quote, its totals and its rows
// [SECTION] Check         the tables of violations and approvals (written only)
// [SECTION] API
// [SECTION] Disclosure
//
// Amounts are read before the document's currency may be: each load sets every amount's currency at the end.
#include "parley/plans/plan_json.h"

#include <climits>
#include <utility>

#include "json/reader.h"
#include "json_text.h"
#include "parley/secret.h"
#include "words.h"

namespace parley::plans {
namespace {

using json::JsonWriter;

// [SECTION] Values --------------------------------------------------------------------------------------------

constexpr json::ObjectWords kObjectWords{"unknown member", "is missing"};
constexpr json::Words kInteger{"must be an integer"};

constexpr auto kText = json::text({"must be a string"});
constexpr auto kDate = json::date({"must be a string", "must be a date \"YYYY-MM-DD\""});
constexpr auto kCurrency = json::currency({"must be a string", "is not a supported ISO 4217 currency"});
constexpr auto kAmount = json::amount(-json_text::max_exact_integer, json_text::max_exact_integer, kInteger);
constexpr auto kSmall = json::integer<int>(-1000000000, 1000000000, kInteger);
constexpr auto kFrequency = json::spelling<Frequency, parse_frequency>({"must be a string", "is not a known frequency"});
constexpr auto kMethod =
    json::spelling<PaymentMethod, parse_payment_method>({"must be a string", "is not a known payment method"});
constexpr auto kPart = json::spelling<BalancePart, parse_balance_part>({"must be a string", "is not a known balance part"});
constexpr auto kDayRoll = json::spelling<DayRoll, parse_day_roll, to_string>({"must be a string", "is not a known day roll"});
constexpr auto kInterest =
    json::spelling<InterestMethod, parse_interest_method>({"must be a string", "is not a known interest method"});
constexpr auto kPlanKind = json::spelling<PlanKind, parse_plan_kind>({"must be a string", "is not a known plan kind"});
constexpr auto kRowKind = json::spelling<RowKind, parse_row_kind>({"must be a string", "is not a known row kind"});
constexpr auto kFindingCode =
    json::spelling<FindingCode, parse_finding_code>({"must be a string", "is not a known finding code"});
constexpr auto kWhole = json::integer<std::int64_t>(INT64_MIN, INT64_MAX, kInteger);

constexpr json::Words kObjectValue{"must be an object"};
constexpr json::Words kArrayValue{"must be an array"};

void with_currency(Money& m, Currency c) { m = Money(m.minor(), c); }

// [SECTION] Request -------------------------------------------------------------------------------------------

constexpr json::Member kBalanceMembers[] = {
    json::member<&Balance::itemisation_date>("itemisation_date", kDate),
    json::member<&Balance::principal>("principal", kAmount),
    json::member<&Balance::interest>("interest", kAmount),
    json::member<&Balance::fees>("fees", kAmount),
    json::member<&Balance::payments>("payments", kAmount),
    json::member<&Balance::credits>("credits", kAmount),
};
constexpr json::ObjectType kBalanceType = json::object_type(kBalanceMembers, kObjectWords);
constexpr auto kBalance = json::object<Balance>(kBalanceType, kObjectValue);

constexpr json::Member kFeeMembers[] = {
    json::member<&ConvenienceFee::method>("method", kMethod),
    json::member<&ConvenienceFee::max_fee>("max_fee", kAmount),
};
constexpr json::ObjectType kFeeType = json::object_type(kFeeMembers, kObjectWords);
constexpr auto kFee = json::object<ConvenienceFee>(kFeeType, kObjectValue);

constexpr auto kFrequencies = json::array(kFrequency, kArrayValue);
constexpr auto kFees = json::array(kFee, kArrayValue);
constexpr auto kWaterfall = json::array(kPart, kArrayValue);
constexpr json::Presence kOptional = json::optional_member;

constexpr json::Member kPolicyMembers[] = {
    json::member<&Policy::max_term_months>("max_term_months", kSmall, kOptional),
    json::member<&Policy::min_instalment>("min_instalment", kAmount, kOptional),
    json::member<&Policy::min_down_payment_bp>("min_down_payment_bp", kSmall, kOptional),
    json::member<&Policy::allowed_frequencies>("allowed_frequencies", kFrequencies, kOptional),
    json::member<&Policy::max_interest_rate_bp>("max_interest_rate_bp", kSmall, kOptional),
    json::member<&Policy::max_setup_fee>("max_setup_fee", kAmount, kOptional),
    json::member<&Policy::convenience_fees>("convenience_fees", kFees, kOptional),
    json::member<&Policy::settlement_floor_bp>("settlement_floor_bp", kSmall, kOptional),
    json::member<&Policy::collector_below_floor_bp>("collector_below_floor_bp", kSmall, kOptional),
    json::member<&Policy::supervisor_below_floor_bp>("supervisor_below_floor_bp", kSmall, kOptional),
    json::member<&Policy::max_settlement_payments>("max_settlement_payments", kSmall, kOptional),
    json::member<&Policy::supervisor_term_months>("supervisor_term_months", kSmall, kOptional),
    json::member<&Policy::waterfall>("waterfall", kWaterfall, kOptional),
};
constexpr json::ObjectType kPolicyType = json::object_type(kPolicyMembers, kObjectWords);
constexpr auto kPolicy = json::object<Policy>(kPolicyType, kObjectValue);

constexpr auto kCount = json::optional(kSmall);
constexpr auto kOptionalAmount = json::optional(kAmount);

constexpr json::Member kPlanMembers[] = {
    json::member<&InstalmentTerms::down_payment>("down_payment", kAmount, kOptional),
    json::member<&InstalmentTerms::instalments>("instalments", kCount, kOptional),
    json::member<&InstalmentTerms::instalment_amount>("instalment_amount", kOptionalAmount, kOptional),
    json::member<&InstalmentTerms::frequency>("frequency", kFrequency),
    json::member<&InstalmentTerms::first_payment>("first_payment", kDate),
    json::member<&InstalmentTerms::interest>("interest", kInterest, kOptional),
    json::member<&InstalmentTerms::annual_rate_bp>("annual_rate_bp", kSmall, kOptional),
    json::member<&InstalmentTerms::setup_fee>("setup_fee", kAmount, kOptional),
};
constexpr json::ObjectType kPlanType = json::object_type(kPlanMembers, kObjectWords);
constexpr auto kTerms = json::object<InstalmentTerms>(kPlanType, kObjectValue);
constexpr auto kPlan = json::optional(kTerms);

constexpr json::Member kSettlementMembers[] = {
    json::member<&SettlementTerms::amount>("amount", kAmount),
    json::member<&SettlementTerms::payments>("payments", kSmall, kOptional),
    json::member<&SettlementTerms::frequency>("frequency", kFrequency, kOptional),
    json::member<&SettlementTerms::first_payment>("first_payment", kDate),
};
constexpr json::ObjectType kSettlementType = json::object_type(kSettlementMembers, kObjectWords);
constexpr auto kSettlementTerms = json::object<SettlementTerms>(kSettlementType, kObjectValue);
constexpr auto kSettlement = json::optional(kSettlementTerms);

void finish_request(json::Reader&, void* object) {
  PlanRequest& r = *static_cast<PlanRequest*>(object);
  const Currency c = r.currency;
  for (Money* m : {&r.balance.principal, &r.balance.interest, &r.balance.fees, &r.balance.payments,
                   &r.balance.credits, &r.policy.min_instalment, &r.policy.max_setup_fee, &r.convenience_fee}) {
    with_currency(*m, c);
  }
  for (ConvenienceFee& f : r.policy.convenience_fees) with_currency(f.max_fee, c);
  if (r.plan) {
    with_currency(r.plan->down_payment, c);
    with_currency(r.plan->setup_fee, c);
    if (r.plan->instalment_amount) with_currency(*r.plan->instalment_amount, c);
  }
  if (r.settlement) with_currency(r.settlement->amount, c);
}

constexpr auto kRequestFormat = json::constant(request_format, {"must be a string"});
constexpr json::Member kRequestMembers[] = {
    json::member("format", kRequestFormat),
    json::member<&PlanRequest::currency>("currency", kCurrency),
    json::member<&PlanRequest::today>("today", kDate),
    json::member<&PlanRequest::balance>("balance", kBalance),
    json::member<&PlanRequest::policy>("policy", kPolicy),
    json::member<&PlanRequest::method>("payment_method", kMethod),
    json::member<&PlanRequest::convenience_fee>("convenience_fee", kAmount, kOptional),
    json::member<&PlanRequest::day_roll>("day_roll", kDayRoll, kOptional),
    json::member<&PlanRequest::calendar_id>("calendar", kText, kOptional),
    json::member<&PlanRequest::plan>("plan", kPlan, kOptional),
    json::member<&PlanRequest::settlement>("settlement", kSettlement, kOptional),
};
constexpr json::ObjectType kRequestType = json::object_type(kRequestMembers, kObjectWords, finish_request);
constexpr auto kRequest = json::object<PlanRequest>(kRequestType, kObjectValue);

// [SECTION] Quote ---------------------------------------------------------------------------------------------

constexpr json::Member kTotalsMembers[] = {
    json::member<&QuoteTotals::balance>("balance", kAmount),
    json::member<&QuoteTotals::down_payment>("down_payment", kAmount),
    json::member<&QuoteTotals::amount_financed>("amount_financed", kAmount),
    json::member<&QuoteTotals::interest>("interest", kAmount),
    json::member<&QuoteTotals::fees>("fees", kAmount),
    json::member<&QuoteTotals::finance_charge>("finance_charge", kAmount),
    json::member<&QuoteTotals::total_of_payments>("total_of_payments", kAmount),
    json::member<&QuoteTotals::total_paid>("total_paid", kAmount),
    json::member<&QuoteTotals::forgiven>("forgiven", kAmount),
};
constexpr json::ObjectType kTotalsType = json::object_type(kTotalsMembers, kObjectWords);
constexpr auto kTotals = json::object<QuoteTotals>(kTotalsType, kObjectValue);

constexpr json::Member kRowMembers[] = {
    json::member<&ScheduleRow::number>("number", kSmall),
    json::member<&ScheduleRow::kind>("kind", kRowKind),
    json::member<&ScheduleRow::scheduled>("scheduled", kDate),
    json::member<&ScheduleRow::due>("due", kDate),
    json::member<&ScheduleRow::amount>("amount", kAmount),
    json::member<&ScheduleRow::principal>("principal", kAmount),
    json::member<&ScheduleRow::interest>("interest", kAmount),
    json::member<&ScheduleRow::fees>("fees", kAmount),
    json::member<&ScheduleRow::balance_after>("balance_after", kAmount),
};
constexpr json::ObjectType kRowType = json::object_type(kRowMembers, kObjectWords);
constexpr auto kRow = json::object<ScheduleRow>(kRowType, kObjectValue);
constexpr auto kRows = json::array(kRow, kArrayValue);

void finish_quote(json::Reader&, void* object) {
  Quote& q = *static_cast<Quote*>(object);
  const Currency c = q.currency;
  QuoteTotals& t = q.totals;
  for (Money* m : {&q.regular_instalment, &q.final_instalment, &t.balance, &t.down_payment, &t.amount_financed,
                   &t.interest, &t.fees, &t.finance_charge, &t.total_of_payments, &t.total_paid, &t.forgiven}) {
    with_currency(*m, c);
  }
  for (ScheduleRow& row : q.schedule) {
    for (Money* m : {&row.amount, &row.principal, &row.interest, &row.fees, &row.balance_after}) with_currency(*m, c);
  }
}

constexpr auto kQuoteFormat = json::constant(quote_format, {"must be a string"});
constexpr auto kAprValue = json::integer<int>(0, INT_MAX, kInteger);
constexpr auto kApr = json::optional(kAprValue, json::Null::empty);
constexpr json::Member kQuoteMembers[] = {
    json::member("format", kQuoteFormat),
    json::member<&Quote::kind>("kind", kPlanKind),
    json::member<&Quote::currency>("currency", kCurrency),
    json::member<&Quote::quote_date>("quote_date", kDate),
    json::member<&Quote::frequency>("frequency", kFrequency),
    json::member<&Quote::method>("payment_method", kMethod),
    json::member<&Quote::instalments>("instalments", kSmall),
    json::member<&Quote::regular_instalment>("regular_instalment", kAmount),
    json::member<&Quote::final_instalment>("final_instalment", kAmount),
    json::member<&Quote::term_months>("term_months", kSmall),
    json::member<&Quote::apr_thousandths>("apr_thousandths", kApr),
    json::member<&Quote::totals>("totals", kTotals),
    json::member<&Quote::schedule>("schedule", kRows),
};
constexpr json::ObjectType kQuoteType = json::object_type(kQuoteMembers, kObjectWords, finish_quote);
constexpr auto kQuote = json::object<Quote>(kQuoteType, kObjectValue);

// [SECTION] Check ---------------------------------------------------------------------------------------------

constexpr auto kAlternative = json::optional(kRequest, json::Null::empty);
constexpr json::Member kViolationMembers[] = {
    json::member<&Violation::code>("code", kFindingCode),
    json::member<&Violation::path>("path", kText),
    json::member<&Violation::limit>("limit", kWhole),
    json::member<&Violation::actual>("actual", kWhole),
    json::member<&Violation::message>("message", kText),
    json::member<&Violation::alternative>("alternative", kAlternative),
    json::member<&Violation::alternative_text>("alternative_text", kText),
};
constexpr json::ObjectType kViolationType = json::object_type(kViolationMembers, kObjectWords);
constexpr auto kViolation = json::object<Violation>(kViolationType, kObjectValue);
constexpr auto kViolations = json::array(kViolation, kArrayValue);

constexpr json::Member kApprovalMembers[] = {
    json::member<&Approval::code>("code", kFindingCode),
    json::member<&Approval::path>("path", kText),
    json::member<&Approval::limit>("limit", kWhole),
    json::member<&Approval::actual>("actual", kWhole),
    json::member<&Approval::message>("message", kText),
};
constexpr json::ObjectType kApprovalType = json::object_type(kApprovalMembers, kObjectWords);
constexpr auto kApproval = json::object<Approval>(kApprovalType, kObjectValue);
constexpr auto kApprovals = json::array(kApproval, kArrayValue);

// A text refused as a whole (not JSON, nested too deep) is a problem of the document: no path, its line and
// column in the message.
template <class T>
Problems read_document(std::string_view text, const json::CodecOf<T>& codec, T& out) {
  json::Reader reader(text);
  Problems problems = reader.read(codec, out);
  if (reader.text_refused()) {
    for (Problem& p : problems) p = Problem{"", p.text()};
  }
  return problems;
}

template <class T>
std::string save(const json::CodecOf<T>& codec, const T& value, int indent, std::size_t reserve) {
  JsonWriter w(indent);
  w.reserve(reserve);
  json::write(w, codec, value);
  return w.take();
}

}  // namespace

// [SECTION] API -----------------------------------------------------------------------------------------------

RequestLoad load_request(std::string_view json_text) {
  RequestLoad out;
  PlanRequest r;
  out.problems = read_document(json_text, kRequest, r);
  if (!out.problems.empty()) return out;
  out.problems = validate_request(r);
  if (out.problems.empty()) out.request = std::move(r);
  return out;
}

std::string save_request(const PlanRequest& request, int indent) {
  return save(kRequest, request, indent, 1024);
}

QuoteLoad load_quote(std::string_view json_text) {
  QuoteLoad out;
  Quote q;
  out.problems = read_document(json_text, kQuote, q);
  if (out.problems.empty()) out.quote = std::move(q);
  return out;
}

std::string save_quote(const Quote& quote, int indent) {
  return save(kQuote, quote, indent, 256 + 200 * quote.schedule.size());
}

std::string quote_digest(const Quote& quote) { return to_hex(sha256(save_quote(quote))); }

std::string save_policy_check(const PolicyCheck& check, int indent) {
  JsonWriter w(indent);
  w.begin_object();
  w.key("compliant");
  w.boolean(check.compliant());
  w.key("violations");
  json::write(w, kViolations, check.violations);
  w.key("approvals");
  json::write(w, kApprovals, check.approvals);
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
  out += line(w.disclosure[2], apr_text(q, locale));
  out += line(w.disclosure[3], money(q.totals.total_of_payments));
  out += line(w.disclosure[4], describe_payments(q, locale));
  out += line(w.disclosure[5], money(q.totals.fees));
  if (!plan) out += line(w.settlement_line, money(q.totals.forgiven));
  return out;
}

}  // namespace parley::plans
