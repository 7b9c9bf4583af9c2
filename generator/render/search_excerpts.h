// The pages' titles and texts for the search results: search/<lang>/x/<n>.bin. Each page's
// title and text are deflated on their own (raw deflate, RFC 1951, with the codes the
// language's texts share: render/search_text_deflate.h) and the pages follow one another
// in id order, so that the search page reads the text of a result it shows with one HTTP range
// request (its offset and size are in the result's chunk), puts the shared header before it
// and inflates it in the browser (DecompressionStream "deflate-raw"), then shows the title
// and the text around the first match. (The titles are here, not in the chunks: a chunk is read for
// one of its pages.)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/search_tokens.h"

namespace firefly {

/// Largest excerpt file: static hosts cap the size of one file (25 MiB on some), and a
/// range request reads a page's text from anywhere in it. A chunk's pages are never split.
constexpr size_t kMaxExcerptFileBytes = 8 * 1024 * 1024;

/// What a result reads of its page: the title (newlines made spaces) on the first line,
/// then the text its excerpt is cut from, the blocks joined by newlines.
std::string excerpt_text(std::string_view title, const std::vector<TextBlock>& blocks);

/// Inflates raw deflate; nullopt when malformed.
std::optional<std::string> inflate_raw(std::string_view bytes);

/// Where a chunk's texts go: excerpt file `file`, from byte `offset`.
struct ExcerptPlace {
  size_t file = 0;
  size_t offset = 0;
};
/// Places chunks of `chunk_bytes` bytes each, in order, in files of at most `max_file_bytes`
/// (a chunk larger than that fills a file alone).
std::vector<ExcerptPlace> place_excerpt_chunks(const std::vector<size_t>& chunk_bytes,
                                               size_t max_file_bytes);

}  // namespace firefly
