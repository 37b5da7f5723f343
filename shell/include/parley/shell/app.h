#pragma once
// The Parley shell: the Dear ImGui application that both hosts (browser and desktop window) run unchanged.
//
// Index of this file:
// [SECTION] Display scale   how the host's pixels relate to ImGui coordinates
// [SECTION] Widget rects    where named widgets were drawn this frame (the test hook)
// [SECTION] Host services   the clock, ids and author the host supplies (the shell has none of its own)
// [SECTION] Quoter inputs   the plan quoter's edited request and its live quote
// [SECTION] App             state + scratch + fonts; one call per frame
//
// The host owns the window, the GL context and the loop; both hosts run the same frame loop
// (parley/shell/frame_host.h): the platform and renderer backends' NewFrame, then ImGui::NewFrame(), App::frame(),
// ImGui::Render() and the drawing. The host does all I/O (files, fetch) and hands results in with App::dispatch().
// ImGui coordinates are window (CSS) pixels; the font is rasterised at the pixel ratio so text stays crisp on
// high-density screens.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/calendar/calendar_choice.h"
#include "parley/journal/event.h"
#include "parley/plans/plan.h"
#include "parley/plans/policy_check.h"
#include "parley/time_zone.h"

#include "parley/shell/state.h"

namespace parley::shell {

// [SECTION] Display scale -------------------------------------------------------------------------------------

struct DisplayScale {
  float pixel_ratio = 1.0f;  // `pixel_ratio`: framebuffer pixels per ImGui unit (CSS devicePixelRatio); default = 1
  float ui_scale = 1.0f;     // `ui_scale`: extra zoom of fonts and spacing (desktop content scale); default = 1
  friend bool operator==(const DisplayScale&, const DisplayScale&) = default;
};

// [SECTION] Widget rects --------------------------------------------------------------------------------------

struct WidgetRect {
  float x = 0, y = 0, w = 0, h = 0;  // top-left and size in ImGui coordinates (window / CSS pixels)
};

// Named widget rectangles of the frame being built; cleared when a frame starts.
class WidgetRects {
 public:
  void clear() { rects_.clear(); }
  void record(const std::string& name);                                    // the last item's rectangle
  void record(const std::string& name, float x0, float y0, float x1, float y1);  // an explicit rectangle
  const std::map<std::string, WidgetRect>& all() const { return rects_; }  // by name

 private:
  std::map<std::string, WidgetRect> rects_;
};

// [SECTION] Host services -------------------------------------------------------------------------------------

// What only the host can provide. A missing function falls back to a deterministic value: the clock to midnight
// UTC of the portfolio's as_of date, ids to a counter (0, 1), (0, 2), ... Tests rely on the fallbacks.
struct HostServices {
  std::function<Instant()> now;     // the host's clock (UTC); its date is the quoter's "today"
  std::function<EventId()> new_id;  // a fresh, globally unique event id (random or time-ordered)
  Author author{"local-user", "local-device"};  // who records offers from this installation
  std::string time_zone;            // the collector's IANA zone name ("Europe/London"); empty or unknown: UTC
  ScriptContext caller;             // the limited-content message's caller name (default: author.user), business
                                    // name and callback number
  // Called once for every event the shell appends to AppState::journal (offers, contacts, ...), in journal order,
  // right after the action that appended it; never for events the host handed in (JournalReceived). The host
  // stores or sends it (a file, the server's POST /api/events) and reports back with actions. Must not call
  // App::dispatch itself.
  std::function<void(const Event&)> publish;
};

// The services of a host with a system clock and an OS random source: UTC now, random 128-bit ids (UUIDv4
// layout), and the author "local-user" on device "<device_kind>-<16 hex digits>", new for each run.
HostServices system_host_services(std::string_view device_kind);

// A journal file (the desktop host's `--journal FILE.jsonl`): JSON Lines, one event per line, appended and
// fsync'd one event at a time. Reading it keeps every complete line; a last line cut short (no newline and not
// an event: a crash mid-write) is reported, moved to FILE.truncated and cut from the file so appends stay clean.
// Any other bad line is a problem and nothing is read: an event is never silently dropped.
struct JournalFileRead {
  std::string lines;            // the complete events' lines, to hand in as JournalReceived
  std::size_t events = 0;       // events in `lines`
  Problems problems;            // the file could not be read or holds a bad line; `lines` is then empty
  std::string truncated;        // "line N: ... kept in FILE.truncated" when a cut-short last line was set aside
};
JournalFileRead read_journal_file(const std::string& path);  // a missing file is an empty journal
// Appends one event's line and fsyncs; nullopt on success, else why it failed.
std::optional<std::string> append_journal_file(const std::string& path, const Event& event);

// [SECTION] Quoter inputs -------------------------------------------------------------------------------------

// The plan quoter's state for the selected account: the request being edited and the quote of it, recomputed
// by core whenever the request changes. Reset when another account is selected. The request holds either
// instalment terms or settlement terms; the other mode's terms are kept aside so switching back restores them.
struct QuoterInputs {
  std::string account_id;                // whose inputs these are; empty: not set up yet
  plans::PlanRequest request;            // balance, policy, method, fees, calendar and the terms edited
  bool settlement = false;               // true: request.settlement is edited; false: request.plan
  std::optional<plans::InstalmentTerms> aside_plan;          // the plan terms while the settlement is edited
  std::optional<plans::SettlementTerms> aside_settlement;    // the settlement terms while the plan is edited
  bool by_amount = false;                // true: the customer names an affordable instalment; false: a term
  int instalments = 12;                  // the term while by_amount is false
  std::int64_t affordable_minor = 0;     // the affordable instalment while by_amount is true
  char down_payment_text[32] = {};       // the down payment box, as a plain decimal
  char affordable_text[32] = {};         // the affordable instalment box, as a plain decimal
  char first_payment_text[16] = {};      // the first payment date box, "YYYY-MM-DD"
  char settlement_text[32] = {};         // the settlement amount box, as a plain decimal
  CalendarChoice calendar_choice;        // core's calendar for the account (jurisdiction, else address)
  bool calendar_picked = false;          // the collector picked the calendar; else the choice applies once loaded
  std::optional<plans::PlanRequest> quoted;  // the request the fields below describe
  const Calendar* quoted_calendar = nullptr;  // the calendar it was quoted with; compared, never read through
  std::optional<plans::Quote> quote;     // its quote, when it quotes
  Problems problems;                     // why it does not quote
  plans::PolicyCheck check;              // violations and approvals of the quote
  std::string focused;                   // the quoter widget with keyboard focus this frame ("quoter.term")
};

// [SECTION] Contact inputs ------------------------------------------------------------------------------------

inline constexpr int identity_question_count = 5;  // IdentityQuestion's values, birth_date .. city

// The contact panel's inputs for the selected account: which party and channel the compliance banner checks, the
// contact point, the identity answers being typed and the outcome details. Reset when another account is selected.
struct ContactInputs {
  std::string account_id;                      // whose inputs these are; empty: not set up yet
  int party = 0;                               // index into the account's parties
  ContactChannel channel = ContactChannel::phone;
  int point = 0;                               // index into the party's usable points for the channel
  char answers[identity_question_count][64] = {};  // one box per IdentityQuestion, by its value
  char promise_amount[32] = {};                // promise-to-pay amount, as a plain decimal
  char promise_due[16] = {};                   // promise-to-pay due date, "YYYY-MM-DD"
  char dispute_reason[128] = {};               // dispute: in the party's words
  bool cease_this_channel_only = false;        // cease-request: only the attempt's channel (else every channel)
  std::string notice;                          // why the last button pressed did nothing; empty: none
  std::optional<Decision> banner;              // the banner's decision this frame (the test hook reads it)
  std::string banner_party;                    // the party id that decision is about
  std::vector<std::string> next_debtor;        // the banner's next allowed time in each of the debtor's zones
  std::string next_collector;                  // ... and in the collector's zone; empty when allowed or never
};

// [SECTION] App -----------------------------------------------------------------------------------------------

// Transient widget state that ImGui needs kept between frames; never part of AppState.
struct UiScratch {
  char filter[128] = {};          // the queue's filter text box
  WidgetRects widgets;            // the test hook's record of this frame
  Date today;                     // the host's date this frame (the quoter's quote date)
  Instant now;                    // the host's clock this frame (compliance checks); as_of midnight UTC without one
  TimeZone collector_zone;        // the collector's zone (HostServices::time_zone), for times shown to them
  QuoterInputs quoter;            // the plan quoter of the selected account
  ContactInputs contact;          // the contact panel of the selected account
  ScriptContext caller;           // HostServices::caller, for the contact script
};

class App {
 public:
  // Needs a current ImGui context. `font_ttf`: the TrueType bytes of the UI font (DejaVu Sans); empty falls back
  // to ImGui's built-in font, which lacks the euro sign.
  // `host`: the clock, id source and author used to record offers. Hosts enable ImGui's keyboard navigation
  // (ImGuiConfigFlags_NavEnableKeyboard) once their backend maps the keys: every widget is reachable by Tab.
  explicit App(std::vector<unsigned char> font_ttf, HostServices host = {});

  void dispatch(Action action);                 // applies one action now (hosts call it between frames)
  bool set_display_scale(DisplayScale scale);   // rebuilds fonts and style if changed; true: re-upload the font texture
  void frame();                                 // builds one frame's UI: between ImGui::NewFrame() and ImGui::Render()

  const AppState& state() const { return state_; }
  int frames() const { return frames_; }        // frames built so far
  const QuoterInputs& quoter() const { return scratch_.quoter; }  // the plan quoter's request and live quote
  std::string test_state_json() const;          // the test hook's state, as below

  // Test hook state (a contract with the browser end-to-end tests; keep it exactly):
  //   {"frame": <frames built>, "status": "loading"|"ready"|"error", "error": "<problems, one per line, or empty>",
  //    "accounts": <count loaded>, "selected": "<account id or empty>",
  //    "widgets": {"queue.table": {"x":..,"y":..,"w":..,"h":..}, "queue.row.<account id>": {..} (each visible
  //                row's selectable, clipped to the visible part of the table), "account.panel": {..},
  //                "quoter.panel", "quoter.down_payment", "quoter.term", "quoter.schedule", "quoter.offer",
  //                "quoter.apply" (the first violation's Apply button, when there is one), and the other quoter
  //                widgets named in QuoterInputs::focused ("quoter.mode.settlement", "quoter.settlement_amount",
  //                ...): {..}},
  //    "quote": {"instalments": n, "total_of_payments": <minor units>, "violations": n, "approvals": n,
  //              "kind": "instalments"|"settlement", "calendar": "<calendar id or empty>", "day_roll": "following"..,
  //              "rolled": <rows whose due date was moved>, "focus": "<quoter widget with keyboard focus or empty>"}
  //             or null when no quote,
  //    "offers": <PlanAccepted events recorded for the selected account>,
  //    "offer_sync": ["unsent"|"accepted"|"rejected", ...] (each of those offers' server status, in order),
  //    "contact": null when no account is selected, else {"party": "<party id the banner checks>",
  //               "channel": "phone"|"sms"|"email"|"letter", "allowed": bool, "reasons": ["<rule id>", ...],
  //               "next_allowed": {"debtor": ["Tue 2026-11-03 08:00 EST (America/New_York)", ...],
  //                                "collector": "<the same instant in the collector's zone>"} or null,
  //               "session": {"party": "<id>", "channel": "<channel>", "state": "unverified"|"verified"} or null,
  //               "refused": ["<rule id>", ...] (the last refused start on this account) or null,
  //               "problems": ["<problem text>", ...], "notice": "<why the last button did nothing, or empty>",
  //               "events": <journal events of the account>, "debt_hidden": bool,
  //               "caller": {"name", "business", "callback"} (what the limited-content message says)}}
  //    Contact widgets: "contact.panel", "contact.banner", "contact.party", "contact.channel", "contact.point",
  //    "contact.call", "contact.refused", "contact.session", "contact.script", "contact.answer.<question>",
  //    "contact.verify", "contact.outcome.<outcome>" (every outcome, open or not), "account.debt_hidden".
  // Rectangles are in ImGui coordinates: window (CSS) pixels from the window's (canvas's) top-left corner.

 private:
  void rebuild_fonts();
  void apply(Action action);                    // stamps RecordOffer and the contact actions, then update()
  EventId next_event_id();                      // the host's next id, or the fallback counter's
  Instant host_now() const;                     // the host's clock, or midnight UTC of the portfolio's as_of date
  void publish_new_events(const Journal* before);  // host_.publish for each event not in `before`, in order
  static constexpr int max_contact_events = 4;  // ids stamped on FinishContact: more than any outcome produces

  AppState state_;
  UiScratch scratch_;
  Dispatch dispatch_;
  std::vector<unsigned char> font_ttf_;         // kept alive: the atlas reads it when it rebuilds
  HostServices host_;
  std::uint64_t next_id_ = 0;                   // the fallback id counter
  DisplayScale scale_;
  bool fonts_built_ = false;
  int frames_ = 0;
};

}  // namespace parley::shell
