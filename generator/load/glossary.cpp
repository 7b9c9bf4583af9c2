#include "load/glossary.h"

#include "core/fs.h"
#include "core/yaml.h"

namespace firefly {

namespace {

/// A rendering or a list of renderings; false when `v` is neither.
bool read_words(const Value& v, std::vector<std::string>& out) {
  if (v.is_list()) {
    for (const Value& item : v.as_list()) {
      if (item.is_map() || item.is_list() || item.to_text().empty()) return false;
      out.push_back(item.to_text());
    }
    return !out.empty();
  }
  if (v.is_map() || v.is_null() || v.to_text().empty()) return false;
  out.push_back(v.to_text());
  return true;
}

}  // namespace

std::vector<Glossary> load_glossaries(const std::filesystem::path& site_dir,
                                      const SiteConfig& config, Diagnostics& diags) {
  std::vector<Glossary> out;
  for (const Language& lang : config.languages) {
    if (lang.code == config.default_language().code) continue;
    Glossary g;
    g.lang = lang.code;
    g.path = "i18n/glossary." + lang.code + ".yaml";
    auto text = read_file(site_dir / g.path);
    if (!text) continue;
    Value doc = parse_yaml(*text, g.path, diags);
    if (doc.is_null()) continue;
    if (!doc.is_map()) {
      diags.error(g.path, doc.pos, "a glossary maps each term to its rendering",
                  "for example  照顧服務員: care worker");
      continue;
    }
    for (const auto& [term, v] : doc.as_map()) {
      GlossaryEntry e;
      e.term = term;
      e.line = v.key_pos.line;
      bool ok = v.is_map() ? read_words(v.get("use"), e.use) &&
                                 (v.get("avoid").is_null() || read_words(v.get("avoid"), e.avoid))
                           : read_words(v, e.use);
      if (!ok) {
        diags.error(g.path, v.pos.line ? v.pos : v.key_pos,
                    "the glossary entry '" + term + "' needs a rendering",
                    "write `" + term + ": rendering`, a list, or `{use: [..], avoid: [..]}`");
        continue;
      }
      g.entries.push_back(std::move(e));
    }
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace firefly
