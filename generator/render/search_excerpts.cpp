#include "render/search_excerpts.h"

#include <zlib.h>

namespace firefly {

std::string excerpt_text(std::string_view title, const std::vector<TextBlock>& blocks) {
  size_t size = title.size();
  for (const TextBlock& b : blocks) size += 1 + b.text.size();
  std::string text;
  text.reserve(size);  // made once: every page's text is copied here
  text = title;
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  for (const TextBlock& b : blocks) {
    text += '\n';
    text += b.text;
  }
  return text;
}

std::optional<std::string> inflate_raw(std::string_view bytes) {
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) return std::nullopt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  bool whole = rc == Z_STREAM_END && z.avail_in == 0;
  inflateEnd(&z);
  if (!whole) return std::nullopt;
  return out;
}

std::vector<ExcerptPlace> place_excerpt_chunks(const std::vector<size_t>& chunk_bytes,
                                               size_t max_file_bytes) {
  std::vector<ExcerptPlace> places;
  ExcerptPlace at;
  for (size_t bytes : chunk_bytes) {
    if (at.offset > 0 && at.offset + bytes > max_file_bytes) at = {at.file + 1, 0};
    places.push_back(at);
    at.offset += bytes;
  }
  return places;
}

}  // namespace firefly
