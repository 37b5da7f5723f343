// The events API's logic: reading a JSON Lines batch, checking it with core's fold (check_event,
// check_offer_event) and compliance check, noting compliance exceptions, atomic storage.
#include "events.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <unordered_map>
#include <utility>

#include "parley/account/account.h"
#include "parley/account/offers.h"
#include "parley/compliance/check.h"
#include "parley/host/files.h"
#include "parley/journal/journal.h"
#include "parley/journal/journal_json.h"
#include "parley/portfolio_json.h"
#include "store.h"

namespace parley::server {
namespace {

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

// An account the batch involves: its placement and client as the store holds them (the state's pointers point
// here, so a Holder does not move once made).
struct Holder {
  Portfolio portfolio;  // one account and its client
  const Account& account() const { return portfolio.accounts.front(); }
  const Client* client() const { return portfolio.clients.empty() ? nullptr : &portfolio.clients.front(); }
};

// The accounts a batch involves, loaded once each, and one journal of their stored events and the batch's new ones.
class Involved {
 public:
  explicit Involved(Store& store) : store_(store) {}

  // The account's holder, loading it and its stored events the first time; null when no account has this id.
  // `error` is set when a stored account does not load.
  const Holder* load(const std::string& account_id, std::string& error) {
    if (const auto found = holders_.find(account_id); found != holders_.end()) return found->second.get();
    const std::optional<std::string> document = store_.account_document(account_id);
    if (!document) return holders_.emplace(account_id, nullptr).first->second.get();
    PortfolioLoad load = load_portfolio(*document);
    if (!load.ok()) {
      error = "the stored account " + account_id + " does not load";
      return nullptr;
    }
    auto holder = std::make_unique<Holder>(Holder{std::move(*load.portfolio)});
    // Stored events that core refuses today (stored by an older server) are left out of the fold.
    for (const std::string& body : store_.account_events(account_id)) {
      EventLoad event = load_event(body);
      if (event.ok()) events_.push_back(std::move(*event.event));
    }
    return holders_.emplace(account_id, std::move(holder)).first->second.get();
  }
  void add(const Event& event) { events_.push_back(event); }
  // The journal of everything loaded and added; call once, after the last load and add.
  const Journal& journal() {
    journal_.add_all(std::move(events_));
    return journal_;
  }

 private:
  Store& store_;
  std::map<std::string, std::unique_ptr<Holder>, std::less<>> holders_;  // null: no such account
  std::vector<Event> events_;
  Journal journal_;
};

// An outbound communication as check() reads it: an outbound attempt, or a letter sent.
struct Communication {
  const std::string& party_id;
  ContactChannel channel;
  const std::string& point;
  LetterPurpose purpose;
};
std::optional<Communication> communication_of(const Event& event) {
  if (const auto* attempt = event.get<ContactAttempted>(); attempt && attempt->direction == ContactDirection::outbound) {
    return Communication{attempt->party_id, attempt->channel, attempt->contact_point, LetterPurpose::collection};
  }
  if (const auto* letter = event.get<LetterIssued>()) {
    return Communication{letter->party_id, ContactChannel::letter, letter->address, letter->purpose};
  }
  return std::nullopt;
}

// What check() says of an outbound communication at its recorded_at, against the account's fold before it and, for
// the rules counted per consumer, the folds of the consumer's other accounts up to that instant.
Decision check_communication(const AccountState& state, const Event& event, const Communication& communication,
                             const RuleBook& book, const Journal& journal, std::span<const Holder* const> others) {
  std::vector<AccountState> folds;
  folds.reserve(others.size());
  for (const Holder* other : others) {
    folds.push_back(fold(other->account(), other->client(), journal.events_for(other->account().id), event.recorded_at));
  }
  std::vector<const AccountState*> pointers;
  for (const AccountState& f : folds) pointers.push_back(&f);
  const Party& party = *state.party(communication.party_id)->party;
  return check(state, party, communication.channel, communication.point, event.recorded_at, book, pointers,
               communication.purpose);
}

ComplianceException exception_of(const Event& communication, const Decision& decision) {
  ComplianceException exception{communication.id, {}};
  for (const Reason& reason : decision.reasons) {
    exception.rules.push_back(BrokenRule{reason.rule_id, reason.citation, reason.words});
  }
  return exception;
}

NewEvent row_of(const Event& e, std::string body) {
  return NewEvent{e.id.hex(), e.account_id, std::string(to_string(e.kind())), e.recorded_at.unix_seconds(),
                  e.author.device, static_cast<std::int64_t>(e.sequence), std::move(body)};
}

std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// {"epoch":..., "<member>":[item(body)...], "next": cursor, "has_more": bool} over one page of events.
template <class Item>
std::string page_json(Store& store, const EventPage& page, std::int64_t after, std::string_view member, Item item) {
  std::string out = "{\"epoch\":" + nlohmann::json(store.epoch()).dump() + ",\"" + std::string(member) + "\":[";
  std::int64_t next = after;
  bool first = true;
  for (const auto& [seq, body] : page.events) {
    if (!first) out += ',';
    first = false;
    out += item(body);
    next = seq;
  }
  out += "],\"next\":" + std::to_string(next) + ",\"has_more\":" + (page.has_more ? "true" : "false") + "}";
  return out;
}

}  // namespace

// [SECTION] Assets --------------------------------------------------------------------------------------------

Assets load_assets(const std::filesystem::path& rules, const std::filesystem::path& calendars) {
  Assets assets;
  host::add_assets_folder(assets, calendars, calendars_folder);
  host::add_assets_folder(assets, rules, rules_folder);
  return assets;
}

// [SECTION] Checks --------------------------------------------------------------------------------------------

Instant system_now() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Instant::from_unix_seconds(std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count());
}

EventId random_event_id() {
  for (;;) {
    const std::optional<EventId> id = EventId::parse(random_hex_id());
    if (id && !id->is_nil()) return *id;
  }
}

std::string server_device(std::string_view epoch) { return "server-" + std::string(epoch); }

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

// [SECTION] Batches -------------------------------------------------------------------------------------------

BatchResult post_events(Store& store, std::string_view json_lines, const Checks& checks) {
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

  // From here to the commit no other batch is checked or written.
  const auto batch_lock = store.lock_batches();
  const Instant now = checks.now();
  const std::string device = server_device(store.epoch());

  // A refusal of one event; the batch's answer names the earliest in the batch, and for one event the first found,
  // in the order of the checks below (docs/api.md lists them so). A refused event is not folded: the client drops
  // it and sends the rest again, and an event that depended on it is refused then.
  const BatchEvent* refused = nullptr;
  int refused_status = 422;
  Problems refusal;
  const auto refuse = [&](const BatchEvent* item, int status, Problems problems) {
    if (refused && refused->index <= item->index) return;
    refused = item;
    refused_status = status;
    refusal = std::move(problems);
  };

  // Stored events must be the very same event; the others are new, and are checked.
  std::map<EventId, const BatchEvent*> fresh;
  std::map<EventId, Problems> repeated_sequences;  // new events whose (device, sequence) another event holds
  std::map<std::pair<std::string, std::uint64_t>, const BatchEvent*> by_device_sequence;
  for (const BatchEvent* item : unique) {
    const Event& event = item->event;
    if (const auto stored = store.find_event(event.id.hex())) {
      if (stored->body != item->body) {
        refuse(item, 409, {{"id", "event " + event.id.hex() + " is already stored (seq " + std::to_string(stored->seq) +
                                      ") with different content"}});
      }
      continue;
    }
    if (event.kind() == EventKind::compliance_exception) {
      refuse(item, 422, {{"type", "compliance-exception events are written by the server only"}});
      continue;
    }
    if (event.author.device == device) {
      refuse(item, 422, {{"author.device", "is the server's own device; only the server writes as " + device}});
      continue;
    }
    const std::string held_by = "device " + event.author.device + " already recorded sequence " +
                                std::to_string(event.sequence) + " as event ";
    const auto [other, inserted] = by_device_sequence.emplace(std::pair(event.author.device, event.sequence), item);
    if (!inserted) {
      repeated_sequences[event.id] = {{"sequence", held_by + other->second->event.id.hex() + " (event " +
                                                       std::to_string(other->second->index) + " of this batch)"}};
    } else if (const auto held = store.find_device_sequence(event.author.device,
                                                            static_cast<std::int64_t>(event.sequence))) {
      repeated_sequences[event.id] = {{"sequence", held_by + *held + " (stored)"}};
    }
    fresh.emplace(event.id, item);
  }

  // The accounts of the new events, with their stored events; for an account with outbound communications (attempts,
  // letters), the same consumer's other accounts too (their attempts count for the rules counted per consumer).
  Involved involved(store);
  std::map<std::string, std::vector<const Holder*>, std::less<>> consumer_accounts;  // by account id
  for (const BatchEvent* item : unique) {
    if (!fresh.contains(item->event.id)) continue;
    const Event& event = item->event;
    std::string error;
    const Holder* holder = involved.load(event.account_id, error);
    if (!error.empty()) return reject(500, item, {{"account_id", error}});
    if (!holder) {
      refuse(item, 422, {{"account_id", "no account with id " + event.account_id}});
      fresh.erase(event.id);
      continue;
    }
    if (!communication_of(event) || consumer_accounts.contains(event.account_id)) continue;
    std::vector<const Holder*>& others = consumer_accounts[event.account_id];
    for (const std::string& id : store.consumer_accounts(event.account_id)) {
      const Holder* other = involved.load(id, error);
      if (!error.empty()) return reject(500, item, {{"account_id", error}});
      if (other) others.push_back(other);
    }
  }
  for (const auto& [id, item] : fresh) involved.add(item->event);
  const Journal& journal = involved.journal();

  // Each account's events in journal order: a new one is checked against the fold just before it, then folded. A
  // stored one after a new one is checked again: a new event that makes a stored one after it refused (a second
  // outcome recorded before the stored outcome, a payment that leaves a later stored one above the balance) is
  // refused, unless the stored one is refused without the batch too (stored by an older server).
  std::set<std::string> accounts;
  for (const auto& [id, item] : fresh) accounts.insert(item->event.account_id);
  std::map<EventId, ComplianceException> exceptions;  // by communication
  for (const std::string& account_id : accounts) {
    std::string error;
    const Holder& holder = *involved.load(account_id, error);
    AccountState state = placement_state(holder.account(), holder.client());   // stored and new events
    AccountState stored = placement_state(holder.account(), holder.client());  // the stored events alone
    const BatchEvent* last_new = nullptr;  // the latest new event folded into `state`
    for (const Event& event : journal.events_for(account_id)) {
      const auto found = fresh.find(event.id);
      if (found == fresh.end()) {
        if (last_new) {
          const Problems now_refused = check_event(state, event, now);
          if (!now_refused.empty() && check_event(stored, event, now).empty()) {
            refuse(last_new, 422, {{"recorded_at", "comes before the stored event " + event.id.hex() + " (" +
                                                       std::string(to_string(event.kind())) + "), which it would "
                                                       "make refused: " + now_refused.front().text()}});
          }
        }
        apply(state, event);
        apply(stored, event);
        continue;
      }
      Problems problems = check_event(state, event, now);
      if (problems.empty()) problems = check_offer_event(state, event, checks.assets.calendars);
      if (!problems.empty()) {
        refuse(found->second, 422, std::move(problems));
        continue;
      }
      if (const auto repeated = repeated_sequences.find(event.id); repeated != repeated_sequences.end()) {
        refuse(found->second, 409, repeated->second);
        continue;
      }
      if (const std::optional<Communication> communication = communication_of(event)) {
        const auto others = consumer_accounts.find(account_id);
        std::span<const Holder* const> other_holders;
        if (others != consumer_accounts.end()) other_holders = others->second;
        const Decision decision =
            check_communication(state, event, *communication, checks.assets.rules, journal, other_holders);
        if (!decision.allowed) exceptions.emplace(event.id, exception_of(event, decision));
      }
      apply(state, event);
      last_new = found->second;
    }
  }
  if (refused) return reject(refused_status, refused, std::move(refusal));

  // Every unique event in batch order, each excepted communication followed by the server's compliance-exception, in one
  // transaction (stored ones come back as duplicates).
  std::vector<NewEvent> rows;
  std::vector<std::size_t> row_of_event;  // per unique event: its row
  std::set<EventId> taken;                 // ids the server's own events may not take
  std::int64_t sequence = store.last_sequence(device);
  rows.reserve(unique.size() + exceptions.size());
  for (const BatchEvent* item : unique) {
    row_of_event.push_back(rows.size());
    rows.push_back(row_of(item->event, item->body));
    taken.insert(item->event.id);
    const auto excepted = exceptions.find(item->event.id);
    if (excepted == exceptions.end()) continue;
    Event exception;
    for (int tries = 0; exception.id.is_nil() && tries < 8; ++tries) {
      const EventId id = checks.new_id();
      if (!id.is_nil() && !taken.contains(id) && !store.find_event(id.hex())) exception.id = id;
    }
    if (exception.id.is_nil()) return reject(500, item, {{"", "no unused id for the compliance exception"}});
    taken.insert(exception.id);
    exception.account_id = item->event.account_id;
    exception.author = Author{std::string(server_user), device};
    exception.recorded_at = now;
    exception.sequence = static_cast<std::uint64_t>(++sequence);
    exception.payload = std::move(excepted->second);
    if (const Problems problems = validate_event(exception); !problems.empty()) {
      return reject(500, item, {{"", "the compliance exception is not a valid event: " + problems.front().text()}});
    }
    rows.push_back(row_of(exception, save_event(exception)));
  }
  const AppendResult appended = store.append_events(rows);
  if (appended.conflict) {
    const auto it = std::upper_bound(row_of_event.begin(), row_of_event.end(), *appended.conflict);
    const BatchEvent* item = unique[static_cast<std::size_t>(it - row_of_event.begin()) - 1];
    return reject(409, item, {{"id", "event " + rows[*appended.conflict].id + " is already stored with different content"}});
  }
  if (appended.error) return reject(500, nullptr, {{"database", *appended.error}});
  BatchResult result;
  for (std::size_t i = 0; i < unique.size(); ++i) {
    const std::size_t row = row_of_event[i];
    EventAck ack{rows[row].id, appended.duplicates[row], appended.seqs[row], std::nullopt};
    const std::size_t next = i + 1 < unique.size() ? row_of_event[i + 1] : rows.size();
    if (next > row + 1) ack.exception = ExceptionAck{rows[row + 1].id, appended.seqs[row + 1]};
    result.acks.push_back(std::move(ack));
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
      nlohmann::json one = {{"id", ack.id}, {"status", ack.duplicate ? "duplicate" : "stored"}, {"seq", ack.seq}};
      last = std::max(last, ack.seq);
      if (ack.exception) {
        one["exception"] = {{"id", ack.exception->id}, {"seq", ack.exception->seq}};
        last = std::max(last, ack.exception->seq);
      }
      acks.push_back(std::move(one));
    }
    out["results"] = std::move(acks);
    out["last_seq"] = last;
  }
  return dump(out);
}

std::optional<std::string> account_events_json(Store& store, std::string_view account_id) {
  if (!store.account_body(account_id)) return std::nullopt;
  std::string out = "{\"account_id\":" + dump(nlohmann::json(account_id)) + ",\"events\":[";
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
  return page_json(store, store.events_after(after, limit), after, "events",
                   [](const std::string& body) { return body; });
}

std::string exceptions_page_json(Store& store, std::int64_t after, int limit) {
  const EventPage page = store.events_after(after, limit, to_string(EventKind::compliance_exception));
  return page_json(store, page, after, "exceptions", [&store](const std::string& body) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    std::string event = "null";
    if (json.is_object() && json.contains("payload") && json["payload"].contains("event_id") &&
        json["payload"]["event_id"].is_string()) {
      if (auto stored = store.find_event(json["payload"]["event_id"].get<std::string>())) event = std::move(stored->body);
    }
    return "{\"exception\":" + body + ",\"event\":" + event + "}";
  });
}

}  // namespace parley::server
