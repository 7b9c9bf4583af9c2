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

}  // namespace firefly
