#include "render/webp_chunks.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {

std::string le32(uint32_t v) {
  std::string s(4, '\0');
  for (int i = 0; i < 4; ++i) s[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  return s;
}

std::string chunk(const std::string& fourcc, const std::string& data) {
  std::string c = fourcc + le32(static_cast<uint32_t>(data.size())) + data;
  if (data.size() & 1) c += '\0';
  return c;
}

std::string riff(const std::string& chunks) {
  return "RIFF" + le32(static_cast<uint32_t>(4 + chunks.size())) + "WEBP" + chunks;
}

}  // namespace

TEST_CASE("strip_webp_metadata removes EXIF and XMP chunks and their flags") {
  std::string vp8x = chunk("VP8X", std::string("\x0c\0\0\0", 4) + std::string(6, '\x01'));
  std::string image = chunk("VP8 ", "pixels!");  // odd size: padded
  std::string in = riff(vp8x + image + chunk("EXIF", "GPS 22.99") + chunk("XMP ", "<x/>"));
  std::string out = strip_webp_metadata(in);
  std::string flags_cleared = vp8x;
  flags_cleared[8] = '\0';
  CHECK(out == riff(flags_cleared + image));
}

TEST_CASE("strip_webp_metadata leaves what is not a whole WebP file alone") {
  CHECK(strip_webp_metadata("not webp") == "not webp");
  std::string cut = riff(chunk("VP8 ", "pixels")).substr(0, 20);
  CHECK(strip_webp_metadata(cut) == cut);
  std::string simple = riff(chunk("VP8L", "abcd"));
  CHECK(strip_webp_metadata(simple) == simple);
}

}  // namespace firefly
