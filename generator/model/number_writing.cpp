#include "model/number_writing.h"

#include <algorithm>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/cpu.h"
#include "core/language_tag.h"

namespace firefly::number_writing {

namespace {

using number_forms::Utf8;

NumberWriting number_writing(const std::string& lang) {
  NumberWriting w;
  w.zh = lang.rfind("zh", 0) == 0;
  w.th = lang == "th";
  w.vi = lang == "vi";
  w.en = lang == "en";
  w.dot_groups = lang == "vi" || lang == "id";
  if (w.zh) {
    w.factors = {{"千萬", 1e7}, {"百萬", 1e6}, {"萬", 1e4}, {"万", 1e4}, {"億", 1e8}, {"千", 1e3}};
  } else if (lang == "en") {
    w.factors = {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}};
    w.percents = {"percent", "per cent"};
    w.months = {"January", "February", "March",     "April",   "May",      "June",
                "July",    "August",   "September", "October", "November", "December"};
  } else if (lang == "vi") {
    w.factors = {{"nghìn", 1e3}, {"ngàn", 1e3}, {"triệu", 1e6}, {"tỷ", 1e9}, {"tỉ", 1e9}};
    w.percents = {"phần trăm"};
  } else if (lang == "id") {
    w.factors = {{"ribu", 1e3}, {"juta", 1e6}, {"miliar", 1e9}};
    w.percents = {"persen"};
    w.months = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  } else if (lang == "fil" || lang == "tl") {
    // "50 milyon", "3 libong tao"; Filipino texts write months in Filipino or in English.
    w.factors = {{"libo", 1e3}, {"milyon", 1e6}, {"bilyon", 1e9}};
    w.percents = {"porsiyento", "percent"};
    w.months = {"Enero",   "Pebrero",  "Marso",     "Abril",   "Mayo",      "Hunyo",
                "Hulyo",   "Agosto",   "Setyembre", "Oktubre", "Nobyembre", "Disyembre",
                "January", "February", "March",     "April",   "May",       "June",
                "July",    "August",   "September", "October", "November",  "December"};
  } else if (w.th) {
    w.factors = {{"พัน", 1e3}, {"หมื่น", 1e4}, {"แสน", 1e5}, {"ล้าน", 1e6}};
    w.percents = {"เปอร์เซ็นต์"};
    w.months = {"มกราคม",  "กุมภาพันธ์", "มีนาคม",  "เมษายน", "พฤษภาคม",  "มิถุนายน",
                "กรกฎาคม", "สิงหาคม",  "กันยายน", "ตุลาคม",  "พฤศจิกายน", "ธันวาคม"};
  }
  for (unsigned char c : std::string_view("0123456789\xEF\xE0")) w.starts[c] = true;
  for (std::string_view month : w.months) {
    const auto c = static_cast<unsigned char>(month[0]);
    if (!w.starts[c]) w.month_starts.push_back(c);
    w.starts[c] = true;
  }
  w.capital_months =
      !w.month_starts.empty() && std::all_of(w.month_starts.begin(), w.month_starts.end(),
                                             [](unsigned char c) { return c >= 'A' && c <= 'Z'; });
  return w;
}

}  // namespace

const NumberWriting& number_writing_of(const std::string& code) {
  // A page's texts are read one after another in one language: the last code's writing is
  // kept (working out the language subtag cost a tenth of the figures' reading).
  // (Of types with nothing to do at a thread's start or end: no call to reach them.)
  constexpr size_t kLongest = 23;
  thread_local char last_code[kLongest];
  thread_local size_t last_size = 0;
  thread_local const NumberWriting* last = nullptr;
  if (last && code.size() == last_size && std::memcmp(code.data(), last_code, last_size) == 0) {
    return *last;
  }
  static const NumberWriting zh = number_writing("zh"), en = number_writing("en"),
                             vi = number_writing("vi"), id = number_writing("id"),
                             th = number_writing("th"), fil = number_writing("fil"),
                             none = number_writing("");
  const std::string lang = primary_language(code);  // "vi-VN" writes as "vi", "tl" as "fil"
  const NumberWriting* const found = &(lang == "zh"    ? zh
                                       : lang == "en"  ? en
                                       : lang == "vi"  ? vi
                                       : lang == "id"  ? id
                                       : lang == "th"  ? th
                                       : lang == "fil" ? fil
                                                       : none);
  if (code.size() <= kLongest) {
    std::memcpy(last_code, code.data(), code.size());
    last_size = code.size();
    last = found;
  }
  return *found;
}

namespace {

/// Whether a number, a month name or (Chinese) 成 may begin at `i`.
bool sign_at(const Utf8& s, size_t i, const NumberWriting& w) {
  const unsigned char c = s.byte(i);
  if (c >= '0' && c <= '9') return true;
  if (w.zh && (s.has(i, "成") || chinese_unit_at(s, i))) return true;
  if (!w.starts[c]) return false;
  // Of the other characters of these first bytes, a full-width or Thai digit (EF BC 90 to 99,
  // E0 B9 90 to 99) or a month's name: a full-width comma, a Thai letter or a capital begins
  // nothing stated_numbers reads, and it would step over each, a call to next_sign each.
  if ((c == 0xEF || c == 0xE0) && i + 2 < s.size() && s.byte(i + 1) == (c == 0xEF ? 0xBC : 0xB9) &&
      s.byte(i + 2) >= 0x90 && s.byte(i + 2) <= 0x99) {
    return true;
  }
  return std::any_of(w.months.begin(), w.months.end(), [&](std::string_view month) {
    return static_cast<unsigned char>(month[0]) == c && s.has(i, month);
  });
}

/// next_sign, a byte at a time.
size_t next_sign_bytewise(const Utf8& s, size_t i, const NumberWriting& w) {
  while (i < s.size() && !sign_at(s, i, w)) ++i;
  return i;
}

#if defined(__SSE2__)
/// The offsets among the 16 bytes at `p` (17 are read) where sign_at may hold, as bits: every
/// one where it does, and a few more (a capital that begins no month's name, a Chinese
/// character of the lead and second bytes of 成, 十, 千 or 百 but another last one).
unsigned maybe_signs(const unsigned char* p, const NumberWriting& w) {
  auto load = [&](int at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at)); };
  auto eq = [](__m128i v, unsigned char c) {
    return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c)));
  };
  // The bytes from `lo` to `lo + n - 1`.
  auto in_range = [](__m128i v, unsigned char lo, unsigned char n) {
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(n - 1))), d);
  };
  const __m128i v = load(0);
  __m128i hit = _mm_or_si128(in_range(v, '0', 10), _mm_or_si128(eq(v, 0xE0), eq(v, 0xEF)));
  if (w.capital_months) {
    hit = _mm_or_si128(hit, in_range(v, 'A', 26));
  } else {
    for (unsigned char c : w.month_starts) hit = _mm_or_si128(hit, eq(v, c));
  }
  if (w.zh) {  // 成 E6 88 90; the units of Chinese numerals 十 E5 8D 81, 千 E5 8D 83, 百 E7 99 BE
    const __m128i next = load(1);
    hit = _mm_or_si128(
        hit,
        _mm_and_si128(in_range(v, 0xE5, 3),
                      _mm_or_si128(eq(next, 0x88), _mm_or_si128(eq(next, 0x8D), eq(next, 0x99)))));
  }
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/// How next_sign_32 looks for the first bytes of months: none, a range of capitals, or each
/// of w.month_starts.
enum class Months { kNone, kCapitals, kEach };

/// The first offset from `i` where sign_at holds, looked for as maybe_signs looks, 32 offsets
/// a step while 33 bytes can be read (cpu_has_avx2()), else npos; `i` is left where the steps
/// stop. One copy for each way of writing (`kZh`, `kMonths`), each with only its own tests
/// and their vectors held in registers. (No lambda: it would not be compiled for AVX2.)
template <bool kZh, Months kMonths>
__attribute__((target("avx2"))) size_t next_sign_32(const Utf8& s, size_t& i,
                                                    const NumberWriting& w) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.text().data());
  const size_t size = s.size();
  const __m256i zero = _mm256_set1_epi8('0'), nine = _mm256_set1_epi8(9),
                e0 = _mm256_set1_epi8(static_cast<char>(0xE0)),
                ef = _mm256_set1_epi8(static_cast<char>(0xEF)), a = _mm256_set1_epi8('A'),
                letters = _mm256_set1_epi8(25), e5 = _mm256_set1_epi8(static_cast<char>(0xE5)),
                two = _mm256_set1_epi8(2), x88 = _mm256_set1_epi8(static_cast<char>(0x88)),
                x8d = _mm256_set1_epi8(static_cast<char>(0x8D)),
                x99 = _mm256_set1_epi8(static_cast<char>(0x99));
  for (; i + 33 <= size; i += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + i));
    __m256i d = _mm256_sub_epi8(v, zero);
    __m256i hit =
        _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(d, nine), d),
                        _mm256_or_si256(_mm256_cmpeq_epi8(v, e0), _mm256_cmpeq_epi8(v, ef)));
    if constexpr (kMonths == Months::kCapitals) {
      d = _mm256_sub_epi8(v, a);
      hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(_mm256_min_epu8(d, letters), d));
    } else if constexpr (kMonths == Months::kEach) {
      for (unsigned char c : w.month_starts) {
        hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(c))));
      }
    }
    if constexpr (kZh) {
      const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + i + 1));
      d = _mm256_sub_epi8(v, e5);
      const __m256i second = _mm256_or_si256(
          _mm256_cmpeq_epi8(next, x88),
          _mm256_or_si256(_mm256_cmpeq_epi8(next, x8d), _mm256_cmpeq_epi8(next, x99)));
      hit = _mm256_or_si256(
          hit, _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(d, two), d), second));
    }
    for (auto mask = static_cast<unsigned>(_mm256_movemask_epi8(hit)); mask; mask &= mask - 1) {
      const size_t k = i + static_cast<size_t>(__builtin_ctz(mask));
      if (sign_at(s, k, w)) return k;
    }
  }
  return std::string_view::npos;
}

/// next_sign_32 for `w`'s way of writing.
size_t next_sign_32(const Utf8& s, size_t& i, const NumberWriting& w) {
  const Months months = w.capital_months         ? Months::kCapitals
                        : w.month_starts.empty() ? Months::kNone
                                                 : Months::kEach;
  if (w.zh) {
    return months == Months::kNone       ? next_sign_32<true, Months::kNone>(s, i, w)
           : months == Months::kCapitals ? next_sign_32<true, Months::kCapitals>(s, i, w)
                                         : next_sign_32<true, Months::kEach>(s, i, w);
  }
  return months == Months::kNone       ? next_sign_32<false, Months::kNone>(s, i, w)
         : months == Months::kCapitals ? next_sign_32<false, Months::kCapitals>(s, i, w)
                                       : next_sign_32<false, Months::kEach>(s, i, w);
}
#endif

}  // namespace

size_t next_sign(const Utf8& s, size_t i, const NumberWriting& w, int step) {
  if (step == 1) return next_sign_bytewise(s, i, w);
  const size_t size = s.size();
  // A text that begins with a digit (a table's cell, "2019"), at once.
  if (i < size && s.byte(i) >= '0' && s.byte(i) <= '9') return i;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (step >= 32 && cpu_has_avx2()) {
    if (const size_t k = next_sign_32(s, i, w); k != std::string_view::npos) return k;
  }
#endif
#if defined(__SSE2__)
  const auto* b = reinterpret_cast<const unsigned char*>(s.text().data());
  // The first offset of `mask` (of the 16 bytes from `at`) where a sign begins, or npos.
  auto first_sign = [&](unsigned mask, size_t at) {
    for (; mask; mask &= mask - 1) {
      const size_t k = at + static_cast<size_t>(__builtin_ctz(mask));
      if (k < size && sign_at(s, k, w)) return k;
    }
    return std::string_view::npos;
  };
  for (; i + 17 <= size; i += 16) {
    if (const unsigned mask = maybe_signs(b + i, w)) {
      if (const size_t k = first_sign(mask, i); k != std::string_view::npos) return k;
    }
  }
  if (i < size) {
    // The last bytes (16 at most), where 17 can be read: a zero begins no sign.
    unsigned char last[32] = {};
    std::memcpy(last, b + i, size - i);
    if (const unsigned mask = maybe_signs(last, w)) {
      if (const size_t k = first_sign(mask, i); k != std::string_view::npos) return k;
    }
  }
  return size;
#else
  return next_sign_bytewise(s, i, w);
#endif
}

}  // namespace firefly::number_writing
