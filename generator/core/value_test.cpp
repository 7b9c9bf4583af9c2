#include "core/value.h"

#include <doctest/doctest.h>

namespace firefly {

TEST_CASE("same_content compares data and ignores where it was written") {
  Value a(Map{{"title", "Roses"}, {"tags", Value(List{"a", "b"})}, {"weight", 3}});
  Value b(
      Map{{"title", with_pos("Roses", {4, 8})}, {"tags", Value(List{"a", "b"})}, {"weight", 3}});
  CHECK(same_content(a, b));
  CHECK(same_content(Value(), Value()));
  CHECK_FALSE(same_content(a, Value(Map{{"title", "Roses"}})));
  CHECK_FALSE(same_content(Value(List{"a", "b"}), Value(List{"b", "a"})));
  CHECK_FALSE(same_content(Value(Map{{"a", 1}, {"b", 2}}), Value(Map{{"b", 2}, {"a", 1}})));
  CHECK_FALSE(same_content(Value(1), Value(1.0)));  // an int and a double are different YAML
  CHECK_FALSE(same_content(Value("1"), Value(1)));
  CHECK_FALSE(same_content(Value(true), Value(false)));
  CHECK_FALSE(same_content(Value(Map{{"a", Value(List{1})}}), Value(Map{{"a", Value(List{2})}})));
}

TEST_CASE("same_written compares data and where each value was written") {
  Value a(Map{{"title", with_pos("Roses", {2, 8})}, {"tags", Value(List{with_pos("a", {3, 8})})}});
  Value b(Map{{"title", with_pos("Roses", {2, 8})}, {"tags", Value(List{with_pos("a", {3, 8})})}});
  CHECK(same_written(a, b));
  CHECK(same_written(a, a));
  Value moved(
      Map{{"title", with_pos("Roses", {2, 8})}, {"tags", Value(List{with_pos("a", {4, 8})})}});
  CHECK(same_content(a, moved));
  CHECK_FALSE(same_written(a, moved));  // a list item one line lower
  Value key = with_pos("Roses", {2, 8});
  key.key_pos = {2, 1};
  CHECK_FALSE(same_written(Value(Map{{"title", key}}), Value(Map{{"title", a.get("title")}})));
  CHECK_FALSE(same_written(a, Value(Map{{"title", with_pos("Roses", {2, 8})}})));
}

}  // namespace firefly
