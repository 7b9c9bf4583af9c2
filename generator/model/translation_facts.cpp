#include "model/translation_facts.h"

#include <algorithm>
#include <cmath>

#include "core/char_refs.h"
#include "core/language_tag.h"
#include "core/text.h"
#include "core/yaml_scalar_pos.h"
#include "model/number_words.h"
#include "model/stated_numbers.h"

namespace firefly::translation_facts {

namespace {

using Kind = MarkdownItem::Kind;

/// Adds the figures of `text`, its language writing numbers as `writing`, on line `line`: of
/// the body, or the text of front-matter field `field`.
void add_numbers(Facts& f, std::string_view text, const number_writing::NumberWriting& writing,
                 int line, bool english, const Value* field = nullptr) {
  // One list a thread, emptied for each text: its room is made once.
  thread_local std::vector<StatedNumber> found;
  found.clear();
  stated_numbers(text, writing, /*english_words=*/false, found);
  for (StatedNumber& n : found) {
    Stated stated{std::move(n.text), line, field, n.at};
    if (n.range_year != 0) {
      f.maybe_ranges.push_back(
          {std::llround(n.value * 1000), std::llround(n.range_year * 1000), std::move(stated)});
      continue;
    }
    (n.words ? f.in_words : f.numbers).try_emplace(std::llround(n.value * 1000), std::move(stated));
  }
  if (english) f.english_texts.emplace_back(text, line);
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
  // It ends where the next begins, before its '\n', or with the body.
  const size_t end = n + 1 < f.line_starts.size() ? f.line_starts[n + 1] - 1 : f.body.size();
  return f.body.substr(f.line_starts[n], end - f.line_starts[n]);
}

/// Where `text` is in `l` (a figure, `figure`: with no digit right before or after it), or npos.
size_t find_in_line(std::string_view l, std::string_view text, bool figure) {
  auto digit = [&](size_t i) { return i < l.size() && l[i] >= '0' && l[i] <= '9'; };
  size_t at = std::string_view::npos;
  for (size_t from = 0; !text.empty() && (at = l.find(text, from)) != std::string_view::npos;
       from = at + 1) {
    if (!figure || ((at == 0 || !digit(at - 1)) && !digit(at + text.size()))) break;
  }
  return at;
}

}  // namespace

void settle_ranges(Facts& f, const Facts& other) {
  for (Facts::MaybeRange& m : f.maybe_ranges) {
    const bool number = other.numbers.count(m.number) || other.in_words.count(m.number);
    const bool range = other.numbers.count(m.year) && (!number || !f.numbers.count(m.year));
    f.numbers.try_emplace(range ? m.year : m.number, std::move(m.stated));
  }
  f.maybe_ranges.clear();
}

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
  // as a whole (each on its own when the render took it, or when a character reference may
  // hide a mark: "tw&#101;nty" is read as "twenty").
  const bool whole = !f.body.empty() && f.body.find("&#") == std::string_view::npos;
  const size_t one_by_one = whole ? f.front_texts : f.english_texts.size();
  const MarkSearch search(marks);
  if (!(whole && search.in(f.body)) &&
      std::none_of(f.english_texts.begin(), f.english_texts.begin() + one_by_one,
                   [&](const auto& text) { return search.in(text.first); })) {
    return;
  }
  for (const auto& [text, line] : f.english_texts) {
    for (StatedNumber& n : english_number_words(text)) {
      f.in_words.try_emplace(std::llround(n.value * 1000), Stated{std::move(n.text), line});
    }
  }
}

Facts facts_of(const SourcePage& page, const std::vector<MarkdownItem>& items) {
  Facts f;
  f.path = page.path;
  f.first_line = page.body_line;
  f.body = page.body;
  f.front_yaml = page.front_yaml;
  f.front_yaml_line = page.front_yaml_line;
  const bool english = primary_language(page.lang) == "en";
  const number_writing::NumberWriting& writing = number_writing::number_writing_of(page.lang);
  for (const char* field : {"title", "summary", "description"}) {
    const Value& v = page.front.get(field);
    if (v.is_string())
      add_numbers(f, v.as_string(), writing, v.pos.line ? v.pos.line : 1, english, &v);
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
        if (!target.empty()) f.links.try_emplace(std::move(target), item.line);
        link = &item.value;
        break;
      }
      case Kind::kImage:
        f.images.try_emplace(item.value, item.line);
        break;
      case Kind::kEmbed:
        f.embeds.try_emplace(embed_identity(item.value), item.line);
        break;
      case Kind::kCode:
        f.code.try_emplace(item.value, item.line);
        break;
      case Kind::kText:
        // An address shown as its own link (<https://example.org/2019/r.pdf>) states no
        // figure: its target is compared as a link.
        if (!(link_before && autolink_text(*link_before, item.value))) {
          add_numbers(f, item.value, writing, item.line, english);
        }
        break;
      default:
        break;
    }
  }
  return f;
}

int column_of(const Facts& f, int line, std::string_view text, bool figure) {
  const std::string_view l = body_line(f, line);
  size_t at = find_in_line(l, text, figure);
  if (at == std::string_view::npos && l.find('&') != std::string_view::npos) {
    std::vector<size_t> from;
    const std::string read = decode_char_refs(l, &from);
    if (const size_t in_read = find_in_line(read, text, figure); in_read != std::string::npos) {
      at = from[in_read];
    }
  }
  if (at == std::string_view::npos) at = l.find_first_not_of(" \t");
  if (at == std::string_view::npos) return 1;
  return char_column(l, static_cast<int>(at) + 1);
}

std::string at(const Facts& f, int line, std::string_view text) {
  return f.path + ":" + std::to_string(line) + ":" +
         std::to_string(column_of(f, line, text, /*figure=*/false));
}

Pos where(const Facts& in, const Stated& s) {
  if (s.field) {
    const Value& v = *s.field;
    if (auto pos =
            yaml_scalar_char_pos(in.front_yaml, in.front_yaml_line, v.pos, v.as_string(), s.at)) {
      return *pos;
    }
    return {s.line, std::max(v.pos.col, 1)};
  }
  return {s.line, column_of(in, s.line, s.text, /*figure=*/true)};
}

std::string at_figure(const Facts& in, const Figure& f) {
  const Pos pos = where(in, f.second);
  return in.path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.col);
}

}  // namespace firefly::translation_facts
