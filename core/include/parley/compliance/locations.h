#pragma once
// Where a party may be: the time zones its local time is read in, from every contact point that may locate it (the
// zones of one point: parley/location.h).
//
// 12 CFR 1006.6(b)(1)(i) asks for a time convenient "at the consumer's location"; where the collector's information
// about that location conflicts or is ambiguous, the time must be convenient in every place the information points
// to. So the party's zones are the union of what each usable point says (points marked bad or wrong-number say
// nothing), and an address whose stated zone does not fit its region or postal code counts as uncertain: its
// stated zone and the region's zones all count.

#include "parley/account/account.h"
#include "parley/compliance/rule_pack.h"
#include "parley/date.h"
#include "parley/location.h"

namespace parley {

// [SECTION] Party ---------------------------------------------------------------------------------------------

// Every zone the party may be in as of `at`: of each usable address its stated zone, and its region's zones when the
// stated zone is unknown or does not fit the region (zone_fits_region); of each usable phone the zones it lists.
// Each zone once, in the order of the points. Empty when no point locates the party. Allocates nothing.
ZoneSet party_zones(const PartyRecord& party, Instant at);

// The jurisdictions whose packs govern a communication with the party: the account's, and that of each usable
// address of the party (a debtor who moved, a co-signer in another state), each once. The rules of every place the
// party may live apply together, the strictest prevailing as each rule blocks on its own; so do the disclosures,
// the script and the letters each place's law asks for. Views into `account` and `party`. Allocates nothing.
Jurisdictions party_jurisdictions(const Account& account, const PartyRecord& party);

}  // namespace parley
