#include "model/dataset_text_staleness.h"

#include <map>
#include <set>
#include <string>

#include "model/translation_staleness.h"

namespace firefly {

namespace {

/// "2024-03-05" of a date that may carry a time.
std::string day_of(const Date& d) { return Date{d.year, d.month, d.day}.iso(); }

/// Points the dataset's page in `lang` at its page in the default language.
void mark_page(Site& site, const Dataset& d, const std::string& lang) {
  auto group = site.groups.find("data/" + d.name);
  if (group == site.groups.end()) return;
  auto page = group->second.find(lang);
  auto original = group->second.find(site.config->default_language().code);
  if (page == group->second.end() || original == group->second.end()) return;
  if (!page->second->fallback) page->second->stale_original = original->second;
}

}  // namespace

void mark_stale_dataset_texts(Site& site, const std::vector<Dataset>& datasets,
                              Diagnostics& diags) {
  const std::string& original_lang = site.config->default_language().code;
  std::set<std::string> others;
  for (const Language& l : site.config->languages) others.insert(l.code);
  others.erase(original_lang);
  for (const Dataset& d : datasets) {
    std::map<std::string, const MetadataText*> originals;  // field -> its original text
    for (const MetadataText& t : d.texts) {
      if (t.key == original_lang) originals[t.field] = &t;
    }
    for (const auto& [lang, from] : d.translated_from) {
      if (!from.date) {
        diags.warning(d.yaml_path, from.pos,
                      "translated_from '" + from.text +
                          "' is neither a date nor a commit of this site's git history",
                      "write the date (YYYY-MM-DD) or the commit of the original you translated");
      } else if (!others.count(lang)) {
        diags.warning(d.yaml_path, from.pos,
                      "translated_from names '" + lang + "', which is not a translation's language",
                      "use the code of one of the site's other languages");
      }
    }
    std::set<std::string> stale_langs;
    for (const MetadataText& t : d.texts) {
      auto o = originals.find(t.field);
      if (o == originals.end() || !others.count(t.key)) continue;
      const MetadataText& original = *o->second;
      if (!original.changed) continue;  // not committed yet
      std::string follows;
      auto declared = d.translated_from.find(t.key);
      if (declared != d.translated_from.end()) {
        const TranslatedFrom& from = declared->second;
        if (!from.date) continue;  // warned above
        // A date covers the whole day; a commit, up to its second.
        bool newer = from.is_commit
                         ? epoch_seconds(original.changed->date) > epoch_seconds(*from.date)
                         : day_of(original.changed->date) > from.date->iso();
        if (!newer) continue;
        follows = "later than the original the " + t.key +
                  " translations follow (translated_from: " + from.text.substr(0, 12) +
                  (from.is_commit ? ", of " + day_of(*from.date) : "") + ")";
      } else {
        // Not committed yet, or the translation changed in the same or a newer commit.
        if (!t.changed || original.age >= t.age) continue;
        follows = "after this " + t.key + " translation last changed on " + day_of(t.changed->date);
      }
      stale_langs.insert(t.key);
      diags.warning(d.yaml_path, t.key_pos,
                    "the original " + original_lang + " text (line " +
                        std::to_string(original.key_pos.line) + ") changed on " +
                        day_of(original.changed->date) + " (commit " +
                        original.changed->commit.substr(0, 7) + "), " + follows +
                        "; the translation may be out of date",
                    "update the " + t.key + " text from the " + original_lang +
                        " one and commit it; if it needs no change, add `translated_from: {" +
                        t.key + ": " + day_of(original.changed->date) + "}` to the metadata");
    }
    for (const std::string& lang : stale_langs) mark_page(site, d, lang);
  }
}

}  // namespace firefly
