#include "render/language_runs.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"

namespace firefly {

namespace {

enum class Kind { kOther, kHan, kKana, kCjkMark, kThai, kLatin, kVietnamese, kJoiner };

/// The code point at `s[*i]` (valid UTF-8: content is checked when read), `*i` moved past it.
uint32_t next_code_point(std::string_view s, size_t* i) {
  auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[k])); };
  uint32_t c = b(*i);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (*i + len > s.size()) len = 1;  // never for valid text; keeps the reads inside
  if (len == 2) c = (c & 0x1F) << 6 | (b(*i + 1) & 0x3F);
  if (len == 3) c = (c & 0x0F) << 12 | (b(*i + 1) & 0x3F) << 6 | (b(*i + 2) & 0x3F);
  if (len == 4) {
    c = (c & 0x07) << 18 | (b(*i + 1) & 0x3F) << 12 | (b(*i + 2) & 0x3F) << 6 | (b(*i + 3) & 0x3F);
  }
  *i += len;
  return c;
}

Kind kind_of(uint32_t c) {
  if (c < 0x80) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return Kind::kLatin;
    return c == ' ' || c == '-' || c == '\'' ? Kind::kJoiner : Kind::kOther;
  }
  if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
      (c >= 0x2E80 && c <= 0x2FDF) || c == 0x3005 || c == 0x3007) {
    return Kind::kHan;
  }
  if (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) return Kind::kKana;
  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0x2027 || c == 0x30FB) {
    return Kind::kCjkMark;  // punctuation and full-width forms between characters
  }
  if (c >= 0x0E00 && c <= 0x0E7F) return Kind::kThai;
  // Letters only Vietnamese writes (ă đ ơ ư, the vowels with a dot below or a hook), and
  // its dot below and hook above as combining marks.
  if (c == 0x0102 || c == 0x0103 || c == 0x0110 || c == 0x0111 || c == 0x01A0 || c == 0x01A1 ||
      c == 0x01AF || c == 0x01B0 || (c >= 0x1EA0 && c <= 0x1EF9) || c == 0x0323 || c == 0x0309) {
    return Kind::kVietnamese;
  }
  if ((c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) || (c >= 0x0300 && c <= 0x036F)) {
    return Kind::kLatin;
  }
  return Kind::kOther;
}

/// Appends `text` (between tags) to `out`, each run of another script in a span.
void mark_text(std::string_view text, bool han, bool thai, bool viet, const ScriptLanguages& tags,
               std::string& out) {
  size_t i = 0, plain = 0;
  while (i < text.size()) {
    size_t start = i;
    Kind k = kind_of(next_code_point(text, &i));
    bool cjk = han && (k == Kind::kHan || k == Kind::kKana);
    bool th = thai && k == Kind::kThai;
    bool vi_word = viet && (k == Kind::kLatin || k == Kind::kVietnamese);
    if (!cjk && !th && !vi_word) continue;
    // The run: characters of its script, with the marks or spaces between them.
    size_t end = i, at = i;
    bool kana = k == Kind::kKana, vietnamese = k == Kind::kVietnamese;
    while (at < text.size()) {
      Kind n = kind_of(next_code_point(text, &at));
      bool same = cjk  ? n == Kind::kHan || n == Kind::kKana
                  : th ? n == Kind::kThai
                       : n == Kind::kLatin || n == Kind::kVietnamese;
      bool between = cjk ? n == Kind::kCjkMark : n == Kind::kJoiner;
      if (same) {
        end = at;
        kana = kana || n == Kind::kKana;
        vietnamese = vietnamese || n == Kind::kVietnamese;
      } else if (!between) {
        break;
      }
    }
    i = end;
    if (vi_word && !vietnamese) continue;  // Latin words without a Vietnamese letter
    const std::string& tag = cjk  ? (kana ? std::string("ja") : tags.han)
                             : th ? tags.thai
                                  : tags.vietnamese;
    out.append(text.substr(plain, start - plain));
    out.append("<span lang=\"").append(tag).append("\">");
    out.append(text.substr(start, end - start));
    out.append("</span>");
    plain = end;
  }
  out.append(text.substr(plain));
}

/// The lower-case ASCII name of the tag at `html[i]` ('<' or "</" before it), and its end.
std::string tag_name(std::string_view html, size_t i) {
  std::string name;
  while (i < html.size() && (((html[i] | 0x20) >= 'a' && (html[i] | 0x20) <= 'z') ||
                             (html[i] >= '0' && html[i] <= '9'))) {
    name += static_cast<char>(html[i] | 0x20);
    ++i;
  }
  return name;
}

/// The end of the tag that starts at `html[i]` ('<'): past its '>', quotes respected.
size_t tag_end(std::string_view html, size_t i) {
  char quote = 0;
  for (++i; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

bool is_void(const std::string& name) {
  static const char* const kVoid[] = {"area",  "base", "br",   "col",   "embed",  "hr",    "img",
                                      "input", "link", "meta", "param", "source", "track", "wbr"};
  for (const char* v : kVoid) {
    if (name == v) return true;
  }
  return false;
}

/// Whether the text of this element is not to be marked (raw text, or a span not allowed).
bool keeps_text(const std::string& name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "option" || name == "svg" || name == "math";
}

/// Where the value of the attribute `name_eq` ("lang=") starts in an opening tag's text,
/// just after its '='; npos when the tag has none (a blanklang= or data-slang= is not it).
size_t attribute_start(std::string_view tag, std::string_view name_eq) {
  for (size_t at = tag.find(name_eq); at != std::string_view::npos;
       at = tag.find(name_eq, at + 1)) {
    char before = tag[at - 1];
    if (before == ' ' || before == '\t' || before == '\n') return at + name_eq.size();
  }
  return std::string_view::npos;
}

/// The value of an opening tag's lang attribute (quoted or not); nullopt when it has none.
std::optional<std::string_view> lang_value(std::string_view tag) {
  size_t from = attribute_start(tag, "lang="), to;
  if (from == std::string_view::npos) return std::nullopt;
  if (from < tag.size() && (tag[from] == '"' || tag[from] == '\'')) {
    to = tag.find(tag[from], from + 1);
    ++from;
  } else {
    to = tag.find_first_of(" \t\n/>", from);
  }
  return tag.substr(from, (to == std::string_view::npos ? tag.size() : to) - from);
}

/// Whether the language tag `lang` is of the language `code` ("zh-Hant-TW" of "zh").
bool is_primary(std::string_view lang, std::string_view code) {
  std::string_view primary = lang.substr(0, lang.find('-'));
  if (primary.size() != code.size()) return false;
  for (size_t i = 0; i < code.size(); ++i) {
    if ((primary[i] | 0x20) != code[i]) return false;
  }
  return true;
}

/// The scripts marked in text of a language: Han outside Chinese and Japanese, Thai outside
/// Thai, Vietnamese letters inside Chinese.
struct Marked {
  bool han, thai, viet;
};
Marked marked_in(std::string_view lang) {
  return {!is_primary(lang, "zh") && !is_primary(lang, "ja"), !is_primary(lang, "th"),
          is_primary(lang, "zh")};
}

/// The tag for an image whose whole alt text is in one script the text around it marks (a
/// Chinese alt on an English page), else "": an attribute cannot hold a span, but the img
/// can carry a lang for its alt. An alt that mixes scripts is left as it is.
std::string alt_language(std::string_view alt, Marked want, const ScriptLanguages& tags) {
  bool han = false, kana = false, thai = false, viet = false, latin = false;
  for (size_t i = 0; i < alt.size();) {
    switch (kind_of(next_code_point(alt, &i))) {
      case Kind::kHan:
        han = true;
        break;
      case Kind::kKana:
        kana = true;
        break;
      case Kind::kThai:
        thai = true;
        break;
      case Kind::kVietnamese:
        viet = true;
        break;
      case Kind::kLatin:
        latin = true;
        break;
      default:
        break;
    }
  }
  bool cjk = han || kana;
  if (want.han && cjk && !thai && !viet && !latin) return kana ? "ja" : tags.han;
  if (want.thai && thai && !cjk && !viet && !latin) return tags.thai;
  if (want.viet && viet && !cjk && !thai) return tags.vietnamese;
  return {};
}

/// The value of the alt attribute of an img tag's text, if it has one (quoted).
std::optional<std::string_view> alt_value(std::string_view tag) {
  size_t from = attribute_start(tag, "alt=");
  if (from >= tag.size() || (tag[from] != '"' && tag[from] != '\'')) return std::nullopt;
  size_t to = tag.find(tag[from], from + 1);
  return to == std::string_view::npos ? std::nullopt
                                      : std::optional(tag.substr(from + 1, to - from - 1));
}

/// Whether `html` may hold a run to mark: the first bytes of Han or kana (E3-E9, E2 BA-BF,
/// EF A4-AB, F0), of Thai (E0), or of a Vietnamese letter (C4, C6, CC, E1). ASCII is passed
/// eight bytes at a time; Chinese text, read for Vietnamese only, stops nowhere.
bool may_mark(std::string_view html, Marked want) {
  const bool han = want.han, thai = want.thai, viet = want.viet;
  if (!han) {  // a Chinese page: its text is all first bytes E3-E9 and EF, never these
    auto has = [&](unsigned char b) { return std::memchr(html.data(), b, html.size()) != nullptr; };
    return (thai && has(0xE0)) || (viet && (has(0xC4) || has(0xC6) || has(0xCC) || has(0xE1)));
  }
  const auto* p = reinterpret_cast<const unsigned char*>(html.data());
  for (size_t i = 0; i < html.size(); ++i) {
    while (i + 8 <= html.size() && eight_ascii(p + i)) i += 8;
    if (i == html.size()) break;
    unsigned char b = p[i], next = i + 1 < html.size() ? p[i + 1] : 0;
    // E2 BA-BF: the radicals (E2 80-B9 is punctuation: ’ “ ” — …); EF A4-AB: compatibility
    // ideographs (EF BC-BF: full-width forms).
    if (han && ((b >= 0xE3 && b <= 0xE9) || (b == 0xE2 && next >= 0xBA) ||
                (b == 0xEF && next >= 0xA4 && next <= 0xAB) || b == 0xF0)) {
      return true;
    }
    if (thai && b == 0xE0) return true;
    if (viet && (b == 0xC4 || b == 0xC6 || b == 0xCC || b == 0xE1)) return true;
  }
  return false;
}

}  // namespace

void ScriptLanguages::add(std::string_view html_lang) {
  if (is_primary(html_lang, "zh") && han == "zh") han = html_lang;
  if (is_primary(html_lang, "th") && thai == "th") thai = html_lang;
  if (is_primary(html_lang, "vi") && vietnamese == "vi") vietnamese = html_lang;
}

ScriptLanguages script_languages(const std::vector<Language>& languages) {
  ScriptLanguages tags;
  for (const Language& l : languages) tags.add(l.html_lang);
  return tags;
}

namespace {

/// mark_language_runs without its first look for a byte that may start a run. Text inside an
/// element with a lang attribute is marked against that language: Chinese in a cell
/// tagged English (a column whose `lang` is wrong) is marked as Chinese there too.
std::string mark_runs(const std::string& html, Marked want, const ScriptLanguages& tags) {
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  struct Open {
    std::string name;
    std::optional<Marked> want;  ///< of its lang attribute, when it has one
  };
  std::vector<Open> open;
  const std::string_view s = html;
  size_t i = 0, text = 0;
  auto current = [&] {  // of the innermost element with a lang, else the page's
    for (size_t k = open.size(); k-- > 0;) {
      if (open[k].want) return *open[k].want;
    }
    return want;
  };
  auto flush = [&](size_t end) {
    Marked now = current();
    mark_text(s.substr(text, end - text), now.han, now.thai, now.viet, tags, out);
  };
  while (i < s.size()) {
    const char* lt = static_cast<const char*>(std::memchr(s.data() + i, '<', s.size() - i));
    if (!lt) break;
    i = static_cast<size_t>(lt - s.data());
    flush(i);
    size_t end;
    if (s.substr(i, 4) == "<!--") {
      size_t close = s.find("-->", i + 4);
      end = close == std::string_view::npos ? s.size() : close + 3;
    } else if (s.substr(i, 2) == "</") {
      end = tag_end(s, i);
      std::string name = tag_name(s, i + 2);
      for (size_t k = open.size(); k-- > 0;) {  // close it, and what it left open
        if (open[k].name != name) continue;
        open.resize(k);
        break;
      }
    } else {
      end = tag_end(s, i);
      std::string name = tag_name(s, i + 1);
      bool self_closing = end >= 2 && s[end - 2] == '/';
      if (!name.empty() && keeps_text(name) && !self_closing) {
        // Up to its closing tag, as it is.
        size_t close = i;
        do {
          close = s.find("</", close + 1);
        } while (close != std::string_view::npos && tag_name(s, close + 2) != name);
        end = close == std::string_view::npos ? s.size() : tag_end(s, close);
      } else if (name == "img") {
        std::string_view tag = s.substr(i, end - i);
        std::optional<std::string_view> alt = alt_value(tag);
        if (alt && !lang_value(tag)) {
          if (std::string lang = alt_language(*alt, current(), tags); !lang.empty()) {
            out.append("<img lang=\"").append(lang).append("\"");
            i += 4;  // the rest of the tag is appended as it is
          }
        }
      } else if (!name.empty() && !is_void(name) && !self_closing) {
        std::optional<Marked> inner;
        if (auto lang = lang_value(s.substr(i, end - i))) inner = marked_in(*lang);
        open.push_back({std::move(name), inner});
      }
    }
    out.append(s.substr(i, end - i));
    i = end;
    text = end;
  }
  flush(s.size());
  return out;
}

}  // namespace

std::string mark_language_runs(std::string html, std::string_view lang,
                               const ScriptLanguages& tags) {
  Marked want = marked_in(lang);
  // An element with a lang of its own may want what the page's language does not: what
  // is looked for is what any of the languages in `html` would mark.
  Marked look = want;
  for (size_t at = html.find("lang="); at != std::string::npos; at = html.find("lang=", at + 5)) {
    if (at == 0) continue;
    std::optional<std::string_view> lang = lang_value(
        std::string_view(html).substr(at - 1, std::min<size_t>(64, html.size() - at + 1)));
    if (!lang) continue;
    Marked m = marked_in(*lang);
    look = {look.han || m.han, look.thai || m.thai, look.viet || m.viet};
  }
  return may_mark(html, look) ? mark_runs(html, want, tags) : html;
}

std::string marked_text_html(std::string_view text, std::string_view lang,
                             const ScriptLanguages& tags) {
  Marked want = marked_in(lang);
  if (!may_mark(text, want)) return {};  // most summaries: nothing escaped
  std::string html = html_escape(text);
  std::string marked = mark_runs(html, want, tags);
  return marked.size() == html.size() ? std::string() : marked;  // marking only adds spans
}

std::string text_language(std::string_view text, std::string_view lang,
                          const ScriptLanguages& tags) {
  return alt_language(text, marked_in(lang), tags);
}

void add_marked_html(Map& m, std::string_view name, std::string_view text, std::string_view lang,
                     const ScriptLanguages& tags) {
  m.emplace_back(std::string(name) + "_html", marked_text_html(text, lang, tags));
}

}  // namespace firefly
