#pragma once
// The shell's screens: one free function per screen, one screen per file. Each reads the const state, keeps
// widget state in UiScratch and emits actions through Dispatch; none changes AppState itself.
//
// Index of this file:
// [SECTION] Screens   queue, account panel, plan quoter, load status, supervisor, contact
// [SECTION] Helpers   small drawing helpers the screens share

#include <string>
#include <string_view>

#include "parley/shell/app.h"
#include "parley/shell/state.h"

namespace parley::shell {

// [SECTION] Screens -------------------------------------------------------------------------------------------

void draw_queue(const AppState& state, UiScratch& scratch, Dispatch& dispatch);    // filter box + accounts table
void draw_account(const AppState& state, UiScratch& scratch, Dispatch& dispatch);  // the selected account's panel
void draw_quoter(const AppState& state, UiScratch& scratch, Dispatch& dispatch);   // plan quoter of the account
void draw_status(const AppState& state, UiScratch& scratch, Dispatch& dispatch);   // loading, or why it failed
void draw_supervisor(const AppState& state, UiScratch& scratch, Dispatch& dispatch);  // approvals, escalations due
void draw_goal_panel(const AppState& state, UiScratch& scratch);         // the collector's goal, above the queue
void draw_collector_figures(const AppState& state, UiScratch& scratch);  // every collector's, for the supervisor
void draw_contact(const AppState& state, UiScratch& scratch, Dispatch& dispatch);  // compliance banner, call, script,
                                                                                   // verification and outcomes
bool debt_details_hidden(const AppState& state, const Account& account);  // an unverified attempt is in progress on it
// One line of the account panel's timeline: "<recorded at>  <the event in plain words>" (describe_event).
std::string timeline_line(const Event& event, const AccountState& fold, Locale locale);

// [SECTION] Helpers -------------------------------------------------------------------------------------------

void text(std::string_view s);                   // unformatted text from a string_view (no copy, no % parsing)
void text_right_aligned(std::string_view s);     // text flush with the right edge of the current column
void text_muted(std::string_view s);             // secondary text in the disabled colour
std::string local_text(TimeZone zone, Instant at);  // "Tue 2026-11-24 08:00 EST (America/New_York)"
std::string role_label(PartyRole role);          // "Debtor", "Co-signer", "Guarantor"
std::string protection_title(Protection p);      // "Breathing space moratorium"
// "Breathing space moratorium from 2026-11-02 to 2026-12-31 (BS-4417): in force" (or ": not in force now"), or,
// when no rule of the party's law holds contact for it (protection_rule() of party_jurisdictions()), "...: kept on
// the account; no rule for US-MA holds contact for it" (the account's jurisdiction and the party's addresses').
std::string protection_line(const ProtectionRecord& p, const Account& account, const AccountState& fold,
                            const RuleBook& book, Instant now);
// Whether a protection rule of the party's law holds contact while `p` is in force, and is in force at `now`.
bool protection_holds(const ProtectionRecord& p, const Account& account, const AccountState& fold,
                      const RuleBook& book, Instant now);
// Where a protection of `kind` for the party would hold no contact: "US-MA, US-NY"; empty when a rule holds it.
std::string places_without_protection_rule(const Account& account, const PartyRecord& party, const RuleBook& book,
                                           Protection kind);

}  // namespace parley::shell
