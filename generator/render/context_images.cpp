// page.images (and a card's): the front matter's images, with each photo's <picture>.
#include <string_view>

#include "core/text.h"
#include "render/context.h"
#include "render/context_detail.h"
#include "render/photos.h"

namespace firefly {

using detail::map_of;

namespace {

/// `images[2]`, `cover`, `gallery[0]`: the front matter's own images, not those of an
/// object (`people[0].photo`, which the people's list does not show).
bool shown_image_field(std::string_view field) {
  size_t bracket = field.find('[');
  return field.find('.') == std::string_view::npos &&
         (bracket == std::string_view::npos ||
          field.find('[', bracket + 1) == std::string_view::npos);
}

}  // namespace

/// The page's `images` field and other image fields, from the typed model: a list of {src,
/// alt, caption}, and for photos `picture` (the <picture> element) and, on the first,
/// `og_image` (the social card's URL and size).
Value ContextBuilder::images_value(const Page& page, PhotoPlace first) const {
  List out;
  out.reserve(page.images.size());
  for (const Image& img : page.images) {
    if (!shown_image_field(img.field)) continue;
    const Photo* photo = photos_ ? photos_->find(img.src) : nullptr;
    // Every story page and card makes one: the members in place, at their final count.
    Map m;
    m.reserve(2 + (img.caption.empty() ? 0 : 1) + (photo ? 2 : 0));
    // A file of static/ by its name on disk ("/images/plan#2.svg") as the URL that reaches
    // it: a # or ? would end the path, a space or a quote is no URL.
    m.emplace_back("src", img.src.starts_with('/') && needs_url_path_escape(img.src)
                              ? url_path_escaped(img.src)
                              : img.src);
    m.emplace_back("alt", img.alt);
    if (!img.caption.empty()) m.emplace_back("caption", img.caption);
    if (photo) {
      PhotoPlace place = first == PhotoPlace::kLead && !out.empty() ? PhotoPlace::kBody : first;
      // On a card the picture is decorative (alt=""): the card's link, named by the
      // story's title, sits beside it, and the story page itself shows the full alt text.
      std::string alt = place == PhotoPlace::kCard ? std::string() : html_escape(img.alt);
      m.emplace_back("picture", picture_html(*photo, alt, place));
      if (out.empty()) {
        // Made once for the photo's page and its card.
        m.emplace_back("og_image", photo->og_image.get(serial_, [&] {
          const PhotoRender& social = photo->renders[photo->social];
          return Value(map_of(0, "url",
                              site_.absolute_url(url_path_escaped(social_image_url(*photo))),
                              "width", social.width, "height", social.height));
        }));
      }
    }
    out.push_back(Value(std::move(m)));
  }
  return Value(std::move(out));
}

}  // namespace firefly
