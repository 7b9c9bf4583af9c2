#include "model/translation_checks.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/hash.h"
#include "core/parallel.h"
#include "load/markdown.h"
#include "model/translation_terms.h"

namespace firefly {

namespace {

/// The fingerprint of everything `glossary` says (1: no glossary, so a pair's key for
/// terms differs from its key for drift).
std::uint64_t glossary_fingerprint(const Glossary* glossary) {
  if (!glossary) return 1;
  Hasher h;
  h.add(glossary->path);
  for (const GlossaryEntry& e : glossary->entries) {
    h.add(e.term).add(static_cast<std::uint64_t>(e.line));
    h.add(e.use.size());
    for (const std::string& w : e.use) h.add(w);
    h.add(e.avoid.size());
    for (const std::string& w : e.avoid) h.add(w);
  }
  return h.get();
}

/// A page's scan, made the first time it is asked for. With `unsafe_html`, the parse is
/// the render's where it can be (scan_markdown_for_render), and the body, rendered ahead,
/// is left on the page for the render stage in place of its Markdown (check_translations'
/// take_bodies) when the scan is done with: the checks name the columns of its lines.
class LazyScan {
 public:
  LazyScan(const SourcePage& page, const bool* unsafe_html) : page_(page), unsafe_(unsafe_html) {}
  LazyScan(const LazyScan&) = delete;
  LazyScan& operator=(const LazyScan&) = delete;
  ~LazyScan() {
    // Read by nothing else now: the pages' HTML, held until the render stage, takes the
    // place of their Markdown.
    if (take_body_) const_cast<SourcePage&>(page_).body = SharedText();
  }
  const std::vector<MarkdownItem>& get() {
    if (items_) return *items_;
    if (!unsafe_) {
      items_ = scan_markdown(page_.body, page_.body_line);
      return *items_;
    }
    MarkdownScan scan = scan_markdown_for_render(page_.body, *unsafe_, page_.body_line);
    if (scan.document && scan.document->rendered_ahead()) {  // else it holds its tree
      page_.body_ahead = std::move(scan.document);
      take_body_ = true;
    }
    items_ = std::move(scan.items);
    return *items_;
  }

 private:
  const SourcePage& page_;
  const bool* unsafe_;
  std::optional<std::vector<MarkdownItem>> items_;
  bool take_body_ = false;
};

/// The findings of the build before, found by a pair's translation: at the pair's index
/// when the pairs before it are the same, else through an index of the previous pairs by
/// translation, made the first time it is needed.
class Previous {
 public:
  Previous(const TranslationReport* report, size_t count) : report_(report), count_(count) {}

  /// What was found about (`original`, `translation`) when they are the very sources it
  /// was found in (files read, with the same fingerprints), else null.
  const PairFindings* find(size_t i, const SourcePage& original, const SourcePage& translation) {
    if (!report_ || !original.fingerprint || !translation.fingerprint) return nullptr;
    const std::vector<PairFindings>& before = report_->pairs;
    const PairFindings* at = i < before.size() ? &before[i] : nullptr;
    if (!at || at->translation != &translation) {
      // The same original at this index among as many pairs: the translation was edited.
      if (at && at->original == &original && before.size() == count_) return nullptr;
      at = by_translation(&translation);
    }
    if (!at || at->original != &original || at->original_print != original.fingerprint ||
        at->translation_print != translation.fingerprint) {
      return nullptr;
    }
    return at;
  }

 private:
  using Entry = std::pair<const SourcePage*, size_t>;
  static bool before(const Entry& a, const Entry& b) {
    return std::less<const SourcePage*>()(a.first, b.first);
  }
  const PairFindings* by_translation(const SourcePage* translation) {
    if (!indexed_) {
      indexed_ = true;
      index_.reserve(report_->pairs.size());
      for (size_t i = 0; i < report_->pairs.size(); ++i) {
        index_.emplace_back(report_->pairs[i].translation, i);
      }
      std::sort(index_.begin(), index_.end(), before);
    }
    auto it = std::lower_bound(index_.begin(), index_.end(), Entry{translation, 0}, before);
    return it != index_.end() && it->first == translation ? &report_->pairs[it->second] : nullptr;
  }

  const TranslationReport* report_;
  size_t count_;
  bool indexed_ = false;
  std::vector<Entry> index_;
};

/// Reports `which` findings of every pair, in the order of the pairs.
void report(const std::vector<PairFindings>& found, PairFindings::List PairFindings::*which,
            Diagnostics& diags) {
  for (const PairFindings& f : found) {
    const std::vector<Drift>& list = *(f.*which);
    if (list.empty()) continue;
    // Most are only counted (Diagnostics::kCap).
    diags.add_made_n(Severity::kWarning, list.size(), [&](size_t k) {
      const Drift& d = list[k];
      return Diagnostic{
          Severity::kWarning, f.translation->path, {d.line, d.col}, d.message, d.hint};
    });
  }
}

}  // namespace

void check_translations(const Site& site, const std::vector<TranslationPair>& pairs,
                        const std::vector<Glossary>& glossaries, Diagnostics& diags, int jobs,
                        const TranslationReport* previous, TranslationReport* keep,
                        bool take_bodies) {
  // Each glossary's fingerprint, worked out once (by language).
  std::vector<std::pair<const Glossary*, std::uint64_t>> glossary_of;
  for (const Glossary& each : glossaries) glossary_of.emplace_back(&each, 0);
  if (previous || keep) {
    for (auto& [glossary, print] : glossary_of) print = glossary_fingerprint(glossary);
  }
  const std::uint64_t no_glossary = glossary_fingerprint(nullptr);
  // Each pair with what the build before found, if its sources are the same; the pairs
  // left to check by original, each original scanned once for all its translations (and
  // its page written by one thread).
  std::vector<PairFindings> found(pairs.size());
  std::vector<const Glossary*> glossary_at(pairs.size(), nullptr);
  std::vector<std::vector<size_t>> by_original;
  std::unordered_map<const SourcePage*, size_t> group_of;
  Previous before(previous, pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    PairFindings& f = found[i];
    const SourcePage& original = *pairs[i].original->source;
    const SourcePage& translation = *pairs[i].translation->source;
    f.original = &original;
    f.translation = &translation;
    f.original_print = original.fingerprint;
    f.translation_print = translation.fingerprint;
    f.glossary_print = no_glossary;
    for (const auto& [each, print] : glossary_of) {
      if (each->lang == translation.lang) {
        glossary_at[i] = each;
        f.glossary_print = print;
      }
    }
    if (const PairFindings* kept = before.find(i, original, translation)) {
      f.drift = kept->drift;
      if (kept->glossary_print == f.glossary_print) f.terms = kept->terms;
    }
    if (f.drift && f.terms) continue;
    auto [it, added] = group_of.try_emplace(&original, by_original.size());
    if (added) by_original.emplace_back();
    by_original[it->second].push_back(i);
  }
  const bool unsafe_html = site.config->unsafe_html;
  const bool* render_ahead = take_bodies ? &unsafe_html : nullptr;
  parallel_for(by_original.size(), jobs, [&](size_t g) {
    const SourcePage& original = *found[by_original[g].front()].original;
    const Collection* collection = site.config->collection(original.section);
    LazyScan theirs(original, render_ahead);
    for (size_t i : by_original[g]) {
      PairFindings& f = found[i];
      const SourcePage& translation = *f.translation;
      const Glossary* glossary = glossary_at[i];
      LazyScan mine(translation, render_ahead);  // in this pair only (translation_pairs)
      if (!f.drift) {
        f.drift = std::make_shared<const std::vector<Drift>>(
            compare_scanned(original, theirs.get(), translation, mine.get(),
                            collection ? &collection->fields : nullptr));
      }
      if (!f.terms) {
        static const std::vector<MarkdownItem> kUnread;
        f.terms = std::make_shared<const std::vector<Drift>>(terms_scanned(
            original, glossary ? theirs.get() : kUnread, translation, mine.get(), glossary));
      }
    }
  });
  // Drift first, then terms, each in the order of the pairs.
  report(found, &PairFindings::drift, diags);
  report(found, &PairFindings::terms, diags);
  if (keep) keep->pairs = std::move(found);
}

void check_translations(const Site& site, const std::vector<Glossary>& glossaries,
                        Diagnostics& diags, int jobs, const TranslationReport* previous,
                        TranslationReport* keep, bool take_bodies) {
  check_translations(site, translation_pairs(site), glossaries, diags, jobs, previous, keep,
                     take_bodies);
}

}  // namespace firefly
