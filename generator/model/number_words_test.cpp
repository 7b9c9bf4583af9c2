#include "model/number_words.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace firefly {

namespace {

std::string values(std::string_view text) {
  std::string out;
  for (const StatedNumber& n : english_number_words(text)) {
    out += (out.empty() ? "" : " ") + format_number(n.value) + "=" + n.text;
    CHECK(n.words);
  }
  return out;
}

}  // namespace

TEST_CASE("english_number_words reads the teens, the tens and hundreds") {
  CHECK(values("seventeen priorities") == "17=seventeen");
  CHECK(values("Twenty-five trainees, ninety days") == "25=Twenty-five 90=ninety");
  CHECK(values("thirty two people") == "32=thirty two");
  CHECK(values("two hundred and five homes, one hundred") ==
        "205=two hundred and five 100=one hundred");
  // Ten and below are left out, as stated_numbers leaves them out in digits.
  CHECK(values("nine of ten") == "");
}

TEST_CASE("english_number_words reads a hundred, thousands and ordinals") {
  // Each was read as its first word or not at all, so the figure the other language wrote
  // (100, 112, 2000, 1000, 21) was said to be missing here.
  CHECK(values("a hundred staff, one hundred and twelve homes") ==
        "100=a hundred 112=one hundred and twelve");
  CHECK(values("two thousand visits, A thousand more") == "2000=two thousand 1000=A thousand");
  CHECK(values("two thousand and five, twenty-five thousand three hundred") ==
        "2005=two thousand and five 25300=twenty-five thousand three hundred");
  CHECK(values("a hundred and twelve, twelve hundred, three million") ==
        "112=a hundred and twelve 1200=twelve hundred 3000000=three million");
  CHECK(values("the twenty-first fair, its eleventh year, the one hundred and twelfth") ==
        "21=twenty-first 11=eleventh 112=one hundred and twelfth");
  CHECK(values("the ninetieth day") == "90=ninetieth");
}

TEST_CASE("english_number_words turns no ordinary word into a number") {
  // "one", "second" and "third" are ten and below, left out as stated_numbers leaves out
  // digits; "a" is a number before a scale only, "and" only between a scale and a number.
  CHECK(values("a second look, one of them, the third time, a new start") == "");
  CHECK(values("twenty first-time buyers") == "20=twenty");
  CHECK(values("one hundredth of a second, a hundredth") == "");
  CHECK(values("hundreds of thousands, a hundred-year flood") == "100=a hundred");
  CHECK(values("two hundred and the rest") == "200=two hundred");
}

TEST_CASE("english_number_words reads every number from 11 to 999, and its ordinal") {
  const std::vector<std::string> ones = {"",     "one", "two",   "three", "four",
                                         "five", "six", "seven", "eight", "nine"};
  const std::vector<std::string> firsts = {"",      "first", "second",  "third",  "fourth",
                                           "fifth", "sixth", "seventh", "eighth", "ninth"};
  const std::vector<std::string> teens = {"ten",      "eleven",  "twelve",  "thirteen",
                                          "fourteen", "fifteen", "sixteen", "seventeen",
                                          "eighteen", "nineteen"};
  const std::vector<std::string> tens = {"",      "",      "twenty",  "thirty", "forty",
                                         "fifty", "sixty", "seventy", "eighty", "ninety"};
  auto below_hundred = [&](int n, bool ordinal) -> std::string {
    if (n < 10) return ordinal ? firsts[n] : ones[n];
    if (n == 12 && ordinal) return "twelfth";
    if (n < 20) return teens[n - 10] + (ordinal ? "th" : "");
    if (n % 10 == 0) {
      const std::string& t = tens[n / 10];
      return ordinal ? t.substr(0, t.size() - 1) + "ieth" : t;
    }
    return tens[n / 10] + "-" + (ordinal ? firsts[n % 10] : ones[n % 10]);
  };
  for (int n = 11; n < 1000; ++n) {
    for (bool ordinal : {false, true}) {
      if (n >= 100 && n % 100 == 0 && ordinal) continue;  // "hundredth": no number
      std::string text = n < 100 ? below_hundred(n, ordinal)
                                 : ones[n / 100] + " hundred" +
                                       (n % 100 ? " and " + below_hundred(n % 100, ordinal) : "");
      for (bool capital : {false, true}) {
        if (capital) text[0] = static_cast<char>(text[0] - 'a' + 'A');
        // Long enough that the words are read 16 bytes a step too.
        const std::string long_text = "In the year of the census, " + text + " of them came.";
        INFO(long_text);
        CHECK(values(long_text) == std::to_string(n) + "=" + text);
        // The translation checks read the words of a text that holds a mark of the figure.
        CHECK(holds_mark(long_text, english_word_marks(n)));
      }
    }
  }
}

TEST_CASE("english_word_marks: thousands and millions; none for what is never read") {
  for (const auto& [text, value] :
       std::vector<std::pair<std::string, double>>{{"a hundred and five", 105},
                                                   {"twelve hundred", 1200},
                                                   {"Two thousand and nineteen", 2019},
                                                   {"A thousand", 1000},
                                                   {"three million", 3e6}}) {
    CHECK(values(text) == format_number(value) + "=" + text);
    CHECK(holds_mark(text, english_word_marks(value)));
    CHECK_FALSE(holds_mark("No number in words here, in 2019 or in any year of the decade",
                           english_word_marks(value)));
  }
  CHECK(english_word_marks(10).empty());
  CHECK(english_word_marks(86.5).empty());
  // Found at any offset, in the 16-byte steps and after them.
  const std::string padding(40, '.');
  for (size_t k = 0; k < 40; ++k) {
    CHECK(holds_mark(padding.substr(0, k) + "twenty" + padding, {"wenty", "wentie"}));
    CHECK_FALSE(holds_mark(padding.substr(0, k) + "twent" + padding, {"wenty", "wentie"}));
  }
}

TEST_CASE("english_number_words reads whole words only") {
  CHECK(values("often someone tenth elevenfold sixtyish") == "");
  CHECK(values("ELEVEN") == "");  // capitals beyond the first letter: a name or an acronym
}

TEST_CASE("MarkSearch answers the same 32, 16 and 1 offsets at a time") {
  // Texts of words that hold a mark, words that hold its anchor only ("city", "parties",
  // "dress", "alli"), and plain ones; the marks of a few figures at a time.
  const std::vector<std::string_view> pieces = {
      "twenty",  "Thirtieth", "forty", "fifteen", "eleven", "twelfth", "hundred", "thousand",
      "million", "city",      "ties",  "dress",   "usage",  "alli",    "elve",    "self",
      "level",   "seen",      "wenty", "undre",   "x",      " ",       "e"};
  const std::vector<double> figures = {11, 12, 15, 21, 35, 47, 52, 68, 74, 83, 99, 105, 2019};
  unsigned long long x = 88172645463325252ull;
  auto next = [&] { return x ^= x << 13, x ^= x >> 7, x ^= x << 17; };
  size_t differ = 0;
  for (int round = 0; round < 5000 && differ < 5; ++round) {
    std::string text;
    for (size_t k = next() % 30; k > 0; --k) {
      text +=
          next() % 2 ? std::string(next() % 24, 'a') : std::string(pieces[next() % pieces.size()]);
    }
    std::vector<std::string_view> marks;
    for (size_t k = 1 + next() % 4; k > 0; --k) {
      for (std::string_view mark : english_word_marks(figures[next() % figures.size()])) {
        marks.push_back(mark);
      }
    }
    const MarkSearch search(marks);
    const bool one = search.in(text, 1);
    if (search.in(text, 16) != one || search.in(text, 32) != one) {
      CHECK_MESSAGE(false, text);
      ++differ;
    }
  }
  CHECK(differ == 0);
}

}  // namespace firefly
