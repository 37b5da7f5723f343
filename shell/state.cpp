// The update function, the slices' reducers, the journal shared between states, the fold cache and the queue's
// derived rows (see parley/shell/state.h).
//
// Index of this file:
// [SECTION] Helpers
// [SECTION] Loaded portfolio
// [SECTION] Journal
// [SECTION] Folds
// [SECTION] Queue slice
// [SECTION] App state
// [SECTION] Desk          every account's priority by its strategy; get-next
// [SECTION] Recording     events appended here (published) or handed in (merged), and what follows in the folds
// [SECTION] Refresh       the selected account's fold, banner, quote and plans, after every action
// [SECTION] App actions
// [SECTION] Queue actions
// [SECTION] Quoter actions
// [SECTION] Contact actions
// [SECTION] Assets actions
// [SECTION] Sync actions
// [SECTION] Update

#include "parley/shell/state.h"

#include <algorithm>
#include <set>
#include <span>
#include <type_traits>

#include "parley/account/offers.h"
#include "parley/compliance/locations.h"
#include "parley/journal/journal_json.h"
#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"
#include "parley/portfolio_json.h"

namespace parley::shell {
namespace {

// [SECTION] Helpers -------------------------------------------------------------------------------------------

// ASCII lowercase; other bytes (UTF-8 sequences) pass through unchanged.
std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

int risk_rank(RiskTier risk) {  // ascending order: low, medium, high
  switch (risk) {
    case RiskTier::low: return 0;
    case RiskTier::medium: return 1;
    case RiskTier::high: return 2;
  }
  return 1;
}

// A party of the fold: placed, or added after placement (PartyAdded).
const Party* find_party(const AccountState& fold, std::string_view party_id) {
  const PartyRecord* record = fold.party(party_id);
  return record != nullptr ? record->party : nullptr;
}

// Events that change what the fold says is owed.
bool changes_balance(const Event& event) {
  return event.get<PaymentPosted>() || event.get<PaymentReversed>() || event.get<BalanceAdjusted>();
}

}  // namespace

// [SECTION] Loaded portfolio ----------------------------------------------------------------------------------

const Account* LoadedPortfolio::find_account(std::string_view id) const {
  const auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : &portfolio.accounts[it->second];
}

std::optional<std::uint32_t> LoadedPortfolio::index_of(std::string_view id) const {
  const auto it = by_id.find(id);
  if (it == by_id.end()) return std::nullopt;
  return it->second;
}

const Client* LoadedPortfolio::client_of(const Account& account) const {
  const auto it = clients.find(account.client_id);
  return it == clients.end() ? nullptr : it->second;
}

std::vector<std::uint32_t> LoadedPortfolio::consumer_accounts(std::uint32_t account) const {
  std::vector<std::uint32_t> out;
  const std::string_view key = consumers[account];
  if (key.empty()) return out;
  const auto it = by_consumer.find(key);
  if (it == by_consumer.end()) return out;
  for (const std::uint32_t i : it->second) {
    if (i != account) out.push_back(i);
  }
  return out;
}

std::shared_ptr<const LoadedPortfolio> make_loaded_portfolio(Portfolio portfolio) {
  auto data = std::make_shared<LoadedPortfolio>();
  data->portfolio = std::move(portfolio);
  const Portfolio& p = data->portfolio;

  for (const Client& client : p.clients) data->clients.emplace(client.id, &client);
  data->entries.reserve(p.accounts.size());
  data->by_id.reserve(p.accounts.size());
  for (std::uint32_t i = 0; i < p.accounts.size(); ++i) {
    const Account& account = p.accounts[i];
    QueueEntry entry;
    entry.account = i;
    if (const Party* debtor = account.debtor()) {
      entry.debtor_name = debtor->given_name;
      if (!entry.debtor_name.empty() && !debtor->family_name.empty()) entry.debtor_name += ' ';
      entry.debtor_name += debtor->family_name;
    }
    const Client* client = data->client_of(account);
    entry.client_name = client ? client->name : account.client_id;
    entry.locale = find_locale(account.language).value_or(Locale::en_US);
    entry.balance = account.balance.total();
    entry.first_delinquency = account.first_delinquency;
    entry.search_key = lowercase(account.id + '\n' + entry.debtor_name + '\n' + entry.client_name + '\n' +
                                 account.jurisdiction);
    data->entries.push_back(std::move(entry));
    data->by_id.emplace(account.id, i);
  }
  data->consumers = consumer_ids(p);
  for (std::uint32_t i = 0; i < p.accounts.size(); ++i) {
    if (!data->consumers[i].empty()) data->by_consumer[data->consumers[i]].push_back(i);
  }
  return data;
}

// [SECTION] Journal -------------------------------------------------------------------------------------------

SharedJournal::SharedJournal(Journal journal) : journal_(std::make_shared<Journal>(std::move(journal))) {}

Journal& SharedJournal::edit() {
  if (!journal_) {
    journal_ = std::make_shared<Journal>();
  } else if (journal_.use_count() > 1) {
    journal_ = std::make_shared<Journal>(*journal_);
  }
  return *journal_;
}

// [SECTION] Folds ---------------------------------------------------------------------------------------------

const AccountState* FoldCache::find(std::uint32_t account) const {
  const auto it = entries_.find(account);
  return it == entries_.end() ? nullptr : &it->second->state;
}

FoldCache::Entry& FoldCache::own(std::uint32_t account) {
  std::shared_ptr<Entry>& entry = entries_[account];
  if (!entry) {
    entry = std::make_shared<Entry>();
  } else if (entry.use_count() > 1) {
    entry = std::make_shared<Entry>(*entry);
  }
  return *entry;
}

void FoldCache::refold(const LoadedPortfolio& data, const Journal* journal, std::uint32_t account) {
  const Account& a = data.portfolio.accounts[account];
  Entry& entry = own(account);
  const EventRange events = journal ? journal->events_for(a.id) : EventRange();
  entry.state = fold(a, data.client_of(a), events);
  entry.last.reset();
  for (const Event& event : events) entry.last = event.id;
  ++refolds_;
}

const AccountState& FoldCache::ensure(const LoadedPortfolio& data, const Journal* journal, std::uint32_t account) {
  if (const AccountState* cached = find(account)) return *cached;
  refold(data, journal, account);
  return entries_.at(account)->state;
}

void FoldCache::added(const LoadedPortfolio& data, const Journal& journal, std::uint32_t account,
                      std::vector<const Event*> added) {
  const auto it = entries_.find(account);
  if (it == entries_.end() || added.empty()) return;
  std::sort(added.begin(), added.end(), [](const Event* a, const Event* b) { return comes_before(*a, *b); });
  const Event* last = it->second->last ? journal.find(*it->second->last) : nullptr;
  if (it->second->last && (last == nullptr || comes_before(*added.front(), *last))) {
    refold(data, &journal, account);  // an event sorts before what is folded: the order changed
    return;
  }
  Entry& entry = own(account);
  for (const Event* event : added) apply(entry.state, *event);
  entry.last = added.back()->id;
}

void FoldCache::trim(std::span<const std::uint32_t> keep, std::size_t limit) {
  if (entries_.size() <= limit) return;
  std::erase_if(entries_, [&](const auto& entry) {
    return std::find(keep.begin(), keep.end(), entry.first) == keep.end();
  });
}

// [SECTION] Queue slice ---------------------------------------------------------------------------------------

Money QueueSlice::balance_of(const QueueEntry& entry) const {
  const auto it = balances.find(entry.account);
  return it == balances.end() ? entry.balance : it->second;
}

const Priority* QueueSlice::priority_of(std::uint32_t account) const {
  if (account >= desk.priorities.size() || !desk.priorities[account]) return nullptr;
  return &*desk.priorities[account];
}

RiskTier QueueSlice::risk_of(const QueueEntry& entry, const Account& account) const {
  const Priority* p = priority_of(entry.account);
  return p ? p->risk.tier : account.risk;
}

namespace {

// Strict weak order of two entries by one column, ascending.
bool column_less(const LoadedPortfolio& data, const QueueSlice& slice, QueueColumn column, const QueueEntry& a,
                 const QueueEntry& b) {
  const Account& x = data.portfolio.accounts[a.account];
  const Account& y = data.portfolio.accounts[b.account];
  switch (column) {
    case QueueColumn::id: return x.id < y.id;
    case QueueColumn::debtor: return a.debtor_name < b.debtor_name;
    case QueueColumn::client: return a.client_name < b.client_name;
    case QueueColumn::balance: {
      const Money ma = slice.balance_of(a);
      const Money mb = slice.balance_of(b);
      if (ma.currency() != mb.currency()) return ma.currency().code() < mb.currency().code();
      return ma.minor() < mb.minor();
    }
    case QueueColumn::days_past_due: return b.first_delinquency < a.first_delinquency;  // fewer days first
    case QueueColumn::aging:
      return aging_bucket(a.days_past_due(slice.today)) < aging_bucket(b.days_past_due(slice.today));
    case QueueColumn::risk: return risk_rank(slice.risk_of(a, x)) < risk_rank(slice.risk_of(b, y));
    case QueueColumn::jurisdiction: return x.jurisdiction < y.jurisdiction;
    case QueueColumn::priority: {
      // Ascending: the desk's order reversed; accounts no strategy scores after every scored one.
      const Priority* pa = slice.priority_of(a.account);
      const Priority* pb = slice.priority_of(b.account);
      if (!pa || !pb) return pa == nullptr && pb != nullptr;
      return desk_before(*pb, *pa, slice.desk.as_of);
    }
  }
  return false;
}

// The rows' order: the column in the slice's direction, ties in portfolio order.
bool row_less(const LoadedPortfolio& data, const QueueSlice& slice, std::uint32_t a, std::uint32_t b) {
  const QueueEntry& ea = data.entries[a];
  const QueueEntry& eb = data.entries[b];
  const bool less = slice.descending ? column_less(data, slice, slice.sort_column, eb, ea)
                                     : column_less(data, slice, slice.sort_column, ea, eb);
  if (less) return true;
  const bool greater = slice.descending ? column_less(data, slice, slice.sort_column, ea, eb)
                                        : column_less(data, slice, slice.sort_column, eb, ea);
  return !greater && a < b;
}

// The account's row moved to its place in the slice's order, after what it is sorted by changed.
void reposition(QueueSlice& slice, const LoadedPortfolio& data, std::uint32_t account) {
  const auto at = std::find(slice.rows.begin(), slice.rows.end(), account);
  if (at == slice.rows.end()) return;  // filtered out
  slice.rows.erase(at);
  const auto place = std::lower_bound(slice.rows.begin(), slice.rows.end(), account,
                                      [&](std::uint32_t a, std::uint32_t b) { return row_less(data, slice, a, b); });
  slice.rows.insert(place, account);
}

// The account's balance now is `balance`: kept for the queue, and its row moved when the queue is sorted by it.
void set_balance(QueueSlice& slice, const LoadedPortfolio& data, std::uint32_t account, Money balance) {
  if (slice.balance_of(data.entries[account]) == balance) return;
  if (balance == data.entries[account].balance) {
    slice.balances.erase(account);
  } else {
    slice.balances.insert_or_assign(account, balance);
  }
  if (slice.sort_column == QueueColumn::balance) reposition(slice, data, account);
}

}  // namespace

void rebuild_rows(QueueSlice& slice, const LoadedPortfolio& data) {
  slice.rows.clear();
  const std::string needle = lowercase(slice.filter);
  for (std::uint32_t i = 0; i < data.entries.size(); ++i) {
    if (needle.empty() || data.entries[i].search_key.find(needle) != std::string::npos) slice.rows.push_back(i);
  }
  std::sort(slice.rows.begin(), slice.rows.end(),
            [&](std::uint32_t a, std::uint32_t b) { return row_less(data, slice, a, b); });
}

bool QuoterSlice::can_offer() const {
  return quote && check.compliant() && check.approvals.empty() && quoted && *quoted == request;
}

bool QuoterSlice::can_refer() const {
  return quote && check.compliant() && !check.approvals.empty() && quoted && *quoted == request;
}

// [SECTION] App state -----------------------------------------------------------------------------------------

std::string_view to_string(LoadStatus status) {
  switch (status) {
    case LoadStatus::loading: return "loading";
    case LoadStatus::ready: return "ready";
    case LoadStatus::error: return "error";
  }
  return "error";
}

std::string_view to_string(SyncStatus status) {
  switch (status) {
    case SyncStatus::unsent: return "unsent";
    case SyncStatus::accepted: return "accepted";
    case SyncStatus::rejected: return "rejected";
  }
  return "unsent";
}

std::string AppState::error_text() const {
  if (status != LoadStatus::error) return {};
  std::string text;
  for (const Problem& problem : problems) {
    if (!text.empty()) text += '\n';
    text += problem.text();
  }
  return text;
}

const Account* AppState::selected_account() const {
  if (!data || selected.empty()) return nullptr;
  return data->find_account(selected);
}

std::size_t AppState::account_count() const { return data ? data->portfolio.accounts.size() : 0; }

std::vector<const Event*> AppState::offers_for(std::string_view account_id) const {
  std::vector<const Event*> offers;
  if (!journal) return offers;
  for (const Event& event : journal->events_for(account_id)) {
    if (event.get<PlanAccepted>() || event.get<ApprovalRequested>()) offers.push_back(&event);
  }
  return offers;
}

EventSync AppState::sync_of(EventId id) const {
  const auto it = sync.events.find(id);
  return it == sync.events.end() ? EventSync{} : it->second;
}

const Calendar* AppState::calendar(std::string_view id) const { return assets.files ? assets.files->calendar(id) : nullptr; }

const GoalPlan* AppState::goal_plan() const {
  return assets.files && assets.files->goals ? &*assets.files->goals : nullptr;
}

const RuleBook& AssetsSlice::rules() const {
  // Before the host has expected or handed in any file, contact waits as it does while they load.
  static const RuleBook not_requested = [] {
    RuleBook book;
    book.pending.push_back(std::string(rules_folder));
    return book;
  }();
  return files ? files->rules : not_requested;
}

const CalendarSet& AssetsSlice::calendars() const {
  static const CalendarSet none;
  return files ? files->calendars : none;
}

Problems AssetsSlice::calendar_problems() const {
  Problems problems;
  if (!files) return problems;
  for (const Problem& p : files->problems) {
    if (p.path.starts_with(calendars_folder)) problems.push_back(p);
  }
  return problems;
}

const Client* AppState::client_of(const Account& account) const { return data ? data->client_of(account) : nullptr; }

const AccountState* AppState::fold_of(std::string_view account_id) const {
  if (!data) return nullptr;
  const std::optional<std::uint32_t> index = data->index_of(account_id);
  return index ? folds.find(*index) : nullptr;
}

AccountState AppState::account_state(const Account& account) const {
  if (const AccountState* cached = fold_of(account.id)) return *cached;
  return fold(account, client_of(account), journal ? journal->events_for(account.id) : EventRange());
}

namespace {

// The account's fold and those of the consumer's other accounts (cached, or folded into the holders given).
struct FoldsForCheck {
  std::optional<AccountState> own;
  std::vector<AccountState> uncached;
  const AccountState* state = nullptr;
  std::vector<const AccountState*> others;
};

void gather_folds(const AppState& app, const Account& account, FoldsForCheck& out) {
  out.state = app.fold_of(account.id);
  if (!out.state) out.state = &out.own.emplace(app.account_state(account));
  if (!app.data) return;
  if (const std::optional<std::uint32_t> index = app.data->index_of(account.id)) {
    const std::vector<std::uint32_t> ids = app.data->consumer_accounts(*index);
    out.uncached.reserve(ids.size());
    for (const std::uint32_t id : ids) {
      if (const AccountState* cached = app.folds.find(id)) {
        out.others.push_back(cached);
      } else {
        out.others.push_back(&out.uncached.emplace_back(app.account_state(app.data->portfolio.accounts[id])));
      }
    }
  }
}

}  // namespace

Decision AppState::contact_decision(const Account& account, const Party& party, ContactChannel channel, Instant at,
                                    std::string_view contact_point, LetterPurpose purpose) const {
  FoldsForCheck f;
  gather_folds(*this, account, f);
  return check(*f.state, party, channel, contact_point, at, assets.rules(), f.others, purpose);
}

Decision AppState::call_decision(const Account& account, Instant at, std::string_view collector,
                                 std::string* number) const {
  FoldsForCheck f;
  gather_folds(*this, account, f);
  return next_call_decision(
      *f.state, collector,
      [&](const Party& debtor, std::string_view point) {
        return check(*f.state, debtor, ContactChannel::phone, point, at, assets.rules(), f.others);
      },
      number);
}

// [SECTION] Desk ----------------------------------------------------------------------------------------------

namespace {

const StrategySet* loaded_strategies(const AppState& state) {
  return state.assets.files ? &state.assets.files->strategies : nullptr;
}

bool assets_loading(const AppState& state) { return !state.assets.files || state.assets.files->loading(); }

// A referral waiting on a supervisor, with its payments and what needs the approval, as the approvals view shows it.
PendingApproval pending_of(const AppState& state, std::uint32_t index, const ApprovalRecord& referral) {
  PendingApproval out{index, referral, {}, {}};
  const plans::RequestLoad load = plans::load_request(referral.request);
  if (!load.request) return out;
  const Calendar* calendar = state.calendar(load.request->calendar_id);
  const plans::QuoteResult result = plans::quote_plan(*load.request, calendar);
  if (!result.quote) return out;
  out.payments = plans::describe_payments(*result.quote, state.data->entries[index].locale);
  for (const plans::Approval& a : plans::check_policy(*load.request, *result.quote, calendar).approvals) {
    out.findings.push_back(a.message);
  }
  return out;
}

// What the desk keeps of one account: its priority by its client's strategy at `now` (from its fold when it has
// events, else from its placement; nullopt when no strategy works the client) and its referral waiting on a
// supervisor.
struct ScoredAccount {
  std::optional<Priority> priority;
  std::optional<PendingApproval> pending;
  std::optional<DueEscalation> escalation;
  std::optional<PeriodNumbers> figures;  // its payments and promises in the goal period, when it has any
};

// The collectors' figures for the goal period: the sum of the accounts'.
void sum_figures(AppState& state) {
  DeskSlice& desk = state.queue.desk;
  desk.figures.reset();
  const GoalPlan* plan = state.goal_plan();
  if (plan == nullptr) return;
  desk.figures.emplace(goal_period(plan->period, state.today), state.today, plan->currency);
  for (const auto& [account, figures] : desk.figures_by_account) desk.figures->merge(figures);
  desk.figures->include_goals(*plan);
}

ScoredAccount score_account(const AppState& state, const StrategySet* strategies, std::uint32_t index, Instant now) {
  const Account& account = state.data->portfolio.accounts[index];
  const Strategy* strategy = strategies ? strategies->for_client(account.client_id) : nullptr;
  const AccountState* fold = state.folds.find(index);
  std::optional<AccountState> folded;
  if (fold == nullptr && state.journal && !state.journal->events_for(account.id).empty()) {
    folded = state.account_state(account);
    fold = &*folded;
  }
  ScoredAccount out;
  if (fold != nullptr) {
    if (const ApprovalRecord* referral = fold->pending_approval()) out.pending = pending_of(state, index, *referral);
    if (const GoalPlan* plan = state.goal_plan()) {
      PeriodNumbers figures(goal_period(plan->period, state.today), state.today, plan->currency);
      figures.add(*fold);
      if (!figures.empty()) out.figures = std::move(figures);
    }
  }
  if (strategy == nullptr) return out;
  const DeskFacts facts = fold ? desk_facts(*fold, state.today, now, state.assets.calendars())
                               : desk_facts(account, state.today, now);
  out.priority = prioritise(*strategy, facts, index, state.today, now);
  if (const EscalationRule* rule = escalation_due(*strategy, facts, now)) {
    out.escalation = DueEscalation{index, rule->id, rule->to, rule->reason};
  }
  return out;
}

void sort_approvals(std::vector<PendingApproval>& approvals) {
  std::stable_sort(approvals.begin(), approvals.end(), [](const PendingApproval& a, const PendingApproval& b) {
    return a.referral.requested_at < b.referral.requested_at;
  });
}

// Every account scored at the state's clock, and why some are not.
void score_desk(AppState& state) {
  DeskSlice& desk = state.queue.desk;
  desk.as_of = state.now;
  desk.day = state.today;
  desk.portfolio = state.data.get();
  desk.strategies_version = state.assets.strategies_version;
  desk.problems.clear();
  desk.priorities.clear();
  desk.approvals.clear();
  desk.escalations.clear();
  desk.figures_by_account.clear();
  desk.figures.reset();
  if (!state.data) return;
  const StrategySet* strategies = loaded_strategies(state);
  // While the host is still handing files in, nothing is said yet: the strategies may be on their way.
  const bool loading = assets_loading(state);
  desk.assets_loading = loading;
  if (!loading) desk.problems = strategies->failed;
  const bool scored = strategies != nullptr && !strategies->strategies.empty();
  if (!scored && !loading) {
    desk.problems.push_back({std::string(strategies_folder), "no strategy is loaded: the queue is not scored"});
  }
  const std::size_t n = state.data->portfolio.accounts.size();
  if (scored) desk.priorities.resize(n);
  std::set<std::string_view> unworked;
  for (std::uint32_t i = 0; i < n; ++i) {
    ScoredAccount account = score_account(state, scored ? strategies : nullptr, i, state.now);
    if (account.pending) desk.approvals.push_back(std::move(*account.pending));
    if (account.escalation) desk.escalations.push_back(std::move(*account.escalation));
    if (account.figures) desk.figures_by_account.emplace(i, std::move(*account.figures));
    if (!scored) continue;
    desk.priorities[i] = std::move(account.priority);
    if (!desk.priorities[i]) unworked.insert(state.data->portfolio.accounts[i].client_id);
  }
  sort_approvals(desk.approvals);
  sum_figures(state);
  for (const std::string_view client : unworked) {
    desk.problems.push_back({std::string(strategies_folder), "no strategy works client " + std::string(client) +
                                                                 ": its accounts come last, unscored"});
  }
}

// After every action: the desk is scored afresh when its portfolio, its strategies or the agency's day changed, or
// desk_rescore_seconds after it was last scored; the rows follow when they are in the desk's order.
void refresh_desk(AppState& state) {
  DeskSlice& desk = state.queue.desk;
  const bool stale = desk.portfolio != state.data.get() || desk.strategies_version != state.assets.strategies_version ||
                     desk.assets_loading != assets_loading(state) || desk.day != state.today ||
                     state.now.unix_seconds() - desk.as_of.unix_seconds() >= desk_rescore_seconds;
  if (!stale) return;
  score_desk(state);
  const QueueColumn column = state.queue.sort_column;
  if (state.data && (column == QueueColumn::priority || column == QueueColumn::risk)) {
    rebuild_rows(state.queue, *state.data);
  }
}

// The account's events changed: scored again at the state's clock, its row moved.
void rescore_account(AppState& state, std::uint32_t index) {
  DeskSlice& desk = state.queue.desk;
  const bool scored = index < desk.priorities.size();
  ScoredAccount account = score_account(state, scored ? loaded_strategies(state) : nullptr, index, state.now);
  std::erase_if(desk.approvals, [&](const PendingApproval& p) { return p.account == index; });
  if (account.pending) {
    desk.approvals.push_back(std::move(*account.pending));
    sort_approvals(desk.approvals);
  }
  const auto at = std::lower_bound(desk.escalations.begin(), desk.escalations.end(), index,
                                   [](const DueEscalation& e, std::uint32_t i) { return e.account < i; });
  if (at != desk.escalations.end() && at->account == index) desk.escalations.erase(at);
  const bool had_figures = desk.figures_by_account.erase(index) > 0;
  if (account.figures) desk.figures_by_account.emplace(index, std::move(*account.figures));
  if (had_figures || account.figures) sum_figures(state);
  if (account.escalation) {
    desk.escalations.insert(std::lower_bound(desk.escalations.begin(), desk.escalations.end(), index,
                                             [](const DueEscalation& e, std::uint32_t i) { return e.account < i; }),
                            std::move(*account.escalation));
  }
  if (!scored) return;
  desk.priorities[index] = std::move(account.priority);
  if (state.queue.sort_column == QueueColumn::priority || state.queue.sort_column == QueueColumn::risk) {
    reposition(state.queue, *state.data, index);
  }
}

// get-next: the desk scored now, then walked in order until compliance lets the collector call an account's
// debtor; that account is selected, and every account passed over is kept with its reasons.
void get_next(AppState& state, const std::string& collector) {
  DeskSlice& desk = state.queue.desk;
  desk.refused.clear();
  if (state.contact.session) {
    desk.refused = "Finish the call in progress first: get-next moves on once it is recorded.";
    return;
  }
  if (!state.data) return;
  score_desk(state);
  rebuild_rows(state.queue, *state.data);
  std::vector<Priority> order;
  order.reserve(desk.priorities.size());
  for (const std::optional<Priority>& p : desk.priorities) {
    if (p) order.push_back(*p);
  }
  order_desk(order, desk.as_of);
  std::string number;  // the number of the account chosen that may be called
  const NextAccount next = next_account(order, [&](std::uint32_t i) {
    return state.call_decision(state.data->portfolio.accounts[i], state.now, collector, &number);
  });
  desk.asked = true;
  desk.skipped.clear();
  desk.skipped.reserve(next.skipped.size());
  for (const Skipped& s : next.skipped) {
    desk.skipped.push_back({state.data->portfolio.accounts[s.account].id, s.decision});
  }
  desk.next = next.account ? state.data->portfolio.accounts[*next.account].id : std::string();
  if (!next.account) return;
  // The contact panel opens on the debtor, by phone, at the number that may be called.
  state.selected = desk.next;
  ContactSlice& c = state.contact;
  c.picked_account = desk.next;
  c.party_id = state.data->portfolio.accounts[*next.account].debtor()->id;
  c.channel = ContactChannel::phone;
  c.point = number;
  c.letter_template.clear();
}

}  // namespace

// [SECTION] Recording -----------------------------------------------------------------------------------------

namespace {

// The events just added to the journal, by account: the cached folds follow them, and the queue shows the
// balances they change.
void events_added(AppState& state, const std::map<std::uint32_t, std::vector<const Event*>>& added) {
  if (!state.data || !state.journal) return;
  const LoadedPortfolio& data = *state.data;
  for (const auto& [account, events] : added) {
    if (state.folds.find(account)) {
      state.folds.added(data, *state.journal, account, events);
      set_balance(state.queue, data, account, state.folds.find(account)->balance.total());
    } else if (std::any_of(events.begin(), events.end(), [](const Event* e) { return changes_balance(*e); })) {
      const Account& a = data.portfolio.accounts[account];
      set_balance(state.queue, data, account,
                  fold(a, data.client_of(a), state.journal->events_for(a.id)).balance.total());
    }
    rescore_account(state, account);  // on the fold with the events
  }
}

// Appends events the shell made (all or none) and asks the host to publish them. False, with the problems, when
// one is invalid or its id is already held.
bool record(AppState& state, Effects& effects, std::vector<Event> events, Problems& problems) {
  std::set<EventId> ids;
  for (std::size_t i = 0; i < events.size(); ++i) {
    Problems invalid = validate_event(events[i]);
    if (!invalid.empty()) {
      for (Problem& p : invalid) problems.push_back({"events[" + std::to_string(i) + "]." + p.path, p.message});
      return false;
    }
    if (!ids.insert(events[i].id).second || (state.journal && state.journal->find(events[i].id))) {
      problems.push_back({"id", "the journal already holds an event with id " + events[i].id.hex()});
      return false;
    }
  }
  Journal& journal = state.journal.edit();
  std::map<std::uint32_t, std::vector<const Event*>> added;
  PublishEvents publish;
  publish.events.reserve(events.size());
  for (Event& event : events) {
    const EventId id = event.id;
    if (journal.add(std::move(event)) != AddResult::added) continue;  // checked above: does not happen
    const Event* held = journal.find(id);
    publish.events.push_back(*held);
    if (state.data) {
      if (const std::optional<std::uint32_t> index = state.data->index_of(held->account_id)) {
        added[*index].push_back(held);
      }
    }
  }
  events_added(state, added);
  effects.push_back(std::move(publish));
  return true;
}

// Records one event (record()), once the checks that left `problems` found nothing.
bool record_one(AppState& state, Effects& effects, Event event, Problems& problems) {
  if (!problems.empty()) return false;
  std::vector<Event> events;
  events.push_back(std::move(event));
  return record(state, effects, std::move(events), problems);
}

std::uint64_t next_sequence(const AppState& state, const Author& author) {
  return (state.journal ? state.journal->last_sequence(author.device) : 0) + 1;
}

// The fold of an account the shell is about to record for: cached from now on.
const AccountState& fold_now(AppState& state, std::uint32_t account) {
  return state.folds.ensure(*state.data, state.journal.get(), account);
}

// The agency's day at `at` (the one "today" of quotes, promises, letters and outcomes).
Date agency_day(const AppState& state, Instant at) {
  return state.data ? agency_today(state.data->portfolio, at) : at.utc_date();
}

// [SECTION] Refresh -------------------------------------------------------------------------------------------

// The picks the banner checks: the first debtor (or party) by phone at first; a point core no longer lets the
// party be reached at (a wrong number recorded) gives way to the first one it does.
void refresh_contact(AppState& state, const Account& account, const AccountState& fold) {
  ContactSlice& c = state.contact;
  if (c.picked_account != account.id) {
    c.picked_account = account.id;
    c.party_id.clear();
    c.channel = ContactChannel::phone;
    c.point.clear();
    c.letter_template.clear();
  }
  c.banner.reset();
  c.banner_party.clear();
  c.points.clear();
  if (!account.parties.empty() && !find_party(fold, c.party_id)) {
    const Party* debtor = account.debtor();
    c.party_id = debtor ? debtor->id : account.parties.front().id;
  }
  // The letters are those the law of each place the picked party may live asks for.
  const PartyRecord* picked_party = fold.party(c.party_id);
  c.templates = picked_party ? letter_templates(state.assets.rules(), party_jurisdictions(account, *picked_party))
                             : letter_templates(state.assets.rules(), account);
  const auto picked = std::find_if(c.templates.begin(), c.templates.end(),
                                   [&](const LetterTemplate& t) { return t.id == c.letter_template; });
  if (picked == c.templates.end()) c.letter_template = c.templates.empty() ? std::string() : c.templates.front().id;
  const LetterPurpose purpose = picked != c.templates.end() ? picked->purpose
                                : c.templates.empty()       ? LetterPurpose::collection
                                                            : c.templates.front().purpose;
  if (picked_party == nullptr) return;
  for (const PointRecord* p : reachable_points(*picked_party, c.channel)) c.points.push_back(p->key());
  if (std::find(c.points.begin(), c.points.end(), c.point) == c.points.end()) {
    c.point = c.points.empty() ? std::string() : c.points.front();
  }
  // During an attempt on the account the banner is about the attempt's party, channel and point.
  const bool here = c.session && c.session->account_id == account.id;
  const Party* party = find_party(fold, here ? c.session->party_id : c.party_id);
  if (!party) return;
  const ContactChannel channel = here ? c.session->channel : c.channel;
  c.banner = state.contact_decision(account, *party, channel, state.now, here ? c.session->contact_point : c.point,
                                    channel == ContactChannel::letter ? purpose : LetterPurpose::collection);
  c.banner_party = party->id;
}

// The request as core keeps it: today's balance, the client's policy, the agency's day, the fee the client
// authorises for the method, interest only where the policy allows it, the term or the affordable amount, and
// core's calendar until the collector picks one.
void normalise(QuoterSlice& q, const AppState& state, const AccountState& fold, const Client& client) {
  plans::PlanRequest& request = q.request;
  request.today = state.today;
  request.balance = fold.balance.itemised;
  request.policy = client.policy;
  request.convenience_fee = plans::authorised_convenience_fee(client.policy, request.method, request.currency);
  if (request.plan) {
    plans::InstalmentTerms& terms = *request.plan;
    const Money floor = plans::min_down_payment(client.policy, request.balance, request.currency);
    if (terms.down_payment.minor() == q.down_floor && floor != terms.down_payment) {
      terms.down_payment = floor;
      ++q.revision;
    }
    q.down_floor = floor.minor();
    if (!plans::interest_allowed(client.policy)) terms.interest = plans::InterestMethod::none;
    if (terms.interest == plans::InterestMethod::none) terms.annual_rate_bp = 0;
    if (q.by_amount) {
      terms.instalment_amount = Money(q.affordable_minor, request.currency);
      terms.instalments.reset();
    } else {
      terms.instalments = q.instalments;
      terms.instalment_amount.reset();
    }
  }
  if (!q.calendar_picked) {
    const std::string want = state.calendar(q.calendar_choice.id) ? q.calendar_choice.id : std::string();
    if (request.calendar_id != want) {
      request.calendar_id = want;
      request.day_roll = want.empty() ? DayRoll::none : DayRoll::following;
    }
  }
}

// The terms of `request` as the quoter edits them (after set-up and Apply).
void load_terms(QuoterSlice& q, const plans::PlanRequest& request) {
  q.request = request;
  q.settlement = request.settlement.has_value();
  if (request.plan) {
    q.by_amount = request.plan->instalment_amount.has_value();
    if (request.plan->instalments) q.instalments = *request.plan->instalments;
    if (request.plan->instalment_amount) q.affordable_minor = request.plan->instalment_amount->minor();
  }
  ++q.revision;
}

void refresh_quoter(AppState& state, const Account& account, const AccountState& fold) {
  QuoterSlice& q = state.quoter;
  const Client* client = state.client_of(account);
  if (q.account_id != account.id) {
    const std::uint64_t revision = q.revision;
    q = QuoterSlice{};
    q.revision = revision;
    q.account_id = account.id;
    if (client) {
      q.calendar_choice = choose_calendar(account);
      q.affordable_minor = default_affordable_instalment(fold).minor();
      load_terms(q, opening_offer(fold, *client, state.today));
    }
  }
  if (!client) return;
  normalise(q, state, fold, *client);
  if (q.quoted && *q.quoted == q.request && q.quoted_assets == state.assets.version) return;
  const Calendar* calendar = state.calendar(q.request.calendar_id);
  q.quoted = q.request;
  q.quoted_assets = state.assets.version;
  plans::QuoteResult result = plans::quote_plan(q.request, calendar);
  q.problems = std::move(result.problems);
  q.quote = std::move(result.quote);
  const Locale locale = state.data->entries[*state.data->index_of(account.id)].locale;
  q.check = q.quote ? plans::check_policy(q.request, *q.quote, calendar, locale) : plans::PolicyCheck{};
}

void refresh_panel(AppState& state, const Account& account, const AccountState& fold) {
  AccountPanel& panel = state.panel;
  if (panel.account_id == account.id && panel.events == fold.events && panel.as_of == state.today &&
      panel.assets_version == state.assets.version) {
    return;
  }
  panel.account_id = account.id;
  panel.events = fold.events;
  panel.as_of = state.today;
  panel.assets_version = state.assets.version;
  panel.plans.clear();
  for (const PlanRecord& plan : fold.plans) {
    panel.plans.push_back(plan_progress(fold, plan, state.today, state.assets.calendars()));
  }
}

// After every action: the selected account's fold (and the consumer's other accounts', which check() reads) is
// cached, and its banner, quote and plans are core's answers for the state as it is now.
void refresh_selected(AppState& state) {
  const Account* account = state.selected_account();
  if (!account) {
    state.contact.banner.reset();
    state.contact.banner_party.clear();
    return;
  }
  const std::uint32_t index = *state.data->index_of(account->id);
  std::vector<std::uint32_t> keep = state.data->consumer_accounts(index);
  keep.push_back(index);
  if (state.contact.session) {
    if (const auto session = state.data->index_of(state.contact.session->account_id)) keep.push_back(*session);
  }
  for (const std::uint32_t i : keep) fold_now(state, i);
  state.folds.trim(keep, 256);
  const AccountState& fold = *state.folds.find(index);
  refresh_contact(state, *account, fold);
  refresh_quoter(state, *account, fold);
  refresh_panel(state, *account, fold);
}

// [SECTION] App actions ---------------------------------------------------------------------------------------

// After a portfolio arrives, the queue shows the fold's balance of every account whose events changed it.
void fold_balances(AppState& state) {
  if (!state.data || !state.journal) return;
  std::set<std::uint32_t> touched;
  for (const Event& event : state.journal->events()) {
    if (!changes_balance(event)) continue;
    if (const auto index = state.data->index_of(event.account_id)) touched.insert(*index);
  }
  for (const std::uint32_t i : touched) {
    const Account& a = state.data->portfolio.accounts[i];
    set_balance(state.queue, *state.data, i,
                fold(a, state.data->client_of(a), state.journal->events_for(a.id)).balance.total());
  }
}

void reduce(AppState& state, Effects&, AppAction& action) {
  std::visit(
      [&state](auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, LoadStarted>) {
          state.source = std::move(a.source);
          state.status = LoadStatus::loading;
          state.problems.clear();
        } else if constexpr (std::is_same_v<A, PortfolioReceived>) {
          state.source = std::move(a.source);
          PortfolioLoad load = load_portfolio(a.text);
          state.folds.clear();
          state.queue.balances.clear();
          if (load.ok()) {
            state.status = LoadStatus::ready;
            state.problems.clear();
            state.data = make_loaded_portfolio(std::move(*load.portfolio));
            if (!state.data->find_account(state.selected)) state.selected.clear();
            fold_balances(state);
            state.today = state.now == Instant() ? state.data->portfolio.as_of : agency_day(state, state.now);
            state.queue.today = state.today;
            rebuild_rows(state.queue, *state.data);
          } else {
            state.status = LoadStatus::error;
            state.problems = std::move(load.problems);
            if (state.problems.empty()) state.problems.push_back({"", "the portfolio could not be loaded"});
            state.data.reset();
            state.selected.clear();
            state.queue.rows.clear();
          }
        } else if constexpr (std::is_same_v<A, LoadFailed>) {
          state.source = std::move(a.source);
          state.status = LoadStatus::error;
          state.problems = {Problem{"", std::move(a.message)}};
          state.data.reset();
          state.folds.clear();
          state.selected.clear();
          state.queue.rows.clear();
          state.queue.balances.clear();
        } else if constexpr (std::is_same_v<A, SelectAccount>) {
          if (a.account_id.empty() || (state.data && state.data->find_account(a.account_id))) {
            state.selected = std::move(a.account_id);
          }
        } else if constexpr (std::is_same_v<A, ClockTick>) {
          state.now = a.now;
          state.today = agency_day(state, a.now);
          // A new day adds a day past due to every account: the aging order may change with it.
          if (state.queue.today != state.today) {
            state.queue.today = state.today;
            if (state.data && state.queue.sort_column == QueueColumn::aging) rebuild_rows(state.queue, *state.data);
          }
        }
      },
      action);
}

// [SECTION] Queue actions -------------------------------------------------------------------------------------

// The account a supervisor's action is on, with the last action's problems cleared; nullopt, with why in them, when
// the portfolio has no such account.
std::optional<std::uint32_t> supervised_account(AppState& state, const std::string& account_id) {
  Problems& problems = state.queue.desk.supervisor_problems;
  problems.clear();
  const std::optional<std::uint32_t> index = state.data ? state.data->index_of(account_id) : std::nullopt;
  if (!index) problems.push_back({"account_id", "no account " + account_id + " is loaded"});
  return index;
}

// A supervisor's decision on a referral: recorded once check_event (not by the collector who asked) and
// check_decision (an approval while the balance and policy are the request's) find nothing to refuse.
void decide_approval(AppState& state, Effects& effects, DecideApproval& decision) {
  const std::optional<std::uint32_t> index = supervised_account(state, decision.account_id);
  if (!index) return;
  Problems& problems = state.queue.desk.supervisor_problems;
  Event event{decision.id, decision.account_id, decision.author, decision.at, next_sequence(state, decision.author),
              ApprovalDecided{decision.request_id, decision.approved, std::move(decision.note)}};
  const AccountState& fold = fold_now(state, *index);
  problems = check_event(fold, event, decision.at);
  if (problems.empty()) problems = check_offer_event(fold, event, state.assets.calendars());
  record_one(state, effects, std::move(event), problems);
}

// A supervisor's escalation of an account by its strategy's rule: recorded while that rule is still the one due.
void record_escalation(AppState& state, Effects& effects, RecordEscalation& asked) {
  const std::optional<std::uint32_t> index = supervised_account(state, asked.account_id);
  if (!index) return;
  Problems& problems = state.queue.desk.supervisor_problems;
  const StrategySet* strategies = loaded_strategies(state);
  if (strategies == nullptr) {
    problems.push_back({"rule_id", "no strategy is loaded: no escalation rule applies"});
    return;
  }
  const Account& account = state.data->portfolio.accounts[*index];
  const Strategy* strategy = strategies->for_client(account.client_id);
  const AccountState& fold = fold_now(state, *index);
  const EscalationRule* rule =
      strategy ? escalation_due(*strategy, desk_facts(fold, state.today, asked.at, state.assets.calendars()), asked.at)
               : nullptr;
  if (rule == nullptr || rule->id != asked.rule_id) {
    problems.push_back({"rule_id", "the rule " + asked.rule_id + " is no longer due on account " + account.id});
    return;
  }
  Event event{asked.id, account.id, asked.author, asked.at, next_sequence(state, asked.author), escalation_of(*rule)};
  problems = check_event(fold, event, asked.at);
  record_one(state, effects, std::move(event), problems);
}

// A risk tier set by hand, or the strategy's again.
void override_risk(AppState& state, Effects& effects, OverrideRisk& asked) {
  const std::optional<std::uint32_t> index = supervised_account(state, asked.account_id);
  if (!index) return;
  Problems& problems = state.queue.desk.supervisor_problems;
  RiskOverridden payload{asked.tier, asked.reason, std::nullopt};
  if (!asked.until.empty()) {
    payload.until = Date::parse(asked.until);
    if (!payload.until) {
      problems.push_back({"until", "\"" + asked.until + "\" is not a date YYYY-MM-DD"});
      return;
    }
  }
  Event event{asked.id, asked.account_id, asked.author, asked.at, next_sequence(state, asked.author), payload};
  problems = validate_event(event);
  if (problems.empty()) problems = check_event(fold_now(state, *index), event, asked.at);
  record_one(state, effects, std::move(event), problems);
}

void reduce(AppState& state, Effects& effects, QueueAction& action) {
  std::visit(
      [&](auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, DecideApproval>) {
          decide_approval(state, effects, a);
          return;
        } else if constexpr (std::is_same_v<A, RecordEscalation>) {
          record_escalation(state, effects, a);
          return;
        } else if constexpr (std::is_same_v<A, OverrideRisk>) {
          override_risk(state, effects, a);
          return;
        } else if constexpr (std::is_same_v<A, SortQueue>) {
          state.queue.sort_column = a.column;
          state.queue.descending = a.descending;
        } else if constexpr (std::is_same_v<A, FilterQueue>) {
          state.queue.filter = std::move(a.text);
        } else if constexpr (std::is_same_v<A, GetNext>) {
          get_next(state, a.collector);
          return;
        }
        if (state.data) rebuild_rows(state.queue, *state.data);
      },
      action);
}

// [SECTION] Quoter actions ------------------------------------------------------------------------------------

// Switches the request between instalment terms and settlement terms, keeping the other aside; a settlement
// opens at core's opening settlement.
void switch_mode(AppState& state, bool settlement) {
  QuoterSlice& q = state.quoter;
  if (settlement == q.settlement) return;
  plans::PlanRequest request = q.request;
  if (settlement) {
    q.aside_plan = request.plan;
    request.settlement =
        q.aside_settlement ? *q.aside_settlement
                           : opening_settlement(request, state.calendar(request.calendar_id));
    request.plan.reset();
  } else {
    q.aside_settlement = request.settlement;
    request.plan = q.aside_plan;
    request.settlement.reset();
  }
  load_terms(q, request);
}

// Records one offer in the journal, or refers it to a supervisor; nothing when the account is unknown, core's offer
// check refuses it (check_offer_event: the request must quote over the balance now, within the policy, with the
// holiday calendar it names loaded, and need no supervisor's approval to be offered, or need one to be referred) or
// the journal refuses the event. Why is kept in offer_problems.
void record_offer(AppState& state, Effects& effects, RecordOffer& offer) {
  Problems& problems = state.quoter.offer_problems;
  problems.clear();
  const std::optional<std::uint32_t> index = state.data ? state.data->index_of(offer.account_id) : std::nullopt;
  if (!index) {
    problems.push_back({"account_id", "no account " + offer.account_id + " is loaded"});
    return;
  }
  const plans::QuoteResult result = plans::quote_plan(offer.request, state.calendar(offer.request.calendar_id));
  if (!result.ok()) {
    problems = result.problems;
    return;
  }
  Event event;
  event.id = offer.id;
  event.account_id = offer.account_id;
  event.author = std::move(offer.author);
  event.recorded_at = offer.recorded_at;
  event.sequence = next_sequence(state, event.author);
  std::string request = plans::save_request(offer.request);
  std::string digest = plans::quote_digest(*result.quote);
  if (offer.refer) {
    event.payload = ApprovalRequested{std::move(request), std::move(digest), std::move(offer.note)};
  } else {
    event.payload = PlanAccepted{std::move(request), std::move(digest)};
  }
  problems = check_offer_event(fold_now(state, *index), event, state.assets.calendars());
  record_one(state, effects, std::move(event), problems);
}

void reduce(AppState& state, Effects& effects, QuoterAction& action) {
  std::visit(
      [&](auto& a) {
        using A = std::decay_t<decltype(a)>;
        QuoterSlice& q = state.quoter;
        if constexpr (std::is_same_v<A, EditQuote>) {
          if (a.account_id == q.account_id) static_cast<QuoterTerms&>(q) = std::move(a.terms);
        } else if constexpr (std::is_same_v<A, SwitchQuoteMode>) {
          if (a.account_id == q.account_id) switch_mode(state, a.settlement);
        } else if constexpr (std::is_same_v<A, ApplyAlternative>) {
          if (a.account_id != q.account_id || a.violation >= q.check.violations.size()) return;
          const std::optional<plans::PlanRequest>& alternative = q.check.violations[a.violation].alternative;
          if (!alternative) return;
          const plans::PlanRequest applied = *alternative;
          load_terms(q, applied);
        } else if constexpr (std::is_same_v<A, RecordOffer>) {
          record_offer(state, effects, a);
        }
      },
      action);
}

// [SECTION] Contact actions -----------------------------------------------------------------------------------

// The account and party a contact action is about.
struct ContactTarget {
  std::uint32_t index = 0;
  const Account* account = nullptr;
  const Party* party = nullptr;
};

// Clears what the contact slice said of the last action and finds the action's account and party; nullopt, with
// why in the slice's problems, when either is unknown.
std::optional<ContactTarget> contact_target(AppState& state, const std::string& account_id,
                                            const std::string& party_id) {
  ContactSlice& c = state.contact;
  c.account_id = account_id;
  c.refused.reset();
  c.problems.clear();
  c.finished.clear();
  const std::optional<std::uint32_t> index = state.data ? state.data->index_of(account_id) : std::nullopt;
  if (!index) {
    c.problems.push_back({"account_id", "no account " + account_id + " is loaded"});
    return std::nullopt;
  }
  const Account& account = state.data->portfolio.accounts[*index];
  const Party* party = find_party(fold_now(state, *index), party_id);
  if (!party) {
    c.problems.push_back({"party_id", "the account has no party " + party_id});
    return std::nullopt;
  }
  return ContactTarget{*index, &account, party};
}

// Starts an attempt when compliance allows it now; otherwise keeps the refusal or the problems.
void begin_contact(AppState& state, Effects& effects, StartContact& start) {
  ContactSlice& c = state.contact;
  const std::optional<ContactTarget> target = contact_target(state, start.account_id, start.party_id);
  if (!target) return;
  if (c.session) {
    c.problems.push_back({"", "finish the attempt in progress on " + c.session->account_id + " first"});
    return;
  }
  const Account& account = *target->account;
  const Party* party = target->party;
  const AccountState& fold = fold_now(state, target->index);
  Decision decision = state.contact_decision(account, *party, start.channel, start.at, start.contact_point);
  if (!decision.allowed) {
    c.refused = std::move(decision);
    return;
  }
  ContactStart started = start_contact(fold, start.party_id, start.channel, start.contact_point, start.id, start.at);
  if (!started.session || !started.attempt) {
    c.problems = std::move(started.problems);
    return;
  }
  const EventPayload payload = *started.attempt;
  ContactEvents events = make_contact_events(account.id, std::span(&payload, 1), std::span(&start.id, 1),
                                             start.author, start.at, next_sequence(state, start.author));
  if (!events.problems.empty()) {
    c.problems = std::move(events.problems);
    return;
  }
  if (!record(state, effects, std::move(events.events), c.problems)) return;
  c.session = std::move(started.session);
  c.verification.reset();
}

// Checks the party's answers against the account; the session becomes verified when enough pass.
void answer_questions(AppState& state, const AnswerQuestions& answers) {
  ContactSlice& c = state.contact;
  if (!c.session) return;
  const std::optional<std::uint32_t> index = state.data ? state.data->index_of(c.session->account_id) : std::nullopt;
  if (!index) return;
  VerifyStep step = verify(*c.session, fold_now(state, *index), answers.answers);
  c.account_id = c.session->account_id;
  c.problems = step.result.problems;
  c.session = std::move(step.session);
  c.verification = std::move(step.result);
}

// Records the outcome's events and ends the session; with problems, keeps the session and says why.
void finish_attempt(AppState& state, Effects& effects, FinishContact& finish) {
  ContactSlice& c = state.contact;
  if (!c.session) return;
  const std::optional<std::uint32_t> index = state.data ? state.data->index_of(c.session->account_id) : std::nullopt;
  if (!index) return;
  const Account& account = state.data->portfolio.accounts[*index];
  c.account_id = account.id;
  ContactFinish done = finish_contact(*c.session, fold_now(state, *index), finish.outcome, finish.details,
                                      agency_day(state, finish.at));
  if (!done.problems.empty()) {
    c.problems = std::move(done.problems);
    return;
  }
  if (finish.ids.size() < done.payloads.size()) {
    c.problems = {Problem{"ids", "the host gave too few event ids"}};
    return;
  }
  ContactEvents events =
      make_contact_events(account.id, done.payloads, std::span(finish.ids).first(done.payloads.size()),
                          finish.author, finish.at, next_sequence(state, finish.author));
  Problems problems = std::move(events.problems);
  if (!problems.empty() || !record(state, effects, std::move(events.events), problems)) {
    c.problems = std::move(problems);
    if (c.problems.empty()) c.problems.push_back({"", "the outcome could not be recorded in the journal"});
    return;
  }
  const std::size_t n = done.payloads.size();
  c.finished = std::string(outcome_label(finish.outcome)) + ": " + std::to_string(n) +
               (n == 1 ? " event recorded" : " events recorded");
  c.session.reset();
  c.verification.reset();
  c.problems.clear();
  c.refused.reset();
}

// Records a letter sent when compliance allows the letter channel now: core's LetterIssued, once check_event
// finds nothing to refuse.
void record_letter(AppState& state, Effects& effects, RecordLetter& letter) {
  ContactSlice& c = state.contact;
  const std::optional<ContactTarget> target = contact_target(state, letter.account_id, letter.party_id);
  if (!target) return;
  const Account& account = *target->account;
  const Party* party = target->party;
  const AccountState& fold = fold_now(state, target->index);
  LetterMade made = make_letter(fold, state.assets.rules(), letter.party_id, letter.template_id, letter.address,
                                agency_day(state, letter.at));
  if (!made.letter) {
    c.problems = std::move(made.problems);
    return;
  }
  Decision decision = state.contact_decision(account, *party, ContactChannel::letter, letter.at, letter.address,
                                             made.letter->purpose);
  if (!decision.allowed) {
    c.refused = std::move(decision);
    return;
  }
  Event event{letter.id, account.id, letter.author, letter.at, next_sequence(state, letter.author), *made.letter};
  c.problems = check_event(fold, event, letter.at);
  if (!record_one(state, effects, std::move(event), c.problems)) return;
  c.finished = "Letter " + letter.template_id + " recorded, provided " + made.letter->provided.iso();
}

// Records payloads of one account as new events (check_event on the fold as each one is applied, so that a
// ContactPointAdded sees its PartyAdded); false with the problems when any is refused, and then none is recorded.
bool record_checked(AppState& state, Effects& effects, std::uint32_t index, std::span<const EventPayload> payloads,
                    std::span<const EventId> ids, const Author& author, Instant at, Problems& problems) {
  const Account& account = state.data->portfolio.accounts[index];
  ContactEvents events = make_contact_events(account.id, payloads, ids, author, at, next_sequence(state, author));
  if (!events.problems.empty()) {
    problems = std::move(events.problems);
    return false;
  }
  AccountState after = fold_now(state, index);
  for (const Event& event : events.events) {
    problems = check_event(after, event, at);
    if (!problems.empty()) return false;
    apply(after, event);
  }
  return record(state, effects, std::move(events.events), problems);
}

// The index of the account a contact action records on, with the panel's last refusal and result cleared; nullopt
// when the portfolio has no such account.
std::optional<std::uint32_t> recording_on(AppState& state, const std::string& account_id) {
  const std::optional<std::uint32_t> index = state.data ? state.data->index_of(account_id) : std::nullopt;
  if (!index) return index;
  state.contact.account_id = account_id;
  state.contact.refused.reset();
  state.contact.finished.clear();
  return index;
}

// Records a party the collector learned of, and picks it for the banner.
void add_party(AppState& state, Effects& effects, AddParty& add) {
  ContactSlice& c = state.contact;
  const std::optional<std::uint32_t> index = recording_on(state, add.account_id);
  if (!index) return;
  PartyMade made = make_party(fold_now(state, *index), add.party, agency_day(state, add.at));
  if (!made.problems.empty()) {
    c.problems = std::move(made.problems);
    return;
  }
  if (add.ids.size() < made.payloads.size()) {
    c.problems = {Problem{"ids", "the host gave too few event ids"}};
    return;
  }
  c.problems.clear();
  if (!record_checked(state, effects, *index, made.payloads, std::span(add.ids).first(made.payloads.size()),
                      add.author, add.at, c.problems)) {
    return;
  }
  c.added_party = made.party_id;
  const PartyRecord* added = fold_now(state, *index).party(made.party_id);
  c.finished = "Party added: " + std::string(to_string(add.party.role)) + " " +
               (added ? full_name(*added->party) : made.party_id) + " (" + made.party_id + ")";
  if (!c.session && state.selected == add.account_id) {
    c.picked_account = add.account_id;
    c.party_id = made.party_id;
    c.channel = ContactChannel::phone;
    c.point.clear();
  }
}

// Records the one payload core made for a contact action (`made.change`, or its problems) under the action's id,
// author and time; false, with the problems in the panel, when nothing was recorded.
template <class Made, class Action>
bool record_change(AppState& state, Effects& effects, std::uint32_t index, Made made, const Action& action) {
  ContactSlice& c = state.contact;
  if (!made.change) {
    c.problems = std::move(made.problems);
    return false;
  }
  c.problems.clear();
  const EventPayload payload = *made.change;
  return record_checked(state, effects, index, std::span(&payload, 1), std::span(&action.id, 1), action.author,
                        action.at, c.problems);
}

// Records what an attorney of the account said about its representation.
void change_representation(AppState& state, Effects& effects, ChangeRepresentation& change) {
  ContactSlice& c = state.contact;
  const std::optional<std::uint32_t> index = recording_on(state, change.account_id);
  if (!index) return;
  RepresentationMade made =
      make_representation(fold_now(state, *index), change.attorney_id, change.ended, change.direct_contact);
  if (!record_change(state, effects, *index, std::move(made), change)) return;
  c.finished = change.ended            ? "Recorded: the attorney no longer represents the party"
               : change.direct_contact ? "Recorded: the attorney consents to direct contact with the party"
                                       : "Recorded: the attorney withdrew its consent to direct contact";
}

// Records a party's consent given or revoked.
void change_consent(AppState& state, Effects& effects, ChangeConsent& change) {
  ContactSlice& c = state.contact;
  const std::optional<std::uint32_t> index = recording_on(state, change.account_id);
  if (!index) return;
  ConsentMade made = make_consent(fold_now(state, *index), change.party_id, change.channel, change.point, change.given);
  if (!record_change(state, effects, *index, std::move(made), change)) return;
  c.finished = std::string(change.given ? "Consent recorded: " : "Consent revoked: ") +
               std::string(to_string(change.channel)) + " at " + change.point;
}

// Records a protection's notice for a party.
void report_protection(AppState& state, Effects& effects, ReportProtection& report) {
  ContactSlice& c = state.contact;
  const std::optional<std::uint32_t> index = recording_on(state, report.account_id);
  if (!index) return;
  const AccountState& fold = fold_now(state, *index);
  ProtectionMade made =
      make_protection(fold, report.party_id, report.protection, report.starts, report.ends, report.reference);
  const PartyRecord* party = fold.party(report.party_id);
  const std::string whom = party != nullptr ? full_name(*party->party) : report.party_id;
  const bool held = party != nullptr && protection_rule(state.assets.rules(),
                                                        party_jurisdictions(state.data->portfolio.accounts[*index],
                                                                            *party),
                                                        report.protection) != nullptr;
  if (!record_change(state, effects, *index, std::move(made), report)) return;
  c.finished = "Recorded: " + std::string(protection_name(report.protection)) + " for " + whom + " from " +
               report.starts + (report.ends.empty() ? std::string(" until a notice ends it") : " to " + report.ends) +
               (held ? "" : "; no rule of the account's law holds contact for it");
}

// Records why the collector believes a third party's earlier location answer wrong or incomplete.
void justify_recontact(AppState& state, Effects& effects, JustifyRecontact& justify) {
  ContactSlice& c = state.contact;
  const std::optional<std::uint32_t> index = recording_on(state, justify.account_id);
  if (!index) return;
  const AccountState& fold = fold_now(state, *index);
  RecontactMade made = make_recontact(fold, justify.party_id, justify.reason);
  const PartyRecord* party = fold.party(justify.party_id);
  const std::string whom = party != nullptr ? full_name(*party->party) : justify.party_id;
  if (!record_change(state, effects, *index, std::move(made), justify)) return;
  c.finished = "Recorded: one more location contact with " + whom + " is open";
}

// Records what reached the agency in writing from a party.
void record_correspondence(AppState& state, Effects& effects, RecordCorrespondence& record) {
  ContactSlice& c = state.contact;
  const std::optional<std::uint32_t> index = recording_on(state, record.account_id);
  if (!index) return;
  const Correspondence& in = record.correspondence;
  CorrespondenceMade made = make_correspondence(fold_now(state, *index), record.party_id, in,
                                                agency_day(state, record.at));
  if (!record_change(state, effects, *index, std::move(made), record)) return;
  const char* what = in.request == WrittenRequest::dispute             ? "a dispute"
                     : in.request == WrittenRequest::original_creditor ? "a request for the original creditor's name"
                                                                         " and address"
                                                                       : "a request that communication stop";
  c.finished = "Recorded: " + std::string(what) + " received by " + std::string(to_string(in.via)) + " on " +
               in.received;
}

// Records a callback the party asked for, read on the party's clock.
void schedule_callback(AppState& state, Effects& effects, ScheduleCallback& asked) {
  ContactSlice& c = state.contact;
  const std::optional<std::uint32_t> index = recording_on(state, asked.account_id);
  if (!index) return;
  const AccountState& fold = fold_now(state, *index);
  CallbackMade made = make_callback(fold, asked.party_id, asked.date, asked.time, asked.note, asked.at);
  const std::optional<TimeZone> zone = made.zone;
  const PartyRecord* party = fold.party(asked.party_id);
  const std::string whom = party != nullptr ? full_name(*party->party) : asked.party_id;
  if (!record_change(state, effects, *index, std::move(made), asked)) return;
  c.finished = "Recorded: call back " + whom + " on " + asked.date + " at " + asked.time + " (" +
               std::string(zone->name()) + ")";
}

// Records a payment the processor approved, or says why none was taken.
void post_payment(AppState& state, Effects& effects, TakePayment& take) {
  ContactSlice& c = state.contact;
  const std::optional<std::uint32_t> index = recording_on(state, take.account_id);
  if (!index) return;
  if (!take.taken) {
    c.problems = {Problem{"processor", "no payment processor is configured: nothing was charged"}};
    return;
  }
  if (!take.taken->problems.empty()) {
    c.problems = std::move(take.taken->problems);
    return;
  }
  c.problems.clear();
  const std::string no_money = take.sandbox ? " (sandbox: no money moved)" : "";
  if (!take.taken->payment) {
    c.finished = "Payment declined: " + take.taken->declined + "; nothing was posted" + no_money;
    return;
  }
  const PaymentPosted& paid = *take.taken->payment;
  const EventPayload payload = paid;
  if (!record_checked(state, effects, *index, std::span(&payload, 1), std::span(&take.id, 1), take.author, take.at,
                      c.problems)) {
    return;
  }
  c.finished = "Payment taken: " + format_money(paid.amount, state.data->entries[*index].locale) + " by " +
               std::string(instrument_name(paid.instrument->kind)) + " ending " +
               paid.instrument->last_four + "; receipt " + paid.receipt + no_money;
}

// Records the reversals of payments a processor took back.
void reverse_payments(AppState& state, Effects& effects, ReversePayments& reverse) {
  const std::optional<std::uint32_t> index = state.data ? state.data->index_of(reverse.account_id) : std::nullopt;
  if (!index || reverse.reversals.empty() || reverse.ids.size() < reverse.reversals.size()) return;
  std::vector<EventPayload> payloads(reverse.reversals.begin(), reverse.reversals.end());
  Problems problems;
  record_checked(state, effects, *index, payloads, std::span(reverse.ids).first(payloads.size()), reverse.author,
                 reverse.at, problems);
  if (!problems.empty() && state.contact.account_id == reverse.account_id) state.contact.problems = std::move(problems);
}

void reduce(AppState& state, Effects& effects, ContactAction& action) {
  std::visit(
      [&](auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, PickContact>) {
          ContactSlice& c = state.contact;
          if (a.account_id != state.selected) return;
          c.picked_account = a.account_id;
          c.party_id = std::move(a.party_id);
          c.channel = a.channel;
          c.point = std::move(a.point);
          if (!a.letter_template.empty()) c.letter_template = std::move(a.letter_template);
        } else if constexpr (std::is_same_v<A, StartContact>) {
          begin_contact(state, effects, a);
        } else if constexpr (std::is_same_v<A, AnswerQuestions>) {
          answer_questions(state, a);
        } else if constexpr (std::is_same_v<A, FinishContact>) {
          finish_attempt(state, effects, a);
        } else if constexpr (std::is_same_v<A, RecordLetter>) {
          record_letter(state, effects, a);
        } else if constexpr (std::is_same_v<A, AddParty>) {
          add_party(state, effects, a);
        } else if constexpr (std::is_same_v<A, ChangeRepresentation>) {
          change_representation(state, effects, a);
        } else if constexpr (std::is_same_v<A, ChangeConsent>) {
          change_consent(state, effects, a);
        } else if constexpr (std::is_same_v<A, ReportProtection>) {
          report_protection(state, effects, a);
        } else if constexpr (std::is_same_v<A, JustifyRecontact>) {
          justify_recontact(state, effects, a);
        } else if constexpr (std::is_same_v<A, RecordCorrespondence>) {
          record_correspondence(state, effects, a);
        } else if constexpr (std::is_same_v<A, ScheduleCallback>) {
          schedule_callback(state, effects, a);
        } else if constexpr (std::is_same_v<A, TakePayment>) {
          post_payment(state, effects, a);
        } else if constexpr (std::is_same_v<A, ReversePayments>) {
          reverse_payments(state, effects, a);
        }
      },
      action);
}

// [SECTION] Assets actions ------------------------------------------------------------------------------------

void reduce(AppState& state, Effects&, AssetsAction& action) {
  AssetsSlice& assets = state.assets;
  // Copied on write: a decision or quote of the previous state keeps reading the files it was made with.
  auto files = assets.files ? std::make_shared<Assets>(*assets.files) : std::make_shared<Assets>();
  std::visit(
      [&files](auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, AssetsExpected>) {
          files->expect(a.names);
        } else if constexpr (std::is_same_v<A, AssetReceived>) {
          files->add(a.name, a.text);
        } else if constexpr (std::is_same_v<A, AssetFailed>) {
          files->fail(a.name, a.message);
        }
      },
      action);
  assets.files = std::move(files);
  ++assets.version;
  const auto strategy_file = [](std::string_view name) {
    return name.starts_with(strategies_folder) || name.starts_with(goals_folder);  // what the desk is scored by
  };
  std::visit(
      [&](const auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, AssetsExpected>) {
          if (std::any_of(a.names.begin(), a.names.end(), strategy_file)) ++assets.strategies_version;
        } else {
          if (strategy_file(a.name)) ++assets.strategies_version;
        }
      },
      action);
}

// [SECTION] Sync actions --------------------------------------------------------------------------------------

// Merges events the host handed in (its file, the server) by id; conflicts and unreadable text become
// journal_problems, and what the server holds is marked accepted.
void receive_journal(AppState& state, JournalReceived& received) {
  SyncSlice& sync = state.sync;
  std::erase_if(sync.journal_problems, [&](const Problem& p) { return p.path == received.source; });
  EventLinesLoad load = load_event_lines(received.text);
  for (const Problem& p : load.problems) sync.journal_problems.push_back({received.source, p.text()});
  if (!load.ok() || load.events.empty()) return;
  std::vector<EventId> ids;
  std::vector<EventId> conflicts;
  std::vector<Event> fresh;  // not held before: what the journal and the folds take in
  ids.reserve(load.events.size());
  for (Event& event : load.events) {
    ids.push_back(event.id);
    const Event* held = state.journal ? state.journal->find(event.id) : nullptr;
    if (held == nullptr) {
      fresh.push_back(std::move(event));
    } else if (*held != event) {
      conflicts.push_back(event.id);
    }
  }
  std::vector<EventId> fresh_ids;
  fresh_ids.reserve(fresh.size());
  for (const Event& event : fresh) fresh_ids.push_back(event.id);
  if (!fresh.empty()) {
    const AddReport report = state.journal.edit().add_all(std::move(fresh));
    conflicts.insert(conflicts.end(), report.conflicts.begin(), report.conflicts.end());
  }
  for (const EventId id : conflicts) {
    sync.journal_problems.push_back({received.source, "event " + id.hex() + " is held with other content"});
  }
  if (received.acknowledged) {
    for (const EventId id : ids) {
      if (std::find(conflicts.begin(), conflicts.end(), id) == conflicts.end()) {
        sync.events[id] = EventSync{SyncStatus::accepted, {}};
      }
    }
  }
  if (!state.data || fresh_ids.empty()) return;
  std::sort(fresh_ids.begin(), fresh_ids.end());
  fresh_ids.erase(std::unique(fresh_ids.begin(), fresh_ids.end()), fresh_ids.end());
  std::map<std::uint32_t, std::vector<const Event*>> added;
  for (const EventId id : fresh_ids) {
    const Event* held = state.journal->find(id);
    if (!held) continue;  // refused as invalid
    if (const std::optional<std::uint32_t> index = state.data->index_of(held->account_id)) {
      added[*index].push_back(held);
    }
  }
  events_added(state, added);
}

void reduce(AppState& state, Effects&, SyncAction& action) {
  std::visit(
      [&state](auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, JournalReceived>) {
          receive_journal(state, a);
        } else if constexpr (std::is_same_v<A, EventsAcknowledged>) {
          for (const EventId id : a.ids) state.sync.events[id] = EventSync{SyncStatus::accepted, {}};
        } else if constexpr (std::is_same_v<A, EventRejected>) {
          state.sync.events[a.id] = EventSync{SyncStatus::rejected, std::move(a.reason)};
        }
      },
      action);
}

}  // namespace

// [SECTION] Update --------------------------------------------------------------------------------------------

Step step(AppState state, Action action) {
  Effects effects;
  std::visit([&](auto& group) { reduce(state, effects, group); }, action);
  refresh_desk(state);
  refresh_selected(state);
  return Step{std::move(state), std::move(effects)};
}

AppState update(AppState state, Action action) { return step(std::move(state), std::move(action)).state; }

}  // namespace parley::shell
