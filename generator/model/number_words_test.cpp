#include "model/number_words.h"

#include <doctest/doctest.h>

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

TEST_CASE("english_number_words reads whole words only") {
  CHECK(values("often someone tenth elevenfold sixtyish") == "");
  CHECK(values("ELEVEN") == "");  // capitals beyond the first letter: a name or an acronym
}

}  // namespace firefly
