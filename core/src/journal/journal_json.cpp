// The journal's JSON form: a per-object loader (scanned into a small reusable tree, then typed decoding), JSON Lines,
// and the canonical saver.
//
// Index of this file:
// [SECTION] Problem sink      keeps the first journal_max_problems, counts the rest
// [SECTION] Tree              one JSON value as flat nodes in reused buffers, built from json::scan's events
// [SECTION] Decoder           typed reading of an event from a tree, problems named by member path
// [SECTION] Saver             canonical text through JsonWriter
// [SECTION] API
//
// An event is a small object whose "type" member decides the shape of "payload", and members may come in any
// order, so each object is first read into a tree of nodes (no allocation once the buffers have grown), then
// decoded. Decoding reports every member it cannot read; only an event that decodes cleanly is passed to
// validate_event, so one mistake is reported once.
#include "parley/journal/journal_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <span>
#include <string>
#include <utility>

#include "json/scanner.h"
#include "json_writer.h"
#include "json_text.h"

namespace parley {
namespace {

// [SECTION] Problem sink ----------------------------------------------------------------------------------------------

class ProblemSink {
 public:
  void add(std::string path, std::string message) {
    ++count_;
    if (problems_.size() < journal_max_problems) problems_.push_back(Problem{std::move(path), std::move(message)});
  }
  std::size_t count() const { return count_; }
  Problems finish() {
    if (count_ > problems_.size()) {
      problems_.push_back(Problem{"", "... and " + std::to_string(count_ - problems_.size()) + " more problems"});
    }
    return std::move(problems_);
  }

 private:
  Problems problems_;
  std::size_t count_ = 0;
};

// [SECTION] Tree ------------------------------------------------------------------------------------------------------

constexpr std::uint32_t kNone = 0xFFFFFFFF;

enum class Kind : std::uint8_t { object, array, string, integer, out_of_range, fraction, boolean, null };

struct Node {
  Kind kind = Kind::null;
  bool flag = false;                 // a boolean's value
  std::uint32_t key_at = 0;          // member name in the arena (members of objects only)
  std::uint32_t key_size = 0;
  std::uint32_t text_at = 0;         // a string's value in the arena
  std::uint32_t text_size = 0;
  std::int64_t number = 0;           // an integer's value
  std::uint32_t first = kNone;       // first member or element
  std::uint32_t next = kNone;        // next sibling
};

// One JSON value as nodes; node 0 is the top. The buffers are kept between values.
class Tree {
 public:
  void clear() {
    nodes_.clear();
    arena_.clear();
    open_.clear();
    has_key_ = false;
    error_.clear();
    error_at_ = 0;
  }
  const Node& node(std::uint32_t i) const { return nodes_[i]; }
  std::string_view key(const Node& n) const { return std::string_view(arena_).substr(n.key_at, n.key_size); }
  std::string_view text(const Node& n) const { return std::string_view(arena_).substr(n.text_at, n.text_size); }
  const std::string& error() const { return error_; }  // a syntax error's reason, empty if none
  std::size_t error_at() const { return error_at_; }   // its byte offset in the parsed text

  // nlohmann's SAX interface.
  bool null() {
    push(Kind::null);
    return true;
  }
  bool boolean(bool value) {
    nodes_[push(Kind::boolean)].flag = value;
    return true;
  }
  bool number_integer(std::int64_t value) {
    nodes_[push(Kind::integer)].number = value;
    return true;
  }
  bool number_unsigned(std::uint64_t value) {
    if (value > static_cast<std::uint64_t>(INT64_MAX)) {
      push(Kind::out_of_range);
    } else {
      nodes_[push(Kind::integer)].number = static_cast<std::int64_t>(value);
    }
    return true;
  }
  bool number_float(double, const std::string&) {
    push(Kind::fraction);
    return true;
  }
  bool string(std::string& value) {
    const std::uint32_t at = push(Kind::string);
    nodes_[at].text_at = static_cast<std::uint32_t>(arena_.size());
    nodes_[at].text_size = static_cast<std::uint32_t>(value.size());
    arena_ += value;
    return true;
  }
  bool binary(nlohmann::json::binary_t&) {
    push(Kind::null);  // not produced by the JSON text parser
    return true;
  }

  // json::scan's events (the same, without copying plain strings out of the text first).
  bool on_null() { return null(); }
  bool on_boolean(bool value) { return boolean(value); }
  bool on_integer(std::int64_t value) { return number_integer(value); }
  bool on_unsigned(std::uint64_t value) { return number_unsigned(value); }
  bool on_fraction(std::string_view) {
    push(Kind::fraction);
    return true;
  }
  bool on_string(std::string_view value, std::string*) {
    const std::uint32_t at = push(Kind::string);
    nodes_[at].text_at = static_cast<std::uint32_t>(arena_.size());
    nodes_[at].text_size = static_cast<std::uint32_t>(value.size());
    arena_ += value;
    return true;
  }
  bool on_key(std::string_view name) {
    key_at_ = static_cast<std::uint32_t>(arena_.size());
    key_size_ = static_cast<std::uint32_t>(name.size());
    arena_ += name;
    has_key_ = true;
    return true;
  }
  bool on_begin(bool object) {
    open_.push_back(Open{push(object ? Kind::object : Kind::array), kNone});
    return true;
  }
  bool on_end(bool) {
    open_.pop_back();
    return true;
  }
  bool start_object(std::size_t) {
    open_.push_back(Open{push(Kind::object), kNone});
    return true;
  }
  bool key(std::string& name) {
    key_at_ = static_cast<std::uint32_t>(arena_.size());
    key_size_ = static_cast<std::uint32_t>(name.size());
    arena_ += name;
    has_key_ = true;
    return true;
  }
  bool end_object() {
    open_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    open_.push_back(Open{push(Kind::array), kNone});
    return true;
  }
  bool end_array() {
    open_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
    error_at_ = position == 0 ? 0 : position - 1;  // nlohmann counts the offending character as read
    std::string_view what = error.what();
    if (const std::size_t dash = what.find(" - "); dash != std::string_view::npos) {
      what.remove_prefix(dash + 3);
    } else if (const std::size_t colon = what.find(": "); colon != std::string_view::npos) {
      what.remove_prefix(colon + 2);
    }
    constexpr std::size_t kLongest = 160;  // "last read" may hold the rest of the line
    if (what.size() > kLongest) {
      std::size_t cut = kLongest;
      while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) --cut;
      error_ = std::string(what.substr(0, cut)) + "...";
    } else {
      error_ = std::string(what);
    }
    if (error_.empty()) error_ = "syntax error";
    return false;
  }

 private:
  struct Open {
    std::uint32_t node;
    std::uint32_t last_child;
  };

  // Appends a node as the next member or element of the open container, and returns its index.
  std::uint32_t push(Kind kind) {
    const auto at = static_cast<std::uint32_t>(nodes_.size());
    Node& n = nodes_.emplace_back();
    n.kind = kind;
    if (has_key_) {
      n.key_at = key_at_;
      n.key_size = key_size_;
      has_key_ = false;
    }
    if (!open_.empty()) {
      Open& parent = open_.back();
      if (parent.last_child == kNone) {
        nodes_[parent.node].first = at;
      } else {
        nodes_[parent.last_child].next = at;
      }
      parent.last_child = at;
    }
    return at;
  }

  std::vector<Node> nodes_;
  std::string arena_;
  std::vector<Open> open_;
  bool has_key_ = false;
  std::uint32_t key_at_ = 0;
  std::uint32_t key_size_ = 0;
  std::string error_;
  std::size_t error_at_ = 0;
};

// [SECTION] Decoder ---------------------------------------------------------------------------------------------------

constexpr std::string_view kEventMembers[] = {"id",     "type",     "account_id", "recorded_at",
                                              "author", "sequence", "payload"};
constexpr std::string_view kAuthorMembers[] = {"user", "device"};
constexpr std::string_view kContactAttemptedMembers[] = {"party_id", "channel", "contact_point", "direction"};
constexpr std::string_view kOutcomeMembers[] = {"attempt_id", "outcome", "conversation"};
constexpr std::string_view kVerifiedMembers[] = {"party_id", "method", "questions_passed"};
constexpr std::string_view kPromiseMembers[] = {"amount", "currency", "due"};
constexpr std::string_view kPlanMembers[] = {"request", "quote_digest"};
constexpr std::string_view kPaymentMembers[] = {"amount", "currency", "date", "method", "allocation", "receipt"};
constexpr std::string_view kAllocationMembers[] = {"fees", "interest", "principal"};
constexpr std::string_view kReversalMembers[] = {"payment_id", "reason", "date"};
constexpr std::string_view kAdjustmentMembers[] = {"part", "direction", "amount", "currency", "date", "reason"};
constexpr std::string_view kLetterMembers[] = {"party_id", "template_id", "template_version", "locale",
                                               "address",  "provided",    "figures",          "document_digest"};
constexpr std::string_view kFiguresMembers[] = {"currency", "itemisation_date", "principal", "interest",
                                                "fees",     "payments",         "credits"};
// contact-point-added: the point's member is named by its kind ("address", "phone" or "email"); the list for an
// unreadable kind holds all three so that only the kind is reported.
constexpr std::string_view kAddedMembers[][7] = {
    {"party_id", "kind", "address", "source", "seen", "status", "confidence_bp"},
    {"party_id", "kind", "phone", "source", "seen", "status", "confidence_bp"},
    {"party_id", "kind", "email", "source", "seen", "status", "confidence_bp"}};
constexpr std::string_view kAddedAnyMembers[] = {"party_id", "kind",   "address", "phone",        "email",
                                                 "source",   "seen",   "status",  "confidence_bp"};
constexpr std::string_view kAddressMembers[] = {"lines",   "city",      "region",      "postal_code",
                                                "country", "time_zone", "consent_mail"};
constexpr std::string_view kPhoneMembers[] = {"number", "kind", "time_zones", "consent_call", "consent_text"};
constexpr std::string_view kEmailMembers[] = {"address", "consent_email"};
constexpr std::string_view kExceptionMembers[] = {"event_id", "rules"};
constexpr std::string_view kBrokenRuleMembers[] = {"rule_id", "citation", "words"};
constexpr std::string_view kConsentMembers[] = {"party_id", "kind", "point", "channel", "given"};
constexpr std::string_view kDisputeMembers[] = {"party_id", "reason", "received"};
constexpr std::string_view kCeaseMembers[] = {"party_id", "scope", "channels"};
constexpr std::string_view kPreferenceMembers[] = {"party_id", "avoid_times", "avoid_channels"};
constexpr std::string_view kTimeMembers[] = {"weekday", "from", "to"};
constexpr std::string_view kPointMembers[] = {"party_id", "kind", "point", "status"};
constexpr std::string_view kEscalatedMembers[] = {"to", "reason"};

constexpr std::string_view kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};

std::string join(std::string_view path, std::string_view member) {
  std::string out;
  out.reserve(path.size() + 1 + member.size());
  out += path;
  if (!path.empty()) out += '.';
  out += member;
  return out;
}

std::string element(std::string_view path, std::size_t index) {
  return std::string(path) + "[" + std::to_string(index) + "]";
}

// Minutes after midnight from "HH:MM" (00:00 to 24:00), or -1.
int parse_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  for (std::size_t i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return -1;
  }
  const int hh = (text[0] - '0') * 10 + (text[1] - '0');
  const int mm = (text[3] - '0') * 10 + (text[4] - '0');
  if (mm > 59 || hh > 24 || (hh == 24 && mm != 0)) return -1;
  return hh * 60 + mm;
}

std::string format_time(int minutes) {
  std::string out = "00:00";
  out[0] = static_cast<char>('0' + minutes / 600);
  out[1] = static_cast<char>('0' + minutes / 60 % 10);
  out[3] = static_cast<char>('0' + minutes % 60 / 10);
  out[4] = static_cast<char>('0' + minutes % 10);
  return out;
}

class Decoder;

// The members of one object, looked up by name against its shape; unknown and repeated members are reported
// when the object is opened, missing ones when they are asked for.
class Object {
 public:
  Object(Decoder& decoder, std::uint32_t node, std::string path, std::span<const std::string_view> names);

  std::string path_of(int member) const { return join(path_, names_[static_cast<std::size_t>(member)]); }
  std::uint32_t node_of(int member) const { return found_[static_cast<std::size_t>(member)]; }  // or kNone
  const Node* need(int member);  // the member's node; reports a missing member and gives null

  bool text(int member, std::string& out);
  bool id(int member, EventId& out);
  bool instant(int member, Instant& out);
  bool date(int member, Date& out);
  bool integer(int member, std::int64_t low, std::int64_t high, std::int64_t& out, std::string_view range);
  bool boolean(int member, bool& out);
  bool currency(int member, Currency& out);
  template <class E>
  bool choice(int member, int count, std::optional<E> (*parse)(std::string_view), E& out);
  bool channels(int member, std::vector<ContactChannel>& out);

 private:
  Decoder& d_;
  std::string path_;
  std::span<const std::string_view> names_;
  std::array<std::uint32_t, 12> found_{};
};

class Decoder {
 public:
  Decoder(const Tree& tree, std::string_view line, ProblemSink& sink) : tree_(tree), line_(line), sink_(sink) {}

  const Tree& tree() const { return tree_; }

  // Reports at a member path; with a line prefix "line 3: path", or "line 3" for the whole line.
  void report(std::string_view path, std::string message) {
    ++problems_;
    if (line_.empty()) {
      sink_.add(std::string(path), std::move(message));
    } else if (path.empty()) {
      sink_.add(std::string(line_), std::move(message));
    } else {
      sink_.add(std::string(line_) + ": " + std::string(path), std::move(message));
    }
  }

  // What a node holds, for "expected X, got Y".
  std::string describe(const Node& n) const {
    switch (n.kind) {
      case Kind::object:
        return "an object";
      case Kind::array:
        return "an array";
      case Kind::string:
        return json_text::quoted(tree_.text(n));
      case Kind::integer:
        return std::to_string(n.number);
      case Kind::out_of_range:
        return "a number out of range";
      case Kind::fraction:
        return "a number with a fraction or exponent";
      case Kind::boolean:
        return n.flag ? "true" : "false";
      default:
        return "null";
    }
  }
  void mismatch(std::string_view path, std::string_view expected, const Node& got) {
    report(path, "expected " + std::string(expected) + ", got " + describe(got));
  }

  std::optional<Event> event() {
    const Node& root = tree_.node(0);
    if (root.kind != Kind::object) {
      mismatch("", "a JSON object", root);
      return std::nullopt;
    }
    const std::size_t before = problems_;
    Event e;
    Object o(*this, 0, "", kEventMembers);
    o.id(0, e.id);
    std::optional<EventKind> kind;
    if (const Node* t = o.need(1)) {
      if (t->kind != Kind::string) {
        mismatch("type", "an event type such as \"contact-attempted\"", *t);
      } else if (!(kind = parse_event_kind(tree_.text(*t)))) {
        report("type", "unknown event type " + json_text::quoted(tree_.text(*t)));
      }
    }
    o.text(2, e.account_id);
    o.instant(3, e.recorded_at);
    if (const Node* a = o.need(4)) {
      if (a->kind != Kind::object) {
        mismatch("author", "an object", *a);
      } else {
        Object author(*this, o.node_of(4), "author", kAuthorMembers);
        author.text(0, e.author.user);
        author.text(1, e.author.device);
      }
    }
    std::int64_t sequence = 0;
    if (o.integer(5, 1, static_cast<std::int64_t>(max_event_sequence), sequence, "from 1 to 9007199254740991"))
      e.sequence = static_cast<std::uint64_t>(sequence);
    if (const Node* p = o.need(6)) {
      if (p->kind != Kind::object) {
        mismatch("payload", "an object", *p);
      } else if (kind) {
        e.payload = payload(*kind, o.node_of(6));
      }
    }
    if (problems_ != before) return std::nullopt;
    for (Problem& p : validate_event(e)) report(p.path, std::move(p.message));
    if (problems_ != before) return std::nullopt;
    return e;
  }

 private:
  friend class Object;

  EventPayload payload(EventKind kind, std::uint32_t node) {
    const std::string path = "payload";
    switch (kind) {
      case EventKind::contact_attempted: {
        ContactAttempted p;
        Object o(*this, node, path, kContactAttemptedMembers);
        o.text(0, p.party_id);
        o.choice(1, 5, parse_contact_channel, p.channel);
        o.text(2, p.contact_point);
        o.choice(3, 2, parse_contact_direction, p.direction);
        return p;
      }
      case EventKind::outcome_recorded: {
        OutcomeRecorded p;
        Object o(*this, node, path, kOutcomeMembers);
        o.id(0, p.attempt_id);
        o.choice(1, 13, parse_contact_outcome, p.outcome);
        o.boolean(2, p.conversation);
        return p;
      }
      case EventKind::party_verified: {
        PartyVerified p;
        Object o(*this, node, path, kVerifiedMembers);
        o.text(0, p.party_id);
        o.choice(1, 3, parse_verification_method, p.method);
        std::int64_t n = 0;
        if (o.integer(2, INT_MIN, INT_MAX, n, "within the range of a 32-bit integer"))
          p.questions_passed = static_cast<int>(n);
        return p;
      }
      case EventKind::promise_made: {
        PromiseMade p;
        Object o(*this, node, path, kPromiseMembers);
        p.amount = money(o, 0, 1);
        o.date(2, p.due);
        return p;
      }
      case EventKind::plan_accepted: {
        PlanAccepted p;
        Object o(*this, node, path, kPlanMembers);
        o.text(0, p.request);
        o.text(1, p.quote_digest);
        return p;
      }
      case EventKind::payment_posted: {
        PaymentPosted p;
        Object o(*this, node, path, kPaymentMembers);
        p.amount = money(o, 0, 1);
        o.date(2, p.date);
        o.choice(3, 3, parse_payment_method, p.method);
        if (const std::uint32_t at = object_member(o, 4)) {
          Object a(*this, at, o.path_of(4), kAllocationMembers);
          const Currency c = p.amount.currency();
          p.allocation = BalanceParts{amount_in(a, 0, c), amount_in(a, 1, c), amount_in(a, 2, c)};
        }
        o.text(5, p.receipt);
        return p;
      }
      case EventKind::payment_reversed: {
        PaymentReversed p;
        Object o(*this, node, path, kReversalMembers);
        o.id(0, p.payment_id);
        o.choice(1, 3, parse_reversal_reason, p.reason);
        o.date(2, p.date);
        return p;
      }
      case EventKind::balance_adjusted: {
        BalanceAdjusted p;
        Object o(*this, node, path, kAdjustmentMembers);
        o.choice(0, 3, parse_balance_part, p.part);
        o.choice(1, 2, parse_adjustment_direction, p.direction);
        p.amount = money(o, 2, 3);
        o.date(4, p.date);
        o.text(5, p.reason);
        return p;
      }
      case EventKind::letter_issued: {
        LetterIssued p;
        Object o(*this, node, path, kLetterMembers);
        o.text(0, p.party_id);
        o.text(1, p.template_id);
        o.text(2, p.template_version);
        o.text(3, p.locale);
        o.text(4, p.address);
        o.date(5, p.provided);
        if (const std::uint32_t at = object_member(o, 6)) {
          Object f(*this, at, o.path_of(6), kFiguresMembers);
          Currency c;
          f.currency(0, c);
          f.date(1, p.figures.itemisation_date);
          p.figures.principal = amount_in(f, 2, c);
          p.figures.interest = amount_in(f, 3, c);
          p.figures.fees = amount_in(f, 4, c);
          p.figures.payments = amount_in(f, 5, c);
          p.figures.credits = amount_in(f, 6, c);
        }
        o.text(7, p.document_digest);
        return p;
      }
      case EventKind::dispute_opened: {
        DisputeOpened p;
        Object o(*this, node, path, kDisputeMembers);
        o.text(0, p.party_id);
        o.text(1, p.reason);
        o.date(2, p.received);
        return p;
      }
      case EventKind::cease_requested: {
        CeaseRequested p;
        Object o(*this, node, path, kCeaseMembers);
        o.text(0, p.party_id);
        o.choice(1, 2, parse_cease_scope, p.scope);
        o.channels(2, p.channels);
        return p;
      }
      case EventKind::preference_set: {
        PreferenceSet p;
        Object o(*this, node, path, kPreferenceMembers);
        o.text(0, p.party_id);
        if (const Node* times = o.need(1)) {
          if (times->kind != Kind::array) {
            mismatch(o.path_of(1), "an array", *times);
          } else {
            std::size_t index = 0;
            for (std::uint32_t i = times->first; i != kNone; i = tree_.node(i).next, ++index) {
              p.avoid_times.push_back(inconvenient_time(i, element(o.path_of(1), index)));
            }
          }
        }
        o.channels(2, p.avoid_channels);
        return p;
      }
      case EventKind::contact_point_updated: {
        ContactPointUpdated p;
        Object o(*this, node, path, kPointMembers);
        o.text(0, p.party_id);
        o.choice(1, 3, parse_contact_point_kind, p.kind);
        o.text(2, p.point);
        o.choice(3, 4, parse_contact_status, p.status);
        return p;
      }
      case EventKind::escalated: {
        Escalated p;
        Object o(*this, node, path, kEscalatedMembers);
        o.choice(0, 3, parse_escalation_target, p.to);
        o.text(1, p.reason);
        return p;
      }
      case EventKind::contact_point_added:
        return contact_point_added(node, path);
      case EventKind::compliance_exception: {
        ComplianceException p;
        Object o(*this, node, path, kExceptionMembers);
        o.id(0, p.event_id);
        if (const Node* rules = o.need(1)) {
          if (rules->kind != Kind::array) {
            mismatch(o.path_of(1), "an array", *rules);
          } else {
            std::size_t index = 0;
            for (std::uint32_t i = rules->first; i != kNone; i = tree_.node(i).next, ++index) {
              const std::string at = element(o.path_of(1), index);
              const Node& n = tree_.node(i);
              if (n.kind != Kind::object) {
                mismatch(at, "an object", n);
                continue;
              }
              BrokenRule rule;
              Object r(*this, i, at, kBrokenRuleMembers);
              r.text(0, rule.rule_id);
              r.text(1, rule.citation);
              r.text(2, rule.words);
              p.rules.push_back(std::move(rule));
            }
          }
        }
        return p;
      }
      case EventKind::consent_changed: {
        ConsentChanged p;
        Object o(*this, node, path, kConsentMembers);
        o.text(0, p.party_id);
        o.choice(1, 3, parse_contact_point_kind, p.kind);
        o.text(2, p.point);
        o.choice(3, 5, parse_contact_channel, p.channel);
        o.boolean(4, p.given);
        return p;
      }
    }
    return EventPayload{};  // not reached: every kind is handled above
  }

  // The node of an object member of `o`, or 0 (never an object member: node 0 is the top) when it is missing
  // (reported) or not an object (reported).
  std::uint32_t object_member(Object& o, int member) {
    const Node* n = o.need(member);
    if (n == nullptr) return 0;
    if (n->kind != Kind::object) {
      mismatch(o.path_of(member), "an object", *n);
      return 0;
    }
    return o.node_of(member);
  }

  // An amount member in minor units of `currency` (given elsewhere in the event).
  Money amount_in(Object& o, int member, Currency currency) {
    std::int64_t minor = 0;
    o.integer(member, -json_text::max_exact_integer, json_text::max_exact_integer, minor, "within ±9007199254740991");
    return Money(minor, currency);
  }

  ContactPointAdded contact_point_added(std::uint32_t node, const std::string& path) {
    ContactPointAdded p;
    // The kind decides the name of the point's member, so it is read first.
    std::optional<ContactPointKind> kind;
    for (std::uint32_t i = tree_.node(node).first; i != kNone; i = tree_.node(i).next) {
      const Node& n = tree_.node(i);
      if (tree_.key(n) == "kind" && n.kind == Kind::string) kind = parse_contact_point_kind(tree_.text(n));
    }
    if (!kind) {
      Object o(*this, node, path, kAddedAnyMembers);
      o.text(0, p.party_id);
      ContactPointKind ignored = ContactPointKind::phone;
      o.choice(1, 3, parse_contact_point_kind, ignored);
      return p;
    }
    Object o(*this, node, path, kAddedMembers[static_cast<std::size_t>(*kind)]);
    o.text(0, p.party_id);
    Provenance from;
    if (const std::uint32_t at = object_member(o, 2)) {
      const std::string point_path = o.path_of(2);
      switch (*kind) {
        case ContactPointKind::address: {
          Address a;
          Object m(*this, at, point_path, kAddressMembers);
          texts(m, 0, a.postal.lines);
          m.text(1, a.postal.city);
          m.text(2, a.postal.region);
          m.text(3, a.postal.postal_code);
          m.text(4, a.postal.country);
          m.text(5, a.time_zone);
          m.boolean(6, a.consent_mail);
          p.point = std::move(a);
          break;
        }
        case ContactPointKind::phone: {
          Phone ph;
          Object m(*this, at, point_path, kPhoneMembers);
          m.text(0, ph.number);
          m.choice(1, 4, parse_phone_kind, ph.kind);
          texts(m, 2, ph.time_zones);
          m.boolean(3, ph.consent_call);
          m.boolean(4, ph.consent_text);
          p.point = std::move(ph);
          break;
        }
        case ContactPointKind::email: {
          Email e;
          Object m(*this, at, point_path, kEmailMembers);
          m.text(0, e.address);
          m.boolean(1, e.consent_email);
          p.point = std::move(e);
          break;
        }
      }
    }
    o.text(3, from.source);
    o.date(4, from.first_seen);
    o.choice(5, 4, parse_contact_status, from.status);
    std::int64_t confidence = 0;
    if (o.integer(6, 0, 10000, confidence, "from 0 to 10000")) p.confidence_bp = static_cast<int>(confidence);
    std::visit([&](auto& point) { point.provenance = from; }, p.point);
    return p;
  }

  // An array of strings.
  void texts(Object& o, int member, std::vector<std::string>& out) {
    const Node* n = o.need(member);
    if (n == nullptr) return;
    if (n->kind != Kind::array) {
      mismatch(o.path_of(member), "an array", *n);
      return;
    }
    std::size_t index = 0;
    for (std::uint32_t i = n->first; i != kNone; i = tree_.node(i).next, ++index) {
      const Node& e = tree_.node(i);
      if (e.kind != Kind::string) {
        mismatch(element(o.path_of(member), index), "a string", e);
      } else {
        out.emplace_back(tree_.text(e));
      }
    }
  }

  // An amount in minor units with its currency code, from two members of `o`.
  Money money(Object& o, int amount_member, int currency_member) {
    std::int64_t minor = 0;
    Currency currency;
    o.integer(amount_member, -json_text::max_exact_integer, json_text::max_exact_integer, minor, "within ±9007199254740991");
    o.currency(currency_member, currency);
    return Money(minor, currency);
  }

  InconvenientTime inconvenient_time(std::uint32_t node, const std::string& path) {
    InconvenientTime t;
    const Node& n = tree_.node(node);
    if (n.kind != Kind::object) {
      mismatch(path, "an object", n);
      return t;
    }
    Object o(*this, node, path, kTimeMembers);
    if (const Node* w = o.need(0)) {
      const auto found = std::find(std::begin(kWeekdays), std::end(kWeekdays),
                                   w->kind == Kind::string ? tree_.text(*w) : std::string_view());
      if (w->kind != Kind::string || found == std::end(kWeekdays)) {
        mismatch(o.path_of(0), "a day \"monday\" to \"sunday\"", *w);
      } else {
        t.weekday = static_cast<Weekday>(found - std::begin(kWeekdays) + 1);
      }
    }
    for (int member : {1, 2}) {
      const Node* v = o.need(member);
      if (!v) continue;
      const int minutes = v->kind == Kind::string ? parse_time(tree_.text(*v)) : -1;
      if (minutes < 0) {
        mismatch(o.path_of(member), "a local time \"HH:MM\" from 00:00 to 24:00", *v);
      } else {
        (member == 1 ? t.from_minute : t.to_minute) = minutes;
      }
    }
    return t;
  }

  const Tree& tree_;
  std::string_view line_;
  ProblemSink& sink_;
  std::size_t problems_ = 0;
};

Object::Object(Decoder& decoder, std::uint32_t node, std::string path, std::span<const std::string_view> names)
    : d_(decoder), path_(std::move(path)), names_(names) {
  found_.fill(kNone);
  const Tree& tree = d_.tree();
  for (std::uint32_t i = tree.node(node).first; i != kNone; i = tree.node(i).next) {
    const std::string_view key = tree.key(tree.node(i));
    const auto at = std::find(names_.begin(), names_.end(), key);
    if (at == names_.end()) {
      d_.report(join(path_, key), "unknown member");
      continue;
    }
    std::uint32_t& slot = found_[static_cast<std::size_t>(at - names_.begin())];
    if (slot != kNone) {
      d_.report(join(path_, key), "member given twice");
      continue;
    }
    slot = i;
  }
}

const Node* Object::need(int member) {
  const std::uint32_t at = found_[static_cast<std::size_t>(member)];
  if (at == kNone) {
    d_.report(path_of(member), "required member is missing");
    return nullptr;
  }
  return &d_.tree().node(at);
}

bool Object::text(int member, std::string& out) {
  const Node* n = need(member);
  if (!n) return false;
  if (n->kind != Kind::string) {
    d_.mismatch(path_of(member), "a string", *n);
    return false;
  }
  out = std::string(d_.tree().text(*n));
  return true;
}

bool Object::id(int member, EventId& out) {
  const Node* n = need(member);
  if (!n) return false;
  const std::optional<EventId> id = n->kind == Kind::string ? EventId::parse(d_.tree().text(*n)) : std::nullopt;
  if (!id) {
    d_.mismatch(path_of(member), "an event id of 32 lowercase hex digits", *n);
    return false;
  }
  out = *id;
  return true;
}

bool Object::instant(int member, Instant& out) {
  const Node* n = need(member);
  if (!n) return false;
  const std::optional<Instant> at = n->kind == Kind::string ? Instant::parse(d_.tree().text(*n)) : std::nullopt;
  if (!at) {
    d_.mismatch(path_of(member), "a UTC instant \"YYYY-MM-DDTHH:MM:SSZ\"", *n);
    return false;
  }
  out = *at;
  return true;
}

bool Object::date(int member, Date& out) {
  const Node* n = need(member);
  if (!n) return false;
  const std::optional<Date> day = n->kind == Kind::string ? Date::parse(d_.tree().text(*n)) : std::nullopt;
  if (!day) {
    d_.mismatch(path_of(member), "a date \"YYYY-MM-DD\"", *n);
    return false;
  }
  out = *day;
  return true;
}

bool Object::integer(int member, std::int64_t low, std::int64_t high, std::int64_t& out, std::string_view range) {
  const Node* n = need(member);
  if (!n) return false;
  if (n->kind == Kind::out_of_range || (n->kind == Kind::integer && (n->number < low || n->number > high))) {
    d_.report(path_of(member), "must be " + std::string(range));
    return false;
  }
  if (n->kind != Kind::integer) {
    d_.mismatch(path_of(member), "an integer", *n);
    return false;
  }
  out = n->number;
  return true;
}

bool Object::boolean(int member, bool& out) {
  const Node* n = need(member);
  if (!n) return false;
  if (n->kind != Kind::boolean) {
    d_.mismatch(path_of(member), "true or false", *n);
    return false;
  }
  out = n->flag;
  return true;
}

bool Object::currency(int member, Currency& out) {
  const Node* n = need(member);
  if (!n) return false;
  const std::optional<Currency> c = n->kind == Kind::string ? Currency::find(d_.tree().text(*n)) : std::nullopt;
  if (!c) {
    d_.mismatch(path_of(member), "a currency code such as \"USD\"", *n);
    return false;
  }
  out = *c;
  return true;
}

template <class E>
bool Object::choice(int member, int count, std::optional<E> (*parse)(std::string_view), E& out) {
  const Node* n = need(member);
  if (!n) return false;
  const std::optional<E> v = n->kind == Kind::string ? parse(d_.tree().text(*n)) : std::nullopt;
  if (!v) {
    d_.mismatch(path_of(member), json_text::one_of_spellings<E>(count), *n);
    return false;
  }
  out = *v;
  return true;
}

bool Object::channels(int member, std::vector<ContactChannel>& out) {
  const Node* n = need(member);
  if (!n) return false;
  if (n->kind != Kind::array) {
    d_.mismatch(path_of(member), "an array", *n);
    return false;
  }
  bool ok = true;
  std::size_t index = 0;
  for (std::uint32_t i = n->first; i != kNone; i = d_.tree().node(i).next, ++index) {
    const Node& e = d_.tree().node(i);
    const std::optional<ContactChannel> c =
        e.kind == Kind::string ? parse_contact_channel(d_.tree().text(e)) : std::nullopt;
    if (!c) {
      d_.mismatch(element(path_of(member), index), json_text::one_of_spellings<ContactChannel>(5), e);
      ok = false;
    } else {
      out.push_back(*c);
    }
  }
  return ok;
}

// Parses one JSON text into `tree`; on a syntax error reports it at "line L, column C" (lines counted from
// `first_line`) and gives false.
bool parse_into(Tree& tree, std::string_view text, std::size_t first_line, ProblemSink& sink, std::string& buffer) {
  tree.clear();
  if (json::scan(text, tree, buffer) == json::Scan::done) return true;
  // Not JSON (or nested deeper than the scanner follows): nlohmann's parser reads it again and names the error.
  tree.clear();
  nlohmann::json::sax_parse(text.begin(), text.end(), &tree);
  if (tree.error().empty()) return true;
  const auto [line, column] = json_text::line_and_column(text, tree.error_at());
  sink.add("line " + std::to_string(first_line + line - 1) + ", column " + std::to_string(column), tree.error());
  return false;
}

// [SECTION] Saver -----------------------------------------------------------------------------------------------------

void write_channels(json::JsonWriter& w, std::string_view name, const std::vector<ContactChannel>& channels) {
  w.key(name);
  w.begin_array();
  for (ContactChannel c : channels) w.string(to_string(c));
  w.end_array();
}

void write_money(json::JsonWriter& w, Money amount) {
  w.key("amount");
  w.integer(amount.minor());
  w.key("currency");
  w.string(amount.currency().code());
}

struct PayloadWriter {
  json::JsonWriter& w;

  void operator()(const ContactAttempted& p) const {
    w.key("party_id");
    w.string(p.party_id);
    w.key("channel");
    w.string(to_string(p.channel));
    w.key("contact_point");
    w.string(p.contact_point);
    w.key("direction");
    w.string(to_string(p.direction));
  }
  void operator()(const OutcomeRecorded& p) const {
    w.key("attempt_id");
    w.string(p.attempt_id.hex());
    w.key("outcome");
    w.string(to_string(p.outcome));
    w.key("conversation");
    w.boolean(p.conversation);
  }
  void operator()(const PartyVerified& p) const {
    w.key("party_id");
    w.string(p.party_id);
    w.key("method");
    w.string(to_string(p.method));
    w.key("questions_passed");
    w.integer(p.questions_passed);
  }
  void operator()(const PromiseMade& p) const {
    write_money(w, p.amount);
    w.key("due");
    w.string(p.due.iso());
  }
  void operator()(const PlanAccepted& p) const {
    w.key("request");
    w.string(p.request);
    w.key("quote_digest");
    w.string(p.quote_digest);
  }
  void operator()(const PaymentPosted& p) const {
    write_money(w, p.amount);
    w.key("date");
    w.string(p.date.iso());
    w.key("method");
    w.string(to_string(p.method));
    w.key("allocation");
    w.begin_object();
    w.key("fees");
    w.integer(p.allocation.fees.minor());
    w.key("interest");
    w.integer(p.allocation.interest.minor());
    w.key("principal");
    w.integer(p.allocation.principal.minor());
    w.end_object();
    w.key("receipt");
    w.string(p.receipt);
  }
  void operator()(const PaymentReversed& p) const {
    w.key("payment_id");
    w.string(p.payment_id.hex());
    w.key("reason");
    w.string(to_string(p.reason));
    w.key("date");
    w.string(p.date.iso());
  }
  void operator()(const BalanceAdjusted& p) const {
    w.key("part");
    w.string(to_string(p.part));
    w.key("direction");
    w.string(to_string(p.direction));
    write_money(w, p.amount);
    w.key("date");
    w.string(p.date.iso());
    w.key("reason");
    w.string(p.reason);
  }
  void operator()(const LetterIssued& p) const {
    w.key("party_id");
    w.string(p.party_id);
    w.key("template_id");
    w.string(p.template_id);
    w.key("template_version");
    w.string(p.template_version);
    w.key("locale");
    w.string(p.locale);
    w.key("address");
    w.string(p.address);
    w.key("provided");
    w.string(p.provided.iso());
    const Balance& f = p.figures;
    w.key("figures");
    w.begin_object();
    w.key("currency");
    w.string(f.principal.currency().code());
    w.key("itemisation_date");
    w.string(f.itemisation_date.iso());
    for (const auto& [name, amount] : {std::pair<std::string_view, Money>{"principal", f.principal},
                                       {"interest", f.interest},
                                       {"fees", f.fees},
                                       {"payments", f.payments},
                                       {"credits", f.credits}}) {
      w.key(name);
      w.integer(amount.minor());
    }
    w.end_object();
    w.key("document_digest");
    w.string(p.document_digest);
  }
  void operator()(const ContactPointAdded& p) const {
    w.key("party_id");
    w.string(p.party_id);
    w.key("kind");
    w.string(to_string(p.kind()));
    w.key(to_string(p.kind()));
    w.begin_object();
    std::visit([this](const auto& point) { point_members(point); }, p.point);
    w.end_object();
    const Provenance& from = p.provenance();
    w.key("source");
    w.string(from.source);
    w.key("seen");
    w.string(from.first_seen.iso());
    w.key("status");
    w.string(to_string(from.status));
    w.key("confidence_bp");
    w.integer(p.confidence_bp);
  }
  void point_members(const Address& a) const {
    w.key("lines");
    w.begin_array();
    for (const std::string& line : a.postal.lines) w.string(line);
    w.end_array();
    w.key("city");
    w.string(a.postal.city);
    w.key("region");
    w.string(a.postal.region);
    w.key("postal_code");
    w.string(a.postal.postal_code);
    w.key("country");
    w.string(a.postal.country);
    w.key("time_zone");
    w.string(a.time_zone);
    w.key("consent_mail");
    w.boolean(a.consent_mail);
  }
  void point_members(const Phone& p) const {
    w.key("number");
    w.string(p.number);
    w.key("kind");
    w.string(to_string(p.kind));
    w.key("time_zones");
    w.begin_array();
    for (const std::string& zone : p.time_zones) w.string(zone);
    w.end_array();
    w.key("consent_call");
    w.boolean(p.consent_call);
    w.key("consent_text");
    w.boolean(p.consent_text);
  }
  void point_members(const Email& e) const {
    w.key("address");
    w.string(e.address);
    w.key("consent_email");
    w.boolean(e.consent_email);
  }
  void operator()(const ComplianceException& p) const {
    w.key("event_id");
    w.string(p.event_id.hex());
    w.key("rules");
    w.begin_array();
    for (const BrokenRule& r : p.rules) {
      w.begin_object();
      w.key("rule_id");
      w.string(r.rule_id);
      w.key("citation");
      w.string(r.citation);
      w.key("words");
      w.string(r.words);
      w.end_object();
    }
    w.end_array();
  }
  void operator()(const ConsentChanged& p) const {
    w.key("party_id");
    w.string(p.party_id);
    w.key("kind");
    w.string(to_string(p.kind));
    w.key("point");
    w.string(p.point);
    w.key("channel");
    w.string(to_string(p.channel));
    w.key("given");
    w.boolean(p.given);
  }
  void operator()(const DisputeOpened& p) const {
    w.key("party_id");
    w.string(p.party_id);
    w.key("reason");
    w.string(p.reason);
    w.key("received");
    w.string(p.received.iso());
  }
  void operator()(const CeaseRequested& p) const {
    w.key("party_id");
    w.string(p.party_id);
    w.key("scope");
    w.string(to_string(p.scope));
    write_channels(w, "channels", p.channels);
  }
  void operator()(const PreferenceSet& p) const {
    w.key("party_id");
    w.string(p.party_id);
    w.key("avoid_times");
    w.begin_array();
    for (const InconvenientTime& t : p.avoid_times) {
      w.begin_object();
      w.key("weekday");
      const int day = static_cast<int>(t.weekday);
      w.string(day >= 1 && day <= 7 ? kWeekdays[day - 1] : std::string_view("?"));
      w.key("from");
      w.string(format_time(std::clamp(t.from_minute, 0, 1440)));
      w.key("to");
      w.string(format_time(std::clamp(t.to_minute, 0, 1440)));
      w.end_object();
    }
    w.end_array();
    write_channels(w, "avoid_channels", p.avoid_channels);
  }
  void operator()(const ContactPointUpdated& p) const {
    w.key("party_id");
    w.string(p.party_id);
    w.key("kind");
    w.string(to_string(p.kind));
    w.key("point");
    w.string(p.point);
    w.key("status");
    w.string(to_string(p.status));
  }
  void operator()(const Escalated& p) const {
    w.key("to");
    w.string(to_string(p.to));
    w.key("reason");
    w.string(p.reason);
  }
};

void write_event(json::JsonWriter& w, const Event& e) {
  w.begin_object();
  w.key("id");
  w.string(e.id.hex());
  w.key("type");
  w.string(to_string(e.kind()));
  w.key("account_id");
  w.string(e.account_id);
  w.key("recorded_at");
  w.string(e.recorded_at.iso());
  w.key("author");
  w.begin_object();
  w.key("user");
  w.string(e.author.user);
  w.key("device");
  w.string(e.author.device);
  w.end_object();
  w.key("sequence");
  w.integer(static_cast<std::int64_t>(std::min(e.sequence, std::uint64_t{INT64_MAX})));
  w.key("payload");
  w.begin_object();
  std::visit(PayloadWriter{w}, e.payload);
  w.end_object();
  w.end_object();
}

}  // namespace

// [SECTION] API -------------------------------------------------------------------------------------------------------

EventLoad load_event(std::string_view json_object) {
  ProblemSink sink;
  Tree tree;
  std::string buffer;
  EventLoad out;
  if (parse_into(tree, json_object, 1, sink, buffer)) {
    Decoder decoder(tree, "", sink);
    std::optional<Event> e = decoder.event();
    if (sink.count() == 0) out.event = std::move(e);
  }
  out.problems = sink.finish();
  return out;
}

std::string save_event(const Event& event) {
  json::JsonWriter w;
  write_event(w, event);
  return w.take();
}

EventLinesLoad load_event_lines(std::string_view json_lines) {
  ProblemSink sink;
  Tree tree;
  std::string buffer;  // strings with escapes, while scanning
  EventLinesLoad out;
  std::vector<std::size_t> lines;  // the line of each event in out.events
  std::size_t line = 0;
  std::size_t start = 0;
  std::string prefix;
  while (start < json_lines.size()) {
    ++line;
    std::size_t end = json_lines.find('\n', start);
    if (end == std::string_view::npos) end = json_lines.size();
    std::string_view text = json_lines.substr(start, end - start);
    start = end + 1;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (!parse_into(tree, text, line, sink, buffer)) continue;
    prefix = "line " + std::to_string(line);
    Decoder decoder(tree, prefix, sink);
    if (std::optional<Event> e = decoder.event()) {
      out.events.push_back(std::move(*e));
      lines.push_back(line);
    }
  }

  // Repeated ids: sort event indices by id, then compare neighbours.
  std::vector<std::uint32_t> by_id(out.events.size());
  for (std::size_t i = 0; i < by_id.size(); ++i) by_id[i] = static_cast<std::uint32_t>(i);
  std::sort(by_id.begin(), by_id.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (out.events[a].id != out.events[b].id) return out.events[a].id < out.events[b].id;
    return a < b;
  });
  std::vector<bool> drop(out.events.size(), false);
  std::vector<std::pair<std::size_t, std::size_t>> conflicts;  // (later line, first line)
  for (std::size_t k = 1; k < by_id.size(); ++k) {
    const std::uint32_t first = by_id[k - 1];
    const std::uint32_t later = by_id[k];
    if (out.events[first].id != out.events[later].id) continue;
    // `first` may itself be a dropped repeat; the first line of the id is what the problem names.
    std::size_t origin = k - 1;
    while (origin > 0 && out.events[by_id[origin - 1]].id == out.events[later].id) --origin;
    if (out.events[by_id[origin]] == out.events[later]) {
      drop[later] = true;
    } else {
      conflicts.emplace_back(lines[later], lines[by_id[origin]]);
    }
  }
  std::sort(conflicts.begin(), conflicts.end());
  for (const auto& [later, first] : conflicts) {
    sink.add("line " + std::to_string(later) + ": id",
             "same id as line " + std::to_string(first) + " with different content");
  }

  out.problems = sink.finish();
  if (!out.problems.empty()) {
    out.events.clear();
    return out;
  }
  if (std::find(drop.begin(), drop.end(), true) != drop.end()) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < out.events.size(); ++i) {
      if (drop[i]) continue;
      if (kept != i) out.events[kept] = std::move(out.events[i]);
      ++kept;
    }
    out.events.resize(kept);
  }
  return out;
}

JournalLoad load_journal(std::string_view json_lines) {
  EventLinesLoad lines = load_event_lines(json_lines);
  JournalLoad out;
  out.problems = std::move(lines.problems);
  if (!out.problems.empty()) return out;
  Journal journal;
  journal.add_all(std::move(lines.events));
  out.journal = std::move(journal);
  return out;
}

std::string save_event_lines(const EventRange& events) {
  json::JsonWriter w;
  w.reserve(events.size() * 256);
  for (const Event& e : events) {
    write_event(w, e);
    w.text() += '\n';
  }
  return w.take();
}

std::string save_journal(const Journal& journal) {
  return save_event_lines(journal.events());
}

}  // namespace parley
