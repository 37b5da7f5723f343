#pragma once
// Data tables of the demo portfolio: places, names and streets for the US, the UK and France.
//
// Index of this file:
// [SECTION] Places    towns with their postal codes, regions, jurisdictions, time zones and phone ranges
// [SECTION] Names     given names, family names and street names per country
//
// Phone numbers come from ranges set aside for fiction (US 555-01XX, Ofcom's drama numbers, ARCEP's numbers
// for audiovisual works) and emails use the reserved example domains, so no demo number reaches a real
// person.

#include <span>
#include <string_view>

namespace parley::demo_data {

// [SECTION] Places ----------------------------------------------------------------------------------------------------

struct UsPlace {
  std::string_view state;  // USPS code, "MA"
  std::string_view city;
  std::string_view zip;
  std::string_view area_code;    // "617"
  std::string_view zone;         // IANA zone of the city
  std::string_view second_zone;  // another zone the area code reaches, or empty
};

struct UkPlace {
  std::string_view town;
  std::string_view region;                          // county, council area or nation
  std::string_view jurisdiction;                    // "GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"
  std::span<const std::string_view> outward_codes;  // postcode districts of the town
  std::string_view landline_prefix;                 // E.164 prefix; three more digits complete a drama number
};

struct FrPlace {
  std::string_view city;
  std::string_view departement;      // "75", "2A", ...
  std::string_view postal_code;      // a single code, or the first of a run of arrondissements
  int arrondissements;               // 0: one code; n: postal_code + 0..n-1 (Paris, Lyon, Marseille)
  std::string_view landline_prefix;  // E.164 prefix; four more digits complete a fiction number
};

std::span<const UsPlace> us_places();
std::span<const UkPlace> uk_places();
std::span<const FrPlace> fr_places();

inline constexpr std::string_view uk_mobile_prefix = "+447700900";  // + 3 digits (07700 900000-900999)
inline constexpr std::string_view fr_mobile_prefix = "+3363998";    // + 4 digits (06 39 98 xx xx)

// [SECTION] Names -----------------------------------------------------------------------------------------------------

struct NameTables {
  std::span<const std::string_view> given;
  std::span<const std::string_view> family;
  std::span<const std::string_view> streets;
};

NameTables us_names();
NameTables uk_names();
NameTables fr_names();

}  // namespace parley::demo_data
