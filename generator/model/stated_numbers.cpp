#include "model/stated_numbers.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace firefly {

namespace {

/// UTF-8 to code points; invalid bytes become U+FFFD.
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      out += U'\uFFFD';
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += cp;
    i += len;
  }
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

/// The digit a code point stands for (ASCII, full-width, Thai), or -1.
int digit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  if (c >= U'๐' && c <= U'๙') return static_cast<int>(c - U'๐');
  return -1;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\u00A0' || c == U'\u202F'; }

bool is_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c < 0x2000);
}

bool starts_with_at(std::u32string_view s, size_t i, std::u32string_view word) {
  return s.substr(i, word.size()) == word;
}

/// Words after a number that multiply it, per language.
const std::vector<std::pair<std::u32string, double>>& multipliers(const std::string& lang) {
  static const std::vector<std::pair<std::u32string, double>> zh = {
      {U"千萬", 1e7}, {U"百萬", 1e6}, {U"萬", 1e4}, {U"万", 1e4}, {U"億", 1e8}, {U"千", 1e3}};
  static const std::vector<std::pair<std::u32string, double>> en = {
      {U"thousand", 1e3}, {U"million", 1e6}, {U"billion", 1e9}};
  static const std::vector<std::pair<std::u32string, double>> vi = {
      {U"nghìn", 1e3}, {U"ngàn", 1e3}, {U"triệu", 1e6}, {U"tỷ", 1e9}, {U"tỉ", 1e9}};
  static const std::vector<std::pair<std::u32string, double>> id = {
      {U"ribu", 1e3}, {U"juta", 1e6}, {U"miliar", 1e9}};
  static const std::vector<std::pair<std::u32string, double>> th = {
      {U"พัน", 1e3}, {U"หมื่น", 1e4}, {U"แสน", 1e5}, {U"ล้าน", 1e6}};
  static const std::vector<std::pair<std::u32string, double>> none;
  if (lang.rfind("zh", 0) == 0) return zh;
  if (lang == "en") return en;
  if (lang == "vi") return vi;
  if (lang == "id") return id;
  if (lang == "th") return th;
  return none;
}

/// Month names that stand for a number, per language.
const std::vector<std::u32string>& month_names(const std::string& lang) {
  static const std::vector<std::u32string> en = {
      U"January", U"February", U"March",     U"April",   U"May",      U"June",
      U"July",    U"August",   U"September", U"October", U"November", U"December"};
  static const std::vector<std::u32string> id = {
      U"Januari", U"Februari", U"Maret",     U"April",   U"Mei",      U"Juni",
      U"Juli",    U"Agustus",  U"September", U"Oktober", U"November", U"Desember"};
  static const std::vector<std::u32string> th = {U"มกราคม",  U"กุมภาพันธ์", U"มีนาคม",    U"เมษายน",
                                                 U"พฤษภาคม", U"มิถุนายน",  U"กรกฎาคม",  U"สิงหาคม",
                                                 U"กันยายน",  U"ตุลาคม",   U"พฤศจิกายน", U"ธันวาคม"};
  static const std::vector<std::u32string> none;
  return lang == "en" ? en : lang == "id" ? id : lang == "th" ? th : none;
}

/// Reads the digits and separators at `i` as `lang` writes numbers; advances `i`.
double read_number(std::u32string_view s, size_t& i, const std::string& lang) {
  const bool dot_groups = lang == "vi" || lang == "id";
  const char32_t group = dot_groups ? U'.' : U',';
  const char32_t decimal = dot_groups ? U',' : U'.';
  auto is_group = [&](char32_t c) { return c == group || is_space(c); };
  auto is_decimal = [&](char32_t c) { return c == decimal || (!dot_groups && c == U'．'); };
  auto run = [&](size_t at) {
    size_t n = 0;
    while (at + n < s.size() && digit(s[at + n]) >= 0) ++n;
    return n;
  };
  size_t first = run(i);
  double value = 0;
  for (size_t k = 0; k < first; ++k) value = value * 10 + digit(s[i + k]);
  i += first;
  if (first <= 3) {
    // Thousands groups: a separator and exactly three digits, again and again.
    while (i + 1 < s.size() && is_group(s[i]) && run(i + 1) == 3) {
      for (size_t k = 1; k <= 3; ++k) value = value * 10 + digit(s[i + k]);
      i += 4;
    }
  }
  if (i + 1 < s.size() && is_decimal(s[i]) && run(i + 1) > 0) {
    size_t n = run(i + 1);
    double scale = 0.1;
    for (size_t k = 1; k <= n; ++k, scale /= 10) value += digit(s[i + k]) * scale;
    i += n + 1;
  }
  return value;
}

/// What may_state_numbers looks for in one language's text: the bytes that can begin a
/// digit (ASCII '0'-'9'; 0xEF and 0xE0 begin full-width and Thai digits), a month name or
/// Chinese 成, and those words.
struct NumberSigns {
  std::array<bool, 256> starts{};
  std::vector<std::string> words;  ///< UTF-8
};

NumberSigns number_signs(const std::string& lang) {
  NumberSigns signs;
  for (unsigned char c : std::string_view("0123456789\xEF\xE0")) signs.starts[c] = true;
  if (lang.rfind("zh", 0) == 0) signs.words.push_back("成");
  for (const std::u32string& month : month_names(lang)) signs.words.push_back(encode(month));
  for (const std::string& word : signs.words) {
    signs.starts[static_cast<unsigned char>(word.front())] = true;
  }
  return signs;
}

const NumberSigns& number_signs_of(const std::string& lang) {
  static const NumberSigns zh = number_signs("zh"), en = number_signs("en"),
                           id = number_signs("id"), th = number_signs("th"),
                           none = number_signs("");
  return lang.rfind("zh", 0) == 0 ? zh
         : lang == "en"           ? en
         : lang == "id"           ? id
         : lang == "th"           ? th
                                  : none;
}

/// False when `text` cannot state a number: no digit (ASCII, full-width, Thai), no 成
/// in Chinese, no month name. Most text is like that, and it is cheaper to tell, in one
/// pass that stops only at the bytes that can begin one of them.
bool may_state_numbers(std::string_view text, const std::string& lang) {
  const NumberSigns& signs = number_signs_of(lang);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  for (size_t i = 0; i < size; ++i) {
    const unsigned char c = bytes[i];
    if (!signs.starts[c]) continue;
    if (c >= '0' && c <= '9') return true;
    if (i + 2 < size && (c == 0xEF || c == 0xE0)) {
      const unsigned char b = bytes[i + 1], d = bytes[i + 2];
      if (((c == 0xEF && b == 0xBC) || (c == 0xE0 && b == 0xB9)) && d >= 0x90 && d <= 0x99) {
        return true;  // ０-９ (U+FF10..19), ๐-๙ (U+0E50..59)
      }
    }
    for (const std::string& word : signs.words) {
      if (text.compare(i, word.size(), word) == 0) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<StatedNumber> stated_numbers(std::string_view text, const std::string& lang) {
  if (!may_state_numbers(text, lang)) return {};
  std::u32string s = decode(text);
  const bool zh = lang.rfind("zh", 0) == 0;
  std::vector<StatedNumber> out;
  auto add = [&](double value, bool whole, size_t from, size_t to) {
    if (whole && value <= 10 && value == std::floor(value)) return;
    out.push_back({value, encode(std::u32string_view(s).substr(from, to - from))});
  };
  const auto& months = month_names(lang);
  const auto& factors = multipliers(lang);
  for (size_t i = 0; i < s.size();) {
    // Month names.
    bool month = false;
    if (i == 0 || !is_letter(s[i - 1])) {
      for (size_t m = 0; m < months.size(); ++m) {
        size_t end = i + months[m].size();
        bool latin_after = end < s.size() && ((s[end] >= U'a' && s[end] <= U'z') ||
                                              (s[end] >= U'A' && s[end] <= U'Z'));
        if (starts_with_at(s, i, months[m]) && !latin_after) {
          add(static_cast<double>(m + 1), true, i, i + months[m].size());
          i += months[m].size();
          month = true;
          break;
        }
      }
    }
    if (month) continue;
    if (zh && i + 1 < s.size() && s[i + 1] == U'成') {
      static const std::u32string kDigits = U"一二三四五六七八九";
      if (size_t d = kDigits.find(s[i]); d != std::u32string::npos) {
        add(static_cast<double>((d + 1) * 10), false, i, i + 2);
        i += 2;
        continue;
      }
    }
    if (digit(s[i]) < 0 || (i > 0 && (digit(s[i - 1]) >= 0 || s[i - 1] == U'.'))) {
      ++i;
      continue;
    }
    size_t start = i;
    double value = read_number(s, i, lang);
    if (start >= 2 && s[start - 1] == U'-' &&
        ((s[start - 2] >= U'A' && s[start - 2] <= U'Z') ||
         (s[start - 2] >= U'a' && s[start - 2] <= U'z'))) {
      continue;  // part of a name: COVID-19
    }
    bool whole = true;
    size_t j = i;
    while (j < s.size() && is_space(s[j])) ++j;
    if (j < s.size() && (s[j] == U'%' || s[j] == U'％')) {
      whole = false;
      i = j + 1;
    } else if (zh && j < s.size() && s[j] == U'成') {
      value *= 10;
      whole = false;
      i = j + 1;
    } else {
      for (const auto& [word, factor] : factors) {
        if (starts_with_at(s, j, word)) {
          value *= factor;
          i = j + word.size();
          // "97萬7,000": the rest of the number follows the 萬.
          if (zh && factor >= 1e4 && i < s.size() && digit(s[i]) >= 0) {
            value += read_number(s, i, lang);
          }
          break;
        }
      }
      // "6至8成": the first number of a range takes the unit of the second.
      if (zh && i + 1 < s.size() &&
          (s[i] == U'至' || s[i] == U'到' || s[i] == U'~' || s[i] == U'-' || s[i] == U'–')) {
        size_t k = i + 1;
        while (k < s.size() && digit(s[k]) >= 0) ++k;
        if (k > i + 1 && k < s.size() && s[k] == U'成') {
          value *= 10;
          whole = false;
        }
      }
    }
    if (zh && value >= 1 && value < 200 && value == std::floor(value)) {
      // ROC years: "108年", "民國100年", and the first year of "104至107年".
      bool era = start >= 2 && s.substr(start - 2, 2) == U"民國";
      bool year_after = i < s.size() && s[i] == U'年';
      if (!year_after && i + 1 < s.size() &&
          (s[i] == U'至' || s[i] == U'到' || s[i] == U'-' || s[i] == U'–' || s[i] == U'~' ||
           s[i] == U'、')) {
        size_t k = i + 1, n = 0;
        while (k + n < s.size() && digit(s[k + n]) >= 0) ++n;
        year_after = n > 0 && k + n < s.size() && s[k + n] == U'年';
      }
      if (era || (year_after && value >= 60)) {
        value += 1911;
        if (year_after && i < s.size() && s[i] == U'年') ++i;
      }
    }
    if (lang == "th" && start >= 5 && s.substr(start - 5, 5) == U"พ.ศ. " && value > 2400) {
      value -= 543;
    }
    add(value, whole, start, i);
  }
  return out;
}

std::string format_number(double value) {
  // As printf's "%.6f" into 64 bytes writes it (to_chars is specified so), without
  // printf's cost: at most 63 characters. 400 bytes hold any double so written.
  char buf[400];
  char* end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 6).ptr;
  std::string s(buf, std::min<size_t>(static_cast<size_t>(end - buf), 63));
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace firefly
