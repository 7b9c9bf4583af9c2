#include "render/search_token_keys.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace firefly {

namespace {

/// One token as a key or as text: the key when it has one, else its bytes.
struct Keyed {
  uint64_t key = 0;
  std::string text;
  uint32_t pos = 0;
  bool positional = false;
  bool operator==(const Keyed& o) const {
    return key == o.key && text == o.text && pos == o.pos && positional == o.positional;
  }
};

/// The tokens simple_search_tokens gives, each by the key SearchTokenIds::short_key makes.
std::pair<std::vector<Keyed>, uint32_t> from_tokens(std::string_view text) {
  std::vector<Keyed> out;
  uint32_t pos = 3;
  auto sink = [&](std::string_view t, uint32_t p, bool positional) {
    uint64_t key = SearchTokenIds::short_key(t);
    out.push_back({key, key ? std::string() : std::string(t), p, positional});
  };
  detail::simple_search_tokens(text, &pos, sink);
  return {out, pos};
}

std::pair<std::vector<Keyed>, uint32_t> from_keys(std::string_view text) {
  struct Sink {
    std::vector<Keyed> out;
    void key(uint64_t key, uint32_t p, bool positional) {
      CHECK(key != 0);
      out.push_back({key, "", p, positional});
    }
    void token(std::string_view t, uint32_t p, bool positional) {
      CHECK(SearchTokenIds::short_key(t) == 0);
      out.push_back({0, std::string(t), p, positional});
    }
    void character(uint64_t k, uint32_t code_point, uint32_t p) {
      char bytes[3] = {static_cast<char>(k & 0xFF), static_cast<char>((k >> 8) & 0xFF),
                       static_cast<char>((k >> 16) & 0xFF)};
      CHECK(k < (uint64_t{1} << 24));
      CHECK(three_byte_code_point(std::string_view(bytes, 3), 0) == code_point);
      key(k, p, false);
    }
  } sink;
  uint32_t pos = 3;
  simple_search_keys(text, &pos, sink);
  return {sink.out, pos};
}

}  // namespace

TEST_CASE("search token keys: the keys of the tokens the simple path gives") {
  std::vector<std::string> texts = {"勞工局的志工服務",
                                    "Collective Agreement 2019 與 團體協約",
                                    "ABCDEFGH abcdefghi 12345678 123456789",
                                    "",
                                    "志工。團隊（臺中）ABC123def",
                                    "x" + std::string(70, 'y') + " short 長字",
                                    std::string(64, 'Q').append(" ").append(65, 'q'),
                                    "　全形空白　和「引號」",
                                    "UPPER lower MiXeD 99",
                                    "InterNationaliZation2019 ABCDEFGHIJKLMNOP9 Zy0123456789Q",
                                    "志",
                                    "志工"};
  // A run whose middle character is malformed (a continuation byte missing).
  std::string bad = "志";
  bad += "\xE5\x41\x8B";
  bad += "服";
  texts.push_back(bad);
  const std::string_view parts[] = {"a",  "Z",  "9",  " ",  "-",  "勞", "工",  "局",
                                    "。", "，", "「", "\n", "Ab", "x",  "Qrs", "團體"};
  uint32_t seed = 4242;
  for (int n = 0; n < 400; ++n) {
    std::string t;
    for (int k = 0; k < 16; ++k) {
      seed = seed * 1103515245 + 12345;
      t += parts[(seed >> 16) % std::size(parts)];
    }
    texts.push_back(t);
  }
  for (const std::string& t : texts) {
    CAPTURE(t);
    CHECK(from_keys(t) == from_tokens(t));
  }
}

TEST_CASE("search token keys: eight bytes' letters and digits at once, as byte by byte") {
  for (int b = 0; b < 256; ++b) {
    for (int at = 0; at < 8; ++at) {
      uint64_t bytes = 0x2020202020202020ULL;  // spaces around the byte
      bytes = (bytes & ~(uint64_t{0xFF} << (8 * at))) | (static_cast<uint64_t>(b) << (8 * at));
      uint64_t word = 0, lower = detail::search_word_bytes(bytes, &word);
      bool is_word = kSearchWordBytes[static_cast<size_t>(b)] != 0;
      CHECK(((word >> (8 * at)) & 0xFF) == (is_word ? 0x80u : 0u));
      CHECK((word & ~(uint64_t{0xFF} << (8 * at))) == 0);
      if (is_word) CHECK(((lower >> (8 * at)) & 0xFF) == kSearchWordBytes[static_cast<size_t>(b)]);
    }
  }
  // Words of eight or more letters and words at the text's end, against the byte loop.
  for (std::string_view text : {"Abcdefgh", "Abcdefghi", "ab", "x Collective1 AGREEMENT",
                                "a1b2c3d4e5", "志工ABCDEFGHIJ志工", "Zz09zZ90 ", "ABCDEFG"}) {
    CHECK(from_keys(text) == from_tokens(text));
  }
}

}  // namespace firefly
