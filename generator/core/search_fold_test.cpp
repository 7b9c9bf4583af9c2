#include "core/search_fold.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace firefly {

namespace {

/// The texts of search_pieces(text).
std::vector<std::string> piece_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const SearchPiece& p : search_pieces(text)) out.push_back(p.text);
  return out;
}

}  // namespace

TEST_CASE("search_pieces: the fast path for ASCII and Han gives what folding gives") {
  for (std::string text : {"勞工局2019年，志工「服務」ABC def", "（全形括號）、。—dash… x_y",
                           "團體協約\u3000 e-mail 3.5", "a\u200Db", "㐀丁 z", "bureau`s"}) {
    std::vector<SearchPiece> fast = search_pieces(text);
    // "é" sends the same text through ICU's folding; its piece comes last.
    std::vector<SearchPiece> folded = search_pieces(text + " \xC3\xA9");
    REQUIRE(folded.size() == fast.size() + 1);
    CHECK(folded.back().text == "e");
    for (size_t k = 0; k < fast.size(); ++k) {
      CHECK(fast[k].text == folded[k].text);
      CHECK(fast[k].cjk == folded[k].cjk);
      CHECK(fast[k].joined == folded[k].joined);
    }
  }
}

TEST_CASE("folding: Ð and ð (typed for Đ by some keyboards and fonts) are d, as đ is") {
  CHECK(fold_for_search("\u00D0\u00E0 N\u1EB5ng") == "da nang");  // Ðà Nẵng
  CHECK(fold_for_search("\u00F0\u00E0") == "da");
  CHECK(fold_for_search("\u0189\u0256") == "dd");  // Ɖɖ, the African D
  CHECK(fold_for_search("\u0110\u0111") == "dd");  // Đđ, as before
}

TEST_CASE("folding: Latin letters NFKD keeps whole are the letters typed for them") {
  CHECK(fold_for_search("Stra\u00DFe") == "strasse");
  CHECK(fold_for_search("STRA\u1E9EE") == "strasse");       // capital ẞ
  CHECK(fold_for_search("\u0141\u00F3d\u017A") == "lodz");  // Łódź
  CHECK(fold_for_search("Troms\u00F8") == "tromso");
  CHECK(fold_for_search("\u00C6ble \u0152uvre") == "aeble oeuvre");
  CHECK(fold_for_search("\u0131zmir \u0130zmir") == "izmir izmir");  // dotless ı, dotted İ
  // What NFKD already took apart stays so: a ligature from a PDF, a superscript, a numeral.
  CHECK(fold_for_search("\uFB01nancial m\u00B2 \u216B") == "financial m2 xii");
  // A Kangxi radical a PDF gives for the ideograph (⼈ U+2F08 for 人), half-width katakana.
  CHECK(fold_for_search("\u2F08\u529B") == "\u4EBA\u529B");
  CHECK(piece_texts("\u2F08\u529B") == std::vector<std::string>{"\u4EBA", "\u529B"});
  CHECK(fold_for_search("\uFF76\uFF9E\uFF72\uFF84\uFF9E") == "\u30AC\u30A4\u30C9");
}

TEST_CASE("folding: a mark typed for an apostrophe is the apostrophe, which is no letter") {
  for (const char* typed : {"bureau\u02BCs", "bureau\u02BBs", "bureau\u00B4s", "bureau`s"}) {
    CAPTURE(typed);
    CHECK(fold_for_search(typed) == "bureau\u2019s");
    CHECK(piece_texts(typed) == std::vector<std::string>{"bureau", "s"});
  }
  CHECK(piece_texts("Hawai\u02BBi") == std::vector<std::string>{"hawai", "i"});
}

TEST_CASE("Thai: ำ typed apart and tone marks either side of it are one spelling") {
  std::string out;
  // ทำงาน with nikhahit and sara aa typed apart (as many keyboards and PDFs give it).
  CHECK(thai_normal_form("\u0E17\u0E4D\u0E32\u0E07\u0E32\u0E19", out));
  CHECK(out == "\u0E17\u0E33\u0E07\u0E32\u0E19");
  // น้ำ: the tone mark after the nikhahit, after the sara aa, after ำ.
  for (const char* typed : {"\u0E19\u0E4D\u0E49\u0E32", "\u0E19\u0E4D\u0E32\u0E49",
                            "\u0E19\u0E33\u0E49", "\u0E19\u0E49\u0E4D\u0E32"}) {
    CAPTURE(typed);
    REQUIRE(thai_normal_form(typed, out));
    CHECK(out == "\u0E19\u0E49\u0E33");
    CHECK(fold_for_search(typed) == fold_for_search("\u0E19\u0E49\u0E33"));
  }
  // แ typed as two sara e.
  CHECK(thai_normal_form("\u0E40\u0E40\u0E23\u0E07\u0E07\u0E32\u0E19", out));
  CHECK(out == "\u0E41\u0E23\u0E07\u0E07\u0E32\u0E19");
  // Written as it should be: nothing to do, `out` untouched.
  out = "kept";
  CHECK_FALSE(thai_normal_form("\u0E19\u0E49\u0E33 \u0E41\u0E23\u0E07\u0E07\u0E32\u0E19", out));
  CHECK_FALSE(thai_normal_form("volunteers", out));
  CHECK(out == "kept");
}

TEST_CASE("Thai: a page's words are the same however its ำ was typed") {
  // แรงงานทำงานในโรงงาน (workers work in a factory), ำ typed whole and apart.
  std::string whole =
      "\u0E41\u0E23\u0E07\u0E07\u0E32\u0E19\u0E17\u0E33\u0E07\u0E32\u0E19"
      "\u0E43\u0E19\u0E42\u0E23\u0E07\u0E07\u0E32\u0E19";
  std::string apart =
      "\u0E41\u0E23\u0E07\u0E07\u0E32\u0E19\u0E17\u0E4D\u0E32\u0E07\u0E32\u0E19"
      "\u0E43\u0E19\u0E42\u0E23\u0E07\u0E07\u0E32\u0E19";
  std::string two_e =
      "\u0E40\u0E40\u0E23\u0E07\u0E07\u0E32\u0E19\u0E17\u0E33\u0E07\u0E32\u0E19"
      "\u0E43\u0E19\u0E42\u0E23\u0E07\u0E07\u0E32\u0E19";
  std::vector<std::string> words = piece_texts(whole);
  CHECK(words.size() >= 3);
  CHECK(piece_texts(apart) == words);
  CHECK(piece_texts(two_e) == words);
}

}  // namespace firefly
