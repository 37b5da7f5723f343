#pragma once
// The member tables of the portfolio loader (portfolio_json.cpp), for the check of
// assets/schema/portfolio.schema.json against them: each object type by the name of its schema definition
// ("root" for the top level), its members in canonical order and those that are required.

#include <string_view>
#include <vector>

namespace parley {

struct PortfolioObjectMembers {
  std::string_view name;
  std::vector<std::string_view> members;
  std::vector<std::string_view> required;
};

std::vector<PortfolioObjectMembers> portfolio_object_members();

}  // namespace parley
