#include "render/pages.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <unordered_map>

#include "core/parallel.h"
#include "core/text.h"
#include "render/context_detail.h"

namespace firefly {

const mustache::Template* find_layout(const Theme& theme, const Page& page, std::string* name) {
  std::string kind(kind_name(page.kind));
  std::vector<std::string> candidates;
  if (!page.layout.empty()) candidates.push_back(page.layout);
  if (!page.section.empty()) candidates.push_back(page.section + "-" + kind);
  candidates.push_back(kind);
  for (const std::string& c : candidates) {
    if (const mustache::Template* t = theme.find(c)) {
      *name = c;
      return t;
    }
  }
  *name = candidates.front();
  return nullptr;
}

std::string redirect_html(const Page& page, const std::string& html_lang,
                          const std::string& absolute_target) {
  std::string to = html_escape(page.redirect_to);
  return "<!DOCTYPE html>\n<html lang=\"" + html_escape(html_lang) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(page.title) +
         "</title>\n<link rel=\"canonical\" href=\"" + html_escape(absolute_target) +
         "\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" "
         "content=\"0; url=" +
         to + "\">\n</head>\n<body>\n<main>\n<h1>" + html_escape(page.title) +
         "</h1>\n<p><a href=\"" + to + "\">" + to + "</a></p>\n</main>\n</body>\n</html>\n";
}

std::string page_origin(const Page& page) {
  if (page.kind == PageKind::kRedirect) return page.alias_source;
  return page.source && !page.fallback ? page.source->path : std::string();
}

Pos page_origin_pos(const Page& page) {
  if (page.kind == PageKind::kRedirect) return page.alias_pos;
  if (!page.source || page.fallback) return {};
  return page.source->front.get("url").pos;
}

namespace {

/// The theme's partials found by name, kept by each thread for one `render_pages` call
/// (the theme does not change during it): a hash look-up instead of the theme's map.
struct PartialCache {
  std::uint64_t call = 0;
  std::unordered_map<std::string, const mustache::Template*> found;
};

void render_one(const Site& site, const Theme& theme, const ContextBuilder& contexts, size_t index,
                const OutputSink& sink, Diagnostics& diags,
                const mustache::PartialLookup& partials) {
  const Page& page = *site.pages[index];
  OutputFile file;
  file.path = page.out_path;
  file.origin = page_origin(page);
  file.origin_pos = page_origin_pos(page);
  if (page.kind == PageKind::kRedirect) {
    const Language* lang = site.config->language(page.lang);
    file.bytes = redirect_html(page, lang ? lang->html_lang : page.lang,
                               site.absolute_url(page.redirect_to));
    sink(std::move(file));
    return;
  }
  std::string name;
  const mustache::Template* layout = find_layout(theme, page, &name);
  if (!layout) {
    std::string where = page.source && !page.fallback ? page.source->path : "";
    diags.error(where, {},
                "no layout '" + name + "' in the theme for this " +
                    std::string(kind_name(page.kind)) + " page",
                "add layouts/" + name + ".mustache, or remove `layout:`");
    return;
  }
  // A list page grows with its items (a card with a photo is about 800 bytes): reserved
  // for them at once, its text is not copied as it doubles (a list of 200 cards with
  // photos, 162 KB: three copies, 224 KB, about 0.2 M instructions).
  file.bytes.reserve(32 * 1024 + std::min<size_t>(page.list.size(), 1024) * 1024);
  // Recording, each string the templates look up is a read of its own.
  std::optional<mustache::MapWatch> strings;
  if (recording_reads()) {
    const std::string& lang = detail::language_of(site, page.lang).code;
    const std::vector<std::uint64_t>& grains = theme.string_grains(lang);
    strings.emplace(mustache::MapWatch{
        &theme.strings(lang).as_map(),
        [&lang, &grains](std::string_view key, size_t index) {
          note_read(index < grains.size() ? grains[index] : grain::string(lang, key));
        },
        [&lang] { note_read(grain::strings(lang)); }});
  }
  if (auto err = mustache::render(*layout, contexts.page_context(index), partials, file.bytes, {},
                                  strings ? &*strings : nullptr)) {
    diags.error("layouts/" + name + ".mustache", {}, *err,
                "a partial that includes itself must do so inside a section that ends, "
                "such as {{#children}}{{>tree}}{{/children}}");
    return;
  }
  sink(std::move(file));
}

}  // namespace

void render_page(const Site& site, const Theme& theme, const ContextBuilder& contexts, size_t index,
                 const OutputSink& sink, Diagnostics& diags) {
  render_one(site, theme, contexts, index, sink, diags,
             [&](std::string_view partial) { return theme.find(partial); });
}

std::optional<OutputFile> render_page_recorded(const Site& site, const Theme& theme,
                                               const ContextBuilder& contexts, size_t index,
                                               ReadSet& reads, Diagnostics& diags) {
  const Page& page = *site.pages[index];
  reads = {grain::config(), grain::theme(), grain::self(page.out_path)};
  std::optional<OutputFile> made;
  {
    RecordReads recording(reads);
    render_page(
        site, theme, contexts, index, [&](OutputFile&& f) { made = std::move(f); }, diags);
  }
  std::sort(reads.begin(), reads.end());
  reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
  reads.shrink_to_fit();
  return made;
}

void render_pages(const Site& site, const Theme& theme, const ContextBuilder& contexts, int jobs,
                  const OutputSink& sink, Diagnostics& diags) {
  static std::atomic<std::uint64_t> calls{0};
  const std::uint64_t call = ++calls;
  parallel_for(site.pages.size(), jobs, [&](size_t i) {
    thread_local PartialCache cache;
    if (cache.call != call) {
      cache.call = call;
      cache.found.clear();
    }
    render_one(site, theme, contexts, i, sink, diags, [&](std::string_view partial) {
      auto it = cache.found.find(std::string(partial));
      if (it == cache.found.end()) {
        it = cache.found.emplace(std::string(partial), theme.find(partial)).first;
      }
      return it->second;
    });
  });
}

}  // namespace firefly
