// The photo module (firefly-photos.so): reading and encoding raster images with libvips,
// the one file that talks to it. The program loads the module the first time a photo is
// read (render/photo_codec.cpp) and calls it through the table firefly_photo_codec returns.
#include <dlfcn.h>
#include <gmodule.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstring>
#include <mutex>
#include <numeric>
#include <optional>
#include <string_view>
#include <vips/vips8>

#include "photo_module/webp_encoder.h"
#include "render/photo_codec.h"
#include "render/photo_codec_api.h"

namespace firefly::vips_codec {

namespace {

using vips::VImage;
using vips::VOption;

bool started = false;

/// The program's threads and allocator (firefly_photo_codec sets it before any call).
const PhotoCodecHost* host = nullptr;

void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  host->parallel_for(n, jobs, fn);
}

void release_freed_memory() { host->release_freed_memory(); }

/// Loads libvips's HEIF add-on (HEIC, HEIF and AVIF files) once; false when it is not
/// installed. The add-ons are not loaded when libvips starts (start_image_codec): each
/// pulls in its libraries (the PDF, ImageMagick and slide readers, an HEVC encoder), 6 MB
/// of memory for formats a site never publishes.
bool load_heif_module() {
  static const bool loaded = [] {
    Dl_info self;
    if (!dladdr(reinterpret_cast<void*>(&vips_init), &self) || !self.dli_fname) return false;
    std::string dir = self.dli_fname;
    dir.erase(dir.rfind('/') + 1);
    std::string file = dir + "vips-modules-" + std::to_string(vips_version(0)) + "." +
                       std::to_string(vips_version(1)) + "/vips-heif.so";
    // GModule runs the add-on's g_module_check_init, which registers its loader and saver.
    return g_module_open(file.c_str(), G_MODULE_BIND_LAZY) != nullptr;
  }();
  return loaded;
}

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

/// A window onto an image held in memory (uchar sRGB, 3 or 4 bands): all of it, or a crop
/// of it, read in place.
struct Window {
  VImage image;
  int left = 0, top = 0, width = 0, height = 0;

  explicit Window(VImage in) : image(std::move(in)), width(image.width()), height(image.height()) {}
  Window(VImage in, int l, int t, int w, int h)
      : image(std::move(in)), left(l), top(t), width(w), height(h) {}
  bool whole() const { return width == image.width() && height == image.height(); }
  /// The window as an image for libvips's savers (a view, no copy).
  VImage view() const { return whole() ? image : image.extract_area(left, top, width, height); }
};

VipsBlob* encode_blob(const VImage& image, const Encoding& e) {
  switch (e.format) {
    case ImageFormat::kWebp:
      return nullptr;  // encoded with libwebp directly (encode below)
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

/// The bytes of `window` encoded as `e`, without metadata. WebP goes to libwebp straight
/// from the pixels in memory: libvips's saver first copies the whole image into a buffer
/// of its own (and, in 8.14, writes an EXIF chunk even when asked to strip metadata).
std::string encode(const Window& window, const Encoding& e) {
  if (e.format == ImageFormat::kWebp) {
    const VImage& in = window.image;
    auto* data = static_cast<const unsigned char*>(in.data());
    size_t line = VIPS_IMAGE_SIZEOF_LINE(in.get_image());
    PixelView pixels{data + line * window.top + VIPS_IMAGE_SIZEOF_PEL(in.get_image()) * window.left,
                     window.width, window.height, static_cast<int>(line), in.bands() == 4};
    // Effort 2 of 0-6 (libwebp's "method"; libvips's default is 4): measured on phone
    // photos at 1600 px, 2.3x faster than 4 for 0.1-0.3 dB less and files within 2%.
    std::optional<std::string> bytes = encode_webp(pixels, e.quality, 2);
    if (!bytes) throw vips::VError("WebP encoding failed");
    return std::move(*bytes);
  }
  VipsBlob* blob = encode_blob(window.view(), e);
  size_t length = 0;
  const void* data = vips_blob_get(blob, &length);
  std::string bytes(static_cast<const char*>(data), length);
  vips_area_unref(VIPS_AREA(blob));
  return bytes;
}

/// `window` encoded in each of `encodings`, on up to `jobs` threads (the caller's too).
std::vector<std::string> encode_all(const Window& window, const std::vector<Encoding>& encodings,
                                    int jobs) {
  std::vector<std::string> out(encodings.size());
  std::atomic<bool> failed{false};
  parallel_for(encodings.size(), jobs, [&](size_t e) {
    if (failed) return;
    try {
      out[e] = encode(window, encodings[e]);
    } catch (const vips::VError&) {
      failed = true;
    }
    // libvips keeps buffers per thread; a worker thread's would outlive it.
    vips_thread_shutdown();
  });
  if (failed) throw vips::VError("encoding failed");
  return out;
}

/// An image in memory read once from top to bottom (by an encoder), whose pages are
/// handed back to the system as soon as the encoder has read past them.
struct ReleasingRead {
  unsigned char* data = nullptr;
  size_t line = 0;      ///< bytes per line
  int released_to = 0;  ///< lines above this one are gone
};

int generate_releasing(VipsRegion* out, void*, void* a, void*, gboolean*) {
  auto* read = static_cast<ReleasingRead*>(a);
  const VipsRect& r = out->valid;
  // Lines are asked for from the top down; one asked for again after it was released
  // fails the encode (never reads zeros).
  if (r.top < read->released_to) return -1;
  size_t pel = VIPS_IMAGE_SIZEOF_PEL(out->im);
  for (int y = r.top; y < r.top + r.height; ++y) {
    std::memcpy(VIPS_REGION_ADDR(out, r.left, y), read->data + read->line * y + pel * r.left,
                pel * r.width);
  }
  // The whole pages above this strip: the encoder is done with them.
  static const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  auto from = reinterpret_cast<uintptr_t>(read->data + read->line * read->released_to);
  auto to = reinterpret_cast<uintptr_t>(read->data + read->line * r.top);
  from = (from + page - 1) / page * page;
  to = to / page * page;
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
  read->released_to = r.top;
  return 0;
}

/// The whole of `image` (in memory, used by nothing after this) encoded as `e`, its
/// memory handed back line by line as the encoder reads it: the JPEG encoder's
/// coefficients for optimised tables (5.8 MB at 1600 px) take the place of the image
/// instead of being added to it. The same bytes as encode().
std::string encode_releasing(const VImage& image, const Encoding& e) {
  ReleasingRead read{static_cast<unsigned char*>(const_cast<void*>(image.data())),
                     static_cast<size_t>(VIPS_IMAGE_SIZEOF_LINE(image.get_image())), 0};
  VipsImage* view = vips_image_new();
  VipsImage* in = image.get_image();
  if (vips_image_pipelinev(view, VIPS_DEMAND_STYLE_THINSTRIP, in, nullptr) != 0 ||
      vips_image_generate(view, nullptr, generate_releasing, nullptr, &read, nullptr) != 0) {
    g_object_unref(view);
    throw vips::VError("encoding failed");
  }
  return encode(Window(VImage(view)), e);
}

/// How wide the original (`info`, upright) is when it covers `size`: the width itself,
/// or for a crop the width at which the image is as wide and as high as the crop; never
/// wider than the original.
int cover_width(TargetSize size, const ImageInfo& info) {
  if (info.width <= 0 || info.height <= 0) return std::max(1, size.width);
  if (size.height <= 0) return std::min(size.width, info.width);
  double scale = std::max(static_cast<double>(size.width) / info.width,
                          static_cast<double>(size.height) / info.height);
  return std::min(info.width, static_cast<int>(std::ceil(scale * info.width)));
}

/// How wide a decode must be to make `size` without enlarging (a pixel more for a crop,
/// against rounding).
int base_width_for(TargetSize size, const ImageInfo& info) {
  int width = cover_width(size, info);
  return size.height > 0 ? std::min(info.width, width + 1) : width;
}

/// An sRGB JPEG (a phone photo, with or without a colour profile) decoded `width` wide
/// (upright), at 1/2, 1/4 or 1/8 of its size while loading, read top to bottom and resized
/// as it is read; nullopt for any other file (thumbnail_file). libvips's thumbnail did the
/// same with twice the memory: 25 -> 15 MB for a 4032 x 3024 photo made 1600 wide.
std::optional<VImage> decode_jpeg(const std::string& path, const VImage& header, int width) {
  if (std::string_view(vips_foreign_find_load(path.c_str())).find("Jpeg") ==
          std::string_view::npos ||
      header.bands() != 3 || header.interpretation() != VIPS_INTERPRETATION_sRGB ||
      header.format() != VIPS_FORMAT_UCHAR) {
    return std::nullopt;
  }
  int orientation = has_field(header, "orientation") ? header.get_int("orientation") : 1;
  bool turned = orientation >= 5;  // 90 or 270 degrees: the stored width is the shown height
  int upright = turned ? header.height() : header.width();
  int shrink = 1;
  while (shrink < 8 && upright / (shrink * 2) >= width) shrink *= 2;
  VImage image = VImage::new_from_file(path.c_str(), VImage::option()
                                                         ->set("access", VIPS_ACCESS_SEQUENTIAL)
                                                         ->set("shrink", shrink)
                                                         ->set("fail_on", VIPS_FAIL_ON_TRUNCATED));
  if (has_field(image, "icc-profile-data")) {
    image = image.icc_transform("srgb", VImage::option()->set("embedded", true));
  }
  int loaded = turned ? image.height() : image.width();
  if (loaded != width) {
    double scale = static_cast<double>(width) / loaded;
    image = image.resize(scale);
  }
  image = image.copy_memory();
  if (orientation > 1) image = image.autorot().copy_memory();
  return image;
}

/// The image at `path` decoded `width` wide (never enlarged), upright, in 8-bit sRGB with
/// 3 bands (4 with alpha), in memory. One decode runs at a time: it is the step that needs
/// the most memory (the decoder's lines and the new image).
VImage decode_once(const std::string& path, int width) {
  static std::mutex decoding;
  std::lock_guard lock(decoding);
  VImage header =
      VImage::new_from_file(path.c_str(), VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL));
  if (std::optional<VImage> jpeg = decode_jpeg(path, header, width)) return *jpeg;
  VOption* options = VImage::option()
                         ->set("height", VIPS_MAX_COORD)
                         ->set("size", VIPS_SIZE_DOWN)
                         ->set("fail_on", VIPS_FAIL_ON_TRUNCATED);
  // Only an embedded colour profile needs converting (a photo without one is sRGB already;
  // converting it anyway costs a pass in floating point).
  if (has_field(header, "icc-profile-data")) options->set("export_profile", "srgb");
  VImage base = VImage::thumbnail(path.c_str(), width, options);
  if (base.bands() < 3 || base.interpretation() != VIPS_INTERPRETATION_sRGB) {
    base = base.colourspace(VIPS_INTERPRETATION_sRGB);  // grey and CMYK too
  }
  if (base.format() != VIPS_FORMAT_UCHAR) base = base.cast(VIPS_FORMAT_UCHAR);
  return base.copy_memory();
}

/// Whether `size` can be made from `from` (w x h) without enlarging.
bool fits_in(TargetSize size, int w, int h) {
  return size.width <= w && (size.height <= 0 || size.height <= h);
}

/// `size` made from the image in memory `from`: `from` itself when it is that wide, a
/// window of it when it is the crop's width or height already, else resized down into
/// memory (a crop: resized to cover it, then cut around the centre).
Window derive(const VImage& from, TargetSize size) {
  int w = from.width(), h = from.height();
  if (size.height <= 0 && size.width >= w) return Window(from);
  if (size.height > 0 &&
      ((size.width == w && size.height <= h) || (size.height == h && size.width <= w))) {
    return Window(from, (w - size.width) / 2, (h - size.height) / 2, size.width, size.height);
  }
  VOption* options = VImage::option();
  if (size.height > 0) {
    options->set("height", size.height)->set("crop", VIPS_INTERESTING_CENTRE);
  } else {
    options->set("height", VIPS_MAX_COORD);
  }
  return Window(from.thumbnail_image(size.width, options).copy_memory());
}

/// Sets how many lines libvips computes at a time between a file read top to bottom and
/// an image in memory or an encoder (128 by default): its line caches and write buffers
/// hold that many lines of the widest image of the pipeline. The setting is one of
/// libvips's command-line options (it has no function for it). At 16 lines, a 4032 x 3024
/// JPEG loaded at half size and resized 1600 wide peaks at 2.4 MB of pixel buffers
/// instead of 8.6 MB, for the same pixels and no more CPU.
void set_tile_height(int lines) {
  std::string option = "--vips-tile-height=" + std::to_string(lines);
  char name[] = "firefly";
  char* args[] = {name, option.data(), nullptr};
  char** argv = args;
  int argc = 2;
  GOptionContext* context = g_option_context_new(nullptr);
  GOptionGroup* group = g_option_group_new("vips", "", "", nullptr, nullptr);
  vips_add_option_entries(group);
  g_option_context_set_main_group(context, group);
  g_option_context_parse(context, &argc, &argv, nullptr);
  g_option_context_free(context);  // frees the group
}

}  // namespace

bool start_image_codec() {
  static std::once_flag once;
  std::call_once(once, [] {
    // libvips loads its add-ons from $VIPSHOME/lib when VIPSHOME is set: a prefix that
    // cannot hold any keeps them out (load_heif_module loads the one Firefly uses).
    g_setenv("VIPSHOME", "/dev/null", FALSE);
    if (VIPS_INIT("firefly") != 0) return;
    // A damaged file is reported once, as an error naming it and its page; libvips's own
    // warnings about each tile it could not read would only repeat that.
    g_log_set_handler(
        "VIPS", G_LOG_LEVEL_WARNING, [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {},
        nullptr);
    vips_cache_set_max(0);    // every image is decoded once; nothing to reuse
    vips_concurrency_set(1);  // the build runs one image per core itself
    set_tile_height(16);
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
  if (!loader && load_heif_module()) {  // HEIC from a phone, or AVIF
    vips_error_clear();
    loader = vips_foreign_find_load(path.c_str());
  }
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
    std::string& error, int jobs) {
  if (!start_image_codec()) {
    error = "the image library could not start";
    return std::nullopt;
  }
  if (requests.empty()) return std::vector<std::vector<std::string>>{};
  int base_width = 1;
  for (const RenderRequest& r : requests)
    base_width = std::max(base_width, base_width_for(r.size, info));
  // The widest size first; a crop after the width it is cut from, so it is a window of it.
  std::vector<size_t> order(requests.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    int wa = cover_width(requests[a].size, info), wb = cover_width(requests[b].size, info);
    if (wa != wb) return wa > wb;
    return requests[a].size.height <= 0 && requests[b].size.height > 0;
  });
  try {
    if (info.format == "heif") load_heif_module();
    // Each size is made from the smallest image in memory that holds it: the decode, then
    // each width as soon as every later size fits in it, so at most two sizes of one
    // photo are in memory at once. A size's files are encoded on up to `jobs` threads.
    VImage from = decode_once(path, base_width);
    // The build's allocator keeps what is freed for reuse, and the decoder's buffers and
    // each size's encoders seldom fit what the step before left: the memory freed goes
    // back after the decode and after each size (20 photos: peak RSS 71 -> 65 MB, with
    // huge pages off for the photos).
    release_freed_memory();
    std::vector<std::vector<std::string>> out(requests.size());
    // The widest size's JPEG (or PNG) is encoded once nothing else needs that image: then
    // its memory goes back line by line as the encoder reads it (encode_releasing).
    VImage widest;
    std::optional<size_t> late;  // that encoding, of requests[order[0]]
    auto encode_late = [&] {
      out[order[0]][*late] = encode_releasing(widest, requests[order[0]].encodings[*late]);
      late.reset();
      widest = VImage();
      release_freed_memory();
    };
    for (size_t k = 0; k < order.size(); ++k) {
      const RenderRequest& r = requests[order[k]];
      Window sized = derive(from, r.size);
      // A width that holds every later size replaces the image it was made from before its
      // files are encoded, so the larger image is freed first.
      if (r.size.height <= 0 && sized.whole() &&
          std::all_of(order.begin() + static_cast<std::ptrdiff_t>(k) + 1, order.end(),
                      [&](size_t later) {
                        return fits_in(requests[later].size, sized.width, sized.height);
                      })) {
        from = sized.image;
      }
      if (late && from.get_image() != widest.get_image()) encode_late();
      std::vector<Encoding> now = r.encodings;
      if (k == 0 && order.size() > 1 && r.size.height <= 0 && sized.whole()) {
        for (size_t e = 0; e < r.encodings.size() && !late; ++e) {
          ImageFormat f = r.encodings[e].format;
          if (f == ImageFormat::kJpeg || f == ImageFormat::kPng) late = e;
        }
        if (late) {
          widest = sized.image;
          now.erase(now.begin() + static_cast<std::ptrdiff_t>(*late));
        }
      }
      // The widest size's files one after another: libwebp's planes and the JPEG
      // encoder's coefficients are not in memory at once beside the decoded photo.
      std::vector<std::string> files = encode_all(sized, now, k == 0 ? 1 : jobs);
      if (k == 0 && late) files.insert(files.begin() + static_cast<std::ptrdiff_t>(*late), "");
      out[order[k]] = std::move(files);
      release_freed_memory();
    }
    if (late) {
      from = VImage();
      encode_late();
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
    if (!start_image_codec() || !load_heif_module()) return false;
    try {
      VImage tiny = VImage::black(8, 8, VImage::option()->set("bands", 3));
      encode(Window(tiny), {ImageFormat::kAvif, 50});
      return true;
    } catch (const vips::VError&) {
      vips_error_clear();
      return false;
    }
  }();
  return can;
}

}  // namespace firefly::vips_codec

/// The module's one exported function (render/photo_codec_api.h).
extern "C" __attribute__((visibility("default"))) const firefly::PhotoCodecApi* firefly_photo_codec(
    const firefly::PhotoCodecHost* host) {
  namespace v = firefly::vips_codec;
  v::host = host;
  static const firefly::PhotoCodecApi api{firefly::kPhotoCodecVersion, &v::start_image_codec,
                                          &v::read_image_info, &v::encode_photo,
                                          &v::can_encode_avif};
  return &api;
}
