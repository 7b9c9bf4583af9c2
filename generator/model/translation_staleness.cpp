#include "model/translation_staleness.h"

#include "model/translation_pairs.h"

namespace firefly {

namespace {

/// "2024-03-05" of a date that may carry a time.
std::string day_of(const Date& d) { return Date{d.year, d.month, d.day}.iso(); }

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
    diags.warning(
        translation.path, from.pos,
        "translated_from '" + text + "' is neither a date nor a commit of this site's git history",
        "write the date (YYYY-MM-DD) or the commit of the original you translated");
    return std::nullopt;
  }
  return f;
}

}  // namespace

long long epoch_seconds(const Date& d) {
  long long s = static_cast<long long>(d.days_since_epoch()) * 86400;
  if (d.has_time) s += d.hour * 3600 + d.minute * 60 + d.second;
  if (d.has_tz) s -= d.tz_offset_minutes * 60LL;
  return s;
}

void mark_stale_translations(Site& site, Diagnostics& diags) {
  std::map<const SourcePage*, const Page*> stale;  // translation source -> original page
  for (const auto& [page, original] : translation_pairs(site)) {
    const SourcePage* src = page->source;
    const std::optional<Date>& changed = original->source->git_updated;
    if (!changed) continue;
    std::optional<Followed> f = followed(*src, diags);
    if (!f) continue;
    bool later = f->whole_days ? changed->days_since_epoch() > f->when->days_since_epoch()
                               : epoch_seconds(*changed) > epoch_seconds(*f->when);
    if (!later) continue;
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
