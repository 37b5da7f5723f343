#pragma once
// The field tables of the journal's JSON form (journal_json.cpp), for the check of docs/journal-format.md against
// them: the event's object type, whose "payload" member reads one alternative per EventKind.

#include "json/table.h"

namespace parley {

const json::ObjectType& journal_event_type();

}  // namespace parley
