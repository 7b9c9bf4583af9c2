// The words that make a fenced block of Markdown an embed (```chart, ```table, ```scorecard,
// ```indicator), and the fences that most likely meant one but are published as code.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace firefly {

/// The info strings of the fenced blocks that are embeds, each exactly this word.
inline const std::vector<std::string> kEmbedKinds = {"chart", "table", "scorecard", "indicator"};

/// True when a fence's info string (trimmed) makes its block an embed.
bool is_embed_kind(std::string_view info);

/// The embed kind that a fence's info string most likely means when it is not exactly one
/// of them: its first word in other letter case (```Chart) or one letter off (a letter
/// missing, added or changed, or two swapped: ```tabel, ```chrat, ```charts; two letters
/// for the longer scorecard and indicator), or a kind followed by more words
/// (```chart title). "" for an embed's own info string and for any other (```python,
/// ```yaml, ```dart): real code is never taken for a misspelt embed.
std::string embed_kind_meant(std::string_view info);

/// A fenced block published as code whose info string most likely meant an embed.
struct MisspeltFence {
  std::string fence;  ///< the opening fence: its marks and info string ("```tabel")
  std::string word;   ///< the info string's first word ("tabel")
  std::string meant;  ///< the embed kind it most likely means ("table")
  bool more = false;  ///< the info string has more words after the first ("```chart title")
  Pos pos;            ///< the opening fence's first backtick (or tilde) in the file
};

/// The misspelt fence of a fenced block opened by `marks` ("```", "~~~~") and the info string
/// `info` at `pos`; nullopt when `info` is an embed's own or does not most likely mean one
/// (embed_kind_meant).
std::optional<MisspeltFence> misspelt_fence(std::string_view info, std::string_view marks, Pos pos);

/// The warning's message and hint for `fence`.
std::string misspelt_fence_message(const MisspeltFence& fence);
std::string misspelt_fence_hint(const MisspeltFence& fence);

}  // namespace firefly
