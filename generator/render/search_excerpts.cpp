#include "render/search_excerpts.h"

#include <libdeflate.h>
#include <zlib.h>

#include <stdexcept>

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

struct ExcerptDeflater::Impl {
  libdeflate_compressor* c = nullptr;
  std::string buffer;  ///< the compressor's output, reused: the result is a copy of its exact size
};

ExcerptDeflater::ExcerptDeflater() : impl_(std::make_unique<Impl>()) {
  // Raw deflate (no zlib header), as "deflate-raw" reads it. libdeflate at level 1: at
  // 10,000 stories less than half of zlib's CPU at its level 1, and fewer bytes.
  impl_->c = libdeflate_alloc_compressor(1);
  if (!impl_->c) throw std::runtime_error("libdeflate: cannot start deflate");
}

ExcerptDeflater::~ExcerptDeflater() { libdeflate_free_compressor(impl_->c); }

std::string ExcerptDeflater::deflate(std::string_view text) {
  if (text.empty()) return {};
  // Every page's text is held until its file is written: a string the size of the bound
  // would hold about twice the bytes.
  std::string& out = impl_->buffer;
  size_t bound = libdeflate_deflate_compress_bound(impl_->c, text.size());
  if (out.size() < bound) out.resize(bound);
  size_t n = libdeflate_deflate_compress(impl_->c, text.data(), text.size(), out.data(), bound);
  if (n == 0) throw std::runtime_error("libdeflate: deflate failed");
  return out.substr(0, n);
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
