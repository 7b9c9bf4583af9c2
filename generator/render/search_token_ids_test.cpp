#include "render/search_token_ids.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

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

TEST_CASE("search token ids: each token's mark is kept beside it, 0 when new") {
  SearchTokenIds ids;
  // Short, packed (three CJK characters) and long tokens; enough of them that the table
  // grows, and the marks must move with their tokens.
  auto cjk_run = [](uint32_t n) {
    std::string run;
    for (uint32_t k = 0; k < 3; ++k) {
      uint32_t cp = 0x4E00 + (n * 7 + k * 131) % 20000;
      run += static_cast<char>(0xE0 | (cp >> 12));
      run += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      run += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return run;
  };
  std::vector<std::string> tokens;
  for (uint32_t n = 0; n < 3000; ++n) {
    if (n % 3 == 0) tokens.push_back("w" + std::to_string(n));
    if (n % 3 == 1) tokens.push_back(cjk_run(n));
    if (n % 3 == 2) tokens.push_back("a-long-token-" + std::to_string(n));
  }
  tokens.push_back("體協約");
  for (uint32_t n = 0; n < tokens.size(); ++n) {
    SearchTokenIds::Found f = ids.find(tokens[n]);
    CHECK(f.added);
    CHECK(*f.mark == 0);
    *f.mark = n + 1;
  }
  for (uint32_t n = 0; n < tokens.size(); ++n) {
    SearchTokenIds::Found f = ids.find(tokens[n]);
    CHECK_FALSE(f.added);
    CHECK(f.id == n);
    CHECK(*f.mark == n + 1);
    CHECK(ids.token(f.id) == tokens[n]);
  }
  uint64_t key = SearchTokenIds::short_key("體協約");
  REQUIRE(key != 0);
  CHECK(*ids.find_key(key, {}).mark == tokens.size());
}

TEST_CASE("search token ids: long tokens sharing their first or last eight bytes keep their numbers") {
  SearchTokenIds ids;
  // More long tokens than the first table has slots, most of them sharing their first
  // eight or last eight bytes (the hash reads both), and a token whose bytes hold a NUL.
  std::vector<std::string> tokens;
  for (int n = 0; n < 3000; ++n) {
    tokens.push_back("collective" + std::to_string(n));
    tokens.push_back(std::to_string(n) + "agreements");
  }
  tokens.push_back(std::string("a\0b", 3));
  for (const std::string& t : tokens) CHECK(ids.find(t).added);
  for (size_t n = 0; n < tokens.size(); ++n) {
    SearchTokenIds::Found f = ids.find(tokens[n]);
    CHECK_FALSE(f.added);
    CHECK(f.id == n);
    CHECK(ids.token(f.id) == tokens[n]);
  }
  CHECK(SearchTokenIds::long_key("collective1") != SearchTokenIds::long_key("collective2"));
  CHECK((SearchTokenIds::long_key("collective1") >> 56) == 0xFE);
}

}  // namespace firefly
