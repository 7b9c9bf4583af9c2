#include "model/translation_terms.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "core/language_tag.h"
#include "core/text.h"
#include "load/markdown.h"

namespace firefly {

namespace {

/// One run of text with its line: the front matter's words and the body's text (read in
/// place: the page and the scan's items outlive the runs).
struct Run {
  std::string_view text;
  int line = 1;
  bool marked = false;  ///< inside a <span lang="…">
};

std::vector<Run> runs_of(const SourcePage& page, const std::vector<MarkdownItem>& items) {
  std::vector<Run> runs;
  for (const char* field : {"title", "summary", "description"}) {
    const Value& v = page.front.get(field);
    if (v.is_string()) runs.push_back({v.as_string(), v.pos.line ? v.pos.line : 1, false});
  }
  int depth = 0;
  for (const MarkdownItem& item : items) {
    if (item.kind == MarkdownItem::Kind::kLangOpen) ++depth;
    if (item.kind == MarkdownItem::Kind::kLangClose && depth > 0) --depth;
    if (item.kind == MarkdownItem::Kind::kText) runs.push_back({item.value, item.line, depth > 0});
  }
  return runs;
}

/// The first run of Han characters (with CJK punctuation between them) in `s`, or "".
std::string han_run(std::string_view s) {
  // Every character read as Han or CJK punctuation (from U+3000) begins with a byte of
  // 0xE3 or more, even read from malformed UTF-8 below: most text has none (the runs of a
  // translation out of Chinese).
  if (std::none_of(s.begin(), s.end(),
                   [](char c) { return static_cast<unsigned char>(c) >= 0xE3; }))
    return "";
  auto han = [](char32_t c) {
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
  };
  auto cjk_punct = [](char32_t c) { return (c >= 0x3000 && c <= 0x303F) || c == 0xFF0C; };
  size_t start = std::string::npos, end = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    char32_t c = len == 1 ? b : b & (0x7F >> len);
    for (int k = 1; k < len && i + k < s.size(); ++k) c = (c << 6) | (s[i + k] & 0x3F);
    if (han(c) || (start != std::string::npos && cjk_punct(c))) {
      if (start == std::string::npos) start = i;
      if (han(c)) end = i + len;
    } else if (start != std::string::npos) {
      break;
    }
    i += len;
  }
  return start == std::string::npos ? "" : std::string(s.substr(start, end - start));
}

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Whether `word` occurs in `text` (ASCII case ignored); `whole`: not inside a longer
/// Latin word.
bool contains(std::string_view text, const std::string& word, bool whole) {
  std::string t = ascii_lower(text), w = ascii_lower(word);
  for (size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) {
    if (!whole) return true;
    bool before = at > 0 && ascii_letter(t[at - 1]);
    bool after = at + w.size() < t.size() && ascii_letter(t[at + w.size()]);
    if (!before && !after) return true;
  }
  return false;
}

std::string quoted_list(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "\"" : " or \"") + w + "\"";
  return out;
}

bool written_in_han(const std::string& lang) {
  const std::string primary = primary_language(lang);  // "ja-JP" too; not "jam" (Jamaican)
  return primary == "zh" || primary == "ja" || primary == "ko";
}

}  // namespace

std::vector<Drift> term_problems(const SourcePage& original, const SourcePage& translation,
                                 const Glossary* glossary) {
  return terms_scanned(original, scan_markdown(original.body, original.body_line), translation,
                       scan_markdown(translation.body, translation.body_line), glossary);
}

std::vector<Drift> terms_scanned(const SourcePage& original,
                                 const std::vector<MarkdownItem>& original_items,
                                 const SourcePage& translation,
                                 const std::vector<MarkdownItem>& translation_items,
                                 const Glossary* glossary) {
  std::vector<Drift> out;
  std::vector<Run> mine = runs_of(translation, translation_items);
  if (!written_in_han(translation.lang)) {
    for (const Run& r : mine) {
      std::string han = r.marked ? "" : han_run(r.text);
      if (han.empty()) continue;
      out.push_back({r.line, "Chinese \"" + han + "\" is left in this translation",
                     "translate it, or mark a name kept in the original as "
                     "<span lang=\"zh-Hant-TW\">" +
                         han + "</span>"});
    }
  }
  if (glossary) {
    std::vector<Run> theirs = runs_of(original, original_items);
    std::string all_mine;
    for (const Run& r : mine) {
      all_mine += r.text;
      all_mine += '\n';
    }
    for (const GlossaryEntry& e : glossary->entries) {
      const Run* used = nullptr;
      for (const Run& r : theirs) {
        if (r.text.find(e.term) != std::string::npos) {
          used = &r;
          break;
        }
      }
      if (!used) continue;
      std::string where = glossary->path + ":" + std::to_string(e.line);
      bool rendered = false;
      for (const std::string& w : e.use) rendered = rendered || contains(all_mine, w, false);
      if (!rendered) {
        out.push_back({translation.body_line,
                       "the original says " + e.term + " (" + original.path + ":" +
                           std::to_string(used->line) + ") but this translation never writes " +
                           quoted_list(e.use) + " (" + where + ")",
                       "use the glossary's term, or add this rendering to the glossary"});
      }
      for (const Run& r : mine) {
        for (const std::string& w : e.avoid) {
          if (!contains(r.text, w, true)) continue;
          out.push_back({r.line,
                         "\"" + w + "\" is not how this site translates " + e.term +
                             ": the glossary (" + where + ") says " + quoted_list(e.use),
                         "write " + quoted_list(e.use) + " instead"});
        }
      }
    }
  }
  return out;
}

}  // namespace firefly
