#include "config/licenses.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/error.h"

namespace firefly {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kLicenses = {{
    {"OGDL-Taiwan-1.0", "https://data.gov.tw/license"},
    {"CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"},
    {"CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"},
    {"CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"},
    {"ODC-BY-1.0", "https://opendatacommons.org/licenses/by/1-0/"},
    {"PDDL-1.0", "https://opendatacommons.org/licenses/pddl/1-0/"},
}};

}  // namespace

bool is_license_id(std::string_view license) {
  if (license.empty()) return false;
  return std::all_of(license.begin(), license.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_';
  });
}

std::string license_url(std::string_view license) {
  for (const auto& [id, url] : kLicenses) {
    if (id == license) return std::string(url);
  }
  return {};
}

std::vector<std::string> known_license_ids() {
  std::vector<std::string> ids;
  for (const auto& [id, url] : kLicenses) ids.emplace_back(id);
  return ids;
}

std::pair<std::string, std::string> unknown_license_warning(std::string_view license) {
  if (!is_license_id(license) || !license_url(license).empty()) return {};
  return {"Firefly does not know the address of licence '" + std::string(license) +
              "': the data pages, citations and catalogue name it without a link to its text",
          did_you_mean_or_list(license, known_license_ids(), "the licences it knows")};
}

}  // namespace firefly
