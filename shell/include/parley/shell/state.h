#pragma once
// The shell's state as values, the actions that change it, and the update function that applies them.
//
// Index of this file:
// [SECTION] Loaded portfolio   the portfolio with what the queue derives from it once (names, days, search keys)
// [SECTION] Queue view         sort column, direction, filter and the resulting row order
// [SECTION] Contact            the contact attempt in progress and what its last step said
// [SECTION] App state          load status, the loaded portfolio, the selected account, the queue view, offers,
//                              rule packs, holiday calendars, the contact attempt
// [SECTION] Actions            what screens and hosts ask for; applied between frames by update()
//
// Screens read a const AppState and dispatch actions; only update() makes a new state. Hosts do the I/O (read
// a file, fetch a URL) and hand the result in as an action, so the same state code runs on every host.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "parley/account/account.h"
#include "parley/calendar/business_days.h"
#include "parley/compliance/check.h"
#include "parley/compliance/rule_pack.h"
#include "parley/contact/contact.h"
#include "parley/journal/journal.h"
#include "parley/money.h"
#include "parley/plans/plan.h"
#include "parley/portfolio.h"
#include "parley/problem.h"

namespace parley::shell {

// [SECTION] Loaded portfolio ----------------------------------------------------------------------------------

// One account as the queue lists, sorts and filters it; derived once when the portfolio is loaded.
struct QueueEntry {
  std::uint32_t account = 0;        // index into Portfolio::accounts
  std::string debtor_name;          // "Given Family" of the first debtor party; empty if none
  std::string client_name;          // the creditor client's name, or its id when the client is unknown
  Locale locale = Locale::en_US;    // display locale from the account's language (en-US when unsupported)
  Money balance;                    // the balance now (Balance::total)
  int days_past_due = 0;            // as of the portfolio's date
  std::string search_key;           // lowercase id, debtor, client and jurisdiction, for the filter
};

// A loaded portfolio never changes: the state shares it, so copying a state does not copy the accounts.
struct LoadedPortfolio {
  Portfolio portfolio;
  std::vector<QueueEntry> entries;                              // one per account, in portfolio order
  std::unordered_map<std::string_view, std::uint32_t> by_id;    // account id -> index (views into portfolio)
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_consumer;  // consumer_key -> accounts

  const Account* find_account(std::string_view id) const;     // null when no account has this id
  std::vector<std::string> consumer_accounts(const Account& account) const;  // same_consumer_accounts, indexed
};

std::shared_ptr<const LoadedPortfolio> make_loaded_portfolio(Portfolio portfolio);  // derives entries and index

// [SECTION] Queue view ----------------------------------------------------------------------------------------

enum class QueueColumn { id, debtor, client, balance, days_past_due, aging, risk, jurisdiction };
inline constexpr int queue_column_count = 8;

struct QueueView {
  QueueColumn sort_column = QueueColumn::days_past_due;  // `sort_column`: default = days past due, oldest first
  bool descending = true;                                // `descending`: default = true
  std::string filter;                                    // `filter`: case-insensitive substring; empty = all
  std::vector<std::uint32_t> rows;                       // indices into LoadedPortfolio::entries, shown in order
};

// Recomputes view.rows from the entries, the filter and the sort. Balances in different currencies order by
// currency code first, then by amount; ties keep the portfolio order.
void rebuild_rows(QueueView& view, const LoadedPortfolio& data);

// [SECTION] Contact -------------------------------------------------------------------------------------------

// At most one attempt is in progress. Starting, verifying and finishing are actions; their refusals are kept so
// the screen can say why nothing happened.
struct ContactState {
  std::optional<ContactSession> session;          // the attempt in progress; nullopt: none
  std::optional<VerificationResult> verification; // the answers last checked in this session
  std::string account_id;                         // the account `refused` and `problems` are about
  std::optional<Decision> refused;                // the last start compliance refused, with every reason
  Problems problems;                              // why the last start, verification or finish did nothing
  std::string finished;                           // what the last finished attempt recorded, e.g.
                                                  // "Right-party contact: 2 events recorded"
};

// [SECTION] App state -----------------------------------------------------------------------------------------

enum class LoadStatus { loading, ready, error };
std::string_view to_string(LoadStatus status);  // "loading", "ready", "error"

// Where a journal event stands with the server (POST /api/events, docs/api.md).
enum class SyncStatus { unsent, accepted, rejected };  // "unsent": not yet acknowledged by a server
std::string_view to_string(SyncStatus status);         // "unsent", "accepted", "rejected"
struct EventSync {
  SyncStatus status = SyncStatus::unsent;
  std::string reason;                                  // the server's reason, when rejected
  friend bool operator==(const EventSync&, const EventSync&) = default;
};

struct AppState {
  LoadStatus status = LoadStatus::loading;        // until a portfolio or a failure arrives
  std::string source;                             // where the portfolio comes from: a file path or a URL
  Problems problems;                              // why loading failed (status == error)
  std::shared_ptr<const LoadedPortfolio> data;    // set when status == ready
  std::string selected;                           // id of the account shown in the account panel; empty: none
  QueueView queue;
  std::shared_ptr<const Journal> journal;         // plan offers recorded this session; null until the first one
  std::shared_ptr<const RuleBook> rules;          // the compliance rule packs handed in; null until the first
  std::vector<std::string> rules_pending;         // rule pack sources the host is still reading or fetching
  std::map<std::string, Calendar, std::less<>> calendars;  // holiday calendars handed in, by id
  Problems calendar_problems;                     // calendars that could not be read or loaded (path: source)
  ContactState contact;                           // the contact attempt in progress
  std::map<EventId, EventSync> sync;              // server status of journal events; absent: unsent
  Problems journal_problems;                      // events handed in that could not be merged (path: source)
  Problems offer_problems;                        // why the last RecordOffer recorded nothing (check_offer's
                                                  // problems); empty once an offer is recorded

  std::string error_text() const;                 // problems, one per line; empty unless status == error
  const Account* selected_account() const;        // null when nothing (or nothing loaded) is selected
  std::size_t account_count() const;              // accounts loaded; 0 before
  std::vector<const Event*> offers_for(std::string_view account_id) const;  // its PlanAccepted events, in order
  const Calendar* calendar(std::string_view id) const;  // the calendar handed in with this id; null if none
  EventSync sync_of(EventId id) const;            // the event's server status (unsent when never reported)
  const Client* client_of(const Account& account) const;  // its creditor client, or null when not loaded
  // The account's state now: its placement folded with its events in the journal (parley/account/account.h).
  AccountState account_state(const Account& account) const;
  // May `party` of `account` be contacted on `channel` through `contact_point` (empty: any) at `at`: check() on the
  // account's fold with the loaded rule packs and the folds of the consumer's other accounts; blocked (fail
  // closed) while rule packs are still loading or none arrived.
  Decision contact_decision(const Account& account, const Party& party, ContactChannel channel, Instant at,
                            std::string_view contact_point = {}) const;
};

// [SECTION] Actions -------------------------------------------------------------------------------------------

struct LoadStarted { std::string source; };                          // host began reading or fetching it
struct PortfolioReceived { std::string source; std::string text; };  // host read the portfolio JSON text
struct LoadFailed { std::string source; std::string message; };      // host could not read or fetch it
struct SelectAccount { std::string account_id; };                    // empty id closes the account panel
struct SortQueue { QueueColumn column = QueueColumn::days_past_due; bool descending = true; };
struct FilterQueue { std::string text; };                            // new filter text
struct RulesRequested { std::vector<std::string> sources; };         // host began reading or fetching these packs
struct RulesReceived { std::string source; std::string text; };      // host read one rule pack's JSON text
struct RulesFailed { std::string source; std::string message; };     // host could not read or fetch one pack;
                                                                     // every contact stays blocked (fail closed)
struct CalendarReceived { std::string source; std::string text; };   // host read one holiday calendar's JSON
struct CalendarFailed { std::string source; std::string message; };  // host could not read or fetch one calendar
// The collector offers the plan quoted for `request`: update re-quotes it with core and, when it quotes and the
// policy check finds no violation, appends a PlanAccepted event (canonical request JSON + quote digest) to the
// journal. Screens leave id, recorded_at and author empty: the App stamps them from the host before update.
struct RecordOffer {
  std::string account_id;
  plans::PlanRequest request;
  EventId id;                                                        // from the host's id source
  Instant recorded_at;                                               // from the host's clock
  Author author;                                                     // the host's user and device
};

// The collector starts an attempt: update checks compliance again at `at` and, when allowed, starts a session and
// appends its ContactAttempted event; when blocked, it keeps the decision (ContactState::refused) instead.
// Screens leave id, at and author empty: the App stamps them from the host.
struct StartContact {
  std::string account_id;
  std::string party_id;
  ContactChannel channel = ContactChannel::phone;
  std::string contact_point;                                         // the number, email or address used
  EventId id;                                                        // the attempt's event id, from the host
  Instant at;                                                        // from the host's clock
  Author author;                                                     // the host's user and device
};
struct AnswerQuestions { std::vector<Answer> answers; };             // the party's answers, checked by core
// The collector records the outcome: update appends the events core produces (finish_contact) and ends the
// session; with problems (outcome not open, bad promise) it keeps the session and the problems. The App stamps
// ids (more than any outcome needs), at, today (the collector's local date) and author.
struct FinishContact {
  ContactOutcome outcome = ContactOutcome::no_answer;
  OutcomeDetails details;                                            // promise, dispute reason, cease scope
  std::vector<EventId> ids;
  Instant at;
  Date today;
  Author author;
};

// Events the host read from its own storage or fetched from the server (JSON Lines, the journal format): merged by
// id into the journal, never published again. `acknowledged`: the server holds them (fetched from it).
struct JournalReceived { std::string source; std::string text; bool acknowledged = false; };
struct EventsAcknowledged { std::vector<EventId> ids; };            // the server stored these (or held them)
struct EventRejected { EventId id; std::string reason; };           // the server refused this event, and why

using Action = std::variant<LoadStarted, PortfolioReceived, LoadFailed, SelectAccount, SortQueue, FilterQueue,
                            RecordOffer, RulesRequested, RulesReceived, RulesFailed, StartContact, AnswerQuestions,
                            FinishContact,
                            CalendarReceived, CalendarFailed,
                            JournalReceived, EventsAcknowledged, EventRejected>;

AppState update(AppState state, Action action);  // the new state after one action

// Collects the actions screens emit during a frame; the app applies them after the frame.
class Dispatch {
 public:
  void operator()(Action action) { pending_.push_back(std::move(action)); }  // queue one action
  std::vector<Action> take() { return std::exchange(pending_, {}); }        // the queued actions, in order

 private:
  std::vector<Action> pending_;
};

}  // namespace parley::shell
