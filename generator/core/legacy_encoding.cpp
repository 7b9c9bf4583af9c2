#include "core/legacy_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

namespace firefly {

namespace detail {

bool reads_as_big5(std::string_view bytes) {
  const bool cut = bytes.size() > 64 * 1024;
  bytes = bytes.substr(0, 64 * 1024);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open("windows-950", &status),
                                                          &ucnv_close);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> text(bytes.size() + 1);
  status = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv.get(), text.data(), static_cast<int32_t>(text.size()),
                            bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  // Only where the 64 KB read end may a character be cut off.
  if (U_FAILURE(status) && !(cut && status == U_TRUNCATED_CHAR_FOUND)) return false;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(text.data(), i, n, c);
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0xE000 && c <= 0xF8FF)) {
      return false;  // a control or private-use character: not a text file in Big5
    }
  }
  // Chinese text is mostly the 5,401 common characters (first bytes A4-C6); text in a
  // Western encoding read as Big5 is the rare ones (accented letters are E0-FF).
  size_t common = 0, other = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) continue;
    (b >= 0xA4 && b <= 0xC6 ? common : other) += 1;
    ++i;  // the second byte
  }
  return common > 0 && common >= other;
}

bool starts_as_utf16(std::string_view bytes) {
  return bytes.size() >= 2 &&
         ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

}  // namespace detail

bool saved_as_utf16(std::string_view bytes) {
  if (detail::starts_as_utf16(bytes)) return true;
  const size_t pairs = std::min<size_t>(bytes.size(), 4096) / 2;
  // Every page and data file is asked: most have no zero byte at all (found at memchr's
  // speed, where counting them took a tenth of a percent of a build).
  if (pairs == 0 || !std::memchr(bytes.data(), '\0', 2 * pairs)) return false;
  size_t zero[2] = {0, 0};  // pairs whose first, second byte is zero
  for (size_t i = 0; i < pairs; ++i) {
    zero[0] += bytes[2 * i] == '\0';
    zero[1] += bytes[2 * i + 1] == '\0';
  }
  auto mostly = [&](size_t side, size_t other) {
    return side >= 2 && side * 5 >= pairs && other * 50 <= pairs;
  };
  return mostly(zero[0], zero[1]) || mostly(zero[1], zero[0]);
}

std::string not_utf8_help(std::string_view bytes, std::string_view fallback) {
  if (saved_as_utf16(bytes)) {
    return "it was saved as UTF-16 (\"Unicode\" in Windows programs); " + std::string(fallback);
  }
  if (detail::reads_as_big5(bytes)) {
    return "it seems to be saved as Big5 (\"ANSI\" in Windows programs set to Traditional "
           "Chinese); " +
           std::string(fallback);
  }
  return std::string(fallback);
}

}  // namespace firefly
