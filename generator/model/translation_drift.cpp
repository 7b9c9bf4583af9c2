#include "model/translation_drift.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <utility>

#include "core/language_tag.h"
#include "core/text.h"
#include "load/markdown.h"
#include "model/number_words.h"
#include "model/stated_numbers.h"
#include "model/translation_front.h"

namespace firefly {

namespace {

using Kind = MarkdownItem::Kind;

/// Figures named in one warning about figures a translation lacks; the rest are counted.
constexpr size_t kListedFigures = 8;

/// A figure as one side states it first: as written, and where.
struct Stated {
  std::string text;
  int line = 1;
  int col = 0;  ///< 0: where `text` is on its line of the body (column_of), found when named
};

/// A stated figure: its value (times 1000) -> where.
using Figure = std::pair<const long long, Stated>;

/// What one side of a translation states, with the line where each thing first appears.
struct Facts {
  std::string path;
  std::string_view body;                    ///< "" when the render stage took it
  mutable std::vector<size_t> line_starts;  ///< of `body`'s lines, found when a column is named
  std::map<long long, Stated> numbers;      ///< value*1000 -> where
  /// Figures written in words only ("十七"), which the other side may write in words too
  /// ("seventeen"): not looked for there, but no figure of the other side is new beside them.
  std::map<long long, Stated> in_words;
  /// An English page's texts whose figures are read, with their lines: their numbers in
  /// English words ("seventeen") are read only where they may matter (add_english_words).
  std::vector<std::pair<std::string_view, int>> english_texts;
  size_t front_texts = 0;  ///< of english_texts, the first, of the front matter
  std::map<std::string, int> links, images, embeds, code;
  std::vector<int> headings;  ///< lines
  int list_items = 0;
  int first_line = 1;
};

/// Adds the figures of `text`, on line `line` at column `col` (a front-matter field's value:
/// its figures are named by it), or (`col` 0) of the body.
void add_numbers(Facts& f, std::string_view text, const std::string& lang, int line, bool english,
                 int col = 0) {
  for (StatedNumber& n : stated_numbers(text, lang, /*english_words=*/false)) {
    (n.words ? f.in_words : f.numbers)
        .emplace(std::llround(n.value * 1000), Stated{std::move(n.text), line, col});
  }
  if (english) f.english_texts.emplace_back(text, line);
}

/// The numbers `f`'s English texts write in words, added to its figures in words, when they
/// may write one of the figures `other` states and `f` does not in digits: when its body or a
/// text of its front matter holds a mark of one (english_word_marks). A number in words only
/// ever takes such a figure off the lists of figures missing and added; reading every word of
/// every English text cost 2.7% of a build.
void add_english_words(Facts& f, const Facts& other) {
  if (f.english_texts.empty()) return;
  std::vector<std::string_view> marks;
  for (const auto& [key, stated] : other.numbers) {
    if (f.numbers.count(key)) continue;
    for (std::string_view mark : english_word_marks(static_cast<double>(key) / 1000)) {
      if (std::find(marks.begin(), marks.end(), mark) == marks.end()) marks.push_back(mark);
    }
  }
  if (marks.empty()) return;
  // The texts of the front matter come first; those of the body are looked for in the body
  // as a whole (each on its own when the render took it).
  const size_t one_by_one = f.body.empty() ? f.english_texts.size() : f.front_texts;
  if (!(!f.body.empty() && holds_mark(f.body, marks)) &&
      std::none_of(f.english_texts.begin(), f.english_texts.begin() + one_by_one,
                   [&](const auto& text) { return holds_mark(text.first, marks); })) {
    return;
  }
  for (const auto& [text, line] : f.english_texts) {
    for (StatedNumber& n : english_number_words(text)) {
      f.in_words.emplace(std::llround(n.value * 1000), Stated{std::move(n.text), line, 0});
    }
  }
}

/// The embed's kind and dataset: what must stay equal (titles and captions are words).
std::string embed_identity(const std::string& value) {
  size_t nl = value.find('\n');
  std::string kind = value.substr(0, nl);
  std::string dataset;
  size_t at = value.find("dataset:");
  if (at != std::string::npos) {
    size_t end = value.find('\n', at);
    dataset = value.substr(at + 8, end == std::string::npos ? std::string::npos : end - at - 8);
    while (!dataset.empty() && dataset.front() == ' ') dataset.erase(0, 1);
    while (!dataset.empty() && (dataset.back() == ' ' || dataset.back() == '\r'))
      dataset.pop_back();
  }
  return kind + " of " + (dataset.empty() ? "(no dataset)" : dataset);
}

/// Whether `text` is the text of an autolink to `target`: the address itself, or without
/// the `mailto:` or `http://` an autolink of an e-mail address or of `www.` adds to it.
bool autolink_text(std::string_view target, std::string_view text) {
  if (text.empty()) return false;
  if (target == text) return true;
  for (std::string_view scheme : {"mailto:", "http://"}) {
    if (target.size() == scheme.size() + text.size() && target.substr(0, scheme.size()) == scheme &&
        target.substr(scheme.size()) == text) {
      return true;
    }
  }
  return false;
}

Facts facts_of(const SourcePage& page, const std::vector<MarkdownItem>& items) {
  Facts f;
  f.path = page.path;
  f.first_line = page.body_line;
  f.body = page.body;
  const bool english = primary_language(page.lang) == "en";
  for (const char* field : {"title", "summary", "description"}) {
    const Value& v = page.front.get(field);
    if (v.is_string()) {
      add_numbers(f, v.as_string(), page.lang, v.pos.line ? v.pos.line : 1, english,
                  std::max(v.pos.col, 1));
    }
  }
  f.front_texts = f.english_texts.size();
  const std::string* link = nullptr;  // the target of the link whose text comes next
  for (const MarkdownItem& item : items) {
    const std::string* link_before = std::exchange(link, nullptr);
    switch (item.kind) {
      case Kind::kHeading:
        f.headings.push_back(item.line);
        break;
      case Kind::kListItem:
        ++f.list_items;
        break;
      case Kind::kLink: {
        std::string target = item.value.substr(0, item.value.find('#'));
        if (!target.empty()) f.links.emplace(target, item.line);
        link = &item.value;
        break;
      }
      case Kind::kImage:
        f.images.emplace(item.value, item.line);
        break;
      case Kind::kEmbed:
        f.embeds.emplace(embed_identity(item.value), item.line);
        break;
      case Kind::kCode:
        f.code.emplace(item.value, item.line);
        break;
      case Kind::kText:
        // An address shown as its own link (<https://example.org/2019/r.pdf>) states no
        // figure: its target is compared as a link.
        if (!(link_before && autolink_text(*link_before, item.value))) {
          add_numbers(f, item.value, page.lang, item.line, english);
        }
        break;
      default:
        break;
    }
  }
  return f;
}

/// The line in `to` that corresponds to `line` in `from`: the same heading's line.
int aligned_line(const Facts& from, int line, const Facts& to) {
  auto it = std::upper_bound(from.headings.begin(), from.headings.end(), line);
  size_t index = static_cast<size_t>(it - from.headings.begin());
  if (index == 0 || to.headings.empty()) return to.first_line;
  return to.headings[std::min(index, to.headings.size()) - 1];
}

/// Line `line` of `f`'s body, or "" (a line of its front matter, a body the render took).
std::string_view body_line(const Facts& f, int line) {
  if (line < f.first_line || f.body.empty()) return {};
  if (f.line_starts.empty()) {
    f.line_starts.push_back(0);
    for (size_t at = f.body.find('\n'); at != std::string_view::npos;
         at = f.body.find('\n', at + 1)) {
      f.line_starts.push_back(at + 1);
    }
  }
  const auto n = static_cast<size_t>(line - f.first_line);
  if (n >= f.line_starts.size()) return {};
  const std::string_view rest = f.body.substr(f.line_starts[n]);
  return rest.substr(0, rest.find('\n'));
}

/// The column (of characters, from 1) where `text` is on line `line` of `f`'s body (a figure,
/// `figure`: with no digit right before or after it), else of the line's first character
/// that is no space, else 1.
int column_of(const Facts& f, int line, std::string_view text, bool figure) {
  const std::string_view l = body_line(f, line);
  auto digit = [&](size_t i) { return i < l.size() && l[i] >= '0' && l[i] <= '9'; };
  size_t at = std::string_view::npos;
  for (size_t from = 0; !text.empty() && (at = l.find(text, from)) != std::string_view::npos;
       from = at + 1) {
    if (!figure || ((at == 0 || !digit(at - 1)) && !digit(at + text.size()))) break;
  }
  if (at == std::string_view::npos) at = l.find_first_not_of(" \t");
  if (at == std::string_view::npos) return 1;
  return char_column(l, static_cast<int>(at) + 1);
}

/// "content/a.md:12:5": where line `line` of `f` begins, or where `text` is on it.
std::string at(const Facts& f, int line, std::string_view text = {}) {
  return f.path + ":" + std::to_string(line) + ":" +
         std::to_string(column_of(f, line, text, /*figure=*/false));
}

/// Where figure `f` is stated in `in`: "content/a.md:12:5".
std::string at_figure(const Facts& in, const Figure& f) {
  const Stated& s = f.second;
  const int col = s.col > 0 ? s.col : column_of(in, s.line, s.text, /*figure=*/true);
  return in.path + ":" + std::to_string(s.line) + ":" + std::to_string(col);
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
  return format_number(f.first / 1000.0) + " (\"" + f.second.text + "\"" + where + ")";
}

/// "3 figures, 100 ("100", line 23), ..." in the order of their lines, the first
/// kListedFigures of them; with "at <file>:<line>:<column>" for "line <line>" when `in` is
/// given.
std::string figure_list(std::vector<const Figure*>& figures, const Facts* in) {
  std::stable_sort(figures.begin(), figures.end(), [](const Figure* a, const Figure* b) {
    return a->second.line < b->second.line;
  });
  std::string out = std::to_string(figures.size()) + " figures, ";
  size_t shown = std::min(figures.size(), kListedFigures);
  for (size_t k = 0; k < shown; ++k) {
    if (k) out += ", ";
    const Figure& f = *figures[k];
    out += format_number(f.first / 1000.0) + " (\"" + f.second.text + "\"" +
           (in ? " at " + at_figure(*in, f) : ", line " + std::to_string(f.second.line)) + ")";
  }
  if (shown < figures.size()) out += " and " + std::to_string(figures.size() - shown) + " more";
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

/// Whether figure `f`, as written, is a number of the address of a link both sides have
/// ("2019" of https://example.org/2019/r.pdf): one side may name the link by its year ("the
/// 2019 report"), the other not; the address is compared as a link.
bool in_shared_link(const Facts& o, const Facts& t, const Figure& f) {
  const std::string& text = f.second.text;
  if (text.empty()) return false;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (const auto& [target, line] : o.links) {
    if (!t.links.count(target)) continue;
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
  for (const Figure& f : o.numbers) {
    if (t.numbers.count(f.first) || t.in_words.count(f.first) || in_shared_link(o, t, f) ||
        (thai && t.numbers.count(f.first + 543000) && buddhist_year(f.first + 543000, thai))) {
      continue;
    }
    missing[aligned_line(o, f.second.line, t)].push_back(&f);
  }
  for (const Figure& f : t.numbers) {
    if (o.numbers.count(f.first) || o.in_words.count(f.first) || in_shared_link(o, t, f)) continue;
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
    out.push_back({it->first,
                   "this translation states " + figure_text(now, nullptr) +
                       " where the original states " + figure_text(was, &o),
                   "correct the figure to match the original, written in this language's format"});
    missing.erase(gone);
    it = added.erase(it);
  }
  for (auto& [line, figures] : missing) {
    out.push_back({line,
                   figures.size() == 1 ? "the original states " + figure_text(*figures[0], &o) +
                                             " but this translation does not"
                                       : "the original states " + figure_list(figures, &o) +
                                             " that this translation does not",
                   figures.size() == 1
                       ? "check the figure against the original; write it in this language's "
                         "format"
                       : "check the figures against the original; write them in this language's "
                         "format"});
  }
  for (auto& [line, figures] : added) {
    std::string original = at(o, aligned_line(t, line, o));
    out.push_back({line,
                   figures.size() == 1
                       ? "this translation states " + figure_text(*figures[0], nullptr) +
                             " but the original (" + original + ") does not"
                       : "this translation states " + figure_list(figures, nullptr) +
                             " that the original (" + original + ") does not",
                   figures.size() == 1
                       ? "check the figure against the original; never add one it does not state"
                       : "check the figures against the original; never add one it does not "
                         "state"});
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
