#include "render/collate.h"

#include <doctest/doctest.h>

#include <iterator>

#include "core/locale.h"

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

TEST_CASE("sort_by_title orders as Collator::compare, ties by bytes included") {
  // Canonically equal (é precomposed and e with a combining accent): by their bytes.
  List e1 = titled({"\xc3\xa9t\xc3\xa9", "e\xcc\x81te\xcc\x81", "ete"});
  List e2 = titled({"e\xcc\x81te\xcc\x81", "\xc3\xa9t\xc3\xa9", "ete"});
  sort_by_title(e1, "en");
  sort_by_title(e2, "en");
  CHECK(order(e1) == order(e2));
  const char* pieces[] = {
      "a",        "A",        "\xc3\xa4", "b", "B",  "\xc4\x90",     "d",
      "Z",        " ",        "-",        "1", "10", "\xe4\xba\xba", "\xe5\xb7\xa5",
      "\xc3\xa9", "e\xcc\x81"};
  for (const char* locale : {"en", "vi", "zh-Hant-TW", "de"}) {
    Collator collator(locale);
    List items;
    unsigned seed = 7;
    for (int i = 0; i < 300; ++i) {
      std::string t;
      for (int k = 0; k < 1 + i % 4; ++k) {
        seed = seed * 1103515245u + 12345u;
        t += pieces[(seed >> 16) % std::size(pieces)];
      }
      items.push_back(Value(Map{{"title", t}}));
    }
    sort_by_title(items, locale);
    for (size_t i = 1; i < items.size(); ++i) {
      CHECK(collator.compare(items[i - 1].get("title").to_text(),
                             items[i].get("title").to_text()) <= 0);
    }
  }
}

}  // namespace firefly
