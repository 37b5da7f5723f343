#pragma once
// Whether a contact is allowed now: every applicable rule of the loaded packs checked against the party's local
// time and the account's folded state (parley/account/account.h), with every reason a contact is blocked and the
// next instant it is allowed.
//
// Index of this file:
// [SECTION] Decision   allowed or blocked, with the reasons and the next allowed instant
// [SECTION] Check      check()
// [SECTION] Inputs     the party's candidate zones and the consumer's other accounts, as check() reads them
//
// Local time: every zone the party may be in (parley/compliance/locations.h): each usable address's zone, with its
// region's zones when the stated one does not fit the region or postal code, and each usable phone's zones; points
// marked bad or wrong-number are left out. Where there are several candidates, a rule passes only if it passes in
// every one of them. Days (call windows, the day of a conversation) are local calendar days.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/account/account.h"
#include "parley/compliance/rule_pack.h"
#include "parley/date.h"
#include "parley/portfolio.h"
#include "parley/time_zone.h"

namespace parley {

// [SECTION] Decision ------------------------------------------------------------------------------------------

// Rule ids of the reasons that come from check() itself rather than from a pack.
inline constexpr std::string_view rule_pack_failed = "rule-pack-failed";        // a pack did not load
inline constexpr std::string_view rule_packs_loading = "rule-packs-loading";    // packs still being read
inline constexpr std::string_view no_rule_pack = "no-rule-pack";                // no pack for the jurisdiction
inline constexpr std::string_view time_zone_unknown = "time-zone-unknown";      // no zone for the party
inline constexpr std::string_view jurisdiction_unknown = "jurisdiction-unknown";  // more places than checked
inline constexpr std::string_view account_hold = "account-hold";                // a hold (account.h) applies
inline constexpr std::string_view point_unusable = "contact-point-unusable";    // bad, wrong number, or not one
                                                                                // of the party's points
inline constexpr std::string_view no_consent = "no-consent";                    // the point lacks the channel's
                                                                                // consent

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

// May `party` of the account be contacted on `channel` through `contact_point` (empty: no particular point) at
// `at`? `state` is the account's fold; `consumer_accounts` the folds of the same consumer's other accounts, whose
// attempts count for rules "per consumer". Before any pack rule, core's own reasons: the rule book still loading
// or failed, no pack for the jurisdiction, a hold on the account or the party, and, for a named point, a point that
// is not the party's, is marked bad or wrong-number, or lacks the consent the channel needs. Rules limited to phone
// kinds (phone_kinds) apply only when the number called has one of their kinds; without a number they apply to
// every call and text of the party (fail closed). `purpose` is what the communication is for (a letter's
// LetterIssued::purpose; collection for calls and messages): a cease or dispute-validation rule lets through the
// purposes it allows. Allocates only for reasons.
Decision check(const AccountState& state, const Party& party, ContactChannel channel, std::string_view contact_point,
               Instant at, const RuleBook& book, std::span<const AccountState* const> consumer_accounts = {},
               LetterPurpose purpose = LetterPurpose::collection);

// [SECTION] Inputs --------------------------------------------------------------------------------------------

// The zones the party's local time is read in at `at` (party_zones; see the top of this file), each once; empty when
// neither an address nor a phone locates the party (check() then blocks with time_zone_unknown).
std::vector<TimeZone> candidate_zones(const PartyRecord& party, Instant at);

// What may make two accounts the same consumer's, from the account's debtor: the keyed hash of its national id
// ("id:..."), its name with its birth date ("born:..."), and its name with each address not marked bad
// ("lives:..."), names and addresses compared loosely (ASCII letters lowercased, all but letters and digits
// dropped: "O'Brien" is "obrien"). Empty without a debtor. A limit counted per consumer (Washington's three a
// week) must not fail open: a consumer whose accounts lack a national id is still found by name and birth date or
// by name and address, and two namesakes at one address count as one consumer (the cautious reading).
std::vector<std::string> consumer_link_keys(const Account& account);

// The consumer of each account of `portfolio`, by index: accounts that share a consumer_link_key, directly or
// through other accounts, have one consumer, named by the smallest account id among them; an account linked to no
// other has "" (nobody else's). Links read the placement data (the portfolio), not later events.
std::vector<std::string> consumer_ids(const Portfolio& portfolio);

// The ids of the portfolio's other accounts of the same consumer (consumer_ids), in portfolio order: check()'s
// `consumer_accounts`. Links the whole portfolio; hosts that check often keep consumer_ids instead.
std::vector<std::string> same_consumer_accounts(const Portfolio& portfolio, const Account& account);

}  // namespace parley
