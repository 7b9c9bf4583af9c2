// Pages -> HTML files through the theme's layouts, on all cores.
#pragma once

#include <optional>

#include "core/error.h"
#include "core/output.h"
#include "render/context.h"
#include "render/reads.h"

namespace firefly {

/// Renders `site.pages[index]`, handing the file to `sink`; problems go to `diags`.
void render_page(const Site& site, const Theme& theme, const ContextBuilder& contexts, size_t index,
                 const OutputSink& sink, Diagnostics& diags);

/// Renders `site.pages[index]` as render_page does, while recording in `reads` the grains
/// it reads (render/reads.h) besides the configuration, the theme and the page itself:
/// sorted, each once. Returns the file, or nothing when it made none (its problems are in
/// `diags`).
std::optional<OutputFile> render_page_recorded(const Site& site, const Theme& theme,
                                               const ContextBuilder& contexts, size_t index,
                                               ReadSet& reads, Diagnostics& diags);

/// The source file an error about `page`'s output names ("" for a generated page): its
/// own file (not that of a page it falls back to), or for a redirect the file whose
/// `aliases:` made it.
std::string page_origin(const Page& page);

/// Where in page_origin the page's address is written: the alias of a redirect, the
/// `url:` of a page that has one; unknown (0) otherwise.
Pos page_origin_pos(const Page& page);

/// Renders every page of the site on `jobs` threads, handing each to `sink` when done.
void render_pages(const Site& site, const Theme& theme, const ContextBuilder& contexts, int jobs,
                  const OutputSink& sink, Diagnostics& diags);

/// The name of the layout that renders `page` (docs/templates.md "Which layout").
const mustache::Template* find_layout(const Theme& theme, const Page& page, std::string* name);

/// The small HTML page that sends readers of an old address to the new one.
std::string redirect_html(const Page& page, const std::string& html_lang,
                          const std::string& absolute_target);

}  // namespace firefly
