// The fields of the theme's strings ("{period}: {met} of {total}"), which the pages fill
// in: a site's own string (i18n/<code>.yaml) that names one its theme's string of the key
// does not have, a misspelt {mett}, was shown as written, "2019: {mett} of 12".
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/value.h"

namespace firefly {

/// The fields each string of a theme has, by key, in any of its languages (Chinese counts
/// {all} where English says {more}: the pages give both).
using StringFields = std::map<std::string, std::set<std::string>>;

/// The fields of `text`: "{period}", "{met}" and "{total}" of "{period}: {met} of {total}"
/// (a '{', lower-case letters, digits or '_', a '}').
std::set<std::string> string_fields(std::string_view text);

/// Adds the fields of each text of `strings` (one of the theme's strings files) to `fields`.
void add_string_fields(const Value& strings, StringFields& fields);

/// An error at the site's string `value` of `key` (in `path`) for each field the theme's
/// strings of the key do not have. Keys the theme has no string of (the site's own
/// templates') are not checked.
void check_site_string_fields(const std::string& key, const Value& value,
                              const StringFields& fields, const std::string& path,
                              Diagnostics& diags);

}  // namespace firefly
