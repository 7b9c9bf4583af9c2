#include "model/dataset_text_staleness.h"

#include <map>
#include <set>
#include <string>

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
    std::set<std::string> stale_langs;
    for (const MetadataText& t : d.texts) {
      auto o = originals.find(t.field);
      if (o == originals.end() || !others.count(t.key)) continue;
      const MetadataText& original = *o->second;
      // Not committed yet (either), or the translation changed in the same or a newer commit.
      if (!original.changed || !t.changed || original.age >= t.age) continue;
      stale_langs.insert(t.key);
      diags.warning(d.yaml_path, t.key_pos,
                    "the original " + original_lang + " text (line " +
                        std::to_string(original.key_pos.line) + ") changed on " +
                        day_of(original.changed->date) + " (commit " +
                        original.changed->commit.substr(0, 7) + "), after this " + t.key +
                        " translation last changed on " + day_of(t.changed->date) +
                        "; the translation may be out of date",
                    "update the " + t.key + " text from the " + original_lang +
                        " one; the warning clears once it is committed");
    }
    for (const std::string& lang : stale_langs) mark_page(site, d, lang);
  }
}

}  // namespace firefly
