// The site graph's checks of the menus and layouts (see site_builder.h).

#include "core/host_name.h"
#include "core/text.h"
#include "model/paths.h"
#include "model/site_builder.h"

namespace firefly::detail {

void SiteBuilder::check_menu() {
  const std::string def = config_.default_language().code;
  std::vector<const MenuEntry*> entries;
  for (const MenuEntry& e : config_.main_menu) entries.push_back(&e);
  for (const MenuEntry& e : config_.footer_menu) entries.push_back(&e);
  for (const MenuEntry* entry : entries) {
    const MenuEntry& e = *entry;
    if (std::string why = unsafe_link_reason(e.page); !why.empty()) {
      diags_.error("site.yaml", e.pos, "the menu entry " + e.page + " is not allowed: " + why);
      site_->config_errors = true;
      continue;
    }
    if (!url_scheme(e.page).empty()) {  // an http(s), mailto or tel address
      // `https://` alone or `https://x.org/ a` was a link to nowhere on every page.
      if (std::string why = web_address_problem(e.page); !why.empty()) {
        diags_.error("site.yaml", e.pos, "the menu entry " + e.page + " is not allowed: it " + why);
        site_->config_errors = true;
      }
      continue;
    }
    if (site_->by_url.count(e.page)) continue;
    std::vector<std::string> candidates;
    for (const auto& [url, page] : site_->by_url) {
      if (page->lang == def && page->kind != PageKind::kRedirect) candidates.push_back(url);
    }
    std::string guess = did_you_mean(e.page, candidates);
    diags_.error("site.yaml", e.pos, "the menu entry " + e.page + " points to no page of this site",
                 guess.empty() ? "write the address of a page in the site's default language, "
                                 "like /stories/"
                               : "did you mean " + guess + "?");
    site_->config_errors = true;
  }
}

void SiteBuilder::check_layouts() {
  if (inputs_.layouts.empty()) return;  // the theme is not known (tests of the model)
  std::vector<std::string> names;
  std::string all, showing;  // the layouts, and those that show a page's text
  for (const std::string& n : inputs_.layouts) {
    if (n == kFrameLayout) continue;
    names.push_back(n);
    all += (all.empty() ? "" : ", ") + n;
    if (!inputs_.layouts_without_text.count(n)) showing += (showing.empty() ? "" : ", ") + n;
  }
  for (const auto& p : site_->pages) {
    if (p->layout.empty() || p->fallback || !p->source) continue;
    const Value& at = p->source->front.get("layout");
    if (p->layout == kFrameLayout && inputs_.layouts.count(p->layout)) {
      // A layout fills in the frame's {{$main}}; the frame itself shows no page's text.
      diags_.error(
          p->source->path, at.pos.line ? at.pos : Pos{1, 1},
          "'" + p->layout +
              "' is the frame the theme's layouts fill, not a layout: the page would "
              "be published without its text",
          "remove `layout:` to lay the page out as its kind is, or name a layout: " + showing);
      continue;
    }
    if (inputs_.layouts_without_text.count(p->layout) && inputs_.layouts.count(p->layout) &&
        !trim(p->source->body).empty()) {
      // layout: taxonomy (picked from the theme's layouts/): a list of terms, and the page's
      // text nowhere.
      diags_.error(p->source->path, at.pos.line ? at.pos : Pos{1, 1},
                   "the layout '" + p->layout +
                       "' does not show a page's text: the page would be published without it",
                   "remove `layout:` to lay the page out as its kind is, or name a layout that "
                   "shows its text: " +
                       showing);
      continue;
    }
    if (inputs_.layouts.count(p->layout)) continue;
    std::string guess = did_you_mean(p->layout, names);
    diags_.error(
        p->source->path, at.pos.line ? at.pos : Pos{1, 1},
        "the theme has no layout '" + p->layout + "'",
        guess.empty() ? "the theme's layouts are: " + all : "did you mean '" + guess + "'?");
  }
}

}  // namespace firefly::detail
