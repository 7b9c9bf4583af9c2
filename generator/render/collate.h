// Human-facing lists in the reader's order: by the collation of the page's language.
#pragma once

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/value.h"

namespace firefly {

/// Titles' sort keys kept between sorts (a text's key in a locale never changes): `serve`
/// keeps one across updates, so that the site map of a new story sorts 10,000 titles
/// without making their keys again. Thread-safe.
class SortKeys {
 public:
  /// Fills `keys[i]` with the key of `titles[i]` in `locale`, made by `make` when not kept.
  template <class Make>
  void get(const std::string& locale, const std::vector<std::string>& titles,
           std::vector<std::string>& keys, Make&& make);

 private:
  std::mutex mu_;
  std::unordered_map<std::string, std::string> keys_;  ///< locale, '\0', title -> key
};

/// Sorts list entries (maps) by their "title" in the collation of `locale` (an HTML lang
/// such as "zh-Hant-TW": stroke order; "vi": ICU's Vietnamese letters). Stable. With
/// `keys`, the titles' sort keys are taken from it and kept there.
void sort_by_title(List& items, const std::string& locale, SortKeys* keys = nullptr);

template <class Make>
void SortKeys::get(const std::string& locale, const std::vector<std::string>& titles,
                   std::vector<std::string>& keys, Make&& make) {
  keys.assign(titles.size(), std::string());
  std::vector<size_t> missing;
  std::string name = locale + '\0';
  {
    std::lock_guard lock(mu_);
    for (size_t i = 0; i < titles.size(); ++i) {
      name.resize(locale.size() + 1);
      name += titles[i];
      auto it = keys_.find(name);
      if (it == keys_.end()) {
        missing.push_back(i);
      } else {
        keys[i] = it->second;
      }
    }
  }
  if (missing.empty()) return;
  for (size_t i : missing) keys[i] = make(titles[i]);
  std::lock_guard lock(mu_);
  if (keys_.size() > 500'000) keys_.clear();  // titles edited many times over: start again
  for (size_t i : missing) {
    name.resize(locale.size() + 1);
    name += titles[i];
    keys_.emplace(name, keys[i]);
  }
}

}  // namespace firefly
