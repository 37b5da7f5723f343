// The journal: events stored once in arrival order, with an id table, the journal order and per-account lists.
//
// Index of this file:
// [SECTION] Results
// [SECTION] EventRange
// [SECTION] Order           comparing held events; keeping order_ and recent_ sorted
// [SECTION] Id table        open addressing over positions
// [SECTION] Adding          add, add_all, merge
// [SECTION] Queries
//
// Layout: chunks_ never moves an event (each chunk's storage is reserved once), so a position (arrival index)
// names an event for the journal's lifetime. The journal order is two sorted runs of positions: order_, which
// takes every event that comes after all it holds (the usual case: events recorded now), and recent_, a short
// run of events that arrived late, merged into order_ from the back once it grows past about sqrt(size()).
// Batches are sorted once and merged the same way. keys_ holds each position's time and device index, so
// comparisons seldom touch the events themselves.
#include "parley/journal/journal.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "contract.h"

namespace parley {

// [SECTION] Results -------------------------------------------------------------------------------------------

std::string_view to_string(AddResult r) {
  switch (r) {
    case AddResult::added:
      return "added";
    case AddResult::duplicate:
      return "duplicate";
    case AddResult::conflict:
      return "conflict";
    default:
      return "invalid";
  }
}

// [SECTION] EventRange ----------------------------------------------------------------------------------------

bool EventRange::iterator::take_a() const {
  if (b_ == b_end_) return true;
  if (a_ == a_end_) return false;
  return journal_->pos_less(*a_, *b_);
}

EventRange::iterator::reference EventRange::iterator::operator*() const {
  return journal_->at(take_a() ? *a_ : *b_);
}

EventRange::iterator& EventRange::iterator::operator++() {
  if (take_a()) {
    ++a_;
  } else {
    ++b_;
  }
  return *this;
}

EventRange::iterator EventRange::begin() const {
  iterator it;
  it.journal_ = journal_;
  it.a_ = a_.data();
  it.a_end_ = a_.data() + a_.size();
  it.b_ = b_.data();
  it.b_end_ = b_.data() + b_.size();
  return it;
}

EventRange::iterator EventRange::end() const {
  iterator it;
  it.journal_ = journal_;
  it.a_ = a_.data() + a_.size();
  it.a_end_ = it.a_;
  it.b_ = b_.data() + b_.size();
  it.b_end_ = it.b_;
  return it;
}

std::vector<const Event*> EventRange::to_vector() const {
  std::vector<const Event*> out;
  out.reserve(size());
  for (const Event& e : *this) out.push_back(&e);
  return out;
}

// [SECTION] Order ---------------------------------------------------------------------------------------------

bool Journal::pos_less(std::uint32_t a, std::uint32_t b) const {
  const SortKey& ka = keys_[a];
  const SortKey& kb = keys_[b];
  if (ka.at != kb.at) return ka.at < kb.at;
  if (ka.device != kb.device) return device_names_[ka.device] < device_names_[kb.device];
  const Event& ea = at(a);
  const Event& eb = at(b);
  if (ea.sequence != eb.sequence) return ea.sequence < eb.sequence;
  return ea.id < eb.id;
}

namespace {

// Merges the sorted `extra` into the sorted `into`, working from the back so that only the elements of `into`
// that come after extra's first element move.
template <class Less>
void merge_from_back(std::vector<std::uint32_t>& into, const std::vector<std::uint32_t>& extra, Less less) {
  std::size_t i = into.size();
  std::size_t j = extra.size();
  into.resize(i + j);
  std::size_t k = into.size();
  while (j > 0) {
    if (i > 0 && less(extra[j - 1], into[i - 1])) {
      into[--k] = into[--i];
    } else {
      into[--k] = extra[--j];
    }
  }
}

}  // namespace

void Journal::place(std::uint32_t pos) {
  if (order_.empty() || pos_less(order_.back(), pos)) {
    order_.push_back(pos);
    return;
  }
  const auto less = [this](std::uint32_t a, std::uint32_t b) { return pos_less(a, b); };
  recent_.insert(std::upper_bound(recent_.begin(), recent_.end(), pos, less), pos);
  // Flushing when recent_ holds about sqrt(size) events balances insertion into recent_ against merges.
  const std::size_t n = recent_.size();
  if (n > 64 && n * n > order_.size()) flush_recent();
}

void Journal::flush_recent() {
  if (recent_.empty()) return;
  merge_from_back(order_, recent_, [this](std::uint32_t a, std::uint32_t b) { return pos_less(a, b); });
  recent_.clear();
}

// Sorts newly stored positions once and merges them into the order.
void Journal::place_batch(std::vector<std::uint32_t> positions) {
  if (positions.empty()) return;
  if (positions.size() == 1) {
    place(positions.front());
    return;
  }
  struct BatchKey {
    std::int64_t at;
    std::uint32_t pos;
  };
  std::vector<BatchKey> keys;
  keys.reserve(positions.size());
  for (std::uint32_t p : positions) keys.push_back(BatchKey{keys_[p].at, p});
  const auto less = [this](const BatchKey& a, const BatchKey& b) {
    if (a.at != b.at) return a.at < b.at;
    return pos_less(a.pos, b.pos);
  };
  if (!std::is_sorted(keys.begin(), keys.end(), less)) std::sort(keys.begin(), keys.end(), less);
  for (std::size_t i = 0; i < keys.size(); ++i) positions[i] = keys[i].pos;
  flush_recent();
  merge_from_back(order_, positions, [this](std::uint32_t a, std::uint32_t b) { return pos_less(a, b); });
}

// [SECTION] Id table ------------------------------------------------------------------------------------------

namespace {

std::uint64_t hash_id(EventId id) {
  // Both halves matter: UUIDv7 ids share their leading time bits, random ids differ everywhere.
  std::uint64_t h = id.high() * 0x9E3779B97F4A7C15ull ^ id.low();
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

}  // namespace

std::size_t Journal::id_slot(EventId id) const {
  const std::uint64_t h = hash_id(id);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = ids_.size() - 1;
  std::size_t slot = static_cast<std::size_t>(h) & mask;
  while (ids_[slot].entry != 0 && (ids_[slot].tag != tag || at(ids_[slot].entry - 1).id != id))
    slot = (slot + 1) & mask;
  return slot;
}

void Journal::reserve(std::size_t more) {
  keys_.reserve(size_ + more);
  while ((size_ + more) * 2 > ids_.size()) grow_ids();
}

void Journal::grow_ids() {
  const std::size_t capacity = ids_.empty() ? 64 : ids_.size() * 2;
  std::vector<IdSlot> old = std::move(ids_);
  ids_.assign(capacity, IdSlot{});
  const std::size_t mask = capacity - 1;
  for (const IdSlot& s : old) {
    if (s.entry == 0) continue;
    // Held ids are distinct, so the first free slot is the place.
    std::size_t slot = static_cast<std::size_t>(hash_id(at(s.entry - 1).id)) & mask;
    while (ids_[slot].entry != 0) slot = (slot + 1) & mask;
    ids_[slot] = s;
  }
}

namespace {

// The account table works like the id table, keyed by the account id's text.
std::uint64_t hash_text(std::string_view text) {
  std::uint64_t h = static_cast<std::uint64_t>(std::hash<std::string_view>{}(text));  // 32 bits in wasm
  h *= 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return h;
}

}  // namespace

std::size_t Journal::account_slot(std::string_view id, std::uint64_t hash) const {
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  const std::size_t mask = account_slots_.size() - 1;
  std::size_t slot = static_cast<std::size_t>(hash) & mask;
  while (account_slots_[slot].entry != 0 &&
         (account_slots_[slot].tag != tag || accounts_[account_slots_[slot].entry - 1].id != id))
    slot = (slot + 1) & mask;
  return slot;
}

void Journal::grow_accounts() {
  const std::size_t capacity = account_slots_.empty() ? 64 : account_slots_.size() * 2;
  std::vector<IdSlot> old = std::move(account_slots_);
  account_slots_.assign(capacity, IdSlot{});
  const std::size_t mask = capacity - 1;
  for (const IdSlot& s : old) {
    if (s.entry == 0) continue;
    std::size_t slot = static_cast<std::size_t>(hash_text(accounts_[s.entry - 1].id)) & mask;
    while (account_slots_[slot].entry != 0) slot = (slot + 1) & mask;
    account_slots_[slot] = s;
  }
}

// [SECTION] Adding --------------------------------------------------------------------------------------------

AddResult Journal::check(const Event& event) const {
  if (!validate_event(event).empty()) return AddResult::invalid;
  if (ids_.empty()) return AddResult::added;
  const std::uint32_t entry = ids_[id_slot(event.id)].entry;
  if (entry == 0) return AddResult::added;
  return at(entry - 1) == event ? AddResult::duplicate : AddResult::conflict;
}

std::uint32_t Journal::store(Event&& event) {
  PARLEY_EXPECTS(size_ < std::numeric_limits<std::uint32_t>::max() - 1, "journal holds under 2^32 events");
  const auto pos = static_cast<std::uint32_t>(size_);
  if ((size_ + 1) * 2 > ids_.size()) grow_ids();

  std::uint32_t device = last_device_;
  if (device >= device_names_.size() || device_names_[device] != event.author.device) {
    if (const auto d = devices_.find(std::string_view(event.author.device)); d != devices_.end()) {
      device = d->second;
    } else {
      device = static_cast<std::uint32_t>(device_names_.size());
      device_names_.push_back(event.author.device);
      device_sequences_.push_back(0);
      devices_.emplace(event.author.device, device);
    }
    last_device_ = device;
  }
  device_sequences_[device] = std::max(device_sequences_[device], event.sequence);
  keys_.push_back(SortKey{event.recorded_at.unix_seconds(), device});

  if (size_ % kChunk == 0) chunks_.emplace_back();
  chunks_.back().events.push_back(std::move(event));
  ++size_;
  const Event& held = chunks_.back().events.back();
  ids_[id_slot(held.id)] = IdSlot{pos + 1, static_cast<std::uint32_t>(hash_id(held.id) >> 32)};

  if ((accounts_.size() + 1) * 2 > account_slots_.size()) grow_accounts();
  const std::uint64_t hash = hash_text(held.account_id);
  IdSlot& account = account_slots_[account_slot(held.account_id, hash)];
  if (account.entry == 0) {
    accounts_.push_back(AccountIndex{held.account_id, {}});
    account = IdSlot{static_cast<std::uint32_t>(accounts_.size()), static_cast<std::uint32_t>(hash >> 32)};
  }
  AccountIndex& index = accounts_[account.entry - 1];
  std::vector<std::uint32_t>& list = index.positions;
  const std::int64_t at_seconds = keys_[pos].at;
  if (list.empty() || at_seconds > index.last_at || pos_less(list.back(), pos)) {
    list.push_back(pos);
    index.last_at = at_seconds;
  } else {
    const auto less = [this](std::uint32_t a, std::uint32_t b) { return pos_less(a, b); };
    list.insert(std::upper_bound(list.begin(), list.end(), pos, less), pos);
  }
  return pos;
}

// The id and account tables are far larger than the caches when the journal is large, so each add would wait on
// memory several times in a row. Stage 0 asks for the two table slots; stage 1 (once they have arrived) for the
// account's entry; stage 2 for the end of its list. Prefetching is only a hint: a stale guess costs nothing.
void Journal::prefetch(const Event& event, int stage) const {
#if defined(__GNUC__) || defined(__clang__)
  if (ids_.empty() || account_slots_.empty()) return;
  const std::size_t account_mask = account_slots_.size() - 1;
  const IdSlot& account = account_slots_[static_cast<std::size_t>(hash_text(event.account_id)) & account_mask];
  if (stage == 0) {
    __builtin_prefetch(&ids_[static_cast<std::size_t>(hash_id(event.id)) & (ids_.size() - 1)]);
    __builtin_prefetch(&account);
  } else if (account.entry != 0 && account.entry <= accounts_.size()) {
    const AccountIndex& index = accounts_[account.entry - 1];
    if (stage == 1) {
      __builtin_prefetch(&index);
    } else if (!index.positions.empty()) {
      __builtin_prefetch(&index.positions.back());
    }
  }
#else
  (void)event;
  (void)stage;
#endif
}

AddResult Journal::add(Event event) {
  prefetch(event, 0);
  const AddResult result = check(event);
  if (result == AddResult::added) place(store(std::move(event)));
  return result;
}

namespace {

// Counts one result into a report; true when the event is new.
bool count(AddReport& report, AddResult result, EventId id) {
  switch (result) {
    case AddResult::added:
      ++report.added;
      return true;
    case AddResult::duplicate:
      ++report.duplicates;
      break;
    case AddResult::conflict:
      report.conflicts.push_back(id);
      break;
    case AddResult::invalid:
      ++report.invalid;
      break;
  }
  return false;
}

}  // namespace

AddReport Journal::add_all(std::vector<Event> events) {
  AddReport report;
  std::vector<std::uint32_t> added;
  added.reserve(events.size());
  reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (i + 12 < events.size()) prefetch(events[i + 12], 0);
    if (i + 8 < events.size()) prefetch(events[i + 8], 1);
    if (i + 4 < events.size()) prefetch(events[i + 4], 2);
    Event& e = events[i];
    if (count(report, check(e), e.id)) added.push_back(store(std::move(e)));
  }
  place_batch(std::move(added));
  return report;
}

AddReport Journal::merge(const Journal& other) {
  AddReport report;
  if (&other == this) {
    report.duplicates = size();
    return report;
  }
  std::vector<std::uint32_t> added;
  for (const Event& e : other.events()) {
    if (count(report, check(e), e.id)) added.push_back(store(Event(e)));
  }
  place_batch(std::move(added));
  return report;
}

// [SECTION] Queries -------------------------------------------------------------------------------------------

const Event* Journal::find(EventId id) const {
  if (ids_.empty()) return nullptr;
  const std::uint32_t entry = ids_[id_slot(id)].entry;
  return entry == 0 ? nullptr : &at(entry - 1);
}

EventRange Journal::events() const {
  return EventRange(this, order_, recent_);
}

EventRange Journal::events_for(std::string_view account_id) const {
  if (account_slots_.empty()) return EventRange{};
  const std::uint32_t entry = account_slots_[account_slot(account_id, hash_text(account_id))].entry;
  if (entry == 0) return EventRange{};
  return EventRange(this, accounts_[entry - 1].positions, {});
}

std::uint64_t Journal::last_sequence(std::string_view device) const {
  const auto d = devices_.find(device);
  return d == devices_.end() ? 0 : device_sequences_[d->second];
}

bool operator==(const Journal& a, const Journal& b) {
  if (a.size() != b.size()) return false;
  const EventRange ra = a.events();
  const EventRange rb = b.events();
  return std::equal(ra.begin(), ra.end(), rb.begin(), rb.end());
}

}  // namespace parley
