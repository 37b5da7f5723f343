// The account fold: the placement's state, one check and one commit per event kind, and the admission checks.
//
// Index of this file:
// [SECTION] Balance     the waterfall
// [SECTION] Records     small member functions of the state's records
// [SECTION] Placement   placement_state
// [SECTION] Kinds       per event kind: what makes it unfoldable, and how it changes the state
// [SECTION] Fold        apply, fold, fold_problems
// [SECTION] Admission   check_event
//
// Each kind has a `check` (pure: the problems that set the event aside) and a `commit` (the change, run only when
// check found none). Folder visits the payload with one overload per kind and no catch-all, so a kind added to
// EventPayload without its overloads does not compile.
#include "parley/account/account.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "parley/secret.h"

namespace parley {

// [SECTION] Balance -------------------------------------------------------------------------------------------

namespace {

constexpr std::array<BalancePart, 3> kDefaultWaterfall{BalancePart::fees, BalancePart::interest,
                                                       BalancePart::principal};

// `amount` over `owed` in waterfall order, as allocate(); also over the parts a waterfall leaves out (none in a
// valid policy), in the default order, so that nothing owed is skipped.
BalanceParts spread(const BalanceParts& owed, Money amount, std::span<const BalancePart> waterfall,
                    Money* unapplied) {
  BalanceParts taken{Money::zero(amount.currency()), Money::zero(amount.currency()), Money::zero(amount.currency())};
  Money left = amount;
  const auto take = [&](BalancePart part) {
    if (left.minor() <= 0) return;
    const Money room = owed.part(part) - taken.part(part);
    if (room.minor() <= 0) return;
    const Money share = room < left ? room : left;
    taken.part(part) += share;
    left -= share;
  };
  for (BalancePart part : waterfall) take(part);
  for (BalancePart part : kDefaultWaterfall) take(part);
  if (unapplied != nullptr) *unapplied = left;
  return taken;
}

// What a recorded allocation takes off `owed`: each part its recorded share as far as it is owed; the shares that
// find their part already paid go on down the waterfall; the rest is unapplied.
BalanceParts apply_recorded(const BalanceParts& owed, const BalanceParts& recorded,
                            std::span<const BalancePart> waterfall, Money* unapplied) {
  const Currency c = recorded.fees.currency();
  BalanceParts taken{Money::zero(c), Money::zero(c), Money::zero(c)};
  Money spill = Money::zero(c);
  for (BalancePart part : kDefaultWaterfall) {
    const Money share = recorded.part(part);
    const Money room = owed.part(part);
    const Money fits = room < share ? (room.minor() > 0 ? room : Money::zero(c)) : share;
    taken.part(part) = fits;
    spill += share - fits;
  }
  if (spill.minor() == 0) {
    if (unapplied != nullptr) *unapplied = spill;
    return taken;
  }
  BalanceParts rest = owed;
  for (BalancePart part : kDefaultWaterfall) rest.part(part) -= taken.part(part);
  const BalanceParts more = spread(rest, spill, waterfall, unapplied);
  for (BalancePart part : kDefaultWaterfall) taken.part(part) += more.part(part);
  return taken;
}

void subtract(BalanceParts& from, const BalanceParts& parts) {
  from.fees -= parts.fees;
  from.interest -= parts.interest;
  from.principal -= parts.principal;
}

void add(BalanceParts& to, const BalanceParts& parts) {
  to.fees += parts.fees;
  to.interest += parts.interest;
  to.principal += parts.principal;
}

}  // namespace

BalanceParts allocate(const BalanceParts& owed, Money amount, std::span<const BalancePart> waterfall,
                      Money* unapplied) {
  return spread(owed, amount, waterfall, unapplied);
}

// [SECTION] Records -------------------------------------------------------------------------------------------

std::string_view to_string(PromiseStatus s) {
  switch (s) {
    case PromiseStatus::open: return "open";
    case PromiseStatus::kept: return "kept";
    case PromiseStatus::broken: return "broken";
  }
  return "open";
}

std::string_view to_string(HoldKind k) {
  switch (k) {
    case HoldKind::bankruptcy: return "bankruptcy";
    case HoldKind::deceased: return "deceased";
    case HoldKind::legal: return "legal";
    case HoldKind::returned_to_client: return "returned-to-client";
  }
  return "legal";
}

std::string_view to_string(ApprovalStatus a) {
  switch (a) {
    case ApprovalStatus::pending: return "pending";
    case ApprovalStatus::approved: return "approved";
    case ApprovalStatus::declined: return "declined";
    case ApprovalStatus::withdrawn: return "withdrawn";
  }
  return "pending";
}

Money promise_paid(const PromiseRecord& promise, Date as_of) {
  Money paid = Money::zero(promise.amount.currency());
  for (const CountedPayment& p : promise.payments) {
    if (p.date <= as_of) paid += p.amount;
  }
  return paid;
}

PromiseStatus promise_status(const PromiseRecord& promise, Date as_of, int grace_days) {
  if (promise_paid(promise, as_of) >= promise.amount) return PromiseStatus::kept;
  return as_of > promise.due.plus_days(grace_days) ? PromiseStatus::broken : PromiseStatus::open;
}

bool CeaseRecord::stops(ContactChannel channel) const {
  return scope == CeaseScope::all || std::find(channels.begin(), channels.end(), channel) != channels.end();
}

const Provenance& PointRecord::provenance() const {
  if (address != nullptr) return address->provenance;
  if (phone != nullptr) return phone->provenance;
  return email->provenance;
}

std::string PointRecord::key() const {
  if (address != nullptr) return address_key(address->postal);
  if (phone != nullptr) return phone->number;
  return email->address;
}

bool PointRecord::consent(ContactChannel channel) const {
  switch (channel) {
    case ContactChannel::phone: return kind == ContactPointKind::phone && consent_call;
    case ContactChannel::sms: return kind == ContactPointKind::phone && consent_text;
    case ContactChannel::email: return kind == ContactPointKind::email && consent_email;
    case ContactChannel::letter: return kind == ContactPointKind::address && consent_mail;
    case ContactChannel::in_person: return false;
  }
  return false;
}

std::optional<std::uint32_t> PartyRecord::index_of(ContactPointKind kind, std::string_view key) const {
  for (std::uint32_t i = 0; i < points.size(); ++i) {
    const PointRecord& p = points[i];
    if (p.kind != kind) continue;
    const bool same = kind == ContactPointKind::phone   ? p.phone->number == key
                      : kind == ContactPointKind::email ? p.email->address == key
                                                        : address_key(p.address->postal) == key;
    if (same) return i;
  }
  return std::nullopt;
}

const PointRecord* PartyRecord::find(ContactPointKind kind, std::string_view key) const {
  const std::optional<std::uint32_t> i = index_of(kind, key);
  return i ? &points[*i] : nullptr;
}

std::vector<const PointRecord*> reachable_points(const PartyRecord& party, ContactChannel channel) {
  std::vector<const PointRecord*> out;
  const std::optional<ContactPointKind> kind = point_kind_of(channel);
  if (!kind) return out;
  for (const PointRecord& p : party.points) {
    if (p.kind == *kind && p.usable()) out.push_back(&p);
  }
  return out;
}

std::span<const BalancePart> AccountState::waterfall() const {
  if (client != nullptr && !client->policy.waterfall.empty()) return client->policy.waterfall;
  return kDefaultWaterfall;
}

int AccountState::promise_grace_days() const { return client != nullptr ? client->policy.promise_grace_days : 0; }

std::optional<std::uint32_t> AccountState::party_index(std::string_view party_id) const {
  for (std::uint32_t i = 0; i < parties.size(); ++i) {
    if (parties[i].party->id == party_id) return i;
  }
  return std::nullopt;
}

const PartyRecord* AccountState::party(std::string_view party_id) const {
  const std::optional<std::uint32_t> i = party_index(party_id);
  return i ? &parties[*i] : nullptr;
}

const AttemptRecord* AccountState::attempt(EventId id) const {
  for (auto it = attempts.rbegin(); it != attempts.rend(); ++it) {  // outcomes follow their attempts closely
    if (it->id == id) return &*it;
  }
  return nullptr;
}

const PaymentRecord* AccountState::payment(EventId id) const {
  for (auto it = payments.rbegin(); it != payments.rend(); ++it) {
    if (it->id == id) return &*it;
  }
  return nullptr;
}

const PlanRecord* AccountState::current_plan() const { return plans.empty() ? nullptr : &plans.back(); }

const ApprovalRecord* AccountState::approval(EventId id) const {
  for (const ApprovalRecord& a : approvals) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

const ApprovalRecord* AccountState::pending_approval() const {
  return !approvals.empty() && approvals.back().status == ApprovalStatus::pending ? &approvals.back() : nullptr;
}

bool ProtectionRecord::in_force(Instant at) const {
  constexpr std::int64_t kEarliest = 14 * 3600;  // UTC+14: where a date begins first
  if (at.plus_seconds(kEarliest).utc_date() < starts) return false;
  const std::optional<Instant> lifted = lifted_at();
  return !lifted || at < *lifted;
}

std::optional<Instant> ProtectionRecord::lifted_at() const {
  constexpr std::int64_t kLatest = 12 * 3600;  // UTC-12: where a date ends last
  if (!ends) return std::nullopt;
  return Instant::from_unix_seconds(std::int64_t{ends->plus_days(1).days_since_epoch()} * 86400 + kLatest);
}

std::vector<const Hold*> AccountState::holds_on(std::uint32_t party) const {
  std::vector<const Hold*> out;
  for (const Hold& h : holds) {
    if (h.party == whole_account || h.party == party) out.push_back(&h);
  }
  return out;
}

// [SECTION] Placement -----------------------------------------------------------------------------------------

namespace {

PointRecord point_of(const Address& a) {
  PointRecord p;
  p.kind = ContactPointKind::address;
  p.address = &a;
  p.status = a.provenance.status;
  p.consent_mail = a.consent_mail;
  p.zones = zones_of(a);
  p.jurisdiction = jurisdiction_code(a.postal);
  return p;
}

PointRecord point_of(const Phone& ph) {
  PointRecord p;
  p.kind = ContactPointKind::phone;
  p.phone = &ph;
  p.status = ph.provenance.status;
  p.consent_call = ph.consent_call;
  p.consent_text = ph.consent_text;
  p.zones = zones_of(ph);
  return p;
}

PointRecord point_of(const Email& e) {
  PointRecord p;
  p.kind = ContactPointKind::email;
  p.email = &e;
  p.status = e.provenance.status;
  p.consent_email = e.consent_email;
  return p;
}

}  // namespace

AccountState placement_state(const Account& account, const Client* client) {
  AccountState s;
  s.account = &account;
  s.client = client;
  const Balance& b = account.balance;
  const Currency c = account.currency;
  s.balance.itemised = b;
  const BalanceParts placed{b.fees, b.interest, b.principal};
  Money over = Money::zero(c);
  const BalanceParts paid = spread(placed, b.payments + b.credits, s.waterfall(), &over);
  s.balance.owed = placed;
  subtract(s.balance.owed, paid);
  s.balance.overpaid = over;
  s.parties.reserve(account.parties.size());
#if defined(__GNUC__) || defined(__clang__)
  for (const Party& party : account.parties) {  // every party's points are read next (see party_record)
    __builtin_prefetch(party.addresses.data());
    __builtin_prefetch(party.phones.data());
  }
#endif
  for (const Party& party : account.parties) s.parties.push_back(party_record(party));
  // An attorney of the placement represents the debtor.
  for (PartyRecord& r : s.parties) {
    if (r.party->role != PartyRole::attorney) continue;
    for (std::uint32_t i = 0; i < account.parties.size(); ++i) {
      if (account.parties[i].role == PartyRole::debtor) r.represents = i;
    }
  }
  return s;
}

PartyRecord party_record(const Party& party) {
  PartyRecord r;
  r.party = &party;
  r.points.reserve(party.addresses.size() + party.phones.size() + party.emails.size());
#if defined(__GNUC__) || defined(__clang__)
  // The zone names are read next, each behind a pointer: ask for them all at once rather than one after another.
  for (const Address& a : party.addresses) __builtin_prefetch(a.time_zone.data());
  for (const Phone& p : party.phones) __builtin_prefetch(p.time_zones.data());
#endif
  for (const Address& a : party.addresses) r.points.push_back(point_of(a));
  for (const Phone& p : party.phones) r.points.push_back(point_of(p));
  for (const Email& e : party.emails) r.points.push_back(point_of(e));
  return r;
}

// [SECTION] Kinds ---------------------------------------------------------------------------------------------

namespace {

std::string kind_name(ContactPointKind kind) { return std::string(to_string(kind)); }

// Sum of the payments counted.
Money counted_total(const std::vector<CountedPayment>& counted, Currency currency) {
  Money sum = Money::zero(currency);
  for (const CountedPayment& c : counted) sum += c.amount;
  return sum;
}

// Checks and commits of one event. `problems` collects what sets the event aside. State is AccountState, or
// const AccountState for checks alone (commits are then never instantiated).
template <class State>
class Folder {
 public:
  Folder(State& state, const Event& event, Problems& problems) : s_(state), e_(event), p_(problems) {}

  // -- contact-attempted
  void check(const ContactAttempted& a) { party(a.party_id); }
  void commit(const ContactAttempted& a) {
    AttemptRecord r;
    r.id = e_.id;
    r.at = e_.recorded_at;
    r.channel = a.channel;
    r.direction = a.direction;
    r.party = *s_.party_index(a.party_id);
    if (const std::optional<ContactPointKind> kind = point_kind_of(a.channel)) {
      r.point = s_.parties[r.party].index_of(*kind, a.contact_point);
    }
    s_.attempts.push_back(r);
    if (a.channel == ContactChannel::phone) {
      for (CallbackRecord& c : s_.callbacks) {
        if (c.open() && r.at.unix_seconds() >= c.at.unix_seconds() - callback_early_seconds) c.answered_by = e_.id;
      }
    }
  }

  // -- outcome-recorded
  void check(const OutcomeRecorded& o) {
    const AttemptRecord* a = s_.attempt(o.attempt_id);
    if (a == nullptr || a->letter) {
      fail("payload.attempt_id", "no contact-attempted event " + o.attempt_id.hex() + " on account " + s_.account->id);
    }
  }
  void commit(const OutcomeRecorded& o) {
    AttemptRecord& a = *std::find_if(s_.attempts.rbegin(), s_.attempts.rend(),
                                     [&](const AttemptRecord& r) { return r.id == o.attempt_id; });
    a.outcome = o.outcome;
    a.conversation = o.conversation;
    ++a.outcomes;
    if (o.outcome == ContactOutcome::bankrupt) s_.holds.push_back(Hold{HoldKind::bankruptcy, a.party, e_.id, e_.recorded_at});
    if (o.outcome == ContactOutcome::deceased) s_.holds.push_back(Hold{HoldKind::deceased, a.party, e_.id, e_.recorded_at});
  }

  // -- party-verified
  void check(const PartyVerified& v) { party(v.party_id); }
  void commit(const PartyVerified& v) { s_.parties[*s_.party_index(v.party_id)].verified_at = e_.recorded_at; }

  // -- promise-made
  void check(const PromiseMade& p) { currency(p.amount, "payload.currency"); }
  void commit(const PromiseMade& p) {
    s_.promises.push_back(
        PromiseRecord{e_.id, e_.recorded_at, e_.recorded_at.utc_date(), p.amount, p.due, {}, e_.author.user});
  }

  // -- plan-accepted
  void check(const PlanAccepted&) {}
  void commit(const PlanAccepted& p) {
    withdraw_pending();
    accept_plan(p.request, p.quote_digest);
  }

  // -- approval-requested
  void check(const ApprovalRequested&) {}
  void commit(const ApprovalRequested& r) {
    withdraw_pending();
    ApprovalRecord a;
    a.id = e_.id;
    a.requested_at = e_.recorded_at;
    a.requested_by = e_.author.user;
    a.request = r.request;
    a.quote_digest = r.quote_digest;
    a.note = r.note;
    s_.approvals.push_back(std::move(a));
  }

  // -- risk-overridden
  void check(const RiskOverridden&) {}
  void commit(const RiskOverridden& o) {
    if (!o.tier) {
      s_.risk_override.reset();
      return;
    }
    s_.risk_override = RiskOverrideRecord{e_.id, e_.recorded_at, e_.author.user, *o.tier, o.reason, o.until};
  }

  // -- approval-decided
  void check(const ApprovalDecided& d) {
    const ApprovalRecord* a = s_.approval(d.request_id);
    if (a == nullptr) {
      fail("payload.request_id", "account " + s_.account->id + " has no approval request " + d.request_id.hex());
    } else if (a->status != ApprovalStatus::pending) {
      fail("payload.request_id", "the approval request " + d.request_id.hex() + " is already " +
                                     std::string(to_string(a->status)) + " (by " + a->closed_by->hex() + ")");
    }
  }
  void commit(const ApprovalDecided& d) {
    for (ApprovalRecord& a : s_.approvals) {
      if (a.id != d.request_id) continue;
      a.status = d.approved ? ApprovalStatus::approved : ApprovalStatus::declined;
      a.closed_by = e_.id;
      a.closed_at = e_.recorded_at;
      a.decided_by = e_.author.user;
      a.decision_note = d.note;
      if (d.approved) accept_plan(a.request, a.quote_digest);
    }
  }

  // -- payment-posted
  void check(const PaymentPosted& p) { currency(p.amount, "payload.currency"); }
  void commit(const PaymentPosted& p) {
    PaymentRecord r;
    r.id = e_.id;
    r.recorded_at = e_.recorded_at;
    r.date = p.date;
    r.amount = p.amount;
    r.method = p.method;
    r.receipt = p.receipt;
    r.instrument = p.instrument;
    // The desk the account is on; on none, the collector who took it through a processor on a call; else nobody's
    // (a processor's file, a payment by post).
    r.credited_to = s_.assigned_to.value_or(p.instrument ? e_.author.user : std::string());
    r.recorded = p.allocation;
    r.applied = apply_recorded(s_.balance.owed, p.allocation, s_.waterfall(), &r.unapplied);
    subtract(s_.balance.owed, r.applied);
    s_.balance.overpaid += r.unapplied;
    s_.balance.itemised.payments += p.amount;
    count_towards_promises(r);
    if (!s_.plans.empty() && p.date >= s_.plans.back().accepted_on) {
      s_.plans.back().payments.push_back(CountedPayment{r.id, r.date, r.amount});
    }
    s_.payments.push_back(std::move(r));
  }

  // -- payment-reversed
  void check(const PaymentReversed& r) {
    const PaymentRecord* paid = s_.payment(r.payment_id);
    if (paid == nullptr) {
      fail("payload.payment_id", "no payment-posted event " + r.payment_id.hex() + " on account " + s_.account->id);
    } else if (paid->reversed()) {
      fail("payload.payment_id", "the payment " + r.payment_id.hex() + " was already reversed by event " +
                                     paid->reversed_by->hex());
    }
  }
  void commit(const PaymentReversed& r) {
    PaymentRecord* paid = &*std::find_if(s_.payments.rbegin(), s_.payments.rend(),
                                         [&](const PaymentRecord& p) { return p.id == r.payment_id; });
    add(s_.balance.owed, paid->applied);
    s_.balance.overpaid -= paid->unapplied;
    s_.balance.itemised.payments -= paid->amount;
    paid->reversed_by = e_.id;
    paid->reversal_reason = r.reason;
    paid->reversed_on = r.date;
    const auto uncount = [&](std::vector<CountedPayment>& counted) {
      std::erase_if(counted, [&](const CountedPayment& c) { return c.payment == r.payment_id; });
    };
    for (PromiseRecord& promise : s_.promises) uncount(promise.payments);
    for (PlanRecord& plan : s_.plans) uncount(plan.payments);
  }

  // -- balance-adjusted
  void check(const BalanceAdjusted& a) { currency(a.amount, "payload.currency"); }
  void commit(const BalanceAdjusted& a) {
    AdjustmentRecord r{e_.id, e_.recorded_at, a, {}, Money::zero(a.amount.currency())};
    const Currency c = a.amount.currency();
    r.applied = BalanceParts{Money::zero(c), Money::zero(c), Money::zero(c)};
    Balance& itemised = s_.balance.itemised;
    if (a.direction == AdjustmentDirection::charge) {
      r.applied.part(a.part) = a.amount;
      s_.balance.owed.part(a.part) += a.amount;
      if (a.part == BalancePart::interest) itemised.interest += a.amount;
      if (a.part == BalancePart::fees) itemised.fees += a.amount;
      if (a.part == BalancePart::principal) itemised.principal += a.amount;  // refused by validate_event
    } else {
      // The credit's own part first, then on down the waterfall.
      std::vector<BalancePart> order{a.part};
      for (BalancePart p : s_.waterfall()) {
        if (p != a.part) order.push_back(p);
      }
      r.applied = spread(s_.balance.owed, a.amount, order, &r.unapplied);
      subtract(s_.balance.owed, r.applied);
      s_.balance.overpaid += r.unapplied;
      itemised.credits += a.amount;
    }
    s_.adjustments.push_back(std::move(r));
  }

  // -- letter-issued
  void check(const LetterIssued& l) {
    party(l.party_id);
    if (l.figures.principal.currency() != s_.account->currency) {
      fail("payload.figures.currency", "is " + std::string(l.figures.principal.currency().code()) + "; account " +
                                           s_.account->id + " is in " + std::string(s_.account->currency.code()));
    }
  }
  void commit(const LetterIssued& l) {
    AttemptRecord r;
    r.id = e_.id;
    r.at = e_.recorded_at;
    r.channel = ContactChannel::letter;
    r.party = *s_.party_index(l.party_id);
    r.point = s_.parties[r.party].index_of(ContactPointKind::address, l.address);
    r.letter = true;
    s_.attempts.push_back(r);
    s_.letters.push_back(LetterRecord{e_.id, position(), e_.recorded_at, l});
  }

  // -- dispute-opened
  void check(const DisputeOpened& d) { party(d.party_id); }
  void commit(const DisputeOpened& d) {
    s_.disputes.push_back(DisputeRecord{e_.id, position(), e_.recorded_at, *s_.party_index(d.party_id), d.reason,
                                        d.received, d.subject, d.via});
  }

  // -- cease-requested
  void check(const CeaseRequested& c) { party(c.party_id); }
  void commit(const CeaseRequested& c) {
    const std::uint32_t party = *s_.party_index(c.party_id);
    s_.ceases.push_back(CeaseRecord{e_.id, e_.recorded_at, party, c.scope, c.channels, c.via, verified_on_call(party)});
  }

  // Whether the party's latest verification came during its latest call or visit (at or after its start).
  bool verified_on_call(std::uint32_t party) const {
    const std::optional<Instant>& verified = s_.parties[party].verified_at;
    if (!verified) return false;
    for (auto a = s_.attempts.rbegin(); a != s_.attempts.rend(); ++a) {
      if (a->party == party && !a->letter) return *verified >= a->at;
    }
    return false;
  }

  // -- preference-set
  void check(const PreferenceSet& p) { party(p.party_id); }
  void commit(const PreferenceSet& p) { s_.parties[*s_.party_index(p.party_id)].preferences = p; }

  // -- contact-point-updated
  void check(const ContactPointUpdated& u) { point(u.party_id, u.kind, u.point); }
  void commit(const ContactPointUpdated& u) {
    PointRecord& p = point_record(u.party_id, u.kind, u.point);
    p.status = u.status;
    p.changed_at = e_.recorded_at;
  }

  // -- consent-changed
  void check(const ConsentChanged& c) { point(c.party_id, c.kind, c.point); }
  void commit(const ConsentChanged& c) {
    PointRecord& p = point_record(c.party_id, c.kind, c.point);
    switch (c.channel) {
      case ContactChannel::phone: p.consent_call = c.given; break;
      case ContactChannel::sms: p.consent_text = c.given; break;
      case ContactChannel::email:
        p.consent_email = c.given;
        p.email_consent_from_party = c.given;
        break;
      case ContactChannel::letter: p.consent_mail = c.given; break;
      case ContactChannel::in_person: break;  // refused by validate_event
    }
    p.changed_at = e_.recorded_at;
  }

  // -- contact-point-added
  void check(const ContactPointAdded& a) {
    const std::optional<std::uint32_t> i = party(a.party_id);
    if (!i) return;
    const std::string key = std::visit(
        [](const auto& point) {
          if constexpr (std::is_same_v<std::decay_t<decltype(point)>, Address>) return address_key(point.postal);
          if constexpr (std::is_same_v<std::decay_t<decltype(point)>, Phone>) return point.number;
          if constexpr (std::is_same_v<std::decay_t<decltype(point)>, Email>) return point.address;
        },
        a.point);
    if (s_.parties[*i].find(a.kind(), key) != nullptr) {
      fail("payload." + kind_name(a.kind()), "party " + a.party_id + " already has the " + kind_name(a.kind()) + " " + key);
    }
  }
  void commit(const ContactPointAdded& a) {
    auto added = std::make_shared<const ContactPointAdded>(a);
    PointRecord p = std::visit([](const auto& point) { return point_of(point); }, added->point);
    p.added = std::move(added);
    p.changed_at = e_.recorded_at;
    s_.parties[*s_.party_index(a.party_id)].points.push_back(std::move(p));
  }

  // -- compliance-exception
  void check(const ComplianceException&) {}
  void commit(const ComplianceException& x) { s_.exceptions.push_back(ExceptionRecord{e_.id, e_.recorded_at, x}); }

  // -- party-added
  void check(const PartyAdded& a) {
    if (s_.party_index(a.party_id)) fail("payload.party_id", "is already a party of account " + s_.account->id);
    if (a.represents.empty()) return;
    const std::optional<std::uint32_t> represented = party(a.represents, "payload.represents");
    if (represented && s_.parties[*represented].party->role == PartyRole::attorney) {
      fail("payload.represents", a.represents + " is an attorney: an attorney represents a party about the debt");
    }
  }
  void commit(const PartyAdded& a) {
    auto added = std::make_shared<Party>();
    added->id = a.party_id;
    added->role = a.role;
    added->given_name = a.given_name;
    added->family_name = a.family_name;
    PartyRecord r;
    r.party = added.get();
    r.added = std::move(added);
    if (!a.represents.empty()) r.represents = s_.party_index(a.represents);
    s_.parties.push_back(std::move(r));
  }

  // -- representation-changed
  void check(const RepresentationChanged& c) {
    const PartyRecord* attorney = s_.party(c.attorney_id);
    if (attorney == nullptr || attorney->party->role != PartyRole::attorney) {
      fail("payload.attorney_id", "no attorney " + c.attorney_id + " on account " + s_.account->id);
    }
  }
  void commit(const RepresentationChanged& c) {
    PartyRecord& attorney = s_.parties[*s_.party_index(c.attorney_id)];
    attorney.representation_ended = c.ended;
    attorney.direct_contact = c.direct_contact;
  }

  // -- protection-reported
  void check(const ProtectionReported& r) {
    if (s_.party(r.party_id) == nullptr) {
      fail("payload.party_id", "no party " + r.party_id + " on account " + s_.account->id);
    }
  }
  void commit(const ProtectionReported& r) {
    const std::uint32_t party = *s_.party_index(r.party_id);
    ProtectionRecord record{e_.id, e_.recorded_at, party, r.protection, r.starts, r.ends, r.reference};
    for (ProtectionRecord& p : s_.protections) {
      if (p.party == party && p.protection == r.protection) {
        p = std::move(record);
        return;
      }
    }
    s_.protections.push_back(std::move(record));
  }

  // -- recontact-justified
  void check(const RecontactJustified& r) {
    const PartyRecord* party = s_.party(r.party_id);
    if (party == nullptr) {
      fail("payload.party_id", "no party " + r.party_id + " on account " + s_.account->id);
    } else if (party->party->role != PartyRole::third_party) {
      fail("payload.party_id", r.party_id + " is not a third party: only a third party is asked for the consumer's " +
                                   "location");
    }
  }
  // -- callback-scheduled
  void check(const CallbackScheduled& c) {
    if (s_.party(c.party_id) == nullptr) {
      fail("payload.party_id", "no party " + c.party_id + " on account " + s_.account->id);
    }
  }
  void commit(const CallbackScheduled& c) {
    for (CallbackRecord& open : s_.callbacks) {
      if (open.open()) open.replaced_by = e_.id;
    }
    s_.callbacks.push_back({e_.id, e_.recorded_at, *s_.party_index(c.party_id), c.at, c.note});
  }

  // -- account-assigned
  void check(const AccountAssigned&) {}
  void commit(const AccountAssigned& a) { s_.assigned_to = a.collector; }

  void commit(const RecontactJustified& r) {
    s_.recontacts.push_back({e_.id, e_.recorded_at, *s_.party_index(r.party_id), r.reason, s_.attempts.size()});
  }

  // -- escalated
  void check(const Escalated&) {}
  void commit(const Escalated& x) {
    s_.escalations.push_back(EscalationRecord{e_.id, e_.recorded_at, x.to, x.reason});
    if (x.to == EscalationTarget::legal) s_.holds.push_back(Hold{HoldKind::legal, whole_account, e_.id, e_.recorded_at});
    if (x.to == EscalationTarget::return_to_client) {
      s_.holds.push_back(Hold{HoldKind::returned_to_client, whole_account, e_.id, e_.recorded_at});
    }
  }

 private:
  void fail(std::string path, std::string message) { p_.push_back(Problem{std::move(path), std::move(message)}); }
  std::uint32_t position() const { return static_cast<std::uint32_t>(s_.events - 1); }  // apply() counted it

  std::optional<std::uint32_t> party(const std::string& party_id, const char* path = "payload.party_id") {
    const std::optional<std::uint32_t> i = s_.party_index(party_id);
    if (!i) fail(path, "no party with id " + party_id + " on account " + s_.account->id);
    return i;
  }

  void point(const std::string& party_id, ContactPointKind kind, const std::string& key) {
    const std::optional<std::uint32_t> i = party(party_id);
    if (i && s_.parties[*i].find(kind, key) == nullptr) {
      fail("payload.point", "party " + party_id + " has no " + kind_name(kind) + " " + key);
    }
  }

  // The plan accepted by this event: it supersedes the current plan.
  void accept_plan(const std::string& request, const std::string& quote_digest) {
    if (!s_.plans.empty()) s_.plans.back().superseded_by = e_.id;
    s_.plans.push_back(PlanRecord{e_.id, e_.recorded_at, e_.recorded_at.utc_date(), request, quote_digest, {}, {}});
  }
  void withdraw_pending() {
    if (s_.approvals.empty() || s_.approvals.back().status != ApprovalStatus::pending) return;
    ApprovalRecord& a = s_.approvals.back();
    a.status = ApprovalStatus::withdrawn;
    a.closed_by = e_.id;
    a.closed_at = e_.recorded_at;
  }

  void currency(Money amount, const char* path) {
    if (amount.currency() != s_.account->currency) {
      fail(path, "is " + std::string(amount.currency().code()) + "; account " + s_.account->id + " is in " +
                     std::string(s_.account->currency.code()));
    }
  }

  PointRecord& point_record(const std::string& party_id, ContactPointKind kind, const std::string& key) {
    PartyRecord& party = s_.parties[*s_.party_index(party_id)];
    return party.points[*party.index_of(kind, key)];
  }

  // Counts the payment towards the earliest-due promises it can pay (see PromiseRecord).
  void count_towards_promises(const PaymentRecord& r) {
    if (s_.promises.empty()) return;
    const int grace = s_.promise_grace_days();
    std::vector<PromiseRecord*> open;
    for (PromiseRecord& p : s_.promises) {
      if (p.made_on <= r.date && r.date <= p.due.plus_days(grace) &&
          counted_total(p.payments, p.amount.currency()) < p.amount) {
        open.push_back(&p);
      }
    }
    std::stable_sort(open.begin(), open.end(),
                     [](const PromiseRecord* a, const PromiseRecord* b) { return a->due < b->due; });
    Money left = r.amount;
    for (PromiseRecord* p : open) {
      if (left.minor() <= 0) break;
      const Money owed = p->amount - counted_total(p->payments, p->amount.currency());
      const Money share = owed < left ? owed : left;
      p->payments.push_back(CountedPayment{r.id, r.date, share});
      left -= share;
    }
  }

  State& s_;
  const Event& e_;
  Problems& p_;
};

// Every kind has both halves, checked here as well as by the visits below.
template <class Kind>
concept Folded = requires(Folder<AccountState>& f, Folder<const AccountState>& c, const Kind& p) {
  c.check(p);
  f.commit(p);
};
template <class Payloads>
struct FoldsEvery;
template <class... Kinds>
struct FoldsEvery<std::variant<Kinds...>> {
  static constexpr bool value = (Folded<Kinds> && ...);
};
static_assert(FoldsEvery<EventPayload>::value, "an event kind is not folded: add its check and commit to Folder");

Problems problems_of(const AccountState& state, const Event& event) {
  Problems problems;
  if (event.account_id != state.account->id) {
    problems.push_back({"account_id", "the event is for account " + event.account_id + ", not " + state.account->id});
    return problems;
  }
  Folder<const AccountState> folder(state, event, problems);
  std::visit([&](const auto& payload) { folder.check(payload); }, event.payload);
  return problems;
}

}  // namespace

// [SECTION] Fold ----------------------------------------------------------------------------------------------

Problems fold_problems(const AccountState& state, const Event& event) { return problems_of(state, event); }

ApplyResult apply(AccountState& state, const Event& event) {
  ++state.events;
  state.last_event_at = event.recorded_at;
  Problems problems = problems_of(state, event);
  if (!problems.empty()) {
    state.set_aside.push_back(SetAside{event.id, event.kind(), std::move(problems.front())});
    return ApplyResult::set_aside;
  }
  Folder<AccountState> folder(state, event, problems);
  std::visit([&](const auto& payload) { folder.commit(payload); }, event.payload);
  return ApplyResult::applied;
}

AccountState fold(const Account& account, const Client* client, const EventRange& events,
                  std::optional<Instant> until) {
  AccountState state = placement_state(account, client);
  for (const Event& e : events) {
    if (until && e.recorded_at > *until) break;  // the journal order is by recorded_at first
    apply(state, e);
  }
  return state;
}

// [SECTION] Admission -----------------------------------------------------------------------------------------

namespace {

class Admission {
 public:
  Admission(const AccountState& state, const Event& event, Instant now, Problems& problems)
      : s_(state), e_(event), now_(now), p_(problems), recorded_on_(event.recorded_at.utc_date()) {}

  void envelope() {
    const Instant opened = Instant::from_unix_seconds(std::int64_t{s_.account->opened.days_since_epoch()} * 86400);
    if (e_.recorded_at < opened) {
      fail("recorded_at", "is " + e_.recorded_at.iso() + ", before the account was opened on " +
                              s_.account->opened.iso());
    } else if (e_.recorded_at > now_.plus_seconds(86400)) {
      fail("recorded_at", "is " + e_.recorded_at.iso() + ", more than a day after now (" + now_.iso() + ")");
    }
  }

  void operator()(const ContactAttempted&) {}
  void operator()(const OutcomeRecorded& o) {
    const AttemptRecord* a = s_.attempt(o.attempt_id);
    if (a == nullptr) return;
    if (a->outcomes > 0) {
      fail("payload.attempt_id", "the attempt " + o.attempt_id.hex() + " already has the outcome \"" +
                                     std::string(to_string(*a->outcome)) + "\"; an outcome is recorded once");
    }
    if (o.conversation && a->channel != ContactChannel::phone) {
      fail("payload.conversation", "a telephone conversation needs a phone attempt, not " +
                                       std::string(to_string(a->channel)));
    }
    if (e_.recorded_at < a->at) fail("recorded_at", "is before its attempt, recorded at " + a->at.iso());
  }
  void operator()(const PartyVerified&) {}
  void operator()(const PromiseMade& p) {
    if (p.due < recorded_on_.plus_days(-1) || p.due > recorded_on_.plus_days(366)) {
      fail("payload.due", "is " + p.due.iso() + "; a promise falls due from the day it is made to a year after");
    }
  }
  void operator()(const PlanAccepted&) {}
  void operator()(const PaymentPosted& p) {
    within_life(p.date, "payload.date");
    const Money owed = s_.balance.owed.total();
    if (p.amount > owed) {
      fail("payload.amount", "is " + std::to_string(p.amount.minor()) + ", more than the balance owed (" +
                                 std::to_string(owed.minor()) + ")");
      return;
    }
    const BalanceParts expected = allocate(s_.balance.owed, p.amount, s_.waterfall());
    if (p.allocation != expected) {
      fail("payload.allocation", "must follow the client's waterfall over what is owed: fees " +
                                     std::to_string(expected.fees.minor()) + ", interest " +
                                     std::to_string(expected.interest.minor()) + ", principal " +
                                     std::to_string(expected.principal.minor()));
    }
  }
  void operator()(const PaymentReversed& r) {
    within_life(r.date, "payload.date");
    if (const PaymentRecord* paid = s_.payment(r.payment_id); paid != nullptr && r.date < paid->date) {
      fail("payload.date", "is before the payment it reverses, made on " + paid->date.iso());
    }
  }
  void operator()(const BalanceAdjusted& a) {
    within_life(a.date, "payload.date");
    if (a.direction == AdjustmentDirection::credit && a.amount > s_.balance.owed.part(a.part)) {
      fail("payload.amount", "is " + std::to_string(a.amount.minor()) + ", more than the " +
                                 std::string(to_string(a.part)) + " owed (" +
                                 std::to_string(s_.balance.owed.part(a.part).minor()) + ")");
    }
  }
  void operator()(const LetterIssued& l) {
    if (l.provided < recorded_on_.plus_days(-31) || l.provided > recorded_on_.plus_days(31)) {
      fail("payload.provided", "is " + l.provided.iso() + ", more than 31 days from the day it was recorded");
    }
    if (const PartyRecord* party = s_.party(l.party_id);
        party != nullptr && party->find(ContactPointKind::address, l.address) == nullptr) {
      fail("payload.address", "is not an address of party " + l.party_id);
    }
  }
  void operator()(const DisputeOpened& d) { within_life(d.received, "payload.received"); }
  void operator()(const CeaseRequested&) {}
  void operator()(const PreferenceSet&) {}
  void operator()(const ContactPointUpdated&) {}
  void operator()(const ConsentChanged&) {}
  void operator()(const ContactPointAdded& a) {
    const Date seen = a.provenance().first_seen;
    if (seen > recorded_on_.plus_days(1)) fail("payload.seen", "is " + seen.iso() + ", after the day it was recorded");
  }
  void operator()(const Escalated&) {}
  void operator()(const ComplianceException&) {}
  void operator()(const PartyAdded&) {}
  void operator()(const RepresentationChanged&) {}
  void operator()(const ProtectionReported&) {}
  void operator()(const RecontactJustified&) {}
  void operator()(const AccountAssigned&) {}
  void operator()(const ApprovalRequested&) {}
  void operator()(const RiskOverridden& o) {
    if (o.until && *o.until < recorded_on_) {
      fail("payload.until", "is " + o.until->iso() + ", before the day it was recorded (" + recorded_on_.iso() + ")");
    }
  }
  void operator()(const ApprovalDecided& d) {
    const ApprovalRecord* a = s_.approval(d.request_id);
    if (a != nullptr && a->requested_by == e_.author.user) {
      fail("author.user", "is " + e_.author.user + ", who requested the approval; another user decides it");
    }
    if (a != nullptr && e_.recorded_at < a->requested_at) {
      fail("recorded_at", "is before the approval request, recorded at " + a->requested_at.iso());
    }
  }
  void operator()(const CallbackScheduled& c) {
    constexpr std::int64_t kLongestAhead = std::int64_t{366} * 86400;
    const std::int64_t ahead = c.at.unix_seconds() - e_.recorded_at.unix_seconds();
    if (ahead < -3600) {
      fail("payload.at", "is " + c.at.iso() + ", before the event was recorded (" + e_.recorded_at.iso() + ")");
    } else if (ahead > kLongestAhead) {
      fail("payload.at", "is " + c.at.iso() + ", more than a year after the event was recorded");
    }
  }

 private:
  void fail(std::string path, std::string message) { p_.push_back(Problem{std::move(path), std::move(message)}); }

  // A date of the account's life: not before it was opened, not after the day the event was recorded (and the
  // day after, for a device a few hours ahead).
  void within_life(Date d, const char* path) {
    if (d < s_.account->opened) {
      fail(path, "is " + d.iso() + ", before the account was opened on " + s_.account->opened.iso());
    } else if (d > recorded_on_.plus_days(1)) {
      fail(path, "is " + d.iso() + ", after the day the event was recorded (" + recorded_on_.iso() + ")");
    }
  }

  const AccountState& s_;
  const Event& e_;
  Instant now_;
  Problems& p_;
  Date recorded_on_;
};

}  // namespace

Problems check_event(const AccountState& state, const Event& event, Instant now) {
  Problems problems = validate_event(event);
  if (!problems.empty()) return problems;
  problems = problems_of(state, event);
  if (!problems.empty()) return problems;
  Admission admission(state, event, now, problems);
  admission.envelope();
  std::visit(admission, event.payload);
  return problems;
}

}  // namespace parley
