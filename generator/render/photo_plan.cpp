// The plan of a photo: the sizes it is made at (widths, the card crop, the social card)
// and the names and encodings of the files each size becomes.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>

#include "render/photos.h"

namespace firefly {

namespace {

constexpr int kCardWidth = 800;                          // 16:9, as .card-image shows it
constexpr int kSmallCardWidth = 480;                     // the card crop for 1x screens
constexpr int kSocialWidth = 1200, kSocialHeight = 630;  // og:image

/// "w x h" of a render of an original `w` x `h` at `width` (aspect kept).
int height_at(int width, const ImageInfo& info) {
  return std::max(1,
                  static_cast<int>((static_cast<long long>(info.height) * width + info.width / 2) /
                                   info.width));
}

/// Writes the render's width as text, once, for the srcsets that offer it.
void write_width(PhotoRender& r) {
  char* begin = r.width_text.data();
  char* end = std::to_chars(begin, begin + r.width_text.size(), r.width).ptr;
  r.width_size = static_cast<unsigned char>(end - begin);
}

}  // namespace

void PhotoSet::plan_original(Photo& photo) const {
  const ImageInfo& info = photo.source.info;
  Encoding e;
  if (info.format == "jpeg") {
    e = {ImageFormat::kJpeg, options_.jpeg_quality};
  } else if (info.format == "png") {
    e = {ImageFormat::kPng, 0};
  } else if (info.format == "webp") {
    e = {ImageFormat::kWebp, options_.webp_quality};
  } else {
    return;  // TIFF and HEIF originals are only published as their variants
  }
  int w = std::min(info.width, options_.widths.back());
  // plan() left the site path at the end of the URLs' text.
  if (!photo.urls) photo.urls = std::make_shared<const std::string>(photo.site_path);
  std::string_view text = *photo.urls;
  PhotoFile file{text.substr(text.size() - photo.site_path.size()), e};
  for (PhotoRender& r : photo.renders) {
    if (r.size.width == w && r.size.height == 0) {
      r.files.push_back(file);
      return;
    }
  }
  PhotoRender& r = photo.renders.emplace_back(PhotoRender{{w, 0}, w, height_at(w, info), {}});
  write_width(r);
  r.files.push_back(file);
}

void PhotoSet::plan(Photo& photo) const {
  const ImageInfo& info = photo.source.info;
  size_t dot = photo.site_path.rfind('.');
  std::string_view stem = std::string_view(photo.site_path).substr(0, dot);
  std::string_view tag = std::string_view(photo.source.hash).substr(0, 8);
  ImageFormat fallback = info.alpha ? ImageFormat::kPng : ImageFormat::kJpeg;
  struct Size {
    char name[16];  // "1600", "card480", "og"
    size_t name_size;
    size_t digits_at;  // where the width's digits start in `name` (none for "og")
    TargetSize size;
    int w, h;
    bool modern;
  };
  auto named = [](const char* prefix, int n, TargetSize size, int w, int h, bool modern) {
    size_t p = std::char_traits<char>::length(prefix);
    Size z{{}, 0, p, size, w, h, modern};
    std::copy(prefix, prefix + p, z.name);
    char* end = n < 0 ? z.name + p : std::to_chars(z.name + p, z.name + sizeof z.name, n).ptr;
    z.name_size = static_cast<size_t>(end - z.name);
    return z;
  };
  // The sizes in a list on the stack (a rebuild plans every photo again: two lists
  // allocated, grown and freed a photo were about 0.1 M instructions for 200 photos); on the
  // heap only for more widths than a site would ask for (at most one size a width, as the
  // original's width replaces the widths it does not reach, and three crops).
  std::array<Size, 12> inline_sizes;
  std::unique_ptr<Size[]> heap_sizes;
  Size* sizes = inline_sizes.data();
  if (options_.widths.size() + 3 > inline_sizes.size()) {
    heap_sizes = std::make_unique<Size[]>(options_.widths.size() + 3);
    sizes = heap_sizes.get();
  }
  size_t n = 0;
  auto add_width = [&](int w) { sizes[n++] = named("", w, {w, 0}, w, height_at(w, info), true); };
  for (int w : options_.widths) {
    if (w < info.width) add_width(w);
  }
  if (n == 0 || (info.width <= options_.widths.back() && sizes[n - 1].w < info.width)) {
    add_width(info.width);
  }
  // The card crop (16:9) and the social card (1200x630), never larger than the original.
  size_t card = n;
  int cw = std::min({kCardWidth, info.width, info.height * 16 / 9});
  if (cw > kSmallCardWidth) {
    sizes[n++] = named("card", kSmallCardWidth, {kSmallCardWidth, kSmallCardWidth * 9 / 16},
                       kSmallCardWidth, kSmallCardWidth * 9 / 16, true);
  }
  sizes[n++] = named("card", cw, {cw, cw * 9 / 16}, cw, cw * 9 / 16, true);
  size_t social = n;
  int sw = std::min({kSocialWidth, info.width, info.height * kSocialWidth / kSocialHeight});
  int sh = sw * kSocialHeight / kSocialWidth;
  sizes[n++] = named("og", -1, {sw, sh}, sw, sh, false);
  // Every photo of a build is planned again on a rebuild: its files' URLs are written
  // into one text (the site path last, for plan_original) of the exact size, reserved
  // first, so each file's view into it is taken as it is written.
  // The encodings of a modern size (AVIF, WebP, the fallback) and of the social card (the
  // fallback only): the last `count` of `all`, each with its extension.
  struct Encodings {
    Encoding all[3];
    std::string_view ext[3];
    size_t count = 0, ext_bytes = 0;
  } modern_encodings, plain_encodings;
  auto fill = [&](Encodings& out, bool modern) {
    if (modern && options_.avif) out.all[out.count++] = {ImageFormat::kAvif, options_.avif_quality};
    if (modern) out.all[out.count++] = {ImageFormat::kWebp, options_.webp_quality};
    out.all[out.count++] = {fallback, options_.jpeg_quality};
    for (size_t e = 0; e < out.count; ++e) {
      out.ext[e] = image_extension(out.all[e].format);
      out.ext_bytes += out.ext[e].size();
    }
  };
  fill(modern_encodings, true);
  fill(plain_encodings, false);
  size_t total = photo.site_path.size();
  for (const Size& z : std::span(sizes, n)) {
    const Encodings& es = z.modern ? modern_encodings : plain_encodings;
    total += es.count * (stem.size() + z.name_size + tag.size() + 3) + es.ext_bytes;
  }
  // Written through a cursor into the text at its final size (a rebuild writes 2,800
  // names: appended piece by piece, each piece checked the text's capacity).
  auto text = std::make_shared<std::string>(total, '\0');
  char* at = text->data();
  auto put = [&at](std::string_view part) {
    std::memcpy(at, part.data(), part.size());
    at += part.size();
  };
  photo.renders.reserve(n + 1);  // and the original
  for (const Size& z : std::span(sizes, n)) {
    const Encodings& es = z.modern ? modern_encodings : plain_encodings;
    PhotoRender& r = photo.renders.emplace_back(PhotoRender{z.size, z.w, z.h, {}});
    // The width's digits, already written for the files' names (the social card's
    // "og" has none: no srcset offers it).
    r.width_size = static_cast<unsigned char>(z.name_size - z.digits_at);
    std::copy(z.name + z.digits_at, z.name + z.name_size, r.width_text.data());
    // "stem-name-tag." once a size; its other files copy it and add their extension.
    char* first = at;
    put(stem);
    *at++ = '-';
    put(std::string_view(z.name, z.name_size));
    *at++ = '-';
    put(tag);
    *at++ = '.';
    size_t common = static_cast<size_t>(at - first);
    for (size_t e = 0; e < es.count; ++e) {
      char* start = at - common;
      if (e > 0) {
        start = at;
        put(std::string_view(first, common));
      }
      put(es.ext[e]);
      r.files.push_back({std::string_view(start, static_cast<size_t>(at - start)), es.all[e]});
    }
  }
  put(photo.site_path);
  photo.urls = std::move(text);  // the views above stay valid: the text is not changed
  photo.card = card;
  photo.social = social;
}

}  // namespace firefly
