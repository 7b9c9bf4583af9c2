// The site graph of the build before, taken over (`serve`): after an edit that changed
// nothing the graph is made of (a story's text, a dataset's rows, a template), the new
// graph is the old one whose pages show the new sources, made for a part of what building
// it again costs (no front matter read, no list sorted, no term slugged): the pages that
// did not change are shared between the two graphs, not copied.
#pragma once

#include <cstdint>
#include <memory>

#include "config/site_config.h"
#include "load/content.h"
#include "model/site.h"

namespace firefly {

/// The fingerprint of what build_site reads of `inputs` (all but `now`), with their
/// `config_print`.
std::uint64_t site_inputs_print(const SiteInputs& inputs);

/// True when building the graph reads the same of `a` as of `b`: name, language, kind,
/// git date, and front matter with the same values written at the same places (so that
/// an error about it would read the same).
bool same_for_graph(const SourcePage& a, const SourcePage& b);

/// The graph `before` (built from `before_sources`) for the pages `sources`, when building
/// the graph from them would make the same graph and report nothing; else null. That is
/// when `inputs` have the fingerprint of those of `before` (and a `config_print`), the
/// build of `before` reported nothing, no page of it waits for a publish time that has
/// come by `inputs.now`, and each of `sources` is the one at its index in `before_sources`
/// or one same_for_graph() with it. Its pages point to `sources`. The pages of an edited
/// source, every page of their translation groups and of the datasets' groups, every page
/// marked stale, and the
/// pages that point to one of those (lists, references) are copies, with no translation
/// marked stale yet (mark_stale_translations and mark_stale_dataset_texts do that); every
/// other page is the page of `before`, shared, marked as it was (those marks come out the
/// same, from the same sources).
std::unique_ptr<Site> reuse_site(const Site& before, const SourcePages& before_sources,
                                 const SiteConfig& config, const SourcePages& sources,
                                 const SiteInputs& inputs);

/// The graph `before` (built from `before_sources`) for the pages `sources` after an edit
/// of front matter, a new or a deleted story: the graph build_site would make from them,
/// or null when it cannot be sure of that (then build_site makes it). As for reuse_site,
/// `inputs` have the fingerprint of those of `before`, its build reported nothing and no
/// page of it waits for a publish time that has come. The sources that are not the objects
/// of `before_sources` (at most 32) are stories (no index, no placeholder) whose front
/// matter reads without a problem, with no alias, `url`, draft or publish time to come; a
/// page that goes leaves no reference to it nor a folder without pages. Their groups'
/// pages, every page of a list that held one of them or holds one now (a section with its
/// later pages, a home, a term with its later pages, the references to a page), every
/// translation marked stale and the datasets' pages are made anew, with no translation
/// marked stale (as reuse_site); every other page is the page of `before`, shared. The
/// pages come in build_site's order.
std::unique_ptr<Site> patch_site(const Site& before, const SourcePages& before_sources,
                                 const SiteConfig& config, const SourcePages& sources,
                                 const SiteInputs& inputs);

}  // namespace firefly
