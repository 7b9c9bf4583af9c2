#include "model/stated_numbers.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace firefly {

namespace {

/// The values `text` states, as formatted numbers joined by spaces.
std::string values(std::string_view text, const std::string& lang) {
  std::string out;
  for (const StatedNumber& n : stated_numbers(text, lang)) {
    if (!out.empty()) out += ' ';
    out += format_number(n.value);
  }
  return out;
}

}  // namespace

TEST_CASE("thousands and decimals as each language writes them") {
  CHECK(values("3,256 people and 86.97%", "en") == "3256 86.97");
  CHECK(values("3.256 người và 86,97%", "vi") == "3256 86.97");
  CHECK(values("3.256 peserta, 86,97%", "id") == "3256 86.97");
  CHECK(values("3 256 personnes", "fr") == "3256");
  CHECK(values("3\u202F256 and 1\u00A0043", "en") == "3256 1043");
  CHECK(values("ผู้เข้าอบรม 3,256 คน 86.97%", "th") == "3256 86.97");
  CHECK(values("1,234,567.5", "en") == "1234567.5");
  CHECK(values("1.234.567,5", "vi") == "1234567.5");
}

TEST_CASE("full-width and Thai digits, percentages") {
  CHECK(values("３,２５６名學員", "zh-TW") == "3256");
  CHECK(values("８６．９７％", "zh-TW") == "86.97");
  CHECK(values("๓,๒๕๖ คน", "th") == "3256");
  CHECK(values("97 %", "en") == "97");
  CHECK(values("8成以上", "zh-TW") == "80");
  CHECK(values("七成以上，將近三成", "zh-TW") == "70 30");
  CHECK(values("約占6至8成", "zh-TW") == "60 80");
}

TEST_CASE("ROC years become Gregorian, other counts of years do not") {
  CHECK(values("108年12月17日", "zh-TW") == "2019 12 17");
  CHECK(values("民國100年開辦", "zh-TW") == "2011");
  CHECK(values("104至107年中程施政計畫", "zh-TW") == "2015 2018");
  CHECK(values("連續9年、6年累計100戶", "zh-TW") == "100");
  CHECK(values("服務滿30年", "zh-TW") == "30");
  CHECK(values("พ.ศ. 2562", "th") == "2019");
  // Thai dates give the year of the Buddhist era after the month's name, or after ปี.
  CHECK(values("ตั้งแต่เดือนมิถุนายน 2563 ถึง 13 เมษายน 2565", "th") == "2020 13 2022");
  CHECK(values("ในปี 2562 และ พ.ศ.2564", "th") == "2019 2021");
  CHECK(values("อาสาสมัคร 2500 คน", "th") == "2500");
  // The second year of a range is of the era too: an English "2025–2027" was said to state
  // two figures the Thai "พ.ศ. 2568–2570" does not, and the Thai 2570 one it lacks.
  CHECK(values("แผนพัฒนาทักษะ พ.ศ. 2568–2570", "th") == "2025 2027");
  CHECK(values("ปี 2568 - 2570 และ ปี 2562 ถึง 2564", "th") == "2025 2027 2019 2021");
  CHECK(values("ปี 2568-2570", "th") == "2025 2027");
  CHECK(values("ปี 2568 มี 2570 คน", "th") == "2025 2570");
  CHECK(values("อาสาสมัคร 2500–2600 คน", "th") == "2500 2600");
  // Vietnamese writes the ROC year after the era's name; the Chinese original's 108年 is
  // 2019, so a Vietnamese translation that kept "năm Dân Quốc 108" was said to lack 2019
  // and to state a figure 108 the original does not.
  CHECK(values("năm Dân Quốc 108 (2019)", "vi") == "2019 2019");
  CHECK(values("Dân Quốc 111", "vi") == "2022");
  CHECK(values("Dân Quốc có 108 người", "vi") == "108");
  CHECK(values("in 2019 (108)", "en") == "2019 108");
}

TEST_CASE("multipliers and month names") {
  CHECK(values("銷售金額破5千萬元", "zh-TW") == "50000000");
  CHECK(values("約97萬7,000名", "zh-TW") == "977000");
  CHECK(values("more than NT$50 million", "en") == "50000000");
  CHECK(values("hơn 50 triệu Đài tệ", "vi") == "50000000");
  CHECK(values("lebih dari 50 juta", "id") == "50000000");
  CHECK(values("มากกว่า 50 ล้าน", "th") == "50000000");
  CHECK(values("17 December 2019", "en") == "17 12 2019");
  CHECK(values("17 Desember 2019", "id") == "17 12 2019");
  CHECK(values("17 ธันวาคม 2019", "th") == "17 12 2019");
  // Filipino: months in Filipino or English, "libo"/"libong" and "milyon"/"milyong".
  CHECK(values("Disyembre 17, 2019 at 3,256 katao, 86.97%", "fil") == "12 17 2019 3256 86.97");
  CHECK(values("November 17, 2019", "tl") == "11 17 2019");
  CHECK(values("mahigit 50 milyong piso at 12 libong tao", "fil") == "50000000 12000");
  CHECK(values("Mayor ng lungsod, 2019", "fil") == "2019");
  CHECK(values("Decembers of the past", "en") == "");
}

TEST_CASE("small whole numbers are left out, the text is kept as written") {
  CHECK(values("3 levels, version 2.0, 10 teams", "en") == "");
  CHECK(values("when COVID-19 struck in 2020", "en") == "2020");
  auto n = stated_numbers("đào tạo 3.256 người", "vi");
  REQUIRE(n.size() == 1);
  CHECK(n[0].text == "3.256");
  CHECK(stated_numbers("108年", "zh-TW")[0].text == "108年");
}

TEST_CASE("a code with a region or a script reads numbers as its language does") {
  CHECK(values("đào tạo 3.256 người", "vi-VN") == "3256");  // "." groups, as in vi
  CHECK(values("3,5 triệu", "vi-VN") == "3500000");
  CHECK(values("5 juta pekerja", "id-ID") == "5000000");
  CHECK(values("50 milyon", "fil-PH") == "50000000");
  CHECK(values("50 milyon", "tl-PH") == "50000000");
  CHECK(values("พ.ศ. 2566", "th-TH") == "2023");
  CHECK(values("民國108年", "zh-Hant-TW") == "2019");
  CHECK(values("3 thousand people", "en-GB") == "3000");
}

TEST_CASE("long texts: a number, a month or 成 at any offset") {
  // Past 16 bytes the text is searched in blocks; each sign lands at every offset of one.
  for (size_t pad = 0; pad < 40; ++pad) {
    const std::string lead(pad, 'x'), han = [&] {
      std::string h;
      for (size_t k = 0; k < pad; ++k) h += "的";
      return h;
    }();
    CHECK(values(lead + " 3,256 and 17 December " + lead, "en") == "3256 17 12");
    CHECK(values(han + "七成" + han + "三成", "zh-TW") == "70 30");
    CHECK(values(han + "約占6至8成" + han, "zh-TW") == "60 80");
    CHECK(values(lead + "๓,๒๕๖ คน" + lead, "th") == "3256");
  }
}

TEST_CASE("a byte that begins no character stands alone") {
  CHECK(values("\xE6 2019 \x88", "en") == "2019");
  CHECK(values("\x88\x88 12 \xF0\x9F", "en") == "12");
  CHECK(values("\xE4\xB8成 \xE5", "zh-TW") == "");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("a percentage written in words is a percentage, however small") {
  // "5 percent" was a whole number up to 10, left out: the original's "5%" was said to be
  // missing from every translation that wrote it in words.
  CHECK(values("grew 5 percent, then 7 per cent", "en") == "5 7");
  CHECK(values("tăng 5 phần trăm", "vi") == "5");
  CHECK(values("naik 5 persen", "id") == "5");
  CHECK(values("เพิ่มขึ้น 5 เปอร์เซ็นต์ หรือร้อยละ 6", "th") == "5 6");
  CHECK(values("tỷ lệ 86,97 phần trăm", "vi") == "86.97");
  CHECK(values("grew 5 times", "en") == "");
}

TEST_CASE("Vietnamese and Indonesian decimals written with a point, as the original writes them") {
  // "86.97" was read as 86 (and 97 after a point, left out): no thousands group has two digits.
  CHECK(values("tỷ lệ 86.97 phần trăm", "vi") == "86.97");
  CHECK(values("tumbuh 3.5 kali, 1234.5 dan 3.256 orang", "id") == "3.5 1234.5 3256");
  CHECK(values("1.043.500 người", "vi") == "1043500");
  CHECK(values("năm 2022. Sau đó", "vi") == "2022");
}

TEST_CASE("dates written in numbers, with the ROC year first in Chinese") {
  // "111/4/13" was read as 111 (not a year without 年) and 13: every translation's 2022 was
  // said to be added and the original's 111 missing.
  // (Months and days up to 10 are left out, as other small whole numbers.)
  CHECK(values("111/4/13開辦", "zh-TW") == "2022 13");
  CHECK(values("111.12.13、111-04-13", "zh-TW") == "2022 12 13 2022 13");
  CHECK(values("ngày 13/4/2022 và 13.4.2022", "vi") == "2022 13 2022 13");
  CHECK(values("on 4/13/2022 or 2022-04-13", "en") == "2022 13 2022 13");
  CHECK(values("วันที่ 13/4/2565", "th") == "2022 13");
  CHECK(stated_numbers("111/4/13", "zh-TW")[0].text == "111/4/13");
  // Not dates: a version, an address, a range of years, a Gregorian year of three digits.
  CHECK(values("version 12.10.3", "en") == "12.1");
  CHECK(values("192.168.1.20", "en") == "192.168");
  CHECK(values("2019-2022", "en") == "2019 2022");
  CHECK(values("第120/4/5號", "en") == "120");
}

TEST_CASE("a school year in ROC years") {
  CHECK(values("111學年度入學", "zh-TW") == "2022");
  CHECK(values("110至111學年度", "zh-TW") == "2021 2022");
}

TEST_CASE("a telephone number is one number, however it is grouped") {
  // "(06) 298-8133" was 298 and 8133, "06-2988133" was 2988133: the same number differed.
  CHECK(values("電話(06) 298-8133", "zh-TW") == "62988133");
  CHECK(values("phone 06-2988133", "en") == "62988133");
  CHECK(values("điện thoại +886-6-298-8133", "vi") == "62988133");
  CHECK(values("專線0800-211-459、0912 345 678", "zh-TW") == "800211459 912345678");
  CHECK(stated_numbers("call +886-6-298-8133.", "en")[0].text == "+886-6-298-8133");
  // Not telephone numbers: a year range, a decimal, a short code.
  CHECK(values("from 2019-2022, 0.5 and 05-01", "en") == "2019 2022 0.5");
}

}  // namespace firefly

namespace firefly {

TEST_CASE("numbers in Chinese numerals") {
  // "十二月" and "二十五位" stated nothing: a translation's December (12) and 25 were said to
  // be figures the original lacks.
  CHECK(values("十二月舉辦，二十五位學員", "zh-TW") == "12 25");
  CHECK(values("一百零五人、三千二百元、第十一屆", "zh-TW") == "105 3200 11");
  CHECK(values("民國一百一十一年", "zh-TW") == "2022");
  CHECK(values("三十萬人", "zh-TW") == "300000");
  CHECK(values("百分之八十", "zh-TW") == "80");
  // Words, estimates and idioms are no figures.
  CHECK(values("百貨公司千萬不要十分", "zh-TW") == "");
  CHECK(values("數十萬人、十幾位、幾十年、一五一十", "zh-TW") == "");
  CHECK(values("十二 people", "en") == "");  // only Chinese reads them
  for (size_t pad = 0; pad < 20; ++pad) {
    std::string han;
    for (size_t k = 0; k < pad; ++k) han += "的";
    CHECK(values(han + "二十五位" + han + "一百零五" + han, "zh-TW") == "25 105");
  }
}

TEST_CASE("a short range of years states its second year in full") {
  // "2019–22" stated 22, so a translation's "2019 to 2022" was a changed figure.
  CHECK(values("from 2019–22 and 2019-20", "en") == "2019 2022 2019 2020");
  CHECK(values("2019—22年", "zh-TW") == "2019 2022");
  // A month, a date, a code: not a range.
  CHECK(values("2019-12 and 2019-12-31", "en") == "2019 12 2019 12 31");
  CHECK(values("item 12019-22", "en") == "12019 22");
  CHECK(values("2019-22.5", "en") == "2019 22.5");
}

TEST_CASE("a range of years written with spaces, with \"to\" or across a century") {
  // Each stated 22 (or 2, left out) where the other language's "2019 to 2022" or "1998 to
  // 2002" states 2022 or 2002.
  CHECK(values("2019 – 22, 2019 - 22 and 2019 — 22", "en") == "2019 2022 2019 2022 2019 2022");
  CHECK(values("2019 - 2022 and 2019 to 2022", "en") == "2019 2022 2019 2022");
  CHECK(values("1998–02, 1998 - 02, 1998 to 02", "en") == "1998 2002 1998 2002 1998 2002");
  CHECK(values("2019 – 22 năm", "vi") == "2019 2022");
  std::vector<StatedNumber> numbers = stated_numbers("the 2019–22 plan", "en");
  REQUIRE(numbers.size() == 2);
  CHECK(numbers[1].text == "2019–22");
  CHECK(numbers[1].at == 4);
  CHECK(numbers[1].range_year == 0);
  // Not ranges: a month, a year and a count, a century back, "to" but in English.
  CHECK(values("1998-02 and 2019 - 12", "en") == "1998 2019 12");
  CHECK(values("from 18 in 2019 to 25", "en") == "18 2019 25");
  CHECK(values("2019–12 and 1998–20", "en") == "2019 12 1998 20");
  CHECK(values("2019 to 22", "vi") == "2019 22");
  CHECK(stated_numbers("from 18 in 2019 to 25", "en").back().range_year == 0);
}

TEST_CASE("English \"2019 to 25\" is two numbers, or a range if the other language says so") {
  // "2019 to 25" was always the range 2019-2025, a letter numbered 2019 sent to 25 members too.
  std::vector<StatedNumber> numbers = stated_numbers("Letter No. 2019 to 25 members", "en");
  REQUIRE(numbers.size() == 2);
  CHECK(numbers[0].value == 2019);
  CHECK(numbers[0].range_year == 0);
  CHECK(numbers[1].value == 25);
  CHECK(numbers[1].text == "25");
  CHECK(numbers[1].at == 19);
  CHECK(numbers[1].range_year == 2025);
  CHECK(stated_numbers("1998 to 25", "en").back().range_year == 0);  // 2025: too far on
  CHECK(stated_numbers("1998 to 05", "en").back().value == 2005);    // no count starts with 0
}

TEST_CASE("English number words above ten are figures, written in words") {
  std::vector<StatedNumber> numbers = stated_numbers("seventeen priorities since 2019", "en");
  REQUIRE(numbers.size() == 2);
  CHECK(numbers[0].value == 2019);
  CHECK(numbers[1].value == 17);
  CHECK(numbers[1].words);
  CHECK(values("mười bảy seventeen", "vi") == "");
  // Left to the caller (the translation checks read them only where a figure differs).
  numbers = stated_numbers("seventeen priorities since 2019", "en", /*english_words=*/false);
  REQUIRE(numbers.size() == 1);
  CHECK(numbers[0].value == 2019);
}

TEST_CASE("format_thousandths writes what format_number writes of the figure") {
  CHECK(format_thousandths(3256000) == "3256");
  CHECK(format_thousandths(86970) == "86.97");
  CHECK(format_thousandths(5) == "0.005");
  CHECK(format_thousandths(0) == "0");
  // Every kind of figure the checks keep: whole, one to three decimals, near the bound where
  // the quick way stops, beyond it and below zero.
  std::vector<long long> figures;
  for (long long n = -2000; n <= 200000; ++n) figures.push_back(n);
  unsigned long long x = 88172645463325252ull;  // xorshift: the same figures every run
  for (int k = 0; k < 200000; ++k) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    const long long scale[] = {1000, 1'000'000, 1'000'000'000, 999'999'999'999, 1LL << 62};
    figures.push_back(static_cast<long long>(x % static_cast<unsigned long long>(scale[k % 5])));
    figures.push_back(figures.back() / 1000 * 1000);
  }
  for (long long n : {999'999'999'999LL, 1'000'000'000'000LL, 123'456'789'012'345LL,
                      9'007'199'254'740'993LL, -1LL, -123'456LL})
    figures.push_back(n);
  size_t differ = 0;
  for (long long n : figures) {
    if (format_thousandths(n) != format_number(n / 1000.0)) {
      CHECK_MESSAGE(false, n);
      if (++differ == 5) break;
    }
  }
  CHECK(differ == 0);
}

}  // namespace firefly
