#pragma once
// The shell's state as values, the actions that change it, the effects an action asks the host to run, and the
// update function that applies one action.
//
// Index of this file:
// [SECTION] Loaded portfolio   the portfolio with what the queue derives from it once (names, days, search keys)
// [SECTION] Journal            the journal of events, shared between states and copied only when changed while shared
// [SECTION] Folds              the account folds kept in step with the journal
// [SECTION] Queue slice        sort column, direction, filter, the resulting row order and the folds' balances;
//                              the desk: each account's priority by its strategy, and what get-next found
// [SECTION] Quoter slice       the plan quoter's terms, its quote and the policy's findings
// [SECTION] Contact slice      the compliance banner, the attempt in progress and what its last step said
// [SECTION] Assets slice       rule packs and holiday calendars handed in by the host
// [SECTION] Sync slice         what the server said of each event, and events that could not be merged
// [SECTION] App state          load status, the loaded portfolio, the selected account, the clock, the slices
// [SECTION] Actions            what screens and hosts ask for, one group per slice
// [SECTION] Effects            what the host runs after an action (publish the events recorded)
// [SECTION] Update             step() and update()
//
// Screens read a const AppState and dispatch actions; only update() makes a new state, and it returns the effects
// for the host to run through its services. Hosts do the I/O (read a file, fetch a URL, store or send an event)
// and hand results in as actions, so the same state code runs on every host. Every domain result a screen shows
// (the quote, the policy's findings, the compliance banner, an account's fold and its plans' progress) is computed
// here, by core, and kept in the state: screens only lay it out.
//
// Cost: an action changes the state in place when no other state shares what it changes (the journal, a fold);
// recording an event costs the same whatever the journal's size.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "parley/account/account.h"
#include "parley/account/views.h"
#include "parley/assets.h"
#include "parley/calendar/business_days.h"
#include "parley/calendar/calendar_choice.h"
#include "parley/compliance/check.h"
#include "parley/compliance/rule_pack.h"
#include "parley/contact/contact.h"
#include "parley/payments/processor.h"
#include "parley/journal/journal.h"
#include "parley/money.h"
#include "parley/plans/plan.h"
#include "parley/plans/policy_check.h"
#include "parley/portfolio.h"
#include "parley/problem.h"
#include "parley/queue/desk.h"

namespace parley::shell {

// [SECTION] Loaded portfolio ----------------------------------------------------------------------------------

// One account as the queue lists, sorts and filters it; derived once when the portfolio is loaded.
struct QueueEntry {
  std::uint32_t account = 0;        // index into Portfolio::accounts
  std::string debtor_name;          // "Given Family" of the first debtor party; empty if none
  std::string client_name;          // the creditor client's name, or its id when the client is unknown
  Locale locale = Locale::en_US;    // display locale from the account's language (en-US when unsupported)
  Money balance;                    // the placement's balance (Balance::total); QueueSlice::balance_of gives the
                                    // balance now, after the account's events
  Date first_delinquency;           // the account's: days past due count from it to the agency's today
  std::string search_key;           // lowercase id, debtor, client and jurisdiction, for the filter

  int days_past_due(Date today) const { return today - first_delinquency; }
};

// A loaded portfolio never changes: the state shares it, so copying a state does not copy the accounts.
struct LoadedPortfolio {
  Portfolio portfolio;
  std::vector<QueueEntry> entries;                              // one per account, in portfolio order
  std::unordered_map<std::string_view, std::uint32_t> by_id;    // account id -> index (views into portfolio)
  std::vector<std::string> consumers;  // consumer_ids(portfolio): each account's consumer, "" for nobody else's
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_consumer;  // consumer -> accounts (views
                                                                                 // into consumers)
  std::unordered_map<std::string_view, const Client*> clients;  // client id -> client

  const Account* find_account(std::string_view id) const;     // null when no account has this id
  std::optional<std::uint32_t> index_of(std::string_view id) const;  // the account's index, nullopt when unknown
  const Client* client_of(const Account& account) const;      // its creditor client, or null
  std::vector<std::uint32_t> consumer_accounts(std::uint32_t account) const;  // the consumer's other accounts
};

std::shared_ptr<const LoadedPortfolio> make_loaded_portfolio(Portfolio portfolio);  // derives entries and index

// [SECTION] Journal -------------------------------------------------------------------------------------------

// The journal of a state. Copying a state shares it; edit() copies it first only when another state shares it, so
// the App, which keeps one state, changes its journal in place. Null (false) until the first event arrives.
class SharedJournal {
 public:
  SharedJournal() = default;
  explicit SharedJournal(Journal journal);

  explicit operator bool() const { return journal_ != nullptr; }
  const Journal& operator*() const { return *journal_; }
  const Journal* operator->() const { return journal_.get(); }
  const Journal* get() const { return journal_.get(); }
  Journal& edit();  // the journal to change: created when there is none, copied first when shared

 private:
  std::shared_ptr<Journal> journal_;
};

// [SECTION] Folds ---------------------------------------------------------------------------------------------

// AccountState of the accounts the shell works on (the selected one, the consumer's others, those it recorded
// events for), kept in step with the journal: events that sort after an account's last folded one are applied to
// its state; an event that sorts before it refolds the account. Entries are shared between copied states like the
// journal and copied before they change.
class FoldCache {
 public:
  const AccountState* find(std::uint32_t account) const;  // null when the account is not cached
  std::size_t size() const { return entries_.size(); }
  std::uint64_t refolds() const { return refolds_; }  // whole refolds so far (first folds included)

  // The account's fold, folded from the journal when it is not cached yet.
  const AccountState& ensure(const LoadedPortfolio& data, const Journal* journal, std::uint32_t account);
  // The journal gained `added` (events of one account, any order): applied to the account's cached fold, or the
  // account refolded when one sorts before its last folded event. Nothing when the account is not cached.
  void added(const LoadedPortfolio& data, const Journal& journal, std::uint32_t account,
             std::vector<const Event*> added);
  // Drops the folds of accounts not in `keep` once more than `limit` are cached.
  void trim(std::span<const std::uint32_t> keep, std::size_t limit);
  void clear() { entries_.clear(); }

 private:
  struct Entry {
    AccountState state;
    std::optional<EventId> last;  // the last event folded, in journal order
  };
  Entry& own(std::uint32_t account);  // the entry to change, copied first when shared
  void refold(const LoadedPortfolio& data, const Journal* journal, std::uint32_t account);

  std::map<std::uint32_t, std::shared_ptr<Entry>> entries_;
  std::uint64_t refolds_ = 0;
};

// [SECTION] Queue slice ---------------------------------------------------------------------------------------

enum class QueueColumn { id, debtor, client, balance, days_past_due, aging, risk, jurisdiction, priority };
inline constexpr int queue_column_count = 9;

// An account get-next passed over, with compliance's reasons and when it becomes callable.
struct SkippedAccount {
  std::string account_id;
  Decision decision;
};

// A plan referred to a supervisor and still pending (approval-requested), for the approvals view.
struct PendingApproval {
  std::uint32_t account = 0;          // index into the portfolio's accounts
  ApprovalRecord referral;
  std::string payments;               // describe_payments of its quote: "18 monthly payments of $59.72"; empty
                                      // when the request no longer quotes
  std::vector<std::string> findings;  // what needs the approval, in the policy check's words
};

// An account one of its strategy's escalation rules finds due (escalation_due), for the supervisor view.
struct DueEscalation {
  std::uint32_t account = 0;          // index into the portfolio's accounts
  std::string rule_id;
  EscalationTarget to = EscalationTarget::hard_collections;
  std::string reason;
};

// The desk (parley/queue/desk.h): every account's priority by its client's strategy, scored at `as_of`, and what
// the last get-next found. Scored afresh when the portfolio, the strategies or the agency's day change, every
// desk_rescore_seconds, and on get-next; an account whose events change is scored again at once.
struct DeskSlice {
  std::vector<std::optional<Priority>> priorities;  // by account index; nullopt: no strategy works its client
  Instant as_of;                                    // the instant the priorities were scored at
  Date day;                                         // the agency's day they were scored on
  const LoadedPortfolio* portfolio = nullptr;       // the portfolio they were scored for
  std::uint64_t strategies_version = 0;             // AssetsSlice::strategies_version they were scored with
  bool assets_loading = true;                       // the host was still handing asset files in
  Problems problems;                                // strategies that failed; clients no strategy works (said
                                                    // once the host has handed every asset file in)
  bool asked = false;                               // get-next was pressed
  std::string next;                                 // the account it selected; empty: none may be called now
  std::vector<SkippedAccount> skipped;              // the accounts it passed over, in desk order
  std::string refused;                              // why the last get-next did nothing (a call in progress)
  std::vector<PendingApproval> approvals = {};      // plans waiting on a supervisor, oldest request first
  std::vector<DueEscalation> escalations = {};      // escalations due, in portfolio order
  Problems supervisor_problems = {};                // why the last DecideApproval, RecordEscalation or
                                                    // OverrideRisk recorded nothing; empty once one is recorded
  std::map<std::uint32_t, PeriodNumbers> figures_by_account = {};  // each account's payments and promises in the
                                                                   // goal plan's period (docs/goals.md), when any
  std::optional<PeriodNumbers> figures = std::nullopt;  // their sum, by collector; nullopt: no goal plan loaded
};
inline constexpr std::int64_t desk_rescore_seconds = 600;

struct QueueSlice {
  QueueColumn sort_column = QueueColumn::priority;  // `sort_column`: default = the desk's order (priority)
  bool descending = true;                           // `descending`: default = true (the desk's order)
  std::string filter;                                    // `filter`: case-insensitive substring; empty = all
  std::vector<std::uint32_t> rows;                       // indices into LoadedPortfolio::entries, shown in order
  std::unordered_map<std::uint32_t, Money> balances;     // the fold's balance now, for accounts where it is not
                                                         // the placement's
  Date today;                                            // the day days past due and aging count to: the agency's
                                                         // today (AppState::today)

  DeskSlice desk;

  Money balance_of(const QueueEntry& entry) const;       // the account's balance now
  const Priority* priority_of(std::uint32_t account) const;  // null when the account is not scored
  RiskTier risk_of(const QueueEntry& entry, const Account& account) const;  // the strategy's tier, else the placed
};

// Recomputes slice.rows from the entries, the filter and the sort. Balances in different currencies order by
// currency code first, then by amount; ties keep the portfolio order.
void rebuild_rows(QueueSlice& slice, const LoadedPortfolio& data);

// [SECTION] Quoter slice --------------------------------------------------------------------------------------

// What the collector edits in the quoter. The request holds either instalment terms or settlement terms; the
// other mode's terms are kept aside so switching back restores them. Update keeps the request's balance (the
// fold's itemisation now), policy, quote date (the agency's today), convenience fee (what the client authorises
// for the method) and interest (none unless the policy allows it) from core, whatever the screen sends.
struct QuoterTerms {
  plans::PlanRequest request;
  bool settlement = false;               // true: request.settlement is edited; false: request.plan
  std::optional<plans::InstalmentTerms> aside_plan;          // the plan terms while the settlement is edited
  std::optional<plans::SettlementTerms> aside_settlement;    // the settlement terms while the plan is edited
  bool by_amount = false;                // true: the customer names an affordable instalment; false: a term
  int instalments = 12;                  // the term while by_amount is false
  std::int64_t affordable_minor = 0;     // the affordable instalment while by_amount is true
  bool calendar_picked = false;          // the collector picked the calendar; else core's choice applies once loaded
  friend bool operator==(const QuoterTerms&, const QuoterTerms&) = default;
};

// The quoter of the selected account: its terms and core's quote of them, recomputed whenever the terms, the
// balance, the day or the calendars change. Set up afresh when another account is selected.
struct QuoterSlice : QuoterTerms {
  std::string account_id;                // whose terms these are; empty: none
  std::uint64_t revision = 0;            // counts the times update replaced the terms (set-up, mode, Apply): the
                                         // screen reloads its text boxes then
  CalendarChoice calendar_choice;        // core's calendar for the account (jurisdiction, else address)
  std::int64_t down_floor = 0;           // the policy's smallest down payment on the balance at the last update: a
                                         // down payment left at it follows the balance when a payment changes it
  std::optional<plans::PlanRequest> quoted;  // the request the fields below describe
  std::uint64_t quoted_assets = 0;       // AssetsSlice::version when it was quoted
  std::optional<plans::Quote> quote;     // its quote, when it quotes
  Problems problems;                     // why it does not quote
  plans::PolicyCheck check;              // violations and approvals of the quote
  Problems offer_problems;               // why the last RecordOffer recorded nothing (core's check_offer_event);
                                         // empty once one is recorded

  // A collector offers alone only what quotes, breaks no bound and needs no approval (core's check_offer).
  bool can_offer() const;
  // What needs a supervisor's approval and breaks no bound is referred to one instead (core's check_referral).
  bool can_refer() const;
  const QuoterTerms& terms() const { return *this; }
};

// [SECTION] Contact slice -------------------------------------------------------------------------------------

// What the banner checks (the party, channel and contact point picked for the selected account, or the attempt's),
// core's decision for it at the state's clock, and at most one attempt in progress. Starting, verifying, finishing
// and recording a letter are actions; their refusals are kept so the screen can say why nothing happened.
struct ContactSlice {
  std::string picked_account;                     // whose picks these are
  std::string party_id;                           // the party picked (default: the first debtor)
  ContactChannel channel = ContactChannel::phone;
  std::string point;                              // the contact point picked; empty when the party has none usable
  std::vector<std::string> points;                // the points core lets the party be reached at on the channel
                                                  // (reachable_points of the fold), in order
  std::optional<Decision> banner;                 // check() for the party, channel and point (or the attempt's) now
  std::string banner_party;                       // the party id that decision is about
  std::vector<LetterTemplate> templates;          // the letter templates the account's rule packs name
  std::string letter_template;                    // the one picked (one of templates; the first by default): on the
                                                  // letter channel the banner checks a letter of its purpose

  std::optional<ContactSession> session;          // the attempt in progress; nullopt: none
  std::optional<VerificationResult> verification; // the answers last checked in this session
  std::string account_id;                         // the account `refused` and `problems` are about
  std::optional<Decision> refused;                // the last start compliance refused, with every reason
  Problems problems;                              // why the last start, verification, finish or letter did nothing
  std::string finished;                           // what the last finished attempt recorded, e.g.
                                                  // "Right-party contact: 2 events recorded"
  std::string added_party;                        // the id of the party the last AddParty recorded
};

// [SECTION] Assets slice --------------------------------------------------------------------------------------

struct AssetsSlice {
  // The rule packs and holiday calendars handed in, in core's one loader (parley/assets.h); null until the host
  // expects or hands in the first file, and contact waits meanwhile as it does while they load.
  std::shared_ptr<const Assets> files;
  std::uint64_t version = 0;                      // counts the changes of `files`
  std::uint64_t strategies_version = 0;           // counts the files handed in under strategies/

  const RuleBook& rules() const;                  // files->rules, or a book still waiting for its packs
  const CalendarSet& calendars() const;           // files->calendars, or none
  Problems calendar_problems() const;             // the files under calendars/ that failed (path: their name)
};

// [SECTION] Sync slice ----------------------------------------------------------------------------------------

// Where a journal event stands with the server (POST /api/events, docs/api.md).
enum class SyncStatus { unsent, accepted, rejected };  // "unsent": not yet acknowledged by a server
std::string_view to_string(SyncStatus status);         // "unsent", "accepted", "rejected"
struct EventSync {
  SyncStatus status = SyncStatus::unsent;
  std::string reason;                                  // the server's reason, when rejected
  friend bool operator==(const EventSync&, const EventSync&) = default;
};

struct SyncSlice {
  std::map<EventId, EventSync> events;            // server status of journal events; absent: unsent
  Problems journal_problems;                      // events handed in that could not be merged (path: source)
};

// [SECTION] App state -----------------------------------------------------------------------------------------

enum class LoadStatus { loading, ready, error };
std::string_view to_string(LoadStatus status);  // "loading", "ready", "error"

// The selected account's plans as of the agency's today (plan_progress), kept while the fold, the day and the
// calendars stay the same.
struct AccountPanel {
  std::string account_id;
  std::size_t events = 0;                         // AccountState::events it was computed for
  Date as_of;
  std::uint64_t assets_version = 0;               // AssetsSlice::version it was computed for
  std::vector<PlanProgress> plans;                // one per AccountState::plans, in order
};

struct AppState {
  LoadStatus status = LoadStatus::loading;        // until a portfolio or a failure arrives
  std::string source;                             // where the portfolio comes from: a file path or a URL
  Problems problems;                              // why loading failed (status == error)
  std::shared_ptr<const LoadedPortfolio> data;    // set when status == ready
  std::string selected;                           // id of the account shown in the account panel; empty: none
  Instant now;                                    // the host's clock at the last ClockTick
  Date today;                                     // the agency's day at `now` (agency_today): quotes, promises,
                                                  // letters and outcomes; the portfolio's as_of date before the
                                                  // first ClockTick
  SharedJournal journal;                          // every event recorded here or handed in; null until the first
  FoldCache folds;                                // folds of the accounts worked on, in step with the journal
  AccountPanel panel;                             // the selected account's plans' progress
  QueueSlice queue;
  QuoterSlice quoter;
  ContactSlice contact;
  AssetsSlice assets;
  SyncSlice sync;

  std::string error_text() const;                 // problems, one per line; empty unless status == error
  const Account* selected_account() const;        // null when nothing (or nothing loaded) is selected
  std::size_t account_count() const;              // accounts loaded; 0 before
  // Its offers, in order: the PlanAccepted and ApprovalRequested (referred to a supervisor) events.
  std::vector<const Event*> offers_for(std::string_view account_id) const;
  const Calendar* calendar(std::string_view id) const;  // the calendar handed in with this id; null if none
  const GoalPlan* goal_plan() const;              // the goal plan handed in (goals/), or null
  EventSync sync_of(EventId id) const;            // the event's server status (unsent when never reported)
  const Client* client_of(const Account& account) const;  // its creditor client, or null when not loaded
  // The account's state now (parley/account/account.h): the cached fold when the account is worked on (the
  // selected account always is), else its placement folded with its events.
  const AccountState* fold_of(std::string_view account_id) const;  // the cached fold, or null
  AccountState account_state(const Account& account) const;
  // May `party` of `account` be contacted on `channel` through `contact_point` (empty: any) at `at`: check() on the
  // account's fold with the loaded rule packs and the folds of the consumer's other accounts; blocked (fail
  // closed) while rule packs are still loading or none arrived.
  Decision contact_decision(const Account& account, const Party& party, ContactChannel channel, Instant at,
                            std::string_view contact_point = {},
                            LetterPurpose purpose = LetterPurpose::collection) const;
  // May `collector` (empty: any) call the account's debtor now on one of its numbers (core's next_call_decision,
  // each number checked as contact_decision does): what get-next asks of each account. `number`: set to the number
  // allowed.
  Decision call_decision(const Account& account, Instant at, std::string_view collector = {},
                         std::string* number = nullptr) const;
};

// [SECTION] Actions -------------------------------------------------------------------------------------------
// Screens leave the ids, instants and author of the actions that record events empty: the App stamps them from the
// host (HostServices) before update.

// The app: loading, selection, the clock.
struct LoadStarted { std::string source; };                          // host began reading or fetching it
struct PortfolioReceived { std::string source; std::string text; };  // host read the portfolio JSON text
struct LoadFailed { std::string source; std::string message; };      // host could not read or fetch it
struct SelectAccount { std::string account_id; };                    // empty id closes the account panel
struct ClockTick { Instant now; };                                   // the host's clock moved on (once a frame)
using AppAction = std::variant<LoadStarted, PortfolioReceived, LoadFailed, SelectAccount, ClockTick>;

// The queue.
struct SortQueue { QueueColumn column = QueueColumn::days_past_due; bool descending = true; };
struct FilterQueue { std::string text; };                            // new filter text
// Score the desk now and select the first account that may be called (none during a call), passing over accounts
// on another collector's desk. The App stamps the collector (the host's user).
struct GetNext { std::string collector; };
// A supervisor approves or declines a plan referred to them: update records core's ApprovalDecided once
// check_event and check_decision find nothing to refuse (the collector who asked cannot decide).
struct DecideApproval {
  std::string account_id;
  EventId request_id;
  bool approved = false;
  std::string note;
  EventId id;
  Instant at;
  Author author;
};
// A supervisor sends an account where its strategy's escalation rule `rule_id` says: update records core's
// Escalated (escalation_of) while the rule is still the one due, once check_event finds nothing to refuse.
struct RecordEscalation {
  std::string account_id;
  std::string rule_id;
  EventId id;
  Instant at;
  Author author;
};
// A supervisor sets the account's risk tier by hand (nullopt: back to the strategy's), with why and the last day it
// holds ("YYYY-MM-DD", empty: until replaced): update records core's RiskOverridden once it is valid and
// check_event finds nothing to refuse; the desk scores the account again at once.
struct OverrideRisk {
  std::string account_id;
  std::optional<RiskTier> tier;
  std::string reason;
  std::string until;
  EventId id;
  Instant at;
  Author author;
};
using QueueAction = std::variant<SortQueue, FilterQueue, GetNext, DecideApproval, RecordEscalation, OverrideRisk>;

// The quoter.
struct EditQuote { std::string account_id; QuoterTerms terms; };     // the collector changed the terms
struct SwitchQuoteMode { std::string account_id; bool settlement = false; };  // instalment plan or settlement
// The collector applies the compliant alternative of violation `violation` of the current check.
struct ApplyAlternative { std::string account_id; std::size_t violation = 0; };
// The collector offers the plan quoted for `request`: update re-quotes it with core and, when core's offer check
// (check_offer) finds nothing, appends a PlanAccepted event (canonical request JSON + quote digest).
// With `refer`, the offer needs a supervisor's approval and is referred (ApprovalRequested, check_referral) with
// the collector's note.
struct RecordOffer {
  std::string account_id;
  plans::PlanRequest request;
  EventId id;                                                        // from the host's id source
  Instant recorded_at;                                               // from the host's clock
  Author author;                                                     // the host's user and device
  bool refer = false;
  std::string note = {};
};
using QuoterAction = std::variant<EditQuote, SwitchQuoteMode, ApplyAlternative, RecordOffer>;

// Contact.
// The collector picks the party, channel and contact point the banner checks (empty point: the first usable one).
struct PickContact {
  std::string account_id;
  std::string party_id;
  ContactChannel channel = ContactChannel::phone;
  std::string point;
  std::string letter_template = {};  // on the letter channel: the template picked (empty: the first)
};
// The collector starts an attempt: update checks compliance again at `at` and, when allowed, starts a session and
// appends its ContactAttempted event; when blocked, it keeps the decision (ContactSlice::refused) instead.
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
// The collector records the outcome: update appends the events core produces (finish_contact, dated on the
// agency's day at `at`) and ends the session; with problems (outcome not open, bad promise) it keeps the session
// and the problems. The App stamps ids (more than any outcome needs), at and author.
struct FinishContact {
  ContactOutcome outcome = ContactOutcome::no_answer;
  OutcomeDetails details;                                            // promise, dispute reason, cease scope
  std::vector<EventId> ids;
  Instant at;
  Author author;
};
// The collector records a letter sent to `party_id` at `address` from `template_id`: update checks compliance for
// the letter channel at `at` and, when allowed, appends core's LetterIssued (make_letter, provided on the agency's
// day at `at`) once check_event finds nothing to refuse.
struct RecordLetter {
  std::string account_id;
  std::string party_id;
  std::string template_id;
  std::string address;                                               // address_key() of one of the party's addresses
  EventId id;
  Instant at;
  Author author;
};
// The collector records a party learned of after placement (an attorney who wrote, a spouse who called): update
// appends core's PartyAdded and, with a phone, its ContactPointAdded (make_party, seen on the agency's day at
// `at`) once check_event finds nothing to refuse, and picks the new party for the banner. The App stamps two ids.
struct AddParty {
  std::string account_id;
  NewParty party;
  std::vector<EventId> ids;
  Instant at;
  Author author;
};
// An attorney of the account ended its representation or consents (or no longer consents) to direct
// communication with the party it represents: update appends core's RepresentationChanged.
struct ChangeRepresentation {
  std::string account_id;
  std::string attorney_id;
  bool ended = false;
  bool direct_contact = false;
  EventId id;
  Instant at;
  Author author;
};
// The party gave or revoked its consent to `channel` at `point`, by any reasonable means (on a call, in writing):
// update appends core's ConsentChanged, which the check reads at once.
struct ChangeConsent {
  std::string account_id;
  std::string party_id;
  ContactChannel channel = ContactChannel::phone;
  std::string point;
  bool given = false;
  EventId id;
  Instant at;
  Author author;
};
// A public body's notice of a protection for a party (a breathing space, a surendettement file found admissible), or a
// later notice of its end: update appends core's ProtectionReported, which the check reads at once.
struct ReportProtection {
  std::string account_id;
  std::string party_id;
  Protection protection = Protection::breathing_space;
  std::string starts;     // "YYYY-MM-DD"
  std::string ends;       // "YYYY-MM-DD", or empty: until a later notice ends it
  std::string reference;
  EventId id;
  Instant at;
  Author author;
};
// The collector's reason to believe a third party's earlier answer about the consumer's location wrong or incomplete:
// update appends core's RecontactJustified, which opens one more location contact with that person.
struct JustifyRecontact {
  std::string account_id;
  std::string party_id;
  std::string reason;
  EventId id;
  Instant at;
  Author author;
};
// What reached the agency in writing from a party (a dispute, a request for the original creditor's name and address,
// a cease request): update appends core's DisputeOpened or CeaseRequested with its medium, which the check reads at
// once.
struct RecordCorrespondence {
  std::string account_id;
  std::string party_id;
  Correspondence correspondence;
  EventId id;
  Instant at;
  Author author;
};
// A time the party asked to be called back, on the party's clock (core's make_callback, read at `at`).
struct ScheduleCallback {
  std::string account_id;
  std::string party_id;
  std::string date;  // "YYYY-MM-DD"
  std::string time;  // "HH:MM"
  std::string note;
  EventId id;
  Instant at;
  Author author;
};
// A payment taken on the call with the form's instrument. The App charges its processor first (take_payment(),
// under the action's id) and hands in what came back as `taken`; update then records its PaymentPosted, or shows
// the decline or the form's problems. The form's number never enters the state.
struct TakePayment {
  std::string account_id;
  PaymentForm form;
  std::optional<PaymentTaken> taken;  // null: no processor answered (the host has none)
  bool sandbox = false;               // the processor was the sandbox: no money moved
  EventId id;
  Instant at;
  Author author;
};
// Payments of an account the processor took back (returned_payments()): update records their PaymentReversed
// events under `ids` (one each), checked like any other.
struct ReversePayments {
  std::string account_id;
  std::vector<PaymentReversed> reversals;
  std::vector<EventId> ids;
  Instant at;
  Author author;
};
using ContactAction = std::variant<PickContact, StartContact, AnswerQuestions, FinishContact, RecordLetter, AddParty,
                                   ChangeRepresentation, ChangeConsent, ReportProtection, JustifyRecontact,
                                   RecordCorrespondence, ScheduleCallback, TakePayment, ReversePayments>;

// Assets: the files of rules/ and calendars/ under their names ("rules/US-MA.json"), as core's Assets takes them.
struct AssetsExpected { std::vector<std::string> names; };    // host began reading or fetching these files: contact
                                                              // waits until each is received or failed
struct AssetReceived { std::string name; std::string text; };  // host read one file's JSON text
struct AssetFailed { std::string name; std::string message; };  // host could not read or fetch one file (a rule
                                                                 // pack's failure blocks every contact: fail closed)
using AssetsAction = std::variant<AssetsExpected, AssetReceived, AssetFailed>;

// Sync.
// Events the host read from its own storage or fetched from the server (JSON Lines, the journal format): merged by
// id into the journal, never published again. `acknowledged`: the server holds them (fetched from it).
struct JournalReceived { std::string source; std::string text; bool acknowledged = false; };
struct EventsAcknowledged { std::vector<EventId> ids; };            // the server stored these (or held them)
struct EventRejected { EventId id; std::string reason; };           // the server refused this event, and why
using SyncAction = std::variant<JournalReceived, EventsAcknowledged, EventRejected>;

// Any action converts from its own type: update(state, SortQueue{...}).
using Action = std::variant<AppAction, QueueAction, QuoterAction, ContactAction, AssetsAction, SyncAction>;

template <class T, class Group>
struct group_holds;
template <class T, class... Ts>
struct group_holds<T, std::variant<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};

// The action of type T inside `action`, or null.
template <class T>
T* action_as(Action& action) {
  T* found = nullptr;
  std::visit(
      [&found](auto& group) {
        if constexpr (group_holds<T, std::decay_t<decltype(group)>>::value) found = std::get_if<T>(&group);
      },
      action);
  return found;
}

// Collects the actions screens emit during a frame; the app applies them after the frame.
class Dispatch {
 public:
  void operator()(Action action) { pending_.push_back(std::move(action)); }  // queue one action
  std::vector<Action> take() { return std::exchange(pending_, {}); }        // the queued actions, in order

 private:
  std::vector<Action> pending_;
};

// [SECTION] Effects -------------------------------------------------------------------------------------------

// Events the shell recorded in this action, in the order appended: the host stores or sends them (the desktop
// appends them to its journal file, the browser's bridge puts them in its outbox for POST /api/events). Never
// for events the host handed in (JournalReceived).
struct PublishEvents { std::vector<Event> events; };
using Effect = std::variant<PublishEvents>;
using Effects = std::vector<Effect>;

// [SECTION] Update --------------------------------------------------------------------------------------------

struct Step {
  AppState state;   // the new state
  Effects effects;  // what the host runs, in order
};
Step step(AppState state, Action action);        // the new state after one action, and its effects
AppState update(AppState state, Action action);  // step(...).state, for callers that run no effects

}  // namespace parley::shell
