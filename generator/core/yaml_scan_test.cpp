#include "core/yaml_scan.h"

#include <doctest/doctest.h>

#include <string>

namespace firefly {

TEST_CASE("find_control_char: at every offset, past tabs, line breaks and halfwidth forms") {
  // Text that holds none: tabs, line breaks, Chinese punctuation (EF BC 8C), a halfwidth
  // form (U+FFE5, EF BF A5), 0x7E.
  // Latin-1 letters and signs (C2 A0-BF, C3 ..) are no C1 controls.
  const std::string clean = "a\tb\r\n，￥~中文 text\u00A0°©«»àé\n";
  for (size_t n = 0; n < 3; ++n) {
    std::string text;
    for (size_t k = 0; k <= n; ++k) text += clean;
    CHECK(find_control_char(text).offset == std::string_view::npos);
  }
  const std::pair<std::string, char32_t> kinds[] = {
      {"\x01", 0x01},     {"\x1b", 0x1B},     {"\x7f", 0x7F},           {"\xC2\x80", 0x80},
      {"\xC2\x93", 0x93}, {"\xC2\x9F", 0x9F}, {"\xEF\xBF\xBE", 0xFFFE}, {"\xEF\xBF\xBF", 0xFFFF}};
  for (const auto& [bad, code] : kinds) {
    for (size_t at = 0; at < 80; ++at) {  // (past the 32 bytes a step of AVX2)
      std::string text(at, 'x');
      text += bad;
      text += std::string(at % 17, 'y');
      ControlChar found = find_control_char(text);
      INFO("at " << at << ", U+" << static_cast<unsigned>(code));
      CHECK(found.offset == at);
      CHECK(found.code == code);
      // After a halfwidth form that starts a block's last byte (EF at 15, BF at 16).
      std::string later = std::string(15, 'x') + "\xEF\xBF\xA5" + std::string(at, 'z') + bad;
      CHECK(find_control_char(later).offset == 18 + at);
      // The same across a 32-byte step (EF at 31, BF at 32).
      std::string later32 = std::string(31, 'x') + "\xEF\xBF\xA5" + std::string(at, 'z') + bad;
      CHECK(find_control_char(later32).offset == 34 + at);
    }
  }
}

TEST_CASE("control_char_name: a C1 control with the Windows-1252 character in its place") {
  CHECK(control_char_name(0x1B) == "U+001B");
  CHECK(control_char_name(0xFFFE) == "U+FFFE");
  CHECK(control_char_name(0x93) == "U+0093: probably “ of a file read in the wrong encoding");
  CHECK(control_char_name(0x80) == "U+0080: probably € of a file read in the wrong encoding");
  CHECK(control_char_name(0x9F) == "U+009F: probably Ÿ of a file read in the wrong encoding");
  CHECK(control_char_name(0x81) == "U+0081");  // none in Windows-1252
}

}  // namespace firefly
