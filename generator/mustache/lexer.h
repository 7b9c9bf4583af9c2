// Splits Mustache source into text and tag tokens (applying set-delimiter
// tags as it goes) and marks standalone lines. Internal to the mustache engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace firefly::mustache::detail {

/// What a token is.
enum class TokenKind : std::uint8_t {
  kText,       ///< literal text; holds at most one '\n', as its last character
  kVar,        ///< {{name}}
  kRawVar,     ///< {{{name}}} or {{&name}}
  kSection,    ///< {{#name}}
  kInverted,   ///< {{^name}}
  kClose,      ///< {{/name}}
  kPartial,    ///< {{>name}}
  kParent,     ///< {{<name}}
  kBlock,      ///< {{$name}}
  kComment,    ///< {{! … }}
  kDelimiter,  ///< {{=<% %>=}}
};

/// One piece of the source.
struct Token {
  TokenKind kind = TokenKind::kText;
  std::string_view text;    ///< text: the text; tags: the name, trimmed (without a '*')
  std::string_view raw;     ///< tags: the whole tag as written, for messages
  std::size_t offset = 0;   ///< where the token starts in the source
  bool dynamic = false;     ///< partial/parent written {{>*name}}
  bool removed = false;     ///< text: dropped because its line is standalone
  bool standalone = false;  ///< tags: on a line of nothing but tags and whitespace
  std::string_view indent;  ///< standalone tags: the whitespace before them on their line
};

/// A lexing error at a byte offset of the source.
struct LexError {
  std::string message;
  std::size_t offset = 0;
};

/// Whether `c` is a blank inside a line (space or tab).
inline bool is_blank(char c) { return c == ' ' || c == '\t'; }

/// Tokenizes `source` and marks standalone lines; the tokens point into `source`.
std::variant<std::vector<Token>, LexError> lex(std::string_view source);

}  // namespace firefly::mustache::detail
