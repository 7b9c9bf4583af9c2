// How site.yaml's values are read: each one that is not what its key needs is reported at
// its position in site.yaml (for config/ alone).
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/localized.h"
#include "core/value.h"

namespace firefly::config_detail {

/// The path every problem of the configuration is reported at.
inline constexpr const char* kSiteYaml = "site.yaml";

/// Reports each key of `map` not in `known` (`what` names the map: "cms"), with the nearest
/// known key or the list of them.
void check_keys(const Value& map, const std::vector<std::string>& known, const std::string& what,
                Diagnostics& diags);

/// `ok`; when false, reports that `v` is not `what` ("paginate of 'stories' (a whole
/// number ...)") and which kind of value it is.
bool expect(const Value& v, bool ok, const std::string& what, Diagnostics& diags);

/// Whether `v` (a key's value, found or not) is a map, or a list when `list`, or is not
/// written (null); else reports that `what` must be one, with `example` to write instead:
/// `menus: {main: {page: /}}` (a map for a list) showed no menu and said nothing.
bool shaped(const Value* v, bool list, const std::string& what, const std::string& example,
            Diagnostics& diags);

/// `v` as a localizable value; reports what is wrong with it, named by `what`.
Localized localized(const Value& v, const std::string& what, Diagnostics& diags);

/// `v` (a key's value, found or not) as true or false: `fallback` when it is not written
/// (or null). Anything but `true` or `false` is an error at it naming `what`
/// ("relative_urls"): `no`, `off`, `0` or the text "false" would otherwise read as
/// switched on, and `markdown.unsafe_html: no` would publish raw HTML.
bool yes_no(const Value* v, const std::string& what, Diagnostics& diags, bool fallback = false);

/// `v` as text ("" for none); reports a map or a list, named by `what`.
std::string text(const Value& v, const std::string& what, Diagnostics& diags);

/// The hint for `word` among `allowed`: "did you mean 'x'?", else `otherwise`.
std::string hint_among(const std::string& word, const std::vector<std::string>& allowed,
                       const std::string& otherwise);

/// Why `email` cannot be the publisher's address, which every page links as mailto:, or ""
/// (a line break, a name with it, or mailto: written too made a broken link on every page).
std::string email_problem(const std::string& email);

/// Why `phone` cannot be the publisher's telephone number, which every page links as tel:
/// (a phone dials it as written), or "": digits with '+', spaces, '-', '.', '(' and ')'
/// only. An extension ("ext. 8", "分機 8", "#8") or a scheme ("tel:", "javascript:") is a
/// problem.
std::string phone_problem(const std::string& phone);

/// Whether a taxonomy's name can be the first part of its pages' addresses, or a
/// collection's (`folders`: parts joined by '/', content/programs/2024) its folder's:
/// lower-case letters (of any script), digits, '-' and '_'; never '.', so no part "..".
bool address_name_ok(const std::string& name, bool folders);

}  // namespace firefly::config_detail
