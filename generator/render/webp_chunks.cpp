#include "render/webp_chunks.h"

#include <algorithm>
#include <cstdint>

namespace firefly {

namespace {

uint32_t read_le32(const std::string& s, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(s[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 3])) << 24;
}

void write_le32(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

constexpr unsigned char kExifFlag = 0x08, kXmpFlag = 0x04;  // in the VP8X chunk's flags

}  // namespace

std::string strip_webp_metadata(const std::string& webp) {
  if (webp.size() < 12 || webp.compare(0, 4, "RIFF") != 0 || webp.compare(8, 4, "WEBP") != 0) {
    return webp;
  }
  std::string out = webp.substr(0, 12);
  for (size_t at = 12; at < webp.size();) {
    if (at + 8 > webp.size()) return webp;
    uint64_t size = read_le32(webp, at + 4);
    uint64_t padded = size + (size & 1);
    if (at + 8 + size > webp.size()) return webp;
    std::string fourcc = webp.substr(at, 4);
    size_t take = static_cast<size_t>(std::min<uint64_t>(8 + padded, webp.size() - at));
    if (fourcc != "EXIF" && fourcc != "XMP ") out.append(webp, at, take);
    at += take;
  }
  if (out.size() >= 21 && out.compare(12, 4, "VP8X") == 0) {
    out[20] = static_cast<char>(static_cast<unsigned char>(out[20]) & ~(kExifFlag | kXmpFlag));
  }
  write_le32(out, 4, static_cast<uint32_t>(out.size() - 8));
  return out;
}

}  // namespace firefly
