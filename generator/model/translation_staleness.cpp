#include "model/translation_staleness.h"

#include "model/translation_pairs.h"

namespace firefly {

namespace {

/// What a translation follows: the date or commit it declares, else its own last change.
struct Followed {
  std::optional<Date> when;
  bool whole_days = false;  ///< a declared date: compare days, not seconds
  std::string what;         ///< how the warning names it
};

/// The revision of the original that `translation` follows; nullopt (after a warning when
/// the declaration is unusable) when there is nothing to compare with.
std::optional<Followed> followed(const SourcePage& translation, Diagnostics& diags) {
  const Value& from = translation.front.get("translated_from");
  Followed f;
  if (from.is_null()) {
    if (!translation.git_updated) return std::nullopt;  // not committed yet
    f.when = translation.git_updated;
    f.what = "this translation last changed on " + day_of(*f.when);
    return f;
  }
  std::string text = from.to_text();
  if (auto d = parse_date(text)) {
    f.when = d;
    f.whole_days = true;
    f.what = "this translation follows the original of " + day_of(*d);
  } else if (translation.translated_from_commit_date) {
    f.when = translation.translated_from_commit_date;
    f.what = "this translation follows commit " + text.substr(0, 12) + " of " + day_of(*f.when);
  } else {
    warn_unknown_translated_from(diags, translation.path, from.pos, text);
    return std::nullopt;
  }
  return f;
}

}  // namespace

std::string day_of(const Date& d) { return Date{d.year, d.month, d.day}.iso(); }

bool changed_after(const Date& changed, const Date& followed, bool followed_is_day) {
  return followed_is_day ? changed.days_since_epoch() > followed.days_since_epoch()
                         : changed.utc_seconds() > followed.utc_seconds();
}

void warn_unknown_translated_from(Diagnostics& diags, const std::string& path, Pos pos,
                                  const std::string& text) {
  diags.warning(
      path, pos,
      "translated_from '" + text + "' is neither a date nor a commit of this site's git history",
      "write the date (YYYY-MM-DD) or the commit of the original you translated");
}

void mark_stale_translations(Site& site, Diagnostics& diags) {
  mark_stale_translations(site, translation_pairs(site), diags);
}

void mark_stale_translations(Site& site, const std::vector<TranslationPair>& pairs,
                             Diagnostics& diags) {
  std::map<const SourcePage*, const Page*> stale;  // translation source -> original page
  for (const auto& [page, original] : pairs) {
    const SourcePage* src = page->source;
    const std::optional<Date>& changed = original->source->git_updated;
    if (!changed) continue;
    std::optional<Followed> f = followed(*src, diags);
    if (!f) continue;
    if (!changed_after(*changed, *f->when, f->whole_days)) continue;
    stale[src] = original;
    std::string commit = original->source->git_commit.substr(0, 7);
    diags.warning(src->path, {1, 1},
                  "the original " + original->source->path + " changed on " + day_of(*changed) +
                      " (commit " + commit + "), after " + f->what +
                      "; the translation may be out of date",
                  "update it from the original, then add `translated_from: " + day_of(*changed) +
                      "` (or `translated_from: " + commit + "`) to its front matter");
  }
  for (auto& page : site.pages) {
    if (page->source && !page->fallback) {
      if (auto it = stale.find(page->source); it != stale.end()) page->stale_original = it->second;
    }
  }
}

}  // namespace firefly
