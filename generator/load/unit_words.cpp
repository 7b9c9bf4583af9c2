#include "load/unit_words.h"

#include <utility>

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

}  // namespace firefly
