#pragma once
// The journal: an append-only set of events, unique by id, kept in the journal order with a per-account index.
//
// Index of this file:
// [SECTION] Results      what adding one event or many did
// [SECTION] EventRange   a read-only range of events in journal order
// [SECTION] Journal      add, add_all, merge, find, events, events_for, last_sequence
//
// Sync is a union: adding an event already held (same id, same content) is a no-op, so batches can be replayed.
// The same id with different content is a conflict: the journal keeps the event it holds and reports the id,
// since one of the two writers broke the rule that ids are unique. The order of events (see comes_before in
// event.h) does not depend on insertion order, so two devices holding the same events iterate them identically.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/journal/event.h"

namespace parley {

// [SECTION] Results -------------------------------------------------------------------------------------------

enum class AddResult {
  added,      // "added": new id, now in the journal
  duplicate,  // "duplicate": the journal already holds this very event; nothing changed
  conflict,   // "conflict": the journal holds another event with this id; nothing changed
  invalid,    // "invalid": validate_event found problems; nothing changed
};
std::string_view to_string(AddResult);

struct AddReport {
  std::size_t added = 0;
  std::size_t duplicates = 0;
  std::vector<EventId> conflicts;  // ids held with other content, in the order met
  std::size_t invalid = 0;         // events refused by validate_event (add_all only; merged journals hold none)
  friend bool operator==(const AddReport&, const AddReport&) = default;
};

// [SECTION] EventRange ----------------------------------------------------------------------------------------

class Journal;

// Events in journal order, read in place. Valid until the journal is next changed (the events themselves stay
// at their addresses for the journal's lifetime: a `const Event*` taken from a range stays valid).
class EventRange {
 public:
  class iterator {
   public:
    using value_type = Event;
    using difference_type = std::ptrdiff_t;
    using reference = const Event&;
    using pointer = const Event*;
    using iterator_category = std::forward_iterator_tag;

    iterator() = default;
    reference operator*() const;
    pointer operator->() const { return &**this; }
    iterator& operator++();
    iterator operator++(int) {
      iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.a_ == b.a_ && a.b_ == b.b_; }

   private:
    friend class EventRange;
    bool take_a() const;  // whether the next event comes from the first span
    const Journal* journal_ = nullptr;
    const std::uint32_t* a_ = nullptr;
    const std::uint32_t* a_end_ = nullptr;
    const std::uint32_t* b_ = nullptr;
    const std::uint32_t* b_end_ = nullptr;
  };

  EventRange() = default;  // empty
  iterator begin() const;
  iterator end() const;
  std::size_t size() const { return a_.size() + b_.size(); }
  bool empty() const { return size() == 0; }
  std::vector<const Event*> to_vector() const;  // pointers in order, for random access

 private:
  friend class Journal;
  EventRange(const Journal* journal, std::span<const std::uint32_t> a, std::span<const std::uint32_t> b)
      : journal_(journal), a_(a), b_(b) {}
  const Journal* journal_ = nullptr;
  std::span<const std::uint32_t> a_;  // two sorted runs of positions, merged while iterating
  std::span<const std::uint32_t> b_;
};

// [SECTION] Journal -------------------------------------------------------------------------------------------

class Journal {
 public:
  Journal() = default;

  AddResult add(Event event);                     // one event: cheapest when it comes after what is held
  AddReport add_all(std::vector<Event> events);   // many at once, in any order (a sync batch, a loaded file)
  AddReport merge(const Journal& other);          // union by id; the result's order is the same either way round

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Event* find(EventId id) const;                         // the event with this id, or null
  EventRange events() const;                                   // every event, in journal order
  EventRange events_for(std::string_view account_id) const;    // one account's events, in journal order
  std::size_t account_count() const { return accounts_.size(); }  // accounts with at least one event
  std::uint64_t last_sequence(std::string_view device) const;  // highest sequence held from the device; 0: none

  friend bool operator==(const Journal& a, const Journal& b);  // the same events (hence the same order)

 private:
  friend class EventRange;
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  struct AccountIndex {
    std::string id;
    std::vector<std::uint32_t> positions;  // the account's events, sorted in journal order
    std::int64_t last_at = 0;              // recorded_at of the last position, checked before keys_
  };
  // The part of an event's sort key read without touching the event; ties go on to the event itself.
  struct SortKey {
    std::int64_t at = 0;       // recorded_at in seconds
    std::uint32_t device = 0;  // index into device_names_
  };
  struct IdSlot {
    std::uint32_t entry = 0;  // position (or account index) + 1; 0: a free slot
    std::uint32_t tag = 0;    // high bits of the key's hash, compared before touching the entry
  };
  // Events in arrival order, in chunks whose storage is reserved once, so an event never moves (in copies too).
  static constexpr std::size_t kChunk = 4096;
  struct Chunk {
    std::vector<Event> events;
    Chunk() { events.reserve(kChunk); }
    Chunk(const Chunk& other) : Chunk() { events.insert(events.end(), other.events.begin(), other.events.end()); }
    Chunk(Chunk&&) noexcept = default;
    Chunk& operator=(const Chunk& other) {
      if (this != &other) {
        events.clear();
        events.insert(events.end(), other.events.begin(), other.events.end());
      }
      return *this;
    }
    Chunk& operator=(Chunk&&) noexcept = default;
    ~Chunk() = default;
  };

  const Event& at(std::uint32_t pos) const { return chunks_[pos / kChunk].events[pos % kChunk]; }
  bool pos_less(std::uint32_t a, std::uint32_t b) const;   // journal order of two held events
  AddResult check(const Event& event) const;               // added / duplicate / conflict / invalid
  std::uint32_t store(Event&& event);                      // appends and indexes all but the order
  void place(std::uint32_t pos);                           // puts one stored event in the order
  void flush_recent();                                     // merges recent_ into order_
  void place_batch(std::vector<std::uint32_t> positions);  // sorts stored events once, then merges
  std::size_t id_slot(EventId id) const;                   // the id table's slot for id (held or free)
  void grow_ids();                                         // doubles the id table
  void reserve(std::size_t more);                          // room for `more` events without regrowing
  void prefetch(const Event& event, int stage) const;      // asks the cache for the tables `event` will touch
  std::size_t account_slot(std::string_view id, std::uint64_t hash) const;  // the account's slot (held or free)
  void grow_accounts();                                                      // doubles the account table

  std::vector<Chunk> chunks_;
  std::size_t size_ = 0;
  std::vector<SortKey> keys_;          // by position
  std::vector<std::uint32_t> order_;   // positions, sorted: the bulk of the journal order
  std::vector<std::uint32_t> recent_;  // positions, sorted: placed out of order since the last flush
  std::vector<IdSlot> ids_;            // open addressing, at most half full
  std::vector<AccountIndex> accounts_;  // in order of first event
  std::vector<IdSlot> account_slots_;   // open addressing over accounts_, at most half full
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> devices_;  // name -> index
  std::vector<std::string> device_names_;                                               // by index
  std::vector<std::uint64_t> device_sequences_;  // highest sequence, by index
  std::uint32_t last_device_ = 0;                // device of the previous add: most adds repeat it
};

}  // namespace parley
