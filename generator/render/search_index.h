// The search index of each language, sharded so that a query fetches only the shards of
// its tokens and the chunks of the results it shows (format: render/search_shards.h).
#pragma once

#include <vector>

#include "core/output.h"
#include "load/dataset.h"
#include "model/site.h"
#include "render/body.h"

namespace firefly {

/// Most files of one language's index (static hosts cap the files of a site): chunks,
/// then as many shards as the rest allows (smaller shards: fewer bytes a query).
constexpr size_t kMaxSearchFiles = 2000;
constexpr size_t kMaxSearchChunks = 450;

/// search/<lang>/... of one language: every content page's title, headings, text,
/// summary and taxonomy terms, and each dataset page's title, description and columns.
/// List pages (sections' lists, terms, later pages) are left out: they repeat summaries.
void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, const Language& lang, OutputSet& out,
                         int jobs = 1);
/// The same, each file passed to `out` as soon as it is made (no more than one file of
/// the index is held at once besides the postings). With `cpu_seconds`, adds to it the CPU
/// seconds every thread spent on the index (the build's own measure of what it costs).
void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, const Language& lang,
                         const OutputSink& out, int jobs = 1, double* cpu_seconds = nullptr);
/// The search index of every language, passed to `out` as it is made: a language's files
/// are written (on a thread of their own, in the order of the languages, each file's steps
/// on up to `jobs` threads) before the pages of the next language are tokenized.
void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, const OutputSink& out, int jobs,
                         double* cpu_seconds = nullptr);
/// The search index of every language, tokenizing pages on up to `jobs` threads.
void render_search_index(const Site& site, const std::vector<Body>& bodies,
                         const std::vector<Dataset>& datasets, OutputSet& out, int jobs = 1);

}  // namespace firefly
