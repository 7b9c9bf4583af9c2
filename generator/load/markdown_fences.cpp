#include "load/markdown_fences.h"

#include <algorithm>

#include "core/error.h"
#include "core/text.h"

namespace firefly {

namespace {

/// The letters to add, remove, change or swap (two side by side) to make `a` into `b`: a
/// swap ("tabel" for "table") counts as one, as it is one slip of the fingers.
size_t fence_word_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

/// The first word of an info string.
std::string_view fence_info_word(std::string_view info) {
  info = trim(info);
  return info.substr(0, info.find_first_of(" \t"));
}

}  // namespace

bool is_embed_kind(std::string_view info) {
  return std::find(kEmbedKinds.begin(), kEmbedKinds.end(), info) != kEmbedKinds.end();
}

std::string embed_kind_meant(std::string_view info) {
  info = trim(info);
  if (info.empty() || is_embed_kind(info)) return {};
  std::string_view word = fence_info_word(info);
  if (word.size() > 32) return {};  // no kind is near a word this long
  const std::string lower = ascii_lower(word);
  for (const std::string& kind : kEmbedKinds) {
    // One slip in a short word, two in a long one: "dart" (two from "chart") stays code.
    const size_t slips = kind.size() >= 9 ? 2 : 1;
    if (lower == kind || fence_word_distance(lower, kind) <= slips) return kind;
  }
  return {};
}

std::optional<MisspeltFence> misspelt_fence(std::string_view info, std::string_view marks,
                                            Pos pos) {
  std::string meant = embed_kind_meant(info);
  if (meant.empty()) return std::nullopt;
  info = trim(info);
  std::string_view word = fence_info_word(info);
  std::string fence = (marks.empty() ? std::string("```") : std::string(marks)) + std::string(info);
  return MisspeltFence{std::move(fence), std::string(word), std::move(meant), word != info, pos};
}

std::string misspelt_fence_message(const MisspeltFence& fence) {
  return in_quotes(fence.fence) +
         " is not a block Firefly knows: it is published as code, as written";
}

std::string misspelt_fence_hint(const MisspeltFence& fence) {
  if (fence.more && ascii_lower(fence.word) == fence.meant) {
    return "write '```" + fence.meant + "' alone on the line, with nothing after it";
  }
  std::string hint = did_you_mean_hint(ascii_lower(fence.word), kEmbedKinds);
  return hint.empty() ? "did you mean " + in_quotes(fence.meant) + "?" : hint;
}

}  // namespace firefly
