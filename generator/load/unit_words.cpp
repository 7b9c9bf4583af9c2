#include "load/unit_words.h"

#include <utility>

#include "core/language_tag.h"
#include "load/dataset.h"

namespace firefly {

namespace {

/// `unit: percent`, as the CSV check advises for a cell written 86.9%: a sign where the
/// language writes one after a number (86.9%), else the word.
const std::vector<std::pair<std::string, std::string>>& percent_words() {
  static const std::vector<std::pair<std::string, std::string>> kWords = {
      {"en", "percent"},  {"zh-TW", "%"},       {"zh-CN", "%"},      {"vi", "%"}, {"id", "persen"},
      {"th", "เปอร์เซ็นต์"}, {"fil", "porsyento"}, {"tl", "porsyento"}, {"ja", "%"}, {"ko", "%"}};
  return kWords;
}

}  // namespace

Localized known_unit_words(std::string_view code, Pos pos) {
  Localized words;
  if (code != "percent") return words;
  words.by_lang = percent_words();
  words.pos = pos;
  return words;
}

const std::vector<std::string>& unit_word_languages() {
  static const std::vector<std::string> kCodes = [] {
    std::vector<std::string> codes;
    for (const auto& [code, word] : percent_words()) codes.push_back(code);
    return codes;
  }();
  return kCodes;
}

void give_unit_words(std::vector<Dataset>& datasets, const std::vector<std::string>& langs) {
  // Once per site language: which of Firefly's languages its words come from.
  std::vector<std::pair<std::string, std::string>> nearest;  // site code, Firefly's code
  for (const std::string& lang : langs) {
    std::string near = closest_language(lang, unit_word_languages());
    if (!near.empty() && near != lang) nearest.emplace_back(lang, std::move(near));
  }
  if (nearest.empty()) return;
  for (Dataset& ds : datasets) {
    for (Column& col : ds.columns) {
      if (col.unit_code.empty()) continue;
      for (const auto& [lang, near] : nearest) {
        if (col.unit.has(lang) || !col.unit.has(near)) continue;
        col.unit.by_lang.emplace_back(lang, col.unit.get(near, near));
      }
    }
  }
}

}  // namespace firefly
