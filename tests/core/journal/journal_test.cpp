// The journal: idempotent adds, conflicts, merges in either order, the order and the per-account index.
#include "parley/journal/journal.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "event_fixtures.h"

namespace parley {
namespace {

using testdata::every_kind_events;
using testdata::kMarch8;
using testdata::make_event;
using testdata::usd;
using testdata::payment;

std::vector<EventId> ids_of(const EventRange& range) {
  std::vector<EventId> out;
  for (const Event& e : range) out.push_back(e.id);
  return out;
}

// A day of work on `accounts` accounts by three devices, with clock collisions: many events share a second, and
// each device numbers its events 1, 2, 3...
std::vector<Event> busy_day(std::size_t count, int accounts) {
  std::vector<Event> out;
  const char* devices[] = {"d-desk-a", "d-desk-b", "d-phone-c"};
  std::uint64_t next_sequence[3] = {1, 1, 1};
  std::mt19937_64 random(20260308);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t d = random() % 3;
    const std::int64_t at = kMarch8 + static_cast<std::int64_t>(i / 4);  // four events per second
    const std::string account = "A-" + std::to_string(random() % static_cast<std::uint64_t>(accounts));
    out.push_back(make_event(random() | 1, account, devices[d], at, next_sequence[d]++,
                             payment(Money(100 + static_cast<std::int64_t>(i), usd()), *Date::from_ymd(2026, 3, 8),
                                     PaymentMethod::card)));
  }
  return out;
}

std::vector<EventId> sorted_ids(std::vector<Event> events) {
  std::sort(events.begin(), events.end(), comes_before);
  std::vector<EventId> out;
  for (const Event& e : events) out.push_back(e.id);
  return out;
}

// [SECTION] Adding

TEST(Journal, AddIsIdempotentAndReportsConflicts) {
  Journal j;
  const Event e = every_kind_events()[3];
  EXPECT_EQ(j.add(e), AddResult::added);
  EXPECT_EQ(j.add(e), AddResult::duplicate);
  EXPECT_EQ(j.size(), 1u);

  Event other = e;
  std::get<PromiseMade>(other.payload).amount = Money(99, usd());
  EXPECT_EQ(j.add(other), AddResult::conflict);
  EXPECT_EQ(j.size(), 1u);
  ASSERT_NE(j.find(e.id), nullptr);
  EXPECT_EQ(*j.find(e.id), e);  // the event held first is kept

  Event moved = e;
  moved.recorded_at = moved.recorded_at.plus_seconds(1);  // a change of envelope is a conflict too
  EXPECT_EQ(j.add(moved), AddResult::conflict);
  EXPECT_EQ(to_string(AddResult::conflict), "conflict");
}

TEST(Journal, InvalidEventsAreRefused) {
  Journal j;
  Event e = every_kind_events()[0];
  e.account_id.clear();
  EXPECT_EQ(j.add(e), AddResult::invalid);
  EXPECT_TRUE(j.empty());
  EXPECT_EQ(j.find(e.id), nullptr);

  const AddReport report = j.add_all({e, every_kind_events()[1]});
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(report.invalid, 1u);
  EXPECT_EQ(j.size(), 1u);
}

TEST(Journal, AddAllReportsDuplicatesAndConflictsWithinTheBatch) {
  std::vector<Event> batch = every_kind_events();
  batch.push_back(batch[2]);  // a replay inside the batch
  Event clash = batch[5];
  clash.author.user = "u-someone-else";
  batch.push_back(clash);

  Journal j;
  j.add(batch[0]);
  const AddReport report = j.add_all(batch);
  EXPECT_EQ(report.added, batch.size() - 3);  // batch[0] held before, the replay, the clash
  EXPECT_EQ(report.duplicates, 2u);
  EXPECT_EQ(report.conflicts, std::vector<EventId>{clash.id});
  EXPECT_EQ(j.size(), static_cast<std::size_t>(event_kind_count));
  EXPECT_EQ(j.find(clash.id)->author.user, "u-collector-17");
}

// [SECTION] Order

TEST(Journal, OrderDoesNotDependOnInsertionOrder) {
  std::vector<Event> events = busy_day(3000, 40);
  const std::vector<EventId> expected = sorted_ids(events);

  Journal in_order;
  for (const Event& e : events) in_order.add(e);

  // Added one by one in a shuffled order: exercises the late-event run and its merges.
  std::shuffle(events.begin(), events.end(), std::mt19937_64(7));
  Journal shuffled;
  for (const Event& e : events) EXPECT_EQ(shuffled.add(e), AddResult::added);

  std::reverse(events.begin(), events.end());
  Journal batch;
  EXPECT_EQ(batch.add_all(events).added, events.size());

  EXPECT_EQ(ids_of(in_order.events()), expected);
  EXPECT_EQ(ids_of(shuffled.events()), expected);
  EXPECT_EQ(ids_of(batch.events()), expected);
  EXPECT_EQ(shuffled, batch);
  EXPECT_EQ(shuffled.events().size(), 3000u);
}

TEST(Journal, LateEventsInterleaveWithHeldOnes) {
  Journal j;
  const EventPayload p = Escalated{};
  j.add(make_event(1, "A", "d-1", 100, 1, p));
  j.add(make_event(2, "A", "d-1", 300, 2, p));
  j.add(make_event(3, "A", "d-2", 200, 1, p));  // synced late from another device
  j.add(make_event(4, "A", "d-2", 50, 2, p));   // that device's clock was behind
  j.add(make_event(5, "A", "d-0", 300, 9, p));  // same second as event 2: "d-0" sorts before "d-1"
  const std::vector<EventId> want = {testdata::event_id(4), testdata::event_id(1), testdata::event_id(3),
                                     testdata::event_id(5), testdata::event_id(2)};
  EXPECT_EQ(ids_of(j.events()), want);
  EXPECT_EQ(ids_of(j.events_for("A")), want);
  EXPECT_EQ(j.events().to_vector().size(), 5u);
  EXPECT_EQ(j.events().to_vector()[0]->id, testdata::event_id(4));
}

// [SECTION] Merge

TEST(Journal, MergeInEitherOrderGivesTheSameJournal) {
  const std::vector<Event> day = busy_day(2000, 25);
  // Two devices hold overlapping parts of the day, as they would before syncing.
  Journal left;
  Journal right;
  for (std::size_t i = 0; i < day.size(); ++i) {
    if (i % 3 != 0) left.add(day[i]);
    if (i % 2 == 0) right.add(day[day.size() - 1 - i]);
  }
  const std::size_t overlap = left.size() + right.size();

  Journal a = left;
  const AddReport into_left = a.merge(right);
  Journal b = right;
  const AddReport into_right = b.merge(left);

  EXPECT_EQ(a, b);
  EXPECT_EQ(ids_of(a.events()), ids_of(b.events()));
  EXPECT_EQ(into_left.added + into_left.duplicates, right.size());
  EXPECT_EQ(into_right.added + into_right.duplicates, left.size());
  EXPECT_EQ(into_left.duplicates, into_right.duplicates);
  EXPECT_EQ(a.size(), overlap - into_left.duplicates);
  EXPECT_TRUE(into_left.conflicts.empty());

  // Merging again changes nothing: sync is idempotent.
  const AddReport again = a.merge(right);
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.duplicates, right.size());
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.merge(a).added, 0u);

  // And the per-account index agrees with the whole order after the merge.
  for (const Event& e : a.events()) {
    const EventRange mine = a.events_for(e.account_id);
    EXPECT_NE(std::find(mine.begin(), mine.end(), e), mine.end());
  }
}

TEST(Journal, MergeReportsConflictsAndKeepsItsOwnEvent) {
  const Event e = every_kind_events()[10];
  Event tampered = e;
  std::get<ContactPointUpdated>(tampered.payload).status = ContactStatus::current;
  Journal a;
  a.add(e);
  Journal b;
  b.add(tampered);
  b.add(every_kind_events()[11]);
  const AddReport report = a.merge(b);
  EXPECT_EQ(report.added, 1u);
  EXPECT_EQ(report.conflicts, std::vector<EventId>{e.id});
  EXPECT_EQ(*a.find(e.id), e);
}

// [SECTION] Queries

TEST(Journal, EventsForGivesOneAccountInOrder) {
  const std::vector<Event> day = busy_day(1500, 30);
  Journal j;
  j.add_all(day);
  EXPECT_EQ(j.account_count(), 30u);
  std::size_t total = 0;
  for (int a = 0; a < 30; ++a) {
    const std::string account = "A-" + std::to_string(a);
    std::vector<Event> mine;
    for (const Event& e : day) {
      if (e.account_id == account) mine.push_back(e);
    }
    EXPECT_EQ(ids_of(j.events_for(account)), sorted_ids(mine)) << account;
    total += j.events_for(account).size();
  }
  EXPECT_EQ(total, day.size());
  EXPECT_TRUE(j.events_for("A-unknown").empty());
  EXPECT_EQ(j.events_for("A-unknown").begin(), j.events_for("A-unknown").end());
}

TEST(Journal, LastSequencePerDevice) {
  Journal j;
  EXPECT_EQ(j.last_sequence("d-desk-a"), 0u);
  const EventPayload p = Escalated{};
  j.add(make_event(1, "A", "d-desk-a", 100, 7, p));
  j.add(make_event(2, "A", "d-desk-a", 90, 3, p));  // an older event arriving late leaves the high mark
  j.add(make_event(3, "B", "d-desk-b", 100, 2, p));
  EXPECT_EQ(j.last_sequence("d-desk-a"), 7u);
  EXPECT_EQ(j.last_sequence("d-desk-b"), 2u);
  EXPECT_EQ(j.last_sequence("d-desk-c"), 0u);
}

TEST(Journal, EventAddressesStayValidAsTheJournalGrows) {
  Journal j;
  const std::vector<Event> day = busy_day(5000, 50);
  j.add(day[0]);
  const Event* first = j.find(day[0].id);
  for (std::size_t i = 1; i < day.size(); ++i) j.add(day[i]);
  EXPECT_EQ(first, j.find(day[0].id));
  EXPECT_EQ(*first, day[0]);
  for (const Event& e : day) ASSERT_NE(j.find(e.id), nullptr);
  EXPECT_EQ(j.find(testdata::event_id(0)), nullptr);
}

TEST(Journal, CopiesAreIndependentValues) {
  Journal a;
  a.add(every_kind_events()[0]);
  Journal b = a;
  b.add(every_kind_events()[1]);
  EXPECT_EQ(a.size(), 1u);
  EXPECT_EQ(b.size(), 2u);
  EXPECT_NE(a, b);
  EXPECT_EQ(ids_of(a.events()), std::vector<EventId>{every_kind_events()[0].id});
}

}  // namespace
}  // namespace parley
