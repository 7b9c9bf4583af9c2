#include "core/legacy_encoding.h"

#include <doctest/doctest.h>

#include <string>

namespace firefly {

namespace {
// 臺南市勞工局，志工服務。 in Big5.
const std::string kBig5 =
    "\xbb\x4f\xab\x6e\xa5\xab\xb3\xd2\xa4\x75\xa7\xbd\xa1\x41\xa7\xd3"
    "\xa4\x75\xaa\x41\xb0\xc8\xa1\x43";
}  // namespace

TEST_CASE("not_utf8_help names Big5, what Windows in Traditional Chinese saves") {
  const std::string page = "---\ntitle: " + kBig5 + "\n---\n\n" + kBig5 + "\n";
  CHECK(not_utf8_help(page, "save the file as UTF-8") ==
        "it seems to be saved as Big5 (\"ANSI\" in Windows programs set to Traditional "
        "Chinese); save the file as UTF-8");
  // A long file read up to 64 KB, cut inside a character there.
  std::string long_page = "x" + std::string(40000, ' ');
  while (long_page.size() <= 64 * 1024) long_page += kBig5;
  CHECK(detail::reads_as_big5(long_page));
}

TEST_CASE("not_utf8_help names UTF-16 by its byte order mark") {
  CHECK(not_utf8_help(std::string("\xFF\xFEt\0i\0", 6), "save it as UTF-8") ==
        "it was saved as UTF-16 (\"Unicode\" in Windows programs); save it as UTF-8");
  CHECK(detail::starts_as_utf16(std::string("\xFE\xFF\0t", 4)));
}

TEST_CASE("UTF-16 without a byte order mark: every second byte zero") {
  const std::string le("y\0e\0a\0r\0,\0c\0o\0u\0n\0t\0\n\0", 22);
  const std::string be("\0y\0e\0a\0r\0,\0c\0o\0u\0n\0t\0\n", 22);
  CHECK(saved_as_utf16(le));
  CHECK(saved_as_utf16(be));
  CHECK(not_utf8_help(le, "save it as UTF-8") ==
        "it was saved as UTF-16 (\"Unicode\" in Windows programs); save it as UTF-8");
  // Chinese in UTF-16 (年,份 then ASCII): not valid UTF-8, and said to be UTF-16, not Big5.
  CHECK(saved_as_utf16(std::string("\x74\x5e,\0\xfd\x4e\n\0a\0b\0c\0", 14)));
  // Text with a stray NUL or two, and NULs on both sides, are not UTF-16.
  CHECK_FALSE(saved_as_utf16(std::string("year,count\n2021,1\0\n2022,2\n", 26)));
  CHECK_FALSE(saved_as_utf16(std::string(100, '\0')));
  CHECK_FALSE(saved_as_utf16("year,count\n"));
  CHECK_FALSE(saved_as_utf16(""));
}

TEST_CASE("not_utf8_help says only how to save it for other bytes") {
  const std::string fallback = "save the file as UTF-8";
  CHECK(not_utf8_help("R\xe9sum\xe9 du projet", fallback) == fallback);  // Windows-1252
  CHECK(not_utf8_help("caf\xe9 au lait", fallback) == fallback);
  CHECK(not_utf8_help("Vi\xea\x74 Nam \xf0\xe6", fallback) == fallback);  // rare Big5, if any
  CHECK(not_utf8_help(kBig5 + std::string("\x01\x02", 2), fallback) == fallback);  // controls
  CHECK(not_utf8_help(kBig5.substr(0, kBig5.size() - 1), fallback) == fallback);   // cut off
  // UTF-8 Chinese with one stray byte is not Big5.
  CHECK(not_utf8_help("臺南市勞工局\xff", fallback) == fallback);
  CHECK(not_utf8_help("", fallback) == fallback);
}

}  // namespace firefly
