// Encoding pixels in memory as WebP with libwebp, without a copy of the pixels and
// without any metadata (the file holds the image and nothing else).
#pragma once

#include <optional>
#include <string>

namespace firefly {

/// Pixels in memory: `height` rows of `width` pixels, 3 bytes (RGB) or 4 (RGBA) each,
/// each row `stride` bytes after the one before (a window onto a larger image works).
struct PixelView {
  const unsigned char* data = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;
  bool alpha = false;
};

/// `pixels` as a lossy WebP file at `quality` (1-100), with libwebp's `effort` (its
/// "method", 0-6: higher is smaller and slower); nullopt when libwebp refuses (a size
/// over 16383 pixels, no memory).
std::optional<std::string> encode_webp(const PixelView& pixels, int quality, int effort);

}  // namespace firefly
