#include "core/localized.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <unordered_map>
#include <vector>

#include "core/language_tag.h"
#include "core/yaml.h"

namespace firefly {

namespace {

/// The language subtag of a code ("vi" of "vi-VN").
std::string_view primary_subtag(std::string_view code) { return code.substr(0, code.find('-')); }

}  // namespace

const std::pair<std::string, std::string>* Localized::text_for(std::string_view lang) const {
  for (const auto& entry : by_lang) {
    if (entry.first == lang) return &entry;
  }
  // A text written for the language under another code: "vi" on a site whose language is
  // "vi-VN", "en" for "en-GB", "zh-TW" for "zh-HK" (never Simplified Chinese for
  // Traditional: closest_language). Only a code of the same language can be it, so most
  // texts without `lang` are passed over here, and the choice is worked out once per
  // language and codes on each thread (closest_language asks ICU).
  std::string memo_key(lang);
  for (const auto& entry : by_lang) {
    if (primary_subtag(entry.first) == primary_subtag(lang)) (memo_key += '|') += entry.first;
  }
  if (memo_key.size() == lang.size()) return nullptr;
  thread_local std::unordered_map<std::string, std::string> closest;
  auto it = closest.find(memo_key);
  if (it == closest.end()) {
    std::vector<std::string> codes;
    for (const auto& entry : by_lang) {
      if (primary_subtag(entry.first) == primary_subtag(lang)) codes.push_back(entry.first);
    }
    it = closest.emplace(std::move(memo_key), closest_language(lang, codes)).first;
  }
  for (const auto& entry : by_lang) {
    if (!it->second.empty() && entry.first == it->second) return &entry;
  }
  return nullptr;
}

std::string Localized::get(std::string_view lang, std::string_view fallback_lang) const {
  if (by_lang.empty()) return plain;
  if (const auto* in = text_for(lang)) return in->second;
  if (const auto* in = text_for(fallback_lang)) return in->second;
  return by_lang.front().second;
}

std::string_view Localized::lang_of(std::string_view lang, std::string_view fallback_lang) const {
  if (by_lang.empty()) {
    if (primary_subtag(lang) == primary_subtag(fallback_lang)) return lang;
    return written_once_in(plain, fallback_lang) ? fallback_lang : std::string_view();
  }
  if (text_for(lang)) return lang;  // written in it, under its own code or another of it
  if (const auto* in = text_for(fallback_lang)) {
    return in->first == fallback_lang ? fallback_lang : std::string_view(in->first);
  }
  return by_lang.front().first;
}

bool Localized::has(std::string_view lang) const { return by_lang.empty() || text_for(lang); }

std::string_view Localized::code_for(std::string_view lang) const {
  const auto* in = text_for(lang);
  return in ? std::string_view(in->first) : std::string_view();
}

namespace {

/// ICU's likely script of `code`, worked out once per code on each thread.
const std::string& script_of(std::string_view code) {
  thread_local std::unordered_map<std::string, std::string> scripts;
  auto it = scripts.find(std::string(code));
  if (it == scripts.end()) it = scripts.emplace(std::string(code), likely_script(code)).first;
  return it->second;
}

}  // namespace

bool written_once_in(std::string_view text, std::string_view code) {
  const std::string& script = script_of(code);
  if (script == "Hant" || script == "Hans" || script == "Hani" || script == "Thai") return false;
  return reads_as(text, code);
}

bool reads_as(std::string_view text, std::string_view code) {
  const std::string& script = script_of(code);
  if (script.empty()) return false;
  auto of_language = [&](UScriptCode s) {
    if (script == "Jpan") return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA;
    if (script == "Kore") return s == USCRIPT_HANGUL || s == USCRIPT_HAN;
    if (script == "Hant" || script == "Hans") return s == USCRIPT_HAN;
    return script == uscript_getShortName(s);
  };
  const auto size = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < size;) {
    UChar32 c;
    U8_NEXT(text.data(), i, size, c);
    if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) continue;  // most of a text
    if (c < 0 || !u_isalpha(c) || (u_isupper(c) || u_istitle(c))) continue;
    UErrorCode status = U_ZERO_ERROR;
    if (of_language(uscript_getScript(c, &status)) && U_SUCCESS(status)) return true;
  }
  return false;
}

Localized to_localized(const Value& v, std::string* error, std::string* hint) {
  Localized out;
  out.pos = v.pos;
  if (v.is_map()) {
    const Map& entries = v.as_map();
    for (size_t i = 0; i < entries.size(); ++i) {
      const auto& [code, text] = entries[i];
      if (text.is_map() || text.is_list()) {
        if (error) *error = "the text for '" + code + "' must be plain text";
        return Localized{};
      }
      // `{zh-TW: 勞動部, vi: Cục Lao động, Bộ Lao động}`: YAML ends a text written without
      // quotes at the comma, and reads what follows as a key with no text. The text before
      // it would be published cut short, and the rest taken for a language.
      auto cut = [&](size_t k) {
        return entries[k].second.is_null() && !is_known_language_code(entries[k].first);
      };
      if (cut(i) && !out.by_lang.empty()) {
        const auto& [before_code, before] = out.by_lang.back();
        std::string whole = before;
        for (size_t k = i; k < entries.size() && cut(k); ++k) whole += ", " + entries[k].first;
        if (error) {
          *error = "'" + code + "' is not a language code: a comma inside the text for '" +
                   before_code + "' ended it there";
        }
        if (hint) *hint = "put that text in quotes: " + before_code + ": " + yaml_quoted(whole);
        return Localized{};
      }
      out.by_lang.emplace_back(code, text.to_text());
    }
  } else if (v.is_list()) {
    if (error) *error = "expected text or a map of language codes to text, found a list";
  } else {
    out.plain = v.to_text();
  }
  return out;
}

}  // namespace firefly
