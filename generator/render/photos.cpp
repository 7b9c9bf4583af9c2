#include "render/photos.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <string_view>
#include <tuple>

#include "core/hash.h"
#include "core/text.h"

namespace firefly {

namespace {

constexpr int kCardWidth = 800;                          // 16:9, as .card-image shows it
constexpr int kSmallCardWidth = 480;                     // the card crop for 1x screens
constexpr int kSocialWidth = 1200, kSocialHeight = 630;  // og:image

/// What the reader's browser is told about each place's width, matching style.css:
/// main is at most 64rem with 1rem padding; cards fill a grid of 18rem minimum columns.
constexpr const char* kContentSizes = "(min-width: 64rem) 62rem, calc(100vw - 2rem)";
constexpr const char* kCardSizes =
    "(min-width: 64rem) 20rem, (min-width: 40rem) calc(50vw - 1.5rem), calc(100vw - 2rem)";

/// The extension of `path`'s last name, as written ("" without one).
std::string_view extension_of(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return path.substr(dot + 1);
}

std::string lower_extension(const std::string& path) {
  std::string ext(extension_of(path));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

/// The format a file's extension promises ("jpg" -> "jpeg").
std::string format_of_extension(const std::string& ext) {
  if (ext == "jpg" || ext == "jpeg") return "jpeg";
  if (ext == "tif" || ext == "tiff") return "tiff";
  if (ext == "heic" || ext == "heif" || ext == "avif") return "heif";
  return ext;
}

const char* mime_type(ImageFormat f) {
  switch (f) {
    case ImageFormat::kWebp:
      return "image/webp";
    case ImageFormat::kJpeg:
      return "image/jpeg";
    case ImageFormat::kPng:
      return "image/png";
    case ImageFormat::kAvif:
      return "image/avif";
  }
  return "";
}

/// "w x h" of a render of an original `w` x `h` at `width` (aspect kept).
int height_at(int width, const ImageInfo& info) {
  return std::max(1,
                  static_cast<int>((static_cast<long long>(info.height) * width + info.width / 2) /
                                   info.width));
}

/// The JPEG or PNG variant of `render` (not the original published at its own path).
const PhotoFile& fallback_file(const Photo& photo, const PhotoRender& render) {
  for (const PhotoFile& f : render.files) {
    ImageFormat format = f.encoding.format;
    if (f.url != photo.site_path && (format == ImageFormat::kJpeg || format == ImageFormat::kPng)) {
      return f;
    }
  }
  return render.files.back();
}

/// Writes the render's width as text, once, for the srcsets that offer it.
void write_width(PhotoRender& r) {
  char* begin = r.width_text.data();
  char* end = std::to_chars(begin, begin + r.width_text.size(), r.width).ptr;
  r.width_size = static_cast<unsigned char>(end - begin);
}

/// Writes text through a cursor into a buffer made large enough first (picture_html: a
/// warm rebuild of 200 photos writes 400 pictures of about 40 pieces each, and appending
/// checked the string's capacity for every piece).
struct Cursor {
  char* at;
  void put(std::string_view part) {
    std::memcpy(at, part.data(), part.size());
    at += part.size();
  }
  void put(char c) { *at++ = c; }
  void number(int n) { at = std::to_chars(at, at + 11, n).ptr; }
};

/// The most bytes append_srcset writes for one file of `render`: ", ", its URL, a space,
/// the width's digits and "w".
size_t srcset_bound(const PhotoRender& render, const PhotoFile& f) {
  return f.url.size() + 4 + render.width_text.size();
}

/// Writes through `out` the srcset of the files in `format` among `renders[from, to)`;
/// false when there are none.
bool append_srcset(Cursor& out, const Photo& photo, size_t from, size_t to, ImageFormat format) {
  bool any = false;
  for (size_t i = from; i < to; ++i) {
    for (const PhotoFile& f : photo.renders[i].files) {
      // The original at its own path has the same width as a variant: offered once.
      if (f.encoding.format != format || f.url == photo.site_path) continue;
      if (any) out.put(", ");
      any = true;
      out.put(f.url);
      out.put(' ');
      out.put(photo.renders[i].width_digits());
      out.put('w');
    }
  }
  return any;
}

}  // namespace

struct PhotoSet::Entry {
  std::once_flag once;
  bool ok = false;
  std::string error;
  Photo photo;
};

PhotoSet::PhotoSet(PhotoOptions options, PhotoInspector inspect)
    : options_(std::move(options)), inspect_(std::move(inspect)) {
  // Sources of each shape plan() and plan_original() treat apart: every width kept or
  // not, the original's width added, the card crop with or without its small size and
  // limited by the height, the fallback in PNG, formats published as originals or not.
  struct Sample {
    const char* path;
    const char* format;
    int width, height;
    bool alpha;
  };
  static constexpr Sample kSamples[] = {
      {"/a/wide.jpg", "jpeg", 4032, 3024, false},  {"/a/tall.JPEG", "jpeg", 3024, 4032, false},
      {"/a/band.jpg", "jpeg", 5000, 200, false},   {"/a/edge.jpg", "jpeg", 1600, 900, false},
      {"/a/mid.png", "png", 1000, 700, true},      {"/a/flat.png", "png", 1000, 700, false},
      {"/a/tiny.webp", "webp", 300, 200, false},   {"/a/scan.tif", "tiff", 2000, 3000, false},
      {"/a/phone.heic", "heif", 4032, 3024, false}};
  Hasher h;
  h.add(options_.widths.size());
  for (int w : options_.widths) h.add(static_cast<std::uint64_t>(w));
  for (long long n :
       {static_cast<long long>(options_.webp_quality),
        static_cast<long long>(options_.jpeg_quality), static_cast<long long>(options_.avif),
        static_cast<long long>(options_.avif_quality)}) {
    h.add(static_cast<std::uint64_t>(n));
  }
  for (const Sample& s : kSamples) {
    for (bool used : {true, false}) {
      Photo p;
      p.site_path = s.path;
      p.source.hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
      p.source.info = {s.format, s.width, s.height, s.alpha, false, false};
      if (used) plan(p);
      plan_original(p);
      h.add(p.renders.size()).add(p.card).add(p.social);
      for (const PhotoRender& r : p.renders) {
        h.add(static_cast<std::uint64_t>(r.size.width) << 32 |
              static_cast<std::uint32_t>(r.size.height));
        h.add(static_cast<std::uint64_t>(r.width) << 32 | static_cast<std::uint32_t>(r.height));
        h.add(r.width_digits()).add(r.files.size());
        for (const PhotoFile& f : r.files) {
          h.add(f.url).add(static_cast<std::uint64_t>(f.encoding.format) << 32 |
                           static_cast<std::uint32_t>(f.encoding.quality));
        }
      }
    }
  }
  plan_digest_ = h.get();
}

bool PhotoSet::is_photo_path(const std::string& site_path) {
  static constexpr std::string_view kExtensions[] = {"jpg",  "jpeg", "png",  "webp", "tif",
                                                     "tiff", "heic", "heif", "avif"};
  // Compared in lower case without making a string (every file of static/ is asked twice).
  std::string_view ext = extension_of(site_path);
  char lower[4];
  if (ext.size() < 3 || ext.size() > sizeof lower) return false;
  for (size_t i = 0; i < ext.size(); ++i) {
    lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(ext[i])));
  }
  std::string_view key(lower, ext.size());
  return std::find(std::begin(kExtensions), std::end(kExtensions), key) != std::end(kExtensions);
}

const Photo* PhotoSet::use(const std::string& site_path, const std::string& page, Pos pos,
                           Diagnostics& diags) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard lock(mu_);
    auto& slot = entries_[site_path];
    if (!slot) slot = std::make_shared<Entry>();
    entry = slot;
    Photo& p = entry->photo;
    if (p.first_user.empty() || std::tie(page, pos.line, pos.col) <
                                    std::tie(p.first_user, p.first_pos.line, p.first_pos.col)) {
      p.first_user = page;
      p.first_pos = pos;
    }
  }
  std::call_once(entry->once, [&] {
    if (inspect(*entry, site_path)) {
      plan(entry->photo);
      plan_original(entry->photo);
    }
  });
  if (!entry->ok) {
    diags.error(page, pos, "the image " + site_path + " (static" + site_path + ") " + entry->error,
                "replace the file with a JPEG or PNG exported again from the original");
    return nullptr;
  }
  const Photo& p = entry->photo;
  if (p.source.info.width > options_.warn_width) {
    diags.warning(page, pos,
                  "the image " + site_path + " is " + std::to_string(p.source.info.width) +
                      " pixels wide; readers never need more than " +
                      std::to_string(options_.widths.back()),
                  "export it smaller (2000 pixels wide is plenty)");
  }
  if (p.source.bytes > options_.warn_bytes) {
    diags.warning(
        page, pos,
        "the image " + site_path + " is " + std::to_string(p.source.bytes / 1'000'000) + " MB",
        "export it smaller; Firefly publishes small copies anyway, but the "
        "repository keeps every version");
  }
  return &p;
}

bool PhotoSet::inspect(Entry& entry, const std::string& site_path) {
  Photo& p = entry.photo;
  p.site_path = site_path;
  std::string reason;
  if (!inspect_(site_path, p.source, reason)) {
    entry.error = reason;
    return false;
  }
  const ImageInfo& info = p.source.info;
  std::string ext = lower_extension(site_path);
  if (info.format != format_of_extension(ext)) {
    entry.error = "is named ." + ext + " but its content is " + info.format;
  } else if (static_cast<long long>(info.width) * info.height > options_.max_pixels) {
    entry.error = "is " + std::to_string(info.width) + "x" + std::to_string(info.height) +
                  " pixels, more than the " + std::to_string(options_.max_pixels / 1'000'000) +
                  " megapixels Firefly decodes";
  } else {
    entry.ok = true;
  }
  return entry.ok;
}

const Photo* PhotoSet::find(const std::string& site_path) const {
  std::lock_guard lock(mu_);
  auto it = entries_.find(site_path);
  return it != entries_.end() && it->second->ok && it->second->photo.social > 0 ? &it->second->photo
                                                                                : nullptr;
}

void PhotoSet::original(const std::string& site_path, Diagnostics& diags) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard lock(mu_);
    auto& slot = entries_[site_path];
    if (slot) return;  // used by content: planned with its variants
    slot = entry = std::make_shared<Entry>();
    entry->photo.first_user = "static" + site_path;
  }
  std::call_once(entry->once, [&] {
    if (inspect(*entry, site_path)) plan_original(entry->photo);
  });
  if (!entry->ok) {
    diags.error("static" + site_path, {}, "the image " + site_path + " " + entry->error,
                "replace the file with a JPEG or PNG exported again from the original");
  }
}

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

std::vector<const Photo*> PhotoSet::photos() const {
  std::lock_guard lock(mu_);
  std::vector<const Photo*> out;
  for (const auto& [path, e] : entries_) {
    if (e->ok) out.push_back(&e->photo);
  }
  std::sort(out.begin(), out.end(),
            [](const Photo* a, const Photo* b) { return a->site_path < b->site_path; });
  return out;
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
  std::vector<int> widths;
  for (int w : options_.widths) {
    if (w < info.width) widths.push_back(w);
  }
  if (widths.empty() || (info.width <= options_.widths.back() && widths.back() < info.width)) {
    widths.push_back(info.width);
  }
  std::vector<Size> sizes;
  sizes.reserve(widths.size() + 3);
  for (int w : widths) sizes.push_back(named("", w, {w, 0}, w, height_at(w, info), true));
  // The card crop (16:9) and the social card (1200x630), never larger than the original.
  size_t card = sizes.size();
  int cw = std::min({kCardWidth, info.width, info.height * 16 / 9});
  if (cw > kSmallCardWidth) {
    sizes.push_back(named("card", kSmallCardWidth, {kSmallCardWidth, kSmallCardWidth * 9 / 16},
                          kSmallCardWidth, kSmallCardWidth * 9 / 16, true));
  }
  sizes.push_back(named("card", cw, {cw, cw * 9 / 16}, cw, cw * 9 / 16, true));
  size_t social = sizes.size();
  int sw = std::min({kSocialWidth, info.width, info.height * kSocialWidth / kSocialHeight});
  int sh = sw * kSocialHeight / kSocialWidth;
  sizes.push_back(named("og", -1, {sw, sh}, sw, sh, false));
  // Every photo of a build is planned again on a rebuild: its files' URLs are written
  // into one text (the site path last, for plan_original) of the exact size, reserved
  // first, so each file's view into it is taken as it is written.
  auto encodings_of = [&](bool modern, Encoding(&out)[3]) {
    size_t k = 0;
    if (modern && options_.avif) out[k++] = {ImageFormat::kAvif, options_.avif_quality};
    if (modern) out[k++] = {ImageFormat::kWebp, options_.webp_quality};
    out[k++] = {fallback, options_.jpeg_quality};
    return k;
  };
  size_t total = photo.site_path.size();
  for (const Size& z : sizes) {
    Encoding encodings[3];
    size_t k = encodings_of(z.modern, encodings);
    for (size_t e = 0; e < k; ++e) {
      total += stem.size() + z.name_size + tag.size() + 3 +
               std::char_traits<char>::length(image_extension(encodings[e].format));
    }
  }
  // Written through a cursor into the text at its final size (a rebuild writes 2,800
  // names: appended piece by piece, each piece checked the text's capacity).
  auto text = std::make_shared<std::string>(total, '\0');
  char* at = text->data();
  auto put = [&at](std::string_view part) {
    std::memcpy(at, part.data(), part.size());
    at += part.size();
  };
  photo.renders.reserve(sizes.size() + 1);  // and the original
  for (const Size& z : sizes) {
    Encoding encodings[3];
    size_t k = encodings_of(z.modern, encodings);
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
    for (size_t e = 0; e < k; ++e) {
      char* start = at - common;
      if (e > 0) {
        start = at;
        put(std::string_view(first, common));
      }
      put(image_extension(encodings[e].format));
      r.files.push_back({std::string_view(start, static_cast<size_t>(at - start)), encodings[e]});
    }
  }
  put(photo.site_path);
  photo.urls = std::move(text);  // the views above stay valid: the text is not changed
  photo.card = card;
  photo.social = social;
}

std::string picture_html(const Photo& photo, const std::string& alt_html, PhotoPlace place) {
  bool card = place == PhotoPlace::kCard;
  size_t from = card ? photo.card : 0, to = card ? photo.social : photo.card;
  std::string_view sizes = card ? kCardSizes : kContentSizes;
  const PhotoRender& largest = photo.renders[to - 1];
  // The fallback's src: the render closest to 800 pixels wide.
  const PhotoRender* src = &photo.renders[from];
  for (size_t i = from; i < to; ++i) {
    if (photo.renders[i].width <= 800) src = &photo.renders[i];
  }
  const PhotoFile& fallback_src = fallback_file(photo, *src);
  ImageFormat fallback = fallback_src.encoding.format;
  // Written through a cursor into a buffer at least the size it ends at (each file in each
  // srcset it is in: the sources' AVIF and WebP, the img's fallback format, which is WebP
  // too when a photo has no JPEG or PNG variant; the fallback's URL, `sizes` three times,
  // the alt text and at most 320 bytes of tags and numbers), then cut to what was written.
  size_t bound = 3 * sizes.size() + alt_html.size() + fallback_src.url.size() + 320;
  for (size_t i = from; i < to; ++i) {
    for (const PhotoFile& f : photo.renders[i].files) {
      ImageFormat format = f.encoding.format;
      size_t each = srcset_bound(photo.renders[i], f);
      if (format == ImageFormat::kAvif || format == ImageFormat::kWebp) bound += each;
      if (format == fallback) bound += each;
    }
  }
  std::string text(bound, '\0');
  Cursor out{text.data()};
  out.put(card ? std::string_view("<picture class=\"card-image\">") : "<picture>");
  for (ImageFormat f : {ImageFormat::kAvif, ImageFormat::kWebp}) {
    char* start = out.at;
    out.put("<source type=\"");
    out.put(mime_type(f));
    out.put("\" srcset=\"");
    if (!append_srcset(out, photo, from, to, f)) {
      out.at = start;
      continue;
    }
    out.put("\" sizes=\"");
    out.put(sizes);
    out.put("\">");
  }
  out.put("<img src=\"");
  out.put(fallback_src.url);
  out.put("\" srcset=\"");
  append_srcset(out, photo, from, to, fallback);
  out.put("\" sizes=\"");
  out.put(sizes);
  out.put("\" width=\"");
  out.number(largest.width);
  out.put("\" height=\"");
  out.number(largest.height);
  out.put("\" alt=\"");
  out.put(alt_html);
  out.put('"');
  out.put(place == PhotoPlace::kLead ? std::string_view(" fetchpriority=\"high\"")
                                     : " loading=\"lazy\" decoding=\"async\"");
  out.put("></picture>");
  text.resize(static_cast<size_t>(out.at - text.data()));
  return text;
}

std::string_view social_image_url(const Photo& photo) {
  return photo.renders[photo.social].files.back().url;
}

}  // namespace firefly
