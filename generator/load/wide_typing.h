// Pages typed with a Chinese input method left in full-width mode: the fences, colons and
// spaces YAML needs, and the brackets of a Markdown link, written as their full-width
// look-alikes (－－－, ：, "　", ［］（）). YAML reports these far from where they are
// ("illegal map value" a line below, or an unknown field), so they are looked for before
// it reads the front matter; Markdown shows such a link as its text, brackets and all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace firefly {

/// Whether `line` is three or more full-width or long dashes (－－－, ———, ーーー) and
/// nothing else: a front-matter fence typed in full-width mode.
bool is_wide_fence(std::string_view line);

/// Reports each line of front matter `yaml` (its first line is line `line_offset` + 1 of
/// `path`) whose field name is followed by a full-width colon (`title：…`) or that starts
/// with a full-width space; true when there was one.
bool report_wide_typing(std::string_view yaml, const std::string& path, int line_offset,
                        Diagnostics& diags);

/// A Markdown link written with full-width brackets or parentheses (`[關於我們]（/about/）`).
struct WideLink {
  Pos pos;              ///< of its opening bracket (columns count characters)
  std::string written;  ///< as written
  std::string meant;    ///< with half-width ones: `[關於我們](/about/)`
};

/// The most find_wide_links lists in one page.
inline constexpr size_t kMostWideLinks = 20;

/// The links of Markdown `body` (its first line is line `first_line`) written with a
/// full-width bracket or parenthesis, one line each: `[text]（address）`, `［text］(address)`,
/// and the same with the other pairs mixed, the address printable ASCII; also with the
/// brackets Chinese input methods type for [ and ] (「」【】〔〕) before an address that
/// looks like one (`/…`, `https://…`, `www.…`, `….md`: they are quotation marks too); at most
/// kMostWideLinks. Each line is read once, however many brackets it has.
std::vector<WideLink> find_wide_links(std::string_view body, int first_line);

}  // namespace firefly
