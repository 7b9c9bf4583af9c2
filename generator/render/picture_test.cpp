#include <doctest/doctest.h>

#include <charconv>
#include <string>

#include "render/photos.h"

namespace firefly {

namespace {

/// A photo of `widths` sizes whose only files are WebP (no JPEG or PNG variant), URLs of
/// `name_size` characters each, then a card crop and a social card of one file each.
Photo webp_only_photo(int widths, size_t name_size, const std::string& stem = "/images/a") {
  Photo photo;
  photo.site_path = stem + ".webp";
  auto text = std::make_shared<std::string>();
  text->reserve(static_cast<size_t>(widths + 2) * (name_size + 64));
  for (int i = 0; i < widths + 2; ++i) {
    PhotoRender r;
    r.width = 480 + 400 * i;
    r.height = r.width * 3 / 4;
    char* end = std::to_chars(r.width_text.data(), r.width_text.data() + 11, r.width).ptr;
    r.width_size = static_cast<unsigned char>(end - r.width_text.data());
    size_t at = text->size();
    *text += stem + "-" + std::to_string(r.width) + "-" + std::string(name_size, 'x') + ".webp";
    r.files.push_back({std::string_view(*text).substr(at), Encoding{ImageFormat::kWebp, 75}});
    photo.renders.push_back(r);
  }
  photo.urls = text;
  photo.card = static_cast<size_t>(widths);
  photo.social = static_cast<size_t>(widths) + 1;
  return photo;
}

}  // namespace

TEST_CASE("a photo with only WebP files offers them in its source and its img, whole") {
  Photo photo = webp_only_photo(4, 200);
  std::string srcset;
  for (size_t i = 0; i < 4; ++i) {
    if (i) srcset += ", ";
    srcset += std::string(photo.renders[i].files[0].url) + " " +
              std::string(photo.renders[i].width_digits()) + "w";
  }
  std::string html = picture_html(photo, "volunteers", PhotoPlace::kBody);
  CHECK(html.find("<source type=\"image/webp\" srcset=\"" + srcset + "\"") != std::string::npos);
  CHECK(html.find("<img src=\"" + std::string(photo.renders[0].files[0].url) + "\" srcset=\"" +
                  srcset + "\"") != std::string::npos);
  CHECK(html.size() > 2 * srcset.size());
  CHECK(html.find("alt=\"volunteers\" loading=\"lazy\" decoding=\"async\"></picture>") ==
        html.size() -
            std::string_view("alt=\"volunteers\" loading=\"lazy\" decoding=\"async\"></picture>")
                .size());
}

TEST_CASE("a photo whose file name has a space, a quote, a # or an & is offered at URLs") {
  // A space split the srcset into a URL and a bad width, a quote ended the attribute (and
  // let the rest of the name be markup), a # ended the path: each browser asked for another
  // file.
  Photo photo = webp_only_photo(2, 4, "/images/q\"x a#b&c");
  std::string html = picture_html(photo, "volunteers", PhotoPlace::kBody);
  CHECK(html ==
        "<picture><source type=\"image/webp\" srcset=\"/images/q%22x%20a%23b&amp;c-480-xxxx.webp "
        "480w, /images/q%22x%20a%23b&amp;c-880-xxxx.webp 880w\" sizes=\"(min-width: 64rem) 62rem, "
        "calc(100vw - 2rem)\"><img src=\"/images/q%22x%20a%23b&amp;c-480-xxxx.webp\" "
        "srcset=\"/images/q%22x%20a%23b&amp;c-480-xxxx.webp 480w, "
        "/images/q%22x%20a%23b&amp;c-880-xxxx.webp 880w\" sizes=\"(min-width: 64rem) 62rem, "
        "calc(100vw - 2rem)\" width=\"880\" height=\"660\" alt=\"volunteers\" loading=\"lazy\" "
        "decoding=\"async\"></picture>");
}

}  // namespace firefly
