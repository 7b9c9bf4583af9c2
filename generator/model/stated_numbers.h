// The numbers a sentence states, read the way its language writes them, so that
// "3,256", "3.256", "3 256" and "３,２５６" are one number, "108年" is 2019 and
// "8成" is 80 (percent).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/number_writing.h"

namespace firefly {

/// One number as stated in a text.
struct StatedNumber {
  double value = 0;  ///< normalized: Gregorian years, multipliers applied, 80 for 80% and 8成
  std::string text;  ///< as written ("3.256", "108年", "5千萬")
  /// Written in words (Chinese numerals: "十七"), as a translation may write it ("seventeen").
  bool words = false;
  size_t at = 0;  ///< the byte offset of `text` in the text read
  /// Not 0: the year in full that a number may state as well, the other language deciding:
  /// 2025 for the 25 of English "2019 to 25", which may be a range or two numbers ("rose
  /// from 2019 to 25 members").
  double range_year = 0;
};

/// The numbers `text` states, read as `lang` writes them (by its language subtag: "vi-VN"
/// as "vi", "zh-Hant-TW" as "zh"): "vi" and "id" group thousands
/// with "." and mark decimals with ","; the others the other way round; any language
/// may group with spaces. Full-width and Thai digits count; Chinese ("zh…") years
/// written as ROC years ("108年", "民國100年", "104至107年") become Gregorian, and
/// Thai years of the Buddhist era after "พ.ศ.", "ปี" or a month's name too; "成", "萬",
/// "million", "triệu", "juta", "ล้าน", "milyon"... multiply; English, Indonesian, Thai and
/// Filipino ("fil", "tl": in Filipino or English) month names are numbers, and so are Chinese
/// numerals
/// ("十二", "二十五", "一百零五"; `words`). A percentage may be
/// written in words ("5 percent", "5 phần trăm", "ร้อยละ 5"); Vietnamese and Indonesian
/// decimals with a point where no thousands group can be ("86.97"). A date in numbers
/// ("13/4/2022", "2022-04-13", in Chinese "111/4/13" with the ROC year) is its year, month and
/// day; a Taiwanese telephone number ("(06) 298-8133", "06-2988133", "+886-6-298-8133") is
/// one number, its digits. The second year of a short range ("2019–22", "2019-20", "2019 –
/// 22") is the year in full (2022), as "2019 to 2022" states it, in the next century too
/// ("1998–02", in English "1998 to 02": 2002; "1998-02" is a month). English "2019 to 25"
/// is 2019 and 25, 2025 the `range_year` of its 25: two digits after "to" may be a count. English
/// ("en") numbers above ten in words ("seventeen", "twenty-five": english_number_words) are numbers
/// too (`words`), unless `english_words` is false. Whole numbers from 0 to 10 are left out
/// (translations often write them as words). A byte that begins no well-formed UTF-8 character
/// stands for U+FFFD on its own.
std::vector<StatedNumber> stated_numbers(std::string_view text, const std::string& lang,
                                         bool english_words = true);

/// stated_numbers(text, lang, english_words), appended to `out` (whose room is kept from one
/// text to the next).
void stated_numbers(std::string_view text, const std::string& lang, bool english_words,
                    std::vector<StatedNumber>& out);

/// The same, of a language whose way of writing numbers is `w` (number_writing_of(lang)):
/// one page's texts, one after another.
void stated_numbers(std::string_view text, const number_writing::NumberWriting& w,
                    bool english_words, std::vector<StatedNumber>& out);

/// "3256" or "86.97": a normalized value as the warnings show it.
std::string format_number(double value);

/// format_number(thousandths / 1000.0), as the drift checks name a figure they keep in
/// thousandths ("3256", "86.97"): the same text, without its printf-like cost for most.
std::string format_thousandths(long long thousandths);

}  // namespace firefly
