#include "photo_module/webp_encoder.h"

#include <doctest/doctest.h>
#include <webp/decode.h>

#include <vector>

namespace firefly {

namespace {

/// A `width` x `height` gradient, `bands` bytes a pixel, in rows of `stride` bytes.
std::vector<unsigned char> gradient(int width, int height, int bands, int stride) {
  std::vector<unsigned char> px(static_cast<size_t>(stride) * height, 0);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      unsigned char* p = &px[static_cast<size_t>(y) * stride + static_cast<size_t>(x) * bands];
      p[0] = static_cast<unsigned char>(x * 255 / width);
      p[1] = static_cast<unsigned char>(y * 255 / height);
      p[2] = 128;
      if (bands == 4) p[3] = static_cast<unsigned char>(x < width / 2 ? 255 : 0);
    }
  }
  return px;
}

}  // namespace

TEST_CASE("encode_webp writes a bare lossy WebP of the pixels' size") {
  std::vector<unsigned char> px = gradient(64, 48, 3, 64 * 3);
  std::optional<std::string> webp = encode_webp({px.data(), 64, 48, 64 * 3, false}, 75, 2);
  REQUIRE(webp);
  CHECK(webp->compare(0, 4, "RIFF") == 0);
  CHECK(webp->compare(8, 8, "WEBPVP8 ") == 0);  // one image chunk: no EXIF, no XMP
  int w = 0, h = 0;
  REQUIRE(WebPGetInfo(reinterpret_cast<const uint8_t*>(webp->data()), webp->size(), &w, &h));
  CHECK(w == 64);
  CHECK(h == 48);
  // The colours survive: the top-right pixel is red-ish, the bottom-left green-ish.
  std::vector<uint8_t> rgb(64 * 48 * 3);
  REQUIRE(WebPDecodeRGBInto(reinterpret_cast<const uint8_t*>(webp->data()), webp->size(),
                            rgb.data(), rgb.size(), 64 * 3));
  CHECK(rgb[63 * 3] > 200);
  CHECK(rgb[(47 * 64) * 3 + 1] > 200);
}

TEST_CASE("encode_webp reads a window of a larger image and keeps transparency") {
  // A 40x30 window at (8, 4) of a 64x48 RGBA image.
  std::vector<unsigned char> px = gradient(64, 48, 4, 64 * 4);
  const unsigned char* window = px.data() + 4 * 64 * 4 + 8 * 4;
  std::optional<std::string> webp = encode_webp({window, 40, 30, 64 * 4, true}, 75, 2);
  REQUIRE(webp);
  WebPBitstreamFeatures features;
  REQUIRE(WebPGetFeatures(reinterpret_cast<const uint8_t*>(webp->data()), webp->size(),
                          &features) == VP8_STATUS_OK);
  CHECK(features.width == 40);
  CHECK(features.height == 30);
  CHECK(features.has_alpha);
}

TEST_CASE("encode_webp refuses what libwebp cannot encode") {
  std::vector<unsigned char> px(20000 * 3, 0);  // wider than WebP's 16383 pixels
  CHECK_FALSE(encode_webp({px.data(), 20000, 1, 60000, false}, 75, 2));
}

}  // namespace firefly
