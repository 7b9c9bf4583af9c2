// Licence ids of open data (SPDX style, as a data package writes them) and the addresses of
// the licences Firefly knows.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace firefly {

/// True when `license` is a licence id that a data package accepts ([-a-zA-Z0-9._]+).
bool is_license_id(std::string_view license);
/// The URL of a known licence id ("" when unknown).
std::string license_url(std::string_view license);
/// The ids license_url knows, the Taiwan government's licence first.
std::vector<std::string> known_license_ids();
/// The warning's message and help for a licence id with no known address, or {"", ""}.
std::pair<std::string, std::string> unknown_license_warning(std::string_view license);

}  // namespace firefly
