// Folding for search: see core/search_fold.h.
#include "core/search_fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cctype>
#include <cstring>
#include <utility>

#include "core/text_break.h"

namespace firefly {

namespace {

/// A character a reader does not see inside a word, which search takes out so that the
/// word is found whole: a soft hyphen (inter&shy;preters), a zero-width non-joiner, joiner
/// or word joiner, a zero-width no-break space (U+FEFF).
bool is_invisible_joiner(uint32_t c) {
  return c == 0xAD || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

/// A mark typed for an apostrophe, which folding makes the apostrophe ’ (U+2019, no letter):
/// ʻ (U+02BB), ʼ (U+02BC, a letter to Unicode: bureauʼs would be one word), ´ (U+00B4, which
/// NFKD would make a space and an accent) and `.
bool typed_apostrophe(char16_t c) { return c == 0x2BC || c == 0x2BB || c == 0xB4 || c == '`'; }

/// What a Latin letter that NFKD leaves whole (a stroke, a ligature) folds to, a reader
/// typing it without (đ, ð and ɖ as d; ı as i; ł as l; ø as o; ß as ss; æ as ae; œ as oe);
/// nullptr for any other character. Lower case: fold looks after toLower.
const char16_t* plain_letters(char16_t c) {
  switch (c) {
    case 0x111:  // đ
    case 0xF0:   // ð
    case 0x256:  // ɖ
      return u"d";
    case 0x131:  // ı
      return u"i";
    case 0x142:  // ł
      return u"l";
    case 0xF8:  // ø
      return u"o";
    case 0xDF:  // ß
      return u"ss";
    case 0xE6:  // æ
      return u"ae";
    case 0x153:  // œ
      return u"oe";
    default:
      return nullptr;
  }
}

/// Folds `s` in place, as fold_for_search describes (Thai in its normal form already):
/// lower case, apostrophes as ’, NFKD, without U+0300 to U+036F, plain letters for those
/// with a stroke (plain_letters), NFC, lower case again (NFKD can uncover capitals: "㎒" is
/// "MHz"). Invisible joiners (is_invisible_joiner) are taken out.
void fold(icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  s.toLower(icu::Locale::getRoot());
  for (int32_t i = 0; i < s.length(); ++i) {
    if (typed_apostrophe(s.charAt(i))) s.setCharAt(i, char16_t{0x2019});
  }
  icu::UnicodeString split = nfkd->normalize(s, status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < split.length(); ++i) {
    char16_t c = split.charAt(i);
    if ((c >= 0x300 && c <= 0x36F) || is_invisible_joiner(c)) continue;
    if (const char16_t* plain = plain_letters(c)) {
      kept.append(icu::UnicodeString(plain));
    } else {
      kept.append(c);
    }
  }
  s = nfc->normalize(kept, status);
  s.toLower(icu::Locale::getRoot());
}

/// fold_for_search of text in its Thai normal form (or without Thai).
std::string fold_normal(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  fold(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool is_thai(UChar32 c) { return c >= 0x0E00 && c <= 0x0E7F; }

constexpr uint32_t kLetterOrDigit = U_GC_L_MASK | U_GC_N_MASK;

/// Punctuation and spaces that folding may change but that separate words either way (not
/// the invisible joiners, which folding takes out of a word).
bool is_plain_separator(uint32_t c) {
  return (c >= 0x2000 && c <= 0x206F && c != 0x200C && c != 0x200D && c != 0x2060) ||
         (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3011) ||
         (c >= 0x3014 && c <= 0x301F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65);
}

/// Appends the pieces of a run without Thai: words, and CJK characters one by one.
void non_thai_pieces(std::string_view run, std::vector<SearchPiece>& out) {
  std::string word;
  bool after_cjk = false;
  auto flush = [&] {
    if (!word.empty()) out.push_back({std::move(word), false, false});
    word.clear();
  };
  if (search_text_is_simple(run)) {  // nothing to fold: ASCII, Han ideographs and punctuation
    for (size_t i = 0; i < run.size();) {
      auto c = static_cast<unsigned char>(run[i]);
      if (c < 0x80) {
        if (std::isalnum(c)) {
          word += static_cast<char>(std::tolower(c));
        } else {
          flush();
        }
        after_cjk = false;
        ++i;
        continue;
      }
      // Simple text has 3-byte sequences only: ideographs and separators.
      if (is_unified_ideograph(three_byte_code_point(run, i))) {
        flush();
        out.push_back({std::string(run.substr(i, 3)), true, after_cjk});
        after_cjk = true;
      } else {
        flush();
        after_cjk = false;
      }
      i += 3;
    }
    flush();
    return;
  }
  icu::UnicodeString folded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
  fold(folded);
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    uint32_t gc = U_GET_GC_MASK(c);
    if ((gc & kLetterOrDigit) && is_cjk(c)) {
      flush();
      std::string ch;
      icu::UnicodeString(c).toUTF8String(ch);
      out.push_back({std::move(ch), true, after_cjk});
      after_cjk = true;
    } else if (gc & (kLetterOrDigit | U_GC_M_MASK)) {
      // A mark on no letter of a word: on a CJK character, or on a symbol (the U+FE0F of an
      // emoji, ❤️): not a word.
      if ((gc & U_GC_M_MASK) && word.empty()) continue;
      icu::UnicodeString(c).toUTF8String(word);
      after_cjk = false;
    } else {
      flush();
      after_cjk = false;
    }
  }
  flush();
}

/// Appends the words of a run of Thai, split at ICU's dictionary word breaks (without its
/// invisible joiners, which search_pieces keeps in the run).
void thai_pieces(std::string_view run, std::vector<SearchPiece>& out) {
  std::string visible;
  if (run.find("\xC2\xAD") != std::string_view::npos ||
      run.find("\xE2\x80\x8C") != std::string_view::npos ||
      run.find("\xE2\x80\x8D") != std::string_view::npos ||
      run.find("\xE2\x81\xA0") != std::string_view::npos ||
      run.find("\xEF\xBB\xBF") != std::string_view::npos) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
    icu::UnicodeString kept;
    for (int32_t i = 0; i < u.length(); ++i) {
      if (!is_invisible_joiner(u.charAt(i))) kept.append(u.charAt(i));
    }
    visible.clear();
    kept.toUTF8String(visible);
    run = visible;
  }
  std::string normal;
  if (thai_normal_form(run, normal)) run = normal;
  std::vector<size_t> stops = word_boundaries(run);
  if (stops.empty()) {
    out.push_back({fold_normal(run), false, false});
    return;
  }
  const auto* bytes = reinterpret_cast<const uint8_t*>(run.data());
  for (size_t k = 1; k < stops.size(); ++k) {
    auto start = static_cast<int32_t>(stops[k - 1]), end = static_cast<int32_t>(stops[k]);
    bool wordish = false;
    for (int32_t i = start; i < end && !wordish;) {
      UChar32 c;
      U8_NEXT(bytes, i, end, c);
      wordish = c >= 0 && (U_GET_GC_MASK(c) & kLetterOrDigit);
    }
    if (wordish) {
      out.push_back(
          {fold_normal(run.substr(static_cast<size_t>(start), static_cast<size_t>(end - start))),
           false, false});
    }
  }
}

}  // namespace

namespace {

constexpr std::string_view kNikhahit = "\xE0\xB9\x8D";              // ํ U+0E4D
constexpr std::string_view kSaraAm = "\xE0\xB8\xB3";                // ำ U+0E33
constexpr std::string_view kSaraAa = "\xE0\xB8\xB2";                // า U+0E32
constexpr std::string_view kTwoSaraE = "\xE0\xB9\x80\xE0\xB9\x80";  // เเ
constexpr std::string_view kSaraAe = "\xE0\xB9\x81";                // แ U+0E41

/// The length of the Thai tone marks (U+0E48 to U+0E4B, 3 bytes each) at byte `i` of `s`.
size_t tone_marks_at(std::string_view s, size_t i) {
  size_t j = i;
  while (j + 3 <= s.size() && s[j] == '\xE0' && s[j + 1] == '\xB9' &&
         static_cast<unsigned char>(s[j + 2]) >= 0x88 &&
         static_cast<unsigned char>(s[j + 2]) <= 0x8B) {
    j += 3;
  }
  return j - i;
}

/// True when `s` has a spelling thai_normal_form rewrites.
bool has_thai_variant(std::string_view s) {
  if (s.find(kNikhahit) != std::string_view::npos) return true;
  if (s.find(kTwoSaraE) != std::string_view::npos) return true;
  for (size_t at = s.find(kSaraAm); at != std::string_view::npos; at = s.find(kSaraAm, at + 3)) {
    if (tone_marks_at(s, at + 3)) return true;
  }
  return false;
}

}  // namespace

bool thai_normal_form(std::string_view text, std::string& out) {
  if (!has_thai_variant(text)) return false;
  std::string normal;
  normal.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    std::string_view at = text.substr(i);
    if (at.starts_with(kTwoSaraE)) {
      normal += kSaraAe;
      i += kTwoSaraE.size();
      continue;
    }
    bool nikhahit = at.starts_with(kNikhahit);
    if (nikhahit || at.starts_with(kSaraAm)) {
      // Its tone marks go before it, on the consonant; nikhahit and sara aa are ำ (and the
      // tone marks after the sara aa go before it too).
      size_t tones = tone_marks_at(text, i + 3);
      normal += text.substr(i + 3, tones);
      size_t next = i + 3 + tones;
      if (nikhahit && text.substr(next).starts_with(kSaraAa)) {
        size_t more = tone_marks_at(text, next + 3);
        normal += text.substr(next + 3, more);
        normal += kSaraAm;
        i = next + 3 + more;
      } else {
        normal += text.substr(i, 3);
        i = next;
      }
      continue;
    }
    normal += text[i++];
  }
  if (normal == text) return false;
  out = std::move(normal);
  return true;
}

bool search_text_is_simple(std::string_view text) {
  // Every page's text is read here before it is tokenized: ASCII is skipped eight bytes
  // at a time, and a character's code point read inline (three_byte_code_point's test).
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    if ((s[i] & 0x80) == 0) {
      ++i;
      for (uint64_t w; i + 8 <= n; i += 8) {
        std::memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ULL) break;
      }
      continue;
    }
    if (i + 2 >= n) return false;  // not 3 bytes: code point 0
    // A lead byte of E5-E9 is U+5000-9FFF, an ideograph whatever the next two bytes hold
    // (most of a Chinese text's characters): no code point worked out.
    if (static_cast<unsigned char>(s[i] - 0xE5) < 5) {
      i += 3;
      continue;
    }
    if ((s[i] & 0xF0) != 0xE0) return false;
    uint32_t c = (static_cast<uint32_t>(s[i] & 0x0F) << 12) |
                 (static_cast<uint32_t>(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3Fu);
    if (!is_unified_ideograph(c) && !is_plain_separator(c)) return false;
    i += 3;
  }
  return true;
}

uint32_t three_byte_code_point(std::string_view s, size_t i) {
  if (i + 2 >= s.size() || (static_cast<unsigned char>(s[i]) & 0xF0) != 0xE0) return 0;
  return (static_cast<uint32_t>(s[i] & 0x0F) << 12) |
         (static_cast<uint32_t>(s[i + 1] & 0x3F) << 6) | static_cast<uint32_t>(s[i + 2] & 0x3F);
}

std::string fold_for_search(std::string_view text) {
  std::string normal;
  return fold_normal(thai_normal_form(text, normal) ? std::string_view(normal) : text);
}

std::vector<SearchPiece> search_pieces(std::string_view text) {
  std::vector<SearchPiece> out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  auto size = static_cast<int32_t>(text.size());
  int32_t run = 0;  // start of the current run
  bool thai = false;
  for (int32_t i = 0; i < size;) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    // An invisible joiner goes on with the run it is in: a Thai word it is inside stays whole.
    bool t = is_thai(c) || (thai && is_invisible_joiner(static_cast<uint32_t>(c)));
    if (t == thai) continue;
    std::string_view piece = text.substr(static_cast<size_t>(run), static_cast<size_t>(at - run));
    if (thai) {
      thai_pieces(piece, out);
    } else {
      non_thai_pieces(piece, out);
    }
    run = at;
    thai = t;
  }
  std::string_view rest = text.substr(static_cast<size_t>(run));
  if (thai) {
    thai_pieces(rest, out);
  } else {
    non_thai_pieces(rest, out);
  }
  return out;
}

}  // namespace firefly
