// The <picture> markup that offers a photo's files: a source per modern format, the
// fallback img with its width and height, `sizes` for the theme's layout.
#include <charconv>
#include <cstring>
#include <string_view>

#include "core/text.h"
#include "render/photos.h"

namespace firefly {

namespace {

/// What the reader's browser is told about each place's width, matching style.css:
/// main is at most 64rem with 1rem padding; cards fill a grid of 18rem minimum columns.
constexpr const char* kContentSizes = "(min-width: 64rem) 62rem, calc(100vw - 2rem)";
constexpr const char* kCardSizes =
    "(min-width: 64rem) 20rem, (min-width: 40rem) calc(50vw - 1.5rem), calc(100vw - 2rem)";

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

/// Writes text through a cursor into a buffer made large enough first (picture_html: a
/// warm rebuild of 200 photos writes 400 pictures of about 40 pieces each, and appending
/// checked the string's capacity for every piece).
struct Cursor {
  char* at;
  /// Whether URLs are written escaped (a photo named "a b.jpg", "q\"x.jpg" or "a&b.jpg").
  bool escape = false;
  void put(std::string_view part) {
    std::memcpy(at, part.data(), part.size());
    at += part.size();
  }
  /// A photo's URL as a URL's path in an attribute: a space would split a srcset, a quote
  /// end the attribute, a `#` or `?` end the path.
  void put_url(std::string_view url) {
    if (escape) {
      put(html_escape(url_path_escaped(url)));
    } else {
      put(url);
    }
  }
  void put(char c) { *at++ = c; }
  void number(int n) { at = std::to_chars(at, at + 11, n).ptr; }
};

/// The most bytes a URL takes in an attribute: 5 a byte when it is escaped ("&amp;").
constexpr size_t kEscapedUrlGrowth = 5;

/// Whether a photo's URLs, made from its file's name, need escaping in an attribute.
bool url_needs_escape(std::string_view site_path) {
  return needs_url_path_escape(site_path) ||
         site_path.find_first_of("&'") != std::string_view::npos;
}

/// The most bytes append_srcset writes for one file of `render`: ", ", its URL, a space,
/// the width's digits and "w".
size_t srcset_bound(const PhotoRender& render, const PhotoFile& f, size_t growth) {
  return f.url.size() * growth + 4 + render.width_text.size();
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
      out.put_url(f.url);
      out.put(' ');
      out.put(photo.renders[i].width_digits());
      out.put('w');
    }
  }
  return any;
}

}  // namespace

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
  const bool escape = url_needs_escape(photo.site_path);
  const size_t growth = escape ? kEscapedUrlGrowth : 1;
  size_t bound = 3 * sizes.size() + alt_html.size() + fallback_src.url.size() * growth + 320;
  // Which modern formats the place offers, seen on the way: a source is written only for
  // them (without AVIF, a pass over every file for none).
  bool has[2] = {false, false};  // AVIF, WebP
  for (size_t i = from; i < to; ++i) {
    for (const PhotoFile& f : photo.renders[i].files) {
      ImageFormat format = f.encoding.format;
      size_t each = srcset_bound(photo.renders[i], f, growth);
      if (format == ImageFormat::kAvif || format == ImageFormat::kWebp) {
        bound += each;
        has[format == ImageFormat::kWebp] = true;
      }
      if (format == fallback) bound += each;
    }
  }
  std::string text(bound, '\0');
  Cursor out{text.data(), escape};
  out.put(card ? std::string_view("<picture class=\"card-image\">") : "<picture>");
  for (ImageFormat f : {ImageFormat::kAvif, ImageFormat::kWebp}) {
    if (!has[f == ImageFormat::kWebp]) continue;
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
  out.put_url(fallback_src.url);
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
