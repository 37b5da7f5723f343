// The holiday calendar of an account (see parley/calendar/calendar_choice.h).

#include "parley/calendar/calendar_choice.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace parley {
namespace {

constexpr std::string_view us_calendar = "US-FEDERAL";
constexpr std::string_view england_calendar = "GB-ENG";
constexpr std::string_view scotland_calendar = "GB-SCT";
constexpr std::string_view france_calendar = "FR";

constexpr std::array<std::string_view, 16> scottish_areas = {"AB", "DD", "DG", "EH", "FK", "G",  "HS", "IV",
                                                            "KA", "KW", "KY", "ML", "PA", "PH", "TD", "ZE"};

bool is_or_within(std::string_view code, std::string_view country) {  // "US" or "US-..."
  return code == country || (code.size() > country.size() && code.starts_with(country) && code[country.size()] == '-');
}

std::string upper(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// The postcode's area (its leading letters) and district number; area empty when it does not start so.
struct PostcodeArea {
  std::string area;
  int district = -1;
};

PostcodeArea postcode_area(std::string_view postcode) {
  const std::string code = upper(postcode);
  PostcodeArea out;
  std::size_t i = 0;
  while (i < code.size() && i < 2 && code[i] >= 'A' && code[i] <= 'Z') ++i;
  if (i == 0 || i >= code.size() || code[i] < '0' || code[i] > '9') return out;
  out.area = code.substr(0, i);
  out.district = 0;
  for (std::size_t j = i; j < code.size() && j < i + 2 && code[j] >= '0' && code[j] <= '9'; ++j) {
    out.district = out.district * 10 + (code[j] - '0');
  }
  return out;
}

CalendarChoice by_uk_address(const PostalAddress& postal) {
  const PostcodeArea pc = postcode_area(postal.postal_code);
  const std::string where = "address postcode " + postal.postal_code;
  if (!pc.area.empty()) {
    if (pc.area == "BT") return {"", where + " (Northern Ireland: no calendar shipped)"};
    const bool scottish = std::find(scottish_areas.begin(), scottish_areas.end(), pc.area) != scottish_areas.end();
    if (scottish && !(pc.area == "TD" && pc.district == 15)) return {std::string(scotland_calendar), where};
    return {std::string(england_calendar), where};
  }
  const std::string region = upper(postal.region);
  if (region == "SCOTLAND") return {std::string(scotland_calendar), "address region " + postal.region};
  if (region == "ENGLAND" || region == "WALES") {
    return {std::string(england_calendar), "address region " + postal.region};
  }
  return {"", "address in GB without a postcode or nation"};
}

}  // namespace

CalendarChoice choose_calendar(const Account& account) {
  const std::string& j = account.jurisdiction;
  const std::string by_jurisdiction = "jurisdiction " + j;
  if (is_or_within(j, "US")) return {std::string(us_calendar), by_jurisdiction};
  if (is_or_within(j, "FR")) return {std::string(france_calendar), by_jurisdiction};
  if (j == "GB-SCT") return {std::string(scotland_calendar), by_jurisdiction};
  if (j == "GB-ENG" || j == "GB-WLS") return {std::string(england_calendar), by_jurisdiction};
  if (j == "GB-NIR") return {"", by_jurisdiction + " (Northern Ireland: no calendar shipped)"};

  const Party* debtor = account.debtor();
  if (debtor && !debtor->addresses.empty()) {
    const PostalAddress& postal = debtor->addresses.front().postal;
    const std::string country = upper(postal.country);
    if (country == "US") return {std::string(us_calendar), "address country US"};
    if (country == "FR") return {std::string(france_calendar), "address country FR"};
    if (country == "GB") return by_uk_address(postal);
  }
  return {"", j.empty() ? std::string("no jurisdiction") : "no calendar for " + by_jurisdiction};
}

}  // namespace parley
