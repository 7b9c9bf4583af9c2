// Links whose words do not say where they lead ("click here", 這裡, tại đây): a screen
// reader lists a page's links by their words alone (WCAG 2.4.4), so each is a warning.
#pragma once

#include <string>
#include <string_view>

#include "core/value.h"

namespace firefly {

/// A link of a page whose words say nothing of where it leads.
struct VagueLink {
  std::string text;  ///< as written ("Click here")
  Pos pos;           ///< of the link's '['
};

/// Whether a link's words (`text`, its visible text) are one of the phrases that say
/// nothing of where it leads, in the site's five languages: "click here", "read more",
/// "here", 這裡, 點此, 更多, tại đây, xem thêm, di sini, selengkapnya, ที่นี่, อ่านเพิ่มเติม.
/// Case, white space and a trailing arrow or colon do not count.
bool is_vague_link_text(std::string_view text);

/// The warning for a vague link, and its help.
std::string vague_link_message(const VagueLink& link);
std::string vague_link_hint();

}  // namespace firefly
