// Site paths written by staff (url, aliases, links) and the files they map to.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace firefly {

/// "/en/stories/a/" -> "en/stories/a/index.html"; "/404.html" -> "404.html".
std::string output_path_for_url(std::string_view url);

/// The longest part of a site path between two '/' (a file name: NAME_MAX of Linux file
/// systems).
inline constexpr size_t kMaxPathSegmentBytes = 255;

/// Checks a site path written in front matter (`url`, `aliases`): it must start with
/// '/', and contain no '..', '\', spaces, '?', '#', control, bidirectional or zero-width
/// characters, percent-encoded dots and slashes, or a part longer than kMaxPathSegmentBytes,
/// and do not start with `/.firefly-` (the output folder's own entries).
/// Returns "" when safe, else the reason.
std::string unsafe_path_reason(std::string_view path);

/// The scheme of `url`, lower-cased ("https", "mailto", "javascript"), or "" for a site path
/// or a relative link.
std::string url_scheme(std::string_view url);

/// Checks where a link, menu entry or image may point: a site path, a relative link, or an
/// http(s), mailto or tel address. Returns "" when it may, else the reason.
std::string unsafe_link_reason(std::string_view url);

/// Resolves `link` (absolute "/a/b/" or relative "../b/") against the directory URL
/// `base` ("/stories/a/"), removing "." and ".." segments (never above the root).
std::string resolve_site_path(std::string_view base, std::string_view link);

}  // namespace firefly
