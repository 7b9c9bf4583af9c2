#include "render/photo_codec.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <mutex>
#include <string_view>
#include <vips/vips8>

#include "render/webp_chunks.h"

namespace firefly {

namespace {

using vips::VImage;
using vips::VOption;

bool started = false;

/// The format a libvips loader reads ("VipsForeignLoadJpegFile" or "jpegload" -> "jpeg").
std::string format_of_loader(const char* loader) {
  std::string name = loader;
  constexpr std::string_view kPrefix = "VipsForeignLoad";
  if (name.rfind(kPrefix, 0) == 0) name.erase(0, kPrefix.size());
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.rfind("ns", 0) == 0) name.erase(0, 2);  // nsgif: libnsgif's GIF loader
  for (const char* f : {"jpeg", "png", "webp", "tiff", "heif", "gif", "svg"}) {
    if (name.rfind(f, 0) == 0) return f;
  }
  size_t cut = name.find("load");
  return cut == std::string::npos ? name : name.substr(0, cut);
}

/// Whether `image` has a metadata field whose name starts with `prefix`.
bool has_field(const VImage& image, const char* prefix) {
  char** fields = vips_image_get_fields(image.get_image());
  bool found = false;
  for (char** f = fields; f && *f; ++f) {
    if (std::strncmp(*f, prefix, std::strlen(prefix)) == 0) found = true;
  }
  g_strfreev(fields);
  return found;
}

VipsBlob* encode_blob(const VImage& image, const Encoding& e) {
  switch (e.format) {
    case ImageFormat::kWebp:
      // Effort 2 of 0-6 (libwebp's "method"; libvips's default is 4): measured on phone
      // photos at 1600 px, 2.3x faster than 4 for 0.1-0.3 dB less and files within 2%.
      return image.webpsave_buffer(
          VImage::option()->set("Q", e.quality)->set("strip", true)->set("effort", 2));
    case ImageFormat::kJpeg:
      // Baseline with optimised Huffman tables: a progressive file took 2-3x as long for
      // the same bytes, and the JPEG files are the fallback and the social card.
      return image.jpegsave_buffer(
          VImage::option()->set("Q", e.quality)->set("strip", true)->set("optimize_coding", true));
    case ImageFormat::kPng:
      return image.pngsave_buffer(VImage::option()->set("strip", true)->set("compression", 6));
    case ImageFormat::kAvif:
      return image.heifsave_buffer(VImage::option()
                                       ->set("Q", e.quality)
                                       ->set("strip", true)
                                       ->set("compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1));
  }
  return nullptr;
}

/// The bytes of `image` encoded as `e`, without metadata.
std::string encode(const VImage& image, const Encoding& e) {
  VipsBlob* blob = encode_blob(image, e);
  size_t length = 0;
  const void* data = vips_blob_get(blob, &length);
  std::string bytes(static_cast<const char*>(data), length);
  vips_area_unref(VIPS_AREA(blob));
  // libvips 8.14 writes an EXIF chunk into WebP files even with `strip`.
  return e.format == ImageFormat::kWebp ? strip_webp_metadata(bytes) : bytes;
}

/// How wide a decode of the original (`info`, upright) must be to make `size` from it
/// without enlarging: the width itself, or for a crop the width at which the image covers
/// the crop (plus a pixel against rounding), never wider than the original.
int base_width_for(TargetSize size, const ImageInfo& info) {
  if (info.width <= 0 || info.height <= 0) return std::max(1, size.width);
  if (size.height <= 0) return std::min(size.width, info.width);
  double scale = std::max(static_cast<double>(size.width) / info.width,
                          static_cast<double>(size.height) / info.height);
  return std::min(info.width, static_cast<int>(std::ceil(scale * info.width)) + 1);
}

/// The image at `path` decoded `width` wide (never enlarged), upright, in sRGB, in memory.
/// A JPEG decodes at 1/2, 1/4 or 1/8 of its size while loading, read top to bottom. One
/// decode runs at a time: it is the step that needs the most memory (the decoder's lines
/// and the new image), and the other threads encode meanwhile.
VImage decode_once(const std::string& path, int width) {
  static std::mutex decoding;
  std::lock_guard lock(decoding);
  VOption* options = VImage::option()
                         ->set("height", VIPS_MAX_COORD)
                         ->set("size", VIPS_SIZE_DOWN)
                         ->set("fail_on", VIPS_FAIL_ON_TRUNCATED);
  // Only an embedded colour profile needs converting (a photo without one is sRGB already;
  // converting it anyway costs a pass in floating point).
  VImage header =
      VImage::new_from_file(path.c_str(), VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
  if (has_field(header, "icc-profile-data")) options->set("export_profile", "srgb");
  VImage base = VImage::thumbnail(path.c_str(), width, options);
  if (base.bands() >= 3 && base.interpretation() != VIPS_INTERPRETATION_sRGB) {
    base = base.colourspace(VIPS_INTERPRETATION_sRGB);
  } else if (base.format() != VIPS_FORMAT_UCHAR) {
    base = base.cast(VIPS_FORMAT_UCHAR);
  }
  return base.copy_memory();
}

/// `size` made from the decoded `base`: `base` itself when it is that wide, else resized
/// down (a crop: resized to cover it, then cut around the centre).
VImage derive(const VImage& base, TargetSize size) {
  if (size.height <= 0 && size.width >= base.width()) return base;
  VOption* options = VImage::option();
  if (size.height > 0) {
    options->set("height", size.height)->set("crop", VIPS_INTERESTING_CENTRE);
  } else {
    options->set("height", VIPS_MAX_COORD);
  }
  return base.thumbnail_image(size.width, options);
}

}  // namespace

const char* image_extension(ImageFormat format) {
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

bool start_image_codec() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("firefly") != 0) return;
    // A damaged file is reported once, as an error naming it and its page; libvips's own
    // warnings about each tile it could not read would only repeat that.
    g_log_set_handler(
        "VIPS", G_LOG_LEVEL_WARNING, [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {},
        nullptr);
    vips_cache_set_max(0);    // every image is decoded once; nothing to reuse
    vips_concurrency_set(1);  // the build runs one image per core itself
    started = true;
  });
  return started;
}

std::optional<ImageInfo> read_image_info(const std::string& path, std::string& error) {
  if (!start_image_codec()) {
    error = "the image library could not start";
    return std::nullopt;
  }
  const char* loader = vips_foreign_find_load(path.c_str());
  if (!loader) {
    vips_error_clear();
    error = "is not an image: its content is no picture format Firefly reads";
    return std::nullopt;
  }
  try {
    VImage image = VImage::new_from_file(path.c_str(),
                                         VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
    ImageInfo info;
    info.format = format_of_loader(loader);
    info.width = image.width();
    info.height = image.height();
    if (has_field(image, "orientation") && image.get_int("orientation") >= 5) {
      std::swap(info.width, info.height);
    }
    info.alpha = image.has_alpha();
    info.gps =
        has_field(image, "exif-ifd3-GPSLatitude") || has_field(image, "exif-ifd3-GPSLongitude");
    info.metadata = has_field(image, "exif-data") || has_field(image, "xmp-data") ||
                    has_field(image, "iptc-data");
    return info;
  } catch (const vips::VError&) {
    vips_error_clear();
    error = "is damaged: its header cannot be read";
    return std::nullopt;
  }
}

std::optional<std::vector<std::vector<std::string>>> encode_photo(
    const std::string& path, const ImageInfo& info, const std::vector<RenderRequest>& requests,
    std::string& error) {
  if (!start_image_codec()) {
    error = "the image library could not start";
    return std::nullopt;
  }
  if (requests.empty()) return std::vector<std::vector<std::string>>{};
  int base_width = 1;
  for (const RenderRequest& r : requests)
    base_width = std::max(base_width, base_width_for(r.size, info));
  try {
    VImage base = decode_once(path, base_width);
    std::vector<std::vector<std::string>> out;
    for (const RenderRequest& r : requests) {
      // Resized once into memory, then encoded in each format.
      std::vector<std::string>& files = out.emplace_back();
      VImage sized = derive(base, r.size);
      if (r.encodings.size() > 1) sized = sized.copy_memory();  // `base` itself: no copy
      for (const Encoding& e : r.encodings) files.push_back(encode(sized, e));
    }
    vips_thread_shutdown();  // frees this thread's buffers kept for the next pipeline
    return out;
  } catch (const vips::VError&) {
    vips_error_clear();
    error = "is damaged or cut short: it cannot be decoded";
    return std::nullopt;
  }
}

bool can_encode_avif() {
  // libvips 8.14 lists no buffer saver for ".avif" even when libheif has an AV1 encoder,
  // so a tiny image is encoded once to find out.
  static const bool can = [] {
    if (!start_image_codec()) return false;
    try {
      VImage tiny = VImage::black(8, 8, VImage::option()->set("bands", 3));
      encode(tiny, {ImageFormat::kAvif, 50});
      return true;
    } catch (const vips::VError&) {
      vips_error_clear();
      return false;
    }
  }();
  return can;
}

}  // namespace firefly
