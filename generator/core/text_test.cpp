#include "core/text.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace firefly {

TEST_CASE("UTF-8 validation finds the first bad byte") {
  CHECK(is_valid_utf8("中文 ok"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  Pos p = first_invalid_utf8("ab\n中\xE4\xB8");
  CHECK(p.line == 2);
  CHECK(p.col == 2);
}

TEST_CASE("UTF-8 validation inside a run of Chinese, where characters are read a load each") {
  // A bad character after and between good ones, past the first four bytes (each found at
  // its own column): an overlong E0, a surrogate ED, a lone continuation, a cut character.
  CHECK(is_valid_utf8("中文中文中文\xE0\xA0\x80\xED\x9F\xBF\xEF\xBF\xBD中"));
  for (std::string bad : {"\xE0\x9F\xBF", "\xED\xA0\x80", "\x80", "\xE4\xB8"}) {
    Pos p = first_invalid_utf8("中文中文" + bad + "中文");
    CHECK(p.line == 1);
    CHECK(p.col == 5);
  }
  for (unsigned char c = 0; c < 255; ++c) {  // every lead byte, as one load reads it
    const unsigned char four[4] = {c, 0xA0, 0x80, 0};
    CHECK(three_byte_code_point_of_four(four) == valid_three_byte_code_point(four, 0, 3));
    const unsigned char low[4] = {c, 0x9F, 0xBF, 'x'};
    CHECK(three_byte_code_point_of_four(low) == valid_three_byte_code_point(low, 0, 3));
  }
}

TEST_CASE("char_column turns a byte column into a character column") {
  // ASCII: bytes are characters.
  CHECK(char_column("See [the plan](/plan/)", 5) == 5);
  CHECK(char_column("abc", 1) == 1);
  // CJK: three bytes a character. The '[' of 請看[平台] is byte 7, character 3.
  CHECK(char_column("請看[平台](/p/)。", 7) == 3);
  CHECK(char_column("請看[平台](/p/)。", 8) == 4);
  // Mixed, with a two-byte (Vietnamese) and a four-byte character.
  std::string_view mixed = "a中ơ😀b";  // bytes: a 1, 中 2-4, ơ 5-6, 😀 7-10, b 11
  CHECK(char_column(mixed, 2) == 2);
  CHECK(char_column(mixed, 5) == 3);
  CHECK(char_column(mixed, 7) == 4);
  CHECK(char_column(mixed, 11) == 5);
  CHECK(char_column(mixed, 12) == 6);
  // A byte inside a character gives that character's column.
  CHECK(char_column("請看[", 3) == 1);
  CHECK(char_column("請看[", 5) == 2);
  // At the end of the line, and past it one column a byte.
  CHECK(char_column("請看", 7) == 3);
  CHECK(char_column("請看", 9) == 5);
  CHECK(char_column("", 1) == 1);
  CHECK(char_column("", 3) == 3);
  // Unknown stays unknown.
  CHECK(char_column("請看", 0) == 0);
  // Invalid UTF-8 counts a byte a column and never reads past the line.
  CHECK(char_column("\xE4\xB8x", 3) == 3);
  CHECK(char_column("\xFF\xFE\x80", 4) == 4);
  CHECK(char_column(std::string_view("\xE4\xB8\xAD", 2), 3) == 3);
  // The character column finds the byte again (utf8_prefix, as the caret does).
  std::string_view line = "更多課程請看[教育及終身學習平台](/programs/lerning/)。";
  size_t bracket = line.find('[');
  int col = char_column(line, static_cast<int>(bracket) + 1);
  CHECK(col == 7);
  CHECK(utf8_prefix(line, col - 1).size() == bracket);
}

TEST_CASE("slugify keeps CJK and folds punctuation") {
  CHECK(slugify("Hello, World!") == "hello-world");
  CHECK(slugify("南投 玫瑰") == "南投-玫瑰");
  CHECK(slugify("  a  b ") == "a-b");
}

TEST_CASE("slugify lower-cases the letters of every script, composed") {
  // Vietnamese capitals are not ASCII: Đ and Á were kept, so "Đào-tạo" and "đào-tạo" were
  // two terms with two pages, and a heading "Đội thợ" had the id "Đội-thợ".
  CHECK(slugify("Đào Tạo Nghề") == "đào-tạo-nghề");
  CHECK(slugify("Ánh Sáng") == slugify("ánh sáng"));
  CHECK(slugify("ΑΘΗΝΑ") == "αθηνα");
  // e + U+0323 + U+0302 (decomposed, as some keyboards type it) is ệ.
  CHECK(slugify("vie\xCC\xA3\xCC\x82"
                "c-la\xCC\x80m") == "việc-làm");
  CHECK(slugify("南投 玫瑰") == "南投-玫瑰");
  CHECK(slugify("ฝึกอาชีพ") == "ฝึกอาชีพ");
  CHECK(slugify("a\xFF b") == "a-b");  // a malformed byte is left out, as before
  CHECK(lower_case("Đội THỢ") == "đội thợ");
  CHECK(lower_case("ABC") == "abc");
}

TEST_CASE("percent_decode decodes escapes and flags malformed ones") {
  bool bad = false;
  CHECK(percent_decode("/a%20b/%E4%B8%AD/", &bad) == "/a b/中/");
  CHECK_FALSE(bad);
  CHECK(percent_decode("/x%zz%4", &bad) == "/x%zz%4");
  CHECK(bad);
}

TEST_CASE("url_path_escaped writes a file's name as a URL's path, letters of any script kept") {
  CHECK(url_path_escaped("/images/a b#1?.jpg") == "/images/a%20b%231%3F.jpg");
  CHECK(url_path_escaped("/images/q\"x<y>%`{|}\\^.png") ==
        "/images/q%22x%3Cy%3E%25%60%7B%7C%7D%5C%5E.png");
  CHECK(url_path_escaped("/images/照片,a&b'-1.jpg") == "/images/照片,a&b'-1.jpg");
  CHECK_FALSE(needs_url_path_escape("/images/照片,a&b'-1.jpg"));
  CHECK(needs_url_path_escape("/images/a b.jpg"));
  CHECK(percent_decode(url_path_escaped("/a b\"#%?.png")) == "/a b\"#%?.png");
}

TEST_CASE("an address that differs from a file's only in the case of its letters") {
  CHECK(equal_ignoring_ascii_case("/images/Roof.JPG", "/images/roof.jpg"));
  CHECK_FALSE(equal_ignoring_ascii_case("/images/roof.jpg", "/images/roof.jpeg"));
  CHECK_FALSE(equal_ignoring_ascii_case("/images/a-b", "/images/a_b"));
  std::set<std::string> files{"/images/roof.jpg", "/images/team.png"};
  CHECK(differs_only_in_case(files, "/images/ROOF.jpg") == "/images/roof.jpg");
  CHECK(differs_only_in_case(files, "/images/roof.jpg").empty());  // the same: not a twin
  CHECK(differs_only_in_case(files, "/images/roofs.jpg").empty());
  CHECK(letter_case_hint("/images/roof.jpg") ==
        "did you mean /images/roof.jpg? Capital and small letters differ in web addresses");
}

TEST_CASE("html_escape escapes the five characters") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE("html_escape is byte for byte the plain escaper at every length, place and page end") {
  auto plain = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          out += c;
      }
    }
    return out;
  };
  // A page-aligned buffer with a character to escape every third byte: a text read past
  // its end would take them in. Texts end at and around a page's end, start anywhere.
  constexpr size_t kPage = 4096;
  char* buf = static_cast<char*>(std::aligned_alloc(kPage, 2 * kPage));
  REQUIRE(buf);
  std::string_view specials = "&<>\"'";
  auto fill = [&](size_t i) { buf[i] = i % 3 == 2 ? specials[i % specials.size()] : 'x'; };
  for (size_t i = 0; i < 2 * kPage; ++i) fill(i);
  size_t checked = 0;
  for (size_t len = 0; len <= 40; ++len) {
    for (size_t start : {kPage - len, kPage - len - 1, kPage - len - 9, size_t{0}, size_t{5},
                         kPage - 16, kPage - 15, kPage + 3}) {
      if (start + len > 2 * kPage) continue;
      for (size_t special = 0; special <= len; ++special) {  // == len: none
        for (size_t i = 0; i < len; ++i) buf[start + i] = static_cast<char>('a' + i % 26);
        if (special < len) buf[start + special] = specials[special % specials.size()];
        std::string_view text(buf + start, len);
        CHECK(html_escape(text) == plain(text));
        std::string out = "x";
        append_html_escaped(out, text);
        CHECK(out == "x" + plain(text));
        for (size_t i = 0; i < len; ++i) fill(start + i);
        ++checked;
      }
    }
  }
  std::free(buf);
  CHECK(checked > 5000);
}

TEST_CASE("normalize_newlines and nth_line") {
  CHECK(normalize_newlines("a\r\nb\rc\n") == "a\nb\nc\n");
  CHECK(nth_line("a\nbb\r\nc", 2) == "bb");
  CHECK(nth_line("a", 3).empty());
}

TEST_CASE("has_byte_below tells, for any eight bytes, whether one is below n") {
  std::uint64_t state = 0x9E3779B97F4A7C15u;  // a fixed sequence of words (xorshift)
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int round = 0; round < 20000; ++round) {
    std::uint64_t w = next();
    // Make low bytes common: clear the top bits of a few bytes.
    for (int b = 0; b < 8; ++b) {
      if ((w >> (b * 8 + 3)) & 1) w &= ~(std::uint64_t{0xE0} << (b * 8));
    }
    for (unsigned n : {1u, 0x0Eu, 0x20u, 0x80u}) {
      bool any = false;
      for (int b = 0; b < 8; ++b) any = any || ((w >> (b * 8)) & 0xFF) < n;
      REQUIRE(has_byte_below(w, n) == any);
    }
  }
  CHECK(has_byte_below(0x4141414141414100u, 1));  // a zero byte, lowest
  CHECK_FALSE(has_byte_below(0xFFFFFFFFFFFFFFFFu, 0x80));
}

TEST_CASE("char_column after runs of ASCII of every length, and at every byte") {
  // Lines of characters of 1 to 4 bytes and bytes that begin none (each one column), after
  // ASCII runs of 0 to 20 bytes; each byte's column is its character's, counted here.
  const std::vector<std::string> pieces = {"a", "中", "ơ", "😀", "\xFF", "\xE4\xB8", " "};
  const std::vector<int> columns_of = {1, 1, 1, 1, 1, 2, 1};  // characters in each piece
  unsigned long long x = 88172645463325252ull;
  auto next = [&] { return x ^= x << 13, x ^= x >> 7, x ^= x << 17; };
  size_t differ = 0;
  for (int round = 0; round < 2000 && differ < 5; ++round) {
    std::string line(next() % 21, 'x');
    std::vector<int> character_at(line.size());  // of each byte, from 0
    for (size_t k = 0; k < line.size(); ++k) character_at[k] = static_cast<int>(k);
    int characters = static_cast<int>(line.size());
    for (size_t k = next() % 6; k > 0; --k) {
      const size_t p = next() % pieces.size();
      for (size_t b = 0; b < pieces[p].size(); ++b) {
        // (The two bytes of an unfinished character are two columns.)
        character_at.push_back(characters + (columns_of[p] == 2 ? static_cast<int>(b) : 0));
      }
      characters += columns_of[p];
      line += pieces[p];
      if (next() % 2) {
        for (size_t a = next() % 12; a > 0; --a, ++characters) {
          line += 'y';
          character_at.push_back(characters);
        }
      }
    }
    for (size_t byte = 0; byte < line.size() + 3; ++byte) {
      const int want = byte < line.size() ? character_at[byte] + 1
                                          : characters + 1 + static_cast<int>(byte - line.size());
      if (char_column(line, static_cast<int>(byte) + 1) != want) {
        CHECK_MESSAGE(false, line, " ", byte);
        ++differ;
        break;
      }
    }
  }
  CHECK(differ == 0);
}

}  // namespace firefly

TEST_CASE("is_windows_device_name: the names Windows keeps, with any extension or case") {
  for (const char* name :
       {"con", "CON", "con.md", "Aux.en.md", "nul", "prn.txt", "com1", "LPT9.md"}) {
    CAPTURE(name);
    CHECK(firefly::is_windows_device_name(name));
  }
  for (const char* name :
       {"console", "com0", "com10", "lpt", "icon.md", "", ".con", "con-page.md"}) {
    CAPTURE(name);
    CHECK_FALSE(firefly::is_windows_device_name(name));
  }
}

TEST_CASE("name_as_words writes a key as the words of a title") {
  CHECK(firefly::name_as_words("volunteer_hours") == "Volunteer hours");
  CHECK(firefly::name_as_words("target-2022") == "Target 2022");
  CHECK(firefly::name_as_words("年度") == "年度");
}

namespace firefly {

TEST_CASE("encode_utf8 writes each length of sequence") {
  auto encoded = [](char32_t c) {
    char bytes[4];
    return std::string(bytes, encode_utf8(c, bytes));
  };
  CHECK(encoded(U'a') == "a");
  CHECK(encoded(0xA0) == "\xC2\xA0");
  CHECK(encoded(U'志') == "志");
  CHECK(encoded(0x1F600) == "\xF0\x9F\x98\x80");
  CHECK(encoded(0x10FFFF) == "\xF4\x8F\xBF\xBF");
  for (char32_t c : {0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFFu, 0x10000u}) {
    CHECK(is_valid_utf8(encoded(c)));
  }
}

}  // namespace firefly
