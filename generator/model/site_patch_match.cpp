#include "model/site_patch_match.h"

#include <algorithm>
#include <map>
#include <string>
#include <type_traits>
#include <unordered_map>

namespace firefly {

namespace {

template <typename Before>
std::vector<size_t> match(const Before& before, const std::vector<std::shared_ptr<Page>>& now) {
  auto at = [&](size_t j) -> const Page* {
    if constexpr (std::is_same_v<typename Before::value_type, const Page*>) {
      return before[j];
    } else {
      return before[j].get();
    }
  };
  std::vector<size_t> out(now.size(), kNoPageBefore);
  std::unordered_map<const Page*, size_t> index;  // made at the first page out of step
  size_t j = 0;
  for (size_t i = 0; i < now.size(); ++i) {
    const Page* p = now[i].get();
    if (j < before.size() && at(j) == p) {
      out[i] = j++;
      continue;
    }
    if (index.empty()) {
      index.reserve(before.size());
      for (size_t k = 0; k < before.size(); ++k) index.emplace(at(k), k);
    }
    auto it = index.find(p);
    if (it != index.end()) {
      out[i] = it->second;
      j = it->second + 1;
    }
  }
  return out;
}

}  // namespace

std::vector<size_t> shared_pages(const std::vector<const Page*>& before,
                                 const std::vector<std::shared_ptr<Page>>& now) {
  return match(before, now);
}

std::vector<size_t> shared_pages(const Site& before, const Site& now) {
  return match(before.pages, now.pages);
}

namespace {

/// Calls `one(a)`, `one(b)` or `both(a, b)` for the entries of two maps ordered by key, in
/// that order, as each key is in `a` only, `b` only, or in both.
template <typename Map, typename One, typename Both>
void merge_keys(const Map& a, const Map& b, One&& one, Both&& both) {
  auto i = a.begin(), j = b.begin();
  while (i != a.end() || j != b.end()) {
    int c = i == a.end() ? 1 : j == b.end() ? -1 : i->first.compare(j->first);
    if (c < 0) {
      one(*i++);
    } else if (c > 0) {
      one(*j++);
    } else {
      both(*i++, *j++);
    }
  }
}

}  // namespace

std::unordered_set<std::string_view> changed_addresses(const Site& before, const Site& now) {
  std::unordered_set<std::string_view> changed;
  using Url = std::pair<const std::string, Page*>;
  merge_keys(
      before.by_url, now.by_url, [&](const Url& u) { changed.insert(u.first); },
      [&](const Url& a, const Url& b) {
        if (a.second != b.second &&
            (a.second->key != b.second->key || a.second->lang != b.second->lang)) {
          changed.insert(a.first);
        }
      });
  using Group = std::pair<const std::string, std::map<std::string, Page*>>;
  auto all = [&](const Group& g) {
    for (const auto& [lang, page] : g.second) {
      if (page) changed.insert(page->url);
    }
  };
  merge_keys(before.groups, now.groups, all, [&](const Group& a, const Group& b) {
    bool same = a.second.size() == b.second.size() &&
                std::equal(a.second.begin(), a.second.end(), b.second.begin(),
                           [](const auto& x, const auto& y) {
                             return x.first == y.first &&
                                    (x.second == y.second ||
                                     (x.second && y.second && x.second->url == y.second->url));
                           });
    if (!same) {
      all(a);
      all(b);
    }
  });
  return changed;
}

}  // namespace firefly
