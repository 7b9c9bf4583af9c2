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
  const std::string meant = license_id_meant(license);
  return {"Firefly does not know the address of licence '" + std::string(license) +
              "': the data pages, citations and catalogue name it without a link to its text",
          meant.empty()
              ? did_you_mean_or_list(license, known_license_ids(), "the licences it knows")
              : "did you mean '" + meant + "'?"};
}

namespace {

/// `text` with ASCII letters lowered and digits kept, spaces and punctuation dropped, and
/// other scripts kept: "CC BY 4.0" and "cc-by-4.0" are both "ccby40".
std::string squeezed(std::string_view text) {
  std::string n;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z')
      n += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80))
      n += c;
  }
  return n;
}

}  // namespace

std::string license_id_meant(std::string_view written) {
  std::string n = squeezed(written);
  auto has = [&n](std::string_view part) { return n.find(part) != std::string::npos; };
  for (std::string_view tail : {"international", "universal", "license", "licence", "國際"}) {
    if (n.size() > tail.size() && n.ends_with(tail)) n.erase(n.size() - tail.size());
  }
  for (const auto& [id, url] : kLicenses) {
    if (n == squeezed(id)) return std::string(id);
  }
  if (n == "cc0" || n == "cc0publicdomaindedication") return "CC0-1.0";
  if (has("政府資料開放授權條款") || (has("opengovernmentdatalicense") && has("taiwan"))) {
    return "OGDL-Taiwan-1.0";
  }
  // Creative Commons by its name, in English or as Taiwan's translation calls it (創用CC
  // 姓名標示), version 4.0 without the non-commercial or no-derivatives terms.
  const bool by = has("attribution") || has("姓名標示");
  const bool other_terms =
      has("noncommercial") || has("noderiv") || has("非商業") || has("禁止改作");
  if (by && has("40") && !other_terms) {
    return has("sharealike") || has("相同方式分享") ? "CC-BY-SA-4.0" : "CC-BY-4.0";
  }
  return {};
}

void check_license(std::string_view license, const std::string& path, Pos pos, std::string_view key,
                   Diagnostics& diags) {
  if (license.empty()) return;
  if (!is_license_id(license)) {
    const std::string meant = license_id_meant(license);
    diags.error(path, pos,
                std::string(key) + " " + in_quotes(license) +
                    " is not a licence id (letters, digits, '-', '.', '_')",
                meant.empty() ? "write the id of the licence, e.g. OGDL-Taiwan-1.0 "
                                "(政府資料開放授權條款, Taiwan's Open Government Data License) "
                                "or CC-BY-4.0"
                              : "write " + std::string(key) + ": " + meant);
    return;
  }
  if (auto [message, help] = unknown_license_warning(license); !message.empty()) {
    diags.warning(path, pos, std::move(message), std::move(help));
  }
}

}  // namespace firefly
