// Texts written for a language no page of the site is in: `{zh-TW: 主題, vn: Chủ đề}` on a
// site in zh-TW and vi-VN shows the Chinese on the Vietnamese pages, and nothing says why.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/localized.h"
#include "core/value.h"

namespace firefly {

/// Whether a page in one of `site_langs` shows the text written under `code` (its own
/// code, or the closest of its language: Localized::get).
bool language_key_read(std::string_view code, const std::vector<std::string>& site_langs);

/// The site language `code` was probably meant for ("vi-VN" for "vn" or "vi_VN"), or "".
std::string site_language_meant(std::string_view code, const std::vector<std::string>& site_langs);

/// Warns, at `where` in `path`, of each code of `text` that no page reads (`what` names
/// the text: "title", "column 'year' title").
void warn_unread_language_keys(const Localized& text, const std::vector<std::string>& site_langs,
                               const std::string& path, Pos where, const std::string& what,
                               Diagnostics& diags);

/// The same for every map of texts in `root` (a map whose values are all text and one of
/// whose keys a site language reads), each warning at its key.
void warn_unread_language_keys(const Value& root, const std::vector<std::string>& site_langs,
                               const std::string& path, Diagnostics& diags);

}  // namespace firefly
