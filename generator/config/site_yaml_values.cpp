#include "config/site_yaml_values.h"

#include <algorithm>
#include <cstring>

#include "core/text.h"

namespace firefly::config_detail {

void check_keys(const Value& map, const std::vector<std::string>& known, const std::string& what,
                Diagnostics& diags) {
  for (const auto& [key, value] : map.as_map()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string all;
    for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
    diags.error(kSiteYaml, value.key_pos, "unknown key '" + key + "' in " + what,
                hint_among(key, known, "known keys: " + all));
  }
}

bool expect(const Value& v, bool ok, const std::string& what, Diagnostics& diags) {
  if (!ok) {
    // A number or a word is quoted as written (-1, twenty); a list or a map by its kind.
    bool scalar = !v.is_map() && !v.is_list() && !v.is_null();
    diags.error(kSiteYaml, v.pos,
                what + ": found " + (scalar ? in_quotes(v.to_text()) : std::string(v.kind_name())));
  }
  return ok;
}

bool shaped(const Value* v, bool list, const std::string& what, const std::string& example,
            Diagnostics& diags) {
  if (!v || v->is_null() || (list ? v->is_list() : v->is_map())) return true;
  const bool scalar = !v->is_map() && !v->is_list();
  diags.error(kSiteYaml, v->pos,
              what + (list ? " must be a list, not " : " must be a map of keys, not ") +
                  (scalar ? in_quotes(v->to_text()) : std::string(v->kind_name())),
              "write " + example);
  return false;
}

Localized localized(const Value& v, const std::string& what, Diagnostics& diags) {
  std::string error, hint;
  Localized out = to_localized(v, &error, &hint);
  if (!error.empty()) diags.error(kSiteYaml, v.pos, what + ": " + error, hint);
  return out;
}

bool yes_no(const Value* v, const std::string& what, Diagnostics& diags, bool fallback) {
  if (!v || v->is_null()) return fallback;
  if (v->is_bool()) return v->as_bool();
  std::string written = ascii_lower(trim(v->to_text()));
  const bool off =
      written == "no" || written == "off" || written == "false" || written == "0" || written == "n";
  const bool on =
      written == "yes" || written == "on" || written == "true" || written == "1" || written == "y";
  diags.error(
      kSiteYaml, v->pos,
      what + " must be true or false, not " +
          (v->is_map() || v->is_list() ? std::string(v->kind_name()) : "'" + v->to_text() + "'"),
      off  ? "write `" + what + ": false`"
      : on ? "write `" + what + ": true`"
           : "write true or false, without quotes");
  return fallback;
}

std::string text(const Value& v, const std::string& what, Diagnostics& diags) {
  if (v.is_null()) return "";
  if (v.is_map() || v.is_list()) {
    diags.error(kSiteYaml, v.pos, what + " must be text, not " + std::string(v.kind_name()));
    return "";
  }
  return v.to_text();
}

std::string hint_among(const std::string& word, const std::vector<std::string>& allowed,
                       const std::string& otherwise) {
  std::string hint = did_you_mean_hint(word, allowed);
  return hint.empty() ? otherwise : hint;
}

std::string email_problem(const std::string& email) {
  if (email.empty()) return "";
  if (ascii_lower(email).rfind("mailto:", 0) == 0) {
    return "starts with mailto:, which the pages add themselves";
  }
  const size_t at = email.find('@');
  const bool one_at = at != std::string::npos && at > 0 && at + 1 < email.size() &&
                      email.find('@', at + 1) == std::string::npos;
  const bool plain = std::none_of(email.begin(), email.end(), [](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u <= ' ' || u == 0x7f || std::strchr("<>\"'(),;:[]\\`", ch) != nullptr;
  });
  return one_at && plain ? "" : in_quotes(email) + " is not an email address";
}

std::string phone_problem(const std::string& phone) {
  if (phone.empty()) return "";
  bool digit = false;
  for (char ch : phone) {
    if (ch >= '0' && ch <= '9') {
      digit = true;
    } else if (!std::strchr("+ -.()", ch)) {
      // "(06) 299-1111 分機 8" dialled as "(06) 299-1111" and letters; "tel:" twice.
      return in_quotes(phone) + " is not a telephone number alone";
    }
  }
  return digit ? "" : in_quotes(phone) + " has no digits";
}

bool address_name_ok(const std::string& name, bool folders) {
  if (name.empty() || name.front() == '/' || name.back() == '/' ||
      name.find("//") != std::string::npos) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [&](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
           ch == '_' || (ch == '/' && folders);
  });
}

}  // namespace firefly::config_detail
