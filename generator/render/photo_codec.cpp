#include "render/photo_codec.h"

#include <cctype>
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

VipsBlob* encode(const VImage& image, const Encoding& e) {
  switch (e.format) {
    case ImageFormat::kWebp:
      return image.webpsave_buffer(VImage::option()->set("Q", e.quality)->set("strip", true));
    case ImageFormat::kJpeg:
      return image.jpegsave_buffer(VImage::option()
                                       ->set("Q", e.quality)
                                       ->set("strip", true)
                                       ->set("optimize_coding", true)
                                       ->set("interlace", true));
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

std::optional<std::vector<std::string>> encode_image(const std::string& path, TargetSize size,
                                                     const std::vector<Encoding>& encodings,
                                                     std::string& error) {
  if (!start_image_codec()) {
    error = "the image library could not start";
    return std::nullopt;
  }
  try {
    VOption* options = VImage::option()
                           ->set("size", VIPS_SIZE_DOWN)
                           ->set("fail_on", VIPS_FAIL_ON_TRUNCATED)
                           ->set("export_profile", "srgb");
    if (size.height > 0) {
      options->set("height", size.height)->set("crop", VIPS_INTERESTING_CENTRE);
    } else {
      options->set("height", VIPS_MAX_COORD);
    }
    VImage image = VImage::thumbnail(path.c_str(), size.width, options);
    if (image.bands() >= 3 && image.interpretation() != VIPS_INTERPRETATION_sRGB) {
      image = image.colourspace(VIPS_INTERPRETATION_sRGB);
    } else if (image.format() != VIPS_FORMAT_UCHAR) {
      image = image.cast(VIPS_FORMAT_UCHAR);
    }
    if (encodings.size() > 1) image = image.copy_memory();
    std::vector<std::string> files;
    for (const Encoding& e : encodings) {
      VipsBlob* blob = encode(image, e);
      size_t length = 0;
      const void* data = vips_blob_get(blob, &length);
      files.emplace_back(static_cast<const char*>(data), length);
      // libvips 8.14 writes an EXIF chunk into WebP files even with `strip`.
      if (e.format == ImageFormat::kWebp) files.back() = strip_webp_metadata(files.back());
      vips_area_unref(VIPS_AREA(blob));
    }
    return files;
  } catch (const vips::VError&) {
    vips_error_clear();
    error = "is damaged or cut short: it cannot be decoded";
    return std::nullopt;
  }
}

bool can_encode_avif() {
  if (!start_image_codec()) return false;
  const char* saver = vips_foreign_find_save_buffer(".avif");
  vips_error_clear();
  return saver != nullptr;
}

}  // namespace firefly
