// What search indexes of a page: its text as blocks (from the rendered HTML), and the
// tokens of a text: folded words, CJK character bigrams and single CJK characters.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// Where on a page a token stands; a better place ranks higher.
enum class SearchField : uint8_t { kBody = 0, kHeading = 1, kTitle = 2 };

/// One block of a page's text: a paragraph, list item, cell or heading.
struct TextBlock {
  std::string text;
  bool heading = false;
};

/// The visible text of rendered HTML in blocks: tags dropped, entities decoded, nothing
/// of <script>, <style>, <svg> or <template>, nor of an element with role="img" (a chart's
/// drawing: its title, summary and table are read instead) or a data-search-ignore
/// attribute (a chart's download links).
std::vector<TextBlock> html_text_blocks(std::string_view html);

/// Receives a token, its position (in pieces from the start of the page) and whether the
/// position is kept (single CJK characters keep none: they only ever match alone).
using TokenSink = std::function<void(std::string_view token, uint32_t pos, bool positional)>;

/// Longest token kept, in bytes; longer words (addresses, hashes) are not indexed.
constexpr size_t kMaxTokenBytes = 64;

/// Emits the tokens of `text`, numbering its pieces from `*pos` (advanced past them): a
/// word is one piece, as is each CJK character, which also makes a bigram with the one
/// after it (at its own position).
void search_tokens(std::string_view text, uint32_t* pos, const TokenSink& sink);

}  // namespace firefly
