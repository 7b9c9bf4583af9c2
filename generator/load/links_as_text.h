// Links that Markdown shows as text, with nothing said: an address with a space
// (`![合照](/images/my photo.jpg)`, a file named as Windows allows: an address ends at its
// first space, and what follows is not a title) and a link typed with full-width brackets
// (`[關於我們]（/about/）`, load/wide_typing.h). The page shows the brackets and the path, and
// the image is missing. Each is a warning at its bracket, found when the page is read (the
// Markdown of a page rendered ahead is not kept for the render stage).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace firefly {

/// A link or image whose address has a space.
struct SpacedLink {
  Pos pos;                ///< of its `[` (or the `!` of an image; columns count characters)
  bool image = false;     ///< written `![…](…)`
  std::string address;    ///< as written: "/images/my photo.jpg"
  bool unclosed = false;  ///< no `)` ends the address on its line: `![合照](/images/a.jpg`
};

/// The most find_spaced_links lists in one page.
inline constexpr size_t kMostSpacedLinks = 20;

/// The links of Markdown `body` (its first line is line `first_line`) written
/// `[text](address)` on one line with a space in an address that looks like a path or a
/// URL (it has a / or a .): not `[text](</a b.jpg>)` nor `[text](/a "title")`, which
/// Markdown reads as links, nor in code; and those whose address no `)` ends on the line
/// (`unclosed`), the address alone on the rest of it. At most kMostSpacedLinks; each line
/// read once.
std::vector<SpacedLink> find_spaced_links(std::string_view body, int first_line);

/// `address` with its spaces as hyphens: the name to give the file.
std::string address_without_spaces(std::string_view address);

/// `address` with each space written %20, as a web address needs it.
std::string address_with_escaped_spaces(std::string_view address);

/// Reports each link of Markdown `body` (of the file `path`, its first line is line
/// `first_line`) that find_spaced_links or find_wide_links finds, as a warning.
void report_links_as_text(std::string_view body, int first_line, const std::string& path,
                          Diagnostics& diags);

}  // namespace firefly
