#pragma once
// Whether a contact is allowed now: every applicable rule of the loaded packs checked against the party's local
// time and the account's journal, with every reason a contact is blocked and the next instant it is allowed.
//
// Index of this file:
// [SECTION] Decision   allowed or blocked, with the reasons and the next allowed instant
// [SECTION] Check      check()
// [SECTION] Inputs     the party's candidate zones and the consumer's other accounts, as check() reads them
//
// Local time: the zone of the party's first address that names a known zone; otherwise the candidate zones of
// the party's phones (numbers marked bad left out). Where there are several candidates, a rule passes only if
// it passes in every one of them. Days (call windows, the day of a conversation) are local calendar days.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/compliance/rule_pack.h"
#include "parley/date.h"
#include "parley/journal/journal.h"
#include "parley/portfolio.h"
#include "parley/time_zone.h"

namespace parley {

// [SECTION] Decision ------------------------------------------------------------------------------------------

// Rule ids of the reasons that come from check() itself rather than from a pack.
inline constexpr std::string_view rule_pack_failed = "rule-pack-failed";        // a pack did not load
inline constexpr std::string_view no_rule_pack = "no-rule-pack";                // no pack for the jurisdiction
inline constexpr std::string_view time_zone_unknown = "time-zone-unknown";      // no zone for the party

struct Reason {
  std::string rule_id;   // the ContactRule::id, or one of the ids above
  std::string words;     // why, in plain language, for the collector
  std::string citation;  // the rule's citation; empty for the ids above
  friend bool operator==(const Reason&, const Reason&) = default;
};

struct Decision {
  bool allowed = false;
  std::vector<Reason> reasons;         // empty when allowed; every blocking rule otherwise, in pack order
  std::optional<Instant> next_allowed; // blocked only: the earliest instant every reason clears; nullopt when a
                                       // reason never clears by time alone (cease, dispute, failed pack), or
                                       // when candidate zones share no allowed hours within 32 re-checks
  bool blocked_by(std::string_view rule_id) const;  // whether a reason has this rule id
  friend bool operator==(const Decision&, const Decision&) = default;
};

// [SECTION] Check ---------------------------------------------------------------------------------------------

// May `party` of `account` be contacted on `channel` at `at`? `consumer_accounts` lists the ids of the same
// consumer's other accounts, whose attempts count for rules with per "consumer". Allocates only for reasons.
Decision check(const Account& account, const Party& party, ContactChannel channel, Instant at,
               const Journal& journal, const RuleBook& book,
               std::span<const std::string> consumer_accounts = {});

// The same for a call or text to `contact_point` (E.164 number): rules limited to phone kinds (phone_kinds) then
// apply only when that number of the party has one of their kinds. Without it (the overload above, or an unknown
// number), such rules apply to every call and text of the party (fail closed).
Decision check(const Account& account, const Party& party, ContactChannel channel, std::string_view contact_point,
               Instant at, const Journal& journal, const RuleBook& book,
               std::span<const std::string> consumer_accounts = {});

// [SECTION] Inputs --------------------------------------------------------------------------------------------

// The zones the party's local time is read in (see the top of this file), each once, at most 8; empty when
// neither an address nor a phone names a known zone (check() then blocks with time_zone_unknown).
std::vector<TimeZone> candidate_zones(const Party& party);

// What makes two accounts the same consumer's: the keyed hash of the debtor's national id; empty when the account
// has no debtor or the debtor no national id (such an account is nobody else's).
std::string_view consumer_key(const Account& account);

// The ids of the portfolio's other accounts with the same consumer_key, in portfolio order: check()'s
// `consumer_accounts`. Scans the portfolio; hosts that check often index consumer_key once instead.
std::vector<std::string> same_consumer_accounts(const Portfolio& portfolio, const Account& account);

}  // namespace parley
