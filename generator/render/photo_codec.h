// Reading and encoding raster images, with libvips in the photo module (firefly-photos.so,
// generator/photo_module/), which render/photo_codec.cpp loads the first time it is needed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace firefly {

/// What a raster image file holds, read from its header (no pixels decoded).
struct ImageInfo {
  std::string format;  ///< what the bytes are: "jpeg", "png", "webp", "tiff", "heif", "gif"
  int width = 0;       ///< as shown: after the EXIF orientation is applied
  int height = 0;
  bool alpha = false;     ///< has an alpha channel (published as PNG, not JPEG)
  bool gps = false;       ///< carries a GPS position in its EXIF data
  bool metadata = false;  ///< carries EXIF, XMP or IPTC data
};

/// A file format images are encoded in.
enum class ImageFormat { kWebp, kJpeg, kPng, kAvif };

/// The file extension of `format` ("webp", "jpg", "png", "avif"), of known length.
constexpr std::string_view image_extension(ImageFormat format) {
  switch (format) {
    case ImageFormat::kWebp:
      return "webp";
    case ImageFormat::kJpeg:
      return "jpg";
    case ImageFormat::kPng:
      return "png";
    case ImageFormat::kAvif:
      return "avif";
  }
  return "";
}

/// One encoding of a decoded image.
struct Encoding {
  ImageFormat format = ImageFormat::kWebp;
  int quality = 75;  ///< 1-100 (ignored for PNG)
};

/// The size to decode to: `width` wide (height follows the aspect ratio), or, with
/// `height`, exactly width x height cropped around the centre.
struct TargetSize {
  int width = 0;
  int height = 0;  ///< 0: keep the aspect ratio
};

/// Starts libvips once per process (thread-safe); false when it cannot start.
bool start_image_codec();

/// The photo module's file name (it holds libvips; loaded the first time it is needed).
constexpr const char* kPhotoModuleName = "firefly-photos.so";

/// Why the photo module could not be loaded, as the end of "the image X ..." ("cannot be
/// read: ..."); "" when it is loaded (or not yet needed).
std::string image_codec_problem();

/// Reads the header of the image at `path`; nullopt with a reason in `error` when the
/// file is not an image any decoder knows.
std::optional<ImageInfo> read_image_info(const std::string& path, std::string& error);

/// One size made from a photo, and the encodings wanted at that size.
struct RenderRequest {
  TargetSize size;
  std::vector<Encoding> encodings;
};

/// Decodes the image at `path` (`info` is its header) once, shrunk while loading to the
/// largest size `requests` need (never enlarged), turned upright from its EXIF orientation
/// and converted to sRGB; makes every requested size from that one decoded image (a
/// smaller width, or a crop around the centre) and encodes it in each of its encodings
/// without any metadata, on up to `jobs` threads. Returns, per request, the encoded files
/// in the order of its encodings; or nullopt with a reason in `error` (a damaged or
/// truncated file).
std::optional<std::vector<std::vector<std::string>>> encode_photo(
    const std::string& path, const ImageInfo& info, const std::vector<RenderRequest>& requests,
    std::string& error, int jobs = 1);

/// Whether this libvips can write AVIF.
bool can_encode_avif();

}  // namespace firefly
