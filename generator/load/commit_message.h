// A commit message as a page shows it: read from git, where it cannot be corrected.
#pragma once

#include <string>
#include <string_view>

namespace firefly {

/// `message` as a page can show it: each byte that is not part of a UTF-8 character (a
/// message written in Big5) as U+FFFD, a noncharacter (U+FFFE, U+FFFF) as U+FFFD, each
/// other invisible control character (an escape sequence; not a tab) as a space. A
/// character `git commit` refused as UTF-8 (a noncharacter, a surrogate) and stored byte by
/// byte as Latin-1 letters (U+FFFE as "\u00EF\u00BF\u00BE") is one U+FFFD too.
std::string showable_commit_message(std::string_view message);

}  // namespace firefly
