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

TEST_CASE("find returns a map's first member of that key, in small and large maps") {
  for (int size : {0, 1, 8, 9, 40, 300}) {
    Map m;
    for (int i = 0; i < size; ++i) m.emplace_back("k" + std::to_string(i), i);
    m.emplace_back("k0", -1);  // written twice: the first one counts
    Value v(std::move(m));
    for (int i = 0; i < size; ++i) {
      std::string key = "k" + std::to_string(i);
      REQUIRE(v.find(key) != nullptr);
      CHECK(v.find(key)->as_int() == i);
      CHECK(v.find(key, Value::key_hash(key)) == v.find(key));
    }
    CHECK(v.get("k0").as_int() == (size > 0 ? 0 : -1));
    for (const std::string& absent :
         std::vector<std::string>{"", "k", "k0 ", "K1", "x" + std::to_string(size)}) {
      CHECK(v.find(absent) == nullptr);
      CHECK(v.find(absent, Value::key_hash(absent)) == nullptr);
    }
  }
  CHECK(Value("text").find("a", Value::key_hash("a")) == nullptr);
  CHECK(Value(List{1}).find("a") == nullptr);
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
