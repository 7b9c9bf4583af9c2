// Raw HTML in Markdown when the site keeps none (markdown.unsafe_html: false): a comment is
// left out of the page (an author's note to colleagues, never meant to be read there), and
// any other tag is shown as text, with a warning that says how Markdown writes it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace firefly {

/// A tag of raw HTML shown as text on a page: the first place it is written, and how often.
struct ShownHtml {
  std::string tag;  ///< "br", "/b", "strong"; or the start of what is not a tag ("<?php")
  Pos pos;          ///< the first one in the file
  size_t count = 1;
};

/// Whether a raw HTML node's text is one comment and nothing else (`<!-- note -->`, with
/// white space after it): left out of the page.
bool is_html_comment(std::string_view html);

/// Counts the raw HTML `html` at `pos` in `shown` (one entry per tag, in the order met).
void count_shown_html(std::string_view html, Pos pos, std::vector<ShownHtml>& shown);

/// The warning for a tag shown as text ("this HTML is shown as text on the page: <br>").
std::string shown_html_message(const ShownHtml& shown);
/// How Markdown writes what the tag was for ("end the line with a backslash ...").
std::string shown_html_hint(const ShownHtml& shown);

}  // namespace firefly
