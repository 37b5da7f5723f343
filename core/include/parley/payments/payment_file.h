#pragma once
// A payment processor's file of payments (CSV or JSON, docs/payments.md), read line by line and posted as
// PaymentPosted events in the client's allocation order: a line that does not match an account, its currency, a
// date the account could have been paid on, or that repeats a reference, is refused with its line number and posts
// nothing; a line whose reference the journal already holds is reported as posted before, so that a file posted
// twice posts each payment once (its event id comes from the processor and the reference).
//
// Index of this file:
// [SECTION] Reading   CSV (a header naming the columns) or JSON (an array of objects), every field kept as text
// [SECTION] Posting   each line checked against the portfolio and the journal, then its event

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/date.h"
#include "parley/journal/event.h"
#include "parley/journal/journal.h"
#include "parley/portfolio.h"
#include "parley/problem.h"

namespace parley {

// [SECTION] Reading -------------------------------------------------------------------------------------------

// One payment as the file gives it. `line`: the CSV line (1 is the header) or the JSON array's index plus one.
struct PaymentFileLine {
  std::size_t line = 0;
  std::string account_id;
  std::string amount;     // a decimal in the currency's units: "125.00"
  std::string currency;   // ISO 4217
  std::string date;       // "YYYY-MM-DD": the day the payment was made
  std::string method;     // "card", "bank-transfer" or "cheque"
  std::string reference;  // the processor's id of the payment: unique in the file and for the processor
};

struct PaymentFileRead {
  std::vector<PaymentFileLine> lines;  // the lines that could be read, in file order
  Problems problems;                   // lines that could not ("line 7": "has 5 fields; the header names 6"), and
                                       // problems of the whole file ("line 1" for the header; "" for JSON)
};

// CSV when the text does not start with '[' (after blanks), JSON otherwise. CSV: a header naming the six columns
// (account_id, amount, currency, date, method, reference) in any order, then one payment per line; fields are not
// quoted and hold no commas; blank lines are skipped; CR LF or LF. JSON: an array of objects with those members,
// each a string.
PaymentFileRead read_payment_file(std::string_view text);

// [SECTION] Posting -------------------------------------------------------------------------------------------

inline constexpr std::size_t max_payment_reference_bytes = 128;

struct PaymentPosting {
  std::vector<Event> events;                 // one PaymentPosted per line posted, in file order
  std::vector<std::size_t> posted_lines;     // their line numbers
  std::vector<std::size_t> already_posted;   // lines whose payment the journal already holds
  Problems refused;                          // path "line N": why that line posts nothing
};

// The payments of `lines` for `processor` (named in each event's id and receipt), each checked on its account's
// fold with the lines posted before it, allocated in the client's waterfall (allocate()), and admitted as a host
// admits an event at `now` (check_event). Events are written by `author` with sequence numbers from
// `first_sequence`.
PaymentPosting post_payment_file(const Portfolio& portfolio, const Journal& journal,
                                 std::span<const PaymentFileLine> lines, std::string_view processor,
                                 const Author& author, Instant now, std::uint64_t first_sequence);

// The id of the payment `reference` of `processor`: the same payment posted twice has the same id.
EventId payment_event_id(std::string_view processor, std::string_view reference);

}  // namespace parley
