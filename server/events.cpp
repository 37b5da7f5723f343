// The events API's logic: reading a JSON Lines batch, the portfolio checks, the plan re-quote, atomic storage.
#include "events.h"

#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

#include "parley/host/files.h"
#include "parley/journal/journal_json.h"
#include "parley/plans/plan_json.h"
#include "parley/plans/policy_check.h"
#include "parley/portfolio_json.h"
#include "store.h"

namespace parley::server {
namespace {

// The party id an event names, or null for kinds that name none.
const std::string* party_of(const Event& event) {
  if (const auto* p = event.get<ContactAttempted>()) return &p->party_id;
  if (const auto* p = event.get<PartyVerified>()) return &p->party_id;
  if (const auto* p = event.get<DisputeOpened>()) return &p->party_id;
  if (const auto* p = event.get<CeaseRequested>()) return &p->party_id;
  if (const auto* p = event.get<PreferenceSet>()) return &p->party_id;
  if (const auto* p = event.get<ContactPointUpdated>()) return &p->party_id;
  return nullptr;
}

// Prefixes each problem's path with `prefix` ("payload.request" + "." + path).
void add_prefixed(Problems& out, const Problems& problems, const std::string& prefix) {
  for (const Problem& problem : problems) {
    out.push_back({problem.path.empty() ? prefix : prefix + "." + problem.path, problem.message});
  }
}

// The "id" member of a line that did not load, when it is a string; empty otherwise.
std::string id_of_line(std::string_view line) {
  const auto json = nlohmann::json::parse(line, nullptr, false);
  if (json.is_object() && json.contains("id") && json["id"].is_string()) return json["id"].get<std::string>();
  return {};
}

// One event of a batch, read.
struct BatchEvent {
  std::size_t index = 0;  // position among the batch's events
  std::size_t line = 0;   // line in the body
  Event event;
  std::string body;       // save_event's text
};

BatchResult reject(int status, const BatchEvent* at, Problems problems) {
  BatchRejection rejection;
  rejection.status = status;
  if (at) {
    rejection.index = at->index;
    rejection.line = at->line;
    rejection.id = at->event.id.hex();
  }
  rejection.problems = std::move(problems);
  return BatchResult{{}, std::move(rejection)};
}

// The account and client the store holds, loaded once per batch.
struct Holder {
  Portfolio portfolio;  // one account and its client
  const Account* account() const { return portfolio.accounts.empty() ? nullptr : &portfolio.accounts.front(); }
  const Client* client() const { return portfolio.clients.empty() ? nullptr : &portfolio.clients.front(); }
};

}  // namespace

// [SECTION] Calendars -----------------------------------------------------------------------------------------

Calendars load_calendars(const std::filesystem::path& folder, Problems& problems) {
  Calendars calendars;
  host::FileError error;
  const std::optional<std::vector<host::JsonFile>> files = host::read_json_files(folder, error);
  if (!files) {
    problems.push_back({folder.string(), "cannot read the calendars folder: " + error.reason});
    return calendars;
  }
  for (const host::JsonFile& file : *files) {
    if (!file.text) {
      problems.push_back({file.name, "cannot read: " + file.error.reason});
      continue;
    }
    CalendarLoad load = load_calendar(*file.text);
    if (!load.calendar) {
      for (const Problem& p : load.problems) problems.push_back({file.name, p.text()});
      continue;
    }
    std::string id = load.calendar->id;
    calendars.insert_or_assign(std::move(id), std::move(*load.calendar));
  }
  return calendars;
}

// [SECTION] Results -------------------------------------------------------------------------------------------

std::string BatchRejection::message() const {
  std::string text;
  if (index) {
    text = "event " + std::to_string(*index) + " (line " + std::to_string(line);
    if (!id.empty()) text += ", id " + id;
    text += "): ";
  }
  for (std::size_t i = 0; i < problems.size(); ++i) {
    if (i > 0) text += "; ";
    text += problems[i].text();
  }
  return text;
}

// [SECTION] Checks --------------------------------------------------------------------------------------------

Problems check_parties(const Event& event, const Account& account) {
  const std::string* party = party_of(event);
  if (!party) return {};
  for (const Party& p : account.parties) {
    if (p.id == *party) return {};
  }
  return {{"payload.party_id", "no party with id " + *party + " on account " + account.id}};
}

Problems check_plan_accepted(const Event& event, const PlanAccepted& plan, const Account& account,
                             const Client* client, const Calendars& calendars) {
  Problems problems;
  const plans::RequestLoad load = plans::load_request(plan.request);
  if (!load.request) {
    add_prefixed(problems, load.problems, "payload.request");
    return problems;
  }
  const plans::PlanRequest& request = *load.request;
  if (plans::save_request(request) != plan.request) {
    problems.push_back({"payload.request", "is not in the canonical form that save_request writes"});
  }
  const Currency currency = account.balance.total().currency();
  if (request.currency != currency) {
    problems.push_back({"payload.request.currency", "is " + std::string(request.currency.code()) +
                                                        "; account " + account.id + " is in " +
                                                        std::string(currency.code())});
  }
  if (request.balance != account.balance) {
    problems.push_back({"payload.request.balance", "does not match the current balance of account " + account.id});
  }
  if (!client) {
    problems.push_back({"account_id", "the client " + account.client_id + " of account " + account.id +
                                          " is not stored, so its policy is unknown"});
  } else if (request.policy != client->policy) {
    problems.push_back({"payload.request.policy", "does not match the current policy of client " + client->id});
  }
  const std::int64_t days_apart = static_cast<std::int64_t>(request.today.days_since_epoch()) -
                                  event.recorded_at.utc_date().days_since_epoch();
  if (days_apart > 1 || days_apart < -1) {
    problems.push_back({"payload.request.today", "is " + request.today.iso() + ", but the event was recorded on " +
                                                     event.recorded_at.utc_date().iso()});
  }
  const Calendar* calendar = nullptr;
  if (!request.calendar_id.empty()) {
    const auto found = calendars.find(request.calendar_id);
    if (found == calendars.end()) {
      problems.push_back({"payload.request.calendar", "the server has no holiday calendar " + request.calendar_id});
    } else {
      calendar = &found->second;
    }
  }
  if (!problems.empty()) return problems;

  const plans::QuoteResult result = plans::quote_plan(request, calendar);
  if (!result.quote) {
    add_prefixed(problems, result.problems, "payload.request");
    return problems;
  }
  const std::string digest = plans::quote_digest(*result.quote);
  if (digest != plan.quote_digest) {
    problems.push_back({"payload.quote_digest", "does not match the server's quote of the request (" + digest + ")"});
    return problems;
  }
  const plans::PolicyCheck check = plans::check_policy(request, *result.quote, calendar);
  for (const plans::Violation& violation : check.violations) {
    problems.push_back({"payload.request." + violation.path,
                        "policy violation (" + std::string(plans::to_string(violation.code)) + "): " +
                            violation.message});
  }
  return problems;
}

// [SECTION] Batches -------------------------------------------------------------------------------------------

BatchResult post_events(Store& store, std::string_view json_lines, const Calendars& calendars) {
  if (json_lines.size() > max_batch_bytes) {
    return reject(413, nullptr, {{"", "a batch is at most " + std::to_string(max_batch_bytes) + " bytes"}});
  }
  // Read every line; the first that is not an event refuses the batch.
  std::vector<BatchEvent> batch;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < json_lines.size()) {
    std::size_t end = json_lines.find('\n', start);
    if (end == std::string_view::npos) end = json_lines.size();
    std::string_view line = json_lines.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (batch.size() == max_batch_events) {
      return reject(413, nullptr, {{"", "a batch holds at most " + std::to_string(max_batch_events) + " events"}});
    }
    EventLoad load = load_event(line);
    if (!load.ok()) {
      BatchRejection rejection;
      rejection.status = 400;
      rejection.index = batch.size();
      rejection.line = line_number;
      rejection.id = id_of_line(line);
      rejection.problems = std::move(load.problems);
      return BatchResult{{}, std::move(rejection)};
    }
    BatchEvent item;
    item.index = batch.size();
    item.line = line_number;
    item.body = save_event(*load.event);
    item.event = std::move(*load.event);
    batch.push_back(std::move(item));
  }
  if (batch.empty()) return reject(400, nullptr, {{"", "the body holds no events (one JSON object per line)"}});

  // Repeats within the batch: the same content counts once; other content under the same id refuses it.
  std::vector<const BatchEvent*> unique;
  std::unordered_map<std::string, const BatchEvent*> by_id;
  for (const BatchEvent& item : batch) {
    const auto [it, inserted] = by_id.emplace(item.event.id.hex(), &item);
    if (inserted) {
      unique.push_back(&item);
    } else if (it->second->body != item.body) {
      return reject(409, &item, {{"id", "same id as event " + std::to_string(it->second->index) +
                                            " of this batch with different content"}});
    }
  }

  // Checks of the events not stored yet; stored ones must be the very same event.
  std::map<std::string, std::optional<Holder>> holders;  // by account id; nullopt: no such account
  for (const BatchEvent* item : unique) {
    const Event& event = item->event;
    if (const auto stored = store.find_event(event.id.hex())) {
      if (stored->body != item->body) {
        return reject(409, item, {{"id", "event " + event.id.hex() + " is already stored (seq " +
                                             std::to_string(stored->seq) + ") with different content"}});
      }
      continue;
    }
    auto found = holders.find(event.account_id);
    if (found == holders.end()) {
      std::optional<Holder> holder;
      if (const auto document = store.account_document(event.account_id)) {
        PortfolioLoad load = load_portfolio(*document);
        if (!load.ok()) {
          return reject(500, item, {{"account_id", "the stored account " + event.account_id + " does not load"}});
        }
        holder = Holder{std::move(*load.portfolio)};
      }
      found = holders.emplace(event.account_id, std::move(holder)).first;
    }
    if (!found->second) return reject(422, item, {{"account_id", "no account with id " + event.account_id}});
    const Account& account = *found->second->account();
    Problems problems = check_parties(event, account);
    if (const auto* outcome = event.get<OutcomeRecorded>()) {
      const std::string attempt = outcome->attempt_id.hex();
      const auto in_batch = by_id.find(attempt);
      bool known = false;
      if (in_batch != by_id.end()) {
        known = in_batch->second->event.kind() == EventKind::contact_attempted &&
                in_batch->second->event.account_id == event.account_id;
      } else if (const auto stored = store.find_event(attempt)) {
        known = stored->type == to_string(EventKind::contact_attempted) && stored->account_id == event.account_id;
      }
      if (!known) {
        problems.push_back({"payload.attempt_id", "no contact-attempted event " + attempt + " on account " +
                                                      event.account_id});
      }
    }
    if (const auto* plan = event.get<PlanAccepted>()) {
      const Problems plan_problems = check_plan_accepted(event, *plan, account, found->second->client(), calendars);
      problems.insert(problems.end(), plan_problems.begin(), plan_problems.end());
    }
    if (!problems.empty()) return reject(422, item, std::move(problems));
  }

  // Store every unique event in one transaction (stored ones come back as duplicates).
  std::vector<NewEvent> rows;
  rows.reserve(unique.size());
  for (const BatchEvent* item : unique) {
    const Event& e = item->event;
    rows.push_back(NewEvent{e.id.hex(), e.account_id, std::string(to_string(e.kind())), e.recorded_at.unix_seconds(),
                            e.author.device, static_cast<std::int64_t>(e.sequence), item->body});
  }
  const AppendResult appended = store.append_events(rows);
  if (appended.conflict) {
    const BatchEvent* item = unique[*appended.conflict];
    return reject(409, item, {{"id", "event " + item->event.id.hex() + " is already stored with different content"}});
  }
  if (appended.error) return reject(500, nullptr, {{"database", *appended.error}});
  BatchResult result;
  for (std::size_t i = 0; i < unique.size(); ++i) {
    result.acks.push_back(EventAck{rows[i].id, appended.duplicates[i], appended.seqs[i]});
  }
  return result;
}

std::string batch_result_json(const BatchResult& result, std::string_view epoch) {
  nlohmann::json out;
  if (result.rejection) {
    const BatchRejection& r = *result.rejection;
    out["error"] = r.message();
    if (r.index) {
      out["index"] = *r.index;
      out["line"] = r.line;
      out["id"] = r.id;
    }
    nlohmann::json problems = nlohmann::json::array();
    for (const Problem& p : r.problems) problems.push_back({{"path", p.path}, {"reason", p.message}});
    out["problems"] = std::move(problems);
  } else {
    out["epoch"] = epoch;
    nlohmann::json acks = nlohmann::json::array();
    std::int64_t last = 0;
    for (const EventAck& ack : result.acks) {
      acks.push_back({{"id", ack.id}, {"status", ack.duplicate ? "duplicate" : "stored"}, {"seq", ack.seq}});
      if (ack.seq > last) last = ack.seq;
    }
    out["results"] = std::move(acks);
    out["last_seq"] = last;
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::string> account_events_json(Store& store, std::string_view account_id) {
  if (!store.account_body(account_id)) return std::nullopt;
  const nlohmann::json id(account_id);
  std::string out = "{\"account_id\":" + id.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                    ",\"events\":[";
  bool first = true;
  for (const std::string& body : store.account_events(account_id)) {
    if (!first) out += ',';
    first = false;
    out += body;
  }
  out += "]}";
  return out;
}

std::string events_page_json(Store& store, std::int64_t after, int limit) {
  const EventPage page = store.events_after(after, limit);
  std::string out = "{\"epoch\":" + nlohmann::json(store.epoch()).dump() + ",\"events\":[";
  std::int64_t next = after;
  bool first = true;
  for (const auto& [seq, body] : page.events) {
    if (!first) out += ',';
    first = false;
    out += body;
    next = seq;
  }
  out += "],\"next\":" + std::to_string(next) + ",\"has_more\":" + (page.has_more ? "true" : "false") + "}";
  return out;
}

}  // namespace parley::server
