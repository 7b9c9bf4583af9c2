// Links whose address has a space: `![合照](/images/my photo.jpg)`, a file named as Windows
// allows. Markdown does not read that as a link (an address ends at its first space, and
// what follows is not a title), so the page would show the brackets and the path as text,
// and the image would be missing with nothing said.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace firefly {

/// A link or image whose address has a space.
struct SpacedLink {
  Pos pos;              ///< of its `[` (or the `!` of an image; columns count characters)
  bool image = false;   ///< written `![…](…)`
  std::string address;  ///< as written: "/images/my photo.jpg"
};

/// The most find_spaced_links lists in one page.
inline constexpr size_t kMostSpacedLinks = 20;

/// The links of Markdown `body` (its first line is line `first_line`) written
/// `[text](address)` on one line with a space in an address that looks like a path or a
/// URL (it has a / or a .): not `[text](</a b.jpg>)` nor `[text](/a "title")`, which
/// Markdown reads as links, nor in code. At most kMostSpacedLinks; each line read once.
std::vector<SpacedLink> find_spaced_links(std::string_view body, int first_line);

/// `address` with its spaces as hyphens: the name to give the file.
std::string address_without_spaces(std::string_view address);

/// `address` with each space written %20, as a web address needs it.
std::string address_with_escaped_spaces(std::string_view address);

}  // namespace firefly
