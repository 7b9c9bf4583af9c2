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

TEST_CASE("english_number_words reads whole words only") {
  CHECK(values("often someone tenth elevenfold sixtyish") == "");
  CHECK(values("ELEVEN") == "");  // capitals beyond the first letter: a name or an acronym
}

}  // namespace firefly
