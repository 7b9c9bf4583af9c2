// What an output file read while it was rendered, at the grain of one page's list entry,
// one page itself, one lookup, one string table, the datasets, the theme, the
// configuration. `serve` keeps these sets and, after an edit, renders again only the
// outputs whose grains now have a different fingerprint (render/grains.h).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace firefly {

/// Names of grains, as 64-bit ids.
namespace grain {
/// A page as another page shows it (list entry, link, menu, breadcrumb): by output path.
std::uint64_t item(std::string_view out_path);
/// A page's own values (body, front matter, lists it has): by output path.
std::uint64_t self(std::string_view out_path);
/// Which page `Site::find(key, lang)` finds, if any.
std::uint64_t find(std::string_view key, std::string_view lang);
/// Which page has the site address `url`, if any.
std::uint64_t url(std::string_view url);
/// The theme's strings of a language (t.*), all of them.
std::uint64_t strings(std::string_view lang);
/// One string of a language (t.<key>): a template that shows it, or looks it up and
/// finds none.
std::uint64_t string(std::string_view lang, std::string_view key);
/// Every page of a language as lists show it (site map, term counts, feeds, search).
std::uint64_t all(std::string_view lang);
/// What a language's site map shows of its pages: titles, addresses, sections, kinds.
std::uint64_t sitemap(std::string_view lang);
/// The configuration (site.yaml and options).
std::uint64_t config();
/// The theme's templates and assets.
std::uint64_t theme();
/// Every dataset: rows, metadata and the files made from them.
std::uint64_t datasets();
/// One dataset (by name): its rows, metadata and the files made from them.
std::uint64_t dataset(std::string_view name);
/// The catalogue's own files (all.zip, SHA256SUMS, ...), whose sizes the catalogue page
/// shows: SHA256SUMS lists the files of the pages' chart blocks too.
std::uint64_t catalogue();
}  // namespace grain

/// The grains one output read, in the order first read (duplicates are kept; cheap).
using ReadSet = std::vector<std::uint64_t>;

/// Records into `set` every read on this thread while it lives (scopes do not nest).
class RecordReads {
 public:
  explicit RecordReads(ReadSet& set);
  ~RecordReads();
  RecordReads(const RecordReads&) = delete;
  RecordReads& operator=(const RecordReads&) = delete;
};

/// Notes a read of `grain` when this thread is recording; else does nothing.
void note_read(std::uint64_t grain);
/// Whether this thread is recording: a caller can skip naming grains nobody keeps.
bool recording_reads();

}  // namespace firefly
