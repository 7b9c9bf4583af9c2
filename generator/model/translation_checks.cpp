#include "model/translation_checks.h"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/hash.h"
#include "core/parallel.h"
#include "load/markdown.h"
#include "model/translation_pairs.h"
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
/// take_bodies).
class LazyScan {
 public:
  LazyScan(const SourcePage& page, const bool* unsafe_html) : page_(page), unsafe_(unsafe_html) {}
  const std::vector<MarkdownItem>& get() {
    if (items_) return *items_;
    if (!unsafe_) {
      items_ = scan_markdown(page_.body, page_.body_line);
      return *items_;
    }
    MarkdownScan scan = scan_markdown_for_render(page_.body, *unsafe_, page_.body_line);
    if (scan.document && scan.document->rendered_ahead()) {  // else it holds its tree
      page_.body_ahead = std::move(scan.document);
      // Read by nothing else now: the pages' HTML, held until the render stage, takes the
      // place of their Markdown.
      const_cast<SourcePage&>(page_).body = SharedText();
    }
    items_ = std::move(scan.items);
    return *items_;
  }

 private:
  const SourcePage& page_;
  const bool* unsafe_;
  std::optional<std::vector<MarkdownItem>> items_;
};

/// One pair's findings and their keys.
struct PairFindings {
  std::uint64_t drift_key = 0, terms_key = 0;
  TranslationFindings::List drift, terms;
};

void report(const std::vector<TranslationPair>& pairs, std::vector<PairFindings>& found,
            TranslationFindings::List PairFindings::*which, std::uint64_t PairFindings::*key,
            Diagnostics& diags, TranslationFindings* keep) {
  if (keep) keep->by_inputs.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    const std::string& path = pairs[i].translation->source->path;
    for (const Drift& d : *(found[i].*which)) {  // most are only counted (Diagnostics::kCap)
      diags.add_made(Severity::kWarning, [&] {
        return Diagnostic{Severity::kWarning, path, {d.line, 1}, d.message, d.hint};
      });
    }
    if (keep && found[i].*key) keep->by_inputs[found[i].*key] = std::move(found[i].*which);
  }
}

}  // namespace

void check_translations(const Site& site, const std::vector<Glossary>& glossaries,
                        Diagnostics& diags, int jobs, const TranslationReport* previous,
                        TranslationReport* keep, bool take_bodies) {
  std::vector<TranslationPair> pairs = translation_pairs(site);
  std::vector<PairFindings> found(pairs.size());
  // The pairs by original, each original scanned once for all its translations (and its
  // page written by one thread).
  std::vector<std::vector<size_t>> by_original;
  std::unordered_map<const SourcePage*, size_t> group_of;
  for (size_t i = 0; i < pairs.size(); ++i) {
    auto [it, added] = group_of.try_emplace(pairs[i].original->source, by_original.size());
    if (added) by_original.emplace_back();
    by_original[it->second].push_back(i);
  }
  // Each glossary's fingerprint, worked out once (by language).
  std::vector<std::pair<const Glossary*, std::uint64_t>> glossary_of;
  for (const Glossary& each : glossaries) glossary_of.emplace_back(&each, 0);
  if (keep) {
    for (auto& [glossary, print] : glossary_of) print = glossary_fingerprint(glossary);
  }
  const bool unsafe_html = site.config->unsafe_html;
  const bool* render_ahead = take_bodies ? &unsafe_html : nullptr;
  parallel_for(by_original.size(), jobs, [&](size_t g) {
    const SourcePage& original = *pairs[by_original[g].front()].original->source;
    LazyScan theirs(original, render_ahead);
    for (size_t i : by_original[g]) {
      const SourcePage& translation = *pairs[i].translation->source;
      const Glossary* glossary = nullptr;
      std::uint64_t glossary_print = glossary_fingerprint(nullptr);
      for (const auto& [each, print] : glossary_of) {
        if (each->lang == translation.lang) {
          glossary = each;
          glossary_print = print;
        }
      }
      PairFindings& f = found[i];
      if (keep) {
        f.drift_key = findings_key(original, translation);
        f.terms_key = findings_key(original, translation, glossary_print);
      }
      f.drift = previous ? previous->drift.find(f.drift_key) : nullptr;
      f.terms = previous ? previous->terms.find(f.terms_key) : nullptr;
      LazyScan mine(translation, render_ahead);  // in this pair only (translation_pairs)
      if (!f.drift) {
        f.drift = std::make_shared<const std::vector<Drift>>(
            compare_scanned(original, theirs.get(), translation, mine.get()));
      }
      if (!f.terms) {
        static const std::vector<MarkdownItem> kUnread;
        f.terms = std::make_shared<const std::vector<Drift>>(terms_scanned(
            original, glossary ? theirs.get() : kUnread, translation, mine.get(), glossary));
      }
    }
  });
  // Drift first, then terms, each in the order of the pairs.
  report(pairs, found, &PairFindings::drift, &PairFindings::drift_key, diags,
         keep ? &keep->drift : nullptr);
  report(pairs, found, &PairFindings::terms, &PairFindings::terms_key, diags,
         keep ? &keep->terms : nullptr);
}

}  // namespace firefly
