// assets/schema/portfolio.schema.json against the portfolio loader's member tables: every object definition
// lists the loader's members in canonical order, requires exactly the required ones, and admits no other, so the
// schema and the loader cannot drift.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "portfolio_shapes.h"

namespace parley {
namespace {

#ifndef __EMSCRIPTEN__  // native only: the wasm run under node has no file system, and the check is the same

using Names = std::vector<std::string>;

Names names_of(const std::vector<std::string_view>& names) {
  return Names(names.begin(), names.end());
}

TEST(PortfolioSchema, AgreesWithTheLoadersMemberTables) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/assets/schema/portfolio.schema.json");
  ASSERT_TRUE(in) << "assets/schema/portfolio.schema.json not found";
  const nlohmann::ordered_json schema = nlohmann::ordered_json::parse(in);
  const std::vector<PortfolioObjectMembers> tables = portfolio_object_members();
  ASSERT_FALSE(tables.empty());
  for (const PortfolioObjectMembers& table : tables) {
    const std::string name(table.name);
    const nlohmann::ordered_json& def = name == "root" ? schema : schema["$defs"][name];
    ASSERT_TRUE(def.is_object()) << "no definition " << name;
    Names properties;
    for (const auto& [key, value] : def["properties"].items()) properties.push_back(key);
    EXPECT_EQ(properties, names_of(table.members)) << name;
    EXPECT_EQ(def.value("required", Names{}), names_of(table.required)) << name;
    EXPECT_EQ(def.value("additionalProperties", true), false) << name << " admits other members";
  }
}
#endif

}  // namespace
}  // namespace parley
