#pragma once
// The Parley shell: the Dear ImGui application that both hosts (browser and desktop window) run unchanged.
//
// Index of this file:
// [SECTION] Display scale   how the host's pixels relate to ImGui coordinates
// [SECTION] Widget rects    where named widgets were drawn this frame (the test hook)
// [SECTION] Host services   the clock, ids and author the host supplies (the shell has none of its own)
// [SECTION] Quoter inputs   the plan quoter's text boxes (its terms and quote are AppState::quoter)
// [SECTION] Contact inputs  the contact panel's text boxes
// [SECTION] App             state + scratch + fonts; one call per frame; the effects run through the host
//
// The host owns the window, the GL context and the loop; both hosts run the same frame loop
// (parley/shell/frame_host.h): the platform and renderer backends' NewFrame, then ImGui::NewFrame(), App::frame(),
// ImGui::Render() and the drawing. The host does all I/O (files, fetch) and hands results in with App::dispatch().
// ImGui coordinates are window (CSS) pixels; the font is rasterised at the pixel ratio so text stays crisp on
// high-density screens.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
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

// What only the host can provide. A missing function falls back to a deterministic value: the clock to the start
// of the portfolio's as_of date in the agency's time zone (UTC without an agency), ids to a counter (0, 1), (0, 2),
// ... Tests rely on the fallbacks.
struct HostServices {
  std::function<Instant()> now;     // the host's clock (UTC); the agency's day at it is "today" (agency_today)
  std::function<EventId()> new_id;  // a fresh, globally unique event id (random or time-ordered)
  Author author{"local-user", "local-device"};  // who records offers from this installation
  std::string time_zone;            // the collector's IANA zone name ("Europe/London"); empty or unknown: UTC
  ScriptContext caller;             // the limited-content message's caller name (default: author.user), business
                                    // name and callback number (default: the portfolio agency's phone)
  // Runs PublishEvents: called once per action that recorded events (offers, contacts, letters), with them in the
  // order appended, right after the action; never for events the host handed in (JournalReceived). The host
  // stores or sends them (a file, the server's POST /api/events) and reports back with actions. Must not call
  // App::dispatch itself.
  std::function<void(std::span<const Event>)> publish;
  // Charges the payments taken on a call; null: the built-in SandboxProcessor, which moves no money.
  std::shared_ptr<PaymentProcessor> processor;
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
// Appends the events' lines and fsyncs once; nullopt on success, else why it failed.
std::optional<std::string> append_journal_file(const std::string& path, std::span<const Event> events);

// [SECTION] Quoter inputs -------------------------------------------------------------------------------------

// The quoter's text boxes, as typed: loaded from the model's terms (QuoterSlice) whenever update replaced them,
// parsed back into terms the screen sends with EditQuote.
struct QuoterInputs {
  std::string account_id;                // whose boxes these are
  std::uint64_t revision = ~std::uint64_t{0};  // QuoterSlice::revision they were loaded from
  char down_payment_text[32] = {};       // the down payment box, as a plain decimal
  char affordable_text[32] = {};         // the affordable instalment box, as a plain decimal
  char first_payment_text[16] = {};      // the first payment date box, "YYYY-MM-DD"
  char settlement_text[32] = {};         // the settlement amount box, as a plain decimal
  char referral_note[256] = {};          // the note that goes with a plan referred to a supervisor
  std::string focused;                   // the quoter widget with keyboard focus this frame ("quoter.term")
  std::string apr;                       // the APR the totals showed this frame; empty: none shown
};

// [SECTION] Contact inputs ------------------------------------------------------------------------------------

inline constexpr int identity_question_count = 5;  // IdentityQuestion's values, birth_date .. city

// The contact panel's text boxes for the selected account: the identity answers being typed and the outcome
// details, and what the panel drew this frame for the test hook. Reset when another account is selected.
struct ContactInputs {
  std::string account_id;                      // whose inputs these are; empty: not set up yet
  char answers[identity_question_count][64] = {};  // one box per IdentityQuestion, by its value
  char promise_amount[32] = {};                // promise-to-pay amount, as a plain decimal
  char promise_due[16] = {};                   // promise-to-pay due date, "YYYY-MM-DD"
  char dispute_reason[128] = {};               // dispute: in the party's words
  bool cease_this_channel_only = false;        // cease-request: only the attempt's channel (else every channel)
  bool original_creditor_asked = false;        // dispute: asks for the original creditor's name and address
  std::string notice;                          // why the last button pressed did nothing; empty: none
  std::optional<Decision> banner;              // the banner's decision as drawn this frame; nullopt: not drawn
  std::string banner_party;                    // the party that decision is about
  std::vector<std::string> next_debtor;        // the banner's next allowed time in each of the debtor's zones
  std::string next_collector;                  // ... and in the collector's zone; empty when allowed or never
  // The add-party form (an attorney who wrote, a relative who called), cleared once the party is recorded.
  int add_role = 0;                            // index into the roles the form offers, attorney first
  char add_given[64] = {};
  char add_family[96] = {};                    // a law firm: its name here
  std::string add_represents;                  // the party an attorney represents; empty: the debtor
  int add_source = 0;                          // index into the sources the form offers
  char add_phone[24] = {};                     // E.164, optional
  int add_phone_kind = 0;                      // index into the phone kinds the form offers, work first
  char add_zone[48] = {};                      // the zone of the phone and the address: the debtor's by default
  char add_email[128] = {};                    // optional
  char add_street[128] = {};                   // optional: the postal address, one street line
  char add_city[64] = {};
  char add_region[32] = {};
  char add_postal_code[16] = {};
  char add_country[3] = {};                    // ISO 3166-1 alpha-2: the account's by default
  std::string added_seen;                      // the ContactSlice::added_party the form was cleared for
  // The protection form: a public body's notice for the picked party (a breathing space, a surendettement).
  int protection = 0;                          // index into the protections the form offers
  char protection_starts[16] = {};             // "YYYY-MM-DD": today by default
  char protection_ends[16] = {};               // "YYYY-MM-DD", or empty: until a notice ends it
  char protection_reference[max_protection_reference_bytes + 1] = {};
  char recontact_reason[512] = {};             // why a third party's earlier location answer seems wrong
  // The form for what reached the agency in writing from the picked party: a dispute, an original-creditor request,
  // a cease request.
  int written_request = 0;                     // index into the requests the form offers
  int written_via = 0;                         // index into the written media the form offers, letter first
  char written_received[16] = {};              // "YYYY-MM-DD": today by default
  char written_reason[256] = {};               // a dispute's words
  // The callback form: a day and time on the party's clock, and what the call is for.
  char callback_date[16] = {};                 // "YYYY-MM-DD": today by default
  char callback_time[8] = {};                  // "HH:MM"
  char callback_note[256] = {};
  // The payment form of a call: cleared of every number the moment it is sent to the processor.
  char pay_amount[24] = {};
  int pay_kind = 0;                            // 0: card; 1: bank account (a US routing and account number in the
                                               // US, an IBAN elsewhere)
  char pay_card[24] = {};
  char pay_expiry[8] = {};                     // "MM/YY"
  char pay_code[5] = {};
  char pay_routing[10] = {};
  char pay_account[18] = {};
  char pay_iban[40] = {};
};

// What the account panel and the queue drew this frame, for the test hook.
struct PanelShown {
  std::string account_id;                      // the account the panel showed; empty: none
  std::string balance;                         // "Balance now" as shown
  std::vector<std::string> promises;           // "<amount> due <date>: <status>"
  std::vector<std::string> plans;              // "<status>: <paid> of <total>"
  std::vector<std::string> holds;              // the holds' lines
  std::vector<std::string> protections;        // the protections' lines
  std::map<std::string, std::string> rows;     // queue row account id -> the balance it shows
};

// [SECTION] App -----------------------------------------------------------------------------------------------

// Transient widget state that ImGui needs kept between frames; never part of AppState.
struct UiScratch {
  char filter[128] = {};          // the queue's filter text box
  WidgetRects widgets;            // the test hook's record of this frame
  TimeZone collector_zone;        // the collector's zone (HostServices::time_zone), for times shown to them
  QuoterInputs quoter;            // the plan quoter's text boxes
  ContactInputs contact;          // the contact panel of the selected account
  PanelShown shown;               // what the account panel and the queue drew
  ScriptContext caller;           // the limited-content message's caller, business and callback number: the host's
                                  // (HostServices::caller), the callback falling back to the agency's number
  bool sandbox_payments = true;   // the host's payment processor is the sandbox: the payment form says so
  std::string user;               // the host's user (HostServices::author): who records what is pressed
  bool supervisor_view = false;   // the supervisor view is shown instead of the desk
  char supervisor_note[256] = {}; // the supervisor view's note for the next decision
  int risk_choice = 0;            // the account panel's tier set by hand: 0 high, 1 medium, 2 low
  char risk_reason[256] = {};     // why
  char risk_until[16] = {};       // the last day it holds, "YYYY-MM-DD"; empty: until replaced
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
  const QuoterSlice& quoter() const { return state_.quoter; }  // the plan quoter's terms and live quote
  const std::string& quoter_focus() const { return scratch_.quoter.focused; }  // its widget with keyboard focus
  std::string test_state_json() const;          // the test hook's state, as below

  // Test hook state (a contract with the browser end-to-end tests; keep it exactly):
  //   {"frame": <frames built>, "status": "loading"|"ready"|"error", "error": "<problems, one per line, or empty>",
  //    "accounts": <count loaded>, "selected": "<account id or empty>", "filter": "<the queue's filter text>",
  //    "widgets": {"queue.table": {"x":..,"y":..,"w":..,"h":..}, "queue.row.<account id>": {..} (each visible
  //                row's selectable, clipped to the visible part of the table), "account.panel": {..},
  //                "quoter.panel", "quoter.down_payment", "quoter.term", "quoter.schedule", "quoter.offer",
  //                "quoter.apply" (the first violation's Apply button, when there is one), "quoter.refer" and
  //                "quoter.referral_note" (a plan that needs a supervisor's approval), "header.supervisor",
  //                "supervisor.view", "supervisor.note", "supervisor.back", "approvals.approve.<account id>",
  //                "approvals.decline.<account id>", "approvals.open.<account id>",
  //                "escalations.escalate.<account id>", "escalations.open.<account id>", "supervisor.collectors",
  //                "goal.panel", "goal.summary", "goal.progress", "goal.chart", and the other quoter
  //                widgets named in QuoterInputs::focused ("quoter.mode.settlement", "quoter.settlement_amount",
  //                ...): {..}},
  //    "quote": {"instalments": n, "total_of_payments": <minor units>, "balance": <minor units quoted on>,
  //              "apr": "<the APR the totals show>", "violations": n, "approvals": n,
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
  //               "caller": {"name", "business", "callback"} (what the limited-content message says),
  //               "point": "<the contact point the banner checks>", "points": ["<the points the picker offers>"],
  //               "templates": ["<letter template ids the rule packs name>"], "template": "<the one picked>",
  //               "finished": "<what the last attempt or letter recorded, or empty>"},
  //    "account": null when no account is selected, else {"id", "balance": "<Balance now, as shown>",
  //               "timeline": ["<recorded at>  <event in plain words>", ...] (every event, newest first),
  //               "promises": [..], "plans": [..], "holds": [..]},
  //    "rows": {"<account id>": "<the balance its queue row shows>", ...} (the rows drawn),
  //    "desk": {"ready": bool (every asset file is in: the queue is in the desk's order),
  //             "asked": bool (get-next was pressed), "next": "<the account it selected, or empty>",
  //             "refused": "<why it did nothing, or empty>", "problems": ["<strategy problem>", ...],
  //             "skipped": [{"account", "reasons": ["<rule id>", ...], "callable_at": "<UTC instant>" or null}],
  //             "top": ["<the first 10 account ids of the queue, in order>"]},
  //    "supervisor": {"shown": bool (the supervisor view is open), "approvals": [{"account", "request": "<event
  //                   id>", "requested_by", "payments": "<the plan in words>"}], "escalations": [{"account", "rule",
  //                   "to"}], "problems": ["<why the last decision or escalation recorded nothing>"]},
  //    "goals": null (no goal plan) or {"period": {"first", "last"}, "mine": <figures> or null (the host's user has
  //             none yet), "collectors": [<figures>]}, figures = {"collector", "collected", "goal", "commission"
  //             (minor units), "payments", "reversals", "promises_made", "promises_kept", "promises_broken",
  //             "days" (points of the chart)}}
  //    Contact widgets: "contact.panel", "contact.banner", "contact.party", "contact.channel",
  //    "contact.channel.<channel>" (each item of the open channel list), "contact.point",
  //    "contact.call", "contact.refused", "contact.session", "contact.script", "contact.answer.<question>",
  //    "contact.verify", "contact.outcome.<outcome>" (every outcome, open or not), "contact.original_creditor"
  //    (the dispute asks for the original creditor), "contact.template",
  //    "contact.letter" (Record letter, on the letter channel), "account.debt_hidden", "account.timeline",
  //    "account.back" (back to the queue, in a narrow window where the account is shown alone), "queue.next" (Get
  //    next), "queue.next_result", "queue.skipped" (the list of skipped accounts, when there is one).
  // Rectangles are in ImGui coordinates: window (CSS) pixels from the window's (canvas's) top-left corner.

 private:
  void rebuild_fonts();
  void apply(Action action);                    // ticks the clock, stamps the recording actions, step(), effects
  void run(const Effects& effects);             // each effect through the host's services, in order
  EventId next_event_id();                      // the host's next id, or the fallback counter's
  Instant host_now() const;                     // the host's clock, or the fallback (see HostServices)
  void poll_returns();                          // the processor's charges taken back by today: their reversals
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
  std::map<std::string, std::string> charged_;  // the account of each charge taken here, by its reference
  Date returns_polled_;                         // the agency's day the processor was last asked for returns
};

}  // namespace parley::shell
