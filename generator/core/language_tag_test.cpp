#include "core/language_tag.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("is_language_tag accepts the tags sites write") {
  CHECK(is_language_tag("en"));
  CHECK(is_language_tag("zh-TW"));
  CHECK(is_language_tag("zh-Hant-TW"));
  CHECK(is_language_tag("nan-Latn"));
  CHECK(is_language_tag("es-419"));
}

TEST_CASE("is_language_tag rejects what is not a tag") {
  CHECK_FALSE(is_language_tag(""));
  CHECK_FALSE(is_language_tag("e"));
  CHECK_FALSE(is_language_tag("english"));
  CHECK_FALSE(is_language_tag("zh_TW"));
  CHECK_FALSE(is_language_tag("zh-"));
  CHECK_FALSE(is_language_tag("-en"));
  CHECK_FALSE(is_language_tag("en--GB"));
  CHECK_FALSE(is_language_tag("12"));
  CHECK_FALSE(is_language_tag("en-x"));
  CHECK_FALSE(is_language_tag("en-abcdefghi"));
  CHECK_FALSE(is_language_tag("en GB"));
  CHECK_FALSE(is_language_tag("中文"));
}

}  // namespace firefly
