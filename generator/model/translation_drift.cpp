#include "model/translation_drift.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <string_view>
#include <utility>

#include "core/language_tag.h"
#include "load/markdown.h"
#include "model/stated_numbers.h"
#include "model/translation_facts.h"
#include "model/translation_front.h"

namespace firefly {

namespace {

using namespace translation_facts;

/// Figures named in one warning about figures a translation lacks; the rest are counted.
constexpr size_t kListedFigures = 8;

/// The line in `to` that corresponds to `line` in `from`: the same heading's line.
int aligned_line(const Facts& from, int line, const Facts& to) {
  auto it = std::upper_bound(from.headings.begin(), from.headings.end(), line);
  size_t index = static_cast<size_t>(it - from.headings.begin());
  if (index == 0 || to.headings.empty()) return to.first_line;
  return to.headings[std::min(index, to.headings.size()) - 1];
}

/// Whether `text` is a telephone number as stated_numbers reads one ("(06) 298-8133"): its
/// value (62988133) says nothing to a reader.
bool telephone(const std::string& text) {
  return !text.empty() && (text[0] == '(' || text[0] == '+' || text[0] == '0') &&
         std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 9;
}

/// 3256 ("3,256"), or the telephone number "(06) 298-8133", with " at <file>:<line>" when
/// `in` is given.
std::string figure_text(const Figure& f, const Facts* in) {
  const std::string where = in ? " at " + at_figure(*in, f) : "";
  if (telephone(f.second.text)) {
    return "the telephone number \"" + f.second.text + "\"" +
           (in ? " (" + where.substr(1) + ")" : "");
  }
  return format_thousandths(f.first) + " (\"" + f.second.text + "\"" + where + ")";
}

/// "3 figures, 100 ("100" at <file>:<line>:<column>), ..." in the order they are written in
/// `in` (which `figures` is sorted to), the first kListedFigures of them; "at
/// <line>:<column>" without `path` (the warning's own file); `first` set to where the first is.
std::string figure_list(std::vector<const Figure*>& figures, const Facts& in, bool path,
                        Pos* first = nullptr) {
  std::stable_sort(figures.begin(), figures.end(), [](const Figure* a, const Figure* b) {
    return a->second.line < b->second.line;
  });
  // The figures named, and those on the line of the last of them, by their columns too.
  const size_t shown = std::min(figures.size(), kListedFigures);
  size_t placed_count = shown;
  while (placed_count < figures.size() &&
         figures[placed_count]->second.line == figures[shown - 1]->second.line) {
    ++placed_count;
  }
  std::vector<std::pair<Pos, const Figure*>> placed;
  placed.reserve(placed_count);
  for (size_t k = 0; k < placed_count; ++k)
    placed.emplace_back(where(in, figures[k]->second), figures[k]);
  std::stable_sort(placed.begin(), placed.end(), [](const auto& a, const auto& b) {
    return a.first.line != b.first.line ? a.first.line < b.first.line : a.first.col < b.first.col;
  });
  std::string out = std::to_string(figures.size()) + " figures, ";
  out.reserve(shown * (path ? in.path.size() + 32 : 32));
  // Appended piece by piece: the list is made for every line of figures of every pair.
  auto append_int = [&](int n) {
    char buf[16];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
  };
  for (size_t k = 0; k < placed_count; ++k) {
    figures[k] = placed[k].second;
    if (k >= shown) continue;
    const auto& [pos, f] = placed[k];
    if (k) out += ", ";
    out += format_thousandths(f->first);
    out += " (\"";
    out += f->second.text;
    out += "\" at ";
    if (path) {
      out += in.path;
      out += ':';
    }
    append_int(pos.line);
    out += ':';
    append_int(pos.col);
    out += ')';
  }
  if (shown < figures.size()) out += " and " + std::to_string(figures.size() - shown) + " more";
  if (first) *first = placed[0].first;
  return out;
}

/// The line of the heading of the section of `f` that holds `line`, or its first line.
int section_line(const Facts& f, int line) {
  auto it = std::upper_bound(f.headings.begin(), f.headings.end(), line);
  return it == f.headings.begin() ? f.first_line : *(it - 1);
}

/// Whether a figure of the translation, its value times 1000 `key`, is a year of the Buddhist
/// era written without พ.ศ. ("2565" in a table) in a Thai translation (`thai`): 543 after the
/// Gregorian year.
bool buddhist_year(long long key, bool thai) {
  return thai && key > 2400000 && key < 2800000 && key % 1000 == 0;
}

/// Whether figure `f`, as written, is a number of the address of a link both sides have (of
/// `shared`: "2019" of https://example.org/2019/r.pdf): one side may name the link by its year
/// ("the 2019 report"), the other not; the address is compared as a link.
bool in_shared_link(const std::vector<const std::string*>& shared, const Figure& f) {
  const std::string& text = f.second.text;
  if (text.empty()) return false;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (const std::string* link : shared) {
    const std::string& target = *link;
    for (size_t at = target.find(text); at != std::string::npos; at = target.find(text, at + 1)) {
      const size_t end = at + text.size();
      if ((at == 0 || !digit(target[at - 1])) && (end == target.size() || !digit(target[end]))) {
        return true;
      }
    }
  }
  return false;
}

/// Figures on one side only, one warning per line of the translation (a table whose figures
/// changed is one thing to fix, not one per cell); a section where one figure of the original
/// is missing and the translation states one other is one warning naming both (1,043 written
/// 1,034).
void compare_figures(const Facts& o, const Facts& t, bool thai, std::vector<Drift>& out) {
  std::map<int, std::vector<const Figure*>> missing, added;
  // The links both sides have, in the original's order (found once, not for each figure).
  std::vector<const std::string*> shared;
  for (const auto& [target, line] : o.links) {
    if (t.links.count(target)) shared.push_back(&target);
  }
  for (const Figure& f : o.numbers) {
    if (t.numbers.count(f.first) || t.in_words.count(f.first) || in_shared_link(shared, f) ||
        (thai && t.numbers.count(f.first + 543000) && buddhist_year(f.first + 543000, thai))) {
      continue;
    }
    missing[aligned_line(o, f.second.line, t)].push_back(&f);
  }
  for (const Figure& f : t.numbers) {
    if (o.numbers.count(f.first) || o.in_words.count(f.first) || in_shared_link(shared, f))
      continue;
    // A Thai year of the Buddhist era (2565 for the original's 2022, or beside it).
    if (buddhist_year(f.first, thai) &&
        (o.numbers.count(f.first - 543000) || t.numbers.count(f.first - 543000))) {
      continue;
    }
    // An ROC year beside its Gregorian year ("2015 to 2018 (ROC years 104 to 107)").
    bool roc = f.first >= 60000 && f.first < 200000 && f.first % 1000 == 0;
    if (!(roc && t.numbers.count(f.first + 1911000))) added[f.second.line].push_back(&f);
  }
  // Sections with one figure missing and one added: the translation's figure is the
  // original's, changed.
  std::map<int, int> added_in;  // section line -> figures added there
  for (const auto& [line, figures] : added) {
    added_in[section_line(t, line)] += static_cast<int>(figures.size());
  }
  for (auto it = added.begin(); it != added.end();) {
    const int section = section_line(t, it->first);
    auto gone = missing.find(section);
    if (added_in[section] != 1 || gone == missing.end() || gone->second.size() != 1) {
      ++it;
      continue;
    }
    const Figure& was = *gone->second[0];
    const Figure& now = *it->second[0];
    const Pos pos = where(t, now.second);
    out.push_back({pos.line,
                   "this translation states " + figure_text(now, nullptr) +
                       " where the original states " + figure_text(was, &o),
                   "correct the figure to match the original, written in this language's format",
                   pos.col});
    missing.erase(gone);
    it = added.erase(it);
  }
  for (auto& [line, figures] : missing) {
    out.push_back({line,
                   figures.size() == 1
                       ? "the original states " + figure_text(*figures[0], &o) +
                             " but this translation does not"
                       : "the original states " + figure_list(figures, o, /*path=*/true) +
                             " that this translation does not",
                   figures.size() == 1
                       ? "check the figure against the original; write it in this language's "
                         "format"
                       : "check the figures against the original; write them in this language's "
                         "format"});
  }
  for (auto& [line, figures] : added) {
    std::string original = at(o, aligned_line(t, line, o));
    // Placed at the (first) figure itself.
    Pos pos;
    const std::string listed =
        figures.size() == 1 ? "" : figure_list(figures, t, /*path=*/false, &pos);
    if (figures.size() == 1) pos = where(t, figures[0]->second);
    out.push_back({pos.line,
                   figures.size() == 1
                       ? "this translation states " + figure_text(*figures[0], nullptr) +
                             " but the original (" + original + ") does not"
                       : "this translation states " + listed + " that the original (" + original +
                             ") does not",
                   figures.size() == 1
                       ? "check the figure against the original; never add one it does not state"
                       : "check the figures against the original; never add one it does not "
                         "state",
                   pos.col});
  }
}

/// Things of one kind present on one side only.
void compare_sets(const Facts& o, const Facts& t, const std::map<std::string, int>& in_o,
                  const std::map<std::string, int>& in_t, const std::string& what,
                  const std::string& noun, std::vector<Drift>& out) {
  for (const auto& [value, line] : in_o) {
    if (in_t.count(value)) continue;
    out.push_back(
        {aligned_line(o, line, t),
         "the original has " + what + " " + value + " (" + at(o, line, value) +
             ") that this translation does not",
         "translate the passage with this " + noun + ", keeping the " + noun + " as it is"});
  }
  for (const auto& [value, line] : in_t) {
    if (in_o.count(value)) continue;
    out.push_back({line,
                   "this translation has " + what + " " + value + " that the original (" +
                       at(o, aligned_line(t, line, o)) + ") does not",
                   "keep the " + noun + "s of the original; a translation adds none"});
  }
}

}  // namespace

std::vector<Drift> compare_translation(const SourcePage& original, const SourcePage& translation,
                                       const std::vector<FieldSchema>* schema) {
  return compare_scanned(original, scan_markdown(original.body, original.body_line), translation,
                         scan_markdown(translation.body, translation.body_line), schema);
}

std::vector<Drift> compare_scanned(const SourcePage& original,
                                   const std::vector<MarkdownItem>& original_items,
                                   const SourcePage& translation,
                                   const std::vector<MarkdownItem>& translation_items,
                                   const std::vector<FieldSchema>* schema) {
  Facts o = facts_of(original, original_items), t = facts_of(translation, translation_items);
  std::vector<Drift> out;
  const bool thai = primary_language(translation.lang) == "th";
  settle_ranges(o, t);
  settle_ranges(t, o);
  add_english_words(o, t);
  add_english_words(t, o);
  compare_figures(o, t, thai, out);
  compare_sets(o, t, o.links, t.links, "a link to", "link", out);
  compare_sets(o, t, o.embeds, t.embeds, "the embed", "embed", out);
  compare_sets(o, t, o.images, t.images, "the image", "image", out);
  compare_sets(o, t, o.code, t.code, "the code", "code", out);
  // `one` and `many`: the thing counted, as one and as several ("1 heading", "2 headings").
  auto count_drift = [&](int in_o, int in_t, int tolerance, const std::string& one,
                         const std::string& many) {
    if (std::abs(in_o - in_t) <= tolerance) return;
    out.push_back({t.first_line,
                   "this translation has " + std::to_string(in_t) + " " + (in_t == 1 ? one : many) +
                       " where the original (" + at(o, o.first_line) + ") has " +
                       std::to_string(in_o),
                   "a translation keeps every section and list item of its original"});
  };
  count_drift(static_cast<int>(o.headings.size()), static_cast<int>(t.headings.size()),
              kHeadingTolerance, "heading", "headings");
  count_drift(o.list_items, t.list_items, kListItemTolerance, "list item", "list items");
  compare_front(original, translation, schema, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Drift& a, const Drift& b) { return a.line < b.line; });
  return out;
}

}  // namespace firefly
