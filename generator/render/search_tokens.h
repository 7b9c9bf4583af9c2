// What search indexes of a page: its text as blocks (from the rendered HTML), and the
// tokens of a text: folded words, and for CJK each character and each pair of
// neighbouring characters.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/locale.h"

namespace firefly {

namespace detail {
class HtmlBlockReader;
}  // namespace detail

/// Where on a page a token stands; a better place ranks higher.
enum class SearchField : uint8_t { kBody = 0, kHeading = 1, kTitle = 2 };

/// One block of a page's text: a paragraph, list item, cell or heading.
struct TextBlock {
  std::string text;
  bool heading = false;
};

/// A page's text as the index reads it, in one string: the title (line breaks made
/// spaces), then each block after a line break, which is the text its search results are
/// cut from (render/search_excerpts.h); and where each block is in it. One is kept from
/// page to page: no block has a string of its own, and no room is made again.
class PageText {
 public:
  struct Block {
    uint32_t offset = 0, size = 0;
    bool heading = false;
  };
  /// Starts a page's text: its title alone, no blocks (the room of the last page kept).
  void start(std::string_view title);
  /// Adds `text`, trimmed, as a block (nothing when it is only spaces).
  void add(std::string_view text, bool heading = false);
  const std::string& text() const { return text_; }
  const std::vector<Block>& blocks() const { return blocks_; }
  std::string_view block(const Block& b) const {
    return std::string_view(text_).substr(b.offset, b.size);
  }
  /// The blocks as TextBlocks (for tests).
  std::vector<TextBlock> text_blocks() const;

 private:
  friend class detail::HtmlBlockReader;
  std::string text_;
  std::vector<Block> blocks_;
  std::unique_ptr<char[]> gather_;  ///< room for a block's text as HTML is read
  size_t gather_size_ = 0;
};

/// The visible text of rendered HTML in blocks: tags dropped, entities decoded, nothing
/// of <script>, <style>, <svg> or <template>, nor of an element with role="img" (a chart's
/// drawing: its title, summary and table are read instead) or a data-search-ignore
/// attribute (a chart's download links).
std::vector<TextBlock> html_text_blocks(std::string_view html);
/// html_text_blocks, appended to `blocks`.
void html_text_blocks(std::string_view html, std::vector<TextBlock>& blocks);
/// html_text_blocks, appended to `page`'s blocks.
void html_text_blocks(std::string_view html, PageText& page);

/// Receives a token, its position (in pieces from the start of the page) and whether the
/// position is kept (CJK tokens keep none: a character or pair is a token of its own, and
/// a longer run is found by its pairs).
using TokenSink = std::function<void(std::string_view token, uint32_t pos, bool positional)>;

/// Longest token kept, in bytes; longer words (addresses, hashes) are not indexed.
constexpr size_t kMaxTokenBytes = 64;

namespace detail {
/// True where a Thai syllable can start: a consonant or a leading vowel (เ แ โ ใ ไ).
bool thai_syllable_start(uint32_t c);
}  // namespace detail

namespace detail {
/// for_each_search_token over text that search_text_is_simple accepts: the same tokens,
/// without ICU, and the CJK ones as views of `text`.
template <class Sink>
void simple_search_tokens(std::string_view text, uint32_t* pos, Sink& sink) {
  std::string word;  // lower case
  auto flush = [&] {
    if (word.empty()) return;
    if (word.size() <= kMaxTokenBytes) sink(std::string_view(word), *pos, true);
    ++*pos;
    word.clear();
  };
  bool in_run = false;  // a CJK character just before i
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word += static_cast<char>(c);
      } else if (c >= 'A' && c <= 'Z') {
        word += static_cast<char>(c - 'A' + 'a');
      } else {
        flush();
      }
      in_run = false;
      ++i;
      continue;
    }
    flush();  // simple text has 3-byte sequences only: ideographs and separators
    if (is_unified_ideograph(three_byte_code_point(text, i))) {
      if (in_run) sink(text.substr(i - 3, 6), *pos - 1, false);
      sink(text.substr(i, 3), *pos, false);
      ++*pos;
      in_run = true;
    } else {
      in_run = false;
    }
    i += 3;
  }
  flush();
}
}  // namespace detail

namespace detail {
/// for_each_search_token for any text: through search_pieces (ICU folding and breaks).
template <class Sink>
void piece_search_tokens(std::string_view text, uint32_t* pos, Sink& sink) {
  std::vector<SearchPiece> pieces = search_pieces(text);
  const std::string* previous_cjk = nullptr;  // the CJK character just before, in a run
  std::string run;
  for (const SearchPiece& p : pieces) {
    if (p.cjk) {
      if (!p.joined) previous_cjk = nullptr;
      if (previous_cjk) {
        run.assign(*previous_cjk).append(p.text);
        sink(std::string_view(run), *pos - 1, false);
      }
      sink(std::string_view(p.text), *pos, false);
      previous_cjk = &p.text;
    } else {
      previous_cjk = nullptr;
      if (p.text.size() > kMaxTokenBytes) {
        ++*pos;
        continue;
      }
      sink(std::string_view(p.text), *pos, true);
      // A Thai word is also indexed from each later syllable, at its own position: ICU
      // keeps compounds whole (สหภาพแรงงาน), and a reader typing แรงงาน expects it.
      uint32_t lead = three_byte_code_point(p.text, 0);
      if (lead >= 0x0E00 && lead <= 0x0E7F) {
        for (size_t i = 3; i + 3 <= p.text.size(); i += 3) {
          if (detail::thai_syllable_start(three_byte_code_point(p.text, i))) {
            sink(std::string_view(p.text).substr(i), *pos, true);
          }
        }
      }
    }
    ++*pos;
  }
}
}  // namespace detail

/// Calls `sink(token, pos, positional)` for the tokens of `text`, numbering its pieces
/// from `*pos` (advanced past them): a word is one piece, as is each CJK character,
/// which also makes a pair with the one before it (at that one's position).
template <class Sink>
void for_each_search_token(std::string_view text, uint32_t* pos, Sink&& sink) {
  if (search_text_is_simple(text)) {
    detail::simple_search_tokens(text, pos, sink);
  } else {
    detail::piece_search_tokens(text, pos, sink);
  }
}

/// for_each_search_token with a function.
void search_tokens(std::string_view text, uint32_t* pos, const TokenSink& sink);

}  // namespace firefly
