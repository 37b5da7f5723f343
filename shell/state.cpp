// The update function and the queue's derived rows (see parley/shell/state.h).

#include "parley/shell/state.h"

#include <algorithm>
#include <type_traits>

#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"
#include "parley/portfolio_json.h"

namespace parley::shell {
namespace {

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

// Strict weak order of two entries by one column, ascending.
bool column_less(const LoadedPortfolio& data, QueueColumn column, const QueueEntry& a, const QueueEntry& b) {
  const Account& x = data.portfolio.accounts[a.account];
  const Account& y = data.portfolio.accounts[b.account];
  switch (column) {
    case QueueColumn::id: return x.id < y.id;
    case QueueColumn::debtor: return a.debtor_name < b.debtor_name;
    case QueueColumn::client: return a.client_name < b.client_name;
    case QueueColumn::balance: {
      if (a.balance.currency() != b.balance.currency()) {
        return a.balance.currency().code() < b.balance.currency().code();
      }
      return a.balance.minor() < b.balance.minor();
    }
    case QueueColumn::days_past_due: return a.days_past_due < b.days_past_due;
    case QueueColumn::aging: return aging_bucket(a.days_past_due) < aging_bucket(b.days_past_due);
    case QueueColumn::risk: return risk_rank(x.risk) < risk_rank(y.risk);
    case QueueColumn::jurisdiction: return x.jurisdiction < y.jurisdiction;
  }
  return false;
}

}  // namespace

// [SECTION] Loaded portfolio ----------------------------------------------------------------------------------

const Account* LoadedPortfolio::find_account(std::string_view id) const {
  const auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : &portfolio.accounts[it->second];
}

std::shared_ptr<const LoadedPortfolio> make_loaded_portfolio(Portfolio portfolio) {
  auto data = std::make_shared<LoadedPortfolio>();
  data->portfolio = std::move(portfolio);
  const Portfolio& p = data->portfolio;

  std::unordered_map<std::string_view, std::string_view> client_names;
  for (const Client& client : p.clients) client_names.emplace(client.id, client.name);

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
    const auto client = client_names.find(account.client_id);
    entry.client_name = std::string(client == client_names.end() ? account.client_id : client->second);
    entry.locale = find_locale(account.language).value_or(Locale::en_US);
    entry.balance = account.balance.total();
    entry.days_past_due = account.days_past_due(p.as_of);
    entry.search_key = lowercase(account.id + '\n' + entry.debtor_name + '\n' + entry.client_name + '\n' +
                                 account.jurisdiction);
    data->entries.push_back(std::move(entry));
    data->by_id.emplace(account.id, i);
  }
  return data;
}

// [SECTION] Queue view ----------------------------------------------------------------------------------------

void rebuild_rows(QueueView& view, const LoadedPortfolio& data) {
  view.rows.clear();
  const std::string needle = lowercase(view.filter);
  for (std::uint32_t i = 0; i < data.entries.size(); ++i) {
    if (needle.empty() || data.entries[i].search_key.find(needle) != std::string::npos) view.rows.push_back(i);
  }
  const QueueColumn column = view.sort_column;
  const bool descending = view.descending;
  std::stable_sort(view.rows.begin(), view.rows.end(), [&](std::uint32_t a, std::uint32_t b) {
    const QueueEntry& ea = data.entries[a];
    const QueueEntry& eb = data.entries[b];
    return descending ? column_less(data, column, eb, ea) : column_less(data, column, ea, eb);
  });
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
    if (event.get<PlanAccepted>()) offers.push_back(&event);
  }
  return offers;
}

namespace {

// The journal after recording one offer; unchanged when the account is unknown, the request does not quote, the
// policy check finds a violation, or the journal refuses the event.
std::shared_ptr<const Journal> record_offer(const AppState& state, RecordOffer& offer) {
  if (!state.data || !state.data->find_account(offer.account_id)) return state.journal;
  const plans::QuoteResult result = plans::quote_plan(offer.request);
  if (!result.ok()) return state.journal;
  if (!plans::check_policy(offer.request, *result.quote).compliant()) return state.journal;
  Event event;
  event.id = offer.id;
  event.account_id = offer.account_id;
  event.author = std::move(offer.author);
  event.recorded_at = offer.recorded_at;
  event.sequence = (state.journal ? state.journal->last_sequence(event.author.device) : 0) + 1;
  event.payload = PlanAccepted{plans::save_request(offer.request), plans::quote_digest(*result.quote)};
  auto journal = state.journal ? std::make_shared<Journal>(*state.journal) : std::make_shared<Journal>();
  if (journal->add(std::move(event)) != AddResult::added) return state.journal;
  return journal;
}

}  // namespace

// [SECTION] Actions -------------------------------------------------------------------------------------------

AppState update(AppState state, Action action) {
  std::visit(
      [&state](auto&& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, LoadStarted>) {
          state.source = std::move(a.source);
          state.status = LoadStatus::loading;
          state.problems.clear();
        } else if constexpr (std::is_same_v<A, PortfolioReceived>) {
          state.source = std::move(a.source);
          PortfolioLoad load = load_portfolio(a.text);
          if (load.ok()) {
            state.status = LoadStatus::ready;
            state.problems.clear();
            state.data = make_loaded_portfolio(std::move(*load.portfolio));
            if (!state.data->find_account(state.selected)) state.selected.clear();
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
          state.selected.clear();
          state.queue.rows.clear();
        } else if constexpr (std::is_same_v<A, SelectAccount>) {
          if (a.account_id.empty() || (state.data && state.data->find_account(a.account_id))) {
            state.selected = std::move(a.account_id);
          }
        } else if constexpr (std::is_same_v<A, SortQueue>) {
          state.queue.sort_column = a.column;
          state.queue.descending = a.descending;
          if (state.data) rebuild_rows(state.queue, *state.data);
        } else if constexpr (std::is_same_v<A, FilterQueue>) {
          state.queue.filter = std::move(a.text);
          if (state.data) rebuild_rows(state.queue, *state.data);
        } else if constexpr (std::is_same_v<A, RecordOffer>) {
          state.journal = record_offer(state, a);
        }
      },
      action);
  return state;
}

}  // namespace parley::shell
