#include "render/search_token_ids.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

namespace firefly {

TEST_CASE("search token ids: one number per distinct token, short and long alike") {
  SearchTokenIds ids;
  std::map<std::string, uint32_t> expected;
  // Enough tokens to grow the table several times; lengths 1 to 12 bytes, so that both
  // the packed keys and the long tokens are used, and prefixes of each other ("a", "aa").
  for (int round = 0; round < 2; ++round) {
    for (int n = 0; n < 5000; ++n) {
      std::string token(1 + n % 12, static_cast<char>('a' + n % 26));
      token += std::to_string(n % 1700);
      bool added = false;
      uint32_t id = ids.id(token, &added);
      auto [it, fresh] = expected.try_emplace(token, static_cast<uint32_t>(expected.size()));
      CHECK(added == fresh);
      CHECK(id == it->second);
      CHECK(ids.token(id) == token);
    }
  }
  CHECK(ids.size() == expected.size());
  bool added = false;
  uint32_t a = ids.id("a", &added), aa = ids.id("aa", &added), bigram = ids.id("勞工", &added);
  CHECK(a != aa);
  CHECK(ids.token(bigram) == "勞工");
  CHECK(ids.id("勞工", &added) == bigram);
  CHECK_FALSE(added);
}

TEST_CASE("search token ids: runs of three CJK characters, packed, stay apart") {
  SearchTokenIds ids;
  bool added = false;
  uint32_t a = ids.id("團體協", &added);
  CHECK(added);
  uint32_t b = ids.id("體協約", &added);
  CHECK(added);
  uint32_t c = ids.id("ab團體協", &added);  // 11 bytes: not three characters
  CHECK(added);
  CHECK(a != b);
  CHECK(c != a);
  CHECK(ids.id("團體協", &added) == a);
  CHECK_FALSE(added);
  CHECK(ids.token(a) == "團體協");
  CHECK(ids.token(b) == "體協約");
  // Many runs, so the table grows with packed keys in it.
  std::map<std::string, uint32_t> expected;
  for (uint32_t n = 0; n < 6000; ++n) {
    std::string run;
    for (uint32_t k = 0; k < 3; ++k) {
      uint32_t cp = 0x4E00 + (n * 7 + k * 131) % 20000;
      run += static_cast<char>(0xE0 | (cp >> 12));
      run += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      run += static_cast<char>(0x80 | (cp & 0x3F));
    }
    uint32_t id = ids.id(run, &added);
    auto [it, fresh] = expected.try_emplace(run, id);
    CHECK(added == fresh);
    CHECK(id == it->second);
    CHECK(ids.token(id) == run);
  }
}

}  // namespace firefly
