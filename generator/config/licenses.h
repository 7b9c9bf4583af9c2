// Licence ids of open data (SPDX style, as a data package writes them) and the addresses of
// the licences Firefly knows.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/value.h"

namespace firefly {

class Diagnostics;

/// True when `license` is a licence id that a data package accepts ([-a-zA-Z0-9._]+).
bool is_license_id(std::string_view license);
/// The URL of a known licence id ("" when unknown).
std::string license_url(std::string_view license);
/// The ids license_url knows, the Taiwan government's licence first.
std::vector<std::string> known_license_ids();
/// The warning's message and help for a licence id with no known address, or {"", ""}.
std::pair<std::string, std::string> unknown_license_warning(std::string_view license);
/// The known id a licence written as its name or with other spacing or case means
/// ("CC BY 4.0", "政府資料開放授權條款", "cc0"), or "".
std::string license_id_meant(std::string_view written);
/// Checks the licence written at `pos` of `path` under `key`: an error when it is not an id
/// (the help names the id meant when it can tell), a warning when its address is unknown.
void check_license(std::string_view license, const std::string& path, Pos pos, std::string_view key,
                   Diagnostics& diags);

}  // namespace firefly
