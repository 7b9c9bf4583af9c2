#include "model/number_words.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace firefly {

namespace {

constexpr std::array<std::string_view, 9> kOnes = {"one", "two",   "three", "four", "five",
                                                   "six", "seven", "eight", "nine"};
constexpr std::array<std::string_view, 10> kTeens = {"ten",      "eleven",  "twelve",  "thirteen",
                                                     "fourteen", "fifteen", "sixteen", "seventeen",
                                                     "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};

/// By byte: an ASCII letter.
constexpr auto kLetters = [] {
  std::array<bool, 256> letters{};
  for (int c = 'a'; c <= 'z'; ++c) letters[c] = letters[c - 'a' + 'A'] = true;
  return letters;
}();

bool is_letter(unsigned char c) { return kLetters[c]; }

/// Whether `word` (lower case) is at `i` as a whole word, its first letter in either case.
bool word_at(std::string_view text, size_t i, std::string_view word) {
  if (i + word.size() > text.size()) return false;
  const char first = text[i];
  if (first != word[0] && first != word[0] - 'a' + 'A') return false;
  if (text.substr(i + 1, word.size() - 1) != word.substr(1)) return false;
  const size_t end = i + word.size();
  return end == text.size() || !is_letter(static_cast<unsigned char>(text[end]));
}

/// Where the letters from `i` end.
size_t word_end(std::string_view text, size_t i) {
  while (i < text.size() && is_letter(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

/// The words above with their values, by length (3 to 9 letters).
struct NumberWord {
  std::string_view word;
  int value;
};
const std::array<std::vector<NumberWord>, 10> kByLength = [] {
  std::array<std::vector<NumberWord>, 10> by_length;
  for (size_t k = 0; k < kTens.size(); ++k) {
    by_length[kTens[k].size()].push_back({kTens[k], static_cast<int>(k + 2) * 10});
  }
  for (size_t k = 0; k < kTeens.size(); ++k) {
    by_length[kTeens[k].size()].push_back({kTeens[k], static_cast<int>(k + 10)});
  }
  for (size_t k = 0; k < kOnes.size(); ++k) {
    by_length[kOnes[k].size()].push_back({kOnes[k], static_cast<int>(k + 1)});
  }
  return by_length;
}();

/// The value (1 to 90) of the whole word `w` when it is one of the words above, in lower
/// case or with a capital; 0 when it is not. Every word of every English page is read
/// here: most are turned down by their length or first letter, the rest compared with the
/// few number words of their length.
int word_value(std::string_view w) {
  if (w.size() < 3 || w.size() >= kByLength.size()) return 0;
  const char first = static_cast<char>(w[0] | 0x20);
  for (const NumberWord& n : kByLength[w.size()]) {
    if (n.word[0] == first && w.substr(1) == n.word.substr(1)) return n.value;
  }
  return 0;
}

/// The value (1 to 99) of the words at `i` (the start of a word), and where they end, or
/// nullopt.
std::optional<std::pair<int, size_t>> below_hundred(std::string_view text, size_t i) {
  const size_t end = word_end(text, i);
  const int value = word_value(text.substr(i, end - i));
  if (value == 0) return std::nullopt;
  if (value >= 20 && end < text.size() && (text[end] == '-' || text[end] == ' ')) {
    const size_t unit_end = word_end(text, end + 1);
    const int unit = word_value(text.substr(end + 1, unit_end - end - 1));
    if (unit >= 1 && unit <= 9) return std::make_pair(value + unit, unit_end);
  }
  return std::make_pair(value, end);
}

}  // namespace

std::vector<StatedNumber> english_number_words(std::string_view text) {
  std::vector<StatedNumber> out;
  for (size_t i = 0; i < text.size();) {
    if (!is_letter(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    // A word's start (the loop steps over whole words): most words are no number.
    const size_t word = word_end(text, i);
    std::optional<std::pair<int, size_t>> n;
    if (word_value(text.substr(i, word - i)) != 0) n = below_hundred(text, i);
    if (!n) {
      i = word;
      continue;
    }
    int value = n->first;
    size_t end = n->second;
    // "two hundred", "one hundred and five", "three hundred twenty".
    if (value < 10 && word_at(text, end + 1, "hundred") && text[end] == ' ') {
      value *= 100;
      end += 1 + std::string_view("hundred").size();
      size_t rest = end;
      if (word_at(text, rest + 1, "and") && text[rest] == ' ') rest += 4;
      if (rest < text.size() && text[rest] == ' ') {
        if (auto more = below_hundred(text, rest + 1)) {
          value += more->first;
          end = more->second;
        }
      }
    }
    if (value > 10) {
      out.push_back({static_cast<double>(value), std::string(text.substr(i, end - i)), true});
    }
    i = end;
  }
  return out;
}

}  // namespace firefly
