#pragma once
// The shell's state as values, the actions that change it, and the update function that applies them.
//
// Index of this file:
// [SECTION] Loaded portfolio   the portfolio with what the queue derives from it once (names, days, search keys)
// [SECTION] Queue view         sort column, direction, filter and the resulting row order
// [SECTION] App state          load status, the loaded portfolio, the selected account, the queue view, offers
// [SECTION] Actions            what screens and hosts ask for; applied between frames by update()
//
// Screens read a const AppState and dispatch actions; only update() makes a new state. Hosts do the I/O (read
// a file, fetch a URL) and hand the result in as an action, so the same state code runs on every host.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

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

  const Account* find_account(std::string_view id) const;     // null when no account has this id
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

// [SECTION] App state -----------------------------------------------------------------------------------------

enum class LoadStatus { loading, ready, error };
std::string_view to_string(LoadStatus status);  // "loading", "ready", "error"

struct AppState {
  LoadStatus status = LoadStatus::loading;        // until a portfolio or a failure arrives
  std::string source;                             // where the portfolio comes from: a file path or a URL
  Problems problems;                              // why loading failed (status == error)
  std::shared_ptr<const LoadedPortfolio> data;    // set when status == ready
  std::string selected;                           // id of the account shown in the account panel; empty: none
  QueueView queue;
  std::shared_ptr<const Journal> journal;         // plan offers recorded this session; null until the first one

  std::string error_text() const;                 // problems, one per line; empty unless status == error
  const Account* selected_account() const;        // null when nothing (or nothing loaded) is selected
  std::size_t account_count() const;              // accounts loaded; 0 before
  std::vector<const Event*> offers_for(std::string_view account_id) const;  // its PlanAccepted events, in order
};

// [SECTION] Actions -------------------------------------------------------------------------------------------

struct LoadStarted { std::string source; };                          // host began reading or fetching it
struct PortfolioReceived { std::string source; std::string text; };  // host read the portfolio JSON text
struct LoadFailed { std::string source; std::string message; };      // host could not read or fetch it
struct SelectAccount { std::string account_id; };                    // empty id closes the account panel
struct SortQueue { QueueColumn column = QueueColumn::days_past_due; bool descending = true; };
struct FilterQueue { std::string text; };                            // new filter text
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

using Action = std::variant<LoadStarted, PortfolioReceived, LoadFailed, SelectAccount, SortQueue, FilterQueue,
                            RecordOffer>;

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
