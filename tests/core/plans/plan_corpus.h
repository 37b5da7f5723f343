#pragma once
// The seeded random plan requests of the property tests, and the host corpus: every byte a quoting host produces
// for them (requests, problems, quotes, policy checks, disclosures). The core test hashes the corpus against a
// recorded digest; tests/plans_hosts prints it in full so a native and a wasm run can be compared byte by byte.
//
// Index of this file:
// [SECTION] Calendars   the shipped calendars by id
// [SECTION] Requests    random_request
// [SECTION] Corpus      for_each_corpus_piece, the FNV-1a digest

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "../calendar/embedded_calendars.h"
#include "parley/plans/plan.h"
#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"
#include "plan_support.h"

namespace parley::plans::testing {

// [SECTION] Calendars -----------------------------------------------------------------------------------------

// The shipped calendar with that id (US-FEDERAL, GB-ENG, FR), loaded once; null for any other id.
inline const Calendar* calendar_for(const std::string& id) {
  static const Calendar us = parley::testdata::shipped_calendar("US-FEDERAL");
  static const Calendar gb = parley::testdata::shipped_calendar("GB-ENG");
  static const Calendar fr = parley::testdata::shipped_calendar("FR");
  if (id == "US-FEDERAL") return &us;
  if (id == "GB-ENG") return &gb;
  if (id == "FR") return &fr;
  return nullptr;
}

// [SECTION] Requests ------------------------------------------------------------------------------------------

// A plausible request: most quote, some hit the limits (tiny amounts, instalments below the interest).
inline PlanRequest random_request(SplitMix64& rng) {
  const Date today = ymd(2020, 1, 1).plus_days(static_cast<std::int32_t>(rng.between(0, 3000)));
  std::int64_t scale = 1;
  for (std::int64_t d = rng.between(2, 9); d > 0; --d) scale *= 10;
  const std::int64_t owed = rng.between(1, scale);
  PlanRequest r = plan_request(owed, 1, today);
  r.balance.interest = usd(rng.between(0, owed / 10));
  r.balance.payments = usd(r.balance.interest.minor() > 0 ? rng.between(0, r.balance.interest.minor()) : 0);
  const std::int64_t total = r.balance.principal.minor() + r.balance.interest.minor() - r.balance.payments.minor();
  constexpr Frequency kFrequencies[] = {Frequency::weekly, Frequency::fortnightly, Frequency::semi_monthly,
                                        Frequency::monthly};
  constexpr PaymentMethod kMethods[] = {PaymentMethod::card, PaymentMethod::bank_transfer, PaymentMethod::cheque};
  r.method = kMethods[rng.between(0, 2)];
  if (rng.chance(30)) r.convenience_fee = usd(rng.between(1, 500));
  if (rng.chance(30)) {
    constexpr const char* kCalendars[] = {"US-FEDERAL", "GB-ENG", "FR"};
    constexpr DayRoll kRolls[] = {DayRoll::following, DayRoll::modified_following, DayRoll::preceding};
    r.calendar_id = kCalendars[rng.between(0, 2)];
    r.day_roll = kRolls[rng.between(0, 2)];
  }
  const Frequency frequency = kFrequencies[rng.between(0, 3)];
  if (total >= 2 && rng.chance(20)) {
    r.plan.reset();
    r.settlement = SettlementTerms{usd(rng.between(1, total - 1)), static_cast<int>(rng.between(1, 6)), frequency,
                                   today.plus_days(static_cast<std::int32_t>(rng.between(0, 30)))};
    return r;
  }
  InstalmentTerms& t = *r.plan;
  t.frequency = frequency;
  t.first_payment = today.plus_days(static_cast<std::int32_t>(rng.between(1, 60)));
  if (total >= 2 && rng.chance(30)) t.down_payment = usd(rng.between(1, total / 2));
  const std::int64_t financed = total - t.down_payment.minor();
  const int method = static_cast<int>(rng.between(0, 2));
  t.interest = static_cast<InterestMethod>(method);
  t.annual_rate_bp = method == 0 ? 0 : static_cast<int>(rng.chance(10) ? 0 : rng.between(1, 3600));
  if (rng.chance(30)) t.setup_fee = usd(rng.between(1, 5000));
  if (rng.chance(60)) {
    t.instalments = static_cast<int>(rng.chance(10) ? rng.between(1, 400) : rng.between(1, 60));
  } else {
    t.instalments.reset();
    t.instalment_amount = usd(rng.between(std::max<std::int64_t>(1, financed / 200), std::max<std::int64_t>(1, financed)));
  }
  return r;
}

// [SECTION] Corpus --------------------------------------------------------------------------------------------

// Calls piece(text) for every text quoting `count` random requests of `seed` produces, in order: each request's
// canonical JSON, its problems' texts, then (when it quotes) the quote, the policy check in fr-FR and the
// disclosure in en-GB.
template <class Piece>
void for_each_corpus_piece(std::uint64_t seed, int count, Piece&& piece) {
  SplitMix64 rng(seed);
  for (int k = 0; k < count; ++k) {
    const PlanRequest r = random_request(rng);
    const Calendar* calendar = calendar_for(r.calendar_id);
    piece(save_request(r));
    const QuoteResult result = quote_plan(r, calendar);
    for (const Problem& p : result.problems) piece(p.text());
    if (!result.ok()) continue;
    piece(save_quote(*result.quote));
    piece(save_policy_check(check_policy(r, *result.quote, calendar, Locale::fr_FR)));
    piece(disclosure_text(*result.quote, Locale::en_GB));
  }
}

inline constexpr std::uint64_t fnv1a_basis = 0xCBF29CE484222325ULL;

// FNV-1a, 64 bits: a fixed digest of the bytes produced.
inline std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

}  // namespace parley::plans::testing
