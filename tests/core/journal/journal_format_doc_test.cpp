// docs/journal-format.md against the journal's field tables: the event's members and each payload's, named in
// the document's tables in the tables' (canonical) order, so that the document and the reader cannot drift.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "journal/journal_tables.h"
#include "parley/journal/event.h"

namespace parley {
namespace {

#ifndef __EMSCRIPTEN__  // native only: the wasm run under node has no file system, and the check is the same

using Names = std::vector<std::string>;

std::string read_doc() {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/docs/journal-format.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The member names of each member table of the document, by section: "event" for "## The event", the event type
// for "### `contact-attempted`" and the like. A row's first cell names one member, or several ("`address`,
// `phone` or `email`").
std::map<std::string, Names> documented_members(const std::string& doc) {
  std::map<std::string, Names> out;
  std::string section;
  std::istringstream lines(doc);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("## The event", 0) == 0) {
      section = "event";
    } else if (line.rfind("### `", 0) == 0) {
      section = line.substr(5, line.find('`', 5) - 5);
    } else if (line.rfind("#", 0) == 0) {
      section.clear();
    } else if (!section.empty() && line.rfind("| `", 0) == 0) {
      const std::string cell = line.substr(1, line.find('|', 1) - 1);
      for (std::size_t at = cell.find('`'); at != std::string::npos; at = cell.find('`', at)) {
        const std::size_t end = cell.find('`', at + 1);
        out[section].push_back(cell.substr(at + 1, end - at - 1));
        at = end + 1;
      }
    }
  }
  return out;
}

Names table_members(const json::ObjectType& type) {
  Names out;
  for (const json::Member& m : type.members) out.emplace_back(m.name);
  return out;
}

TEST(JournalFormatDoc, NamesEveryMemberOfTheTablesInTheirOrder) {
  const std::map<std::string, Names> doc = documented_members(read_doc());
  ASSERT_FALSE(doc.empty()) << "docs/journal-format.md not found or has no member tables";
  const json::ObjectType& event = journal_event_type();
  ASSERT_TRUE(doc.count("event"));
  EXPECT_EQ(doc.at("event"), table_members(event));

  const json::Member* payload = nullptr;
  for (const json::Member& m : event.members) {
    if (m.name == "payload") payload = &m;
  }
  ASSERT_NE(payload, nullptr);
  const json::SchemaView view = json::schema_of(*payload->codec);
  ASSERT_EQ(view.alternatives.size(), static_cast<std::size_t>(event_kind_count));
  for (int k = 0; k < event_kind_count; ++k) {
    const std::string type(to_string(static_cast<EventKind>(k)));
    ASSERT_TRUE(doc.count(type)) << "docs/journal-format.md has no section ### `" << type << "`";
    const json::SchemaView alternative = json::schema_of(*view.alternatives[static_cast<std::size_t>(k)]);
    ASSERT_NE(alternative.object, nullptr) << type;
    EXPECT_EQ(doc.at(type), table_members(*alternative.object)) << type;
  }
}
#endif

}  // namespace
}  // namespace parley
