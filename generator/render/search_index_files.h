// One language's search index between its runs and its files (render/search_index.h):
// the pages it holds, their postings as the runs made them, and the files made from them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/output.h"
#include "model/site.h"
#include "render/search_postings.h"
#include "render/search_text_deflate.h"
#include "render/search_tokens.h"

namespace firefly {

/// One page in the index.
struct SearchDoc {
  size_t page = 0;
  std::string section;       ///< label of its section, data catalogue or ""
  std::string section_lang;  ///< html_lang of the label when not the reader's, else ""
  std::string text_lang;     ///< html_lang of its title and text when shown untranslated, else ""
  std::string date;          ///< as shown, "" for undated pages
  std::string iso;           ///< for sorting, "" for undated pages
  bool late = false;         ///< ranked after every other page (an indicator: a plan's detail)
};

/// One language's index from its documents to its files: the runs' postings are made on
/// the workers' threads, then the files, before the next language's runs start.
struct LanguageIndex {
  const Language* lang = nullptr;
  std::vector<SearchDoc> docs;
  std::vector<RunPostings> runs;
  std::vector<std::string> texts;  ///< each page's text, deflated with `text_code`
  /// The Huffman codes of the language's texts, fitted to a sample of them before the runs.
  std::unique_ptr<SearchTextCode> text_code;
  size_t left = 0;  ///< runs not placed yet (under the pipeline's lock)
};

/// The files of `index` (shards, files of positions, chunks, texts, manifest and terms)
/// once its runs are all placed, made on up to `jobs` threads: `out` is called from several
/// at once. Moves the texts out of `index`.
void write_search_files(const Site& site, LanguageIndex& index, const OutputSink& out, int jobs);

}  // namespace firefly
