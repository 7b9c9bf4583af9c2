#include "model/number_words.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>

namespace firefly {

namespace {

constexpr std::array<std::string_view, 9> kOnes = {"one", "two",   "three", "four", "five",
                                                   "six", "seven", "eight", "nine"};
constexpr std::array<std::string_view, 10> kTeens = {"ten",      "eleven",  "twelve",  "thirteen",
                                                     "fourteen", "fifteen", "sixteen", "seventeen",
                                                     "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};

bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// Whether `word` (lower case) is at `i` as a whole word, its first letter in either case.
bool word_at(std::string_view text, size_t i, std::string_view word) {
  if (i + word.size() > text.size()) return false;
  const char first = text[i];
  if (first != word[0] && first != word[0] - 'a' + 'A') return false;
  if (text.substr(i + 1, word.size() - 1) != word.substr(1)) return false;
  const size_t end = i + word.size();
  return end == text.size() || !is_letter(static_cast<unsigned char>(text[end]));
}

/// The value (1 to 99) of the words at `i`, and where they end, or nullopt.
std::optional<std::pair<int, size_t>> below_hundred(std::string_view text, size_t i) {
  for (size_t k = 0; k < kTens.size(); ++k) {
    if (!word_at(text, i, kTens[k])) continue;
    const int tens = static_cast<int>(k + 2) * 10;
    size_t end = i + kTens[k].size();
    if (end < text.size() && (text[end] == '-' || text[end] == ' ')) {
      for (size_t u = 0; u < kOnes.size(); ++u) {
        if (word_at(text, end + 1, kOnes[u])) {
          return std::make_pair(tens + static_cast<int>(u + 1), end + 1 + kOnes[u].size());
        }
      }
    }
    return std::make_pair(tens, end);
  }
  for (size_t k = 0; k < kTeens.size(); ++k) {
    if (word_at(text, i, kTeens[k])) {
      return std::make_pair(static_cast<int>(k + 10), i + kTeens[k].size());
    }
  }
  for (size_t k = 0; k < kOnes.size(); ++k) {
    if (word_at(text, i, kOnes[k]))
      return std::make_pair(static_cast<int>(k + 1), i + kOnes[k].size());
  }
  return std::nullopt;
}

}  // namespace

std::vector<StatedNumber> english_number_words(std::string_view text) {
  std::vector<StatedNumber> out;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!is_letter(c)) {
      ++i;
      continue;
    }
    std::optional<std::pair<int, size_t>> n;
    if (i == 0 || !is_letter(static_cast<unsigned char>(text[i - 1]))) n = below_hundred(text, i);
    if (!n) {
      while (i < text.size() && is_letter(static_cast<unsigned char>(text[i]))) ++i;
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
