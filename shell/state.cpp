// The update function and the queue's derived rows (see parley/shell/state.h).

#include "parley/shell/state.h"

#include <algorithm>
#include <span>
#include <type_traits>

#include "parley/account/offers.h"
#include "parley/journal/journal_json.h"
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

std::vector<std::string> LoadedPortfolio::consumer_accounts(const Account& account) const {
  std::vector<std::string> out;
  const std::string_view key = consumer_key(account);
  if (key.empty()) return out;
  const auto it = by_consumer.find(key);
  if (it == by_consumer.end()) return out;
  for (const std::uint32_t i : it->second) {
    if (portfolio.accounts[i].id != account.id) out.push_back(portfolio.accounts[i].id);
  }
  return out;
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
    if (const std::string_view key = consumer_key(account); !key.empty()) data->by_consumer[key].push_back(i);
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

std::string_view to_string(SyncStatus status) {
  switch (status) {
    case SyncStatus::unsent: return "unsent";
    case SyncStatus::accepted: return "accepted";
    case SyncStatus::rejected: return "rejected";
  }
  return "unsent";
}

EventSync AppState::sync_of(EventId id) const {
  const auto it = sync.find(id);
  return it == sync.end() ? EventSync{} : it->second;
}

const Calendar* AppState::calendar(std::string_view id) const {
  const auto it = calendars.find(id);
  return it == calendars.end() ? nullptr : &it->second;
}

const Client* AppState::client_of(const Account& account) const {
  return data ? data->portfolio.find_client(account.client_id) : nullptr;
}

AccountState AppState::account_state(const Account& account) const {
  static const Journal no_events;
  return fold(account, client_of(account), (journal ? *journal : no_events).events_for(account.id));
}

Decision AppState::contact_decision(const Account& account, const Party& party, ContactChannel channel, Instant at,
                                    std::string_view contact_point) const {
  // Before the host has asked for any pack, contact waits as it does while they load.
  static const RuleBook not_requested = [] {
    RuleBook book;
    book.pending.push_back("rules");
    return book;
  }();
  const RuleBook& book = rules ? *rules : not_requested;
  const AccountState state = account_state(account);
  std::vector<AccountState> others;
  std::vector<const AccountState*> pointers;
  if (data) {
    const std::vector<std::string> ids = data->consumer_accounts(account);
    others.reserve(ids.size());
    for (const std::string& id : ids) {
      if (const Account* other = data->find_account(id)) others.push_back(account_state(*other));
    }
    for (const AccountState& other : others) pointers.push_back(&other);
  }
  return check(state, party, channel, contact_point, at, book, pointers);
}

namespace {

const Party* find_party(const Account& account, std::string_view party_id) {
  for (const Party& party : account.parties) {
    if (party.id == party_id) return &party;
  }
  return nullptr;
}

// The journal with `events` added, or null when one of them is refused (then nothing is added).
std::shared_ptr<const Journal> with_events(const AppState& state, std::vector<Event> events) {
  auto journal = state.journal ? std::make_shared<Journal>(*state.journal) : std::make_shared<Journal>();
  for (Event& event : events) {
    if (journal->add(std::move(event)) != AddResult::added) return nullptr;
  }
  return journal;
}

std::uint64_t next_sequence(const AppState& state, const Author& author) {
  return (state.journal ? state.journal->last_sequence(author.device) : 0) + 1;
}

// Starts an attempt when compliance allows it now; otherwise keeps the refusal or the problems.
void begin_contact(AppState& state, StartContact& start) {
  ContactState& c = state.contact;
  c.account_id = start.account_id;
  c.refused.reset();
  c.problems.clear();
  c.finished.clear();
  const Account* account = state.data ? state.data->find_account(start.account_id) : nullptr;
  if (!account) {
    c.problems.push_back({"account_id", "no account " + start.account_id + " is loaded"});
    return;
  }
  if (c.session) {
    c.problems.push_back({"", "finish the attempt in progress on " + c.session->account_id + " first"});
    return;
  }
  const Party* party = find_party(*account, start.party_id);
  if (!party) {
    c.problems.push_back({"party_id", "the account has no party " + start.party_id});
    return;
  }
  Decision decision = state.contact_decision(*account, *party, start.channel, start.at, start.contact_point);
  if (!decision.allowed) {
    c.refused = std::move(decision);
    return;
  }
  ContactStart started = start_contact(state.account_state(*account), start.party_id, start.channel,
                                       start.contact_point, start.id, start.at);
  if (!started.session || !started.attempt) {
    c.problems = std::move(started.problems);
    return;
  }
  const EventPayload payload = *started.attempt;
  ContactEvents events = make_contact_events(account->id, std::span(&payload, 1), std::span(&start.id, 1),
                                             start.author, start.at, next_sequence(state, start.author));
  std::shared_ptr<const Journal> journal =
      events.problems.empty() ? with_events(state, std::move(events.events)) : nullptr;
  if (!journal) {
    c.problems = std::move(events.problems);
    if (c.problems.empty()) c.problems.push_back({"", "the attempt could not be recorded in the journal"});
    return;
  }
  state.journal = std::move(journal);
  c.session = std::move(started.session);
  c.verification.reset();
}

// Checks the party's answers against the account; the session becomes verified when enough pass.
void answer_questions(AppState& state, const AnswerQuestions& answers) {
  ContactState& c = state.contact;
  if (!c.session) return;
  const Account* account = state.data ? state.data->find_account(c.session->account_id) : nullptr;
  if (!account) return;
  VerifyStep step = verify(*c.session, *account, answers.answers);
  c.account_id = account->id;
  c.problems = step.result.problems;
  c.session = std::move(step.session);
  c.verification = std::move(step.result);
}

// Records the outcome's events and ends the session; with problems, keeps the session and says why.
void finish_attempt(AppState& state, FinishContact& finish) {
  ContactState& c = state.contact;
  if (!c.session) return;
  const Account* account = state.data ? state.data->find_account(c.session->account_id) : nullptr;
  if (!account) return;
  c.account_id = account->id;
  ContactFinish done =
      finish_contact(*c.session, state.account_state(*account), finish.outcome, finish.details, finish.today);
  if (!done.problems.empty()) {
    c.problems = std::move(done.problems);
    return;
  }
  if (finish.ids.size() < done.payloads.size()) {
    c.problems = {Problem{"ids", "the host gave too few event ids"}};
    return;
  }
  ContactEvents events =
      make_contact_events(account->id, done.payloads, std::span(finish.ids).first(done.payloads.size()),
                          finish.author, finish.at, next_sequence(state, finish.author));
  std::shared_ptr<const Journal> journal =
      events.problems.empty() ? with_events(state, std::move(events.events)) : nullptr;
  if (!journal) {
    c.problems = std::move(events.problems);
    if (c.problems.empty()) c.problems.push_back({"", "the outcome could not be recorded in the journal"});
    return;
  }
  state.journal = std::move(journal);
  const std::size_t n = done.payloads.size();
  c.finished = std::string(outcome_label(finish.outcome)) + ": " + std::to_string(n) +
               (n == 1 ? " event recorded" : " events recorded");
  c.session.reset();
  c.verification.reset();
  c.problems.clear();
  c.refused.reset();
}

// Records one offer in the journal; nothing when the account is unknown, core's offer check refuses it
// (check_offer: the request must quote over the balance now, within the policy, without a supervisor's approval,
// with the holiday calendar it names loaded) or the journal refuses the event. Why is kept in offer_problems.
void record_offer(AppState& state, RecordOffer& offer) {
  Problems& problems = state.offer_problems;
  problems.clear();
  const Account* account = state.data ? state.data->find_account(offer.account_id) : nullptr;
  if (account == nullptr) {
    problems.push_back({"account_id", "no account " + offer.account_id + " is loaded"});
    return;
  }
  const Calendar* calendar = state.calendar(offer.request.calendar_id);
  const plans::QuoteResult result = plans::quote_plan(offer.request, calendar);
  if (!result.ok()) {
    problems = result.problems;
    return;
  }
  Event event;
  event.id = offer.id;
  event.account_id = offer.account_id;
  event.author = std::move(offer.author);
  event.recorded_at = offer.recorded_at;
  event.sequence = (state.journal ? state.journal->last_sequence(event.author.device) : 0) + 1;
  const PlanAccepted plan{plans::save_request(offer.request), plans::quote_digest(*result.quote)};
  problems = check_offer(state.account_state(*account), plan, event.recorded_at, state.calendars);
  if (!problems.empty()) return;
  event.payload = plan;
  auto journal = state.journal ? std::make_shared<Journal>(*state.journal) : std::make_shared<Journal>();
  if (journal->add(std::move(event)) != AddResult::added) {
    problems.push_back({"id", "the journal already holds an event with this id"});
    return;
  }
  state.journal = std::move(journal);
}

}  // namespace

namespace {

// Merges events the host handed in (its file, the server) by id; conflicts and unreadable text become
// journal_problems, and what the server holds is marked accepted.
void receive_journal(AppState& state, JournalReceived& received) {
  std::erase_if(state.journal_problems, [&](const Problem& p) { return p.path == received.source; });
  EventLinesLoad load = load_event_lines(received.text);
  for (const Problem& p : load.problems) state.journal_problems.push_back({received.source, p.text()});
  if (!load.ok() || load.events.empty()) return;
  std::vector<EventId> ids;
  ids.reserve(load.events.size());
  for (const Event& event : load.events) ids.push_back(event.id);
  auto journal = state.journal ? std::make_shared<Journal>(*state.journal) : std::make_shared<Journal>();
  const AddReport report = journal->add_all(std::move(load.events));
  for (const EventId id : report.conflicts) {
    state.journal_problems.push_back({received.source, "event " + id.hex() + " is held with other content"});
  }
  if (received.acknowledged) {
    for (const EventId id : ids) {
      if (std::find(report.conflicts.begin(), report.conflicts.end(), id) == report.conflicts.end()) {
        state.sync[id] = EventSync{SyncStatus::accepted, {}};
      }
    }
  }
  if (report.added > 0) state.journal = std::move(journal);
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
            if (a.account_id != state.selected) state.offer_problems.clear();
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
          record_offer(state, a);
        } else if constexpr (std::is_same_v<A, CalendarReceived>) {
          CalendarLoad load = load_calendar(a.text);
          std::erase_if(state.calendar_problems, [&](const Problem& p) { return p.path == a.source; });
          if (load.calendar) {
            std::string id = load.calendar->id;
            state.calendars.insert_or_assign(std::move(id), std::move(*load.calendar));
          } else {
            for (const Problem& p : load.problems) state.calendar_problems.push_back({a.source, p.text()});
          }
        } else if constexpr (std::is_same_v<A, CalendarFailed>) {
          std::erase_if(state.calendar_problems, [&](const Problem& p) { return p.path == a.source; });
          state.calendar_problems.push_back({std::move(a.source), std::move(a.message)});
        } else if constexpr (std::is_same_v<A, JournalReceived>) {
          receive_journal(state, a);
        } else if constexpr (std::is_same_v<A, EventsAcknowledged>) {
          for (const EventId id : a.ids) state.sync[id] = EventSync{SyncStatus::accepted, {}};
        } else if constexpr (std::is_same_v<A, EventRejected>) {
          state.sync[a.id] = EventSync{SyncStatus::rejected, std::move(a.reason)};
        } else if constexpr (std::is_same_v<A, RulesRequested>) {
          for (std::string& source : a.sources) {
            if (std::find(state.rules_pending.begin(), state.rules_pending.end(), source) ==
                state.rules_pending.end()) {
              state.rules_pending.push_back(std::move(source));
            }
          }
          auto book = state.rules ? std::make_shared<RuleBook>(*state.rules) : std::make_shared<RuleBook>();
          book->pending = state.rules_pending;
          state.rules = std::move(book);
        } else if constexpr (std::is_same_v<A, RulesReceived> || std::is_same_v<A, RulesFailed>) {
          std::erase(state.rules_pending, a.source);
          auto book = state.rules ? std::make_shared<RuleBook>(*state.rules) : std::make_shared<RuleBook>();
          book->pending = state.rules_pending;
          if constexpr (std::is_same_v<A, RulesReceived>) {
            book->add(a.source, a.text);
          } else {
            book->failed.push_back(Problem{a.source, std::move(a.message)});
          }
          state.rules = std::move(book);
        } else if constexpr (std::is_same_v<A, StartContact>) {
          begin_contact(state, a);
        } else if constexpr (std::is_same_v<A, AnswerQuestions>) {
          answer_questions(state, a);
        } else if constexpr (std::is_same_v<A, FinishContact>) {
          finish_attempt(state, a);
        }
      },
      action);
  // The rule book reads the US federal holidays (the validation period's business days) once both are in.
  if (state.rules && !state.rules->holidays) {
    if (const Calendar* holidays = state.calendar("US-FEDERAL")) {
      auto book = std::make_shared<RuleBook>(*state.rules);
      book->holidays = *holidays;
      state.rules = std::move(book);
    }
  }
  return state;
}

}  // namespace parley::shell
