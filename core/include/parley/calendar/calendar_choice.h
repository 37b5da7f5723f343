#pragma once
// Which shipped holiday calendar (assets/calendars/<id>.json) an account's due dates follow, from the account's
// jurisdiction and, where the jurisdiction does not say which nation of the United Kingdom, its debtor's address.
//
// Index of this file:
// [SECTION] Choice   choose_calendar
//
// Rules, first match wins:
// - jurisdiction "US" or "US-<state>": US-FEDERAL; "FR" or "FR-<code>": FR;
// - "GB-SCT": GB-SCT; "GB-ENG" and "GB-WLS" (England and Wales share their bank holidays): GB-ENG;
//   "GB-NIR": none (no Northern Ireland calendar is shipped);
// - otherwise the debtor's current address (its first one): country US or FR as above; country GB by the
//   postcode area (AB DD DG EH FK G HS IV KA KW KY ML PA PH TD ZE: GB-SCT, except TD15, Berwick-upon-Tweed;
//   BT: none; any other: GB-ENG), or by a region naming the nation when there is no postcode;
// - otherwise none.

#include <string>

#include "parley/portfolio.h"

namespace parley {

// [SECTION] Choice --------------------------------------------------------------------------------------------

struct CalendarChoice {
  std::string id;      // the calendar id ("US-FEDERAL", "GB-ENG", "GB-SCT", "FR"); empty: no shipped calendar fits
  std::string reason;  // what decided it, for display: "jurisdiction US-MA", "address postcode EH6 1AB"
  friend bool operator==(const CalendarChoice&, const CalendarChoice&) = default;
};

CalendarChoice choose_calendar(const Account& account);  // by the rules above

}  // namespace parley
