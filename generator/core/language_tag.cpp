#include "core/language_tag.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/text.h"

namespace firefly {

std::string lang_attribute(std::string_view tag, LangSyntax syntax) {
  if (tag.empty()) return {};
  return std::string(syntax == LangSyntax::kXml ? " xml:lang=\"" : " lang=\"") + html_escape(tag) +
         "\"";
}

bool is_language_tag(std::string_view tag) {
  size_t start = 0;
  for (size_t part = 0;; ++part) {
    size_t end = tag.find('-', start);
    std::string_view p = tag.substr(start, end == std::string_view::npos ? tag.npos : end - start);
    auto is_alpha = [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; };
    auto is_alnum = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
    bool ok = part == 0
                  ? p.size() >= 2 && p.size() <= 3 && std::all_of(p.begin(), p.end(), is_alpha)
                  : p.size() >= 2 && p.size() <= 8 && std::all_of(p.begin(), p.end(), is_alnum);
    if (!ok) return false;
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

namespace {

bool lower(char ch) { return ch >= 'a' && ch <= 'z'; }
bool upper(char ch) { return ch >= 'A' && ch <= 'Z'; }
bool digit(char ch) { return ch >= '0' && ch <= '9'; }
bool letter(char ch) { return lower(ch) || upper(ch); }

/// True when every character of `s` is one `is` accepts.
bool every(std::string_view s, bool (*is)(char)) { return std::all_of(s.begin(), s.end(), is); }

/// True when `list` (ICU's null-terminated list of codes) holds `code`.
bool listed(const char* const* list, std::string_view code) {
  for (; *list; ++list) {
    if (code == *list) return true;
  }
  return false;
}

/// An ISO 639 language a site can be written in (not "und", "mul", "mis" or "zxx").
bool known_language(std::string_view s) {
  constexpr std::array<std::string_view, 4> kNotALanguage = {"und", "mul", "mis", "zxx"};
  if (std::find(kNotALanguage.begin(), kNotALanguage.end(), s) != kNotALanguage.end()) {
    return false;
  }
  // ICU leaves out "tl" (Tagalog), which it replaces with "fil"; the IANA registry keeps it,
  // and a bureau may write pages for Filipino workers under either.
  return !s.empty() && every(s, lower) && (s == "tl" || listed(icu::Locale::getISOLanguages(), s));
}

bool known_script(std::string_view s) {
  return s.size() == 4 && upper(s[0]) && every(s.substr(1), lower) &&
         u_getPropertyValueEnum(UCHAR_SCRIPT, std::string(s).c_str()) != UCHAR_INVALID_CODE;
}

bool known_region(std::string_view s) {
  if (s.size() == 3) return every(s, digit);  // a UN M.49 area: "419" (Latin America)
  return s.size() == 2 && every(s, upper) && listed(icu::Locale::getISOCountries(), s);
}

/// A variant subtag: 5-8 lower-case letters or digits ("pinyin"), or a digit and 3 ("1901").
bool known_variant(std::string_view s) {
  bool lower_or_digit =
      std::all_of(s.begin(), s.end(), [](char ch) { return lower(ch) || digit(ch); });
  return lower_or_digit && ((s.size() >= 5 && s.size() <= 8) || (s.size() == 4 && digit(s[0])));
}

/// `code` split at '-' or '_', each subtag in BCP 47's letter case: the language in lower
/// case, a script in title case, a region in upper case, the rest in lower case.
std::string bcp47_case(std::string_view code) {
  std::string out;
  size_t start = 0;
  for (size_t part = 0; start <= code.size(); ++part) {
    size_t end = std::min(code.find_first_of("-_", start), code.size());
    std::string sub = ascii_lower(code.substr(start, end - start));
    if (part > 0 && sub.size() == 4 && every(sub, letter)) {
      sub[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sub[0])));
    } else if (part > 0 && sub.size() == 2) {
      for (char& ch : sub) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    out += (part ? "-" : "") + sub;
    start = end + 1;
  }
  return out;
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

/// The language whose name in English or in itself is `name` (letter case aside), or "".
std::string language_named(std::string_view name) {
  const std::string wanted = ascii_lower(trim(name));
  std::string found;
  for (const char* const* list = icu::Locale::getISOLanguages(); *list; ++list) {
    if (!known_language(*list)) continue;
    icu::Locale lang(*list);
    icu::UnicodeString english, own;
    lang.getDisplayLanguage(icu::Locale::getEnglish(), english);
    lang.getDisplayLanguage(lang, own);
    if (ascii_lower(utf8(english)) == wanted || ascii_lower(utf8(own)) == wanted) {
      if (found.empty() || std::strlen(*list) < found.size()) found = *list;  // "en" first
    }
  }
  return found;
}

/// The main language of the country `code` ("vn", "AT"), with the country when it is not
/// the language's own main one ("vi", "de-AT"); "" when `code` is no country.
std::string language_of_country(std::string_view code) {
  if (code.size() != 2) return "";
  std::string region = bcp47_case("und-" + std::string(code)).substr(4);
  if (!known_region(region)) return "";
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale likely = icu::Locale::forLanguageTag("und-" + region, status);
  likely.addLikelySubtags(status);
  if (U_FAILURE(status) || !known_language(likely.getLanguage())) return "";
  const std::string lang = likely.getLanguage();
  icu::Locale home(lang.c_str());
  home.addLikelySubtags(status);
  if (U_FAILURE(status)) return "";
  return home.getCountry() == region ? lang : lang + "-" + region;
}

}  // namespace

bool is_known_language_code(std::string_view code) {
  if (!is_language_tag(code)) return false;
  std::vector<std::string_view> parts = split(code, '-');
  if (!known_language(parts[0])) return false;
  size_t i = 1;
  if (i < parts.size() && parts[i].size() == 4 && every(parts[i], letter)) {
    if (!known_script(parts[i++])) return false;
  }
  if (i < parts.size() &&
      (parts[i].size() == 2 || (parts[i].size() == 3 && every(parts[i], digit)))) {
    if (!known_region(parts[i++])) return false;
  }
  for (; i < parts.size(); ++i) {
    if (!known_variant(parts[i])) return false;
  }
  return true;
}

std::string suggest_language_code(std::string_view code) {
  if (code.empty()) return "";
  std::string cased = bcp47_case(code);
  if (cased != code && is_known_language_code(cased)) return cased;
  if (is_language_tag(cased)) {  // a code ICU replaced: "iw" (Hebrew) is "he" now
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale replaced = icu::Locale::forLanguageTag(cased, status);
    replaced.canonicalize(status);
    std::string tag = replaced.toLanguageTag<std::string>(status);
    if (U_SUCCESS(status) && tag != cased && is_known_language_code(tag)) return tag;
  }
  if (std::string named = language_named(code); !named.empty()) return named;
  return language_of_country(code);
}

namespace {

/// A code's language (with "tl" as "fil"), script and region as written, and the script
/// and region ICU's likely subtags give it where it names none.
struct TagParts {
  std::string language, script, region;
  std::string likely_script, likely_region;
};

TagParts tag_parts(std::string_view code) {
  TagParts t;
  const std::string cased = bcp47_case(code);
  std::vector<std::string_view> parts = split(cased, '-');
  t.language = primary_language(code);
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    if (i == 1 && p.size() == 4 && every(p, letter)) {
      t.script = p;
    } else if (t.region.empty() && i <= 2 &&
               (p.size() == 2 || (p.size() == 3 && every(p, digit)))) {
      t.region = p;
    }
  }
  std::string tag = t.language + (t.script.empty() ? "" : "-" + t.script) +
                    (t.region.empty() ? "" : "-" + t.region);
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale likely = icu::Locale::forLanguageTag(tag, status);
  likely.addLikelySubtags(status);
  if (U_SUCCESS(status)) {
    t.likely_script = likely.getScript();
    t.likely_region = likely.getCountry();
  }
  if (!t.script.empty()) t.likely_script = t.script;
  if (!t.region.empty()) t.likely_region = t.region;
  return t;
}

}  // namespace

std::string likely_region(std::string_view code) { return tag_parts(code).likely_region; }

std::string likely_script(std::string_view code) { return tag_parts(code).likely_script; }

bool is_right_to_left(std::string_view code) {
  const std::string script = likely_script(code);
  if (script.empty()) return false;
  const int32_t value = u_getPropertyValueEnum(UCHAR_SCRIPT, script.c_str());
  return value != UCHAR_INVALID_CODE && uscript_isRightToLeft(static_cast<UScriptCode>(value)) != 0;
}

bool has_script_of(std::string_view text, std::string_view code) {
  const std::string script = likely_script(code);
  // The scripts a text of the language shows: Han for Chinese written either way; Japanese
  // and Korean mix Han with their own.
  std::array<UScriptCode, 3> want{USCRIPT_INVALID_CODE, USCRIPT_INVALID_CODE, USCRIPT_INVALID_CODE};
  if (script == "Hant" || script == "Hans" || script == "Hani") {
    want[0] = USCRIPT_HAN;
  } else if (script == "Jpan") {
    want = {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA};
  } else if (script == "Kore") {
    want = {USCRIPT_HANGUL, USCRIPT_HAN, USCRIPT_INVALID_CODE};
  } else {
    const int32_t value = u_getPropertyValueEnum(UCHAR_SCRIPT, script.c_str());
    if (script.empty() || value == UCHAR_INVALID_CODE) return true;
    want[0] = static_cast<UScriptCode>(value);
  }
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode got = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && std::find(want.begin(), want.end(), got) != want.end()) return true;
  }
  return false;
}

std::string primary_language(std::string_view code) {
  std::string lang = ascii_lower(code.substr(0, code.find_first_of("-_")));
  return lang == "tl" ? "fil" : lang;
}

std::string closest_language(std::string_view code, const std::vector<std::string>& available) {
  const TagParts want = tag_parts(code);
  // Where `have` comes in the lookup: 0 itself, 1 the same region, 2 no region, 3 the
  // script's main region, 4 another; -1 another language or script.
  auto rank = [&](const std::string& have) {
    if (have == code) return 0;
    const TagParts t = tag_parts(have);
    if (t.language != want.language || t.likely_script != want.likely_script) return -1;
    if (!want.region.empty() && t.region == want.region) return 1;
    if (t.region.empty()) return 2;
    return t.likely_region == tag_parts(want.language + "-" + want.likely_script).likely_region ? 3
                                                                                                : 4;
  };
  std::string best;
  int best_rank = 5;
  for (const std::string& have : available) {
    int r = rank(have);
    if (r >= 0 && (r < best_rank || (r == best_rank && have < best))) {
      best = have;
      best_rank = r;
    }
  }
  return best;
}

}  // namespace firefly
