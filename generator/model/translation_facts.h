// What one side of a translation states, as the drift checks compare it (translation_drift):
// its figures, links, embeds, images, code and structure, each with where it first appears.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/value.h"
#include "load/content.h"
#include "load/markdown.h"

namespace firefly::translation_facts {

/// A figure as one side states it first: as written, and where.
struct Stated {
  std::string text;
  int line = 1;
  /// The front-matter field whose text states it, at byte `at`, else null (the body's): its
  /// column is found when named (yaml_scalar_char_pos, column_of).
  const Value* field = nullptr;
  size_t at = 0;
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
  std::string_view front_yaml;  ///< as written (SourcePage::front_yaml)
  int front_yaml_line = 0;
  /// Figures that may be the second year of a range as well, settled by what the other
  /// side states (settle_ranges): the 25 of "2019 to 25", or 2025.
  struct MaybeRange {
    long long number = 0, year = 0;  ///< times 1000
    Stated stated;
  };
  std::vector<MaybeRange> maybe_ranges;
};

/// What `page` states, its body scanned into `items`.
Facts facts_of(const SourcePage& page, const std::vector<MarkdownItem>& items);

/// Adds each figure of `f` that may be the second year of a range as that year ("2019 to 25":
/// 2025) when `other` states the year, and not the number or `f` states the year nowhere yet;
/// else as the number. Staff write "2019 to 25" for a range, and for two numbers ("letter
/// No. 2019 to 25 members").
void settle_ranges(Facts& f, const Facts& other);

/// The numbers `f`'s English texts write in words, added to its figures in words, when they
/// may write one of the figures `other` states and `f` does not in digits: when its body or a
/// text of its front matter holds a mark of one (english_word_marks). A number in words only
/// ever takes such a figure off the lists of figures missing and added; reading every word of
/// every English text cost 2.7% of a build.
void add_english_words(Facts& f, const Facts& other);

/// The column (of characters, from 1) where `text` is on line `line` of `f`'s body (a figure,
/// `figure`: with no digit right before or after it; with character references read as what
/// they stand for: "&#50;&#48;19" is 2019), else of the line's first character that is no
/// space, else 1.
int column_of(const Facts& f, int line, std::string_view text, bool figure);

/// "content/a.md:12:5": where line `line` of `f` begins, or where `text` is on it.
std::string at(const Facts& f, int line, std::string_view text = {});

/// Where `s` is stated in `in`: its line and column (in a front-matter field's text, the
/// figure's own where it can be known, else where the text begins).
Pos where(const Facts& in, const Stated& s);

/// Where figure `f` is stated in `in`: "content/a.md:12:5".
std::string at_figure(const Facts& in, const Figure& f);

}  // namespace firefly::translation_facts
