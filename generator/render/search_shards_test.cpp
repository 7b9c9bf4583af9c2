#include "render/search_shards.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace firefly {

TEST_CASE("VLQ numbers round-trip and read as documented") {
  std::string s;
  for (uint32_t v : {0u, 1u, 25u, 31u, 32u, 1000u, 4294967295u}) append_vlq(s, v);
  size_t i = 0;
  for (uint32_t v : {0u, 1u, 25u, 31u, 32u, 1000u, 4294967295u}) CHECK(read_vlq(s, &i) == v);
  CHECK(i == s.size());
  std::string one;
  append_vlq(one, 3);
  CHECK(one == "D");
  std::string two;
  append_vlq(two, 33);  // 1 with "more" (33 -> 'h'), then 1 ('B')
  CHECK(two == "hB");
  // Either side of one, two and three characters' ends, and the size of each.
  for (uint32_t v : {0u, 31u, 32u, 1023u, 1024u, 1055u, 32767u, 32768u, 1u << 30}) {
    std::string one_number;
    append_vlq(one_number, v);
    size_t at = 0;
    CHECK(read_vlq(one_number, &at) == v);
    CHECK(at == one_number.size());
    CHECK(one_number.size() == (v < 32           ? 1
                                : v < 1024       ? 2
                                : v < 32768      ? 3
                                : v < (1u << 20) ? 4
                                                 : 7));
  }
  size_t bad = 0;
  CHECK_FALSE(read_vlq("*", &bad));
  size_t cut = 0;
  CHECK_FALSE(read_vlq("h", &cut));  // a continuation with nothing after it
}

TEST_CASE("postings: document gaps, field and count in one weight, position gaps") {
  std::vector<Posting> in = {{0, SearchField::kTitle, 2, {0, 7}},
                             {5, SearchField::kBody, 3, {3, 9, 200}}};
  std::string s;
  append_postings(s, in);
  // doc 0 -> gap 1 'B'; weight 2 + 3*1 = 5 'F'; positions 0 'A', gap 7 'H'; doc 5 -> gap
  // 5 'F'; weight 0 + 3*2 = 6 'G'; 3 'D', 6 'G', 191 = 31 + 32 * 5 -> '/' (31 + 32: more) 'F'
  CHECK(s == "BFAHFGDG/F");
  auto out = read_postings(s, true);
  REQUIRE(out);
  REQUIRE(out->size() == 2);
  CHECK((*out)[0].doc == 0);
  CHECK((*out)[0].field == SearchField::kTitle);
  CHECK((*out)[0].count == 2);
  CHECK((*out)[0].positions == std::vector<uint32_t>{0, 7});
  CHECK((*out)[1].doc == 5);
  CHECK((*out)[1].count == 3);
  CHECK((*out)[1].positions == std::vector<uint32_t>{3, 9, 200});
  CHECK_FALSE(read_postings("BF", true));   // cut short: two positions missing
  CHECK_FALSE(read_postings("A_A", true));  // a gap of 0 / a bad character
}

TEST_CASE("postings without positions (single CJK characters): counts capped at 10") {
  std::vector<Posting> in = {{3, SearchField::kHeading, 40, {}}, {4, SearchField::kBody, 1, {}}};
  std::string s;
  append_postings(s, in);
  CHECK(s == "EcBA");  // gap 4; weight 1 + 3 * 9 = 28 'c'; gap 1 'B'; weight 0 'A'

  auto out = read_postings(s, false);
  REQUIRE(out);
  REQUIRE(out->size() == 2);
  CHECK((*out)[0].doc == 3);
  CHECK((*out)[0].field == SearchField::kHeading);
  CHECK((*out)[0].count == 10);
  CHECK((*out)[0].positions.empty());
  CHECK((*out)[1].doc == 4);
  // Read as positional, the same text is malformed (a count of 10 needs 10 positions).
  CHECK_FALSE(read_postings(s, true));
}

TEST_CASE("postings written in runs of documents and appended equal the whole list's") {
  std::vector<Posting> in = {{2, SearchField::kBody, 1, {4}},
                             {9, SearchField::kTitle, 3, {0, 1, 5}},
                             {40, SearchField::kBody, 1, {77}}};
  std::string whole;
  append_postings(whole, in);
  PostingWriter first, second, third, joined;
  first.add(in[0]);
  second.add(in[1]);
  second.add(in[2]);
  joined.append(third);  // nothing written: nothing appended
  joined.append(first);
  joined.append(third);
  joined.append(second);
  CHECK(joined.text() == whole);
  auto back = read_postings(joined.text(), true);
  REQUIRE(back);
  CHECK((*back)[1].doc == 9);
  CHECK((*back)[2].doc == 40);
  CHECK((*back)[1].positions == std::vector<uint32_t>{0, 1, 5});
}

TEST_CASE("shards: cut at the target size, never more than the cap") {
  CHECK(split_shards({10, 10, 10, 10}, 25, 0) == std::vector<size_t>{0, 2});
  CHECK(split_shards({100, 1, 1}, 25, 0) == std::vector<size_t>{0, 1});  // a big line alone
  CHECK(split_shards({}, 25, 0).empty());
  std::vector<size_t> many(10000, 50);
  // At the cap, the shards are as small as the cap allows.
  CHECK(split_shards(many, 10, 100).size() == 100);
  CHECK(split_shards(many, 10, 333).size() <= 333);
  CHECK(split_shards(many, 10, 333).size() == 323);  // 31 lines each: 30 would make 334
}

TEST_CASE("shards: CJK tokens by hash, the largest alone, the words cut in byte order") {
  // FNV-1a, 32 bits, of the UTF-8 bytes: search-index.js computes the same.
  CHECK(cjk_shard_hash("") == 0x811c9dc5u);
  CHECK(cjk_shard_hash("a") == 0xe40c292cu);
  CHECK(cjk_shard_hash("志工") == 0xf382a095u);
  CHECK(hashed_shard_count(0, 100, 10, 50) == 0);
  CHECK(hashed_shard_count(95, 0, 10, 50) == 10);       // enough for the target each
  CHECK(hashed_shard_count(5000, 5000, 10, 40) == 20);  // no more than their share by bytes
  CHECK(hashed_shard_count(1, 100000, 10, 40) == 1);    // at least one

  // Lines in byte order: words (with positions) and CJK tokens (without), one large.
  std::vector<std::string> tokens = {"alpha", "beta", "gamma", "志", "志工", "工", "團體"};
  std::vector<size_t> sizes = {10, 10, 10, 10, 100, 10, 10};
  std::vector<bool> positional = {true, true, true, false, false, false, false};
  auto token = [&](size_t k) { return std::string_view(tokens[k]); };
  ShardPlan plan = plan_shards(sizes, positional, token, 25, 0);
  CHECK(plan.words == std::vector<size_t>{0, 2});  // alpha+beta, gamma
  CHECK(plan.alone == std::vector<size_t>{4});     // 志工, larger than a shard
  CHECK(plan.hashed == 2);                         // 30 bytes of other CJK lines
  REQUIRE(plan.files.size() == 5);
  CHECK(plan.files[0] == std::vector<size_t>{0, 1});
  CHECK(plan.files[1] == std::vector<size_t>{2});
  CHECK(plan.files[2] == std::vector<size_t>{4});
  size_t placed = 0;
  for (size_t k : {3, 5, 6}) {
    const std::vector<size_t>& file = plan.files[3 + cjk_shard_hash(tokens[k]) % 2];
    CHECK(std::find(file.begin(), file.end(), k) != file.end());
  }
  for (size_t f = 3; f < 5; ++f) {
    placed += plan.files[f].size();
    CHECK(std::is_sorted(plan.files[f].begin(), plan.files[f].end()));  // byte order
  }
  CHECK(placed == 3);

  // Files of their own for at most a third of the files: the largest.
  std::vector<size_t> big = {10, 40, 60, 50, 70};
  std::vector<bool> none(5, false);
  std::vector<std::string> han = {"一", "二", "三", "四", "五"};
  ShardPlan capped = plan_shards(
      big, none, [&](size_t k) { return std::string_view(han[k]); }, 25, 6);
  CHECK(capped.alone == std::vector<size_t>{2, 4});  // 60 and 70, in byte order
  CHECK(capped.words.empty());
  CHECK(capped.files.size() <= 6);
}

TEST_CASE("postings apart: page list and positions split, read back as one") {
  std::vector<Posting> in = {{0, SearchField::kTitle, 2, {0, 7}},
                             {5, SearchField::kBody, 3, {3, 9, 200}}};
  std::string s;
  append_postings(s, in);  // "BFAHFGDG/F", as above
  auto split = split_positions(s);
  REQUIRE(split);
  CHECK(split->pages == "BFFG");        // gap 1, weight 5; gap 5, weight 6
  CHECK(split->positions == "AHDG/F");  // 0, +7; 3, +6, +191
  auto back = read_postings_apart(split->pages, split->positions);
  REQUIRE(back);
  REQUIRE(back->size() == 2);
  CHECK((*back)[0].field == SearchField::kTitle);
  CHECK((*back)[0].positions == std::vector<uint32_t>{0, 7});
  CHECK((*back)[1].doc == 5);
  CHECK((*back)[1].positions == std::vector<uint32_t>{3, 9, 200});
  CHECK_FALSE(read_postings_apart(split->pages, "AHDG"));     // positions missing
  CHECK_FALSE(read_postings_apart(split->pages, "AHDG/FA"));  // one too many
  CHECK_FALSE(split_positions("BF"));                         // cut short
  CHECK_FALSE(split_positions("BFA!"));                       // not a VLQ character
  CHECK_FALSE(split_positions("BFAgggggggA"));                // a position of 8 characters
  CHECK(split_positions("BFAggggggA"));                       // 7: the most a number has
}

TEST_CASE("positions apart: the largest lines, only with files to spare") {
  // Target 25: the lines fill 4 shards ({0}, {1}, {2, 3}, {4}).
  std::vector<size_t> sizes = {100, 40, 10, 10, 60};
  std::vector<bool> positional = {true, true, true, true, false};
  CHECK(lines_apart(sizes, positional, 25, 4).empty());  // no file to spare
  CHECK(lines_apart(sizes, positional, 25, 3).empty());
  CHECK(lines_apart(sizes, positional, 25, 5) == std::vector<size_t>{0});
  // Largest first; a line without positions or within the target never.
  CHECK(lines_apart(sizes, positional, 25, 9) == std::vector<size_t>{0, 1});
}

TEST_CASE("shard separators: the shortest start of the first token above the last") {
  CHECK(shard_separator("apple", "banana") == "b");
  CHECK(shard_separator("volunt", "volunteers") == "volunte");  // the last is its start
  CHECK(shard_separator("volunteer", "volunteers") == "volunteers");
  CHECK(shard_separator("團體協", "團體協約") == "團體協約");
  CHECK(shard_separator("團體", "團結") == "團結");  // whole characters
  CHECK(shard_separator("勞工", "勞資會") == "勞資");
  // Every token from the separator up to the first sorts after the last, and none before.
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"a", "ab"}, {"abc", "abd"}, {"志", "志工"}, {"志工", "志願"}, {"z", "志"}};
  for (const auto& [last, first] : pairs) {
    std::string sep = shard_separator(last, first);
    CHECK(sep > last);
    CHECK(sep <= first);
    CHECK(first.rfind(sep, 0) == 0);
  }
}

}  // namespace firefly
