#include "render/search_text_deflate.h"

#include <doctest/doctest.h>

#include "render/search_excerpts.h"

namespace firefly {

namespace {

/// What the search page inflates: the shared header, then the text's own bytes.
std::optional<std::string> inflate_text(const SearchTextCode& code, const std::string& bytes) {
  return inflate_raw(code.header() + bytes);
}

}  // namespace

TEST_CASE("search texts deflate with one code and inflate back after its header") {
  std::string long_text;
  for (int i = 0; i < 500; ++i)
    long_text += "團體協約 collective agreement " + std::to_string(i) + "\n";
  SearchTextCode code({long_text.substr(0, 3000), "lao động"});
  SearchTextDeflater d(code);
  std::string a = d.deflate(long_text);
  std::string b = d.deflate("lao động");
  CHECK(a.size() < long_text.size() / 3);
  CHECK(inflate_text(code, a) == long_text);
  CHECK(inflate_text(code, b) == "lao động");  // no match reaches into the text before
  CHECK(d.deflate("").empty());
  CHECK(inflate_text(code, a.substr(0, a.size() / 2)) == std::nullopt);  // cut short
  CHECK(inflate_text(code, a + "x") == std::nullopt);                    // bytes after its end
  CHECK(inflate_raw(a) == std::nullopt);  // not a stream without the header
}

TEST_CASE("search texts: any byte, matches up to 258 bytes and 32 KiB back, texts in a row") {
  SearchTextCode code({"only ASCII letters in the sample"});  // every other byte has a code too
  SearchTextDeflater d(code);
  std::string every_byte;
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
  }
  CHECK(inflate_text(code, d.deflate(every_byte)) == every_byte);
  std::string runs(1000, 'x');  // matches of the longest length, overlapping what they copy
  runs += std::string(3, 'y') + std::string(259, 'x') + "z";
  CHECK(inflate_text(code, d.deflate(runs)) == runs);
  // A text longer than the window: its repeats 40,000 bytes apart are not matched so far
  // back, those 30,000 apart are.
  std::string far;
  uint32_t x = 1;
  for (int i = 0; i < 40000; ++i) {
    x = x * 1103515245u + 12345u;
    far += static_cast<char>('a' + (x >> 16) % 26);
  }
  std::string twice = far + far + far.substr(10000);
  std::string packed = d.deflate(twice), once = d.deflate(far);
  CHECK(inflate_text(code, packed) == twice);
  // Random letters: the repeats are the only matches. Twice the bytes of one copy: the
  // second copy is not matched (2.75 times if the third were not, once if the second were).
  CHECK(packed.size() > once.size() * 19 / 10);
  CHECK(packed.size() < once.size() * 21 / 10);
  for (int i = 0; i < 50; ++i) {  // many texts after one another: positions go on
    std::string t = "text " + std::to_string(i) + " of fifty, text " + std::to_string(i);
    CHECK(inflate_text(code, d.deflate(t)) == t);
  }
}

TEST_CASE("search text codes from no samples still code every text") {
  SearchTextCode code({});
  SearchTextDeflater d(code);
  CHECK(!code.header().empty());
  CHECK(inflate_text(code, d.deflate("勞資會議 lao động")) == "勞資會議 lao động");
}

}  // namespace firefly
