#include "render/collate.h"

#include <doctest/doctest.h>

namespace firefly {

namespace {

List titled(std::initializer_list<const char*> titles) {
  List out;
  for (const char* t : titles) out.push_back(Value(Map{{"title", std::string(t)}}));
  return out;
}

std::string order(const List& items) {
  std::string out;
  for (const Value& v : items) out += (out.empty() ? "" : "|") + v.get("title").to_text();
  return out;
}

}  // namespace

TEST_CASE("sort_by_title: the language's collation, not the bytes or slugs") {
  // zh-Hant: stroke order (人 2, 工 3, 長 8, 勞 12), not code points (人 4EBA < 勞 52DE < 工 5DE5 <
  // 長 9577).
  List zh = titled({"長者", "勞工", "工作", "人才"});
  sort_by_title(zh, "zh-Hant-TW");
  CHECK(order(zh) == "人才|工作|長者|勞工");
  // vi: "Đ" sorts after "D", before "E" (by bytes it would come after "Z").
  List vi = titled({"Việc làm", "Đào tạo nghề", "Dữ liệu", "Em"});
  sort_by_title(vi, "vi");
  CHECK(order(vi) == "Dữ liệu|Đào tạo nghề|Em|Việc làm");
  // en: case-insensitive first ("apple" before "Banana").
  List en = titled({"Banana", "apple"});
  sort_by_title(en, "en");
  CHECK(order(en) == "apple|Banana");
}

}  // namespace firefly
